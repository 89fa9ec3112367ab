import { CustomerIndex } from './match-index';
import { NO_DATE } from './match-types';
import { findSubsetSums } from './subset-sum';

/**
 * Cash application (收款核销): which invoices each receipt pays, giving every invoice its open balance.
 * Passes in order (DESIGN.md): invoices named in the receipt's Reference, one open invoice of exactly the
 * receipt's amount, a group of open invoices adding up to it, then the oldest open invoices first (FIFO).
 * Everything is in integer cents: a receipt's allocations add up to it exactly by construction.
 */

/** An invoice (a sale with a positive gross) as cash application sees it. */
export interface CashInvoice {
  cust: number;
  /** Excel serial or {@link NO_DATE}; undated invoices are paid last by FIFO. */
  date: number;
  /** Tie-break rank (sheet, row). */
  order: number;
  /** Gross in cents, > 0. */
  cents: number;
  /** Normalized Document No and Invoice No. */
  keys: readonly string[];
}

/** A receipt as cash application sees it. */
export interface CashReceipt {
  cust: number;
  date: number;
  order: number;
  /** Amount in cents, > 0. */
  cents: number;
  /** Normalized keys of the numbers named in its Reference text, in the order written. */
  named: readonly string[];
}

export type CashPass = 'reference' | 'exact-amount' | 'group' | 'fifo';

/** Part of a receipt applied to an invoice. */
export interface Allocation {
  receipt: number;
  invoice: number;
  cents: number;
  pass: CashPass;
}

export interface CashSettings {
  /** Exact and group passes only consider invoices dated up to this many days after the receipt. */
  windowDays: number;
  groupMax: number;
  groupCandidates: number;
}

/** Allocations in the order made, each invoice's open cents and each receipt's unapplied cents. */
export interface CashResult {
  allocations: Allocation[];
  open: Float64Array;
  unapplied: Float64Array;
}

/** How far back the group pass walks over closed invoices looking for open ones. */
const GROUP_SCAN_LIMIT = 400;

function byDateThenOrder(items: readonly { date: number; order: number }[]): (a: number, b: number) => number {
  return (a, b) => {
    const da = items[a].date === NO_DATE ? Number.POSITIVE_INFINITY : items[a].date;
    const db = items[b].date === NO_DATE ? Number.POSITIVE_INFINITY : items[b].date;
    return da - db || items[a].order - items[b].order;
  };
}

/** Applies receipts to invoices, customer by customer; a pure function of its input. */
export function applyCash(invoices: readonly CashInvoice[], receipts: readonly CashReceipt[], settings: CashSettings): CashResult {
  const open = new Float64Array(invoices.length);
  for (let i = 0; i < invoices.length; i++) open[i] = invoices[i].cents;
  const remaining = new Float64Array(receipts.length);
  for (let r = 0; r < receipts.length; r++) remaining[r] = receipts[r].cents;
  const allocations: Allocation[] = [];
  const allocate = (r: number, i: number, cents: number, pass: CashPass): void => {
    if (cents <= 0) return;
    open[i] -= cents;
    remaining[r] -= cents;
    allocations.push({ receipt: r, invoice: i, cents, pass });
  };

  const receiptOrder = receipts.map((_, r) => r).sort(byDateThenOrder(receipts));
  const invoiceRank = byDateThenOrder(invoices);

  // 1. Invoices named in the receipt, in the order named. Receipts are the fewer: index their named
  // keys and let each invoice look itself up, instead of indexing every invoice.
  const namedIndex = new CustomerIndex<string>();
  for (let r = 0; r < receipts.length; r++) for (const k of receipts[r].named) namedIndex.add(receipts[r].cust, k, r);
  const namedBy = new Map<number, { pos: number; invoice: number }[]>();
  const note = (r: number, key: string, invoice: number): void => {
    let list = namedBy.get(r);
    if (!list) {
      list = [];
      namedBy.set(r, list);
    }
    list.push({ pos: receipts[r].named.indexOf(key), invoice });
  };
  const anyNamed = receipts.some((r) => r.named.length > 0);
  for (let i = 0; anyNamed && i < invoices.length; i++) {
    const inv = invoices[i];
    const keys = inv.keys;
    for (let k = 0; k < keys.length; k++) {
      const hit = namedIndex.get(inv.cust, keys[k]);
      if (hit === undefined) continue;
      if (typeof hit === 'number') note(hit, keys[k], i);
      else for (const r of hit) note(r, keys[k], i);
    }
  }
  for (const r of receiptOrder) {
    const list = namedBy.get(r);
    if (!list) continue;
    list.sort((a, b) => a.pos - b.pos || invoiceRank(a.invoice, b.invoice));
    let prev = -1;
    for (const { invoice } of list) {
      if (invoice === prev || remaining[r] <= 0) continue;
      prev = invoice;
      allocate(r, invoice, Math.min(open[invoice], remaining[r]), 'reference');
    }
  }

  // 2. Exactly one open invoice's amount (the oldest such invoice when several have it). Again the
  // receipts left are indexed and the invoices look themselves up.
  const wanted = new CustomerIndex<number>();
  for (let r = 0; r < receipts.length; r++) if (remaining[r] > 0) wanted.add(receipts[r].cust, remaining[r], r);
  const byOpen = new CustomerIndex<number>();
  for (let i = 0; i < invoices.length; i++) {
    if (open[i] > 0 && wanted.get(invoices[i].cust, open[i]) !== undefined) byOpen.add(invoices[i].cust, open[i], i);
  }
  for (const r of receiptOrder) {
    if (remaining[r] <= 0) continue;
    const rec = receipts[r];
    const cutoff = rec.date === NO_DATE ? Number.POSITIVE_INFINITY : rec.date + settings.windowDays;
    let best = -1;
    byOpen.forEach(rec.cust, remaining[r], (i) => {
      if (open[i] !== remaining[r] || (invoices[i].date !== NO_DATE && invoices[i].date > cutoff)) return;
      if (best < 0 || invoiceRank(i, best) < 0) best = i;
    });
    if (best >= 0) allocate(r, best, remaining[r], 'exact-amount');
  }

  // Per customer with money left to apply, its open invoices oldest first: for the group and FIFO passes.
  const needed = new Set<number>();
  for (let r = 0; r < receipts.length; r++) if (remaining[r] > 0) needed.add(receipts[r].cust);
  const perCust = new Map<number, number[]>();
  for (let i = 0; i < invoices.length; i++) {
    if (open[i] <= 0 || !needed.has(invoices[i].cust)) continue;
    let list = perCust.get(invoices[i].cust);
    if (!list) {
      list = [];
      perCust.set(invoices[i].cust, list);
    }
    list.push(i);
  }
  // Sales ledgers are mostly in date order already, which the sort handles in linear time.
  for (const list of perCust.values()) list.sort(invoiceRank);

  // 3. A unique group of open invoices adding up to what is left of the receipt.
  for (const r of receiptOrder) {
    if (remaining[r] <= 0) continue;
    const rec = receipts[r];
    const list = perCust.get(rec.cust);
    if (!list) continue;
    const candidates = groupCandidates(list, invoices, open, remaining[r], rec.date === NO_DATE ? Number.POSITIVE_INFINITY : rec.date + settings.windowDays, settings.groupCandidates);
    if (candidates.length < 2) continue;
    const found = findSubsetSums(candidates.map((i) => open[i]), remaining[r], 0, 2, settings.groupMax, 2);
    if (found.length !== 1) continue;
    const members = found[0].map((k) => candidates[k]).sort(invoiceRank);
    for (const i of members) allocate(r, i, open[i], 'group');
  }

  // 4. FIFO: the oldest open invoices first.
  const cursor = new Map<number, number>();
  for (const r of receiptOrder) {
    if (remaining[r] <= 0) continue;
    const rec = receipts[r];
    const list = perCust.get(rec.cust);
    if (!list) continue;
    let k = cursor.get(rec.cust) ?? 0;
    while (k < list.length && remaining[r] > 0) {
      const i = list[k];
      if (open[i] > 0) allocate(r, i, Math.min(open[i], remaining[r]), 'fifo');
      if (open[i] <= 0) k++;
    }
    cursor.set(rec.cust, k);
  }

  return { allocations, open, unapplied: remaining };
}

/**
 * Open invoices dated up to `cutoff` that could be part of a group paying `amount` (each open for less
 * than it): the `max` most recent (a batch paid together is often recent) and, when there are more, the
 * {@link OLDEST_CANDIDATES} oldest as well. Customers pay their oldest invoices first as often as a recent
 * batch: with only the most recent, the oldest open invoices of a customer with many could never join a
 * group, and FIFO would take their receipt instead.
 */
function groupCandidates(list: readonly number[], invoices: readonly CashInvoice[], open: Float64Array, amount: number, cutoff: number, max: number): number[] {
  // Binary search for the end of the invoices dated up to the cutoff (undated sort last and are skipped).
  let a = 0;
  let b = list.length;
  while (a < b) {
    const mid = (a + b) >> 1;
    const d = invoices[list[mid]].date;
    if (d !== NO_DATE && d <= cutoff) a = mid + 1;
    else b = mid;
  }
  const fits = (i: number): boolean => open[i] > 0 && open[i] < amount;
  const recent: number[] = [];
  for (let k = a - 1, scanned = 0; k >= 0 && recent.length < max && scanned < GROUP_SCAN_LIMIT; k--, scanned++) {
    if (fits(list[k])) recent.push(list[k]);
  }
  if (recent.length < max) return recent;
  const stop = recent[recent.length - 1];
  for (let k = 0, added = 0; k < a && list[k] !== stop && added < OLDEST_CANDIDATES; k++) {
    if (fits(list[k])) {
      recent.push(list[k]);
      added++;
    }
  }
  return recent;
}

/** Oldest open invoices offered to the group search beside the most recent ones (keeps it ≤ 20 candidates). */
const OLDEST_CANDIDATES = 4;
