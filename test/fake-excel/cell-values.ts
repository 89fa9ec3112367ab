import { FakeOfficeError } from './runtime';
import { ERROR_LITERALS, FakeValue } from './model';

/**
 * How Excel turns what an add-in writes into `values` into a stored cell, and how it reports cells back.
 * Writing through `values` behaves like typing: "123" becomes a number, "=…" a formula, and a leading
 * "+" or "-" starts a formula too (Range.values docs) — except in a cell formatted as Text ("@"), which
 * keeps whatever it is given as text, as in Excel's grid.
 */

/** Excel's cap on the characters in one cell. */
export const MAX_CELL_CHARS = 32_767;

/** The outcome of writing one input into a cell; `skip` means "leave the cell alone" (a null input). */
export type Coerced = { skip: true } | { skip: false; value: FakeValue; formula?: string; format?: string };

const NUMBER = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:[eE][+-]?\d+)?$|^[+-]?\.\d+$/;
const PERCENT = /^([+-]?\d+(?:\.\d+)?)%$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Serial of a civil date in the 1900 system (dates from 1900-03-01). */
export function serialOf(y: number, m: number, d: number): number | null {
  const ms = Date.UTC(y, m - 1, d);
  const date = new Date(ms);
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  const serial = Math.round((ms - Date.UTC(1899, 11, 30)) / 86_400_000);
  return serial >= 61 ? serial : null;
}

/** Writes one `values` input into a cell with the given number format. */
export function coerceInput(input: unknown, numberFormat: string, location: string): Coerced {
  if (input === null || input === undefined) return { skip: true };
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) throw new FakeOfficeError('InvalidArgument', location);
    return { skip: false, value: input };
  }
  if (typeof input === 'boolean') return { skip: false, value: input };
  if (typeof input !== 'string') throw new FakeOfficeError('InvalidArgument', location);
  if (input.length > MAX_CELL_CHARS) throw new FakeOfficeError('InvalidArgument', location);
  const s = input;
  if (s === '') return { skip: false, value: null };
  if (numberFormat === '@') return { skip: false, value: s };
  if (s.startsWith("'")) return { skip: false, value: s.slice(1) === '' ? null : s.slice(1) };
  if (s.startsWith('=')) return { skip: false, value: { error: '#NAME?' }, formula: s };
  const trimmed = s.trim();
  if (NUMBER.test(trimmed)) return { skip: false, value: Number(trimmed.replace(/,/g, '')) };
  const pct = PERCENT.exec(trimmed);
  if (pct) return { skip: false, value: Number(pct[1]) / 100, format: numberFormat === 'General' ? '0%' : undefined };
  if (s.startsWith('+') || s.startsWith('-') || s.startsWith('@')) {
    // Excel parses these as formulas; the fake does not evaluate them, so they show #NAME?.
    return { skip: false, value: { error: '#NAME?' }, formula: s.startsWith('@') ? `=${s}` : `=${s}` };
  }
  if (/^(true|false)$/i.test(trimmed)) return { skip: false, value: trimmed.toLowerCase() === 'true' };
  if (ERROR_LITERALS.includes(trimmed.toUpperCase())) return { skip: false, value: { error: trimmed.toUpperCase() } };
  const iso = ISO_DATE.exec(trimmed);
  if (iso) {
    const serial = serialOf(Number(iso[1]), Number(iso[2]), Number(iso[3]));
    if (serial !== null) return { skip: false, value: serial, format: numberFormat === 'General' ? 'yyyy-mm-dd' : undefined };
  }
  return { skip: false, value: s };
}

/** A cell as `values` reports it: "" when empty, the error text for an error. */
export function valueOut(v: FakeValue): string | number | boolean {
  if (v === null) return '';
  if (typeof v === 'object') return v.error;
  return v;
}

/** A cell's `valueTypes` entry. */
export function valueTypeOut(v: FakeValue): string {
  if (v === null) return 'Empty';
  if (typeof v === 'number') return 'Double';
  if (typeof v === 'boolean') return 'Boolean';
  if (typeof v === 'string') return 'String';
  return 'Error';
}

function civil(serial: number): { y: number; m: number; d: number; hh: number; mm: number } {
  const day = Math.floor(serial);
  const minutes = Math.round((serial - day) * 1440);
  const date = new Date(Date.UTC(1899, 11, 30) + day * 86_400_000);
  return { y: date.getUTCFullYear(), m: date.getUTCMonth() + 1, d: date.getUTCDate(), hh: Math.floor(minutes / 60), mm: minutes % 60 };
}

function grouped(fixed: string): string {
  const [int, frac] = fixed.split('.');
  const neg = int.startsWith('-');
  const digits = neg ? int.slice(1) : int;
  const g = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${neg ? '-' : ''}${g}${frac !== undefined ? `.${frac}` : ''}`;
}

/** A cell's display text (`text`) for the number formats the product writes; others fall back to General. */
export function displayText(v: FakeValue, numberFormat: string, date1904 = false): string {
  if (v === null) return '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'object') return v.error;
  if (typeof v === 'string') return v;
  const f = numberFormat;
  if (f === '@' || f === 'General') return generalNumber(v);
  if (/y/i.test(f) && /d/i.test(f)) {
    const { y, m, d, hh, mm } = civil(date1904 ? v + 1462 : v);
    const p = (n: number): string => String(n).padStart(2, '0');
    let out = f.replace(/yyyy/i, String(y)).replace(/dd/i, p(d));
    out = out.replace(/hh/i, p(hh)).replace(/(:)mm/i, `$1${p(mm)}`).replace(/mm/i, p(m));
    return out;
  }
  const pct = /^0(?:\.(0+))?%$/.exec(f);
  if (pct) return `${(v * 100).toFixed(pct[1]?.length ?? 0)}%`;
  const num = /^(#,##)?0(?:\.(0+))?$/.exec(f);
  if (num) {
    const fixed = v.toFixed(num[2]?.length ?? 0);
    return num[1] ? grouped(fixed) : fixed;
  }
  return generalNumber(v);
}

function generalNumber(v: number): string {
  if (Number.isInteger(v) && Math.abs(v) < 1e11) return String(v);
  const p = Number(v.toPrecision(10));
  return String(p);
}
