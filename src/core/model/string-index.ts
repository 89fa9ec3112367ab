/**
 * First occurrences of string keys, for uniqueness checks over a million rows. An open-addressing table
 * in typed arrays: unlike a `Map` of a million entries it puts nothing on the garbage-collected heap
 * except the keys, which the records already hold, so it neither grows the heap nor slows collection.
 */

function hashOf(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h ^ (h >>> 15);
}

/**
 * For each key, the index of the first equal key before it, or -1 (also for blank keys, which are never
 * duplicates). Linear in the total length of the keys.
 */
export function firstOccurrences(keys: readonly string[]): Int32Array {
  const n = keys.length;
  const first = new Int32Array(n).fill(-1);
  let cap = 16;
  while (cap < n * 2) cap *= 2;
  const mask = cap - 1;
  const table = new Int32Array(cap).fill(-1);
  // Each key's hash, so a probe compares two integers and touches another string only on a hash match.
  const hashes = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const key = keys[i];
    if (key === '') continue;
    const h = hashOf(key);
    hashes[i] = h;
    let p = h & mask;
    for (;;) {
      const e = table[p];
      if (e < 0) {
        table[p] = i;
        break;
      }
      if (hashes[e] === h && keys[e] === key) {
        first[i] = e;
        break;
      }
      p = (p + 1) & mask;
    }
  }
  return first;
}
