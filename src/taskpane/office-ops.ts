/**
 * The one place the task pane meets the Excel adapter: builds the real WorkbookOps once Office is
 * ready. Everything else in src/taskpane sees only the WorkbookOps interface.
 */
import { createExcelOps, WorkbookOps } from '../excel';
import { createEngineRun } from './engine-runner';

/**
 * The WorkbookOps for the Excel the task pane runs in (the global `Excel` and `Office`), with checks
 * run in a Web Worker so the pane stays responsive and can be cancelled.
 */
export function createOfficeOps(): WorkbookOps {
  return createExcelOps({ engine: createEngineRun() });
}
