import fc from 'fast-check';
import { findSubsetSums } from '../../../src/core/matching/subset-sum';

const sum = (values: number[], idx: number[]): number => idx.reduce((a, i) => a + values[i], 0);

describe('findSubsetSums', () => {
  it.each([
    { values: [100, 250, 400, 75], target: 350, found: [[0, 1]] },
    { values: [100, 250, 400, 75], target: 825, found: [[0, 1, 2, 3]] },
    { values: [100, 250, 400, 75], target: 999, found: [] },
    { values: [100, 100, 50], target: 150, count: 2 }, // two equal ways: the caller must not guess
    { values: [10, 20, 30, 40, 50, 60], target: 210, found: [] }, // needs 6 members, more than 5
  ])('$values → $target', ({ values, target, found, count }) => {
    const out = findSubsetSums(values, target, 0, 2, 5, 2);
    if (found) expect(out.map((s) => [...s].sort((a, b) => a - b))).toEqual(found);
    if (count) expect(out).toHaveLength(count);
  });

  it('honours the tolerance', () => {
    expect(findSubsetSums([100, 251], 350, 1, 2, 5, 2)).toHaveLength(1);
    expect(findSubsetSums([100, 252], 350, 1, 2, 5, 2)).toHaveLength(0);
  });

  it('returns only subsets of the allowed sizes adding up to the target', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 5000 }), { minLength: 2, maxLength: 20 }), fc.array(fc.nat(), { minLength: 2, maxLength: 5 }), (values, picks) => {
        const chosen = [...new Set(picks.map((p) => p % values.length))];
        const target = sum(values, chosen);
        const out = findSubsetSums(values, target, 0, 2, 5, 3);
        for (const s of out) {
          expect(sum(values, s)).toBe(target);
          expect(s.length).toBeGreaterThanOrEqual(2);
          expect(s.length).toBeLessThanOrEqual(5);
          expect(new Set(s).size).toBe(s.length);
        }
        if (chosen.length >= 2) expect(out.length).toBeGreaterThan(0);
      }),
    );
  });

  it('refuses an unbounded search', () => {
    expect(() => findSubsetSums(new Array(30).fill(1), 2, 0, 2, 5, 2)).toThrow();
  });
});
