import { spellMoney } from '../model/money-text';
import { RawNum } from '../model/exact';
import { Decimal, Money } from '../model/money';
import { ReceiptRow, SaleRow, StatementRow } from '../model/record-rows';
import { grossOf, ReceiptRecord, SaleRecord, StatementLine } from '../model/records';

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
 * Cents of a decimal when it is a whole number of cents within the exact range, else NaN.
 * Allocation-free: it runs once per record on every side.
 */
export function exactCents(m: Money): number {
  const d = m.d;
  const e = m.e;
  if (!d || !Number.isFinite(e)) return Number.NaN; // NaN or ±Infinity
  if (d.length === 1 && d[0] === 0) return 0;
  if (e > 13) return Number.NaN;
  // The decimal point falls on a word boundary: words [0, intWords) are the integer part.
  let intPart = 0;
  let fracIndex: number;
  if (e >= 0) {
    const intWords = Math.floor(e / 7) + 1;
    for (let i = 0; i < intWords; i++) intPart = intPart * WORD + (i < d.length ? d[i] : 0);
    fracIndex = intWords;
  } else {
    // |m| < 1: decimal.js leaves out leading all-zero fraction words, and a skipped word means sub-cent.
    if (e < -7) return Number.NaN;
    fracIndex = 0;
  }
  if (d.length > fracIndex + 1) return Number.NaN; // digits beyond the first fraction word
  // The first fraction word holds seven decimals; cents are its first two, the rest must be zero.
  const fracWord = fracIndex < d.length ? d[fracIndex] : 0;
  if (fracWord % 100000 !== 0) return Number.NaN;
  const cents = intPart * 100 + fracWord / 100000;
  if (cents > MAX_CENTS) return Number.NaN;
  return m.s < 0 ? -cents : cents;
}

/**
 * Cents of a decimal, rounded half away from zero (as invoices round), and whether no rounding happened.
 */
export function centsOf(m: Money): Cents {
  const c = exactCents(m);
  return Number.isNaN(c) ? slowCents(m) : { cents: c, exact: true };
}

function slowCents(m: Money): Cents {
  if (!m.isFinite()) return { cents: Number.NaN, exact: false };
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

/** "1,234,567.89" from integer cents: {@link spellMoney} without building a Decimal. */
export function formatCents(cents: number): string {
  return spellMoney(centsToString(cents));
}

/** Exact decimal string of a difference: two places, more only when the amounts carry more. */
export function decimalString(m: Money): string {
  return m.decimalPlaces() <= 2 ? m.toFixed(2) : m.toFixed();
}

/** Bound on |cents| read from a double: as in exact.ts, it keeps n / 100 === v a proof of exactness. */
const READ_LIMIT = 2 ** 50;

/**
 * Cents of a money value as the parser keeps it (a cell's number, or a Decimal from text) when it is a
 * whole number of cents, else NaN. A number cell v holds exactly n / 100 when n = round(100 v) and
 * n / 100 === v (see `fxFromNumber` in exact.ts); no Decimal is built.
 */
export function rawCents(raw: RawNum): number {
  if (typeof raw !== 'number') return exactCents(raw);
  const n = Math.round(raw * 100);
  if (n > READ_LIMIT || n < -READ_LIMIT || n / 100 !== raw) return Number.NaN;
  return n === 0 ? 0 : n;
}

/** A raw money value as a Decimal (exact: a number is read at its shortest decimal form). */
export function rawDecimal(raw: RawNum): Money {
  return typeof raw === 'number' ? new Decimal(raw) : raw;
}

/** Rounded cents and exactness of a raw value; the allocation-free path first. */
export function rawCentsOf(raw: RawNum): Cents {
  const c = rawCents(raw);
  return Number.isNaN(c) ? centsOf(rawDecimal(raw)) : { cents: c, exact: true };
}

/**
 * A sale's gross (价税合计) as read: Total, else Amount + Tax, else Amount (as `grossOf`), without
 * building Decimals for parser rows.
 */
export function saleGrossRaw(sale: SaleRecord): RawNum | null {
  if (sale instanceof SaleRow) {
    if (sale.rawTotal !== null) return sale.rawTotal;
    if (sale.rawAmount !== null && sale.rawTax !== null) {
      const a = rawCents(sale.rawAmount);
      const t = rawCents(sale.rawTax);
      // Whole cents add exactly as integers; anything else goes through decimal.js.
      return Number.isNaN(a) || Number.isNaN(t) ? rawDecimal(sale.rawAmount).plus(rawDecimal(sale.rawTax)) : new Decimal(a + t).dividedBy(100);
    }
    return sale.rawAmount;
  }
  return grossOf(sale);
}

/** The field a sale's gross is read from: `total` when present, else `amount`. */
export function saleGrossField(sale: SaleRecord): 'total' | 'amount' {
  if (sale instanceof SaleRow) return sale.rawTotal !== null ? 'total' : 'amount';
  return sale.total ? 'total' : 'amount';
}

/** A receipt's amount as read. */
export function receiptAmountRaw(r: ReceiptRecord): RawNum | null {
  return r instanceof ReceiptRow ? r.rawAmount : r.amount;
}

/** A statement line's Billed, Paid or Balance as read. */
export function lineRaw(l: StatementLine, field: 'billed' | 'paid' | 'balance'): RawNum | null {
  if (l instanceof StatementRow) return field === 'billed' ? l.rawBilled : field === 'paid' ? l.rawPaid : l.rawBalance;
  return l[field];
}
