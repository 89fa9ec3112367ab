/**
 * Runs the check engine for the Excel adapter: in a Web Worker when the browser has one (always, in
 * Office's web views), else on the main thread as a fallback. The adapter reads the sheets, hands them
 * to an {@link EngineRun}, and renders the plan it gets back.
 */
import { CheckInput } from '../core/engine';
import { EngineMessage, EngineOutput, EngineRequest } from './engine-protocol';

export type { EngineOutput } from './engine-protocol';

export interface EngineRunOptions {
  onProgress?(fraction: number, stage: string): void;
  signal?: AbortSignal;
}

/** Runs every check on already-read sheets; rejects with {@link EngineCancelled} when aborted. */
export type EngineRun = (input: CheckInput, options?: EngineRunOptions) => Promise<EngineOutput>;

/** The run was cancelled through its AbortSignal (not a failure: nothing was written). */
export class EngineCancelled extends Error {
  constructor() {
    super('check cancelled');
    this.name = 'EngineCancelled';
  }
}

/** The engine bundle's file name, emitted by webpack.config.js next to taskpane.html. */
export const ENGINE_WORKER_FILE = 'engine-worker.js';

/** The minimal Worker surface the runner uses, so tests can pass a stand-in. */
export interface WorkerLike {
  postMessage(message: EngineRequest): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<EngineMessage>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
}

/** A Worker running engine-worker.js from beside the current page. */
export function defaultEngineWorker(): WorkerLike {
  return new Worker(new URL(ENGINE_WORKER_FILE, document.baseURI)) as unknown as WorkerLike;
}

/**
 * An {@link EngineRun} backed by one long-lived worker (started on first use, so the engine's code is
 * parsed once). Cancelling terminates the worker — the engine is synchronous and cannot see a message
 * mid-run — and the next run starts a fresh one. One run at a time: starting another cancels the first.
 */
export function createWorkerEngine(makeWorker: () => WorkerLike = defaultEngineWorker): EngineRun {
  let worker: WorkerLike | null = null;
  let nextId = 1;
  let current: { id: number; reject(e: Error): void; cleanup(): void } | null = null;

  const kill = (): void => {
    worker?.terminate();
    worker = null;
  };

  return (input, options = {}) =>
    new Promise<EngineOutput>((resolve, reject) => {
      if (current) {
        const previous = current;
        current = null;
        previous.cleanup();
        kill();
        previous.reject(new EngineCancelled());
      }
      const { signal, onProgress } = options;
      if (signal?.aborted) {
        reject(new EngineCancelled());
        return;
      }
      const id = nextId++;
      const onAbort = (): void => {
        if (current?.id !== id) return;
        current = null;
        cleanup();
        kill();
        reject(new EngineCancelled());
      };
      const cleanup = (): void => signal?.removeEventListener('abort', onAbort);
      signal?.addEventListener('abort', onAbort);
      current = { id, reject, cleanup };

      const w = worker ?? (worker = makeWorker());
      w.onmessage = (event) => {
        const m = event.data;
        if (m.id !== id || current?.id !== id) return;
        if (m.type === 'progress') {
          onProgress?.(m.fraction, m.stage);
          return;
        }
        current = null;
        cleanup();
        if (m.type === 'result') resolve(m.output);
        else reject(new Error(m.message));
      };
      w.onerror = (event) => {
        event.preventDefault?.();
        if (current?.id !== id) return;
        current = null;
        cleanup();
        kill();
        reject(new Error(`the check engine failed to run: ${event.message || 'worker error'}`));
      };
      w.postMessage({ type: 'check', id, input });
    });
}

/**
 * Runs the engine on the calling thread, for hosts without Web Workers. The engine module is loaded
 * on demand so it stays out of the task pane's first-screen bundle. Cancellation is honoured between
 * stages (the engine checks isCancelled at each one).
 */
export const runEngineInline: EngineRun = async (input, options = {}) => {
  const { checkWorkbook, CheckCancelled } = await import('../core/engine');
  if (options.signal?.aborted) throw new EngineCancelled();
  try {
    const { report, plan } = checkWorkbook(input, {
      onProgress: options.onProgress,
      isCancelled: () => options.signal?.aborted ?? false,
    });
    return { report, plan };
  } catch (e) {
    if (e instanceof CheckCancelled) throw new EngineCancelled();
    throw e;
  }
};

/** The best runner for this environment: a worker where Web Workers exist, else inline. */
export function createEngineRun(): EngineRun {
  return typeof Worker === 'function' ? createWorkerEngine() : runEngineInline;
}
