/**
 * Messages between the task pane and the engine worker (engine-worker.ts). Everything here crosses
 * postMessage, so it must survive structured cloning: the report and the plan (plain data, money as
 * decimal strings) do; the parsed records (Decimal instances) do not and are never sent back.
 */
import { CheckInput, CheckResult } from '../core/engine';

/** What a check run in the worker gives back. */
export type EngineOutput = Pick<CheckResult, 'report' | 'plan'>;

/** Task pane → worker. */
export interface EngineRequest {
  type: 'check';
  id: number;
  input: CheckInput;
}

/** Worker → task pane. */
export type EngineMessage =
  | { type: 'progress'; id: number; fraction: number; stage: string }
  | { type: 'result'; id: number; output: EngineOutput }
  | { type: 'error'; id: number; message: string };
