import { exactCents } from './match-amounts';
import { RecItem } from './match-items';
import { NO_DATE } from './match-types';
import { MatchPair } from '../output/report';
import { OurBalance, StatementScope } from './tie-out';

/**
 * Records booked across the period start (跨期入账). A receipt the customer booked the day before their
 * statement's period and we booked on its first day sits in their opening balance and in our period's
 * activity: the closing balances agree, yet the opening balances differ by it and the receipt matches
 * nothing in the period. An accountant reads that as a posting lag across the boundary, not as an error
 * in anyone's books. The same holds the other way round (we booked before, they in the period) and for
 * invoices.
 *
 * Only a unique explanation is taken, never a guess: a record that matches nothing and is dated within
 * the date window after the period start of a customer whose opening balances differ is
 * - linked to the one line (or record) of the other side dated within the window before the start with
 *   the same amount and a shared reference, or the only one of that amount both ways; or else
 * - taken as booked before the period by the other side when it is, alone or with others, the only
 *   group of such records (up to {@link MAX_GROUP}) whose amounts add up to what is left of the opening
 *   difference.
 * What is left of the opening difference after that stays an `opening-balance` error.
 */

/** A customer whose opening balances differ: where the period starts, and ours − theirs there. */
export interface OpeningGap {
  start: number;
  /** ours − theirs in cents; NaN when not whole cents (then no amount of records can explain it). */
  cents: number;
}

/** The customers whose opening balances differ, by ordinal (statements that carry an opening only). */
export function openingGaps(scopes: ReadonlyMap<number, StatementScope>, ours: ReadonlyMap<number, OurBalance>): Map<number, OpeningGap> {
  const gaps = new Map<number, OpeningGap>();
  for (const [cust, scope] of scopes) {
    if (!scope.hasOpening || scope.periodStart === null) continue;
    const o = ours.get(cust);
    if (!o) continue;
    const d = o.opening.minus(scope.opening);
    if (!d.isZero()) gaps.set(cust, { start: scope.periodStart, cents: exactCents(d) });
  }
  return gaps;
}

/** Whether an unmatched record is held back for {@link resolveCrossPeriod}: dated within the window after its customer's period start. */
export function heldAcrossStart(gaps: ReadonlyMap<number, OpeningGap>, windowDays: number): (item: RecItem) => boolean {
  return (item) => {
    if (gaps.size === 0 || item.date === NO_DATE) return false;
    const gap = gaps.get(item.cust);
    return gap !== undefined && item.date >= gap.start && item.date <= gap.start + windowDays;
  };
}

/** A record that matched nothing in the period, held back until the opening differences are read. */
export interface HeldItem {
  pair: MatchPair;
  side: 'ours' | 'theirs';
  item: RecItem;
  /** Its effect on (ours − theirs) as an open item, in cents; NaN when not whole cents. */
  effect: number;
}

/** The effect of an unmatched record on (ours − theirs): our sale and their payment raise it. */
export function heldEffect(item: RecItem): number {
  if (!item.exact) return Number.NaN;
  return item.kind === 'sale' || item.kind === 'paid' ? item.cents : -item.cents;
}

/** A held record explained as booked across the period start; `counterpart` the other side's record before the start, if listed. */
export interface CrossPeriodLink {
  held: HeldItem;
  counterpart: RecItem | null;
}

/** Largest group of records whose amounts together may explain an opening difference. */
export const MAX_GROUP = 3;
/** More held records than this for one customer: no amount-only explanation is tried (too many to be sure). */
export const MAX_CANDIDATES = 16;

/** The kind of record on the other side that stands for the same business. */
const COUNTERPART: Record<RecItem['kind'], RecItem['kind']> = { sale: 'billed', billed: 'sale', receipt: 'paid', paid: 'receipt' };

function sharesKey(a: RecItem, b: RecItem): boolean {
  for (const k of a.refs) if (b.refs.includes(k)) return true;
  return false;
}

function byOrder(a: { item: RecItem }, b: { item: RecItem }): number {
  return a.item.date - b.item.date || a.item.order - b.item.order || (a.item.kind < b.item.kind ? -1 : a.item.kind > b.item.kind ? 1 : 0);
}

/**
 * Which held records were booked across the period start. `early`: both sides' records dated within the
 * window before each gap customer's period start (part of that side's opening balance).
 */
export function resolveCrossPeriod(gaps: ReadonlyMap<number, OpeningGap>, held: readonly HeldItem[], early: readonly RecItem[]): CrossPeriodLink[] {
  const links: CrossPeriodLink[] = [];
  const done = new Set<HeldItem>();
  const used = new Set<RecItem>();
  const sorted = [...held].sort(byOrder);
  // 1. A record the other side lists before the period: same amount, a shared reference or the only one.
  const earlyOf = new Map<number, RecItem[]>();
  for (const e of early) {
    if (!e.exact) continue;
    const list = earlyOf.get(e.cust);
    if (list) list.push(e);
    else earlyOf.set(e.cust, [e]);
  }
  for (const h of sorted) {
    const it = h.item;
    if (!it.exact) continue;
    const want = COUNTERPART[it.kind];
    const cands = (earlyOf.get(it.cust) ?? []).filter((e) => e.kind === want && e.cents === it.cents && !used.has(e));
    const named = cands.filter((e) => sharesKey(e, it));
    let pick: RecItem | null = null;
    if (named.length === 1) pick = named[0];
    else if (named.length === 0 && cands.length === 1) {
      // Amount alone: only when no other held record of that amount could be the one.
      const rivals = sorted.filter((o) => !done.has(o) && o.item.cust === it.cust && o.item.kind === it.kind && o.item.exact && o.item.cents === it.cents);
      if (rivals.length === 1) pick = cands[0];
    }
    if (!pick) continue;
    used.add(pick);
    done.add(h);
    links.push({ held: h, counterpart: pick });
  }
  // 2. What is left of each opening difference, explained by the amounts of a unique group of held records.
  const left = new Map<number, number>();
  for (const [cust, gap] of gaps) left.set(cust, gap.cents);
  for (const l of links) left.set(l.held.item.cust, (left.get(l.held.item.cust) as number) + l.held.effect);
  const byCust = new Map<number, HeldItem[]>();
  for (const h of sorted) {
    if (done.has(h) || Number.isNaN(h.effect)) continue;
    const list = byCust.get(h.item.cust);
    if (list) list.push(h);
    else byCust.set(h.item.cust, [h]);
  }
  for (const [cust, cands] of byCust) {
    const rest = left.get(cust);
    if (rest === undefined || Number.isNaN(rest) || rest === 0 || cands.length > MAX_CANDIDATES) continue;
    const group = uniqueGroup(cands.map((c) => c.effect), -rest);
    if (group) for (const k of group) links.push({ held: cands[k], counterpart: null });
  }
  return links;
}

/** The one group of up to {@link MAX_GROUP} values summing to `target`, or null when there is none or several. */
export function uniqueGroup(values: readonly number[], target: number): number[] | null {
  let found: number[] | null = null;
  let count = 0;
  const n = values.length;
  const visit = (from: number, chosen: number[], sum: number): void => {
    for (let k = from; k < n && count < 2; k++) {
      const s = sum + values[k];
      chosen.push(k);
      if (s === target) {
        count++;
        found = [...chosen];
      }
      if (chosen.length < MAX_GROUP) visit(k + 1, chosen, s);
      chosen.pop();
    }
  };
  visit(0, [], 0);
  return count === 1 ? found : null;
}
