import { cellAddress } from '../model/cells';
import { rawCentsOf, rawCents, receiptAmountRaw, lineRaw, saleGrossField, saleGrossRaw } from './match-amounts';
import { RawNum } from '../model/exact';
import { MatchItem, NO_DATE } from './match-types';
import { ReceiptRecord, SaleRecord, StatementLine, Table } from '../model/records';
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

const NO_REFS: readonly string[] = Object.freeze([]);

/** Keys of a sale: its Document No and Invoice No, normalized, without repeats. */
export function saleKeys(sale: SaleRecord): readonly string[] {
  const doc = normalizeReference(sale.docNo);
  const inv = sale.invoiceNo === '' ? '' : normalizeReference(sale.invoiceNo);
  if (doc === '') return inv === '' ? NO_REFS : [inv];
  return inv === '' || inv === doc ? [doc] : [doc, inv];
}

/**
 * Builds a side's items from records, dropping those out of scope (no or unknown customer, outside the
 * customer's period, no amount or a zero one). One object per item and no intermediate allocations:
 * this runs over every row.
 */
function collect<R extends { row: number; date: number | null; customerId: string }>(
  tables: readonly Table<R>[],
  scope: ItemScope,
  kind: ItemKind,
  amountOf: (rec: R) => RawNum | null,
  amountFieldOf: (rec: R) => string,
  keysOf: (rec: R, tableIndex: number, recordIndex: number) => readonly string[],
): RecItem[] {
  const out: RecItem[] = [];
  for (let ti = 0; ti < tables.length; ti++) {
    const table = tables[ti];
    const info = tableInfo(table);
    const rank = scope.ranks.get(info.sheet) ?? 0;
    let lastId = '';
    let lastCust = -1;
    let period: { from: number; to: number } | null = null;
    const records = table.records;
    for (let ri = 0; ri < records.length; ri++) {
      const rec = records[ri];
      const amount = amountOf(rec);
      if (!amount) continue;
      // Rows of one customer usually come together: skip the map lookup when the ID repeats.
      if (rec.customerId !== lastId) {
        lastId = rec.customerId;
        const id = rec.customerId.trim();
        lastCust = id === '' ? -1 : scope.customers.find(id);
        // The period is the customer's: asked once per run of rows, not once per row.
        period = lastCust < 0 ? null : scope.period(lastCust);
      }
      const cust = lastCust;
      if (cust < 0) continue;
      if (!period || (rec.date !== null && (rec.date < period.from || rec.date > period.to))) continue;
      let cents = rawCents(amount);
      let exact = true;
      if (Number.isNaN(cents)) {
        const c = rawCentsOf(amount);
        cents = c.cents;
        exact = c.exact;
        if (Number.isNaN(cents)) continue;
      }
      if (exact && cents === 0) continue;
      out.push({
        i: out.length, cust, cents, exact, raw: amount, date: rec.date ?? NO_DATE, order: orderOf(rank, rec.row), refs: keysOf(rec, ti, ri),
        kind, table: info, row: rec.row, rec: rec as unknown as RecItem['rec'], amountField: amountFieldOf(rec),
      });
    }
  }
  return out;
}

/**
 * Keys of every sale, computed once per run and shared by the statement matching and cash application.
 * Filled lazily: only the sales someone asks about are normalized.
 */
export class SaleKeyCache {
  private readonly keys: (readonly string[] | undefined)[][];

  constructor(private readonly tables: readonly Table<SaleRecord, 'sales'>[]) {
    this.keys = tables.map((t) => new Array<readonly string[] | undefined>(t.records.length));
  }

  get(tableIndex: number, recordIndex: number): readonly string[] {
    const row = this.keys[tableIndex];
    let k = row[recordIndex];
    if (k === undefined) {
      k = saleKeys(this.tables[tableIndex].records[recordIndex]);
      row[recordIndex] = k;
    }
    return k;
  }
}

/** Our sales as billed-side items: gross (价税合计) amount, document and invoice numbers as keys. */
export function saleItems(tables: readonly Table<SaleRecord, 'sales'>[], scope: ItemScope, cache: SaleKeyCache = new SaleKeyCache(tables)): RecItem[] {
  return collect(tables, scope, 'sale', saleGrossRaw, saleGrossField, (_s, ti, ri) => cache.get(ti, ri));
}

/** Reference keys of a receipt: its Receipt No and every number named in its Reference text. */
export function receiptKeys(receipt: ReceiptRecord, invoiceNoLengths: readonly number[]): readonly string[] {
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
  return collect(tables, scope, 'receipt', receiptAmountRaw, () => 'amount', (r) => receiptKeys(r, scope.invoiceNoLengths));
}

/** Their statement lines as items of one column: `billed` or `paid`. Opening-balance rows are no items. */
export function statementItems(tables: readonly Table<StatementLine, 'statement'>[], column: 'billed' | 'paid', scope: ItemScope): RecItem[] {
  return collect(tables, scope, column, (l) => (l.isOpening ? null : lineRaw(l, column)), () => column, (l) =>
    l.reference === '' ? NO_REFS : referenceKeys(l.reference, scope.invoiceNoLengths),
  );
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
