import { parseState, STATE_SHEET } from '../../src/core/output/workbook-state';
import { createExcelOps } from '../../src/excel/workbook-ops';
import { asOfficeJs, FakeWorkbookModel } from '../fake-excel';
import { fakeHost, newFake, salesWorkbook, snapshot } from './helpers';
import { cellKeyOf } from './keys';

const USER_SHEETS = ['Customers', 'Sales', 'Receipts'];

function stateOf(wb: FakeWorkbookModel): ReturnType<typeof parseState> {
  return parseState(wb.mustSheet(STATE_SHEET).rows.map((r) => r?.[0] ?? null));
}

describe('fake Excel: Ctrl+Z after the add-in ran', () => {
  it('takes back the cells of the last writing request, not the ones before it, and not sheet renames', async () => {
    const wb = FakeWorkbookModel.fromRows({ Data: [['a']] });
    const fake = newFake(wb);
    fake.inject.recordUndo();
    const { Excel } = asOfficeJs(fake);
    await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Data').getRange('A1').values = [['first']];
      await ctx.sync();
      ctx.workbook.worksheets.getItem('Data').getRange('B1').load('values');
      await ctx.sync(); // a read: nothing to undo
      const ws = ctx.workbook.worksheets.getItem('Data');
      ws.getRange('A1').values = [['second']];
      ws.getRange('A2').format.fill.color = '#FF0000';
      ws.name = 'Renamed';
      await ctx.sync();
    });
    expect(fake.inject.undoLastSync()).toBe(true);
    const s = wb.mustSheet('Renamed');
    expect(s.getValue(0, 0)).toBe('first');
    expect(s.fills.get(cellKeyOf('A2'))).toBeUndefined();
    expect(fake.inject.undoLastSync()).toBe(false);
  });
});

describe('Excel adapter: a run whose last write the user undid', () => {
  it('leaves a state naming temporary sheets; the next run recognises its Findings sheet (no "Findings (2)")', async () => {
    const wb = salesWorkbook(30, 5);
    const before = snapshot(wb, USER_SHEETS);
    const fake = newFake(wb);
    fake.inject.recordUndo();
    const ops = createExcelOps({ host: fakeHost(fake) });
    expect((await ops.check({})).ok).toBe(true);
    expect(fake.inject.undoLastSync()).toBe(true);
    // What the issue saw: the sheets carry their final names, the state lists temporary ones.
    const names = wb.sheets.map((s) => s.name);
    expect(names.slice(0, 5)).toEqual([...USER_SHEETS, STATE_SHEET, 'Findings']);
    expect(stateOf(wb)?.ownedSheets.map((o) => o.name)).toContainEqual(expect.stringMatching(/^~Findings/));
    expect(stateOf(wb)?.ownedSheets.every((o) => o.pending)).toBe(true);

    const again = await ops.check({});
    expect(again).toMatchObject({ ok: true, value: { findingsSheet: 'Findings' } });
    expect(wb.sheets.map((s) => s.name)).toEqual(names);
    expect(stateOf(wb)?.ownedSheets.map((o) => o.name).sort()).toEqual(names.slice(4).sort());
    expect(stateOf(wb)?.ownedSheets.some((o) => o.pending)).toBe(false);
    expect(wb.mustSheet('Sales').fills.get(cellKeyOf('B6'))?.color).toBe('#FFC7CE');
    expect(await ops.clear()).toMatchObject({ ok: true });
    expect(snapshot(wb, USER_SHEETS)).toEqual(before);
  });

  it('the same after a re-run, and Clear right after the undo also finds everything', async () => {
    const wb = salesWorkbook(30, 5);
    const before = snapshot(wb, USER_SHEETS);
    const fake = newFake(wb);
    fake.inject.recordUndo();
    const ops = createExcelOps({ host: fakeHost(fake) });
    expect((await ops.check({})).ok).toBe(true);
    expect((await ops.check({})).ok).toBe(true);
    const names = wb.sheets.map((s) => s.name);
    expect(fake.inject.undoLastSync()).toBe(true);
    expect(await ops.clear()).toMatchObject({ ok: true });
    expect(snapshot(wb, USER_SHEETS)).toEqual(before);
    expect(await ops.check({})).toMatchObject({ ok: true, value: { findingsSheet: 'Findings' } });
    expect(wb.sheets.map((s) => s.name)).toEqual(names);
    expect(names.filter((n) => /\(\d+\)$|^~/.test(n))).toEqual([]);
  });
});
