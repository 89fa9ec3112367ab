import Decimal from 'decimal.js';
import { rawSign } from '../model/exact';
import { CustomerRow, fieldBit, isUnreadable, rawMoney } from '../model/record-rows';
import { CustomerRecord, ParsedWorkbook, Table } from '../model/records';
import { checkUscc } from './tax-id';
import { report, RowCheck, RuleContext } from './validation-context';
import { MSG } from './validation-messages';
import { isUsccShaped, marketRuleApplies } from './market-rules';

/** What the other sheets need to know about a customer: the first record with the id. */
export type CustomerIndex = Map<string, CustomerRecord>;

/** Customers by id across every customers sheet (first occurrence wins); null when there is no such sheet. */
export function customerIndex(parsed: ParsedWorkbook): CustomerIndex | null {
  if (parsed.customers.length === 0) return null;
  const index: CustomerIndex = new Map();
  for (const t of parsed.customers) for (const c of t.records) if (c.customerId !== '' && !index.has(c.customerId)) index.set(c.customerId, c);
  return index;
}

const TAX_ID_TEXT = {
  length: MSG.taxIdLength, charset: MSG.taxIdCharset, 'check-char': MSG.taxIdCheck, 'org-check': MSG.taxIdOrg,
} as const;

/**
 * An e-mail address as a person would type it: one @, something before it, a dotted domain after it,
 * no spaces. Several addresses may be separated by `;` or `,`.
 */
export function isEmailList(text: string): boolean {
  const parts = text.split(/[;,，；]/).map((p) => p.trim()).filter((p) => p !== '');
  return parts.length > 0 && parts.every((p) => /^[^\s@]+@[^\s@.]+(?:\.[^\s@.]+)+$/.test(p));
}

/** `tax-id` (USCC with check characters, where the column holds USCC-shaped ids or the settings ask: market-rules.ts), `range` (negative credit limit), `pattern` (e-mail). */
export function customerCheck(table: Table<CustomerRecord, 'customers'>, ctx: RuleContext): RowCheck<CustomerRecord> {
  const limitBit = fieldBit('customers', 'creditLimit');
  const checkTaxId = table.mapping.columns.taxId !== undefined &&
    marketRuleApplies('tax-id', table, (r) => r.taxId, isUsccShaped, ctx.settings.taxIdRule ?? 'auto', ctx);
  return (rec) => {
    if (checkTaxId && rec.taxId !== '') {
      const verdict = checkUscc(rec.taxId);
      if (verdict !== 'ok') {
        report(ctx, 'customers', table, rec, 'taxId', 'tax-id', TAX_ID_TEXT[verdict],
          { value: rec.taxId, length: rec.taxId.length }, { actual: rec.taxId });
      }
    }
    const limit = rec instanceof CustomerRow ? rec.rawCreditLimit : rawMoney(rec, 'creditLimit');
    if (limit !== null && !isUnreadable(rec, limitBit) && rawSign(limit) < 0) {
      report(ctx, 'customers', table, rec, 'creditLimit', 'range', MSG.negativeNotAllowed, {},
        { actual: (typeof limit === 'number' ? new Decimal(limit) : limit).toFixed() });
    }
    if (rec.email !== '' && !isEmailList(rec.email)) {
      report(ctx, 'customers', table, rec, 'email', 'pattern', MSG.email, { value: rec.email }, { actual: rec.email });
    }
  };
}

const nameMemo = new Map<string, string>();

/** A customer name compared loosely: NFKC, case, spaces and punctuation ignored (（）/() alike). */
export function comparableName(name: string): string {
  let out = nameMemo.get(name);
  if (out === undefined) {
    out = name.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
    if (nameMemo.size < 100_000) nameMemo.set(name, out);
  }
  return out;
}
