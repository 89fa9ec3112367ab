import { Day, endOfMonth, ymd } from '../../src/core/model/dates';
import { Finding } from '../../src/core/model/findings';
import { GeneratedWorkbook, SHEETS } from './generate-workbook';

/**
 * The noise audit of issue #9 ("a finding nobody needs is a defect too"): every finding of a run on a
 * generated workbook is judged against what the generator planted, computed here from the truth and the
 * typed rows alone, never from the engine:
 * - `planted`: the error the generator made on that row (a missing, extra or duplicated line, an amount
 *   or cut-off difference, an opening difference, an unknown customer, a partial payment, an advance);
 * - `consequence`: what follows from planted data and an accountant needs, once (over / near the limit
 *   per customer, the one sale that first crossed the limit, a customer with overdue invoices, a
 *   corrupted running balance);
 * - `noise`: anything else — a second finding for the same fact (the same code twice on a row, the other
 *   side of an amount difference), an alarm on a row that has a counterpart, a finding the truth does not
 *   explain at all.
 */
export type FindingClass = 'planted' | 'consequence' | 'noise';

/** Per code: how many findings of each class, and how many expected ones were not raised. */
export interface CodeAudit {
  planted: number;
  consequence: number;
  noise: number;
  missed: number;
}

export interface NoiseAudit {
  /** What the truth asks for: `code@Sheet!row` and its class. */
  expected: Map<string, Exclude<FindingClass, 'noise'>>;
  byCode: Map<string, CodeAudit>;
  /** Findings of class `noise`. */
  noise: Finding[];
  /** Expected findings not raised (`code@Sheet!row`). */
  missed: string[];
  /** How many findings the truth asks for: the expected ones and one per advance (see below). */
  asked: number;
}

/** Rounding differences (one cent) are kept on the match, never reported (settings' rounding tolerance). */
const ROUNDING_CENTS = 1;
/** The generator's and the engine's default date window. */
const WINDOW_DAYS = 7;
const NEAR_LIMIT = 0.9;

const cents = (v: { toNumber(): number } | null): number => (v === null ? 0 : Math.round(v.toNumber() * 100));
const month = (d: Day): number => {
  const x = ymd(d);
  return x.y * 12 + x.m;
};

/** The findings of a run on `wb`, each classified against the generator's truth (see {@link FindingClass}). */
export function auditFindings(findings: readonly Finding[], wb: GeneratedWorkbook): NoiseAudit {
  const expected = new Map<string, Exclude<FindingClass, 'noise'>>();
  const want = (code: string, sheet: string, row: number, cls: Exclude<FindingClass, 'noise'>): void => {
    expected.set(`${code}@${sheet}!${row}`, cls);
  };
  /** Explained when raised, not missed when not. */
  const allowed = new Map<string, Exclude<FindingClass, 'noise'>>();
  const allow = (code: string, sheet: string, row: number, cls: Exclude<FindingClass, 'noise'>): void => {
    allowed.set(`${code}@${sheet}!${row}`, cls);
  };
  const { truth, parsed, asOf } = wb;
  const sales = parsed.sales[0].records;
  const receipts = parsed.receipts[0].records;
  const lines = parsed.statements[0].records;
  const customers = parsed.customers[0].records;
  const saleAt = (ref: string): (typeof sales)[number] => sales[Number(ref.split('!')[1]) - 2];
  const receiptAt = (ref: string): (typeof receipts)[number] => receipts[Number(ref.split('!')[1]) - 2];
  const known = new Set(customers.map((c) => c.customerId));
  const boundary = truth.boundary ?? new Map<string, string>();
  const lineCents = (ref: string): number => {
    const l = lines[Number(ref.split('!')[1]) - 2];
    return l.billed !== null ? cents(l.billed) : cents(l.paid);
  };

  // Statement lines and the rows of ours each stands for.
  const oursOf = new Map<string, string[]>();
  const linesOf = new Map<string, string[]>();
  for (const set of [truth.billedPairs, truth.paidPairs]) {
    for (const p of set) {
      const [o, t] = p.split('~');
      oursOf.set(t, [...(oursOf.get(t) ?? []), o]);
      linesOf.set(o, [...(linesOf.get(o) ?? []), t]);
    }
  }
  const suggestedSides = new Set<string>();
  for (const p of truth.suggested) for (const side of p.split('~')) suggestedSides.add(side);

  for (const l of lines) {
    const ref = `${SHEETS.statement}!${l.row}`;
    if (l.isOpening) {
      if (truth.openingDiffs.has(l.customerId)) {
        want('opening-balance', SHEETS.statement, l.row, 'planted');
        // A record they booked before the period only inside an opening that is off by a genuine error
        // cannot be told from a missing one without guessing: left open, it is fairly unmatched.
        for (const o of oursOf.get(ref) ?? []) allow('unmatched-ours', o.split('!')[0], Number(o.split('!')[1]), 'planted');
      }
      continue;
    }
    if (truth.duplicates.has(ref)) {
      want('duplicate-entry', SHEETS.statement, l.row, 'planted');
      continue;
    }
    const ours = oursOf.get(ref);
    if (!ours) {
      if (!suggestedSides.has(ref)) want('unmatched-theirs', SHEETS.statement, l.row, 'planted');
      continue;
    }
    // A split receipt is several lines of theirs for one of ours: compare the whole group once, on its
    // first line. One difference, one finding: on their line, which names our row.
    const billed = l.billed !== null;
    const group = [...new Set(ours.flatMap((o) => linesOf.get(o) ?? []))];
    if (group[0] === ref) {
      const theirsCents = group.reduce((a, t) => a + lineCents(t), 0);
      const oursCents = [...new Set(group.flatMap((t) => oursOf.get(t) ?? []))].reduce((a, o) => a + (billed ? cents(saleAt(o).total) : cents(receiptAt(o).amount)), 0);
      if (Math.abs(theirsCents - oursCents) > ROUNDING_CENTS) want('amount-diff', SHEETS.statement, l.row, 'planted');
    }
    if (ours.length === 1 && (linesOf.get(ours[0]) ?? []).length === 1) {
      const d = billed ? saleAt(ours[0]).date : receiptAt(ours[0]).date;
      if (d !== null && l.date !== null && d !== l.date && (Math.abs(d - l.date) > WINDOW_DAYS || month(d) !== month(l.date))) {
        // Booked by them just before the period, by us on its first day: the period boundary's own
        // business (linked, the opening explained), a cut-off the engine may or may not call out.
        if (boundary.has(ours[0])) allow('date-diff', SHEETS.statement, l.row, 'planted');
        else want('date-diff', SHEETS.statement, l.row, 'planted');
      }
    }
  }
  const start = lines.find((l) => l.isOpening)?.date ?? null;
  for (const s of sales) {
    const ref = `${SHEETS.sales}!${s.row}`;
    if (!known.has(s.customerId)) {
      want(s.customerId === '' ? 'required' : 'unknown-customer', SHEETS.sales, s.row, 'planted');
      continue;
    }
    const inPeriod = start === null || (s.date !== null && s.date >= start);
    if (inPeriod && !linesOf.has(ref)) want('unmatched-ours', SHEETS.sales, s.row, 'planted');
  }
  for (const r of receipts) if (!linesOf.has(`${SHEETS.receipts}!${r.row}`)) want('unmatched-ours', SHEETS.receipts, r.row, 'planted');

  // Cash: what each receipt truly paid.
  const paidOn = new Map<string, number>();
  const applied = new Map<string, number>();
  for (const a of truth.allocations) {
    paidOn.set(a.sale, (paidOn.get(a.sale) ?? 0) + a.cents);
    applied.set(a.receipt, (applied.get(a.receipt) ?? 0) + a.cents);
  }
  for (const [sale, paid] of paidOn) if (paid > 0 && paid < cents(saleAt(sale).total)) want('partial-payment', SHEETS.sales, saleAt(sale).row, 'planted');
  // An advance (a receipt paying no invoice) is `unapplied-receipt`, or, once cash application spreads
  // it over the oldest open invoices (FIFO, as DESIGN has it), the one invoice FIFO leaves part-paid:
  // either way one finding per advance.
  const advances = new Map<string, number>();
  for (const r of receipts) {
    if ((applied.get(`${SHEETS.receipts}!${r.row}`) ?? 0) >= cents(r.amount)) continue;
    allow('unapplied-receipt', SHEETS.receipts, r.row, 'planted');
    advances.set(r.customerId, (advances.get(r.customerId) ?? 0) + 1);
  }

  // Credit, by hand: exposure walked in date order (a day's receipts before its sales), the first sale
  // that takes it over the limit, the balance against the limit at the as-of date, overdue invoices.
  for (const c of customers) {
    const limit = c.creditLimit === null ? null : cents(c.creditLimit);
    const events: { date: Day; cents: number; row: number | null }[] = [];
    for (const s of sales) if (s.customerId === c.customerId && s.date !== null && s.date <= asOf) events.push({ date: s.date, cents: cents(s.total), row: s.row });
    for (const r of receipts) if (r.customerId === c.customerId && r.date !== null && r.date <= asOf) events.push({ date: r.date, cents: -cents(r.amount), row: null });
    events.sort((a, b) => a.date - b.date || (a.row === null ? 0 : 1) - (b.row === null ? 0 : 1) || (a.row ?? 0) - (b.row ?? 0));
    let running = 0;
    let crossed = false;
    for (const e of events) {
      const before = running;
      running += e.cents;
      if (!crossed && limit !== null && e.row !== null && e.cents > 0 && before <= limit && running > limit) {
        crossed = true;
        want('credit-limit-exceeded', SHEETS.sales, e.row, 'consequence');
      }
    }
    if (limit !== null && running > 0 && running > limit) want('over-limit', SHEETS.customers, c.row, 'consequence');
    else if (limit !== null && limit > 0 && running >= limit * NEAR_LIMIT) want('near-limit', SHEETS.customers, c.row, 'consequence');
    const terms = c.paymentTerms;
    const overdue = sales.some((s) => {
      if (s.customerId !== c.customerId || s.date === null || s.date > asOf || cents(s.total) <= 0 || terms === null) return false;
      const due = (terms.kind === 'eom' ? endOfMonth(s.date) : s.date) + terms.days;
      return due < asOf && (paidOn.get(`${SHEETS.sales}!${s.row}`) ?? 0) < cents(s.total);
    });
    if (overdue) want('overdue', SHEETS.customers, c.row, 'consequence');
  }
  for (const id of truth.corrupted) {
    const last = [...lines].reverse().find((l) => l.customerId === id);
    if (last) want('balance-calc', SHEETS.statement, last.row, 'consequence');
  }

  const advanceCount = [...advances.values()].reduce((a, n) => a + n, 0);
  const byCode = new Map<string, CodeAudit>();
  const tally = (code: string): CodeAudit => {
    let a = byCode.get(code);
    if (!a) byCode.set(code, (a = { planted: 0, consequence: 0, noise: 0, missed: 0 }));
    return a;
  };
  const noise: Finding[] = [];
  const seen = new Set<string>();
  for (const f of findings) {
    const key = `${f.code}@${f.sheet}!${f.row}`;
    let cls = seen.has(key) ? undefined : expected.get(key) ?? allowed.get(key);
    seen.add(key);
    if (!cls && f.code === 'partial-payment' && f.sheet === SHEETS.sales) {
      const id = sales[f.row - 2]?.customerId ?? '';
      const left = advances.get(id) ?? 0;
      if (left > 0) {
        advances.set(id, left - 1);
        cls = 'planted';
      }
    }
    if (cls) tally(f.code)[cls]++;
    else {
      tally(f.code).noise++;
      noise.push(f);
    }
  }
  const missed = [...expected.keys()].filter((k) => !seen.has(k));
  for (const k of missed) tally(k.split('@')[0]).missed++;
  const asked = expected.size + advanceCount;
  return { expected, byCode, noise, missed, asked };
}

/** One line per code: `code planted+consequence/noise (missed)`, for the test log. */
export function describeAudit(a: NoiseAudit): string {
  return [...a.byCode]
    .sort(([x], [y]) => x.localeCompare(y))
    .map(([code, c]) => `${code} ${c.planted + c.consequence}${c.noise ? ` +${c.noise} noise` : ''}${c.missed ? ` (${c.missed} missed)` : ''}`)
    .join(', ');
}
