import { CellValue, SheetGrid } from '../../../src/core/model/cells';
import { dayFromISO } from '../../../src/core/model/dates';
import { checkWorkbook, CheckResult } from '../../../src/core/engine';
import { resolveSettings, Settings } from '../../../src/core/model/settings';

/** A date cell as Excel holds it. */
export function d(iso: string): number {
  const day = dayFromISO(iso);
  if (day === null) throw new Error(`bad date ${iso}`);
  return day;
}

export interface CustomerRow { id: string; limit?: number | null; terms?: string; rating?: string; status?: string }
export interface SaleRow { date: string; doc: string; cust: string; amount: number; due?: string; category?: string }
export interface ReceiptRow { date: string; no: string; cust: string; amount: number; ref?: string }

/** A small workbook of customers, sales and receipts, as cells. */
export function creditGrids(customers: CustomerRow[], sales: SaleRow[], receipts: ReceiptRow[] = []): SheetGrid[] {
  const grids: SheetGrid[] = [
    {
      name: 'Customers',
      rows: [
        ['Customer ID', 'Customer Name', 'Credit Limit', 'Payment Terms', 'Credit Rating', 'Status'],
        ...customers.map((c): CellValue[] => [c.id, `Name ${c.id}`, c.limit ?? null, c.terms ?? 'Net 30', c.rating ?? null, c.status ?? 'Active']),
      ],
    },
    {
      name: 'Sales',
      rows: [
        ['Date', 'Document No', 'Customer ID', 'Customer Name', 'Category', 'Amount', 'Due Date'],
        ...sales.map((s): CellValue[] => [d(s.date), s.doc, s.cust, `Name ${s.cust}`, s.category ?? null, s.amount, s.due ? d(s.due) : null]),
      ],
    },
  ];
  if (receipts.length) {
    grids.push({
      name: 'Receipts',
      rows: [
        ['Date', 'Receipt No', 'Customer ID', 'Amount', 'Reference'],
        ...receipts.map((r): CellValue[] => [d(r.date), r.no, r.cust, r.amount, r.ref ?? null]),
      ],
    });
  }
  return grids;
}

/** Runs the whole check on the grids as of a date. */
export function runCredit(grids: SheetGrid[], asOf: string, settings: Partial<Settings> = {}): CheckResult {
  return checkWorkbook({ sheets: grids, settings: resolveSettings({ ...settings, asOf: d(asOf) }) });
}
