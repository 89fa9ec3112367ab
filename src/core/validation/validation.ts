import { Day } from '../model/dates';
import { Finding } from '../model/findings';
import { FindingSink } from '../model/finding-sink';
import { ParsedWorkbook } from '../model/records';
import { Settings } from '../model/settings';
import { SkippedCheck, skippedForColumns } from './check-requirements';
import { checkColumns } from './validation-columns';
import { RowCheck, ruleContext } from './validation-context';
import { customerCheck, customerIndex } from './validation-customers';
import { DuplicateCheck } from './validation-duplicates';
import { receiptCheck } from './validation-receipts';
import { customerRefCheck } from './validation-references';
import { requiredCheck } from './validation-required';
import { saleCheck, salesRules } from './validation-sales';
import { balanceCheck } from './validation-statement';

/** Runs a sheet's rules in one pass: each record is visited once, which matters at a million rows. */
function runRows<R>(records: readonly R[], checks: (RowCheck<R> | null)[]): void {
  const list = checks.filter((c): c is RowCheck<R> => c !== null);
  const n = list.length;
  if (n === 0) return;
  for (const rec of records) for (let i = 0; i < n; i++) list[i](rec);
}

/**
 * Runs every validation rule of DESIGN.md over the typed records: header findings (`unmapped-column`,
 * missing required columns), `required`, `duplicate` (Customer ID, Document No, Invoice No, Receipt No),
 * `unknown-customer` and `name-mismatch` (when a customers sheet exists), the customers rules (`tax-id`,
 * `range`, `pattern`), the sales rules (`pattern`, `range`, `list`, `amount-calc`, `tax-calc`,
 * `total-calc`, `date-order`), the receipts rule (`range`) and the statement's `balance-calc`. The
 * cell-level `type`, `list` and `pattern` findings of unreadable cells come from the parser. Linear in
 * the number of rows.
 */
export function validateWorkbook(parsed: ParsedWorkbook, settings: Settings, asOf: Day): Finding[] {
  return runValidation(parsed, settings, asOf).findings;
}

/**
 * {@link validateWorkbook}, also naming the checks that did not run: for want of a mapped column (see
 * check-requirements.ts), for want of a customers sheet, or because the data does not fit a rule made
 * for one market (fapiao numbers, USCC) that the settings do not ask for.
 */
export function runValidation(parsed: ParsedWorkbook, settings: Settings, _asOf: Day): { findings: Finding[]; skipped: SkippedCheck[] } {
  const sink = new FindingSink(settings.lang);
  const ctx = ruleContext(settings, sink);
  checkColumns(parsed, ctx);

  const customerIds = new DuplicateCheck('customers', parsed.customers, 'customerId', (r) => r.customerId, ctx);
  for (const t of parsed.customers) {
    runRows(t.records, [requiredCheck('customers', t, ctx), customerCheck(t, ctx), customerIds.collect(t)]);
  }
  customerIds.finish();

  const customers = customerIndex(parsed);
  const rules = salesRules(ctx);
  const docNos = new DuplicateCheck('sales', parsed.sales, 'docNo', (r) => r.docNo, ctx);
  const invoiceNos = new DuplicateCheck('sales', parsed.sales, 'invoiceNo', (r) => r.invoiceNo, ctx);
  for (const t of parsed.sales) {
    runRows(t.records, [
      requiredCheck('sales', t, ctx),
      customers ? customerRefCheck('sales', t, customers, ctx) : null,
      saleCheck(t, rules, ctx),
      docNos.collect(t),
      invoiceNos.collect(t),
    ]);
  }
  docNos.finish();
  invoiceNos.finish();

  const receiptNos = new DuplicateCheck('receipts', parsed.receipts, 'receiptNo', (r) => r.receiptNo, ctx);
  for (const t of parsed.receipts) {
    runRows(t.records, [
      requiredCheck('receipts', t, ctx),
      customers ? customerRefCheck('receipts', t, customers, ctx) : null,
      receiptCheck(t, ctx),
      receiptNos.collect(t),
    ]);
  }
  receiptNos.finish();

  for (const t of parsed.statements) {
    runRows(t.records, [
      requiredCheck('statement', t, ctx),
      customers ? customerRefCheck('statement', t, customers, ctx) : null,
      balanceCheck(t, ctx),
    ]);
  }
  return { findings: sink.findings, skipped: [...skippedForColumns(parsed, settings.lang), ...ctx.skipped] };
}
