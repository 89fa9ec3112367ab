import { Day } from '../model/dates';
import { Finding } from '../model/findings';
import { FindingSink } from '../model/finding-sink';
import { Decimal, Money } from '../model/money';
import { CreditRating, CustomerRecord, ParsedWorkbook, SaleRecord } from '../model/records';
import { Settings } from '../model/settings';
import { agingBucket, agingLabels, OpenAmounts } from '../matching/balances';
import { formatCents, rawCents, rawCentsOf, receiptAmountRaw, saleGrossField, saleGrossRaw } from '../matching/match-amounts';
import type { CashDetail } from '../matching/match-cash';
import { NO_DATE } from '../matching/match-types';
import { CREDIT_MESSAGES, FACTOR_NAMES, STATUS_TEXT } from './credit-messages';
import { combineGrades, gradeGap, RatingFactor, ratingFactors } from './rating';

/**
 * Credit control per customer (DESIGN.md "Credit"): balance and aging of the open items cash application
 * leaves, exposure and utilisation against the credit limit, overdue amounts, the rating from its
 * factors, DSO, and the findings `over-limit`, `near-limit`, `overdue`, `credit-limit-exceeded`,
 * `customer-on-hold` and `rating-drift`. Money is in integer cents (exact in a double up to 2^53).
 */

/** What the credit checks flag on a customer (finding codes, plus the customer's status). */
export type CreditFlag = 'over-limit' | 'near-limit' | 'overdue' | 'credit-limit-exceeded' | 'customer-on-hold' | 'rating-drift' | 'on-hold' | 'closed';

/** Everything the credit checks know about one customer; the Aging, Credit and Statement sheets draw on it. */
export interface CreditProfile {
  customerId: string;
  name: string;
  /** The customers-sheet row, when the customer is on it. */
  record: CustomerRecord | null;
  /** Open receivables net of credits (unapplied cash, credit notes). */
  balanceCents: number;
  /** Balance, plus sales dated after the as-of date when the settings say so. */
  exposureCents: number;
  limit: Money | null;
  /** Exposure / limit; null without a positive limit. */
  utilization: Decimal | null;
  /** Cents per aging bucket, parallel to {@link CreditReview.bucketLabels}. */
  agingCents: number[];
  overdueCents: number;
  /** Days past due of the oldest overdue amount; 0 when nothing is overdue. */
  oldestOverdueDays: number;
  factors: RatingFactor[];
  computedRating: CreditRating | null;
  /** The manual rating of the customers sheet, which wins when present. */
  manualRating: CreditRating | null;
  rating: CreditRating | null;
  /** Days sales outstanding over the review period, one decimal; null without sales in it. */
  dso: Decimal | null;
  /** Gross sales in the DSO period. */
  periodSalesCents: number;
  flags: CreditFlag[];
}

/** The outcome of the credit checks. */
export interface CreditReview {
  profiles: CreditProfile[];
  findings: Finding[];
  /** Labels of the aging buckets: Current, 1-30, …, >180. */
  bucketLabels: string[];
  /** First and last day of the DSO period (the earliest sale up to the as-of date, and the as-of date). */
  period: { from: Day; to: Day } | null;
  totals: { balanceCents: number; overdueCents: number; agingCents: number[]; dso: Decimal | null };
}

/** What the credit checks read: the typed rows and cash application's outcome. */
export interface CreditInput {
  parsed: ParsedWorkbook;
  cash: CashDetail;
  open: OpenAmounts;
  futureSales: ReadonlyMap<number, number>;
  settings: Settings;
  asOf: Day;
}

/** A sale's gross in cents, or null when it has none. */
export function saleCents(sale: SaleRecord): number | null {
  const raw = saleGrossRaw(sale);
  if (raw === null) return null;
  const c = rawCents(raw);
  const cents = Number.isNaN(c) ? rawCentsOf(raw).cents : c;
  return Number.isFinite(cents) ? cents : null;
}

function receiptCents(raw: ReturnType<typeof receiptAmountRaw>): number | null {
  if (raw === null) return null;
  const c = rawCents(raw);
  const cents = Number.isNaN(c) ? rawCentsOf(raw).cents : c;
  return Number.isFinite(cents) ? cents : null;
}

function pct(d: Decimal): string {
  return `${d.times(100).toDecimalPlaces(1, Decimal.ROUND_HALF_UP).toFixed(1)} %`;
}

function money(m: Money): string {
  return formatCents(m.times(100).round().toNumber());
}

interface Acc {
  agingCents: number[];
  overdueCents: number;
  positiveOpen: number;
  oldest: number;
  oldestDoc: string;
  overdueCount: number;
  lateWeighted: number;
  lateBase: number;
  hasInvoices: boolean;
  periodSales: number;
}

/** Runs the credit checks. Customers in Customer ID order; findings in no particular order. */
export function reviewCredit(input: CreditInput): CreditReview {
  const { parsed, cash, open, settings, asOf } = input;
  const lang = settings.lang;
  const bounds = settings.agingBuckets;
  const labels = agingLabels(bounds);
  const ids = cash.customerIds;
  const sink = new FindingSink(lang);

  const records = new Map<string, { rec: CustomerRecord; columns: Partial<Record<string, number>> }>();
  for (const t of parsed.customers) {
    for (const rec of t.records) {
      const id = rec.customerId.trim();
      if (id !== '' && !records.has(id)) records.set(id, { rec, columns: t.mapping.columns as Partial<Record<string, number>> });
    }
  }
  const ordinal = new Map<string, number>();
  ids.forEach((id, k) => ordinal.set(id, k));

  const accs: Acc[] = ids.map(() => ({
    agingCents: new Array<number>(labels.length).fill(0), overdueCents: 0, positiveOpen: 0, oldest: 0, oldestDoc: '', overdueCount: 0,
    lateWeighted: 0, lateBase: 0, hasInvoices: false, periodSales: 0,
  }));

  // Aging of the open items; credits (no due date) count as Current.
  for (let k = 0; k < open.length; k++) {
    const a = accs[open.cust[k]];
    const cents = open.cents[k];
    const due = open.due[k];
    const dpd = cents > 0 && due !== NO_DATE ? asOf - due : 0;
    a.agingCents[agingBucket(dpd, bounds)] += cents;
    if (cents > 0) a.positiveOpen += cents;
    if (dpd > 0) {
      a.overdueCents += cents;
      a.overdueCount++;
      a.lateWeighted += cents * dpd;
      a.lateBase += cents;
    }
  }
  // The oldest overdue invoice by name, and how late the paid amounts were paid.
  for (let i = 0; i < cash.invoices.length; i++) {
    const a = accs[cash.invoiceCustomer[i]];
    a.hasInvoices = true;
    const due = cash.invoiceDue[i];
    if (cash.open[i] > 0 && due !== NO_DATE && asOf - due > a.oldest) {
      a.oldest = asOf - due;
      a.oldestDoc = cash.invoices[i].docNo;
    }
  }
  for (const al of cash.allocations) {
    const due = cash.invoiceDue[al.invoice];
    const paid = cash.receipts[al.receipt].date;
    if (due === NO_DATE || paid === null) continue;
    const a = accs[cash.invoiceCustomer[al.invoice]];
    a.lateWeighted += al.cents * Math.max(0, paid - due);
    a.lateBase += al.cents;
  }

  // DSO period: from the earliest sale up to the as-of date.
  let first = Number.POSITIVE_INFINITY;
  for (const t of parsed.sales) for (const s of t.records) if (s.date !== null && s.date <= asOf && s.date < first) first = s.date;
  const period = Number.isFinite(first) ? { from: first, to: asOf } : null;

  // Walk each customer's sales and receipts in date order for the sale that crosses the limit, and
  // flag sales to held or closed customers.
  type Event = { date: number; order: number; cents: number; sale?: { rec: SaleRecord; sheet: string; columns: Partial<Record<string, number>> } };
  const events = new Map<number, Event[]>();
  const push = (cust: number, e: Event): void => {
    let list = events.get(cust);
    if (!list) events.set(cust, (list = []));
    list.push(e);
  };
  let order = 0;
  const includeFuture = settings.exposureIncludesFutureSales;
  const onHoldDone = new Set<string>();
  for (const t of parsed.sales) {
    const columns = t.mapping.columns as Partial<Record<string, number>>;
    for (const rec of t.records) {
      order++;
      const id = rec.customerId.trim();
      const cust = ordinal.get(id);
      if (cust === undefined) continue;
      const cents = saleCents(rec);
      const known = records.get(id);
      const status = known?.rec.status;
      if ((status === 'on-hold' || status === 'closed') && (rec.date === null || rec.date <= asOf || includeFuture)) {
        sink.add({
          code: 'customer-on-hold', sheet: t.mapping.sheet, row: rec.row, col: columns.customerId ?? 0, key: rec.docNo !== '' ? rec.docNo : `row:${rec.row}`,
          field: 'customerId', text: CREDIT_MESSAGES.onHold, params: { doc: rec.docNo, customer: id, status: STATUS_TEXT[status][lang] },
          actual: STATUS_TEXT[status].en,
        });
        onHoldDone.add(id);
      }
      if (cents === null || rec.date === null) continue;
      if (rec.date <= asOf && period && rec.date >= period.from) accs[cust].periodSales += cents;
      if (rec.date > asOf && !includeFuture) continue;
      push(cust, { date: rec.date, order, cents, sale: { rec, sheet: t.mapping.sheet, columns } });
    }
  }
  for (const t of parsed.receipts) {
    for (const r of t.records) {
      order++;
      const cust = ordinal.get(r.customerId.trim());
      const cents = receiptCents(receiptAmountRaw(r));
      if (cust === undefined || cents === null || r.date === null || r.date > asOf) continue;
      push(cust, { date: r.date, order, cents: -cents });
    }
  }
  const crossed = new Set<number>();
  for (const [cust, list] of events) {
    const limit = records.get(ids[cust])?.rec.creditLimit ?? null;
    if (limit === null) continue;
    const limitCents = limit.times(100).toNumber();
    // Receipts of a day come before its sales: the money was in when the goods went out.
    list.sort((a, b) => a.date - b.date || (a.sale ? 1 : 0) - (b.sale ? 1 : 0) || a.order - b.order);
    let running = 0;
    for (const e of list) {
      const before = running;
      running += e.cents;
      if (!e.sale || e.cents <= 0 || before > limitCents || running <= limitCents) continue;
      const { rec, sheet, columns } = e.sale;
      const field = saleGrossField(rec);
      crossed.add(cust);
      sink.add({
        code: 'credit-limit-exceeded', sheet, row: rec.row, col: columns[field] ?? 0, key: rec.docNo !== '' ? rec.docNo : `row:${rec.row}`,
        field, text: CREDIT_MESSAGES.limitExceeded,
        params: { doc: rec.docNo, customer: ids[cust], before: formatCents(before), after: formatCents(running), limit: money(limit) },
        expected: limit.toFixed(2), actual: (running / 100).toFixed(2),
      });
      // Only the first crossing (DESIGN: "the sale that first takes exposure over the limit"): a
      // customer hovering at the limit dips under with each receipt and back over with the next sale,
      // which would flag sale after sale for the one fact an accountant acts on.
      break;
    }
  }

  const nearRatio = safeRatio(settings.nearLimitRatio);
  const profiles: CreditProfile[] = [];
  const totalAging = new Array<number>(labels.length).fill(0);
  let totalBalance = 0;
  let totalOverdue = 0;
  let totalSales = 0;
  const days = period ? period.to - period.from + 1 : 0;
  for (let cust = 0; cust < ids.length; cust++) {
    const id = ids[cust];
    const a = accs[cust];
    const known = records.get(id);
    const rec = known?.rec ?? null;
    const balance = a.agingCents.reduce((s, c) => s + c, 0);
    const exposure = balance + (includeFuture ? input.futureSales.get(cust) ?? 0 : 0);
    const limit = rec?.creditLimit ?? null;
    const utilization = limit && limit.gt(0) ? new Decimal(exposure).dividedBy(100).dividedBy(limit) : null;
    const flags: CreditFlag[] = [];
    if (rec?.status === 'on-hold') flags.push('on-hold');
    if (rec?.status === 'closed') flags.push('closed');
    if (onHoldDone.has(id)) flags.push('customer-on-hold');
    if (crossed.has(cust)) flags.push('credit-limit-exceeded');

    const col = (field: string): number => known?.columns[field] ?? known?.columns.customerId ?? 0;
    if (rec && limit && exposure > 0 && (limit.isZero() || (utilization && utilization.gt(1)))) {
      flags.push('over-limit');
      sink.add({
        code: 'over-limit', sheet: rec.sheet, row: rec.row, col: col('creditLimit'), key: id, field: 'creditLimit',
        text: limit.isZero() ? CREDIT_MESSAGES.overLimitNoLimit : CREDIT_MESSAGES.overLimit,
        params: { customer: id, exposure: formatCents(exposure), limit: money(limit), pct: utilization ? pct(utilization) : '' },
        expected: limit.toFixed(2), actual: (exposure / 100).toFixed(2),
      });
    } else if (rec && limit && utilization && utilization.gte(nearRatio)) {
      flags.push('near-limit');
      sink.add({
        code: 'near-limit', sheet: rec.sheet, row: rec.row, col: col('creditLimit'), key: id, field: 'creditLimit', text: CREDIT_MESSAGES.nearLimit,
        params: { customer: id, exposure: formatCents(exposure), limit: money(limit), pct: pct(utilization), near: pct(nearRatio) },
        expected: limit.times(nearRatio).toFixed(2), actual: (exposure / 100).toFixed(2),
      });
    }
    if (a.overdueCents > 0) {
      flags.push('overdue');
      if (rec) {
        sink.add({
          code: 'overdue', sheet: rec.sheet, row: rec.row, col: col('paymentTerms'), key: id, field: 'paymentTerms', text: CREDIT_MESSAGES.overdue,
          params: { customer: id, amount: formatCents(a.overdueCents), count: a.overdueCount, doc: a.oldestDoc, days: a.oldest },
          actual: (a.overdueCents / 100).toFixed(2),
        });
      }
    }

    const history = a.hasInvoices || a.positiveOpen > 0;
    const factors = ratingFactors({
      daysLate: a.lateBase > 0 ? a.lateWeighted / a.lateBase : null,
      overdueShare: a.positiveOpen > 0 ? a.overdueCents / a.positiveOpen : history ? 0 : null,
      oldestOverdueDays: history ? a.oldest : null,
      utilization: utilization ? utilization.toNumber() : null,
    });
    const computed = combineGrades(factors);
    const manual = rec?.creditRating ?? null;
    if (rec && manual && computed && gradeGap(manual, computed) >= 2) {
      flags.push('rating-drift');
      const shown = factors.filter((f) => f.grade).map((f) => `${FACTOR_NAMES[f.factor][lang]} ${f.value} → ${f.grade}`).join(lang === 'zh' ? '；' : '; ');
      sink.add({
        code: 'rating-drift', sheet: rec.sheet, row: rec.row, col: col('creditRating'), key: id, field: 'creditRating', text: CREDIT_MESSAGES.ratingDrift,
        params: { customer: id, manual, computed, factors: shown }, expected: computed, actual: manual,
      });
    }
    const dso = a.periodSales > 0 ? new Decimal(Math.max(balance, 0)).dividedBy(a.periodSales).times(days).toDecimalPlaces(1, Decimal.ROUND_HALF_UP) : null;
    profiles.push({
      customerId: id, name: rec?.customerName ?? '', record: rec, balanceCents: balance, exposureCents: exposure, limit, utilization,
      agingCents: a.agingCents, overdueCents: a.overdueCents, oldestOverdueDays: a.oldest, factors, computedRating: computed,
      manualRating: manual, rating: manual ?? computed, dso, periodSalesCents: a.periodSales, flags,
    });
    for (let k = 0; k < labels.length; k++) totalAging[k] += a.agingCents[k];
    totalBalance += balance;
    totalOverdue += a.overdueCents;
    totalSales += a.periodSales;
  }
  fillNamesFromSales(profiles, parsed);
  profiles.sort((x, y) => (x.customerId < y.customerId ? -1 : x.customerId > y.customerId ? 1 : 0));
  const dso = totalSales > 0 ? new Decimal(Math.max(totalBalance, 0)).dividedBy(totalSales).times(days).toDecimalPlaces(1, Decimal.ROUND_HALF_UP) : null;
  return { profiles, findings: sink.findings, bucketLabels: labels, period, totals: { balanceCents: totalBalance, overdueCents: totalOverdue, agingCents: totalAging, dso } };
}

/** Customers missing from the customers sheet are named as their first sale names them. */
function fillNamesFromSales(profiles: CreditProfile[], parsed: ParsedWorkbook): void {
  const missing = new Map(profiles.filter((p) => p.name === '').map((p) => [p.customerId, p]));
  if (missing.size === 0) return;
  for (const t of parsed.sales) {
    for (const s of t.records) {
      const p = missing.get(s.customerId.trim());
      if (p && s.customerName !== '') {
        p.name = s.customerName;
        missing.delete(p.customerId);
      }
    }
  }
}

function safeRatio(text: string): Decimal {
  try {
    const d = new Decimal(text);
    return d.isFinite() && d.gt(0) ? d : new Decimal('0.9');
  } catch {
    return new Decimal('0.9');
  }
}
