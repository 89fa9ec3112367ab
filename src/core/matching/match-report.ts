import { normalizeReference, withinOneEdit } from './references';
import { dayToISO, ymd } from '../model/dates';
import { DEFAULT_SEVERITY, Finding, FindingCode, findingId } from '../model/findings';
import { Bilingual, Lang } from '../model/i18n';
import { RawNum } from '../model/exact';
import { centsToString, decimalString, formatCents, lineRaw, rawCents, rawDecimal } from './match-amounts';
import { cellOf, displayReference, RecItem, referenceField, rowRef } from './match-items';
import { amountOf, Link, MatchConfig, MatchOutcome, NO_DATE, PassName } from './match-types';
import { MESSAGES, REASONS, say } from './matching-messages';
import { formatMoney, Money, spellMoney } from '../model/money';
import { MatchPair, MatchReport } from '../output/report';
import { OpenItem, OpenItemKind } from './tie-out';
import { CrossPeriodLink, HeldItem, heldEffect } from './cross-period';

/**
 * Turns the links of one reconciliation (sales ↔ statement or receipts ↔ statement) into what users
 * see: a match per link for the JSON report, findings on both sides' cells, and the open items the
 * tie-out and the Reconciliation sheet explain the difference of balances with.
 */
export class MatchReporter {
  readonly findings: Finding[] = [];
  readonly matches: MatchReport[] = [];
  /** Open items by customer ordinal. */
  readonly openItems = new Map<number, OpenItem[]>();
  /**
   * Records booked across the period start, by customer ordinal: matched with the other side's opening
   * balance, so no open item; each explains its effect's opposite of the opening difference.
   */
  readonly crossPeriod = new Map<number, OpenItem[]>();
  /** Unmatched records held back by `hold` until {@link settleHeld}. */
  readonly held: HeldItem[] = [];
  /** Parameterless reasons, formatted once instead of once per match. */
  private readonly fixedReason: Record<string, string>;

  /**
   * `hold`: which records that match nothing are held back (dated just after the period start of a
   * customer whose opening balances differ) instead of being reported unmatched at once.
   */
  constructor(
    private readonly lang: Lang,
    private readonly config: MatchConfig,
    private readonly hold: (item: RecItem) => boolean = () => false,
  ) {
    this.fixedReason = {
      exactReference: say(REASONS.exactReference, lang),
      unmatchedOurs: say(REASONS.unmatchedOurs, lang),
      unmatchedTheirs: say(REASONS.unmatchedTheirs, lang),
    };
  }

  private text(msg: Bilingual, params: Record<string, string | number> = {}): string {
    return say(msg, this.lang, params);
  }

  /** A finding on an item's cell for `field`. */
  finding(code: FindingCode, item: RecItem, field: string, message: string, extra: { expected?: string; actual?: string; severity?: Finding['severity'] } = {}): void {
    const cell = cellOf(item, field);
    const f: Finding = {
      id: findingId(code, item.table.sheet, businessKey(item), field),
      code,
      severity: extra.severity ?? DEFAULT_SEVERITY[code],
      sheet: item.table.sheet,
      cell,
      row: item.row,
      message,
    };
    if (extra.expected !== undefined) f.expected = extra.expected;
    if (extra.actual !== undefined) f.actual = extra.actual;
    this.findings.push(f);
  }

  /** Records an open item; its effect is `sign` × the given cents, or × the decimal when not whole cents. */
  private open(item: RecItem, kind: OpenItemKind, sign: 1 | -1, cents: number | null, decimal: Money | null, into: Map<number, OpenItem[]> = this.openItems): void {
    let list = into.get(item.cust);
    if (!list) {
      list = [];
      into.set(item.cust, list);
    }
    list.push({
      cust: item.cust, kind, date: item.date === NO_DATE ? null : item.date, reference: displayReference(item),
      sheet: item.table.sheet, row: item.row, cell: cellOf(item, kind.startsWith('amount-diff') ? item.amountField : referenceField(item)),
      effectCents: cents === null ? null : sign * cents,
      effectDecimal: cents === null ? (sign < 0 ? (decimal as Money).negated() : decimal) : null,
    });
  }

  /** An open item for a whole record: its amount, with the sign of its effect on (ours − theirs). */
  private openRecord(item: RecItem, kind: OpenItemKind, sign: 1 | -1): void {
    this.open(item, kind, sign, item.exact ? item.cents : null, item.exact ? null : amountOf(item));
  }

  /**
   * Reports the outcome of one pair. `paid` (receipts ↔ statement) flips the sign of open items: there
   * amounts lower a balance, so their effect on (ours − theirs) is the opposite.
   */
  addOutcome(pair: MatchPair, outcome: MatchOutcome, ours: readonly RecItem[], theirs: readonly RecItem[], suggested: ReadonlySet<number> = new Set()): void {
    const paid = pair === 'receipts~statement';
    for (const step of outcome.steps) {
      const { pairs } = step;
      for (let k = 0; k < pairs.ours.length; k++) this.addPair(pair, step.pass, ours[pairs.ours[k]], theirs[pairs.theirs[k]], paid);
      for (const link of step.links) {
        const os = link.ours.map((o) => ours[o]);
        const ts = link.theirs.map((t) => theirs[t]);
        switch (link.kind) {
          case 'match':
            this.addMatch(pair, link.pass, os, ts, paid);
            break;
          case 'ambiguous':
            this.addAmbiguous(pair, link, os, ts, paid);
            break;
          case 'duplicate':
            this.addDuplicate(pair, link, ts[0], theirs[link.dupOf as number], paid);
            break;
          case 'unmatched':
            this.addUnmatched(pair, os, ts.filter((t) => !suggested.has(t.i)), paid);
            // A line offered to a sale of an unknown customer: no alarm (the sale's finding names it),
            // but until the ID is corrected it still explains a difference of balances.
            for (const t of ts) if (suggested.has(t.i)) this.openRecord(t, paid ? 'unmatched-paid' : 'unmatched-billed', paid ? 1 : -1);
            break;
        }
      }
    }
  }

  /**
   * A 1:1 match: the bulk of every run, so an exact-reference pair of equal whole-cent amounts (same day
   * or the usual posting lag) allocates only the report itself; it is what {@link addMatch} gives it.
   */
  private addPair(pair: MatchPair, pass: PassName, o: RecItem, t: RecItem, paid: boolean): void {
    if (o.exact && t.exact && o.cents === t.cents && pass === 'exact-reference') {
      const days = dateGap(o, t);
      const cutOff = this.isCutOff(o, t, days);
      const match: MatchReport = {
        pair, pass, status: cutOff ? 'date-diff' : 'matched', ours: [rowRef(o)], theirs: [rowRef(t)], difference: '0.00', reason: this.fixedReason.exactReference,
      };
      if (days !== null && days !== 0) match.days = days;
      this.matches.push(match);
      if (cutOff) this.cutOffFinding(o, t);
      return;
    }
    this.addMatch(pair, pass, [o], [t], paid);
  }

  /**
   * The usual posting lag (our invoice date, their booking date) is kept on the match, not reported:
   * only a cut-off item (the dates in different months) or a gap beyond the window is worth a look.
   */
  private isCutOff(o: RecItem, t: RecItem, days: number | null): boolean {
    return days !== null && days !== 0 && (Math.abs(days) > this.config.windowDays || monthOf(o.date) !== monthOf(t.date));
  }

  /** One finding per cut-off item, on their line (the side that booked it in another period). */
  private cutOffFinding(o: RecItem, t: RecItem): void {
    const dates = { ours: isoDay(o.date), theirs: isoDay(t.date) };
    this.finding('date-diff', t, 'date', this.text(MESSAGES.dateDiffTheirs, { ...dates, where: rowRefCell(o, 'date') }), { expected: dates.ours, actual: dates.theirs });
  }

  private addMatch(pair: MatchPair, pass: PassName, os: RecItem[], ts: RecItem[], paid: boolean): void {
    const diff = difference(os, ts);
    const one = os.length === 1 && ts.length === 1;
    const beyond = diff.cents !== null ? Math.abs(diff.cents) > this.config.equalCents : (diff.value as Money).abs().gt(this.config.equalTolerance);
    const days = one ? dateGap(os[0], ts[0]) : groupDateGap(os, ts);
    const cutOff = one && this.isCutOff(os[0], ts[0], days);
    const status = beyond ? 'amount-diff' : cutOff ? 'date-diff' : 'matched';
    const zero = diff.cents !== null ? diff.cents === 0 : (diff.value as Money).isZero();
    const diffText = diff.text;
    // Reasons are read by people: money spelled as in messages; the report's `difference` stays plain.
    const diffShown = (): string => spellMoney(diffText);
    let reason: string;
    switch (pass) {
      case 'exact-reference':
        reason = zero ? this.fixedReason.exactReference : this.text(REASONS.exactReferenceRounding, { ref: displayReference(ts[0]), diff: diffShown() });
        break;
      case 'reference-group':
        reason = this.text(REASONS.referenceGroup, { count: Math.max(os.length, ts.length), ref: displayReference(ts[0]) });
        break;
      case 'reference-amount-diff':
        reason = this.text(REASONS.referenceAmountDiff, { ref: displayReference(ts[0]), diff: diffShown() });
        break;
      case 'amount-date':
        reason = zero
          ? this.text(REASONS.amountDate, { amount: amountText(ts[0]), days: this.config.windowDays })
          : this.text(REASONS.amountDateRounding, { amount: amountText(ts[0]), days: this.config.windowDays, diff: diffShown() });
        break;
      case 'near-reference':
        reason = this.text(REASONS.nearReference, { ours: nearOurReference(os[0], ts[0]), theirs: displayReference(ts[0]) });
        break;
      case 'named-group': {
        const single = os.length === 1 ? os[0] : ts[0];
        reason = this.text(REASONS.namedGroup, { ref: displayReference(single), count: Math.max(os.length, ts.length), days: this.config.windowDays });
        break;
      }
      case 'window-amount-diff':
        reason = ts[0].refs.length === 0
          ? this.text(REASONS.windowAmountDiffBlank, { days: this.config.windowDays, diff: diffShown() })
          : this.text(REASONS.windowAmountDiffNear, { ours: nearOurReference(os[0], ts[0]), theirs: displayReference(ts[0]), days: this.config.windowDays, diff: diffShown() });
        break;
      default:
        reason = os.length === 1
          ? this.text(REASONS.groupOursToTheirs, { count: ts.length, days: this.config.windowDays })
          : this.text(REASONS.groupTheirsToOurs, { count: os.length, days: this.config.windowDays });
    }
    const match: MatchReport = { pair, pass, status, ours: os.map(rowRef), theirs: ts.map(rowRef), difference: diffText, reason };
    if (days !== null && days !== 0) match.days = days;
    this.matches.push(match);

    if (!zero) {
      // Even a rounding difference moves the balances; the tie-out must see it.
      this.open(os[0], paid ? 'amount-diff-paid' : 'amount-diff-billed', paid ? -1 : 1, diff.cents, diff.value);
    }
    if (beyond) {
      const o = os[0];
      const t = ts[0];
      const oursSum = sumOf(os);
      const theirsSum = sumOf(ts);
      const common = { ours: formatMoney(oursSum), theirs: formatMoney(theirsSum), diff: diff.cents !== null ? formatCents(diff.cents) : formatMoney(diff.value as Money) };
      // One difference, one finding: on their line (as a cut-off item is), naming our row. A second
      // finding on our cell would be the same fact reviewed twice; the Matches sheet links both sides.
      this.finding('amount-diff', t, t.amountField, this.text(MESSAGES.amountDiffTheirs, { ...common, where: rowRefCell(o) }), {
        expected: decimalString(oursSum), actual: decimalString(theirsSum),
      });
    }
    if (cutOff) this.cutOffFinding(os[0], ts[0]);
  }

  private addAmbiguous(pair: MatchPair, link: Link, os: RecItem[], ts: RecItem[], paid: boolean): void {
    const diff = difference(os, ts);
    const amount = amountText(os[0] ?? ts[0]);
    const count = Math.max(os.length, ts.length);
    this.matches.push({
      pair, pass: link.pass, status: 'ambiguous', ours: os.map(rowRef), theirs: ts.map(rowRef), difference: diff.text,
      reason: this.text(REASONS.ambiguous, { count, amount }),
    });
    // A group that fits this record as well as another of the same amount (pass 5): say so, by the sum.
    const group = link.pass === 'group-sum';
    const total = group ? amountText(os.length === 1 ? os[0] : ts[0]) : amount;
    const say = (mine: number, n: number, where: string): string =>
      this.text(!group ? MESSAGES.ambiguous : mine === 1 ? MESSAGES.ambiguousGroupOne : MESSAGES.ambiguousGroupPart, { count: n, amount: total, where });
    for (const o of os) {
      const where = ts.map((t) => rowRefCell(t)).join(', ');
      this.finding('ambiguous', o, referenceField(o), say(os.length, ts.length, where));
      this.openRecord(o, 'ambiguous-ours', paid ? -1 : 1);
    }
    for (const t of ts) {
      const where = os.map((o) => rowRefCell(o)).join(', ');
      this.finding('ambiguous', t, referenceField(t), say(ts.length, os.length, where));
      this.openRecord(t, 'ambiguous-theirs', paid ? 1 : -1);
    }
  }

  private addDuplicate(pair: MatchPair, link: Link, dup: RecItem, original: RecItem, paid: boolean): void {
    const amount = amountText(dup);
    const ref = displayReference(dup);
    this.matches.push({
      pair, pass: link.pass, status: 'duplicate', ours: [], theirs: [rowRef(dup)],
      difference: dup.exact ? centsToString(-dup.cents) : decimalString(amountOf(dup).negated()), reason: this.text(REASONS.duplicateEntry, { ref, amount, where: rowRef(original) }),
    });
    this.finding('duplicate-entry', dup, referenceField(dup), this.text(MESSAGES.duplicateEntry, { ref, amount, where: rowRefCell(original) }));
    this.openRecord(dup, 'duplicate', paid ? 1 : -1);
  }

  /**
   * Reports the held records: those `links` explain as booked across the period start become matches of
   * pass `cross-period` (with the other side's record before the start, else with their opening row
   * `openingRow(cust)` when the statement has one, or with nothing of ours when our opening holds it);
   * the rest are unmatched.
   */
  settleHeld(links: readonly CrossPeriodLink[], openingRow: (cust: number) => string | null): void {
    const linked = new Map<HeldItem, CrossPeriodLink>();
    for (const l of links) linked.set(l.held, l);
    for (const h of this.held) {
      const paid = h.pair === 'receipts~statement';
      const link = linked.get(h);
      if (!link) {
        if (h.side === 'ours') this.addUnmatched(h.pair, [h.item], [], paid, true);
        else this.addUnmatched(h.pair, [], [h.item], paid, true);
        continue;
      }
      const it = h.item;
      const c = link.counterpart;
      const amount = it.exact ? formatCents(it.cents) : formatMoney(amountOf(it));
      const ours = h.side === 'ours' ? [rowRef(it)] : c ? [rowRef(c)] : [];
      const opening = h.side === 'ours' && !c ? openingRow(it.cust) : null;
      const theirs = h.side === 'theirs' ? [rowRef(it)] : c ? [rowRef(c)] : opening ? [opening] : [];
      const oursDate = h.side === 'ours' ? it.date : c ? c.date : NO_DATE;
      const theirsDate = h.side === 'theirs' ? it.date : c ? c.date : NO_DATE;
      const dates = { ours: oursDate === NO_DATE ? '—' : isoDay(oursDate), theirs: theirsDate === NO_DATE ? '—' : isoDay(theirsDate) };
      const reason = c
        ? this.text(h.side === 'ours' ? REASONS.crossPeriodTheirs : REASONS.crossPeriodOurs, { ...dates, amount })
        : this.text(h.side === 'ours' ? REASONS.crossPeriodInTheirOpening : REASONS.crossPeriodInOurOpening, { days: this.config.windowDays, amount });
      const match: MatchReport = { pair: h.pair, pass: 'cross-period', status: 'matched', ours, theirs, difference: '0.00', reason };
      if (oursDate !== NO_DATE && theirsDate !== NO_DATE && oursDate !== theirsDate) match.days = theirsDate - oursDate;
      this.matches.push(match);
      const effect = heldEffect(it);
      const kind: OpenItemKind = h.side === 'ours' ? (paid ? 'unmatched-receipt' : 'unmatched-sale') : paid ? 'unmatched-paid' : 'unmatched-billed';
      if (Number.isNaN(effect)) {
        const v = amountOf(it);
        this.open(it, kind, 1, null, kind === 'unmatched-sale' || kind === 'unmatched-paid' ? v : v.negated(), this.crossPeriod);
      } else this.open(it, kind, 1, effect, null, this.crossPeriod);
    }
    this.held.length = 0;
  }

  private addUnmatched(pair: MatchPair, os: RecItem[], ts: RecItem[], paid: boolean, settled = false): void {
    for (const o of os) {
      if (!settled && this.hold(o)) {
        this.held.push({ pair, side: 'ours', item: o, effect: heldEffect(o) });
        continue;
      }
      this.matches.push({ pair, pass: 'unmatched', status: 'unmatched', ours: [rowRef(o)], theirs: [], difference: o.exact ? centsToString(o.cents) : decimalString(amountOf(o)), reason: this.fixedReason.unmatchedOurs });
      const msg = paid ? MESSAGES.unmatchedReceipt : MESSAGES.unmatchedSale;
      this.finding('unmatched-ours', o, referenceField(o), this.text(msg, { doc: displayReference(o), amount: amountText(o) }));
      this.openRecord(o, paid ? 'unmatched-receipt' : 'unmatched-sale', paid ? -1 : 1);
    }
    for (const t of ts) {
      if (!settled && this.hold(t)) {
        this.held.push({ pair, side: 'theirs', item: t, effect: heldEffect(t) });
        continue;
      }
      this.matches.push({ pair, pass: 'unmatched', status: 'unmatched', ours: [], theirs: [rowRef(t)], difference: t.exact ? centsToString(-t.cents) : decimalString(amountOf(t).negated()), reason: this.fixedReason.unmatchedTheirs });
      const msg = paid ? MESSAGES.unmatchedPaid : MESSAGES.unmatchedBilled;
      this.finding('unmatched-theirs', t, referenceField(t), this.text(msg, { ref: displayReference(t) || '—', amount: amountText(t) }));
      this.openRecord(t, paid ? 'unmatched-paid' : 'unmatched-billed', paid ? 1 : -1);
    }
  }
}

/** ours − theirs of a link: in cents when every amount is whole cents (the usual case), else as a decimal. */
interface Difference {
  cents: number | null;
  /** Set only when `cents` is null. */
  value: Money | null;
  text: string;
}

function difference(os: readonly RecItem[], ts: readonly RecItem[]): Difference {
  let cents = 0;
  let exact = true;
  for (const o of os) {
    cents += o.cents;
    exact = exact && o.exact;
  }
  for (const t of ts) {
    cents -= t.cents;
    exact = exact && t.exact;
  }
  if (exact) return { cents, value: null, text: centsToString(cents) };
  const v = sumOf(os).minus(sumOf(ts));
  return { cents: null, value: v, text: decimalString(v) };
}

/** Their date − our date in days, or null when either is undated. */
function dateGap(o: RecItem, t: RecItem): number | null {
  return o.date === NO_DATE || t.date === NO_DATE ? null : t.date - o.date;
}

/** For a group: the widest gap between the single record and a member (signed their − our), or null. */
function groupDateGap(os: readonly RecItem[], ts: readonly RecItem[]): number | null {
  let widest: number | null = null;
  for (const o of os) {
    for (const t of ts) {
      const g = dateGap(o, t);
      if (g !== null && (widest === null || Math.abs(g) > Math.abs(widest))) widest = g;
    }
  }
  return widest;
}

/** Month numbers by serial day (year × 12 + month): a ledger has few distinct days. */
const MONTH_CACHE = new Map<number, number>();

function monthOf(day: number): number {
  let m = MONTH_CACHE.get(day);
  if (m === undefined) {
    if (MONTH_CACHE.size >= 100_000) MONTH_CACHE.clear();
    const { y, m: month } = ymd(day);
    m = y * 12 + month;
    MONTH_CACHE.set(day, m);
  }
  return m;
}

/** An item's amount for messages, from cents when exact (no decimal.js on the hot path). */
function amountText(item: RecItem): string {
  return item.exact ? formatCents(item.cents) : formatMoney(amountOf(item));
}

function sumOf(items: readonly RecItem[]): Money {
  let s: Money = amountOf(items[0]);
  for (let k = 1; k < items.length; k++) s = s.plus(amountOf(items[k]));
  return s;
}

function rowRefCell(item: RecItem, field?: string): string {
  return `${item.table.sheet}!${cellOf(item, field ?? item.amountField)}`;
}

/**
 * The row's business key for finding ids: Document No / Receipt No for our records; for a statement line,
 * which has no key of its own, its customer, reference, date and amounts.
 */
export function businessKey(item: RecItem): string {
  const rec = item.rec;
  if ('docNo' in rec) return rec.docNo !== '' ? rec.docNo : `row:${item.row}`;
  if ('receiptNo' in rec) return rec.receiptNo !== '' ? rec.receiptNo : `row:${item.row}`;
  const date = rec.date === null ? '' : isoDay(rec.date);
  return `${rec.customerId}|${rec.reference}|${date}|${moneyKey(lineRaw(rec, 'billed'))}|${moneyKey(lineRaw(rec, 'paid'))}`;
}

/** A money value as id text: whole cents as "1234.50" without decimal.js, anything else exactly. */
function moneyKey(raw: RawNum | null): string {
  if (raw === null) return '';
  const c = rawCents(raw);
  return Number.isNaN(c) ? rawDecimal(raw).toFixed() : centsToString(c);
}

/** ISO dates by serial: a ledger has few distinct days, and findings name them again and again. */
const ISO_CACHE = new Map<number, string>();

function isoDay(day: number): string {
  let iso = ISO_CACHE.get(day);
  if (iso === undefined) {
    if (ISO_CACHE.size >= 100_000) ISO_CACHE.clear();
    iso = dayToISO(day);
    ISO_CACHE.set(day, iso);
  }
  return iso;
}

/**
 * Gives repeated ids (identical statement lines flagged alike) an occurrence number in row order, so
 * every finding keeps a distinct, stable id.
 */
export function disambiguateIds(findings: Finding[], code: (f: Finding) => FindingCode = (f) => f.code): void {
  const byId = new Map<string, Finding[]>();
  for (const f of findings) {
    const list = byId.get(f.id);
    if (list) list.push(f);
    else byId.set(f.id, [f]);
  }
  for (const [id, list] of byId) {
    if (list.length < 2) continue;
    list.sort((a, b) => (a.sheet < b.sheet ? -1 : a.sheet > b.sheet ? 1 : a.row - b.row || (a.cell < b.cell ? -1 : a.cell > b.cell ? 1 : 0)));
    list.forEach((f, k) => {
      if (k > 0) f.id = findingId(code(f), f.sheet, id, 'occurrence', k);
    });
  }
}

/**
 * The reference of ours that their reference is one typo from: a sale's invoice number when that is the
 * near one (statements quote invoice numbers), else what the user knows the record by.
 */
function nearOurReference(ours: RecItem, theirs: RecItem): string {
  const rec = ours.rec;
  if ('invoiceNo' in rec && rec.invoiceNo !== '') {
    const inv = normalizeReference(rec.invoiceNo);
    if (theirs.refs.some((k) => withinOneEdit(k, inv))) return rec.invoiceNo;
  }
  return displayReference(ours);
}
