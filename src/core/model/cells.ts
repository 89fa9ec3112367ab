import type { SheetValidation } from '../templates/template-layout';

/** An Excel error value such as `#N/A` or `#DIV/0!`, kept apart from text that merely looks like one. */
export interface CellError {
  error: string;
}

/**
 * One cell's value as both readers (Excel's `range.values`, exceljs) deliver it after normalising:
 * blank is `null`; dates arrive as Excel serial numbers; formulas arrive as their cached result.
 */
export type CellValue = null | number | string | boolean | CellError;

/** A sheet's values; `rows[i][j]` is the cell at Excel row `i + 1`, column `j + 1`. Rows may be ragged. */
export interface SheetGrid {
  name: string;
  rows: CellValue[][];
  /** Merged areas as A1 ranges ("B2:D2"); only the top-left cell of each holds a value. */
  merged?: string[];
  /** The sheet's Excel data-validation rules, where the reader keeps them (the .xlsx reader does). */
  validations?: SheetValidation[];
}

/** True when the cell holds an Excel error value. */
export function isCellError(v: CellValue | undefined): v is CellError {
  return typeof v === 'object' && v !== null && 'error' in v;
}

/** True when the cell is empty or holds only white space. */
export function isBlank(v: CellValue | undefined): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

/** Column letters for a 0-based column index: 0 → "A", 25 → "Z", 26 → "AA". */
export function columnLetter(col0: number): string {
  let n = col0 + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** 0-based column index for column letters: "A" → 0, "AA" → 26. */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** A1 address of a cell: 1-based row, 0-based column. */
export function cellAddress(row1: number, col0: number): string {
  return `${columnLetter(col0)}${row1}`;
}

/** Splits "AB12" into its 0-based column and 1-based row; null for anything else. */
export function parseCellAddress(a1: string): { col0: number; row1: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(a1.trim());
  if (!m) return null;
  return { col0: columnIndex(m[1]), row1: Number(m[2]) };
}

/** Display text of a cell for messages and comparisons (errors as their code, blanks as ""). */
export function cellText(v: CellValue | undefined): string {
  if (v === null || v === undefined) return '';
  if (isCellError(v)) return v.error;
  return String(v);
}
