import { rawMoney, fieldBit, isUnreadable } from '../model/record-rows';
import { Table, TemplateRecords } from '../model/records';
import { templateFields } from '../templates/template-fields';
import { TemplateKind } from '../templates/templates';
import { report, RowCheck, RuleContext } from './validation-context';
import { MSG } from './validation-messages';

/** Imported functions used per row, read once: tsx (esbuild) makes each use of an import a getter call. */
const hot = { rawMoney, isUnreadable };
/**
 * `required`: a blank cell in a required column (Customer ID, Document No, Amount…). A cell that was not
 * blank but could not be read already has its `type` finding, so it is not reported twice.
 */
export function requiredCheck<K extends TemplateKind>(kind: K, table: Table<TemplateRecords[K], K>, ctx: RuleContext): RowCheck<TemplateRecords[K]> | null {
  const columns = table.mapping.columns as Partial<Record<string, number>>;
  const fields = templateFields(kind)
    .filter((d) => d.required && columns[d.key] !== undefined)
    .map((d) => ({ key: d.key as string, bit: fieldBit(kind, d.key), get: accessor(d.key, d.type === 'money' || d.type === 'quantity') }));
  if (fields.length === 0) return null;
  return (rec) => {
    for (const f of fields) {
      const v = f.get(rec);
      if (v !== null && v !== undefined && v !== '') continue;
      if (hot.isUnreadable(rec, f.bit)) continue;
      report(ctx, kind, table, rec, f.key, 'required', MSG.required);
    }
  };
}

type Bag = Record<string, unknown>;

/** Plain readers of the required fields: a fixed property name per closure keeps each load monomorphic. */
const READERS: Record<string, (rec: object) => unknown> = {
  customerId: (r) => (r as Bag).customerId,
  customerName: (r) => (r as Bag).customerName,
  date: (r) => (r as Bag).date,
  docNo: (r) => (r as Bag).docNo,
  receiptNo: (r) => (r as Bag).receiptNo,
};

/** The required money field (Amount) read raw from parser records, as the interface's Decimal otherwise. */
function amountOf(rec: object): unknown {
  const raw = (rec as Bag).rawAmount;
  return raw !== undefined ? raw : (rec as Bag).amount;
}

/** Reads one field without building a Decimal (money fields come raw from parser records). */
function accessor(key: string, money: boolean): (rec: object) => unknown {
  if (money) return key === 'amount' ? amountOf : (rec) => hot.rawMoney(rec, key);
  return READERS[key] ?? ((rec) => (rec as Bag)[key]);
}
