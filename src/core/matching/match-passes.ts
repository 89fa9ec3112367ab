import { CustomerIndex, EdgeList } from './match-index';
import { resolveGreedy, resolveMutualBest } from './match-resolve';
import { amountOf, amountsEqual, claimedBy, dayGap, Link, MatchConfig, MatchItem, MatchOutcome, MatchPass, NO_DATE, Pairs, PassInput, PassName } from './match-types';
import { withinOneEdit } from './references';
import { findSubsetSums, MAX_SUBSET_CANDIDATES } from './subset-sum';

/**
 * The matching passes of DESIGN.md, strongest first. Each is a pure function of its input (the two
 * sides, what stronger passes already claimed, the settings) returning links; {@link runPasses} claims
 * the linked records so a weaker pass is never offered them and nothing is matched twice.
 */

/** A date gap as a finite score: missing dates rank after every real gap. */
const NO_GAP_SCORE = 1e6;

function gapScore(a: MatchItem, b: MatchItem): number {
  const g = dayGap(a, b);
  return g === Number.POSITIVE_INFINITY ? NO_GAP_SCORE : g;
}

const NO_PAIRS = (): Pairs => ({ ours: [], theirs: [] });

/** Index of the free ours items by every reference key they carry. */
function oursByReference(input: PassInput): CustomerIndex<string> {
  const index = new CustomerIndex<string>();
  const { ours, claimedOurs } = input;
  for (let o = 0; o < ours.length; o++) {
    if (claimedOurs[o]) continue;
    const item = ours[o];
    for (let k = 0; k < item.refs.length; k++) index.add(item.cust, item.refs[k], o);
  }
  return index;
}

/**
 * Calls `fn` once for each free ours item sharing a reference key with the theirs item `t`
 * (a theirs line may carry our invoice number and its prefixed form: one call per ours item still).
 */
function forSharedReference(index: CustomerIndex<string>, t: MatchItem, fn: (o: number) => void): void {
  if (t.refs.length === 1) {
    index.forEach(t.cust, t.refs[0], fn);
    return;
  }
  const seen: number[] = [];
  for (const key of t.refs) {
    index.forEach(t.cust, key, (o) => {
      if (seen.includes(o)) return;
      seen.push(o);
      fn(o);
    });
  }
}

/** Pass 1: the same normalized reference (document or invoice number) and an equal amount. */
export const exactReferencePass: MatchPass = {
  name: 'exact-reference',
  enabled: () => true,
  run(input) {
    const { ours, theirs, claimedOurs, config } = input;
    // Their lines carry one key (two with a prefixed invoice number), ours two: index theirs, probe ours.
    const index = theirsByReference(input);
    const edges = new EdgeList();
    const seen: number[] = [];
    for (let o = 0; o < ours.length; o++) {
      if (claimedOurs[o]) continue;
      const item = ours[o];
      const refs = item.refs;
      if (refs.length === 0) continue;
      seen.length = 0;
      for (let k = 0; k < refs.length; k++) {
        const hit = index.get(item.cust, refs[k]);
        if (hit === undefined) continue;
        if (typeof hit === 'number') {
          if (refs.length > 1 && seen.includes(hit)) continue;
          seen.push(hit);
          if (amountsEqual(item, theirs[hit], config)) edges.push(o, hit, gapScore(item, theirs[hit]));
          continue;
        }
        for (const t of hit) {
          if (seen.includes(t)) continue;
          seen.push(t);
          if (amountsEqual(item, theirs[t], config)) edges.push(o, t, gapScore(item, theirs[t]));
        }
      }
    }
    const pairs = resolveGreedy(edges, ours, theirs);
    return { pairs, links: [] };
  },
};

/** Index of the free theirs items by every reference key they carry. */
function theirsByReference(input: PassInput): CustomerIndex<string> {
  const index = new CustomerIndex<string>();
  const { theirs, claimedTheirs } = input;
  for (let t = 0; t < theirs.length; t++) {
    if (claimedTheirs[t]) continue;
    const item = theirs[t];
    for (let k = 0; k < item.refs.length; k++) index.add(item.cust, item.refs[k], t);
  }
  return index;
}

/**
 * The first half of pass 2, also runnable alone: several records on one side sharing one reference that together equal the one
 * record carrying it on the other side (one invoice over several sales lines; a statement splitting an
 * invoice). Without it pass 2 would pair one of them with an amount difference.
 */
export const referenceGroupPass: MatchPass = {
  name: 'reference-group',
  enabled: () => true,
  run(input) {
    return { pairs: NO_PAIRS(), links: referenceGroups(input, oursByReference(input), theirsByReference(input)).links };
  },
};

/** The groups of {@link referenceGroupPass}, from indexes of the free records the caller built. */
function referenceGroups(
  input: PassInput,
  oursIndex: CustomerIndex<string>,
  theirsIndex: CustomerIndex<string>,
): { links: Link[]; usedO: Set<number>; usedT: Set<number> } {
  const { ours, theirs, claimedOurs, claimedTheirs, config } = input;
  const links: Link[] = [];
  const usedO = new Set<number>();
  const usedT = new Set<number>();
  const groupOk = (members: readonly MatchItem[], single: MatchItem): boolean => {
    let cents = 0;
    let exact = single.exact;
    for (const m of members) {
      cents += m.cents;
      exact = exact && m.exact;
    }
    if (exact) return Math.abs(cents - single.cents) <= config.equalCents;
    let sum = amountOf(members[0]);
    for (let k = 1; k < members.length; k++) sum = sum.plus(amountOf(members[k]));
    return sum.minus(amountOf(single)).abs().lte(config.equalTolerance);
  };
  const limit = 50;
  // Many ours, one theirs. Theirs in rank order so a conflict resolves the same way every run.
  const manyOurs: { t: number; group: number[] }[] = [];
  for (let t = 0; t < theirs.length; t++) {
    if (claimedTheirs[t] || theirs[t].refs.length === 0) continue;
    const group: number[] = [];
    forSharedReference(oursIndex, theirs[t], (o) => {
      group.push(o);
    });
    if (group.length >= 2 && group.length <= limit) manyOurs.push({ t, group });
  }
  manyOurs.sort((a, b) => theirs[a.t].order - theirs[b.t].order);
  for (const { t, group } of manyOurs) {
    if (group.some((o) => usedO.has(o))) continue;
    // Only when exactly one theirs line carries the reference: otherwise the lines may be repeats.
    let carriers = 0;
    for (const key of theirs[t].refs) {
      const hit = theirsIndex.get(theirs[t].cust, key);
      carriers = Math.max(carriers, hit === undefined ? 0 : typeof hit === 'number' ? 1 : hit.length);
    }
    if (carriers !== 1) continue;
    if (!groupOk(group.map((o) => ours[o]), theirs[t])) continue;
    group.sort((a, b) => ours[a].order - ours[b].order);
    for (const o of group) usedO.add(o);
    usedT.add(t);
    links.push({ pass: 'reference-group', kind: 'match', ours: group, theirs: [t] });
  }
  // One ours, many theirs.
  for (let o = 0; o < ours.length; o++) {
    if (claimedOurs[o] || usedO.has(o) || ours[o].refs.length === 0) continue;
    const group: number[] = [];
    for (const key of ours[o].refs) {
      theirsIndex.forEach(ours[o].cust, key, (t) => {
        if (!group.includes(t)) group.push(t);
      });
    }
    if (group.length < 2 || group.length > limit || group.some((t) => usedT.has(t))) continue;
    let carriers = 0;
    for (const key of ours[o].refs) {
      const hit = oursIndex.get(ours[o].cust, key);
      carriers = Math.max(carriers, hit === undefined ? 0 : typeof hit === 'number' ? 1 : hit.length);
    }
    if (carriers !== 1) continue;
    if (!groupOk(group.map((t) => theirs[t]), ours[o])) continue;
    group.sort((a, b) => theirs[a].order - theirs[b].order);
    for (const t of group) usedT.add(t);
    usedO.add(o);
    links.push({ pass: 'reference-group', kind: 'match', ours: [o], theirs: group });
  }
  return { links, usedO, usedT };
}

/**
 * Pass 2: the same reference with a different amount. First the reference groups (several records
 * sharing a reference that together equal the one on the other side: one invoice over several sales
 * lines, a statement splitting an invoice); then single pairs, matched and the difference reported.
 * One index of each side serves both.
 */
export const referenceAmountDiffPass: MatchPass = {
  name: 'reference-amount-diff',
  enabled: () => true,
  run(input) {
    const { ours, theirs, claimedTheirs } = input;
    const index = oursByReference(input);
    const groups = referenceGroups(input, index, theirsByReference(input));
    const edges = new EdgeList();
    // An invoice number is named by every payment of it: a receipt citing it may be another payment than
    // the line carrying it. When both records have a free counterpart of their very amount in the
    // window, they are two payments, each left to its counterpart (pass 3) rather than linked here.
    const equalTheirs = lazy(() => theirsByAmount(input, (t) => t.date !== NO_DATE));
    const equalOurs = lazy(() => oursByAmount(input));
    const sortedCache = new Map<readonly number[], number[]>();
    const hasEqualInWindow = (item: MatchItem, index: CustomerIndex<number>, side: readonly MatchItem[], except: number): boolean => {
      if (item.date === NO_DATE) return false;
      const width = input.config.equalCents + 1;
      const bucket = Math.floor(item.cents / width);
      let found = false;
      for (let b = bucket - 1; b <= bucket + 1 && !found; b++) {
        forDated(index.get(item.cust, b), side, item.date - input.config.windowDays, item.date + input.config.windowDays, sortedCache, (x) => {
          if (x !== except && dayGap(item, side[x]) <= input.config.windowDays && amountsEqual(item, side[x], input.config)) found = true;
        });
      }
      return found;
    };
    for (let t = 0; t < theirs.length; t++) {
      if (claimedTheirs[t] || groups.usedT.has(t) || theirs[t].refs.length === 0) continue;
      const item = theirs[t];
      forSharedReference(index, item, (o) => {
        if (groups.usedO.has(o)) return;
        if (hasEqualInWindow(item, equalOurs(), ours, o) && hasEqualInWindow(ours[o], equalTheirs(), theirs, t)) return;
        // Closest amount first, then closest date.
        const diff = Math.min(Math.abs(ours[o].cents - item.cents), 1e9);
        edges.push(o, t, diff * 2 * NO_GAP_SCORE + gapScore(ours[o], item));
      });
    }
    const pairs = resolveGreedy(edges, ours, theirs);
    return { pairs, links: groups.links };
  },
};

/** A value computed on first use: indexes a pass needs only in rare cases. */
function lazy<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= make());
}

function sameAmountExactly(a: MatchItem, b: MatchItem): boolean {
  return a.exact && b.exact ? a.cents === b.cents : amountOf(a).eq(amountOf(b));
}

/**
 * Their statement lists one item twice: a free theirs line with the same reference and amount as another
 * theirs line (matched or not) that ranks before it. Reported as `duplicate-entry`, never matched.
 */
export const duplicateEntryPass: MatchPass = {
  name: 'duplicate-entry',
  enabled: () => true,
  run(input) {
    const { theirs, claimedTheirs } = input;
    // Only keys some free line carries can have a duplicate: index those, then every line sharing them.
    const freeKeys = new CustomerIndex<string>();
    for (let t = 0; t < theirs.length; t++) if (!claimedTheirs[t] && theirs[t].refs.length > 0) freeKeys.add(theirs[t].cust, theirs[t].refs[0], t);
    const index = new CustomerIndex<string>();
    for (let t = 0; t < theirs.length; t++) {
      const item = theirs[t];
      if (item.refs.length > 0 && freeKeys.get(item.cust, item.refs[0]) !== undefined) index.add(item.cust, item.refs[0], t);
    }
    const links: Link[] = [];
    for (let t = 0; t < theirs.length; t++) {
      const item = theirs[t];
      if (claimedTheirs[t] || item.refs.length === 0) continue;
      const hit = index.get(item.cust, item.refs[0]);
      if (hit === undefined || typeof hit === 'number') continue;
      // The original: the first-ranked matched line with this amount, else the first-ranked line of all.
      let claimedOriginal = -1;
      let firstOriginal = t;
      for (const other of hit) {
        if (other === t || !sameAmountExactly(theirs[other], item)) continue;
        if (claimedTheirs[other]) {
          if (claimedOriginal < 0 || theirs[other].order < theirs[claimedOriginal].order) claimedOriginal = other;
        } else if (theirs[other].order < theirs[firstOriginal].order) firstOriginal = other;
      }
      const original = claimedOriginal >= 0 ? claimedOriginal : firstOriginal;
      if (original === t) continue;
      links.push({ pass: 'duplicate-entry', kind: 'duplicate', ours: [], theirs: [t], dupOf: original });
    }
    return { pairs: NO_PAIRS(), links };
  },
};

/** Beyond this many records of one amount, a customer's bucket is searched by date, not scanned. */
const SCAN_LIMIT = 32;

/**
 * Free theirs records by customer and amount bucket. Buckets are `equalCents + 1` wide, so records equal
 * within the tolerance lie in the same or a neighbouring bucket.
 */
function theirsByAmount(input: PassInput, keep: (t: MatchItem) => boolean): CustomerIndex<number> {
  const width = input.config.equalCents + 1;
  const index = new CustomerIndex<number>();
  const { theirs, claimedTheirs } = input;
  for (let t = 0; t < theirs.length; t++) {
    if (claimedTheirs[t] || !keep(theirs[t])) continue;
    index.add(theirs[t].cust, Math.floor(theirs[t].cents / width), t);
  }
  return index;
}

/** Free dated ours records by customer and amount bucket, as {@link theirsByAmount}. */
function oursByAmount(input: PassInput): CustomerIndex<number> {
  const width = input.config.equalCents + 1;
  const index = new CustomerIndex<number>();
  const { ours, claimedOurs } = input;
  for (let o = 0; o < ours.length; o++) {
    if (claimedOurs[o] || ours[o].date === NO_DATE) continue;
    index.add(ours[o].cust, Math.floor(ours[o].cents / width), o);
  }
  return index;
}

/**
 * Calls `fn` for each theirs record in `hit` dated within [lo, hi] (all of them when `lo` is -Infinity).
 * Large buckets (many records of one amount) are sorted by date once and binary-searched, so a customer
 * with thousands of identical monthly fees stays linear.
 */
function forDated(hit: number | readonly number[] | undefined, theirs: readonly MatchItem[], lo: number, hi: number, sortedCache: Map<readonly number[], number[]>, fn: (t: number) => void): void {
  if (hit === undefined) return;
  if (typeof hit === 'number') {
    fn(hit);
    return;
  }
  if (hit.length <= SCAN_LIMIT || lo === Number.NEGATIVE_INFINITY) {
    for (const t of hit) fn(t);
    return;
  }
  let sorted = sortedCache.get(hit);
  if (!sorted) {
    sorted = hit.filter((t) => theirs[t].date !== NO_DATE).sort((a, b) => theirs[a].date - theirs[b].date || a - b);
    sortedCache.set(hit, sorted);
  }
  let a = 0;
  let b = sorted.length;
  while (a < b) {
    const mid = (a + b) >> 1;
    if (theirs[sorted[mid]].date < lo) a = mid + 1;
    else b = mid;
  }
  for (let k = a; k < sorted.length && theirs[sorted[k]].date <= hi; k++) fn(sorted[k]);
}

function hasNearKey(item: MatchItem, config: MatchConfig): boolean {
  for (const k of item.refs) if (k.length >= config.minNearKeyLength) return true;
  return false;
}

function nearKeys(a: MatchItem, b: MatchItem, config: MatchConfig): boolean {
  for (const ka of a.refs) {
    if (ka.length < config.minNearKeyLength) continue;
    for (const kb of b.refs) if (kb.length >= config.minNearKeyLength && withinOneEdit(ka, kb)) return true;
  }
  return false;
}

/**
 * Candidate pairs of pass 4: free records whose references are one typo or one adjacent transposition
 * apart and whose amounts are equal. Equal amounts are rare, so candidates come from the amount index
 * and only those few reference pairs are compared. A bucket of more than {@link NEAR_BUCKET_LIMIT}
 * records of one amount is left out: a near reference among so many equal amounts proves nothing.
 */
export function nearReferenceEdges(input: PassInput): EdgeList {
  const { ours, theirs, claimedOurs, config } = input;
  const width = config.equalCents + 1;
  const index = theirsByAmount(input, (t) => hasNearKey(t, config));
  const edges = new EdgeList();
  for (let o = 0; o < ours.length; o++) {
    if (claimedOurs[o] || !hasNearKey(ours[o], config)) continue;
    const item = ours[o];
    const bucket = Math.floor(item.cents / width);
    for (let b = bucket - 1; b <= bucket + 1; b++) {
      const hit = index.get(item.cust, b);
      if (hit === undefined) continue;
      if (typeof hit !== 'number' && hit.length > NEAR_BUCKET_LIMIT) continue;
      index.forEach(item.cust, b, (t) => {
        const other = theirs[t];
        if (amountsEqual(item, other, config) && nearKeys(item, other, config)) edges.push(o, t, gapScore(item, other));
      });
    }
  }
  return edges;
}

const NEAR_BUCKET_LIMIT = 256;

/**
 * Pass 3: records whose references identify nothing (blank, or the customer's own numbering) paired by
 * an equal amount within the date window; closer dates win; several equally close → `ambiguous`.
 * Records with a near-reference candidate are left to pass 4, which has the stronger evidence.
 */
export const amountDatePass: MatchPass = {
  name: 'amount-date',
  enabled: () => true,
  run(input) {
    const { ours, theirs, claimedOurs, config } = input;
    const reservedO = new Set<number>();
    const reservedT = new Set<number>();
    if (config.fuzzy) {
      const near = nearReferenceEdges(input);
      for (let e = 0; e < near.length; e++) {
        reservedO.add(near.o[e]);
        reservedT.add(near.t[e]);
      }
    }
    const width = config.equalCents + 1;
    const index = theirsByAmount(input, (t) => t.date !== NO_DATE && !reservedT.has(t.i));
    const sortedCache = new Map<readonly number[], number[]>();
    const edges = new EdgeList();
    for (let o = 0; o < ours.length; o++) {
      if (claimedOurs[o] || reservedO.has(o) || ours[o].date === NO_DATE) continue;
      const item = ours[o];
      const bucket = Math.floor(item.cents / width);
      for (let b = bucket - 1; b <= bucket + 1; b++) {
        forDated(index.get(item.cust, b), theirs, item.date - config.windowDays, item.date + config.windowDays, sortedCache, (t) => {
          const other = theirs[t];
          const gap = dayGap(item, other);
          if (gap <= config.windowDays && amountsEqual(item, other, config)) edges.push(o, t, gap);
        });
      }
    }
    const { pairs, ambiguous } = resolveMutualBest(edges, ours, theirs);
    const links: Link[] = ambiguous.map((c) => ({ pass: 'amount-date', kind: 'ambiguous', ours: c.ours, theirs: c.theirs }));
    return { pairs, links };
  },
};

/** Pass 4: near reference (one typo or adjacent transposition) and equal amount; ties are ambiguous. */
export const nearReferencePass: MatchPass = {
  name: 'near-reference',
  enabled: (config) => config.fuzzy,
  run(input) {
    const { pairs, ambiguous } = resolveMutualBest(nearReferenceEdges(input), input.ours, input.theirs);
    const links: Link[] = ambiguous.map((c) => ({ pass: 'near-reference', kind: 'ambiguous', ours: c.ours, theirs: c.theirs }));
    return { pairs, links };
  },
};

interface GroupTarget {
  side: 0 | 1;
  i: number;
}

/**
 * Pass 5: one record on one side equal to a group of 2 to `groupMax` records on the other (a split or a
 * combined payment), all within the date window of it. The search looks at the `groupCandidates` nearest
 * records in date and takes a group only when it is the only one that fits.
 */
export const groupSumPass: MatchPass = {
  name: 'group-sum',
  enabled: (config) => config.fuzzy,
  run(input) {
    const { ours, theirs, claimedOurs, claimedTheirs, config } = input;
    const sides = [ours, theirs] as const;
    const claimed = [claimedOurs, claimedTheirs] as const;
    // Free dated records per customer and side, sorted by date then rank.
    const byCust = new Map<number, [number[], number[]]>();
    for (const s of [0, 1] as const) {
      const items = sides[s];
      for (let i = 0; i < items.length; i++) {
        if (claimed[s][i] || items[i].date === NO_DATE || items[i].cents === 0) continue;
        let lists = byCust.get(items[i].cust);
        if (!lists) {
          lists = [[], []];
          byCust.set(items[i].cust, lists);
        }
        lists[s].push(i);
      }
    }
    // Records pass 3 linked by an equal amount, the closer date winning, per customer and side.
    const byDate = new Map<number, [number[], number[]]>();
    for (const s of [0, 1] as const) {
      for (let i = 0; i < sides[s].length; i++) {
        if (claimedBy(input, claimed[s], i) !== 'amount-date') continue;
        let lists = byDate.get(sides[s][i].cust);
        if (!lists) byDate.set(sides[s][i].cust, (lists = [[], []]));
        lists[s].push(i);
      }
    }
    const links: Link[] = [];
    const custs = [...byCust.keys()].sort((a, b) => a - b);
    for (const cust of custs) {
      const lists = byCust.get(cust) as [number[], number[]];
      if (lists[0].length === 0 || lists[1].length === 0 || lists[0].length + lists[1].length < 3) continue;
      for (let s = 0; s < 2; s++) lists[s].sort((a, b) => sides[s][a].date - sides[s][b].date || sides[s][a].order - sides[s][b].order);
      const used: [Set<number>, Set<number>] = [new Set(), new Set()];
      const targets: GroupTarget[] = [];
      for (const i of lists[0]) targets.push({ side: 0, i });
      for (const i of lists[1]) targets.push({ side: 1, i });
      targets.sort((a, b) => sides[a.side][a.i].date - sides[b.side][b.i].date || a.side - b.side || sides[a.side][a.i].order - sides[b.side][b.i].order);
      for (const target of targets) {
        if (used[target.side].has(target.i)) continue;
        const item = sides[target.side][target.i];
        const otherSide = (1 - target.side) as 0 | 1;
        const candidates = groupCandidates(item, lists[otherSide], sides[otherSide], used[otherSide], config);
        if (candidates.length < 2) continue;
        const solutions = findSubsetSums(candidates.map((c) => sides[otherSide][c].cents), item.cents, config.equalCents, 2, config.groupMax, 2);
        if (solutions.length !== 1) continue;
        const members = solutions[0].map((k) => candidates[k]);
        if (!groupSumsExactly(item, members.map((m) => sides[otherSide][m]), config)) continue;
        members.sort((a, b) => sides[otherSide][a].order - sides[otherSide][b].order);
        for (const m of members) used[otherSide].add(m);
        used[target.side].add(target.i);
        // Another record of the same amount, linked by pass 3 only because its date was closer, could be
        // this group's record as well (and this one its line): which is which is a coin flip, so the
        // group is reported ambiguous, never guessed (two receipts of one price, one of them split).
        const twin = (byDate.get(cust)?.[target.side] ?? []).some((j) => {
          const other = sides[target.side][j];
          return amountsEqual(other, item, config) && Math.abs(other.date - item.date) <= config.windowDays &&
            members.every((m) => Math.abs(sides[otherSide][m].date - other.date) <= config.windowDays);
        });
        const kind = twin ? 'ambiguous' : 'match';
        links.push(
          target.side === 0
            ? { pass: 'group-sum', kind, ours: [target.i], theirs: members }
            : { pass: 'group-sum', kind, ours: members, theirs: [target.i] },
        );
      }
    }
    return { pairs: NO_PAIRS(), links };
  },
};

/** Free same-sign smaller records within the window of `item`, nearest in date first, at most the bound. */
function groupCandidates(item: MatchItem, sorted: number[], items: readonly MatchItem[], used: Set<number>, config: MatchConfig): number[] {
  const lo = item.date - config.windowDays;
  const hi = item.date + config.windowDays;
  // Binary search for the first record dated at or after lo.
  let a = 0;
  let b = sorted.length;
  while (a < b) {
    const mid = (a + b) >> 1;
    if (items[sorted[mid]].date < lo) a = mid + 1;
    else b = mid;
  }
  const inWindow: number[] = [];
  const sign = Math.sign(item.cents);
  for (let k = a; k < sorted.length && items[sorted[k]].date <= hi; k++) {
    const c = items[sorted[k]];
    if (used.has(c.i) || Math.sign(c.cents) !== sign || Math.abs(c.cents) >= Math.abs(item.cents) + config.equalCents) continue;
    inWindow.push(c.i);
  }
  if (inWindow.length > config.groupCandidates) {
    inWindow.sort((x, y) => Math.abs(items[x].date - item.date) - Math.abs(items[y].date - item.date) || items[x].order - items[y].order);
    inWindow.length = config.groupCandidates;
  }
  return inWindow;
}

function groupSumsExactly(item: MatchItem, members: MatchItem[], config: MatchConfig): boolean {
  if (item.exact && members.every((m) => m.exact)) return true; // the cents search was exact
  let sum = amountOf(members[0]);
  for (let k = 1; k < members.length; k++) sum = sum.plus(amountOf(members[k]));
  return sum.minus(amountOf(item)).abs().lte(config.equalTolerance);
}

/** Free dated records of one side, per customer, sorted by date then rank (for window searches). */
function freeByCustomer(items: readonly MatchItem[], claimed: Uint8Array): Map<number, number[]> {
  const out = new Map<number, number[]>();
  for (let i = 0; i < items.length; i++) {
    if (claimed[i] || items[i].date === NO_DATE || items[i].cents === 0) continue;
    let list = out.get(items[i].cust);
    if (!list) {
      list = [];
      out.set(items[i].cust, list);
    }
    list.push(i);
  }
  for (const list of out.values()) list.sort((a, b) => items[a].date - items[b].date || items[a].order - items[b].order);
  return out;
}

/**
 * A line billing several records at once whose reference names one of them (a statement line for two of
 * our invoices, referenced by the first; one receipt of ours that their statement splits, one part
 * naming it). The named record is the anchor; the rest of the group is the unique set of 1 to
 * `groupMax − 1` free records within the window of the line that makes up the difference. Records that
 * carry a reference of some other free line of the far side never join: they have their own line.
 */
export const namedGroupPass: MatchPass = {
  name: 'named-group',
  enabled: (config) => config.fuzzy,
  run(input) {
    const { ours, theirs, claimedOurs, claimedTheirs, config } = input;
    const sides = [ours, theirs] as const;
    const claimed = [claimedOurs, claimedTheirs] as const;
    const byRef = [oursByReference(input), theirsByReference(input)] as const;
    const byDate = [lazy(() => freeByCustomer(ours, claimedOurs)), lazy(() => freeByCustomer(theirs, claimedTheirs))] as const;
    const used: [Set<number>, Set<number>] = [new Set(), new Set()];
    const links: Link[] = [];
    // Side 1 (theirs) lines naming one of ours first: the common case, a combined statement line.
    for (const single of [1, 0] as const) {
      const many = (1 - single) as 0 | 1;
      const items = sides[single];
      const others = sides[many];
      for (let i = 0; i < items.length; i++) {
        const item = items[i];
        if (claimed[single][i] || used[single].has(i) || item.refs.length === 0 || item.date === NO_DATE) continue;
        // The one free record of the other side it names.
        let anchor = -1;
        let count = 0;
        for (const key of item.refs) {
          byRef[many].forEach(item.cust, key, (x) => {
            if (x !== anchor) {
              anchor = x;
              count++;
            }
          });
        }
        if (count !== 1 || used[many].has(anchor)) continue;
        const a = others[anchor];
        if (Math.sign(a.cents) !== Math.sign(item.cents) || Math.abs(a.cents) >= Math.abs(item.cents) || amountsEqual(a, item, config)) continue;
        if (dayGap(a, item) > config.windowDays) continue;
        const list = byDate[many]().get(item.cust);
        if (!list) continue;
        const candidates = groupCandidates(item, list, others, used[many], config).filter((x) => x !== anchor && !namesAnotherLine(others[x], byRef[single], i));
        if (candidates.length === 0) continue;
        if (candidates.length > MAX_SUBSET_CANDIDATES) candidates.length = MAX_SUBSET_CANDIDATES;
        const found = findSubsetSums(candidates.map((x) => others[x].cents), item.cents - a.cents, config.equalCents, 1, config.groupMax - 1, 2);
        if (found.length !== 1) continue;
        const members = [anchor, ...found[0].map((k) => candidates[k])];
        if (!groupSumsExactly(item, members.map((m) => others[m]), config)) continue;
        members.sort((x, y) => others[x].order - others[y].order);
        for (const m of members) used[many].add(m);
        used[single].add(i);
        links.push(single === 1 ? { pass: 'named-group', kind: 'match', ours: members, theirs: [i] } : { pass: 'named-group', kind: 'match', ours: [i], theirs: members });
      }
    }
    return { pairs: NO_PAIRS(), links };
  },
};

/** Whether `item` carries a reference that some free record of the far side (other than `except`) carries. */
function namesAnotherLine(item: MatchItem, farIndex: CustomerIndex<string>, except: number): boolean {
  for (const key of item.refs) {
    let other = false;
    farIndex.forEach(item.cust, key, (x) => {
      if (x !== except) other = true;
    });
    if (other) return true;
  }
  return false;
}

/** A record with no reference may differ from its only counterpart by at most 1/10 of the smaller amount (integers: no float). */
const BLANK_REFERENCE_PARTS = 10;

/**
 * After every other pass: a billed or paid amount that differs, found by what still identifies it — a
 * reference one typo from the other side's, or no reference at all and an amount within 10 % — within
 * the date window, when each of the two is the other's only such candidate. Anything less certain stays
 * unmatched: a wrong link would hide a real difference.
 */
export const windowAmountDiffPass: MatchPass = {
  name: 'window-amount-diff',
  enabled: (config) => config.fuzzy,
  run(input) {
    const { ours, theirs, claimedOurs, claimedTheirs, config } = input;
    const oursByDate = freeByCustomer(ours, claimedOurs);
    const edges = new EdgeList();
    for (let t = 0; t < theirs.length; t++) {
      const item = theirs[t];
      if (claimedTheirs[t] || item.date === NO_DATE) continue;
      const blank = item.refs.length === 0;
      if (!blank && !hasNearKey(item, config)) continue;
      const list = oursByDate.get(item.cust);
      if (!list) continue;
      // Binary search for the first record dated at or after the window's start.
      const lo = item.date - config.windowDays;
      let a = 0;
      let b = list.length;
      while (a < b) {
        const mid = (a + b) >> 1;
        if (ours[list[mid]].date < lo) a = mid + 1;
        else b = mid;
      }
      for (let k = a; k < list.length && ours[list[k]].date <= item.date + config.windowDays; k++) {
        const o = ours[list[k]];
        if (Math.sign(o.cents) !== Math.sign(item.cents)) continue;
        const ok = blank
          ? Math.abs(o.cents - item.cents) * BLANK_REFERENCE_PARTS <= Math.min(Math.abs(o.cents), Math.abs(item.cents))
          : nearKeys(o, item, config);
        if (ok) edges.push(o.i, t, dayGap(o, item));
      }
    }
    // Only pairs that are each other's single candidate.
    const degO = new Map<number, number>();
    const degT = new Map<number, number>();
    for (let e = 0; e < edges.length; e++) {
      degO.set(edges.o[e], (degO.get(edges.o[e]) ?? 0) + 1);
      degT.set(edges.t[e], (degT.get(edges.t[e]) ?? 0) + 1);
    }
    const pairs: Pairs = { ours: [], theirs: [] };
    for (let e = 0; e < edges.length; e++) {
      if (degO.get(edges.o[e]) === 1 && degT.get(edges.t[e]) === 1) {
        pairs.ours.push(edges.o[e]);
        pairs.theirs.push(edges.t[e]);
      }
    }
    return { pairs, links: [] };
  },
};

/** Pass 6: whatever is left has no counterpart. */
export const unmatchedPass: MatchPass = {
  name: 'unmatched',
  enabled: () => true,
  run(input) {
    const links: Link[] = [];
    for (let o = 0; o < input.ours.length; o++) {
      if (!input.claimedOurs[o]) links.push({ pass: 'unmatched', kind: 'unmatched', ours: [o], theirs: [] });
    }
    for (let t = 0; t < input.theirs.length; t++) {
      if (!input.claimedTheirs[t]) links.push({ pass: 'unmatched', kind: 'unmatched', ours: [], theirs: [t] });
    }
    return { pairs: NO_PAIRS(), links };
  },
};

/** The passes in order, strongest first. */
export const MATCH_PASSES: readonly MatchPass[] = [
  exactReferencePass,
  namedGroupPass,
  referenceAmountDiffPass,
  duplicateEntryPass,
  amountDatePass,
  nearReferencePass,
  groupSumPass,
  windowAmountDiffPass,
  unmatchedPass,
];

/**
 * Runs the passes in order over two sides, claiming what each links. Every record ends in exactly one
 * decision (the last pass takes the leftovers). A pass linking a claimed record is a bug and throws.
 */
export function runPasses(ours: readonly MatchItem[], theirs: readonly MatchItem[], config: MatchConfig, passes: readonly MatchPass[] = MATCH_PASSES): MatchOutcome {
  const claimedOurs = new Uint8Array(ours.length);
  const claimedTheirs = new Uint8Array(theirs.length);
  const outcome: MatchOutcome = { steps: [] };
  const passNames = passes.map((p) => p.name);
  // A claim records 1 + the claiming pass's place, so a weaker pass can ask which pass took a record.
  const claim = (pass: PassName, mark: number, claimed: Uint8Array, i: number, side: string): void => {
    if (claimed[i]) throw new Error(`pass ${pass} linked ${side} ${i} twice`);
    claimed[i] = mark;
  };
  for (const [place, pass] of passes.entries()) {
    if (!pass.enabled(config)) continue;
    const mark = place + 1;
    const { pairs, links } = pass.run({ ours, theirs, claimedOurs, claimedTheirs, config, passNames });
    for (let k = 0; k < pairs.ours.length; k++) {
      claim(pass.name, mark, claimedOurs, pairs.ours[k], 'ours');
      claim(pass.name, mark, claimedTheirs, pairs.theirs[k], 'theirs');
    }
    for (const link of links) {
      for (const o of link.ours) claim(pass.name, mark, claimedOurs, o, 'ours');
      for (const t of link.theirs) claim(pass.name, mark, claimedTheirs, t, 'theirs');
    }
    outcome.steps.push({ pass: pass.name, pairs, links });
  }
  return outcome;
}
