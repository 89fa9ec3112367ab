import { cellKeyOf } from './keys';
import { createExcelOps } from '../../src/excel/workbook-ops';
import { EngineRunner } from '../../src/excel/engine-runner';
import { Plan } from '../../src/core/output/plan';
import { STATE_SHEET, parseState } from '../../src/core/output/workbook-state';
import { FakeWorkbookModel } from '../fake-excel';
import { fakeHost, newFake, snapshot } from './helpers';

/** An engine that ignores the sheets and returns this plan (the rendering path, independent of the checks). */
function fixedPlan(plan: Plan): EngineRunner {
  return async () => ({
    plan,
    report: { asOf: '2024-03-05', sheets: [{ name: 'Sales', template: 'sales', rows: 3 }], findings: [], matches: [], customers: [] },
  });
}

function handMadeWorkbook(): FakeWorkbookModel {
  const wb = FakeWorkbookModel.fromRows({
    Sales: [['Doc', 'Amount', 'Note'], ['D1', 10, 'x'], ['D2', 20, 'y'], ['D3', 30, 'z']],
  });
  const s = wb.mustSheet('Sales');
  s.fills.set(cellKeyOf('B2'), { color: '#00B050', pattern: 'Solid' });
  s.fonts.set(cellKeyOf('B2'), { color: '#FF0000' });
  s.notes.set(cellKeyOf('C3'), { content: 'my own note', author: 'me' });
  return wb;
}

const HAND_PLAN: Plan = {
  marks: [
    { sheet: 'Sales', cell: 'B2', severity: 'error', note: 'amount wrong', findingIds: ['a'] },
    { sheet: 'Sales', cell: 'C3', severity: 'warning', note: 'check note', findingIds: ['b'] },
    { sheet: 'Sales', cell: 'A4', severity: 'info', note: 'fyi', findingIds: ['c'] },
  ],
  sheets: [
    {
      key: 'findings',
      name: 'Findings',
      preamble: [['Findings', { date: 45356 }]],
      columns: [{ header: 'Cell' }, { header: 'Text', format: 'text' }, { header: 'Amount', format: 'money' }],
      rows: [
        [{ link: { text: 'B2', sheet: 'Sales', cell: 'B2' } }, '=HYPERLINK("http://evil","x")', { money: '1234.50' }],
        ['C3', '+1', { money: '-0.10' }],
        ['A4', '00123', 5],
        ['A5', '@SUM(A1)', null],
        ['A6', '-x', null],
      ],
      rowSeverity: ['error', 'warning', 'info', null, null],
    },
  ],
};

describe('Excel adapter: check then clear (hand-made plan)', () => {
  it('highlights, annotates and writes the Findings sheet, then Clear puts every cell back exactly', async () => {
    const wb = handMadeWorkbook();
    const before = snapshot(wb, ['Sales']);
    const fake = newFake(wb);
    const ops = createExcelOps({ host: fakeHost(fake), engine: fixedPlan(HAND_PLAN) });

    const result = await ops.check({});
    expect(result).toMatchObject({ ok: true, value: { findingsSheet: 'Findings' } });
    const s = wb.mustSheet('Sales');
    expect(s.fills.get(cellKeyOf('B2'))?.color).toBe('#FFC7CE');
    expect(s.fills.get(cellKeyOf('C3'))?.color).toBe('#FFEB9C');
    expect(s.fills.get(cellKeyOf('A4'))?.color).toBe('#DDEBF7');
    expect(s.fonts.get(cellKeyOf('B2'))?.color).toBe('#FF0000');
    expect(s.notes.get(cellKeyOf('B2'))?.content).toBe('amount wrong');
    expect(s.notes.get(cellKeyOf('C3'))?.content).toContain('check note');
    expect(s.notes.get(cellKeyOf('C3'))?.content).toContain('my own note');
    expect(s.rows).toEqual((before as { rows: unknown }[])[0].rows);

    const f = wb.mustSheet('Findings');
    expect(f.getValue(0, 0)).toBe('Findings');
    expect(f.getValue(0, 1)).toBe(45356);
    expect(f.getValue(1, 0)).toBe('Cell');
    expect(f.getValue(2, 0)).toBe('B2');
    expect(f.hyperlinks.get(cellKeyOf('A3'))?.documentReference).toBe("'Sales'!B2");
    expect([f.getValue(2, 1), f.getValue(3, 1), f.getValue(4, 1), f.getValue(5, 1), f.getValue(6, 1)])
      .toEqual(['=HYPERLINK("http://evil","x")', '+1', '00123', '@SUM(A1)', '-x']);
    expect(f.formulas.size).toBe(0);
    expect([f.getValue(2, 2), f.numberFormat(2, 2), f.getValue(3, 2), f.getValue(4, 2)]).toEqual([1234.5, '#,##0.00', -0.1, 5]);
    expect(f.fills.get(cellKeyOf('A3'))?.color).toBe('#FFC7CE');
    expect(f.frozenRows).toBe(2);
    const stateSheet = wb.mustSheet(STATE_SHEET);
    expect(stateSheet.visibility).toBe('VeryHidden');

    const cleared = await ops.clear();
    expect(cleared).toEqual({ ok: true, value: { restoredCells: 3 } });
    expect(snapshot(wb, ['Sales'])).toEqual(before);
    expect(wb.sheet('Findings')).toBeDefined();
    const state = parseState(stateSheet.rows.map((r) => r?.[0] ?? null));
    expect(state?.saved).toEqual([]);
    expect(state?.ownedSheets.map((o) => o.name)).toEqual(['Findings']);
  });

  it('a second check replaces the first one\'s sheets and marks, and never takes a user\'s sheet name', async () => {
    const wb = handMadeWorkbook();
    wb.addSheet('Findings').setValue(0, 0, 'the user owns this');
    const before = snapshot(wb, ['Sales', 'Findings']);
    const fake = newFake(wb);
    const ops = createExcelOps({ host: fakeHost(fake), engine: fixedPlan(HAND_PLAN) });
    expect(await ops.check({})).toMatchObject({ ok: true, value: { findingsSheet: 'Findings (2)' } });
    const second: Plan = { ...HAND_PLAN, marks: [HAND_PLAN.marks[2]] };
    const ops2 = createExcelOps({ host: fakeHost(fake), engine: fixedPlan(second) });
    expect(await ops2.check({})).toMatchObject({ ok: true, value: { findingsSheet: 'Findings (2)' } });
    expect(wb.sheets.map((s) => s.name)).toEqual(['Sales', 'Findings', STATE_SHEET, 'Findings (2)']);
    const s = wb.mustSheet('Sales');
    expect(s.fills.get(cellKeyOf('B2'))).toEqual({ color: '#00B050', pattern: 'Solid' });
    expect(s.notes.get(cellKeyOf('C3'))?.content).toBe('my own note');
    expect(s.fills.get(cellKeyOf('A4'))?.color).toBe('#DDEBF7');
    expect(await ops2.clear()).toEqual({ ok: true, value: { restoredCells: 1 } });
    expect(snapshot(wb, ['Sales', 'Findings'])).toEqual(before);
  });
});
