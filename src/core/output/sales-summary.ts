import { Day, ymd } from '../model/dates';
import { RawNum } from '../model/exact';
import { continuesLine } from '../model/line-items';
import { Decimal, Money } from '../model/money';
import { ReceiptRow, SaleRow } from '../model/record-rows';
import { ParsedWorkbook, ReceiptRecord, SaleRecord } from '../model/records';
import { rawCents, rawDecimal } from '../matching/match-amounts';

/**
 * The figures of the Sales Summary sheet: net sales, invoices, credit notes and receipts by customer,
 * by month and by product category. Net sales are the sales lines' Amount (excluding tax), credit notes
 * (negative lines) included; receipts are the receipts' Amount. A line counts when it has a date on or
 * before the as-of date and a readable amount, so every section adds up to the same totals.
 */

/** What one row of the summary adds up. */
export interface SummaryFigures {
  /** Sum of Amount (excl. tax) of the sales lines, credit notes subtracting. */
  net: Money;
  /** Documents (lines sharing a Document No in a run make one) whose lines sum above zero. */
  invoices: number;
  /** Documents whose lines sum below zero. */
  creditNotes: number;
  receipts: Money;
}

export interface CustomerSummary extends SummaryFigures {
  /** Trimmed; empty for sales and receipts that name no customer. */
  customerId: string;
  name: string;
}

export interface MonthSummary extends SummaryFigures {
  year: number;
  /** 1–12. */
  month: number;
}

export interface CategorySummary {
  /** Trimmed; empty for lines without a category. */
  category: string;
  net: Money;
  /** Sales lines counted. */
  lines: number;
}

export interface SalesSummary {
  /** Every customer on the customers sheet, then every other customer with sales or receipts; by net sales, largest first, then by ID. */
  customers: CustomerSummary[];
  /** Every month from the first to the last with activity (gaps shown as zero, unless the span exceeds {@link MAX_MONTH_SPAN}), in order. */
  months: MonthSummary[];
  /** By net sales, largest first; null when no sales sheet has a category column. */
  categories: CategorySummary[] | null;
  total: SummaryFigures;
  /** Sales lines left out: no date, a date after the as-of date, or no readable Amount. */
  salesLeftOut: number;
  /** Receipts left out for the same reasons. */
  receiptsLeftOut: number;
}

/** Beyond this many months between the first and last activity, only months with activity are listed. */
export const MAX_MONTH_SPAN = 120;

/** An exact running sum: whole cents as an integer, anything else (sub-cent amounts) in decimal.js. */
class Sum {
  private cents = 0;
  private rest: Decimal | null = null;

  add(raw: RawNum): void {
    const c = rawCents(raw);
    if (!Number.isNaN(c) && Math.abs(this.cents + c) < 2 ** 52) this.cents += c;
    else this.rest = (this.rest ?? new Decimal(0)).plus(rawDecimal(raw));
  }

  addSum(other: Sum): void {
    this.cents += other.cents;
    if (other.rest) this.rest = (this.rest ?? new Decimal(0)).plus(other.rest);
  }

  sign(): number {
    // Whole cents decide without building a Decimal: this runs once per document.
    return this.rest ? this.value().comparedTo(0) : Math.sign(this.cents);
  }

  value(): Money {
    const cents = new Decimal(this.cents).dividedBy(100);
    return this.rest ? cents.plus(this.rest) : cents;
  }
}

class Acc {
  net = new Sum();
  invoices = 0;
  creditNotes = 0;
  receipts = new Sum();

  figures(): SummaryFigures {
    return { net: this.net.value(), invoices: this.invoices, creditNotes: this.creditNotes, receipts: this.receipts.value() };
  }
}

function saleAmount(s: SaleRecord): RawNum | null {
  return s instanceof SaleRow ? s.rawAmount : s.amount;
}

function receiptAmount(r: ReceiptRecord): RawNum | null {
  return r instanceof ReceiptRow ? r.rawAmount : r.amount;
}

/** Month keys (year × 12 + month − 1) by day, cached: a sheet holds few distinct dates. */
function monthKeyOf(cache: Map<Day, number>, day: Day): number {
  let k = cache.get(day);
  if (k === undefined) {
    const { y, m } = ymd(day);
    k = y * 12 + m - 1;
    cache.set(day, k);
  }
  return k;
}

/** Adds up the workbook's sales lines and receipts dated up to `asOf` by customer, month and category. */
export function summarizeSales(parsed: ParsedWorkbook, asOf: Day): SalesSummary {
  const names = new Map<string, string>();
  const byCustomer = new Map<string, Acc>();
  const byMonth = new Map<number, Acc>();
  const byCategory = new Map<string, { net: Sum; lines: number }>();
  const total = new Acc();
  const months = new Map<Day, number>();
  const customer = (id: string): Acc => {
    let a = byCustomer.get(id);
    if (!a) byCustomer.set(id, (a = new Acc()));
    return a;
  };
  const month = (key: number): Acc => {
    let a = byMonth.get(key);
    if (!a) byMonth.set(key, (a = new Acc()));
    return a;
  };
  for (const t of parsed.customers) {
    for (const c of t.records) {
      const id = c.customerId.trim();
      if (id === '' || names.has(id)) continue;
      names.set(id, c.customerName.trim());
      customer(id);
    }
  }

  const hasCategory = parsed.sales.some((t) => t.mapping.columns.category !== undefined);
  let salesLeftOut = 0;
  for (const t of parsed.sales) {
    // A document is a run of lines sharing a Document No and customer; it counts as an invoice or a
    // credit note by the sign of its lines' sum, in the customer and month of its first line.
    let prev: SaleRecord | null = null;
    let doc: { sum: Sum; customer: Acc; month: Acc } | null = null;
    const closeDoc = (): void => {
      if (!doc) return;
      const sign = doc.sum.sign();
      for (const a of [doc.customer, doc.month, total]) {
        if (sign > 0) a.invoices++;
        else if (sign < 0) a.creditNotes++;
      }
      doc = null;
    };
    for (const s of t.records) {
      const raw = saleAmount(s);
      if (s.date === null || s.date > asOf || raw === null) {
        salesLeftOut++;
        continue;
      }
      const id = s.customerId.trim();
      if (!names.has(id)) names.set(id, s.customerName.trim());
      const c = customer(id);
      const m = month(monthKeyOf(months, s.date));
      c.net.add(raw);
      m.net.add(raw);
      total.net.add(raw);
      if (!(doc && s.docNo.trim() !== '' && continuesLine(prev, s, 'docNo'))) {
        closeDoc();
        doc = { sum: new Sum(), customer: c, month: m };
      }
      (doc as { sum: Sum }).sum.add(raw);
      prev = s;
      if (hasCategory) {
        const key = s.category.trim();
        let cat = byCategory.get(key);
        if (!cat) byCategory.set(key, (cat = { net: new Sum(), lines: 0 }));
        cat.net.add(raw);
        cat.lines++;
      }
    }
    closeDoc();
  }

  let receiptsLeftOut = 0;
  for (const t of parsed.receipts) {
    for (const r of t.records) {
      const raw = receiptAmount(r);
      if (r.date === null || r.date > asOf || raw === null) {
        receiptsLeftOut++;
        continue;
      }
      const id = r.customerId.trim();
      if (!names.has(id)) names.set(id, '');
      customer(id).receipts.add(raw);
      month(monthKeyOf(months, r.date)).receipts.add(raw);
      total.receipts.add(raw);
    }
  }

  const customers: CustomerSummary[] = [...byCustomer].map(([id, a]) => ({ customerId: id, name: names.get(id) ?? '', ...a.figures() }));
  customers.sort((a, b) => b.net.comparedTo(a.net) || (a.customerId < b.customerId ? -1 : a.customerId > b.customerId ? 1 : 0));

  const keys = [...byMonth.keys()].sort((a, b) => a - b);
  const span = keys.length ? keys[keys.length - 1] - keys[0] + 1 : 0;
  const listed = span <= MAX_MONTH_SPAN ? Array.from({ length: span }, (_, i) => keys[0] + i) : keys;
  const monthRows: MonthSummary[] = listed.map((k) => ({ year: Math.floor(k / 12), month: (k % 12) + 1, ...(byMonth.get(k) ?? new Acc()).figures() }));

  const categories = hasCategory
    ? [...byCategory].map(([category, c]) => ({ category, net: c.net.value(), lines: c.lines }))
      .sort((a, b) => b.net.comparedTo(a.net) || (a.category < b.category ? -1 : a.category > b.category ? 1 : 0))
    : null;

  return { customers, months: monthRows, categories, total: total.figures(), salesLeftOut, receiptsLeftOut };
}
