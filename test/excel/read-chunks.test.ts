import { CellValue, SheetGrid } from '../../src/core/model/cells';
import { CheckInput } from '../../src/core/engine';
import { EngineRunner } from '../../src/excel/engine-runner';
import { localAreas, normalizeRows } from '../../src/excel/read-workbook';
import { createExcelOps } from '../../src/excel/workbook-ops';
import { FakeWorkbookModel } from '../fake-excel';
import { fakeHost, newFake, salesRows } from './helpers';

/** An engine that records what it was given and finds nothing. */
function spyEngine(): { engine: EngineRunner; inputs: CheckInput[] } {
  const inputs: CheckInput[] = [];
  const engine: EngineRunner = async (input) => {
    inputs.push(input);
    return { plan: { marks: [], sheets: [] }, report: { asOf: '2024-01-01', sheets: [], findings: [], matches: [], customers: [] } };
  };
  return { engine, inputs };
}

function gridOf(inputs: CheckInput[], name: string): SheetGrid {
  const g = inputs[0].sheets.find((s) => s.name === name);
  if (!g) throw new Error(`no grid ${name}`);
  return g;
}

describe('Excel adapter: reading values', () => {
  it.each([
    ['empty cell', '', 'Empty', null],
    ['error cell', '#N/A', 'Error', { error: '#N/A' }],
    ['text that looks like an error', '#N/A', 'String', '#N/A'],
    ['number', 12.5, 'Double', 12.5],
    ['date serial stays a serial', 45356, 'Double', 45356],
    ['boolean', true, 'Boolean', true],
    ['text', 'abc', 'String', 'abc'],
  ])('normalises %s', (_label, value, type, expected) => {
    expect(normalizeRows([[value]], [[type]])).toEqual([[expected]]);
  });

  it('reads a large template sheet in adapting chunks, rows in place, errors apart from text', async () => {
    const rows = salesRows(600, 7);
    const wb = FakeWorkbookModel.fromRows({ Sales: rows, Notes: [['just', 'text']] });
    const sales = wb.mustSheet('Sales');
    sales.setValue(10, 5, { error: '#DIV/0!' });
    sales.setValue(11, 1, '#N/A');
    const fake = newFake(wb);
    const spy = spyEngine();
    const ops = createExcelOps({ host: fakeHost(fake), engine: spy.engine, budget: 20_000 });
    expect((await ops.check({})).ok).toBe(true);
    const grid = gridOf(spy.inputs, 'Sales');
    expect(grid.rows.length).toBe(601);
    const expected: CellValue[][] = rows.map((r) => r.map((v) => (v === undefined ? null : v)) as CellValue[]);
    expected[10][5] = { error: '#DIV/0!' };
    expected[11][1] = '#N/A';
    expect(grid.rows).toEqual(expected);
    const figures = ops.lastRun();
    expect(figures?.extraChunks).toBeGreaterThan(3);
    expect(fake.stats.maxResponseBytes).toBeLessThan(40_000);
  });

  it('keeps a used range that starts below and right of A1 at its Excel rows and columns', async () => {
    const wb = new FakeWorkbookModel();
    const s = wb.addSheet('Offset');
    s.setValue(2, 1, 'Date');
    s.setValue(3, 2, 7);
    const fake = newFake(wb);
    const spy = spyEngine();
    await createExcelOps({ host: fakeHost(fake), engine: spy.engine }).check({});
    const grid = gridOf(spy.inputs, 'Offset');
    expect(grid.rows[2]?.[1]).toBe('Date');
    expect(grid.rows[3]?.[2]).toBe(7);
    expect(grid.rows[0]).toEqual([]);
  });

  it('splits a read Excel refuses as too large and still reads every row', async () => {
    const long = 'x'.repeat(20_000);
    const rows = [['Document No', 'Text'], ...Array.from({ length: 300 }, (_, i) => [`D${i}`, long])];
    const wb = FakeWorkbookModel.fromRows({ Big: rows });
    const fake = newFake(wb);
    const spy = spyEngine();
    // A budget above Excel's own limit makes the first guess too big on purpose.
    const ops = createExcelOps({ host: fakeHost(fake), engine: spy.engine, budget: 50_000_000 });
    expect((await ops.check({})).ok).toBe(true);
    const grid = gridOf(spy.inputs, 'Big');
    expect(grid.rows.length).toBe(301);
    expect(grid.rows[300]).toEqual(['D299', long]);
  });

  it.each([
    ['Sales!A5:B5', ['A5:B5']],
    ['Sales!$A$5:$B$5,Sales!C7', ['A5:B5', 'C7']],
    ["'My, sheet'!C7:D8,'It''s'!A1", ['C7:D8', 'A1']],
  ])('reads the areas of %s', (address, expected) => {
    expect(localAreas(address)).toEqual(expected);
  });

  it.each([
    ['1.13', ['B5:B6']],
    ['1.12', undefined],
  ])('hands the engine merged areas when Excel supports reading them (ExcelApi %s)', async (apiVersion, expected) => {
    const wb = FakeWorkbookModel.fromRows({ Sales: salesRows(10, 100) });
    wb.mustSheet('Sales').merged.push({ r0: 4, c0: 1, r1: 5, c1: 1 });
    const spy = spyEngine();
    await createExcelOps({ host: fakeHost(newFake(wb, { apiVersion })), engine: spy.engine }).check({});
    expect(gridOf(spy.inputs, 'Sales').merged).toEqual(expected);
  });

  it('never hands the engine the add-in\'s own sheets', async () => {
    const wb = FakeWorkbookModel.fromRows({ Sales: salesRows(20, 5) });
    const fake = newFake(wb);
    await createExcelOps({ host: fakeHost(fake) }).check({});
    const spy = spyEngine();
    await createExcelOps({ host: fakeHost(fake), engine: spy.engine }).check({});
    expect(spy.inputs[0].sheets.map((s) => s.name)).toEqual(['Sales']);
    expect(spy.inputs[0].reviews?.size).toBeGreaterThan(0);
  });
});
