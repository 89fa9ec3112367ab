import { Lang } from '../../src/core/model/i18n';
import type { CheckSummary, OpResult, WorkbookOps } from '../../src/excel/ops';
import { LOAD_FAILED, lazyWorkbookOps } from '../../src/taskpane/lazy-ops';

const SUMMARY: CheckSummary = { counts: { error: 1, warning: 0, info: 0 }, findings: [], sheets: [], findingsSheet: 'Findings', reviews: {} };

/** A WorkbookOps stand-in that records what it was asked. */
function stubOps(calls: string[]): WorkbookOps {
  return {
    check: async (o) => {
      o.onProgress?.(0.5, 'read');
      calls.push('check');
      return { ok: true, value: SUMMARY };
    },
    clear: async () => {
      calls.push('clear');
      return { ok: true, value: { restoredCells: 4 } };
    },
    verifyAudit: async () => {
      calls.push('verify');
      return { ok: true, value: { ok: true, rows: 2 } };
    },
    select: async (sheet, cell) => {
      calls.push(`select ${sheet}!${cell}`);
      return { ok: true, value: undefined };
    },
    displayLanguage: () => 'en',
  };
}

describe('lazyWorkbookOps', () => {
  it('knows the display language before anything is loaded', () => {
    const load = jest.fn(async () => stubOps([]));
    const ops = lazyWorkbookOps(load, () => 'zh');
    expect(ops.displayLanguage()).toBe('zh');
    expect(load).not.toHaveBeenCalled();
  });

  it('loads the implementation once and forwards every operation with its arguments and result', async () => {
    const calls: string[] = [];
    const load = jest.fn(async () => stubOps(calls));
    const ops = lazyWorkbookOps(load, () => 'en');
    const progress: [number, string][] = [];
    const [checked, cleared] = await Promise.all([ops.check({ onProgress: (f, s) => progress.push([f, s]) }), ops.clear()]);
    expect(checked).toEqual({ ok: true, value: SUMMARY });
    expect(cleared).toEqual({ ok: true, value: { restoredCells: 4 } });
    expect(progress).toEqual([[0.5, 'read']]);
    await expect(ops.verifyAudit()).resolves.toEqual({ ok: true, value: { ok: true, rows: 2 } });
    await expect(ops.select('Sales', 'B7')).resolves.toEqual({ ok: true, value: undefined });
    expect(calls.sort()).toEqual(['check', 'clear', 'select Sales!B7', 'verify']);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('preload starts loading so the first operation does not load again', async () => {
    const load = jest.fn(async () => stubOps([]));
    const ops = lazyWorkbookOps(load, () => 'en');
    ops.preload();
    expect(load).toHaveBeenCalledTimes(1);
    await ops.clear();
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('a failed load is a message in the pane’s language, and the next operation tries again', async () => {
    let lang: Lang = 'zh';
    let attempts = 0;
    const load = async (): Promise<WorkbookOps> => {
      attempts++;
      if (attempts === 1) throw new Error('Loading chunk 512 failed');
      return stubOps([]);
    };
    const ops = lazyWorkbookOps(load, () => lang);
    const failed: OpResult<unknown> = await ops.check({});
    expect(failed).toEqual({
      ok: false,
      code: LOAD_FAILED,
      message: '加载项的部分代码未能加载（Loading chunk 512 failed）。请检查网络连接，然后重试。',
    });
    lang = 'en';
    await expect(ops.clear()).resolves.toEqual({ ok: true, value: { restoredCells: 4 } });
    expect(attempts).toBe(2);
  });

  it('a failed preload is not an unhandled rejection; the operation after it reports the failure', async () => {
    const load = jest.fn(async (): Promise<WorkbookOps> => {
      throw new Error('offline');
    });
    const ops = lazyWorkbookOps(load, () => 'en');
    ops.preload();
    await new Promise((r) => setTimeout(r, 0));
    await expect(ops.verifyAudit()).resolves.toEqual({
      ok: false,
      code: LOAD_FAILED,
      message: 'Part of the add-in did not load (offline). Check the network connection, then try again.',
    });
    expect(load).toHaveBeenCalledTimes(2);
  });
});
