import { CheckCancelled, CheckInput, CheckResult, checkWorkbook } from '../core/engine';

/** What the adapter needs back from a check: the report and the plan to render. */
export type EngineOutput = Pick<CheckResult, 'report' | 'plan'>;

export interface EngineRunnerOptions {
  onProgress?(fraction: number, stage: string): void;
  signal?: AbortSignal;
}

/**
 * Runs the engine on sheets already read. The task pane passes one backed by a Web Worker; the default
 * runs in the calling thread. A runner signals cancellation by rejecting with an error named
 * "CheckCancelled" or "EngineCancelled" (or any rejection once the signal has fired).
 */
export type EngineRunner = (input: CheckInput, options?: EngineRunnerOptions) => Promise<EngineOutput>;

/** Runs `checkWorkbook` in this thread, honouring the abort signal between stages. */
export const inThreadEngine: EngineRunner = async (input, options = {}) => {
  const result = checkWorkbook(input, {
    onProgress: options.onProgress,
    isCancelled: () => options.signal?.aborted === true,
  });
  return { report: result.report, plan: result.plan };
};

/** True when a runner's rejection means "cancelled", not "failed". */
export function isCancellation(error: unknown, signal?: AbortSignal): boolean {
  if (signal?.aborted) return true;
  if (error instanceof CheckCancelled) return true;
  const name = (error as { name?: unknown } | null)?.name;
  return name === 'CheckCancelled' || name === 'EngineCancelled';
}
