import Decimal from 'decimal.js';
import fc from 'fast-check';
import { centsOf, centsToString, formatCents, rawCents, saleGrossField, saleGrossRaw } from '../../../src/core/matching/match-amounts';
import { SaleRow } from '../../../src/core/model/record-rows';

describe('centsOf', () => {
  it.each([
    ['1234.5', 123450, true],
    ['0.05', 5, true],
    ['-12.34', -1234, true],
    ['12345678901.23', 1234567890123, true],
    ['0.015', 2, false], // half away from zero
    ['-0.005', -1, false],
    ['100.1000001', 10010, false],
    ['1e-8', 0, false],
    ['0', 0, true],
  ])('%s → %d cents (exact %s)', (text, cents, exact) => {
    expect(centsOf(new Decimal(text))).toEqual({ cents, exact });
  });

  it('agrees with decimal.js rounding half up for any value', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 17n), max: 10n ** 17n }), fc.integer({ min: 0, max: 9 }), (n, scale) => {
        const d = new Decimal(n.toString()).dividedBy(new Decimal(10).pow(scale));
        const r = d.times(100).toDecimalPlaces(0, Decimal.ROUND_HALF_UP);
        const c = centsOf(d);
        if (r.abs().gt(2 ** 52)) return expect(Number.isNaN(c.cents)).toBe(true);
        expect(c).toEqual({ cents: r.toNumber(), exact: r.eq(d.times(100)) });
      }),
      { numRuns: 2000 },
    );
  });
});

describe('rawCents reads cell numbers without decimal.js', () => {
  it.each([
    [1234.5, 123450],
    [0.1, 10],
    [0.07, 7],
    [-99.99, -9999],
    [1e12, 1e14],
  ])('%d → %d', (v, cents) => {
    expect(rawCents(v)).toBe(cents);
  });

  it.each([[0.001], [1.005], [1e16], [Number.NaN]])('%d is not whole cents', (v) => {
    expect(rawCents(v)).toBeNaN();
  });

  it('matches the decimal reading of every two-decimal number', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (n) => {
        const v = n / 100;
        expect(rawCents(v)).toBe(new Decimal(v).times(100).toNumber());
      }),
    );
  });
});

describe('centsToString and formatCents', () => {
  it.each([
    [0, '0.00', '0.00'],
    [5, '0.05', '0.05'],
    [-7, '-0.07', '-0.07'],
    [123450, '1234.50', '1,234.50'],
    [-123456789, '-1234567.89', '-1,234,567.89'],
  ])('%d → %s / %s', (cents, plain, grouped) => {
    expect(centsToString(cents)).toBe(plain);
    expect(formatCents(cents)).toBe(grouped);
  });
});

describe('sale gross as read', () => {
  it('takes Total, else Amount + Tax, else Amount, like grossOf', () => {
    const s = new SaleRow('Sales', 2);
    s.rawAmount = 100;
    expect(saleGrossRaw(s)).toBe(100);
    expect(saleGrossField(s)).toBe('amount');
    s.rawTax = 13;
    expect(String(saleGrossRaw(s))).toBe('113');
    s.rawTotal = 113.01;
    expect(saleGrossRaw(s)).toBe(113.01);
    expect(saleGrossField(s)).toBe('total');
  });
});
