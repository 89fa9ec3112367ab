/**
 * The real workbook operations: the Excel adapter with checks run in a Web Worker so the pane stays
 * responsive and can be cancelled. Loaded after the first screen (see office-ops.ts): the adapter is
 * most of the pane's code.
 */
import { createExcelOps, WorkbookOps } from '../excel';
import { createEngineRun } from './engine-runner';

/** The WorkbookOps for the Excel the task pane runs in (the global `Excel` and `Office`). */
export function createOfficeAdapter(): WorkbookOps {
  return createExcelOps({ engine: createEngineRun() });
}
