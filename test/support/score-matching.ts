import { normalizeReference, referenceKeys } from '../../src/core/matching/references';
import { ParsedWorkbook } from '../../src/core/model/records';
import { Finding } from '../../src/core/model/findings';
import { MatchReport } from '../../src/core/output/report';
import { Truth } from './generate-workbook';

/** Link precision and recall of a set of predicted pairs against the truth. */
export interface Score {
  precision: number;
  recall: number;
  predicted: number;
  correct: number;
  truth: number;
}

/** Statuses that assert two records are the same business. */
const LINKING = new Set(['matched', 'amount-diff', 'date-diff']);

/** "ours~theirs" pairs asserted by the matches of the statement reconciliations. */
export function predictedPairs(matches: readonly MatchReport[]): { billed: Set<string>; paid: Set<string> } {
  const billed = new Set<string>();
  const paid = new Set<string>();
  for (const m of matches) {
    if (!LINKING.has(m.status)) continue;
    const into = m.pair === 'sales~statement' ? billed : m.pair === 'receipts~statement' ? paid : null;
    if (!into) continue;
    for (const o of m.ours) for (const t of m.theirs) into.add(`${o}~${t}`);
  }
  return { billed, paid };
}

/** Scores predicted pairs against true pairs. */
export function score(predicted: Set<string>, truth: Set<string>): Score {
  let correct = 0;
  for (const p of predicted) if (truth.has(p)) correct++;
  return {
    precision: predicted.size ? correct / predicted.size : 1,
    recall: truth.size ? correct / truth.size : 1,
    predicted: predicted.size,
    correct,
    truth: truth.size,
  };
}

/** Both statement reconciliations scored together. */
export function scoreMatches(matches: readonly MatchReport[], truth: Truth): Score {
  const p = predictedPairs(matches);
  const all = new Set([...p.billed, ...p.paid]);
  return score(all, new Set([...truth.billedPairs, ...truth.paidPairs]));
}

/**
 * What a user gets from XLOOKUP: each statement line looked up by its Reference text in our sales'
 * Invoice No (then Document No), and in our receipts' Receipt No, exactly as typed apart from case and
 * surrounding spaces — no normalization, no amounts, no dates, first hit wins.
 */
export function xlookupPairs(parsed: ParsedWorkbook): Set<string> {
  const key = (s: string): string => s.trim().toUpperCase();
  const sales = new Map<string, string>();
  for (const t of parsed.sales) {
    for (const s of t.records) {
      const ref = `${t.mapping.sheet}!${s.row}`;
      if (s.invoiceNo && !sales.has(key(s.invoiceNo))) sales.set(key(s.invoiceNo), ref);
    }
    for (const s of t.records) if (s.docNo && !sales.has(key(s.docNo))) sales.set(key(s.docNo), `${t.mapping.sheet}!${s.row}`);
  }
  const receipts = new Map<string, string>();
  for (const t of parsed.receipts) for (const r of t.records) if (r.receiptNo && !receipts.has(key(r.receiptNo))) receipts.set(key(r.receiptNo), `${t.mapping.sheet}!${r.row}`);
  const out = new Set<string>();
  for (const t of parsed.statements) {
    for (const l of t.records) {
      if (l.isOpening || l.reference.trim() === '') continue;
      const ref = `${t.mapping.sheet}!${l.row}`;
      const hit = l.billed ? sales.get(key(l.reference)) : receipts.get(key(l.reference));
      if (hit) out.add(`${hit}~${ref}`);
    }
  }
  return out;
}

/** Kept for callers that want the normalization the engine uses, e.g. to explain a miss. */
export const keysOf = { normalizeReference, referenceKeys };

/** Codes that tell a user "this row has no counterpart" (or none that could be chosen). */
const ALARMS = new Set(['unmatched-ours', 'unmatched-theirs', 'ambiguous']);

/**
 * Findings that say a row has no counterpart although the truth gives it one ("Sheet!row" of both
 * sides of every true pair, suggestions included): each one sends a user looking for nothing.
 */
export function falseAlarms(findings: readonly Finding[], truth: Truth): Finding[] {
  const paired = new Set<string>();
  for (const set of [truth.billedPairs, truth.paidPairs, truth.suggested]) {
    for (const p of set) for (const side of p.split('~')) paired.add(side);
  }
  return findings.filter((f) => ALARMS.has(f.code) && paired.has(`${f.sheet}!${f.row}`));
}

/** Rows of data in a workbook (every template's records). */
export function dataRows(parsed: ParsedWorkbook): number {
  let n = 0;
  for (const group of [parsed.customers, parsed.sales, parsed.receipts, parsed.statements]) for (const t of group) n += t.records.length;
  return n;
}

/** "Receipts!r~Sales!r" pairs of cash application's allocations, by how they were made. */
export function cashPairs(matches: readonly MatchReport[]): { all: Set<string>; byPass: Map<string, Set<string>> } {
  const all = new Set<string>();
  const byPass = new Map<string, Set<string>>();
  for (const m of matches) {
    if (m.pair !== 'receipts~sales' || m.status === 'unmatched') continue;
    let set = byPass.get(m.pass);
    if (!set) {
      set = new Set();
      byPass.set(m.pass, set);
    }
    for (const o of m.ours) {
      for (const t of m.theirs) {
        all.add(`${o}~${t}`);
        set.add(`${o}~${t}`);
      }
    }
  }
  return { all, byPass };
}
