import fc from 'fast-check';
import Decimal from 'decimal.js';
import {
  diffWithin, fxFromNumber, fxRound, fxToDecimal, mulRoundCents, numAdd, numMul, numOf, numRoundCents, numToDecimal,
  numWithin, scaledInt, scaleOf,
} from '../../../src/core/model/exact';
import { firstOccurrences } from '../../../src/core/model/string-index';
import { moneyText } from '../../../src/core/validation/validation-context';

/** A double typed the way people type amounts: an integer of cents (or finer) divided by a power of ten. */
const typedNumber = fc.tuple(fc.integer({ min: -1e12, max: 1e12 }), fc.integer({ min: 0, max: 6 }))
  .map(([n, s]) => Number(`${n}e-${s}`));

describe('exact integer path', () => {
  it.each<[number, string]>([[0.1, '0.1'], [1130.01, '1130.01'], [-0.07, '-0.07'], [123456789.123, '123456789.123'], [1e-7, '1e-7'], [0, '0']])(
    'reads %p exactly as %s',
    (v, text) => {
      const fx = fxFromNumber(v);
      expect(fx).not.toBeNull();
      expect(fxToDecimal(fx!).eq(new Decimal(text))).toBe(true);
    },
  );

  it.each([[0.1 + 0.2], [1e20], [Math.PI]])('declines %p rather than approximate', (v) => {
    const fx = fxFromNumber(v);
    if (fx !== null) expect(fxToDecimal(fx).eq(new Decimal(v))).toBe(true);
  });

  it('reads every typed number as decimal.js does (property)', () => {
    fc.assert(fc.property(typedNumber, (v) => {
      const fx = fxFromNumber(v);
      if (fx !== null) expect(fxToDecimal(fx).toString()).toBe(new Decimal(v).toString());
      expect(scaleOf(v) >= 0).toBe(fx !== null);
    }));
  });

  it.each<[string, string]>([['2.345', '2.35'], ['-2.345', '-2.35'], ['2.344', '2.34'], ['0.005', '0.01'], ['-0.004', '0']])('rounds %s to %s', (v, r) => {
    const fx = numOf(new Decimal(v));
    expect(numToDecimal(numRoundCents(fx)).eq(new Decimal(r))).toBe(true);
    expect(numToDecimal(fxRound({ n: Number(v.replace('.', '').replace('-0', '-')), s: 3 }, 2)).eq(new Decimal(r))).toBe(true);
  });

  it('multiplies, rounds and compares like decimal.js (property)', () => {
    fc.assert(fc.property(typedNumber, typedNumber, typedNumber, (a, b, c) => {
      const [sa, sb, sc] = [scaleOf(a), scaleOf(b), scaleOf(c)];
      const exact = new Decimal(a).times(b).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
      const tol = new Decimal('0.01');
      const want = new Decimal(c).minus(exact).abs().lte(tol);
      expect(numWithin(numOf(c), numRoundCents(numMul(numOf(a), numOf(b))), numOf(tol))).toBe(want);
      if (sa < 0 || sb < 0 || sc < 0) return;
      const cents = mulRoundCents(scaledInt(a, sa), sa, scaledInt(b, sb), sb);
      if (Number.isNaN(cents)) return;
      expect(new Decimal(cents).dividedBy(100).eq(exact)).toBe(true);
      const fast = diffWithin(scaledInt(c, sc), sc, cents, 2, 0, 0, 1, 2);
      if (fast !== null) expect(fast).toBe(want);
    }));
  });

  it('adds without drift', () => {
    let sum = numOf(0);
    for (let i = 0; i < 10; i++) sum = numAdd(sum, numOf(0.1));
    expect(numToDecimal(sum).toString()).toBe('1');
  });
});

describe('firstOccurrences', () => {
  it('points each repeat at the first occurrence and ignores blanks', () => {
    expect(Array.from(firstOccurrences(['a', 'b', 'a', '', '', 'b', 'a']))).toEqual([-1, -1, 0, -1, -1, 1, 0]);
  });

  it('agrees with a Map (property)', () => {
    fc.assert(fc.property(fc.array(fc.string({ maxLength: 3 }), { maxLength: 300 }), (keys) => {
      const seen = new Map<string, number>();
      const want = keys.map((k, i) => {
        if (k === '') return -1;
        const f = seen.get(k);
        if (f === undefined) {
          seen.set(k, i);
          return -1;
        }
        return f;
      });
      expect(Array.from(firstOccurrences(keys))).toEqual(want);
    }));
  });
});

describe('moneyText', () => {
  it.each<[number, number, string]>([
    [1000, 2, '10.00'], [-5, 3, '-0.005'], [7, 0, '7.00'], [-1234567, 4, '-123.4567'], [120, 3, '0.12'], [0, 2, '0.00'], [5, 1, '0.50'],
  ])('spells %i / 10^%i as %s, like the Decimal it stands for', (n, s, text) => {
    expect(moneyText({ n, s })).toBe(text);
    expect(moneyText(new Decimal(n).dividedBy(10 ** s))).toBe(text);
  });
});
