import Decimal from 'decimal.js';
import { dayToISO } from '../model/dates';
import {
  diffWithin, isFx, mulRoundCents, Num, numAdd, numMul, numOf, numRoundCents, numWithin, RawNum, rawSign, scaledInt, scaleOf,
} from '../model/exact';
import { fieldBit, SaleRow } from '../model/record-rows';
import { SaleRecord, Table } from '../model/records';
import { calcTexts, moneyText, report, RowCheck, RuleContext } from './validation-context';
import { MSG } from './validation-messages';
import { fitsFapiao, marketRuleApplies } from './market-rules';

/** Imported functions used per row, read once: tsx (esbuild) makes each use of an import a getter call. */
const hot = { SaleRow, scaleOf, scaledInt, mulRoundCents, diffWithin, rawSign, isFx, numOf, numRoundCents, numMul, numWithin, numAdd };
const BIT = {
  quantity: fieldBit('sales', 'quantity'),
  unitPrice: fieldBit('sales', 'unitPrice'),
  amount: fieldBit('sales', 'amount'),
  taxRate: fieldBit('sales', 'taxRate'),
  tax: fieldBit('sales', 'tax'),
  total: fieldBit('sales', 'total'),
};

/** Settings-derived lookups shared by every sales sheet of a run. */
export interface SalesRules {
  allowedRates: Decimal[];
  allowedRatesText: string;
  invoiceLengths: Set<number>;
  invoiceLengthsText: string;
  /** Memo by Decimal identity: the parser shares one Decimal per distinct rate cell value. */
  rateOk: Map<Decimal, boolean>;
  rateNum: Map<Decimal, Num>;
}

/** Reads the tax-rate list and invoice-number lengths of the settings once. */
export function salesRules(ctx: RuleContext): SalesRules {
  const allowedRates: Decimal[] = [];
  for (const r of ctx.settings.taxRates ?? []) {
    try {
      allowedRates.push(new Decimal(r));
    } catch {
      // A malformed rate in the settings allows nothing; the other rates still apply.
    }
  }
  const lengths = (ctx.settings.invoiceNoLengths ?? []).filter((n) => Number.isInteger(n) && n > 0);
  return {
    allowedRates,
    allowedRatesText: allowedRates.map((d) => `${d.times(100).toFixed()}%`).join(', '),
    invoiceLengths: new Set(lengths),
    invoiceLengthsText: lengths.join(ctx.lang === 'zh' ? '或' : ' or '),
    rateOk: new Map(),
    rateNum: new Map(),
  };
}

function percentText(d: Decimal): string {
  return `${d.times(100).toFixed()}%`;
}

function allDigits(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** Scale of a raw value for the fast path; -1 sends the row to the Decimal path. */
function scaleOfRaw(r: RawNum | null): number {
  return typeof r === 'number' ? hot.scaleOf(r) : -1;
}

/**
 * The sales rules on each row: `pattern` (Invoice No digits and length, where the column holds fapiao
 * numbers or the settings ask for the rule: see market-rules.ts), `range` (negative quantity on a
 * line that is no credit note, negative unit price), `list` (tax rate), `amount-calc` (Amount = Quantity ×
 * Unit Price), `tax-calc` (Tax = Amount × Tax Rate), `total-calc` (Total = Amount + Tax, or Amount +
 * Amount × Tax Rate without a Tax value), `date-order` (Due Date before Date). Computed values are
 * rounded to the cent and compared within the rounding tolerance; fields that failed to parse are null
 * and skipped. Each calculation first tries the allocation-free integer path of exact.ts; a row it
 * cannot settle as correct is decided (and reported) by the exact Decimal path.
 */
export function saleCheck(table: Table<SaleRecord, 'sales'>, rules: SalesRules, ctx: RuleContext): RowCheck<SaleRecord> {
  const tol = ctx.tolerance;
  const tolFx = hot.isFx(tol) ? tol : null;
  const cols = table.mapping.columns;
  const hasInvoice = cols.invoiceNo !== undefined &&
    marketRuleApplies('invoice-pattern', table, (r) => r.invoiceNo, fitsFapiao(rules.invoiceLengths), ctx.settings.invoiceNoRule ?? 'auto', ctx);
  return (rec) => {
    const row = rec instanceof hot.SaleRow ? rec : null;
    const bad = row ? row.unreadable : 0;
    const rq: RawNum | null = row ? row.rawQuantity : rec.quantity;
    const rp: RawNum | null = row ? row.rawUnitPrice : rec.unitPrice;
    const ra: RawNum | null = row ? row.rawAmount : rec.amount;
    const rt: RawNum | null = row ? row.rawTax : rec.tax;
    const rg: RawNum | null = row ? row.rawTotal : rec.total;
    const rate = (bad & BIT.taxRate) === 0 ? rec.taxRate : null;

    if (hasInvoice && rec.invoiceNo !== '') {
      const inv = rec.invoiceNo;
      if (!allDigits(inv)) {
        report(ctx, 'sales', table, rec, 'invoiceNo', 'pattern', MSG.invoiceDigits, { value: inv, lengths: rules.invoiceLengthsText }, { actual: inv });
      } else if (!rules.invoiceLengths.has(inv.length)) {
        report(ctx, 'sales', table, rec, 'invoiceNo', 'pattern', MSG.invoiceLength,
          { value: inv, length: inv.length, lengths: rules.invoiceLengthsText }, { actual: inv });
      }
    }

    if (rq !== null && hot.rawSign(rq) < 0 && !(ra !== null && hot.rawSign(ra) < 0)) {
      report(ctx, 'sales', table, rec, 'quantity', 'range', MSG.negativeQuantity, {}, { actual: moneyText(hot.numOf(rq)) });
    }
    if (rp !== null && hot.rawSign(rp) < 0) {
      report(ctx, 'sales', table, rec, 'unitPrice', 'range', MSG.negativeNotAllowed, {}, { actual: moneyText(hot.numOf(rp)) });
    }

    const as = tolFx ? scaleOfRaw(ra) : -1;
    const an = as >= 0 ? hot.scaledInt(ra as number, as) : 0;

    if (ra !== null && rq !== null && rp !== null) {
      let ok: boolean | null = null;
      const qs = as >= 0 ? scaleOfRaw(rq) : -1;
      const ps = qs >= 0 ? scaleOfRaw(rp) : -1;
      if (ps >= 0 && tolFx) {
        const e = hot.mulRoundCents(hot.scaledInt(rq as number, qs), qs, hot.scaledInt(rp as number, ps), ps);
        if (e === e) ok = hot.diffWithin(an, as, e, 2, 0, 0, tolFx.n, tolFx.s);
      }
      if (ok !== true) {
        const a = hot.numOf(ra);
        const expected = hot.numRoundCents(hot.numMul(hot.numOf(rq), hot.numOf(rp)));
        if (!hot.numWithin(a, expected, tol)) {
          report(ctx, 'sales', table, rec, 'amount', 'amount-calc', MSG.amountCalc,
            ...calcTexts(expected, a));
        }
      }
    }

    let rateNum: Num | null = null;
    if (rate !== null) {
      let ok = rules.rateOk.get(rate);
      if (ok === undefined) {
        ok = rules.allowedRates.some((d) => d.eq(rate));
        if (rules.rateOk.size < 10_000) rules.rateOk.set(rate, ok);
      }
      if (!ok) {
        report(ctx, 'sales', table, rec, 'taxRate', 'list', MSG.taxRateList,
          { value: percentText(rate), allowed: rules.allowedRatesText }, { actual: percentText(rate) });
      }
      rateNum = rules.rateNum.get(rate) ?? null;
      if (rateNum === null) {
        rateNum = hot.numOf(rate);
        if (rules.rateNum.size < 10_000) rules.rateNum.set(rate, rateNum);
      }
    }
    const rateFx = rateNum !== null && hot.isFx(rateNum) ? rateNum : null;

    // Expected tax in cents on the fast path (NaN when unknown there).
    let taxCents = NaN;
    if (ra !== null && rateNum !== null) {
      if (as >= 0 && rateFx) taxCents = hot.mulRoundCents(an, as, rateFx.n, rateFx.s);
      if (rt !== null) {
        const ts = taxCents === taxCents ? scaleOfRaw(rt) : -1;
        const ok = ts >= 0 && tolFx ? hot.diffWithin(hot.scaledInt(rt as number, ts), ts, taxCents, 2, 0, 0, tolFx.n, tolFx.s) : null;
        if (ok !== true) {
          const t = hot.numOf(rt);
          const expectedTax = hot.numRoundCents(hot.numMul(hot.numOf(ra), rateNum));
          if (!hot.numWithin(t, expectedTax, tol)) {
            report(ctx, 'sales', table, rec, 'tax', 'tax-calc', MSG.taxCalc,
              ...calcTexts(expectedTax, t));
          }
        }
      }
    }

    // Total = Amount + Tax as written, else + Amount × Tax Rate when the Tax cell is blank (not unreadable).
    const taxKnown = rt !== null || (rateNum !== null && (bad & BIT.tax) === 0);
    if (rg !== null && ra !== null && taxKnown) {
      let ok: boolean | null = null;
      const gs = as >= 0 ? scaleOfRaw(rg) : -1;
      if (gs >= 0 && tolFx) {
        const gn = hot.scaledInt(rg as number, gs);
        if (rt !== null) {
          const ts = scaleOfRaw(rt);
          if (ts >= 0) ok = hot.diffWithin(gn, gs, an, as, hot.scaledInt(rt as number, ts), ts, tolFx.n, tolFx.s);
        } else if (taxCents === taxCents) ok = hot.diffWithin(gn, gs, an, as, taxCents, 2, tolFx.n, tolFx.s);
      }
      if (ok !== true) {
        const a = hot.numOf(ra);
        const taxPart = rt !== null ? hot.numOf(rt) : hot.numRoundCents(hot.numMul(a, rateNum as Num));
        const g = hot.numOf(rg);
        const expectedTotal = hot.numAdd(a, taxPart);
        if (!hot.numWithin(g, expectedTotal, tol)) {
          report(ctx, 'sales', table, rec, 'total', 'total-calc', MSG.totalCalc,
            ...calcTexts(expectedTotal, g));
        }
      }
    }

    if (rec.dueDate !== null && rec.date !== null && rec.dueDate < rec.date) {
      report(ctx, 'sales', table, rec, 'dueDate', 'date-order', MSG.dateOrder,
        { actual: dayToISO(rec.dueDate), date: dayToISO(rec.date) }, { expected: `>= ${dayToISO(rec.date)}`, actual: dayToISO(rec.dueDate) });
    }
  };
}
