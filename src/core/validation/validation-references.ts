import { fieldBit, isUnreadable } from '../model/record-rows';
import { Table, TemplateRecords } from '../model/records';
import { report, RowCheck, RuleContext } from './validation-context';
import { comparableName, CustomerIndex } from './validation-customers';
import { MSG } from './validation-messages';

/** Imported functions used per row, read once: tsx (esbuild) makes each use of an import a getter call. */
const hot = { isUnreadable, comparableName };
type Referencing = 'sales' | 'receipts' | 'statement';

/**
 * `unknown-customer`: a Customer ID not in any customers sheet (only when the workbook has one), and
 * `name-mismatch` (warning): a Customer Name that does not agree with the customers sheet for the id.
 */
export function customerRefCheck<K extends Referencing>(
  kind: K,
  table: Table<TemplateRecords[K], K>,
  customers: CustomerIndex,
  ctx: RuleContext,
): RowCheck<TemplateRecords[K]> | null {
  const columns = table.mapping.columns as Partial<Record<string, number>>;
  if (columns.customerId === undefined) return null;
  const idBit = fieldBit(kind, 'customerId');
  const hasName = columns.customerName !== undefined;
  return (rec) => {
    const id = rec.customerId;
    if (id === '' || hot.isUnreadable(rec, idBit)) return;
    const customer = customers.get(id);
    if (customer === undefined) {
      report(ctx, kind, table, rec, 'customerId', 'unknown-customer', MSG.unknownCustomer, { value: id }, { actual: id });
      return;
    }
    if (!hasName) return;
    const name = (rec as unknown as { customerName?: string }).customerName ?? '';
    if (name === '' || customer.customerName === '' || name === customer.customerName) return;
    if (hot.comparableName(name) === hot.comparableName(customer.customerName)) return;
    report(ctx, kind, table, rec, 'customerName', 'name-mismatch', MSG.nameMismatch,
      { value: name, expected: customer.customerName, id }, { expected: customer.customerName, actual: name });
  };
}
