import { createExcelOps } from '../../src/excel/workbook-ops';
import { cellKey, rectToA1 } from '../fake-excel/address';
import { FakeChart, FakeOfficeError, FakeWorkbookModel } from '../fake-excel';
import { fakeHost, newFake } from './helpers';

/** Excel serial of a date. */
const day = (iso: string): number => Math.round(Date.parse(`${iso}T00:00:00Z`) / 86_400_000) + 25_569;

/**
 * C1 buys 1,000 (Dec) and 250 (Feb) and pays 400; C2 buys 500 (Jan); C3 buys nothing. As of the last
 * date in the data (2024-02-05) C1 owes 850 and C2 500, so the Aging sheet lists two customers.
 */
function workbook(): FakeWorkbookModel {
  return FakeWorkbookModel.fromRows({
    Customers: [['Customer ID', 'Customer Name', 'Credit Limit', 'Payment Terms'], ['C1', 'Alpha Ltd', 10_000, 'Net 30'], ['C2', 'Beta Co', 10_000, 'Net 30'], ['C3', 'Gamma Inc', 10_000, 'Net 30']],
    Sales: [
      ['Date', 'Document No', 'Customer ID', 'Customer Name', 'Category', 'Amount'],
      [day('2023-12-20'), 'S1', 'C1', 'Alpha Ltd', 'Pipes', 1000],
      [day('2024-01-10'), 'S2', 'C2', 'Beta Co', 'Valves', 500],
      [day('2024-02-05'), 'S3', 'C1', 'Alpha Ltd', 'Fittings', 250],
    ],
    Receipts: [['Date', 'Receipt No', 'Customer ID', 'Amount'], [day('2024-01-31'), 'R1', 'C1', 400]],
  });
}

/** What a user sees of a chart: its type, title, source (sheet and block) and the cells it covers. */
function seen(chart: FakeChart): unknown {
  return {
    type: chart.type, title: chart.title, source: `${chart.source.sheet.name}!${rectToA1(chart.source.rect)}`,
    at: chart.from && chart.to ? `${rectToA1(chart.from)}:${rectToA1(chart.to)}` : null,
  };
}

describe('Excel adapter draws the plan\'s charts on the owned sheets (ExcelApi 1.9 Excel)', () => {
  const model = workbook();
  const fake = newFake(model, { apiVersion: '1.9' });
  const ops = createExcelOps({ host: fakeHost(fake) });

  beforeAll(async () => {
    const r = await ops.check({});
    if (!r.ok) throw new Error(r.message);
  });

  it('puts a stacked bar chart of the overdue customers\' buckets on the Aging sheet', () => {
    // C1 and C2 on rows 3–4, totals 5; only C1 is overdue (S1 due 2024-01-19): the chart's block is its
    // header on row 8 and C1 on row 9, Customer Name (B) to the last bucket (G); placed right of the table.
    expect(model.mustSheet('Aging').charts.map(seen)).toEqual([{ type: 'BarStacked', title: 'The customer with an overdue balance', source: 'Aging!B8:G9', at: 'K2:S24' }]);
  });

  it('puts the top customers, the months and the categories in charts on the Sales Summary sheet', () => {
    expect(model.mustSheet('Sales Summary').charts.map(seen)).toEqual([
      // Customers from row 6 by net sales (C1 1,250, C2 500; C3 has none and is not charted).
      { type: 'BarClustered', title: 'Top 2 customers by net sales', source: 'Sales Summary!B5:C7', at: 'I1:P18' },
      // 2023-12, 2024-01, 2024-02 on rows 13–15.
      { type: 'ColumnClustered', title: 'Net sales by month', source: 'Sales Summary!B12:C15', at: 'I20:P37' },
      // Pipes 1,000, Valves 500, Fittings 250 on rows 30–32.
      { type: 'Pie', title: 'Net sales by product category', source: 'Sales Summary!B29:C32', at: 'I39:P56' },
    ]);
    const s = model.mustSheet('Sales Summary');
    expect(s.getValue(6, 1)).toBe('Beta Co');
    expect(s.getValue(29, 1)).toBe('Pipes');
    expect(s.getValue(31, 2)).toBe(250);
  });

  it('the ranked bar charts (Aging, top customers) list the largest at the top, the value axis kept at the bottom', () => {
    const axes = (name: string): [boolean, string][] => model.mustSheet(name).charts.map((c) => [c.categoryAxis.reversePlotOrder, c.categoryAxis.position]);
    expect(axes('Aging')).toEqual([[true, 'Maximum']]);
    expect(axes('Sales Summary')).toEqual([[true, 'Maximum'], [false, 'Automatic'], [false, 'Automatic']]);
  });

  it('series run down the columns and the sheets stay protected with their charts', () => {
    for (const name of ['Aging', 'Sales Summary']) {
      const s = model.mustSheet(name);
      expect(s.protected).toBe(true);
      expect(s.charts.every((c) => c.seriesBy === 'Columns' && c.source.sheet === s)).toBe(true);
    }
  });

  it('a second check rebuilds the sheets: the old charts go with the old sheets and none pile up', async () => {
    const before = model.mustSheet('Sales Summary');
    const r = await ops.check({});
    if (!r.ok) throw new Error(r.message);
    const after = model.mustSheet('Sales Summary');
    expect(after).not.toBe(before);
    expect(after.charts).toHaveLength(3);
    expect(model.mustSheet('Aging').charts).toHaveLength(1);
    expect(model.sheets.reduce((n, s) => n + s.charts.length, 0)).toBe(4);
  });
});

/** What C01…C12 buy on 2024-01-01 (Net 30, due 2024-01-31); C01 also buys 10 on 2024-02-15, the last date. */
const BOUGHT = [500, 1200, 300, 50, 700, 200, 1500, 400, 600, 800, 900, 250];

describe('the Aging chart of a workbook with more customers than it shows (ExcelApi 1.9 Excel)', () => {
  const ids = BOUGHT.map((_, i) => `C${String(i + 1).padStart(2, '0')}`);
  const model = FakeWorkbookModel.fromRows({
    Customers: [['Customer ID', 'Customer Name', 'Credit Limit', 'Payment Terms'], ...ids.map((id) => [id, `Name ${id}`, 100_000, 'Net 30'])],
    Sales: [
      ['Date', 'Document No', 'Customer ID', 'Customer Name', 'Amount'],
      ...BOUGHT.map((amount, i) => [day('2024-01-01'), `S${i + 1}`, ids[i], `Name ${ids[i]}`, amount]),
      [day('2024-02-15'), 'S13', 'C01', 'Name C01', 10],
    ],
  });
  const fake = newFake(model, { apiVersion: '1.9' });
  const ops = createExcelOps({ host: fakeHost(fake) });

  beforeAll(async () => {
    const r = await ops.check({});
    if (!r.ok) throw new Error(r.message);
  });

  it('draws the ten largest overdue balances as stacked bars from the block under the table', () => {
    // Table rows 3–14 (Cxx on row xx + 2), totals 15, blank 16, caption 17, header 18, ten customers 19–28.
    expect(model.mustSheet('Aging').charts.map(seen)).toEqual([{ type: 'BarStacked', title: 'Top 10 customers by overdue balance', source: 'Aging!B18:G28', at: 'K2:S24' }]);
  });

  it('fills the block with formulas on the top customers\' table rows, largest overdue first', () => {
    const s = model.mustSheet('Aging');
    // As of 2024-02-15 each 2024-01-01 sale is 15 days overdue (1-30); C01's 10 is not yet due. By overdue:
    // C07 1500, C02 1200, C11 900, C10 800, C05 700, C09 600, C01 500, C08 400, C03 300, C12 250; C06 200 and C04 50 left out.
    const tableRows = [9, 4, 13, 12, 7, 11, 3, 10, 5, 14];
    const formulas = (row0: number): (string | undefined)[] => [0, 1, 2, 6, 7].map((c) => s.formulas.get(cellKey(row0, c)));
    expect(tableRows.map((_, i) => formulas(18 + i))).toEqual(tableRows.map((r, i) => [`=A${r}`, `=IF(B${r}="",A${r},B${r})`, `=D${r}`, `=H${r}`, `=SUM(C${19 + i}:G${19 + i})`]));
    expect(s.getValue(17, 2)).toBe('1-30');
    expect(s.getValue(17, 7)).toBe('Overdue');
    // The table itself: C07 still on row 9 with its 1,500 in 1-30 (D), and the sheet protected with its chart.
    expect([s.getValue(8, 0), s.getValue(8, 3)]).toEqual(['C07', 1500]);
    expect(s.protected).toBe(true);
  });
});

describe('the fake\'s charts behave as Excel\'s', () => {
  const run = async (apiVersion: string, batch: (ws: Excel.Worksheet, context: Excel.RequestContext) => Promise<void>): Promise<FakeWorkbookModel> => {
    const model = FakeWorkbookModel.fromRows({ Data: [['Month', 'Net'], ['2024-01', 10], ['2024-02', 20]] });
    const fake = newFake(model, { apiVersion });
    await fake.Excel.run(async (context: Excel.RequestContext) => batch(context.workbook.worksheets.getItem('Data'), context));
    return model;
  };
  const failure = async (p: Promise<unknown>): Promise<string> => p.then(() => 'no error', (e: FakeOfficeError) => e.code);

  it('adds a chart with a default name, counted by the collection; its properties throw until loaded', async () => {
    let count = -1;
    const model = await run('1.9', async (ws, context) => {
      const chart = ws.charts.add('ColumnClustered', ws.getRange('A1:B3'), 'Columns');
      expect(() => chart.name).toThrow(/not available/);
      chart.load('name,top,left,width,height');
      chart.title.text = 'Net';
      chart.setPosition('D2', 'H10');
      const charts = ws.charts.load('count');
      await context.sync();
      expect(chart.name).toBe('Chart 1');
      expect([chart.left, chart.top]).toEqual([0, 0]);
      count = charts.count;
    });
    expect(count).toBe(1);
    expect(model.mustSheet('Data').charts.map((c) => [c.title, c.left, c.top, c.width, c.height])).toEqual([['Net', 3 * 48, 15, 5 * 48, 9 * 15]]);
  });

  it('refuses an unknown chart type, a source that is not a range, a bad series direction and a protected sheet', async () => {
    const add = (type: string, source: (ws: Excel.Worksheet) => unknown, seriesBy?: string) =>
      failure(run('1.9', async (ws, context) => {
        (ws.charts.add as (t: string, s: unknown, b?: string) => Excel.Chart)(type, source(ws), seriesBy);
        await context.sync();
      }));
    expect(await add('ColumnClustered', (ws) => ws.getRange('A1:B3'))).toBe('no error');
    expect(await add('Columns', (ws) => ws.getRange('A1:B3'))).toBe('InvalidArgument');
    expect(await add('Invalid', (ws) => ws.getRange('A1:B3'))).toBe('InvalidArgument');
    expect(await add('Pie', () => 'A1:B3')).toBe('InvalidArgument');
    expect(await add('Pie', (ws) => ws.getRange('A1:B3'), 'Diagonal')).toBe('InvalidArgument');
    expect(await add('Line', (ws) => ws.getRange('A1:IW2'), 'Columns')).toBe('InvalidArgument');
    expect(await failure(run('1.9', async (ws, context) => {
      ws.protection.protect();
      ws.charts.add('Pie', ws.getRange('A1:B3'), 'Columns');
      await context.sync();
    }))).toBe('AccessDenied');
  });

  it('reverses the category axis from ExcelApi 1.7 and places where the other axis crosses it from 1.8, each only a known position', async () => {
    const setAxis = (apiVersion: string, reverse: unknown, position?: unknown) => failure(run(apiVersion, async (ws, context) => {
      const axis = ws.charts.add('BarStacked', ws.getRange('A1:B3'), 'Columns').axes.categoryAxis;
      (axis as { reversePlotOrder: unknown }).reversePlotOrder = reverse;
      if (position !== undefined) (axis as { position: unknown }).position = position;
      await context.sync();
    }));
    expect(await setAxis('1.6', true)).toBe('ApiNotFound');
    expect(await setAxis('1.7', true)).toBe('no error');
    expect(await setAxis('1.7', true, 'Maximum')).toBe('ApiNotFound');
    expect(await setAxis('1.8', true, 'Maximum')).toBe('no error');
    expect(await setAxis('1.8', true, 'Top')).toBe('InvalidArgument');
    expect(await setAxis('1.8', 'yes')).toBe('InvalidArgument');
    const model = await run('1.9', async (ws, context) => {
      const axis = ws.charts.add('BarStacked', ws.getRange('A1:B3'), 'Columns').axes.categoryAxis;
      axis.reversePlotOrder = true;
      axis.position = 'Maximum';
      await context.sync();
    });
    expect(model.mustSheet('Data').charts.map((c) => c.categoryAxis)).toEqual([{ reversePlotOrder: true, position: 'Maximum' }]);
  });

  it('counts through getCount only from ExcelApi 1.4, and a chart goes when its sheet is deleted', async () => {
    expect(await failure(run('1.3', async (ws, context) => {
      ws.charts.getCount();
      await context.sync();
    }))).toBe('ApiNotFound');
    const model = await run('1.9', async (ws, context) => {
      ws.charts.add('Pie', ws.getRange('A1:B3'), 'Columns');
      context.workbook.worksheets.add('Other');
      await context.sync();
      ws.delete();
      await context.sync();
    });
    expect(model.sheets.map((s) => [s.name, s.charts.length])).toEqual([['Other', 0]]);
  });
});
