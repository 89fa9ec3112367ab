import { CellValue, SheetGrid } from './cells';
import { dayMonthParts, DayMonthOrder } from './dates';
import { parseMoney } from './money';
import { Settings } from './settings';
import { ColumnForm } from '../templates/templates';

/**
 * Number and date forms, inferred per column from the text values in it: `7.498,07` and `1.234,56`
 * are decimal-comma amounts (`1,234.56` decimal-point ones); `25/03/2024` is day-first (`03/25/2024`
 * month-first). One column's evidence never decides another's: an export may mix a European amount
 * column with an ISO date column.
 */

/** Cells looked at per column. */
const SAMPLE = 5000;

function* texts(grid: SheetGrid, col: number, firstRow: number): Generator<string> {
  let seen = 0;
  for (let i = firstRow - 1; i < grid.rows.length && seen < SAMPLE; i++) {
    const v: CellValue | undefined = grid.rows[i]?.[col];
    if (typeof v !== 'string' || v.trim() === '') continue;
    seen++;
    yield v;
  }
}

/**
 * The decimal separator of a money column: the settings' decimal comma when set; otherwise comma when
 * more of its texts read only with a decimal comma than only with a decimal point. Reported when the
 * column has amounts written as text with a separator.
 */
export function numberForm(grid: SheetGrid, col: number, firstRow: number, field: string, settings: Settings): { comma: boolean; form: ColumnForm | null } {
  if (settings.decimalComma === true) return { comma: true, form: { field, col, number: 'comma', basis: 'settings' } };
  let dot = 0;
  let comma = 0;
  let either = 0;
  for (const t of texts(grid, col, firstRow)) {
    if (!/[.,]/.test(t)) continue;
    const asDot = parseMoney(t);
    const asComma = parseMoney(t, { decimalComma: true });
    const d = asDot.kind === 'ok';
    const c = asComma.kind === 'ok';
    if (d && !c) dot++;
    else if (c && !d) comma++;
    else if (d && c && asDot.kind === 'ok' && asComma.kind === 'ok' && !asDot.value.eq(asComma.value)) either++;
  }
  if (dot + comma + either === 0) return { comma: false, form: null };
  const useComma = comma > dot;
  return { comma: useComma, form: { field, col, number: useComma ? 'comma' : 'dot', basis: comma + dot > 0 ? 'data' : 'assumed' } };
}

/**
 * How a date column writes `dd/mm/yyyy`-style text: the settings' order when fixed; otherwise day-first
 * when some first number exceeds 12 and no second one does (month-first the other way round). No
 * evidence or contradicting evidence leaves the order unknown, and such texts are refused as ambiguous.
 */
export function dateForm(grid: SheetGrid, col: number, firstRow: number, field: string, settings: Settings): { order?: DayMonthOrder; form: ColumnForm | null } {
  const fixed = settings.dateOrder;
  let dayFirst = 0;
  let monthFirst = 0;
  let any = 0;
  for (const t of texts(grid, col, firstRow)) {
    const parts = dayMonthParts(t);
    if (!parts) continue;
    any++;
    if (parts[0] > 12 && parts[1] <= 12) dayFirst++;
    else if (parts[1] > 12 && parts[0] <= 12) monthFirst++;
  }
  if (any === 0) return { form: null };
  if (fixed === 'dmy' || fixed === 'mdy') return { order: fixed, form: { field, col, date: fixed, basis: 'settings' } };
  if (dayFirst > 0 && monthFirst === 0) return { order: 'dmy', form: { field, col, date: 'dmy', basis: 'data' } };
  if (monthFirst > 0 && dayFirst === 0) return { order: 'mdy', form: { field, col, date: 'mdy', basis: 'data' } };
  return { form: null };
}
