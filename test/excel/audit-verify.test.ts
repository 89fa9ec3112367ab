import { createExcelOps } from '../../src/excel/workbook-ops';
import { fakeHost, newFake, salesWorkbook } from './helpers';

/** The pane's Verify: the Audit Log the add-in appends to on each run, checked through the adapter. */
describe('Excel adapter: Audit Log and Verify', () => {
  it('appends a row per run, reads it back intact, and names a row edited afterwards', async () => {
    const wb = salesWorkbook(20, 5);
    const ops = createExcelOps({ host: fakeHost(newFake(wb)), budget: 3_500_000 });
    expect(await ops.verifyAudit()).toEqual({ ok: true, value: { ok: false, missing: true } });
    expect((await ops.check({})).ok).toBe(true);
    expect((await ops.check({})).ok).toBe(true);
    expect(await ops.verifyAudit()).toEqual({ ok: true, value: { ok: true, rows: 2 } });

    const log = wb.mustSheet('Audit Log');
    const header = log.rows.findIndex((r) => r?.[0] === '#');
    expect(log.rows[header + 1]?.[2]).toBe('run');
    expect(log.rows[header + 2]?.[0]).toBe('2');
    // A user changes the first run's user name (sheet row header + 2).
    (log.rows[header + 1] as unknown[])[3] = 'someone else';
    expect(await ops.verifyAudit()).toEqual({ ok: true, value: { ok: false, row: header + 2, seq: '1' } });
  });

  it('records the workbook\'s file name (Workbook.name) in each run\'s row', async () => {
    const wb = salesWorkbook(20, 5);
    wb.name = '2024-06 对账 Acme.xlsx';
    const ops = createExcelOps({ host: fakeHost(newFake(wb, { apiVersion: '1.9' })) });
    expect((await ops.check({})).ok).toBe(true);
    const log = wb.mustSheet('Audit Log');
    const header = log.rows.findIndex((r) => r?.[0] === '#');
    const fileColumn = (log.rows[header] ?? []).indexOf('File');
    expect(fileColumn).toBeGreaterThan(0);
    const runRows = log.rows.slice(header + 1).filter((r) => r?.[2] === 'run');
    expect(runRows.map((r) => r[fileColumn])).toEqual(['2024-06 对账 Acme.xlsx']);
    expect(await ops.verifyAudit()).toEqual({ ok: true, value: { ok: true, rows: expect.any(Number) } });
  });
});
