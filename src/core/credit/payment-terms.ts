import { CellValue, isCellError } from '../model/cells';
import { Day, endOfMonth } from '../model/dates';
import { PaymentTerms } from '../model/records';

/** Outcome of reading a payment-terms cell. */
export type TermsParse =
  | { kind: 'blank' }
  | { kind: 'ok'; terms: PaymentTerms }
  | { kind: 'invalid'; text: string };

/** Longest credit period accepted; anything longer is almost surely a typo (a date, an amount). */
export const MAX_TERM_DAYS = 3650;

/** Words meaning "pay before or on delivery": net 0. */
const CASH_WORDS = new Set([
  'cod', 'cashondelivery', 'cia', 'cashinadvance', 'prepaid', 'prepayment', 'dueonreceipt', 'immediate', 'cash',
  '款到发货', '货到付款', '现结', '现款', '现金结算', '预付', '预付款', '先款后货', '即付',
]);

const NET = /^(?:net|n)?(\d{1,5})(?:days?|d|天|日)?(?:net)?$/;
const NET_ZH = /^(?:账期|信用期)?(\d{1,5})(?:天|日)(?:账期)?$/;
const EOM = /^(?:月结|eom|endofmonth|monthend)(?:plus)?(\d{1,5})?(?:days?|d|天|日)?$/;
const EOM_AFTER = /^(?:net|n)?(\d{1,5})(?:days?|d|天|日)?(?:eom|endofmonth|月结)$/;

function termsText(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[\s\-_.,:+()]/g, '');
}

/**
 * Reads payment terms: `Net 30`, `N30`, `30`, `30 days`, `30天` (30 days from the invoice date);
 * `月结30天`, `EOM 30`, `30 EOM`, `月结` (end of the invoice's month plus the days); `COD`, `款到发货`,
 * `货到付款` (0 days). Anything else is `invalid`, to be reported rather than guessed.
 */
export function parsePaymentTerms(v: CellValue | undefined): TermsParse {
  if (v === null || v === undefined) return { kind: 'blank' };
  if (isCellError(v)) return { kind: 'invalid', text: v.error };
  if (typeof v === 'boolean') return { kind: 'invalid', text: String(v).toUpperCase() };
  if (typeof v === 'number') {
    return Number.isInteger(v) && v >= 0 && v <= MAX_TERM_DAYS
      ? { kind: 'ok', terms: { kind: 'net', days: v } }
      : { kind: 'invalid', text: String(v) };
  }
  const raw = v.trim();
  if (raw === '') return { kind: 'blank' };
  if (/^[-\u2212\uFF0D]/.test(raw)) return { kind: 'invalid', text: raw };
  const s = termsText(raw);
  if (CASH_WORDS.has(s)) return { kind: 'ok', terms: { kind: 'net', days: 0 } };
  let m = EOM.exec(s) ?? EOM_AFTER.exec(s);
  if (m) return withDays('eom', m[1] ?? '0', raw);
  m = NET.exec(s) ?? NET_ZH.exec(s);
  if (m) return withDays('net', m[1], raw);
  return { kind: 'invalid', text: raw };
}

function withDays(kind: PaymentTerms['kind'], digits: string, raw: string): TermsParse {
  const days = Number(digits);
  return days <= MAX_TERM_DAYS ? { kind: 'ok', terms: { kind, days } } : { kind: 'invalid', text: raw };
}

/** The due date of an invoice dated `day` under `terms`: net counts from the day, EOM from its month's end. */
export function dueDateFor(day: Day, terms: PaymentTerms): Day {
  return (terms.kind === 'eom' ? endOfMonth(day) : day) + terms.days;
}

/** Terms as a short text for messages and statements: "Net 30", "EOM 30" / "30天", "月结30天". */
export function formatTerms(terms: PaymentTerms, lang: 'en' | 'zh'): string {
  if (lang === 'zh') return terms.kind === 'eom' ? `月结${terms.days}天` : terms.days === 0 ? '款到发货' : `${terms.days}天`;
  return terms.kind === 'eom' ? `EOM ${terms.days}` : terms.days === 0 ? 'COD' : `Net ${terms.days}`;
}
