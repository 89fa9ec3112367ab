import Decimal from 'decimal.js';

/**
 * Exact arithmetic on small scaled integers, the fast path of the checks on a million rows.
 *
 * A number cell is an IEEE double, and Excel shows (and `new Decimal(v)` reads) it at its shortest
 * round-trip decimal form. When that form has at most {@link MAX_SCALE} decimals and few enough digits,
 * the value is exactly n / 10^s for a safe integer n: all sums and products below are integer operations
 * with overflow checks, never float approximations, and any case that does not fit returns null so the
 * caller falls back to decimal.js. Constructing a Decimal costs microseconds; this costs nanoseconds.
 */

/** A cell number as read (exact at its shortest decimal form) or a Decimal parsed from text. */
export type RawNum = number | Decimal;

/** The value n / 10^s; n is a safe integer. */
export interface Fx {
  n: number;
  s: number;
}

export const MAX_SCALE = 9;
const POW10: readonly number[] = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];
/** Bound on |n| when reading a double: keeps decimals one 10^-s step apart on distinct doubles. */
const READ_LIMIT = 2 ** 50;
const SAFE = Number.MAX_SAFE_INTEGER;

/**
 * The scaled form of a double, or null. With |n| ≤ 2^50 two decimals of scale ≤ s are more than two
 * ulps apart, so `n / 10^s === v` proves that n·10^-s is the shortest decimal of v (scales are tried
 * from 0 up), i.e. exactly what `new Decimal(v)` holds.
 */
export function fxFromNumber(v: number): Fx | null {
  for (let s = 0; s <= MAX_SCALE; s++) {
    const p = POW10[s];
    const n = Math.round(v * p);
    if (n > READ_LIMIT || n < -READ_LIMIT) return null;
    if (n / p === v) return { n: n === 0 ? 0 : n, s };
  }
  return null;
}

/** The scaled form of a Decimal, or null when it has too many digits. */
export function fxFromDecimal(d: Decimal): Fx | null {
  if (!d.isFinite()) return null;
  const s = d.decimalPlaces();
  if (s > MAX_SCALE) return null;
  const scaled = d.times(POW10[s]);
  if (scaled.abs().gt(READ_LIMIT)) return null;
  return { n: scaled.toNumber(), s };
}

/** The value as a Decimal (exact). */
export function fxToDecimal(a: Fx): Decimal {
  return a.s === 0 ? new Decimal(a.n) : new Decimal(a.n).dividedBy(POW10[a.s]);
}

/** a.n scaled up to scale s (s ≥ a.s); null on overflow. */
function lift(a: Fx, s: number): number | null {
  if (s === a.s) return a.n;
  if (s > 15) return null;
  const n = a.n * POW10[s - a.s];
  return n > SAFE || n < -SAFE ? null : n;
}

/** a + b, or null when it does not fit. */
export function fxAdd(a: Fx, b: Fx): Fx | null {
  const s = a.s > b.s ? a.s : b.s;
  const x = lift(a, s);
  const y = lift(b, s);
  if (x === null || y === null) return null;
  const n = x + y;
  return n > SAFE || n < -SAFE ? null : { n, s };
}

/** a − b, or null when it does not fit. */
export function fxSub(a: Fx, b: Fx): Fx | null {
  return fxAdd(a, { n: -b.n, s: b.s });
}

/** a × b, or null when it does not fit. */
export function fxMul(a: Fx, b: Fx): Fx | null {
  const n = a.n * b.n;
  const s = a.s + b.s;
  return n > SAFE || n < -SAFE || s > 15 ? null : { n, s };
}

/** a rounded to `s` decimals, half away from zero (as invoices round). */
export function fxRound(a: Fx, s: number): Fx {
  if (a.s <= s) return a;
  const p = POW10[a.s - s];
  const abs = Math.abs(a.n);
  let q = Math.floor(abs / p);
  // abs and p are exact safe integers, so the remainder is exact; the float quotient may be one off.
  let r = abs - q * p;
  if (r < 0) {
    q -= 1;
    r += p;
  } else if (r >= p) {
    q += 1;
    r -= p;
  }
  const rounded = r * 2 >= p ? q + 1 : q;
  return { n: a.n < 0 ? -rounded : rounded, s };
}

/** True when |a − b| ≤ tol, null when an intermediate does not fit. */
export function fxWithin(a: Fx, b: Fx, tol: Fx): boolean | null {
  const d = fxSub(a, b);
  if (d === null) return null;
  const s = d.s > tol.s ? d.s : tol.s;
  const x = lift(d, s);
  const t = lift(tol, s);
  if (x === null || t === null) return null;
  return Math.abs(x) <= t;
}

/** a compared with zero: -1, 0 or 1. */
export function rawSign(r: RawNum): number {
  if (typeof r === 'number') return r > 0 ? 1 : r < 0 ? -1 : 0;
  return r.isZero() ? 0 : r.isNegative() ? -1 : 1;
}

/**
 * An exact number in whichever form is cheapest: scaled integer while it fits, Decimal beyond. The
 * operations below stay on integers when they can and move to decimal.js only when a value does not fit.
 */
export type Num = Fx | Decimal;

function isDecimal(a: Num): a is Decimal {
  // Cheaper than instanceof in hot loops: only a Decimal has a digits array.
  return (a as Decimal).d !== undefined;
}

/** True when the Num is on the integer path. */
export function isFx(a: Num): a is Fx {
  return !isDecimal(a);
}

/** A raw value as a Num. */
export function numOf(r: RawNum): Num {
  if (typeof r === 'number') return fxFromNumber(r) ?? new Decimal(r);
  return fxFromDecimal(r) ?? r;
}

/** A Num as a Decimal. */
export function numToDecimal(a: Num): Decimal {
  return isDecimal(a) ? a : fxToDecimal(a);
}

/** a + b exactly. */
export function numAdd(a: Num, b: Num): Num {
  if (!isDecimal(a) && !isDecimal(b)) {
    const r = fxAdd(a, b);
    if (r) return r;
  }
  return numToDecimal(a).plus(numToDecimal(b));
}

/** a − b exactly. */
export function numSub(a: Num, b: Num): Num {
  if (!isDecimal(a) && !isDecimal(b)) {
    const r = fxSub(a, b);
    if (r) return r;
  }
  return numToDecimal(a).minus(numToDecimal(b));
}

/** a × b exactly. */
export function numMul(a: Num, b: Num): Num {
  if (!isDecimal(a) && !isDecimal(b)) {
    const r = fxMul(a, b);
    if (r) return r;
  }
  return numToDecimal(a).times(numToDecimal(b));
}

/** a rounded to cents, half away from zero. */
export function numRoundCents(a: Num): Num {
  return isDecimal(a) ? a.toDecimalPlaces(2, Decimal.ROUND_HALF_UP) : fxRound(a, 2);
}

/** |a − b| ≤ tol, exactly. */
export function numWithin(a: Num, b: Num, tol: Num): boolean {
  if (!isDecimal(a) && !isDecimal(b) && !isDecimal(tol)) {
    const r = fxWithin(a, b, tol);
    if (r !== null) return r;
  }
  return numToDecimal(a).minus(numToDecimal(b)).abs().lte(numToDecimal(tol));
}

/** Zero as a Num. */
export const ZERO_NUM: Num = { n: 0, s: 0 };

/*
 * Scalar helpers for the hot loops: values travel as (n, s) pairs in local variables, so checking a
 * million rows allocates nothing. Each returns NaN / null when a value does not fit, and the caller
 * takes the Decimal path for that row.
 */

/** The scale of a double's shortest decimal form (see {@link fxFromNumber}), or -1. */
export function scaleOf(v: number): number {
  // Most amounts have at most two decimals: settle scales 0–2 with one multiplication. Distinct
  // decimals of scale ≤ 2 lie on distinct doubles within the limit, so the reduced form is the shortest.
  const c = Math.round(v * 100);
  if (c <= READ_LIMIT && c >= -READ_LIMIT && c / 100 === v) return c % 100 === 0 ? 0 : c % 10 === 0 ? 1 : 2;
  for (let s = 3; s <= MAX_SCALE; s++) {
    const p = POW10[s];
    const n = Math.round(v * p);
    if (n > READ_LIMIT || n < -READ_LIMIT) return -1;
    if (n / p === v) return s;
  }
  return -1;
}

/** The integer n with v = n / 10^s, for the s that {@link scaleOf} gave. */
export function scaledInt(v: number, s: number): number {
  return Math.round(v * POW10[s]);
}

/** round(a × b) to cents as an integer number of cents, or NaN when it does not fit. */
export function mulRoundCents(an: number, as: number, bn: number, bs: number): number {
  const n = an * bn;
  if (n > SAFE || n < -SAFE) return NaN;
  const s = as + bs;
  if (s <= 2) {
    const c = n * POW10[2 - s];
    return c > SAFE || c < -SAFE ? NaN : c;
  }
  return fxRound({ n, s }, 2).n;
}

/** |x − (y + z)| ≤ t for scaled values, or null when an intermediate does not fit. */
export function diffWithin(xn: number, xs: number, yn: number, ys: number, zn: number, zs: number, tn: number, ts: number): boolean | null {
  let S = xs;
  if (ys > S) S = ys;
  if (zs > S) S = zs;
  if (ts > S) S = ts;
  if (S > 15) return null;
  const x = xn * POW10[S - xs];
  const y = yn * POW10[S - ys];
  const z = zn * POW10[S - zs];
  const t = tn * POW10[S - ts];
  const d = x - y - z;
  if (!(Math.abs(x) <= SAFE && Math.abs(y) <= SAFE && Math.abs(z) <= SAFE && Math.abs(t) <= SAFE && Math.abs(d) <= SAFE)) return null;
  return Math.abs(d) <= t;
}

/** a + b − c for scaled values, as an Fx at the largest scale, or null when it does not fit. */
export function addSubScaled(an: number, as: number, bn: number, bs: number, cn: number, cs: number): Fx | null {
  let S = as;
  if (bs > S) S = bs;
  if (cs > S) S = cs;
  if (S > 15) return null;
  const x = an * POW10[S - as];
  const y = bn * POW10[S - bs];
  const z = cn * POW10[S - cs];
  const n = x + y - z;
  if (!(Math.abs(x) <= SAFE && Math.abs(y) <= SAFE && Math.abs(z) <= SAFE && Math.abs(n) <= SAFE)) return null;
  return { n, s: S };
}
