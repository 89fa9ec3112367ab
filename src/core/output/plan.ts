import { Day } from '../model/dates';
import { Severity } from '../model/findings';

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
export type OwnedSheetKey = 'findings' | 'reconciliation' | 'aging' | 'credit' | 'sales-summary' | 'statement' | 'audit-log';

/** How a column's values are shown. */
export type ColumnFormat = 'text' | 'money' | 'date' | 'int' | 'percent' | 'datetime';

export interface ColumnSpec {
  header: string;
  format?: ColumnFormat;
  /** Width in characters. */
  width?: number;
  /** Allowed values offered as a drop-down (in-cell list) on every data row of the column. */
  choices?: string[];
}

/**
 * A cell of an owned sheet. Strings are always written as text, never as a formula, whatever they start
 * with; money travels as an exact decimal string.
 */
export type OutCell =
  | null
  | string
  | number
  | { money: string }
  | { date: Day }
  | { link: { text: string; sheet: string; cell: string } };

/** A sheet the add-in rebuilds on each run. */
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
}
