/**
 * A multimap from (customer ordinal, key) to item indexes, one `Map` per customer. Blocking by customer
 * keeps every lookup small, and avoids building a composite "customer|key" string per row, which costs
 * more than the lookup itself at a million rows. A single hit is stored as a bare number so the common
 * one-item bucket allocates no array.
 */
export class CustomerIndex<K> {
  private readonly maps: (Map<K, number | number[]> | undefined)[] = [];

  /** Adds item `i` under `key` for customer `cust` (adding the same item twice under one key is ignored). */
  add(cust: number, key: K, i: number): void {
    let map = this.maps[cust];
    if (!map) {
      map = new Map();
      this.maps[cust] = map;
    }
    const hit = map.get(key);
    if (hit === undefined) map.set(key, i);
    else if (typeof hit === 'number') {
      if (hit !== i) map.set(key, [hit, i]);
    } else if (hit[hit.length - 1] !== i) hit.push(i);
  }

  /** The items under `key` for `cust`: a number, an array, or undefined. Do not mutate the array. */
  get(cust: number, key: K): number | readonly number[] | undefined {
    return this.maps[cust]?.get(key);
  }

  /** Calls `fn` for every item under `key` for `cust`. */
  forEach(cust: number, key: K, fn: (i: number) => void): void {
    const hit = this.maps[cust]?.get(key);
    if (hit === undefined) return;
    if (typeof hit === 'number') fn(hit);
    else for (const i of hit) fn(i);
  }
}

/**
 * Growable parallel arrays of candidate edges (ours index, theirs index, score). Plain number arrays stay
 * packed small-integer arrays in V8, far lighter than an object per edge.
 */
export class EdgeList {
  readonly o: number[] = [];
  readonly t: number[] = [];
  readonly score: number[] = [];

  get length(): number {
    return this.o.length;
  }

  push(o: number, t: number, score: number): void {
    this.o.push(o);
    this.t.push(t);
    this.score.push(score);
  }
}
