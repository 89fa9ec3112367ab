import Decimal from 'decimal.js';
import { CellValue } from './cells';
import { Day, DayMonthOrder, MAX_SERIAL, parseDate } from './dates';
import { RawNum } from './exact';
import { parseMoney } from './money';
import { CreditRating, CustomerStatus, ReceiptMethod } from './records';

/**
 * Per-cell readers for the parser, tuned for a million rows: the common case (a number or plain text)
 * costs a `typeof` and no allocation; only unusual cells reach the general parsers of money.ts/dates.ts.
 * Each returns {@link BAD} when the cell cannot be read, and the caller reports it.
 */

/** The cell could not be read as the field's type. */
export const BAD: unique symbol = Symbol('bad');
export type Bad = typeof BAD;

/** Text of a text cell, trimmed; numbers as their decimal text; error values are {@link BAD}. */
export function readText(v: CellValue | undefined): string | Bad {
  if (typeof v === 'string') {
    // Most cells need no trimming: skip the call when both ends are visible ASCII.
    const n = v.length;
    if (n === 0) return v;
    const a = v.charCodeAt(0);
    const z = v.charCodeAt(n - 1);
    return a > 32 && a < 127 && z > 32 && z < 127 ? v : v.trim();
  }
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return BAD;
}

/** Like {@link readText}, but a TRUE/FALSE in an identifier column is a mistake, not an id. */
export function readId(v: CellValue | undefined): string | Bad {
  return typeof v === 'boolean' ? BAD : readText(v);
}

/** A money or quantity cell as read: a number cell stays a number (exact, see exact.ts), text is parsed. */
export function readAmount(v: CellValue | undefined, decimalComma: boolean): RawNum | null | Bad {
  if (typeof v === 'number') return Number.isFinite(v) ? v : BAD;
  if (v === null || v === undefined) return null;
  const r = parseMoney(v, { decimalComma });
  return r.kind === 'ok' ? r.value : r.kind === 'blank' ? null : BAD;
}

/** One past the last serial, read once (an imported constant is a getter call under tsx). */
const SERIAL_END = MAX_SERIAL + 1;

/** A date cell as an Excel serial (time of day dropped); `order` reads 05/03/2024-style text (see parseDate). */
export function readDate(v: CellValue | undefined, order?: DayMonthOrder): Day | null | Bad {
  if (typeof v === 'number' && v >= 1 && v < SERIAL_END) return Math.floor(v);
  if (v === null || v === undefined) return null;
  const r = parseDate(v, order);
  return r.kind === 'ok' ? r.day : r.kind === 'blank' ? null : BAD;
}

const HUNDRED = new Decimal(100);
const rateMemo = new Map<number, Decimal>();
// Consecutive rows mostly repeat the rate: skip even the map lookup then.
let lastRate = Number.NaN;
let lastRateDec: Decimal | null = null;

/**
 * A tax rate as a fraction: `13%`, `0.13`, `13` (a plain number of 1 or more is read as percent points,
 * since no VAT rate is 100 % or more) and `免税`/`exempt` as 0. Number cells are memoised: a sheet has
 * only a handful of distinct rates, so a million rows share a handful of Decimals.
 */
export function readPercent(v: CellValue | undefined, decimalComma: boolean): Decimal | null | Bad {
  if (typeof v === 'number') {
    if (v === lastRate && lastRateDec !== null) return lastRateDec;
    if (!Number.isFinite(v)) return BAD;
    let d = rateMemo.get(v);
    if (d === undefined) {
      d = v >= 1 ? new Decimal(v).dividedBy(HUNDRED) : new Decimal(v);
      if (rateMemo.size < 10_000) rateMemo.set(v, d);
    }
    lastRate = v;
    lastRateDec = d;
    return d;
  }
  if (v === null || v === undefined) return null;
  if (typeof v !== 'string') return BAD;
  const s = v.normalize('NFKC').trim();
  if (s === '') return null;
  if (/^(免税|不征税|exempt|tax\s*exempt|zero\s*rated|零税率)$/i.test(s)) return new Decimal(0);
  const pct = s.endsWith('%');
  const r = parseMoney(pct ? s.slice(0, -1) : s, { decimalComma });
  if (r.kind !== 'ok') return BAD;
  return pct || r.value.gte(1) ? r.value.dividedBy(HUNDRED) : r.value;
}

/** The words of an enumeration, compared case-, space- and punctuation-insensitively. */
function enumKey(v: CellValue | undefined): string | null {
  if (typeof v !== 'string' && typeof v !== 'number') return null;
  return String(v).normalize('NFKC').toLowerCase().replace(/[\s\-_.,/·]+/g, '');
}

function enumReader<T>(table: Record<string, T>): (v: CellValue | undefined) => T | null | Bad {
  const map = new Map<string, T>(Object.entries(table));
  return (v) => {
    if (v === null || v === undefined || (typeof v === 'string' && v.trim() === '')) return null;
    const key = enumKey(v);
    if (key === null) return BAD;
    const hit = map.get(key);
    return hit === undefined ? BAD : hit;
  };
}

/** Status: Active / On Hold / Closed, 正常 / 冻结 / 关闭 and common variants. */
export const readStatus = enumReader<CustomerStatus>({
  active: 'active', open: 'active', normal: 'active', 正常: 'active', 启用: 'active', 有效: 'active', 活跃: 'active',
  onhold: 'on-hold', hold: 'on-hold', held: 'on-hold', blocked: 'on-hold', suspended: 'on-hold', frozen: 'on-hold',
  冻结: 'on-hold', 暂停: 'on-hold', 挂起: 'on-hold', 暂停交易: 'on-hold',
  closed: 'closed', inactive: 'closed', terminated: 'closed', 关闭: 'closed', 注销: 'closed', 停用: 'closed', 已关闭: 'closed',
});

/** Credit rating A–D (also `A级`, full-width letters). */
export const readRating = enumReader<CreditRating>({
  a: 'A', b: 'B', c: 'C', d: 'D', a级: 'A', b级: 'B', c级: 'C', d级: 'D',
});

/** Receipt method: Bank transfer / Cash / Bank acceptance bill / Other, and the Chinese terms. */
export const readMethod = enumReader<ReceiptMethod>({
  banktransfer: 'bank-transfer', bank: 'bank-transfer', transfer: 'bank-transfer', wire: 'bank-transfer',
  wiretransfer: 'bank-transfer', telegraphictransfer: 'bank-transfer', tt: 'bank-transfer', eft: 'bank-transfer',
  银行转账: 'bank-transfer', 转账: 'bank-transfer', 电汇: 'bank-transfer', 网银: 'bank-transfer', 银行汇款: 'bank-transfer',
  cash: 'cash', 现金: 'cash',
  bankacceptancebill: 'acceptance-bill', acceptancebill: 'acceptance-bill', bankacceptance: 'acceptance-bill',
  bankersacceptance: 'acceptance-bill', bill: 'acceptance-bill', draft: 'acceptance-bill',
  承兑汇票: 'acceptance-bill', 银行承兑汇票: 'acceptance-bill', 银承: 'acceptance-bill', 商业承兑汇票: 'acceptance-bill',
  商承: 'acceptance-bill', 汇票: 'acceptance-bill', 承兑: 'acceptance-bill',
  other: 'other', others: 'other', 其他: 'other', 其它: 'other',
});
