import { createExcelOps } from '../../src/excel/workbook-ops';
import { FakeWorkbookModel, PAYLOAD_LIMIT } from '../fake-excel';
import { conditionalFormatReads, fakeHost, newFake, salesWorkbook, snapshot } from './helpers';
import { cellKeyOf } from './keys';

/**
 * Many noted cells under the fake's calibrated byte model (what office.js sends Excel on the web, see
 * test/fake-excel/request-bytes.test.ts): the check, Clear and the rollback after a failure stay under
 * Excel's 5 MB request limit, a request Excel refuses as too large is sent again in halves, and the
 * user's cells end exactly as they began (values, fills, notes).
 */

const USER_SHEETS = ['Customers', 'Sales', 'Receipts'];

/**
 * Every sales row lacks its Document No (B2… flagged); some carry the user's own fill (green, or white,
 * which must not come back as No Fill, nor the unfilled ones as white) or note.
 */
function build(flagged: number): FakeWorkbookModel {
  const wb = salesWorkbook(flagged, 1);
  const sales = wb.mustSheet('Sales');
  for (let row = 2; row <= flagged + 1; row += 97) sales.fills.set(cellKeyOf(`B${row}`), { color: '#92D050', pattern: 'Solid' });
  for (let row = 5; row <= flagged + 1; row += 89) sales.fills.set(cellKeyOf(`B${row}`), { color: '#FFFFFF', pattern: 'Solid' });
  for (let row = 3; row <= flagged + 1; row += 101) sales.notes.set(cellKeyOf(`B${row}`), { content: `checked by Li ${row}`, author: 'Li' });
  return wb;
}

describe('Excel adapter: many noted cells under the calibrated byte model', () => {
  it('checks and clears 50,000 noted cells, every request under 5 MB, and the cells end as they began', async () => {
    const wb = build(50_000);
    const before = snapshot(wb, USER_SHEETS);
    const fake = newFake(wb);
    const ops = createExcelOps({ host: fakeHost(fake) });
    const checked = await ops.check({});
    expect(checked.ok ? 'ok' : checked.message).toBe('ok');
    const sales = wb.mustSheet('Sales');
    expect(sales.notes.size).toBeGreaterThanOrEqual(50_000);
    expect(sales.notes.get(cellKeyOf('B3'))?.content).toContain('checked by Li 3');
    expect(fake.stats.maxRequestBytes).toBeLessThan(PAYLOAD_LIMIT);

    fake.resetStats();
    const cleared = await ops.clear();
    expect(cleared.ok ? cleared.value.restoredCells : cleared.message).toBeGreaterThanOrEqual(50_000);
    expect(fake.stats.maxRequestBytes).toBeLessThan(PAYLOAD_LIMIT);
    expect(snapshot(wb, USER_SHEETS)).toEqual(before);
  });

  it('a write Excel refuses as too large is sent again in halves: check and Clear still finish', async () => {
    const wb = build(12_000);
    const before = snapshot(wb, USER_SHEETS);
    const fake = newFake(wb);
    // An adapter that thinks 16 MB fits: its first write batches are refused and must be split.
    const ops = createExcelOps({ host: fakeHost(fake), budget: 16 * 1024 * 1024 });
    const checked = await ops.check({});
    expect(checked.ok ? 'ok' : checked.message).toBe('ok');
    expect(fake.stats.requestBytes.some((b) => b > PAYLOAD_LIMIT)).toBe(true);
    expect(wb.mustSheet('Sales').notes.size).toBeGreaterThanOrEqual(12_000);

    expect((await ops.clear()).ok).toBe(true);
    expect(snapshot(wb, USER_SHEETS)).toEqual(before);
  });

  it('a failure at any sync of a many-sync check is rolled back: values, fills (No Fill and white), notes and the sheet list as before', async () => {
    // A small budget spreads 400 noted cells over as many syncs as 50,000 take at full size. Fills are
    // reported as some Excel builds do (pattern null, No Fill as #FFFFFF), so No Fill and white must be
    // told apart by the restore itself; the bench repeats this at 50,000 noted cells.
    const budget = 20_000;
    const options = { fillPatternReported: 'null' } as const;
    const clean = newFake(build(400), options);
    const cfReads = await conditionalFormatReads(clean, async () => expect((await createExcelOps({ host: fakeHost(clean), budget }).check({})).ok).toBe(true));
    const total = clean.stats.requests;
    expect(total).toBeGreaterThan(15);
    const before = snapshot(build(400), USER_SHEETS);
    expect(build(400).mustSheet('Sales').fills.get(cellKeyOf('B5'))).toEqual({ color: '#FFFFFF', pattern: 'Solid' });
    for (let k = 1; k <= total; k++) {
      const wb = build(400);
      const fake = newFake(wb, options);
      const ops = createExcelOps({ host: fakeHost(fake), budget });
      fake.inject.failAtRequest(k, 'GeneralException');
      const failed = await ops.check({});
      // A failed read of the user's conditional formats only costs the check its warning about them.
      if (cfReads.has(k)) {
        expect({ k, code: failed.ok ? 'ok' : failed.code }).toEqual({ k, code: 'ok' });
        continue;
      }
      expect({ k, code: failed.ok ? 'ok' : failed.code }).toEqual({ k, code: 'GeneralException' });
      expect({ k, same: snapshot(wb, USER_SHEETS) }).toEqual({ k, same: before });
      // A first run's rollback takes its hidden state sheet away with the rest: nothing is left added.
      expect({ k, sheets: wb.sheets.map((s) => s.name) }).toEqual({ k, sheets: USER_SHEETS });
    }
  });
});
