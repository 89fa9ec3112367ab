import { cellAddress } from './cells';
import { firstOccurrences } from './string-index';
import { Table, TemplateRecords } from './records';
import { TemplateKind } from './templates';
import { report, RuleContext } from './validation-context';
import { MSG } from './validation-messages';

/**
 * `duplicate`: a value that must be unique (Customer ID, Document No, Invoice No, Receipt No) seen again.
 * Every occurrence after the first is flagged, across all sheets of the template, and the message names
 * the first one's cell. Blank values are `required`'s business, not duplicates.
 */
export function checkDuplicates<K extends TemplateKind>(
  kind: K,
  tables: Table<TemplateRecords[K], K>[],
  field: string,
  ctx: RuleContext,
  valueOf: (rec: TemplateRecords[K]) => string = (rec) => String((rec as unknown as Record<string, unknown>)[field] ?? ''),
): void {
  const cols: number[] = [];
  const tableOf: Table<TemplateRecords[K], K>[] = [];
  let total = 0;
  for (const table of tables) {
    const col = (table.mapping.columns as Partial<Record<string, number>>)[field];
    if (col === undefined) continue;
    cols.push(col);
    tableOf.push(table);
    total += table.records.length;
  }
  const recs: TemplateRecords[K][] = new Array(total);
  const keys: string[] = new Array(total);
  let k = 0;
  for (const table of tableOf) {
    for (const rec of table.records) {
      recs[k] = rec;
      keys[k++] = valueOf(rec);
    }
  }
  const first = firstOccurrences(keys);
  for (let i = 0; i < first.length; i++) {
    const f = first[i];
    if (f < 0) continue;
    const prior = recs[f];
    const priorTable = tableOf.find((t) => t.mapping.sheet === prior.sheet) as Table<TemplateRecords[K], K>;
    const priorCol = cols[tableOf.indexOf(priorTable)];
    const table = tableOf.find((t) => t.mapping.sheet === recs[i].sheet) as Table<TemplateRecords[K], K>;
    const where = qualifiedAddress(prior.sheet, cellAddress(prior.row, priorCol));
    report(ctx, kind, table, recs[i], field, 'duplicate', MSG.duplicate, { value: keys[i], first: where }, { actual: keys[i] });
  }
}

/** "Sales!B3", quoting sheet names that need it the way Excel does ('My Sales'!B3). */
export function qualifiedAddress(sheet: string, cell: string): string {
  return /^[A-Za-z_\u4e00-\u9fff][\w\u4e00-\u9fff.]*$/.test(sheet) ? `${sheet}!${cell}` : `'${sheet.replace(/'/g, "''")}'!${cell}`;
}
