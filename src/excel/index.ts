/** The Excel adapter's public face: the task pane builds its WorkbookOps with `createExcelOps`. */
export { createExcelOps } from './workbook-ops';
export type { ExcelOps, ExcelOpsOptions, RunFigures } from './workbook-ops';
export type { EngineOutput, EngineRunner, EngineRunnerOptions } from './engine-runner';
export { inThreadEngine } from './engine-runner';
export type { ExcelHost } from './host';
export { officeHost } from './host';
export type { CheckOptions, CheckSummary, ClearSummary, OpResult, RunWarning, WorkbookOps } from './ops';
