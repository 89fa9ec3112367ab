import { fieldBit, isUnreadable } from './record-rows';
import { Table, TemplateRecords } from './records';
import { report, RuleContext } from './validation-context';
import { comparableName, CustomerIndex } from './validation-customers';
import { MSG } from './validation-messages';

type Referencing = 'sales' | 'receipts' | 'statement';

/**
 * `unknown-customer`: a Customer ID not in any customers sheet (only when the workbook has one), and
 * `name-mismatch` (warning): a Customer Name that does not agree with the customers sheet for the id.
 */
export function checkCustomerRefs<K extends Referencing>(
  kind: K,
  table: Table<TemplateRecords[K], K>,
  customers: CustomerIndex,
  ctx: RuleContext,
): void {
  const columns = table.mapping.columns as Partial<Record<string, number>>;
  if (columns.customerId === undefined) return;
  const idBit = fieldBit(kind, 'customerId');
  const hasName = columns.customerName !== undefined;
  for (const rec of table.records) {
    const id = rec.customerId;
    if (id === '' || isUnreadable(rec, idBit)) continue;
    const customer = customers.get(id);
    if (customer === undefined) {
      report(ctx, kind, table, rec, 'customerId', 'unknown-customer', MSG.unknownCustomer, { value: id }, { actual: id });
      continue;
    }
    if (!hasName) continue;
    const name = (rec as unknown as { customerName?: string }).customerName ?? '';
    if (name === '' || customer.customerName === '' || name === customer.customerName) continue;
    if (comparableName(name) === comparableName(customer.customerName)) continue;
    report(ctx, kind, table, rec, 'customerName', 'name-mismatch', MSG.nameMismatch,
      { value: name, expected: customer.customerName, id }, { expected: customer.customerName, actual: name });
  }
}
