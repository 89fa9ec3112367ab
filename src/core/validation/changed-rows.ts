import { CellValue, columnLetter, parseCellAddress } from '../model/cells';
import { dayFromISO } from '../model/dates';
import { Finding, FindingCode } from '../model/findings';
import { parseTables } from '../model/parse-records';
import { Settings } from '../model/settings';
import { SheetMapping } from '../templates/templates';
import { runValidation } from './validation';

/**
 * The checks a rep's edit can be judged by from its own rows: what a cell holds (required, type, range,
 * list, pattern, tax id), a row's arithmetic and dates, and duplicates among the rows checked together.
 * A statement's running balance needs the rows above, a customer reference the customers sheet, and
 * header findings the whole sheet: those wait for the full check, so the live check never raises a
 * false alarm from seeing only part of the sheet.
 */
export const LIVE_CODES: ReadonlySet<FindingCode> = new Set<FindingCode>([
  'required', 'type', 'range', 'list', 'pattern', 'duplicate', 'tax-id', 'amount-calc', 'tax-calc', 'total-calc', 'date-order',
]);

/** One changed row: its 1-based Excel row and its cells from column A. */
export interface ChangedRow {
  row: number;
  cells: CellValue[];
}

/** A date no live check depends on (the as-of date only matters to matching and credit). */
const ANY_DAY = dayFromISO('2000-01-01') as number;

/**
 * Validates only the given rows of one template sheet, with the sheet's mapping found earlier: a small
 * grid (its header rows, then the changed rows) goes through the same parser and rules as a full check,
 * and the findings come back with the rows' real numbers and addresses. Linear in the rows given,
 * whatever the size of the sheet.
 */
export function checkChangedRows(mapping: SheetMapping, headerRows: readonly CellValue[][], rows: readonly ChangedRow[], settings: Settings): Finding[] {
  const top = mapping.headerRow;
  const grid: CellValue[][] = [];
  for (let r = 0; r < top; r++) grid.push([...(headerRows[r] ?? [])]);
  for (const row of rows) grid.push(row.cells.slice());
  // The rows' number and date forms and line-item grouping are the sheet's; its ignored rows are numbered for the whole sheet.
  const compact: SheetMapping = { ...mapping, ignored: undefined };
  const { parsed, findings: parseFindings } = parseTables([{ name: mapping.sheet, rows: grid }], [compact], settings);
  const { findings } = runValidation(parsed, settings, ANY_DAY);
  const out: Finding[] = [];
  for (const f of [...parseFindings, ...findings]) {
    if (!LIVE_CODES.has(f.code) || f.sheet !== mapping.sheet || f.row <= top) continue;
    const real = rows[f.row - top - 1];
    const at = parseCellAddress(f.cell);
    if (!real || !at) continue;
    out.push({ ...f, row: real.row, cell: `${columnLetter(at.col0)}${real.row}` });
  }
  return out;
}
