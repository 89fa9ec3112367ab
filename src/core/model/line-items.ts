import Decimal from 'decimal.js';
import { RawNum } from './exact';
import { SaleRow } from './record-rows';
import { ParsedWorkbook, SaleRecord, Table } from './records';

/**
 * Line-item sales sheets: an invoice listed line by line, its number repeated on each line. Such lines
 * are one document (not `duplicate`s) and are matched as one invoice, as the customer's statement
 * bills it.
 */

/** Runs of at least two consecutive lines that share a number and a customer and differ in content. */
function countGroups(records: readonly SaleRecord[], valueOf: (r: SaleRecord) => string): number {
  let groups = 0;
  let i = 0;
  while (i < records.length) {
    const v = valueOf(records[i]);
    let j = i + 1;
    while (j < records.length && v !== '' && valueOf(records[j]) === v && records[j].customerId === records[i].customerId) j++;
    if (j - i >= 2 && !allAlike(records, i, j)) groups++;
    i = j;
  }
  return groups;
}

/** Lines i..j-1 repeat one another exactly (the same product and amount): a repeated entry, not lines. */
function allAlike(records: readonly SaleRecord[], i: number, j: number): boolean {
  const key = (r: SaleRecord): string => `${r.product}\u241f${String(r.amount)}\u241f${String(r.quantity)}`;
  const first = key(records[i]);
  for (let k = i + 1; k < j; k++) if (key(records[k]) !== first) return false;
  return true;
}

/**
 * Which number groups a sales sheet's lines into invoices: Document No when its repeats come as runs of
 * consecutive lines (two runs or more), else Invoice No the same way; null for a sheet of one row per
 * document.
 */
export function detectLineItems(table: Table<SaleRecord, 'sales'>): { field: 'docNo' | 'invoiceNo'; groups: number } | null {
  const cols = table.mapping.columns;
  if (cols.docNo !== undefined) {
    const g = countGroups(table.records, (r) => r.docNo);
    if (g >= 2) return { field: 'docNo', groups: g };
  }
  if (cols.invoiceNo !== undefined) {
    const g = countGroups(table.records, (r) => r.invoiceNo);
    if (g >= 2) return { field: 'invoiceNo', groups: g };
  }
  return null;
}

/** True when `rec` continues the run of `prev` on a line-item sheet (same number, same customer). */
export function continuesLine(prev: SaleRecord | null, rec: SaleRecord, field: 'docNo' | 'invoiceNo'): boolean {
  return prev !== null && rec[field] !== '' && prev[field] === rec[field] && prev.customerId === rec.customerId;
}

function sum(values: (Decimal | null)[]): RawNum | null {
  let total: Decimal | null = null;
  for (const v of values) if (v !== null) total = total === null ? v : total.plus(v);
  return total;
}

/** One invoice from its lines: the first line's row, number, dates and customer; amounts, tax and totals summed. */
function merge(lines: SaleRecord[]): SaleRecord {
  const first = lines[0];
  const row = new SaleRow(first.sheet, first.row);
  row.date = first.date;
  row.docNo = first.docNo;
  row.invoiceNo = first.invoiceNo;
  row.customerId = first.customerId;
  row.customerName = first.customerName;
  row.product = first.product;
  row.category = first.category;
  row.rawAmount = sum(lines.map((l) => l.amount));
  row.rawTax = sum(lines.map((l) => l.tax));
  row.rawTotal = sum(lines.map((l) => l.total));
  row.taxRate = lines.every((l) => l.taxRate !== null && first.taxRate !== null && l.taxRate.eq(first.taxRate)) ? first.taxRate : null;
  row.dueDate = first.dueDate;
  row.salesRep = first.salesRep;
  row.unreadable = lines.reduce((bits, l) => bits | ((l as Partial<SaleRow>).unreadable ?? 0), 0);
  return row;
}

/**
 * The workbook as matching and credit see it: each line-item sales sheet's lines merged into one
 * record per invoice (see {@link detectLineItems}); every other table as it is.
 */
export function invoicesOfLines(parsed: ParsedWorkbook): ParsedWorkbook {
  if (!parsed.sales.some((t) => t.mapping.lineItems)) return parsed;
  const sales = parsed.sales.map((t) => {
    const li = t.mapping.lineItems;
    if (!li) return t;
    const records: SaleRecord[] = [];
    let run: SaleRecord[] = [];
    for (const rec of t.records) {
      if (run.length > 0 && !continuesLine(run[run.length - 1], rec, li.field)) {
        records.push(run.length === 1 ? run[0] : merge(run));
        run = [];
      }
      run.push(rec);
    }
    if (run.length > 0) records.push(run.length === 1 ? run[0] : merge(run));
    return { mapping: t.mapping, records };
  });
  return { ...parsed, sales };
}
