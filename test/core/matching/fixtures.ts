import Decimal from 'decimal.js';
import { dayFromISO } from '../../../src/core/model/dates';
import { centsOf } from '../../../src/core/matching/match-amounts';
import { MatchConfig, MatchItem, NO_DATE, PassInput } from '../../../src/core/matching/match-types';
import { normalizeReference } from '../../../src/core/matching/references';
import { matchConfig } from '../../../src/core/matching/reconcile';
import { resolveSettings, Settings } from '../../../src/core/model/settings';

/** A match item from readable values: amount text, ISO date, references as typed. */
export function item(i: number, amount: string, date: string | null, refs: string[] = [], cust = 0): MatchItem {
  const raw = new Decimal(amount);
  const { cents, exact } = centsOf(raw);
  return {
    i, cust, cents, exact, raw, date: date === null ? NO_DATE : (dayFromISO(date) as number), order: i + 2,
    refs: refs.map(normalizeReference).filter((k, n, all) => k !== '' && all.indexOf(k) === n),
  };
}

/** Items numbered in order from a list of [amount, date, refs?, cust?]. */
export function side(rows: [string, string | null, string[]?, number?][]): MatchItem[] {
  return rows.map(([amount, date, refs, cust], i) => item(i, amount, date, refs ?? [], cust ?? 0));
}

/** The default matching configuration, with overrides of the settings. */
export function config(settings: Partial<Settings> = {}): MatchConfig {
  return matchConfig(resolveSettings(settings));
}

/** A pass input with nothing claimed yet (or the given claims). */
export function input(ours: MatchItem[], theirs: MatchItem[], cfg: MatchConfig = config(), claimedOurs: number[] = [], claimedTheirs: number[] = []): PassInput {
  const co = new Uint8Array(ours.length);
  const ct = new Uint8Array(theirs.length);
  for (const o of claimedOurs) co[o] = 1;
  for (const t of claimedTheirs) ct[t] = 1;
  return { ours, theirs, claimedOurs: co, claimedTheirs: ct, config: cfg };
}

/** Pairs of a pass output as "o-t" strings, sorted. */
export function pairsOf(out: { pairs: { ours: number[]; theirs: number[] } }): string[] {
  return out.pairs.ours.map((o, k) => `${o}-${out.pairs.theirs[k]}`).sort();
}
