import { STATE_SHEET } from '../../src/core/output/workbook-state';
import { AFTER_FAILURE, ERROR_MESSAGES } from '../../src/excel/error-messages';
import { createExcelOps } from '../../src/excel/workbook-ops';
import { FakeWorkbookModel } from '../fake-excel';
import { fakeHost, newFake, salesWorkbook, snapshot } from './helpers';
import { cellKeyOf } from './keys';

const USER_SHEETS = ['Customers', 'Sales', 'Receipts'];
/** A small payload budget, so the write stage takes several syncs on a small workbook. */
const BUDGET = 12_000;

/** 200 invoices, every 4th without a Document No: 50 marks and their notes. */
function build(): FakeWorkbookModel {
  const wb = salesWorkbook(200, 4);
  wb.mustSheet('Sales').fills.set(cellKeyOf('B5'), { color: '#92D050', pattern: 'Solid' });
  return wb;
}

/** Write syncs of a whole check (progress reports of the "write" stage beyond its first). */
async function writeSyncsOfCleanRun(): Promise<number> {
  let n = 0;
  const ops = createExcelOps({ host: fakeHost(newFake(build())), budget: BUDGET });
  const r = await ops.check({ onProgress: (f, stage) => void (stage === 'write' && f > 0.8 && n++) });
  expect(r.ok).toBe(true);
  return n;
}

/** Runs a check whose Cancel is pressed when the write stage reports its k-th sync. */
async function cancelAtWriteSync(ops: ReturnType<typeof createExcelOps>, k: number) {
  const controller = new AbortController();
  let n = 0;
  return ops.check({
    signal: controller.signal,
    onProgress: (f, stage) => {
      if (stage === 'write' && f > 0.8 && ++n === k) controller.abort();
    },
  });
}

describe('Excel adapter: Cancel while highlights are being written', () => {
  it('the write stage takes several syncs here (so cancelling inside it is tested)', async () => {
    expect(await writeSyncsOfCleanRun()).toBeGreaterThanOrEqual(3);
  });

  it('first run: Cancel at any write sync takes back everything written and says so, never a finish', async () => {
    const syncs = await writeSyncsOfCleanRun();
    for (let k = 1; k <= syncs; k++) {
      const wb = build();
      const before = snapshot(wb, USER_SHEETS);
      const ops = createExcelOps({ host: fakeHost(newFake(wb)), budget: BUDGET });
      const r = await cancelAtWriteSync(ops, k);
      expect({ k, r }).toEqual({
        k,
        r: { ok: false, code: 'CancelledWhileWriting', message: `${ERROR_MESSAGES.CancelledWhileWriting.en} ${AFTER_FAILURE.rolledBack.en}` },
      });
      expect({ k, sheets: snapshot(wb, USER_SHEETS) }).toEqual({ k, sheets: before });
      expect({ k, names: wb.sheets.map((s) => s.name).filter((n) => !USER_SHEETS.includes(n) && n !== STATE_SHEET) }).toEqual({ k, names: [] });
      expect(ops.lastRun()?.rolledBack).toBe(true);
    }
  });

  it('re-run: Cancel mid-write leaves clean sheets, keeps the earlier Findings sheet, and says the earlier marks went too', async () => {
    const wb = build();
    const before = snapshot(wb, USER_SHEETS);
    const ops = createExcelOps({ host: fakeHost(newFake(wb)), budget: BUDGET });
    expect((await ops.check({})).ok).toBe(true);
    const sheetsOfFirstRun = wb.sheets.map((s) => s.name);
    expect(sheetsOfFirstRun).toContain('Findings');
    const r = await cancelAtWriteSync(ops, 2);
    expect(r).toMatchObject({ ok: false, code: 'CancelledWhileWriting' });
    expect(!r.ok && r.message).toContain(AFTER_FAILURE.earlierMarksRemoved.en);
    expect(snapshot(wb, USER_SHEETS)).toEqual(before);
    expect(wb.sheets.map((s) => s.name)).toEqual(sheetsOfFirstRun);
  });

  it('in Chinese too', async () => {
    const wb = build();
    const ops = createExcelOps({ host: fakeHost(newFake(wb, { displayLanguage: 'zh-CN' })), budget: BUDGET });
    const r = await cancelAtWriteSync(ops, 1);
    expect(r).toEqual({ ok: false, code: 'CancelledWhileWriting', message: `${ERROR_MESSAGES.CancelledWhileWriting.zh} ${AFTER_FAILURE.rolledBack.zh}` });
  });

  it('a Cancel after the point of no return (the final swap) finishes the run, reported through the "finishing" stage first', async () => {
    const wb = build();
    const ops = createExcelOps({ host: fakeHost(newFake(wb)), budget: BUDGET });
    const controller = new AbortController();
    const stages: string[] = [];
    const r = await ops.check({
      signal: controller.signal,
      onProgress: (_f, stage) => {
        stages.push(stage);
        if (stage === 'finishing') controller.abort();
      },
    });
    expect(r.ok).toBe(true);
    expect(stages.slice(-2)).toEqual(['finishing', 'done']);
    expect(wb.sheet('Findings')).toBeDefined();
  });
});
