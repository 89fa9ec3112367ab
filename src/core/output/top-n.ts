import { Decimal } from '../model/money';

/**
 * "Top N" charts: a chart of every customer cannot be read once there are hundreds, so the owned
 * sheets chart the few largest, as finance reports rank them. The Sales Summary's customer chart and
 * the Aging chart pick their customers here.
 */

/** How many customers a top-N chart shows. */
export const TOP_N = 10;

/**
 * The at most `n` items with the largest positive `size`, largest first; items of equal size keep
 * their order in `items`. Items of size zero or less are never among them (nothing to chart).
 */
export function largestFirst<T>(items: readonly T[], size: (item: T) => Decimal | number, n: number = TOP_N): T[] {
  const sized = items.map((item, at) => ({ item, at, size: new Decimal(size(item)) })).filter((s) => s.size.gt(0));
  sized.sort((a, b) => b.size.comparedTo(a.size) || a.at - b.at);
  return sized.slice(0, Math.max(0, n)).map((s) => s.item);
}
