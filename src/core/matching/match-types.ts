import { RawNum } from '../model/exact';
import { Decimal, Money } from '../model/money';

/**
 * The matcher's view of a record: only what the passes compare, in cheap forms (customer ordinal,
 * integer cents, normalized reference keys), so that a million-row run never touches decimal.js or
 * builds strings in its inner loops. `i` is the item's position in its side's array.
 */
export interface MatchItem {
  readonly i: number;
  /** Customer ordinal: matching is blocked by customer. */
  readonly cust: number;
  /** Amount in cents, rounded half away from zero (see {@link exact}). */
  readonly cents: number;
  /** `cents` is the exact amount; otherwise comparisons fall back to the decimal ({@link amountOf}). */
  readonly exact: boolean;
  /** The amount as read: a cell's number or a Decimal. Decimals are built only when needed. */
  readonly raw: RawNum;
  /** Excel serial day, or {@link NO_DATE}. */
  readonly date: number;
  /** Tie-break rank from the sheet and row, so results never depend on the order records arrive in. */
  readonly order: number;
  /** Normalized reference keys it can be found by (see `references.ts`); empty when none. */
  readonly refs: readonly string[];
}

/** `date` of an item whose date is blank or unreadable. */
export const NO_DATE = -1;

/** The passes, strongest first (DESIGN.md "Matching"); also the `pass` of the JSON report. */
export type PassName =
  | 'exact-reference'
  | 'named-group'
  | 'reference-group'
  | 'reference-amount-diff'
  | 'duplicate-entry'
  | 'amount-date'
  | 'near-reference'
  | 'group-sum'
  | 'window-amount-diff'
  | 'unmatched';

/**
 * What a pass decided about some records. `match`: they are the same business (1:1, 1:n or n:1);
 * `ambiguous`: several equally good counterparts, so none was chosen; `duplicate`: a line of their
 * statement repeating one already matched (`dupOf`); `unmatched`: no counterpart.
 */
export interface Link {
  pass: PassName;
  kind: 'match' | 'ambiguous' | 'duplicate' | 'unmatched';
  /** Indexes into the ours side. */
  ours: number[];
  /** Indexes into the theirs side. */
  theirs: number[];
  /** For `duplicate`: the theirs item it repeats. */
  dupOf?: number;
}

/** 1:1 matches as parallel arrays of ours and theirs indexes: the bulk of any run, kept compact. */
export interface Pairs {
  ours: number[];
  theirs: number[];
}

/** What a pass returns: its 1:1 matches, and every other decision as a link. */
export interface PassOutput {
  pairs: Pairs;
  links: Link[];
}

/** What a pass decided, in pass order: the whole result of matching two sides. */
export interface MatchOutcome {
  steps: { pass: PassName; pairs: Pairs; links: Link[] }[];
}

/** Every decision of an outcome as links, 1:1 matches included (for tests and small callers). */
export function outcomeLinks(outcome: MatchOutcome): Link[] {
  const out: Link[] = [];
  for (const step of outcome.steps) {
    for (let k = 0; k < step.pairs.ours.length; k++) out.push({ pass: step.pass, kind: 'match', ours: [step.pairs.ours[k]], theirs: [step.pairs.theirs[k]] });
    out.push(...step.links);
  }
  return out;
}

/** Tolerances and switches of a run, from the settings, in the forms the passes use. */
export interface MatchConfig {
  /** Amounts within this are "equal" for matching: max(amount tolerance, rounding tolerance). */
  equalTolerance: Money;
  /** {@link equalTolerance} in whole cents (for integer comparisons). */
  equalCents: number;
  /** Days either side for date-based passes. */
  windowDays: number;
  /** Whether the near-reference and group passes run. */
  fuzzy: boolean;
  /** Largest group of the group pass (5 by DESIGN.md). */
  groupMax: number;
  /** Candidates a group search considers at most, nearest in date first (keeps it bounded). */
  groupCandidates: number;
  /** Shortest reference key the near-reference pass trusts: `12` vs `13` says nothing. */
  minNearKeyLength: number;
}

/**
 * What a pass reads. Passes never mutate it: they return links and the runner claims their records, so
 * each pass is a pure function of its input and can be tested alone.
 */
export interface PassInput {
  readonly ours: readonly MatchItem[];
  readonly theirs: readonly MatchItem[];
  /** Nonzero where an ours item is already claimed by a stronger pass: 1 + its place in `passNames`. */
  readonly claimedOurs: Uint8Array;
  readonly claimedTheirs: Uint8Array;
  readonly config: MatchConfig;
  /** The runner's passes in order, to name the pass of a claim (absent when a pass is tested alone). */
  readonly passNames?: readonly PassName[];
}

/** The pass that claimed a record, when the input names the passes. */
export function claimedBy(input: PassInput, claimed: Uint8Array, i: number): PassName | undefined {
  return claimed[i] ? input.passNames?.[claimed[i] - 1] : undefined;
}

/** One pass of the ordered list. */
export interface MatchPass {
  name: PassName;
  /** Whether it runs under the settings (the fuzzy passes can be switched off). */
  enabled(config: MatchConfig): boolean;
  run(input: PassInput): PassOutput;
}

/** True when the two items' amounts are equal within the matching tolerance. */
export function amountsEqual(a: MatchItem, b: MatchItem, config: MatchConfig): boolean {
  if (a.exact && b.exact) {
    const diff = a.cents - b.cents;
    return diff <= config.equalCents && diff >= -config.equalCents;
  }
  return amountOf(a).minus(amountOf(b)).abs().lte(config.equalTolerance);
}

/** The item's amount as an exact decimal. */
export function amountOf(item: MatchItem): Money {
  return typeof item.raw === 'number' ? new Decimal(item.raw) : item.raw;
}

/** Days between two items' dates; Infinity when either is missing. */
export function dayGap(a: MatchItem, b: MatchItem): number {
  if (a.date === NO_DATE || b.date === NO_DATE) return Number.POSITIVE_INFINITY;
  return Math.abs(a.date - b.date);
}
