import Decimal from 'decimal.js';
import { CellValue, isCellError } from './cells';
import { spellMoney } from './money-text';

/** Money is an exact decimal end to end; never a JavaScript float. */
export type Money = Decimal;
export { Decimal };

/** The zero amount, shared to avoid allocating one per sum. */
export const ZERO: Money = new Decimal(0);

/** Outcome of reading a money cell. */
export type MoneyParse =
  | { kind: 'blank' }
  | { kind: 'ok'; value: Money }
  | { kind: 'invalid'; text: string; reason: 'error-cell' | 'not-a-number' | 'boolean' };

/** Options for reading money text. */
export interface MoneyParseOptions {
  /** The workbook's locale writes `1 234,50`: comma is the decimal separator, space/dot group. */
  decimalComma?: boolean;
}

const CURRENCY = /^(?:¥|￥|RMB|CNY|\$|US\$|USD|HK\$|€|£|EUR)\s*|\s*(?:元|RMB|CNY|USD|EUR|€|¥|￥)$/i;

/**
 * Reads a money cell: numbers, text numbers (`1,234.50`, `¥1,234.50`, `(1,234.50)`, `-1,234.50`,
 * `1234.50元`, and `-1 234,50` only when `decimalComma`), blanks and error values.
 * A number cell is taken at its shortest round-trip decimal form, which is what Excel displays.
 */
export function parseMoney(v: CellValue | undefined, opts: MoneyParseOptions = {}): MoneyParse {
  if (v === null || v === undefined) return { kind: 'blank' };
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return { kind: 'invalid', text: String(v), reason: 'not-a-number' };
    return { kind: 'ok', value: new Decimal(v) };
  }
  if (typeof v === 'boolean') return { kind: 'invalid', text: String(v).toUpperCase(), reason: 'boolean' };
  if (isCellError(v)) return { kind: 'invalid', text: v.error, reason: 'error-cell' };
  const raw = v.trim();
  if (raw === '') return { kind: 'blank' };
  const value = parseMoneyText(raw, opts.decimalComma === true);
  return value ? { kind: 'ok', value } : { kind: 'invalid', text: raw, reason: 'not-a-number' };
}

/** Longer than any amount could be written (`-US$ 999,999,999,999,999.99 元` is 30). */
const MAX_MONEY_TEXT = 64;

function parseMoneyText(raw: string, decimalComma: boolean): Money | null {
  // A long text (a note, or a megabyte string from a hostile file) is no amount: say so before the
  // currency and grouping patterns walk all of it, once per column the check tries it as money.
  if (raw.length > MAX_MONEY_TEXT) return null;
  // Full-width digits and signs come from Chinese input methods.
  let s = raw.replace(/[\uFF10-\uFF19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\uFF0C/g, ',').replace(/\uFF0E/g, '.').replace(/[\uFF0D\u2212]/g, '-');
  let negative = false;
  if (/^\(.*\)$/.test(s)) {
    negative = true;
    s = s.slice(1, -1).trim();
  }
  if (s.startsWith('-')) {
    negative = !negative;
    s = s.slice(1).trim();
  } else if (s.endsWith('-')) {
    negative = !negative;
    s = s.slice(0, -1).trim();
  }
  s = s.replace(CURRENCY, '').replace(CURRENCY, '').trim();
  if (s.startsWith('-') && !negative) {
    negative = true;
    s = s.slice(1).trim();
  }
  let normal: string;
  if (decimalComma) {
    if (!/^\d{1,3}(?:[ .\u00A0\u202F]\d{3})*(?:,\d+)?$|^\d+(?:,\d+)?$/.test(s)) return null;
    normal = s.replace(/[ .\u00A0\u202F]/g, '').replace(',', '.');
  } else {
    if (!/^\d{1,3}(?:,\d{3})*(?:\.\d+)?$|^\d+(?:\.\d+)?$|^\.\d+$/.test(s)) return null;
    normal = s.replace(/,/g, '');
  }
  const d = new Decimal(normal);
  return negative ? d.negated() : d;
}

/** Rounds to cents, half away from zero, the way invoices round. */
export function roundCents(m: Money): Money {
  return m.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
}

/** Exact decimal string with two places ("1234.50", "-0.10"): the JSON report's money form. */
export function moneyString(m: Money): string {
  return roundCents(m).toFixed(2);
}

export { spellMoney } from './money-text';

/** "1,234,567.89" (thousands separators, two places, leading minus): {@link spellMoney} of an exact amount. */
export function formatMoney(m: Money): string {
  return spellMoney(m.toFixed());
}

/** True when |a − b| ≤ tolerance. */
export function withinTolerance(a: Money, b: Money, tolerance: Money): boolean {
  return a.minus(b).abs().lte(tolerance);
}

/** Sum of amounts, exact. */
export function sumMoney(items: Iterable<Money>): Money {
  let total = ZERO;
  for (const m of items) total = total.plus(m);
  return total;
}

const DIGITS = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];
const SMALL_UNITS = ['', '拾', '佰', '仟'];
const BIG_UNITS = ['', '万', '亿', '万亿'];

/**
 * The amount in Chinese financial capitals (大写), as on a statement or cheque:
 * 12345.67 → 壹万贰仟叁佰肆拾伍元陆角柒分; 100 → 壹佰元整; 1.05 → 壹元零伍分; 0 → 零元整;
 * negatives get 负. Rounds to cents first.
 */
export function toChineseCapitals(m: Money): string {
  const r = roundCents(m);
  const negative = r.isNegative() && !r.isZero();
  const [intStr, fracStr] = r.abs().toFixed(2).split('.');
  const jiao = Number(fracStr[0]);
  const fen = Number(fracStr[1]);
  const intPart = integerCapitals(intStr);
  let out = '';
  if (intPart !== '') out += `${intPart}元`;
  if (jiao === 0 && fen === 0) {
    out = (out === '' ? '零元' : out) + '整';
  } else {
    if (jiao !== 0) out += `${DIGITS[jiao]}角`;
    else if (intPart !== '') out += '零';
    if (fen !== 0) out += `${DIGITS[fen]}分`;
    else out += '整';
  }
  return (negative ? '负' : '') + out;
}

function integerCapitals(intStr: string): string {
  const trimmed = intStr.replace(/^0+/, '');
  if (trimmed === '') return '';
  const groups: string[] = [];
  for (let end = trimmed.length; end > 0; end -= 4) groups.unshift(trimmed.slice(Math.max(0, end - 4), end));
  let out = '';
  let pendingZero = false;
  groups.forEach((group, gi) => {
    const bigUnit = BIG_UNITS[groups.length - 1 - gi] ?? '';
    const padded = group.padStart(4, '0');
    let groupText = '';
    for (let i = 0; i < 4; i++) {
      const d = Number(padded[i]);
      if (d === 0) {
        if (groupText !== '' || out !== '') pendingZero = true;
      } else {
        if (pendingZero) groupText += '零';
        pendingZero = false;
        groupText += DIGITS[d] + SMALL_UNITS[3 - i];
      }
    }
    if (groupText !== '') out += groupText + bigUnit;
  });
  return out;
}
