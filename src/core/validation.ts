import { Day } from './dates';
import { Finding } from './findings';
import { FindingSink } from './finding-sink';
import { ParsedWorkbook } from './records';
import { Settings } from './settings';
import { checkColumns } from './validation-columns';
import { ruleContext } from './validation-context';
import { checkCustomerRows, customerIndex } from './validation-customers';
import { checkDuplicates } from './validation-duplicates';
import { checkReceiptRows } from './validation-receipts';
import { checkCustomerRefs } from './validation-references';
import { checkRequired } from './validation-required';
import { checkSaleRows, salesRules } from './validation-sales';
import { checkStatementBalances } from './validation-statement';

/**
 * Runs every validation rule of DESIGN.md over the typed records: header findings (`unmapped-column`,
 * missing required columns), `required`, `duplicate` (Customer ID, Document No, Invoice No, Receipt No),
 * `unknown-customer` and `name-mismatch` (when a customers sheet exists), the customers rules (`tax-id`,
 * `range`, `pattern`), the sales rules (`pattern`, `range`, `list`, `amount-calc`, `tax-calc`,
 * `total-calc`, `date-order`), the receipts rule (`range`) and the statement's `balance-calc`. The
 * cell-level `type`, `list` and `pattern` findings of unreadable cells come from the parser. Linear in
 * the number of rows.
 */
export function validateWorkbook(parsed: ParsedWorkbook, settings: Settings, _asOf: Day): Finding[] {
  const sink = new FindingSink(settings.lang);
  const ctx = ruleContext(settings, sink);
  checkColumns(parsed, ctx);

  for (const t of parsed.customers) {
    checkRequired('customers', t, ctx);
    checkCustomerRows(t, ctx);
  }
  checkDuplicates('customers', parsed.customers, 'customerId', ctx, (r) => r.customerId);

  const customers = customerIndex(parsed);
  const rules = salesRules(ctx);
  for (const t of parsed.sales) {
    checkRequired('sales', t, ctx);
    if (customers) checkCustomerRefs('sales', t, customers, ctx);
    checkSaleRows(t, rules, ctx);
  }
  checkDuplicates('sales', parsed.sales, 'docNo', ctx, (r) => r.docNo);
  checkDuplicates('sales', parsed.sales, 'invoiceNo', ctx, (r) => r.invoiceNo);

  for (const t of parsed.receipts) {
    checkRequired('receipts', t, ctx);
    if (customers) checkCustomerRefs('receipts', t, customers, ctx);
    checkReceiptRows(t, ctx);
  }
  checkDuplicates('receipts', parsed.receipts, 'receiptNo', ctx, (r) => r.receiptNo);

  for (const t of parsed.statements) {
    checkRequired('statement', t, ctx);
    if (customers) checkCustomerRefs('statement', t, customers, ctx);
    checkStatementBalances(t, ctx);
  }
  return sink.findings;
}
