import { CellValue, SheetGrid } from '../../../src/core/model/cells';
import { checkWorkbook } from '../../../src/core/engine';
import { resolveSettings } from '../../../src/core/model/settings';
import { OutValue, outStyle, outValue, OwnedSheet } from '../../../src/core/output/plan';
import { d } from '../credit/credit-fixtures';

/**
 * The Sales Summary sheet on a small workbook whose figures are worked out by hand below: a sale
 * listed on two lines, a credit note, months crossing a year end, a customer with no sales, a line
 * without a category, and records without a date or after the as-of date (left out).
 */

type Line = [string | null, string, string, string, string | null, number];

function grids(withCategory: boolean): SheetGrid[] {
  const sales: Line[] = [
    // date, doc, customer, product, category, amount
    ['2023-11-15', 'S1', 'C1', 'Steel Pipe', 'Pipes', 1000],
    ['2023-12-20', 'S2', 'C2', 'Gate Valve', 'Valves', 250.5],
    ['2024-01-05', 'S3', 'C1', 'Steel Pipe', 'Pipes', 300],
    ['2024-01-05', 'S3', 'C1', 'Elbow', 'Fittings', 200.25],
    ['2024-01-20', 'CN1', 'C1', 'Steel Pipe', 'Pipes', -100],
    ['2024-02-10', 'S4', 'C2', 'Service', null, 80],
    ['2024-03-05', 'S5', 'C1', 'Steel Pipe', 'Pipes', 999],
    [null, 'S6', 'C2', 'Gate Valve', 'Valves', 50],
  ];
  const header = ['Date', 'Document No', 'Customer ID', 'Customer Name', 'Product', ...(withCategory ? ['Category'] : []), 'Amount'];
  return [
    { name: 'Customers', rows: [['Customer ID', 'Customer Name'], ['C1', 'Alpha Ltd'], ['C2', 'Beta Co'], ['C3', 'Gamma Inc']] },
    {
      name: 'Sales',
      rows: [
        header,
        ...sales.map(([date, doc, cust, product, category, amount]): CellValue[] => [
          date ? d(date) : null, doc, cust, cust === 'C1' ? 'Alpha Ltd' : 'Beta Co', product, ...(withCategory ? [category] : []), amount,
        ]),
      ],
    },
    {
      name: 'Receipts',
      rows: [['Date', 'Receipt No', 'Customer ID', 'Amount'], [d('2023-12-01'), 'R1', 'C1', 900], [d('2024-02-15'), 'R2', 'C2', 250.5], [d('2024-03-10'), 'R3', 'C1', 100]],
    },
  ];
}

function summarySheet(withCategory: boolean, lang: 'en' | 'zh' = 'en'): OwnedSheet {
  const result = checkWorkbook({ sheets: grids(withCategory), settings: resolveSettings({ asOf: d('2024-02-29'), lang }) });
  const sheet = result.plan.sheets.find((s) => s.key === 'sales-summary');
  if (!sheet) throw new Error('no Sales Summary sheet');
  return sheet;
}

/** The value at an A1 cell of a sheet laid out without a header row (data row i is sheet row i + 1). */
function at(sheet: OwnedSheet, a1: string): OutValue {
  const m = /^([A-G])(\d+)$/.exec(a1);
  if (!m) throw new Error(a1);
  const cell = sheet.rows[Number(m[2]) - 1]?.[m[1].charCodeAt(0) - 65];
  return cell === undefined ? null : outValue(cell);
}

/** A row's B–F as plain figures: label, net, invoices, credit notes, receipts (formulas give their cached results). */
function figures(sheet: OwnedSheet, row: number): unknown[] {
  return ['B', 'C', 'D', 'E', 'F'].map((c) => {
    const v = at(sheet, `${c}${row}`);
    if (v !== null && typeof v === 'object' && 'money' in v) return v.money;
    if (v !== null && typeof v === 'object' && 'formula' in v) return v.result;
    return v;
  });
}

function formulaAt(sheet: OwnedSheet, a1: string): string | undefined {
  const v = at(sheet, a1);
  return v !== null && typeof v === 'object' && 'formula' in v ? v.formula : undefined;
}

describe('Sales Summary sheet', () => {
  const sheet = summarySheet(true);

  it('is an owned, protected sheet named Sales Summary, placed after Aging and Credit', () => {
    const result = checkWorkbook({ sheets: grids(true), settings: resolveSettings({ asOf: d('2024-02-29') }) });
    const keys = result.plan.sheets.map((s) => s.key);
    expect(keys.indexOf('sales-summary')).toBe(keys.indexOf('credit') + 1);
    expect(sheet.name).toBe('Sales Summary');
    expect(sheet.protect).toBe(true);
    expect(at(sheet, 'A1')).toBe('Sales summary as of 2024-02-29');
    expect(at(sheet, 'A3')).toBe('2 sales lines and 1 receipts without a date or amount, or dated after 2024-02-29, are left out.');
  });

  it('lists every customer by net sales with invoices, credit notes, receipts and share; a customer with no sales shows zeros', () => {
    expect(at(sheet, 'A5')).toBe('By customer');
    expect(figures(sheet, 6)).toEqual(['Customer Name', 'Net Sales', 'Invoices', 'Credit Notes', 'Receipts']);
    // C1: 1000 + (300 + 200.25, one invoice on two lines) − 100 (credit note) = 1400.25; received 900.
    expect(at(sheet, 'A7')).toBe('C1');
    expect(figures(sheet, 7)).toEqual(['Alpha Ltd', '1400.25', 2, 1, '900.00']);
    expect(figures(sheet, 8)).toEqual(['Beta Co', '330.50', 2, 0, '250.50']);
    expect(at(sheet, 'A9')).toBe('C3');
    expect(figures(sheet, 9)).toEqual(['Gamma Inc', '0.00', 0, 0, '0.00']);
    expect(figures(sheet, 10)).toEqual([null, '1730.75', 4, 1, '1150.50']);
    expect(formulaAt(sheet, 'C10')).toBe('SUM(C7:C9)');
    expect(formulaAt(sheet, 'F10')).toBe('SUM(F7:F9)');
    expect(formulaAt(sheet, 'G7')).toBe('IF(C$10=0,0,C7/C$10)');
    // 1400.25 / 1730.75 and 330.50 / 1730.75.
    expect((at(sheet, 'G7') as { result: number }).result).toBeCloseTo(0.80904, 5);
    expect((at(sheet, 'G8') as { result: number }).result).toBeCloseTo(0.19096, 5);
    expect((at(sheet, 'G9') as { result: number }).result).toBe(0);
  });

  it('lists the months across the year end, then quarter and year subtotals as formulas over the month rows', () => {
    expect(at(sheet, 'A12')).toBe('By month');
    expect(figures(sheet, 14)).toEqual(['2023-11', '1000.00', 1, 0, '0.00']);
    expect(at(sheet, 'A14')).toBe('2023 Q4');
    expect(figures(sheet, 15)).toEqual(['2023-12', '250.50', 1, 0, '900.00']);
    expect(figures(sheet, 16)).toEqual(['2024-01', '400.25', 1, 1, '0.00']);
    expect(figures(sheet, 17)).toEqual(['2024-02', '80.00', 1, 0, '250.50']);
    expect(figures(sheet, 18)).toEqual([null, '1730.75', 4, 1, '1150.50']);
    expect(formulaAt(sheet, 'C18')).toBe('SUM(C14:C17)');

    expect(at(sheet, 'A20')).toBe('By quarter (subtotals of the months)');
    expect(figures(sheet, 22)).toEqual(['2023 Q4', '1250.50', 2, 0, '900.00']);
    expect(formulaAt(sheet, 'C22')).toBe('SUM(C14:C15)');
    expect(figures(sheet, 23)).toEqual(['2024 Q1', '480.25', 2, 1, '250.50']);
    expect(formulaAt(sheet, 'F23')).toBe('SUM(F16:F17)');

    expect(at(sheet, 'A25')).toBe('By year (subtotals of the months)');
    expect(figures(sheet, 27)).toEqual(['2023', '1250.50', 2, 0, '900.00']);
    expect(figures(sheet, 28)).toEqual(['2024', '480.25', 2, 1, '250.50']);
    expect(formulaAt(sheet, 'C28')).toBe('SUM(C16:C17)');
  });

  it('splits net sales by product category, lines without one apart', () => {
    expect(at(sheet, 'A30')).toBe('By product category');
    // Pipes 1000 + 300 − 100; Valves 250.50; Fittings 200.25; none 80.
    expect(figures(sheet, 32)).toEqual(['Pipes', '1200.00', 3, null, null]);
    expect(figures(sheet, 33)).toEqual(['Valves', '250.50', 1, null, null]);
    expect(figures(sheet, 34)).toEqual(['Fittings', '200.25', 1, null, null]);
    expect(figures(sheet, 35)).toEqual(['(no category)', '80.00', 1, null, null]);
    expect(figures(sheet, 36)).toEqual([null, '1730.75', 6, null, null]);
    expect(formulaAt(sheet, 'C36')).toBe('SUM(C32:C35)');
    expect(sheet.rows.length).toBe(36);
  });

  it('shows money as numbers in the money format and totals in bold', () => {
    expect(sheet.columns.map((c) => c.format)).toEqual(['text', 'text', 'money', 'int', 'int', 'money', 'percent']);
    expect((at(sheet, 'C10') as { format?: string }).format).toBe('money');
    expect(outStyle(sheet.rows[9][2])).toMatchObject({ bold: true });
  });

  it('charts the top customers (the largest on top), the months and the categories from their tables', () => {
    expect(sheet.charts).toEqual([
      { type: 'bar', firstOnTop: true, title: 'Top 2 customers by net sales', source: 'B6:C8', from: 'I1', to: 'P18' },
      { type: 'column', title: 'Net sales by month', source: 'B13:C17', from: 'I20', to: 'P37' },
      { type: 'pie', title: 'Net sales by product category', source: 'B31:C35', from: 'I39', to: 'P56' },
    ]);
  });

  it('says there is no category column rather than guessing one, and draws no category chart', () => {
    const plain = summarySheet(false);
    expect(at(plain, 'A30')).toBe('By product category');
    expect(at(plain, 'A31')).toMatch(/^No category column/);
    expect(plain.rows.length).toBe(31);
    expect(plain.charts?.map((c) => c.type)).toEqual(['bar', 'column']);
  });

  it('is written in Chinese for a Chinese workbook', () => {
    const zh = summarySheet(true, 'zh');
    expect(zh.name).toBe('销售汇总');
    expect(at(zh, 'A1')).toBe('销售汇总（截至 2024-02-29）');
    expect(figures(zh, 6)).toEqual(['客户名称', '销售净额', '发票张数', '红字冲销张数', '收款金额']);
    expect(at(zh, 'A14')).toBe('2023年第4季度');
    expect(figures(zh, 27)[0]).toBe('2023年');
    expect(figures(zh, 35)[0]).toBe('（未分类）');
    expect(zh.charts?.map((c) => c.title)).toEqual(['销售净额前 2 名客户', '各月销售净额', '各产品类别销售净额']);
  });

  it('draws bars instead of a pie when a category nets below zero', () => {
    const g = grids(true);
    g[1].rows.push([d('2024-02-20'), 'CN2', 'C2', 'Beta Co', 'Gate Valve', 'Valves', -400]);
    const s = checkWorkbook({ sheets: g, settings: resolveSettings({ asOf: d('2024-02-29') }) }).plan.sheets.find((x) => x.key === 'sales-summary') as OwnedSheet;
    expect(s.charts?.[2].type).toBe('bar');
    // Beta Co now nets 330.50 − 400 = −69.50, so only Alpha Ltd is charted among the top customers.
    expect(s.charts?.[0]).toMatchObject({ title: 'Net sales of the one customer', source: 'B6:C7' });
  });
});
