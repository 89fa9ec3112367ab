import { Day } from '../model/dates';
import { centsToString, decimalString } from './match-amounts';
import { NO_DATE } from './match-types';
import { Decimal } from '../model/money';
import { dueDateFor } from '../credit/payment-terms';
import { CustomerRecord, SaleRecord } from '../model/records';
import { CustomerReport } from '../output/report';

/**
 * Per-customer balances and aging for the report's `customers`, from the open items cash application
 * leaves: the unpaid part of each invoice (aged by its due date), credit notes and unapplied receipts
 * (credits, shown as Current).
 */

/**
 * Open items as parallel arrays (a million invoices would otherwise be a million objects): an unpaid
 * invoice has positive cents and a due date; credits (credit notes, unapplied cash) negative cents.
 */
export class OpenAmounts {
  readonly cust: number[] = [];
  readonly cents: number[] = [];
  /** Due date, or {@link NO_DATE} (then Current). */
  readonly due: number[] = [];

  push(cust: number, cents: number, due: number): void {
    this.cust.push(cust);
    this.cents.push(cents);
    this.due.push(due);
  }

  get length(): number {
    return this.cust.length;
  }
}

/** Labels of the aging buckets for the upper bounds in days past due: Current, 1-30, …, >180. */
export function agingLabels(bounds: readonly number[]): string[] {
  const labels = ['Current'];
  let from = 1;
  for (const b of bounds) {
    labels.push(`${from}-${b}`);
    from = b + 1;
  }
  labels.push(`>${bounds.length ? bounds[bounds.length - 1] : 0}`);
  return labels;
}

/** Index of the bucket for days past due (≤ 0 is Current). */
export function agingBucket(daysPastDue: number, bounds: readonly number[]): number {
  if (daysPastDue <= 0) return 0;
  for (let k = 0; k < bounds.length; k++) if (daysPastDue <= bounds[k]) return k + 1;
  return bounds.length + 1;
}

/**
 * The due date of a sale: its Due Date when written, else from the customer's payment terms, else the
 * sale date (due at once). {@link NO_DATE} when the sale has no date either.
 */
export function saleDueDate(sale: SaleRecord, customer: CustomerRecord | undefined): number {
  if (sale.dueDate !== null) return sale.dueDate;
  if (sale.date === null) return NO_DATE;
  const terms = customer?.paymentTerms;
  if (!terms) return sale.date;
  if (terms.days >= 4096) return dueDateFor(sale.date, terms);
  // End-of-month terms go through calendar arithmetic; a ledger has few distinct dates, so remember them.
  const key = sale.date * 8192 + terms.days * 2 + (terms.kind === 'eom' ? 1 : 0);
  let due = DUE_CACHE.get(key);
  if (due === undefined) {
    if (DUE_CACHE.size >= 100_000) DUE_CACHE.clear();
    due = dueDateFor(sale.date, terms);
    DUE_CACHE.set(key, due);
  }
  return due;
}

/** Due dates by (date, terms); terms days stay below 4096 (payment-terms.ts caps them at 3650). */
const DUE_CACHE = new Map<number, number>();

/** Inputs of {@link customerReports}. */
export interface BalanceInput {
  /** Customer IDs by ordinal. */
  ids: readonly string[];
  /** Ordinals to report on, any order. */
  report: Iterable<number>;
  customers: Map<number, CustomerRecord>;
  open: OpenAmounts;
  /** Cents of sales dated after the as-of date, by ordinal (for exposure when the settings say so). */
  futureSales: Map<number, number>;
  exposureIncludesFutureSales: boolean;
  agingBuckets: readonly number[];
  asOf: Day;
}

/** Balance, credit limit, utilization, aging and overdue per customer, sorted by Customer ID. */
export function customerReports(input: BalanceInput): CustomerReport[] {
  const labels = agingLabels(input.agingBuckets);
  const buckets = new Map<number, number[]>();
  const overdue = new Map<number, number>();
  const bucketsOf = (cust: number): number[] => {
    let b = buckets.get(cust);
    if (!b) {
      b = new Array(labels.length).fill(0);
      buckets.set(cust, b);
    }
    return b;
  };
  const open = input.open;
  for (let k = 0; k < open.length; k++) {
    const cust = open.cust[k];
    const cents = open.cents[k];
    const due = open.due[k];
    const b = bucketsOf(cust);
    const dpd = cents > 0 && due !== NO_DATE ? input.asOf - due : 0;
    b[agingBucket(dpd, input.agingBuckets)] += cents;
    if (dpd > 0) overdue.set(cust, (overdue.get(cust) ?? 0) + cents);
  }
  const out: CustomerReport[] = [];
  for (const cust of new Set(input.report)) {
    const b = bucketsOf(cust);
    const balance = b.reduce((s, c) => s + c, 0);
    const exposure = balance + (input.exposureIncludesFutureSales ? input.futureSales.get(cust) ?? 0 : 0);
    const limit = input.customers.get(cust)?.creditLimit ?? null;
    const aging: Record<string, string> = {};
    labels.forEach((label, k) => {
      aging[label] = centsToString(b[k]);
    });
    out.push({
      customerId: input.ids[cust],
      balance: centsToString(balance),
      creditLimit: limit ? decimalString(limit) : null,
      utilization: limit && !limit.isZero() ? new Decimal(exposure).dividedBy(100).dividedBy(limit).toDecimalPlaces(4).toFixed() : null,
      aging,
      overdue: centsToString(overdue.get(cust) ?? 0),
      rating: null,
      dso: null,
    });
  }
  return out.sort((a, b) => (a.customerId < b.customerId ? -1 : a.customerId > b.customerId ? 1 : 0));
}
