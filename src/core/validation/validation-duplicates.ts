import { cellAddress } from '../model/cells';
import { firstOccurrences } from '../model/string-index';
import { SaleRecord, Table, TemplateRecords } from '../model/records';
import { SheetMapping, TemplateKind } from '../templates/templates';
import { continuesLine } from '../model/line-items';
import { report, RowCheck, RuleContext } from './validation-context';
import { MSG } from './validation-messages';

/**
 * `duplicate`: a value that must be unique (Customer ID, Document No, Invoice No, Receipt No) seen again.
 * Every occurrence after the first is flagged, across all sheets of the template, and the message names
 * the first one's cell. Blank values are `required`'s business, not duplicates.
 *
 * The values are gathered during the sheets' single pass ({@link DuplicateCheck.collect}) and judged
 * together at the end ({@link DuplicateCheck.finish}), with the typed-array index of string-index.ts.
 */
export class DuplicateCheck<K extends TemplateKind> {
  private readonly recs: TemplateRecords[K][];
  private readonly keys: string[];
  private readonly tableAt: Int32Array;
  private readonly tables: Table<TemplateRecords[K], K>[] = [];
  private readonly cols: number[] = [];
  private count = 0;

  constructor(
    private readonly kind: K,
    tables: Table<TemplateRecords[K], K>[],
    private readonly field: string,
    private readonly valueOf: (rec: TemplateRecords[K]) => string,
    private readonly ctx: RuleContext,
  ) {
    let total = 0;
    for (const t of tables) {
      const col = (t.mapping.columns as Partial<Record<string, number>>)[field];
      if (col === undefined) continue;
      this.tables.push(t);
      this.cols.push(col);
      total += t.records.length;
    }
    this.recs = new Array(total);
    this.keys = new Array(total);
    this.tableAt = new Int32Array(total);
  }

  /**
   * The per-row collector for one sheet; null when the sheet has no such column. On a line-item sheet
   * grouped by this field, the lines after an invoice's first are the same document, not repeats.
   */
  collect(table: Table<TemplateRecords[K], K>): RowCheck<TemplateRecords[K]> | null {
    const index = this.tables.indexOf(table);
    if (index < 0) return null;
    const lines = (table.mapping as SheetMapping).lineItems;
    if (lines && lines.field === this.field) {
      let prev: SaleRecord | null = null;
      return (rec) => {
        const sale = rec as unknown as SaleRecord;
        const same = continuesLine(prev, sale, lines.field);
        prev = sale;
        if (same) return;
        const i = this.count++;
        this.recs[i] = rec;
        this.keys[i] = this.valueOf(rec);
        this.tableAt[i] = index;
      };
    }
    return (rec) => {
      const i = this.count++;
      this.recs[i] = rec;
      this.keys[i] = this.valueOf(rec);
      this.tableAt[i] = index;
    };
  }

  /** Reports every repeat, once all sheets were collected. */
  finish(): void {
    const keys = this.keys.length === this.count ? this.keys : this.keys.slice(0, this.count);
    const first = firstOccurrences(keys);
    for (let i = 0; i < first.length; i++) {
      const f = first[i];
      if (f < 0) continue;
      const prior = this.recs[f];
      const where = qualifiedAddress(prior.sheet, cellAddress(prior.row, this.cols[this.tableAt[f]]));
      const table = this.tables[this.tableAt[i]];
      report(this.ctx, this.kind, table, this.recs[i], this.field, 'duplicate', MSG.duplicate, { value: keys[i], first: where }, { actual: keys[i] });
    }
  }
}

/** "Sales!B3", quoting sheet names that need it the way Excel does ('My Sales'!B3). */
export function qualifiedAddress(sheet: string, cell: string): string {
  return /^[A-Za-z_\u4e00-\u9fff][\w\u4e00-\u9fff.]*$/.test(sheet) ? `${sheet}!${cell}` : `'${sheet.replace(/'/g, "''")}'!${cell}`;
}
