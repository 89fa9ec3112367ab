import { ExcelHost } from '../../src/excel/host';
import { createFakeExcel, FakeExcel, FakeExcelOptions, FakeValue, FakeWorkbookModel } from '../fake-excel';

/** An ExcelHost backed by a fake Excel. */
export function fakeHost(fake: FakeExcel): ExcelHost {
  return {
    run: <T>(batch: (context: Excel.RequestContext) => Promise<T>) => fake.Excel.run<T>(batch),
    isSetSupported: (name, version) => fake.Office.context.requirements.isSetSupported(name, version),
    displayLanguage: () => fake.Office.context.displayLanguage,
  };
}

export const SALES_HEADER = ['Date', 'Document No', 'Invoice No', 'Customer ID', 'Customer Name', 'Amount', 'Tax Rate', 'Tax', 'Total'];

/**
 * A sales sheet of `rows` invoices. Every `mistakeEvery`-th row has a blank Document No (a `required`
 * error in column B); the rest are clean. Customer C1 is on the customers sheet.
 */
export function salesRows(rows: number, mistakeEvery: number): FakeValue[][] {
  const out: FakeValue[][] = [SALES_HEADER];
  for (let i = 1; i <= rows; i++) {
    const amount = 100 + (i % 50);
    const tax = Math.round(amount * 13) / 100;
    const doc = i % mistakeEvery === 0 ? null : `D${String(i).padStart(7, '0')}`;
    out.push([45292 + (i % 300), doc, null, 'C1', 'Acme Ltd', amount, 0.13, tax, Math.round((amount + tax) * 100) / 100]);
  }
  return out;
}

/** A workbook with customers, sales (see {@link salesRows}) and receipts with one negative amount. */
export function salesWorkbook(rows: number, mistakeEvery: number): FakeWorkbookModel {
  return FakeWorkbookModel.fromRows({
    Customers: [['Customer ID', 'Customer Name', 'Credit Limit', 'Payment Terms'], ['C1', 'Acme Ltd', 1_000_000_000, 'Net 30']],
    Sales: salesRows(rows, mistakeEvery),
    Receipts: [['Date', 'Receipt No', 'Customer ID', 'Amount'], [45300, 'R1', 'C1', 500], [45301, 'R2', 'C1', -20]],
  });
}

export function newFake(model: FakeWorkbookModel, options: FakeExcelOptions = {}): FakeExcel {
  return createFakeExcel(model, { apiVersion: '1.18', ...options });
}

/** Everything a user could see on the given sheets, as plain data for equality checks. */
export function snapshot(model: FakeWorkbookModel, names: readonly string[]): unknown {
  return names.map((name) => {
    const s = model.mustSheet(name);
    const sorted = <V>(m: Map<number, V>): [number, V][] => [...m.entries()].sort((a, b) => a[0] - b[0]);
    return {
      name: s.name,
      visibility: s.visibility,
      rows: s.rows.map((r) => (r ? [...r] : r)),
      formulas: sorted(s.formulas),
      numberFormats: sorted(s.numberFormats),
      fills: sorted(s.fills),
      fonts: sorted(s.fonts),
      notes: sorted(s.notes).map(([k, n]) => [k, n.content]),
      hyperlinks: sorted(s.hyperlinks),
      comments: model.comments.filter((c) => c.sheetId === s.id).map((c) => [c.key, c.content]),
    };
  });
}

/**
 * Runs `run` on `fake` and returns the numbers (1 = the first request `run` sends) of the requests that
 * read the user's conditional formats. A failure there leaves the check to complete without that warning
 * (src/excel/conditional-formats.ts), so tests of "a failure at any sync fails the check" expect that there.
 */
export async function conditionalFormatReads(fake: FakeExcel, run: () => Promise<unknown>): Promise<Set<number>> {
  const count = (): number => Object.entries(fake.stats.ops).reduce((n, [name, k]) => (name.startsWith('Conditional') ? n + k : n), 0);
  const start = fake.stats.requests;
  const reads = new Set<number>();
  let seen = count();
  fake.inject.afterRequest((n) => {
    const now = count();
    if (now !== seen) reads.add(n - start);
    seen = now;
  });
  try {
    await run();
  } finally {
    fake.inject.afterRequest(null);
  }
  return reads;
}
