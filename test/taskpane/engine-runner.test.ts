import { CheckInput } from '../../src/core/engine';
import { resolveSettings } from '../../src/core/model/settings';
import { EngineMessage, EngineRequest } from '../../src/taskpane/engine-protocol';
import { createWorkerEngine, EngineCancelled, runEngineInline, WorkerLike } from '../../src/taskpane/engine-runner';
import { handleRequest } from '../../src/taskpane/engine-worker';

const input: CheckInput = {
  sheets: [{ name: 'Notes', rows: [['hello'], ['world']] }],
  settings: resolveSettings({ asOf: 45366 }),
};

/** A stand-in worker: runs the real worker handler asynchronously, like a thread would. */
class FakeWorker implements WorkerLike {
  onmessage: ((event: MessageEvent<EngineMessage>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  terminated = false;
  posted: EngineRequest[] = [];
  constructor(private readonly behaviour: 'run' | 'hang' | 'crash' = 'run') {}
  postMessage(request: EngineRequest): void {
    this.posted.push(request);
    if (this.behaviour === 'hang') return;
    setTimeout(() => {
      if (this.terminated) return;
      if (this.behaviour === 'crash') {
        this.onerror?.({ message: 'SyntaxError in engine-worker.js', preventDefault() {} } as ErrorEvent);
        return;
      }
      handleRequest(structuredClone(request), (m) => {
        if (!this.terminated) this.onmessage?.({ data: structuredClone(m) } as MessageEvent<EngineMessage>);
      });
    }, 0);
  }
  terminate(): void {
    this.terminated = true;
  }
}

describe('the worker engine runner', () => {
  it('returns the report and plan and forwards progress up to done', async () => {
    const workers: FakeWorker[] = [];
    const run = createWorkerEngine(() => {
      const w = new FakeWorker();
      workers.push(w);
      return w;
    });
    const stages: string[] = [];
    const out = await run(input, { onProgress: (fraction, stage) => stages.push(`${stage}:${fraction}`) });
    expect(out.report.asOf).toBe('2024-03-15');
    expect(Array.isArray(out.report.findings)).toBe(true);
    expect(Array.isArray(out.plan.marks)).toBe(true);
    expect(stages[0]).toBe('recognize:0');
    expect(stages[stages.length - 1]).toBe('done:1');
    // The worker is reused: its engine code is loaded once per pane.
    await run(input);
    expect(workers).toHaveLength(1);
  });

  it('cancels by terminating the worker, and the next run gets a fresh one', async () => {
    const workers: FakeWorker[] = [];
    const run = createWorkerEngine(() => {
      const w = new FakeWorker(workers.length === 0 ? 'hang' : 'run');
      workers.push(w);
      return w;
    });
    const controller = new AbortController();
    const pending = run(input, { signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toBeInstanceOf(EngineCancelled);
    expect(workers[0].terminated).toBe(true);
    await expect(run(input)).resolves.toHaveProperty('report');
    expect(workers).toHaveLength(2);
  });

  it('does not start when the signal is already aborted', async () => {
    const make = jest.fn(() => new FakeWorker());
    const controller = new AbortController();
    controller.abort();
    await expect(createWorkerEngine(make)(input, { signal: controller.signal })).rejects.toBeInstanceOf(EngineCancelled);
    expect(make).not.toHaveBeenCalled();
  });

  it('a second run cancels the first', async () => {
    const run = createWorkerEngine(() => new FakeWorker('hang'));
    const first = run(input);
    void run(input).catch(() => undefined);
    await expect(first).rejects.toBeInstanceOf(EngineCancelled);
  });

  it('turns a worker that fails to load into a rejection, not a hang', async () => {
    const run = createWorkerEngine(() => new FakeWorker('crash'));
    await expect(run(input)).rejects.toThrow(/check engine failed to run: SyntaxError/);
  });
});

describe('the worker handler', () => {
  it('reports an engine exception as an error message', () => {
    const posted: EngineMessage[] = [];
    // A settings object without its fields makes the engine stumble: the handler must not throw.
    handleRequest({ type: 'check', id: 7, input: { sheets: [{ name: 'S', rows: [] }], settings: null as unknown as CheckInput['settings'] } }, (m) =>
      posted.push(m),
    );
    expect(posted[posted.length - 1]).toMatchObject({ type: 'error', id: 7 });
  });
});

describe('the inline runner', () => {
  it('runs the engine on the calling thread', async () => {
    const out = await runEngineInline(input);
    expect(out.report.sheets).toEqual([]);
  });

  it('honours an abort between stages', async () => {
    const controller = new AbortController();
    const pending = runEngineInline(input, {
      signal: controller.signal,
      onProgress: (_f, stage) => {
        if (stage === 'parse') controller.abort();
      },
    });
    await expect(pending).rejects.toBeInstanceOf(EngineCancelled);
  });
});
