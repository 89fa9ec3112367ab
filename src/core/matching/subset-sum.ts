/**
 * Bounded group search: which few of some amounts add up to a target. Meet in the middle: the candidates
 * are split in two halves, every small subset of each half is summed once, and the halves are joined on
 * the sum through a hash map, so 20 candidates cost about 2 × 2^10 sums instead of 2^20.
 */

/** Most candidates a search accepts; callers pick the nearest ones first. */
export const MAX_SUBSET_CANDIDATES = 24;

interface HalfSubsets {
  sums: number[];
  masks: number[];
  sizes: number[];
}

function enumerateHalf(values: readonly number[], from: number, to: number, maxSize: number): HalfSubsets {
  const n = to - from;
  const total = 1 << n;
  const sumByMask = new Float64Array(total);
  const sizeByMask = new Uint8Array(total);
  const out: HalfSubsets = { sums: [], masks: [], sizes: [] };
  for (let mask = 0; mask < total; mask++) {
    if (mask > 0) {
      // Each subset extends the one without its lowest member.
      const low = mask & -mask;
      const bit = 31 - Math.clz32(low);
      const prev = mask ^ low;
      sumByMask[mask] = sumByMask[prev] + values[from + bit];
      sizeByMask[mask] = sizeByMask[prev] + 1;
    }
    if (sizeByMask[mask] <= maxSize) {
      out.sums.push(sumByMask[mask]);
      out.masks.push(mask);
      out.sizes.push(sizeByMask[mask]);
    }
  }
  return out;
}

/**
 * Subsets of `values` (integer cents) with between `minSize` and `maxSize` members whose sum is within
 * `tolerance` of `target`. Returns at most `limit` of them, each as sorted indexes into `values`; callers
 * ask for 2 to learn whether the answer is unique. Throws (a bug) beyond {@link MAX_SUBSET_CANDIDATES}.
 */
export function findSubsetSums(
  values: readonly number[],
  target: number,
  tolerance: number,
  minSize: number,
  maxSize: number,
  limit: number,
): number[][] {
  if (values.length > MAX_SUBSET_CANDIDATES) throw new Error(`subset search over ${values.length} candidates`);
  const half = values.length >> 1;
  const left = enumerateHalf(values, 0, half, maxSize);
  const right = enumerateHalf(values, half, values.length, maxSize);
  // Bucket the right half by sum so that every sum within tolerance sits in a bucket or its neighbours.
  const width = tolerance + 1;
  const buckets = new Map<number, number[]>();
  for (let r = 0; r < right.sums.length; r++) {
    const key = Math.floor(right.sums[r] / width);
    const list = buckets.get(key);
    if (list) list.push(r);
    else buckets.set(key, [r]);
  }
  const found: number[][] = [];
  for (let l = 0; l < left.sums.length && found.length < limit; l++) {
    const need = target - left.sums[l];
    const key = Math.floor(need / width);
    for (let k = key - 1; k <= key + 1 && found.length < limit; k++) {
      const list = buckets.get(k);
      if (!list) continue;
      for (const r of list) {
        const size = left.sizes[l] + right.sizes[r];
        if (size < minSize || size > maxSize) continue;
        if (Math.abs(right.sums[r] - need) > tolerance) continue;
        found.push(membersOf(left.masks[l], 0, right.masks[r], half));
        if (found.length >= limit) break;
      }
    }
  }
  return found;
}

function membersOf(leftMask: number, leftFrom: number, rightMask: number, rightFrom: number): number[] {
  const out: number[] = [];
  for (let b = 0; leftMask >> b; b++) if ((leftMask >> b) & 1) out.push(leftFrom + b);
  for (let b = 0; rightMask >> b; b++) if ((rightMask >> b) & 1) out.push(rightFrom + b);
  return out;
}
