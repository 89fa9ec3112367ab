import { Decimal, Money } from './money';

/**
 * Amounts as the matcher hashes and compares them: integer cents in a JavaScript number. Money stays
 * decimal.js everywhere else; here a cents integer is only a key, and every integer it holds is exact
 * (|cents| < 2^53). Amounts with more than two decimals are flagged inexact and compared as decimals.
 *
 * Reading decimal.js's digits directly is ~50× faster than `toFixed(2)`, which matters at a million rows.
 */

/** Base of decimal.js's digit words (LOG_BASE 7). */
const WORD = 1e7;
/** Largest cents value kept exact: beyond it, integer sums could lose precision. */
const MAX_CENTS = 2 ** 52;

/** An amount's cents, rounded half away from zero, and whether that is the exact amount. */
export interface Cents {
  cents: number;
  exact: boolean;
}

/**
 * Cents of a decimal, rounded half away from zero (as invoices round), and whether no rounding happened.
 * Falls back to decimal.js arithmetic for values too large for an exact integer.
 */
export function centsOf(m: Money): Cents {
  const d = m.d;
  const e = m.e;
  if (!d || !Number.isFinite(e)) return { cents: Number.NaN, exact: false }; // NaN or ±Infinity
  if (d.length === 1 && d[0] === 0) return { cents: 0, exact: true };
  if (e > 13) return slowCents(m);
  // The decimal point falls on a word boundary: words [0, intWords) are the integer part.
  let intPart = 0;
  let fracIndex: number;
  let fracWord: number;
  if (e >= 0) {
    const intWords = Math.floor(e / 7) + 1;
    for (let i = 0; i < intWords; i++) intPart = intPart * WORD + (i < d.length ? d[i] : 0);
    fracIndex = intWords;
    fracWord = fracIndex < d.length ? d[fracIndex] : 0;
  } else {
    // |m| < 1: decimal.js leaves out leading all-zero fraction words.
    const skipped = Math.floor((-e - 1) / 7);
    fracIndex = -skipped;
    fracWord = skipped === 0 ? d[0] : 0;
  }
  // The first fraction word holds seven decimals; cents are its first two.
  let cents = intPart * 100 + Math.floor(fracWord / 100000);
  const rest = fracWord % 100000;
  let beyond = false;
  for (let i = Math.max(fracIndex + 1, 0); i < d.length; i++) {
    if (d[i] !== 0) {
      beyond = true;
      break;
    }
  }
  const exact = rest === 0 && !beyond;
  if (!exact && rest >= 50000) cents += 1;
  if (cents > MAX_CENTS) return slowCents(m);
  return { cents: m.s < 0 ? -cents : cents, exact };
}

function slowCents(m: Money): Cents {
  const scaled = m.times(100);
  const rounded = scaled.toDecimalPlaces(0, Decimal.ROUND_HALF_UP);
  if (rounded.abs().gt(MAX_CENTS)) return { cents: Number.NaN, exact: false };
  return { cents: rounded.toNumber(), exact: rounded.eq(scaled) };
}

/** Cents of a tolerance: rounded down, since amounts of whole cents differ by whole cents. */
export function toleranceCents(tolerance: Money): number {
  const c = tolerance.abs().times(100).floor();
  return c.gt(MAX_CENTS) ? MAX_CENTS : c.toNumber();
}

/** "1234.50", "-0.07": the exact decimal string of an integer number of cents, without decimal.js. */
export function centsToString(cents: number): string {
  const negative = cents < 0;
  const abs = negative ? -cents : cents;
  const whole = Math.floor(abs / 100);
  const frac = abs - whole * 100;
  return `${negative ? '-' : ''}${whole}.${frac < 10 ? '0' : ''}${frac}`;
}

/** Exact decimal string of a difference: two places, more only when the amounts carry more. */
export function decimalString(m: Money): string {
  return m.decimalPlaces() <= 2 ? m.toFixed(2) : m.toFixed();
}
