/**
 * The one place the task pane meets the Excel adapter: builds the real WorkbookOps once Office is
 * ready. Everything else in src/taskpane sees only the WorkbookOps interface.
 *
 * TEMPORARY: the adapter in src/excel is being written; until it exports its factory this returns
 * operations that say so instead of failing silently. Replace the body of createOfficeOps when it lands.
 */
import { langFromLocale } from '../core/i18n';
import { OpResult, WorkbookOps } from '../excel/ops';
import { createEngineRun } from './engine-runner';

/** The WorkbookOps for the Excel the task pane runs in. */
export function createOfficeOps(): WorkbookOps {
  void createEngineRun; // the adapter will take this runner so checks run in a Web Worker
  const unavailable = async <T>(): Promise<OpResult<T>> => ({
    ok: false,
    code: 'NotAvailable',
    message: 'The Excel adapter is not built into this version yet.',
  });
  return {
    check: unavailable,
    clear: unavailable,
    select: unavailable,
    displayLanguage: () => langFromLocale(Office.context?.displayLanguage),
  };
}
