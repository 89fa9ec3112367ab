/**
 * Web Worker entry (its own webpack entry, `engine-worker.js`): runs the check engine off the UI thread
 * so the task pane stays responsive and can show progress. The engine is synchronous, so a cancel
 * cannot be delivered as a message mid-run; the runner cancels by terminating this worker instead
 * (engine-runner.ts), which stops the work at once and leaves nothing half-written (the worker never
 * touches the workbook).
 */
import { checkWorkbook } from '../core/engine';
import { EngineMessage, EngineRequest } from './engine-protocol';

/** The slice of the worker global this file uses (tsconfig's lib has DOM, not WebWorker). */
interface WorkerScope {
  onmessage: ((event: MessageEvent<EngineRequest>) => void) | null;
  postMessage(message: EngineMessage): void;
}

/** Handles one request; exported for tests that drive it without a worker. */
export function handleRequest(request: EngineRequest, post: (m: EngineMessage) => void): void {
  if (request.type !== 'check') return;
  const { id } = request;
  try {
    const { report, plan } = checkWorkbook(request.input, {
      onProgress: (fraction, stage) => post({ type: 'progress', id, fraction, stage }),
    });
    post({ type: 'result', id, output: { report, plan } });
  } catch (e) {
    // A throw here is an engine bug; report it so the pane can show it instead of waiting forever.
    post({ type: 'error', id, message: e instanceof Error ? `${e.name}: ${e.message}` : String(e) });
  }
}

// Only inside a worker (importScripts exists there and nowhere else); importing this file elsewhere is inert.
if (typeof self !== 'undefined' && typeof (self as { importScripts?: unknown }).importScripts === 'function') {
  const scope = self as unknown as WorkerScope;
  scope.onmessage = (event) => handleRequest(event.data, (m) => scope.postMessage(m));
}
