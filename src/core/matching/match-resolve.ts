import { EdgeList } from './match-index';
import { MatchItem, Pairs } from './match-types';


/** A set of records whose counterparts cannot be told apart: reported, never guessed. */
export interface AmbiguousCluster {
  ours: number[];
  theirs: number[];
}

function degrees(edges: EdgeList, nOurs: number, nTheirs: number): { degO: Int32Array; degT: Int32Array } {
  const degO = new Int32Array(nOurs);
  const degT = new Int32Array(nTheirs);
  for (let e = 0; e < edges.length; e++) {
    degO[edges.o[e]]++;
    degT[edges.t[e]]++;
  }
  return { degO, degT };
}

/**
 * Picks pairs from candidate edges best score first, ties broken by the records' sheet-and-row rank, each
 * record at most once. For reference passes, where a shared reference already identifies the business
 * and ties only arise between exact repeats (a duplicated statement line), so the earlier row is as good
 * as any and the repeat is reported separately. Isolated edges (the usual case) skip the sort.
 */
export function resolveGreedy(edges: EdgeList, ours: readonly MatchItem[], theirs: readonly MatchItem[]): Pairs {
  const { degO, degT } = degrees(edges, ours.length, theirs.length);
  const out: Pairs = { ours: [], theirs: [] };
  const rest: number[] = [];
  for (let e = 0; e < edges.length; e++) {
    if (degO[edges.o[e]] === 1 && degT[edges.t[e]] === 1) {
      out.ours.push(edges.o[e]);
      out.theirs.push(edges.t[e]);
    } else rest.push(e);
  }
  if (rest.length === 0) return out;
  rest.sort(
    (a, b) =>
      edges.score[a] - edges.score[b] ||
      ours[edges.o[a]].order - ours[edges.o[b]].order ||
      theirs[edges.t[a]].order - theirs[edges.t[b]].order,
  );
  const usedO = new Set<number>();
  const usedT = new Set<number>();
  for (const e of rest) {
    const o = edges.o[e];
    const t = edges.t[e];
    if (usedO.has(o) || usedT.has(t)) continue;
    usedO.add(o);
    usedT.add(t);
    out.ours.push(o);
    out.theirs.push(t);
  }
  return out;
}

interface Best {
  score: number;
  count: number;
  other: number;
}

/**
 * Pairs records that are each other's single best candidate (lowest score, e.g. fewest days apart),
 * round after round as pairs leave the field. What is left connected by candidate edges has several
 * equally good counterparts: those records are returned as ambiguous clusters instead of being guessed.
 * The result depends only on the edges, never on their order.
 */
export function resolveMutualBest(
  edges: EdgeList,
  ours: readonly MatchItem[],
  theirs: readonly MatchItem[],
): { pairs: Pairs; ambiguous: AmbiguousCluster[] } {
  const { degO, degT } = degrees(edges, ours.length, theirs.length);
  const pairs: Pairs = { ours: [], theirs: [] };
  let rest: number[] = [];
  for (let e = 0; e < edges.length; e++) {
    if (degO[edges.o[e]] === 1 && degT[edges.t[e]] === 1) {
      pairs.ours.push(edges.o[e]);
      pairs.theirs.push(edges.t[e]);
    } else rest.push(e);
  }
  const usedO = new Set<number>();
  const usedT = new Set<number>();
  let tied: number[] = [];
  if (rest.length > 0) {
    const small = smallPerfectMatchings(edges, rest);
    for (const [o, t] of small.pairs) {
      usedO.add(o);
      usedT.add(t);
      pairs.ours.push(o);
      pairs.theirs.push(t);
    }
    tied = small.tied;
    const inTie = new Set(tied);
    rest = rest.filter((e) => !inTie.has(e) && !usedO.has(edges.o[e]) && !usedT.has(edges.t[e]));
  }
  while (rest.length > 0) {
    const bestO = new Map<number, Best>();
    const bestT = new Map<number, Best>();
    const note = (map: Map<number, Best>, node: number, score: number, other: number): void => {
      const b = map.get(node);
      if (!b || score < b.score) map.set(node, { score, count: 1, other });
      else if (score === b.score && other !== b.other) b.count++;
    };
    for (const e of rest) {
      note(bestO, edges.o[e], edges.score[e], edges.t[e]);
      note(bestT, edges.t[e], edges.score[e], edges.o[e]);
    }
    let accepted = 0;
    for (const e of rest) {
      const o = edges.o[e];
      const t = edges.t[e];
      const bo = bestO.get(o) as Best;
      const bt = bestT.get(t) as Best;
      if (bo.count === 1 && bt.count === 1 && bo.other === t && bt.other === o && !usedO.has(o) && !usedT.has(t)) {
        usedO.add(o);
        usedT.add(t);
        pairs.ours.push(o);
        pairs.theirs.push(t);
        accepted++;
      }
    }
    if (accepted === 0) break;
    rest = rest.filter((e) => !usedO.has(edges.o[e]) && !usedT.has(edges.t[e]));
  }
  return { pairs, ambiguous: clusters(edges, rest.concat(tied), ours, theirs) };
}

/** Components up to this many records a side are solved exactly; larger ones go to mutual best. */
const SMALL_COMPONENT = 4;

/**
 * In a component of the candidate graph with as many records on each side (at most
 * {@link SMALL_COMPONENT}), the pairing of all of them with the fewest days apart in total, when it is
 * the only one: two payments of one amount two days apart on both sides pair in order, where "closest
 * pair first" would pair the middle two and leave the outer two five days apart. When two pairings are
 * equally close in all, the component is ambiguous (`tied`, its edges): closest-pair-first would only
 * guess.
 */
function smallPerfectMatchings(edges: EdgeList, rest: readonly number[]): { pairs: [number, number][]; tied: number[] } {
  // Components by union-find over the rest edges (ours as o, theirs as −t − 1).
  const parent = new Map<number, number>();
  const find = (x: number): number => {
    let r = x;
    while (parent.get(r) !== r) r = parent.get(r) as number;
    let c = x;
    while (c !== r) {
      const n = parent.get(c) as number;
      parent.set(c, r);
      c = n;
    }
    return r;
  };
  for (const e of rest) {
    const a = edges.o[e];
    const b = -edges.t[e] - 1;
    if (!parent.has(a)) parent.set(a, a);
    if (!parent.has(b)) parent.set(b, b);
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent.set(ra, rb);
  }
  const comps = new Map<number, number[]>();
  for (const e of rest) {
    const r = find(edges.o[e]);
    const list = comps.get(r);
    if (list) list.push(e);
    else comps.set(r, [e]);
  }
  const out: [number, number][] = [];
  const tied: number[] = [];
  for (const compEdges of comps.values()) {
    const os = [...new Set(compEdges.map((e) => edges.o[e]))];
    const ts = [...new Set(compEdges.map((e) => edges.t[e]))];
    if (os.length !== ts.length || os.length > SMALL_COMPONENT) continue;
    // Best score per (ours, theirs) pair of the component.
    const score = new Map<string, number>();
    for (const e of compEdges) {
      const k = `${edges.o[e]}:${edges.t[e]}`;
      const prev = score.get(k);
      if (prev === undefined || edges.score[e] < prev) score.set(k, edges.score[e]);
    }
    let best = Number.POSITIVE_INFINITY;
    let bestCount = 0;
    let bestPick: number[] = [];
    const pick: number[] = [];
    const taken = new Set<number>();
    const walk = (k: number, sum: number): void => {
      if (sum > best) return;
      if (k === os.length) {
        if (sum < best) {
          best = sum;
          bestCount = 1;
          bestPick = [...pick];
        } else bestCount++;
        return;
      }
      for (const t of ts) {
        if (taken.has(t)) continue;
        const sc = score.get(`${os[k]}:${t}`);
        if (sc === undefined) continue;
        taken.add(t);
        pick.push(t);
        walk(k + 1, sum + sc);
        pick.pop();
        taken.delete(t);
      }
    };
    walk(0, 0);
    if (bestCount > 1) tied.push(...compEdges);
    else if (bestCount === 1) os.forEach((o, k) => out.push([o, bestPick[k]]));
  }
  return { pairs: out, tied };
}

/** Connected components of the given edges, each side sorted by rank. */
function clusters(edges: EdgeList, rest: number[], ours: readonly MatchItem[], theirs: readonly MatchItem[]): AmbiguousCluster[] {
  if (rest.length === 0) return [];
  // Union-find over node ids: ours as themselves, theirs offset past the ours.
  const offset = ours.length;
  const parent = new Map<number, number>();
  const find = (x: number): number => {
    let root = x;
    while (parent.has(root) && parent.get(root) !== root) root = parent.get(root) as number;
    let cur = x;
    while (cur !== root) {
      const next = parent.get(cur) as number;
      parent.set(cur, root);
      cur = next;
    }
    return root;
  };
  const union = (a: number, b: number): void => {
    if (!parent.has(a)) parent.set(a, a);
    if (!parent.has(b)) parent.set(b, b);
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent.set(ra < rb ? rb : ra, ra < rb ? ra : rb);
  };
  for (const e of rest) union(edges.o[e], offset + edges.t[e]);
  const byRoot = new Map<number, AmbiguousCluster>();
  for (const node of parent.keys()) {
    const root = find(node);
    let c = byRoot.get(root);
    if (!c) {
      c = { ours: [], theirs: [] };
      byRoot.set(root, c);
    }
    if (node < offset) c.ours.push(node);
    else c.theirs.push(node - offset);
  }
  const out = [...byRoot.values()];
  for (const c of out) {
    c.ours.sort((a, b) => ours[a].order - ours[b].order);
    c.theirs.sort((a, b) => theirs[a].order - theirs[b].order);
  }
  // Clusters in rank order of their first record, so output order is stable.
  const first = (c: AmbiguousCluster): number => (c.ours.length ? ours[c.ours[0]].order : theirs[c.theirs[0]].order);
  return out.sort((a, b) => first(a) - first(b));
}
