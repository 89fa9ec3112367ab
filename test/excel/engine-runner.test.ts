import { CheckCancelled } from '../../src/core/engine';
import { EngineRunner, isCancellation } from '../../src/excel/engine-runner';
import { createExcelOps } from '../../src/excel/workbook-ops';
import { EngineCancelled, EngineRun, runEngineInline } from '../../src/taskpane/engine-runner';
import { fakeHost, newFake, salesWorkbook, snapshot } from './helpers';

describe('Excel adapter: engine runners', () => {
  it('runs with the task pane\'s runner (the same shape as its worker runner)', async () => {
    const taskPaneRunner: EngineRun = runEngineInline;
    const engine: EngineRunner = taskPaneRunner;
    const wb = salesWorkbook(20, 5);
    const ops = createExcelOps({ host: fakeHost(newFake(wb)), engine });
    const r = await ops.check({});
    expect(r.ok && r.value.counts.error).toBeGreaterThan(0);
  });

  it.each([
    ['the core engine\'s CheckCancelled', true, new CheckCancelled()],
    ['the task pane\'s EngineCancelled', true, new EngineCancelled()],
    ['any other failure', false, new Error('boom')],
  ])('%s → cancelled: %s', (_label, expected, error) => {
    expect(isCancellation(error)).toBe(expected);
  });

  it('reports a runner that rejects as cancelled without writing anything', async () => {
    const wb = salesWorkbook(20, 5);
    const before = snapshot(wb, ['Customers', 'Sales', 'Receipts']);
    const ops = createExcelOps({ host: fakeHost(newFake(wb)), engine: async () => Promise.reject(new EngineCancelled()) });
    expect(await ops.check({})).toMatchObject({ ok: false, code: 'Cancelled' });
    expect(snapshot(wb, ['Customers', 'Sales', 'Receipts'])).toEqual(before);
  });

  it('turns a runner that crashes into a message, nothing written', async () => {
    const wb = salesWorkbook(20, 5);
    const ops = createExcelOps({ host: fakeHost(newFake(wb)), engine: async () => Promise.reject(new Error('worker died')) });
    expect(await ops.check({})).toEqual({ ok: false, code: 'Internal', message: expect.stringContaining('worker died') });
    expect(wb.sheets.map((s) => s.name)).toEqual(['Customers', 'Sales', 'Receipts']);
  });
});
