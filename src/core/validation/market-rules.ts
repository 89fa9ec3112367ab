import { Bilingual } from '../model/i18n';
import { Table, TemplateRecords } from '../model/records';
import { TemplateKind } from '../templates/templates';
import { CHECK_REQUIREMENTS, CheckName, skippedCheck } from './check-requirements';
import { USCC_CHARSET } from './tax-id';
import { RuleContext } from './validation-context';

/**
 * Rules that fit one market only — China's fapiao numbers (8 or 20 digits) and USCC tax ids — are
 * applied to a column only where its values fit them, or where the settings ask for them. An English
 * export's `INV0001` invoice ids then raise no `pattern` alarm, and the report says why the rule did
 * not run.
 */

/** Share of a column's values that must fit a market's form for its rule to apply. */
const FITS = 0.5;

const WHY: Record<'invoice-pattern' | 'tax-id', Bilingual> = {
  'invoice-pattern': {
    en: 'most of its Invoice No values are not 8- or 20-digit fapiao numbers (e.g. “{example}”); set the invoice-number rule to “fapiao” in the settings to apply it anyway.',
    zh: '其发票号码大多不是 8 位或 20 位的发票号（如“{example}”）；如需仍然校验，请在设置中将发票号码规则设为“fapiao”。',
  },
  'tax-id': {
    en: 'most of its Tax ID values are not 18-character unified social credit codes (e.g. “{example}”); set the tax-id rule to “uscc” in the settings to apply it anyway.',
    zh: '其税号大多不是 18 位统一社会信用代码（如“{example}”）；如需仍然校验，请在设置中将税号规则设为“uscc”。',
  },
};

/**
 * Shaped like a unified social credit code, typos included: 15 to 20 letters and digits, mostly of the
 * USCC alphabet. A VAT number such as GB123456789 or an EIN such as 12-3456789 is not.
 */
export function isUsccShaped(text: string): boolean {
  const code = text.normalize('NFKC').trim().toUpperCase();
  if (code.length < 15 || code.length > 20 || !/^[0-9A-Z]+$/.test(code)) return false;
  let inAlphabet = 0;
  for (const ch of code) if (USCC_CHARSET.indexOf(ch) >= 0) inAlphabet++;
  return inAlphabet >= code.length - 1;
}

/**
 * Whether a one-market rule runs on a table: `none` never, the market's name always, `auto` when at
 * least half of the column's non-blank values fit the form (a table with no values: yes, nothing to
 * flag). When it does not run, the skipped check is recorded with an example value.
 */
export function marketRuleApplies<K extends TemplateKind>(
  check: 'invoice-pattern' | 'tax-id',
  table: Table<TemplateRecords[K], K>,
  valueOf: (rec: TemplateRecords[K]) => string,
  fits: (value: string) => boolean,
  rule: string,
  ctx: RuleContext,
): boolean {
  if (rule === 'none') return false;
  if (rule !== 'auto') return true;
  let seen = 0;
  let fit = 0;
  let example = '';
  for (const rec of table.records) {
    const v = valueOf(rec);
    if (v === '') continue;
    seen++;
    if (fits(v)) fit++;
    else if (example === '') example = v;
  }
  if (seen === 0 || fit >= FITS * seen) return true;
  const req = CHECK_REQUIREMENTS.find((r) => r.check === (check as CheckName)) as (typeof CHECK_REQUIREMENTS)[number];
  const why: Bilingual = { en: WHY[check].en.replace('{example}', example), zh: WHY[check].zh.replace('{example}', example) };
  ctx.skipped.push(skippedCheck(req, table.mapping.sheet, 'data-does-not-fit', [], ctx.lang, why));
  return false;
}

/** Digits only, within two of an allowed length (a slip of a digit or two is still a fapiao number to check). */
export function fitsFapiao(lengths: ReadonlySet<number>): (value: string) => boolean {
  return (v) => {
    if (!/^\d+$/.test(v)) return false;
    for (const n of lengths) if (Math.abs(v.length - n) <= 2) return true;
    return false;
  };
}


