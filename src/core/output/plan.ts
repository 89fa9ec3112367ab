import { Day } from '../model/dates';
import { Severity } from '../model/findings';
import type { StoredReview } from './review';

/**
 * A declarative description of everything a run writes. Both renderers (`src/excel` into the live
 * workbook, `src/xlsx` into a file) draw the same plan, so what the CLI writes and what the add-in
 * writes cannot drift apart.
 */
export interface Plan {
  /** One mark per flagged cell on a user's sheet: a fill and a note, nothing else. */
  marks: Mark[];
  /** Sheets the add-in owns, in the order they are placed after the user's sheets. */
  sheets: OwnedSheet[];
  /**
   * The review decisions the Findings sheet shows, for the renderer to keep in the workbook's state
   * (absent: keep what the state holds).
   */
  reviews?: StoredReview[];
}

/** A highlight on a user's cell. Several findings on one cell share one mark (worst severity wins). */
export interface Mark {
  sheet: string;
  cell: string;
  severity: Severity;
  /** The note's text: one line per finding on the cell. */
  note: string;
  findingIds: string[];
}

/** Fill colours (ARGB without alpha) by severity, shared by both renderers and the legend. */
export const SEVERITY_FILL: Record<Severity, string> = {
  error: 'FFC7CE',
  warning: 'FFEB9C',
  info: 'DDEBF7',
};

/** Font colours that stay readable on each fill. */
export const SEVERITY_FONT: Record<Severity, string> = {
  error: '9C0006',
  warning: '9C5700',
  info: '1F4E78',
};

/** Keys of the sheets the add-in owns; the visible name is localised and registered in the workbook. */
export type OwnedSheetKey = 'findings' | 'reconciliation' | 'matches' | 'aging' | 'credit' | 'sales-summary' | 'statement' | 'audit-log';

/** How a column's values are shown. */
export type ColumnFormat = 'text' | 'money' | 'date' | 'int' | 'percent' | 'datetime';

export interface ColumnSpec {
  header: string;
  format?: ColumnFormat;
  /** Width in characters. */
  width?: number;
  /** Allowed values offered as a drop-down (in-cell list) on every data row of the column. */
  choices?: string[];
  /** With `choices`: anything else typed is refused with this error alert (Excel's "Stop" style). */
  choicesAlert?: { title: string; message: string };
  /** Data cells stay editable when the sheet is protected (the Findings sheet's review columns). */
  unlocked?: boolean;
  /** Data cells wrap their text (long messages stay readable on screen and in print). */
  wrap?: boolean;
}

/**
 * A value of an owned sheet's cell. Strings are always written as text, never as a formula, whatever they
 * start with; money travels as an exact decimal string. A `formula` is built by the product itself (never
 * from data text): English function names, A1 references, no leading `=`; `format` says how its result
 * is shown; `result`, when the core knows it (a decimal string for money), is stored as the cached value
 * so a reader that does not recalculate (a PDF converter, a preview) shows the right figure.
 */
export type OutValue =
  | null
  | string
  | number
  | { money: string }
  | { date: Day }
  | { link: { text: string; sheet: string; cell: string } }
  | { formula: string; format?: ColumnFormat; result?: string | number };

/** How one cell looks beyond its column's format. Renderers draw every field; absent means the default. */
export interface CellStyle {
  bold?: boolean;
  italic?: boolean;
  /** Font size in points (default 11). */
  size?: number;
  wrap?: boolean;
  align?: 'left' | 'center' | 'right';
  /** `box` draws all four sides thin; `top`/`bottom` one thin side; `double-bottom` the accountant's total rule. */
  border?: 'box' | 'top' | 'bottom' | 'double-bottom';
  /** Fill colour as RRGGBB. */
  fill?: string;
  /** Overrides the column's format for this cell. */
  format?: ColumnFormat;
  /** Stays editable when the sheet is protected (review columns, reply boxes). */
  unlocked?: boolean;
}

/** A cell of an owned sheet: a value, or a value with its own look. */
export type OutCell = OutValue | { value: OutValue; style: CellStyle };

/** Page setup for printing: accountants sign these sheets on paper. */
export interface PageSetup {
  paper: 'A4';
  orientation: 'portrait' | 'landscape';
  /** Fit all columns on one page wide (any number of pages tall). */
  fitToWidth: boolean;
  /** Sheet rows (1-based, inclusive) repeated at the top of every printed page. */
  printTitleRows?: { first: number; last: number };
  /**
   * Footer sections in Excel's header/footer codes: `&P` page, `&N` pages, `&D` date, `&F` file name.
   * Data text placed here must have `&` doubled.
   */
  footer?: { left?: string; center?: string; right?: string };
}

/** An Excel chart drawn from a block of this sheet: first column categories, first row series names. */
export interface ChartSpec {
  type: 'column' | 'bar' | 'line' | 'pie';
  /** Bars or columns of a row's series stacked into one (each bar's length is the row's sum); ignored for line and pie. */
  stacked?: boolean;
  /**
   * A bar chart of a ranking: the source's first row drawn at the top, as the list reads (Excel draws
   * the first category at the bottom), with the value axis kept at the bottom; ignored for other types.
   */
  firstOnTop?: boolean;
  title: string;
  /** A1 range on this sheet, headers included, e.g. `A3:G43`. */
  source: string;
  /** Top-left and bottom-right cells the chart covers, e.g. `I3` and `P20`. */
  from: string;
  to: string;
}

/**
 * A sheet the add-in rebuilds on each run. Row layout: the preamble rows first, then (unless
 * `headerRow` is false) one header row from `columns`, then `rows`; so data row i (0-based) sits on
 * sheet row `(preamble?.length ?? 0) + (headerRow === false ? 0 : 1) + i + 1`, which is what formulas
 * in the sheet refer to.
 */
export interface OwnedSheet {
  key: OwnedSheetKey;
  /** Visible name in the workbook's language; the renderer makes it unique against user sheets. */
  name: string;
  /** Rows above the table (title, legend, as-of line), each a list of cells. */
  preamble?: OutCell[][];
  columns: ColumnSpec[];
  rows: OutCell[][];
  /** Per-row severity fill for the whole row (the Findings sheet colours rows like the marks). */
  rowSeverity?: (Severity | null)[];
  /** Per-cell severity fill of the preamble, parallel to `preamble` (the legend's colour swatches). */
  preambleSeverity?: (Severity | null)[][];
  /** Whether `columns` become a header row (default true). Form-like sheets lay out everything in rows. */
  headerRow?: boolean;
  /** Merged areas as A1 ranges (`A1:F1`). */
  merges?: string[];
  /** Rows frozen at the top (default: through the header row when there is one). */
  freezeRows?: number;
  page?: PageSetup;
  charts?: ChartSpec[];
  /** Protect the sheet: every cell locked except those styled `unlocked` (and columns marked so). */
  protect?: boolean;
  /** The sheet shown when the workbook opens. */
  activate?: boolean;
}

/** The value of a cell, whether or not it carries a style. */
export function outValue(cell: OutCell): OutValue {
  return cell !== null && typeof cell === 'object' && 'style' in cell ? cell.value : cell;
}

/** The style of a cell, if it has one. */
export function outStyle(cell: OutCell): CellStyle | undefined {
  return cell !== null && typeof cell === 'object' && 'style' in cell ? cell.style : undefined;
}

/** Where an owned sheet's parts land, 1-based sheet rows, as both renderers and formulas count them. */
export interface SheetLayout {
  /** The header row, or null when `headerRow` is false. */
  headerRow: number | null;
  /** Sheet row of data row 0. */
  firstDataRow: number;
  /** Rows frozen at the top: `freezeRows`, else through the header row, else none. */
  freezeRows: number;
}

/** The layout of an owned sheet (see {@link OwnedSheet}'s row layout). */
export function sheetLayout(sheet: OwnedSheet): SheetLayout {
  const preamble = sheet.preamble?.length ?? 0;
  const headerRow = sheet.headerRow === false ? null : preamble + 1;
  return { headerRow, firstDataRow: (headerRow ?? preamble) + 1, freezeRows: sheet.freezeRows ?? headerRow ?? 0 };
}
