import { cellAddress } from './cells';
import { centsOf } from './match-amounts';
import { MatchItem, NO_DATE } from './match-types';
import { Money } from './money';
import { grossOf, ReceiptRecord, SaleRecord, StatementLine, Table } from './records';
import { extractReferences, normalizeReference, referenceKeys } from './references';

/** Which column of which template an item was read from. */
export type ItemKind = 'sale' | 'receipt' | 'billed' | 'paid';

/** A sheet's location facts shared by all its items: name, rank and the mapping's columns. */
export interface TableInfo {
  sheet: string;
  columns: Partial<Record<string, number>>;
}

/** A match item with where it came from, for findings, the report and the Reconciliation sheet. */
export interface RecItem extends MatchItem {
  readonly kind: ItemKind;
  readonly table: TableInfo;
  readonly row: number;
  readonly rec: SaleRecord | ReceiptRecord | StatementLine;
  /** The field holding the amount: `total`/`amount` (sales), `amount` (receipts), `billed`/`paid`. */
  readonly amountField: string;
}

/** Customer IDs as small integers, so the matcher blocks by customer without string keys. */
export class CustomerOrdinals {
  private readonly byId = new Map<string, number>();
  readonly ids: string[] = [];

  /** The ordinal of an ID, assigning the next one to a new ID. */
  of(id: string): number {
    let n = this.byId.get(id);
    if (n === undefined) {
      n = this.ids.length;
      this.byId.set(id, n);
      this.ids.push(id);
    }
    return n;
  }

  /** The ordinal of a known ID, or -1. */
  find(id: string): number {
    return this.byId.get(id) ?? -1;
  }
}

/** Rows fit in 2^20 (Excel's 1,048,576), so sheet rank and row pack into one exact number. */
const ROW_SPAN = 2 ** 21;

/** Ranks sheet names alphabetically, so tie-breaks do not depend on the order sheets were read. */
export function sheetRanks(names: Iterable<string>): Map<string, number> {
  const sorted = [...new Set(names)].sort();
  return new Map(sorted.map((n, i) => [n, i]));
}

/** The tie-break rank of a row: by sheet, then row. */
export function orderOf(sheetRank: number, row: number): number {
  return sheetRank * ROW_SPAN + row;
}

/** Whether a dated record falls in [from, to]; undated records are kept (validation flags them). */
export function inPeriod(date: number | null, from: number, to: number): boolean {
  return date === null || (date >= from && date <= to);
}

function tableInfo(table: Table<unknown>): TableInfo {
  return { sheet: table.mapping.sheet, columns: table.mapping.columns as Partial<Record<string, number>> };
}

/** Options for building items: which customers and dates are in scope. */
export interface ItemScope {
  customers: CustomerOrdinals;
  ranks: Map<string, number>;
  /** Keep a record of this customer ordinal dated in the returned range; null drops it. */
  period(cust: number): { from: number; to: number } | null;
  invoiceNoLengths: readonly number[];
}

interface AmountItemBase {
  amount: Money;
  date: number | null;
  customerId: string;
}

function baseItem(
  src: AmountItemBase,
  scope: ItemScope,
): { cust: number; cents: number; exact: boolean; date: number } | null {
  const id = src.customerId.trim();
  if (id === '') return null;
  const cust = scope.customers.find(id);
  if (cust < 0) return null;
  const period = scope.period(cust);
  if (!period || !inPeriod(src.date, period.from, period.to)) return null;
  const { cents, exact } = centsOf(src.amount);
  if (Number.isNaN(cents) || (exact && cents === 0)) return null;
  return { cust, cents, exact, date: src.date ?? NO_DATE };
}

/** Our sales as billed-side items: gross (价税合计) amount, document and invoice numbers as keys. */
export function saleItems(tables: readonly Table<SaleRecord, 'sales'>[], scope: ItemScope): RecItem[] {
  const out: RecItem[] = [];
  for (const table of tables) {
    const info = tableInfo(table);
    const rank = scope.ranks.get(info.sheet) ?? 0;
    for (const sale of table.records) {
      const gross = grossOf(sale);
      if (!gross) continue;
      const base = baseItem({ amount: gross, date: sale.date, customerId: sale.customerId }, scope);
      if (!base) continue;
      const doc = normalizeReference(sale.docNo);
      const inv = normalizeReference(sale.invoiceNo);
      const refs = doc === '' ? (inv === '' ? [] : [inv]) : inv === '' || inv === doc ? [doc] : [doc, inv];
      out.push({
        i: out.length, ...base, amount: gross, order: orderOf(rank, sale.row), refs,
        kind: 'sale', table: info, row: sale.row, rec: sale, amountField: sale.total ? 'total' : 'amount',
      });
    }
  }
  return out;
}

/** Reference keys of a receipt: its Receipt No and every number named in its Reference text. */
export function receiptKeys(receipt: ReceiptRecord, invoiceNoLengths: readonly number[]): string[] {
  const keys: string[] = [];
  const own = normalizeReference(receipt.receiptNo);
  if (own !== '') keys.push(own);
  if (receipt.reference !== '') {
    for (const token of extractReferences(receipt.reference)) {
      for (const k of referenceKeys(token, invoiceNoLengths)) if (!keys.includes(k)) keys.push(k);
    }
  }
  return keys;
}

/** Our receipts as paid-side items. */
export function receiptItems(tables: readonly Table<ReceiptRecord, 'receipts'>[], scope: ItemScope): RecItem[] {
  const out: RecItem[] = [];
  for (const table of tables) {
    const info = tableInfo(table);
    const rank = scope.ranks.get(info.sheet) ?? 0;
    for (const r of table.records) {
      if (!r.amount) continue;
      const base = baseItem({ amount: r.amount, date: r.date, customerId: r.customerId }, scope);
      if (!base) continue;
      out.push({
        i: out.length, ...base, amount: r.amount, order: orderOf(rank, r.row), refs: receiptKeys(r, scope.invoiceNoLengths),
        kind: 'receipt', table: info, row: r.row, rec: r, amountField: 'amount',
      });
    }
  }
  return out;
}

/** Their statement lines as items of one column: `billed` or `paid`. Opening-balance rows are no items. */
export function statementItems(tables: readonly Table<StatementLine, 'statement'>[], column: 'billed' | 'paid', scope: ItemScope): RecItem[] {
  const out: RecItem[] = [];
  for (const table of tables) {
    const info = tableInfo(table);
    const rank = scope.ranks.get(info.sheet) ?? 0;
    for (const line of table.records) {
      if (line.isOpening) continue;
      const amount = line[column];
      if (!amount) continue;
      const base = baseItem({ amount, date: line.date, customerId: line.customerId }, scope);
      if (!base) continue;
      out.push({
        i: out.length, ...base, amount, order: orderOf(rank, line.row), refs: referenceKeys(line.reference, scope.invoiceNoLengths),
        kind: column, table: info, row: line.row, rec: line, amountField: column,
      });
    }
  }
  return out;
}

/** The text a user knows the item by: Document No, Receipt No, or the statement's Reference. */
export function displayReference(item: RecItem): string {
  const rec = item.rec;
  if ('docNo' in rec) return rec.docNo;
  if ('receiptNo' in rec) return rec.receiptNo;
  return rec.reference;
}

/** The field whose cell identifies the item: Document No, Receipt No, Reference (else the amount). */
export function referenceField(item: RecItem): string {
  if (item.kind === 'sale') return 'docNo';
  if (item.kind === 'receipt') return 'receiptNo';
  return item.table.columns.reference !== undefined ? 'reference' : item.amountField;
}

/** A1 address of the item's cell for `field`, falling back to its amount column, then column A. */
export function cellOf(item: RecItem, field: string): string {
  const col = item.table.columns[field] ?? item.table.columns[item.amountField] ?? 0;
  return cellAddress(item.row, col);
}

/** "Sheet!row" as the JSON report names rows. */
export function rowRef(item: RecItem): string {
  return `${item.table.sheet}!${item.row}`;
}
