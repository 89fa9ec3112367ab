import type ExcelJS from 'exceljs';
import { exceljs } from './exceljs-runtime';
import { CellValue, cellAddress, SheetGrid } from '../core/model/cells';
import { dayFromJsDate } from '../core/model/dates';

const MS_PER_DAY = 86_400_000;
/** Serial of 1970-01-01 in Excel's 1900 system. */
const UNIX_EPOCH_SERIAL = 25569;

/**
 * A date as an Excel serial, keeping the time of day as the fraction. Calendar days go through
 * {@link dayFromJsDate} (exceljs hands dates over at UTC); a bare time (Excel's day 0) has no civil
 * date, so its serial is computed from the epoch.
 */
export function serialFromDate(date: Date): number | null {
  const ms = date.getTime();
  if (Number.isNaN(ms)) return null;
  const fraction = (((ms % MS_PER_DAY) + MS_PER_DAY) % MS_PER_DAY) / MS_PER_DAY;
  const day = dayFromJsDate(date);
  if (day !== null) return day + fraction;
  const serial = ms / MS_PER_DAY + UNIX_EPOCH_SERIAL;
  return serial >= 0 && serial < 61 ? serial : null;
}

function richTextToPlain(v: { richText: { text: string }[] }): string {
  return v.richText.map((r) => r.text ?? '').join('');
}

/**
 * The plain value behind any exceljs value: result of a formula, text of a link or rich text. A
 * number that is not finite (exceljs' streaming reader parses a formula's error result as NaN) is an
 * error cell.
 */
export function plainValue(v: unknown): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return Number.isFinite(v) ? v : { error: '#NUM!' };
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  if (v instanceof Date) {
    const serial = serialFromDate(v);
    return serial === null ? { error: '#VALUE!' } : serial;
  }
  if (typeof v !== 'object') return null;
  const o = v as Record<string, unknown>;
  if (typeof o.error === 'string') return { error: o.error };
  if (Array.isArray(o.richText)) return richTextToPlain(o as { richText: { text: string }[] });
  if ('formula' in o || 'sharedFormula' in o) return plainValue(o.result);
  if ('hyperlink' in o) return plainValue(o.text);
  if ('text' in o) return plainValue(o.text);
  return null;
}

/**
 * One cell as the core reads it (DESIGN.md's CellValue): formulas give their cached result (null when
 * the file holds none), error cells `{error}`, rich text and links their plain text, dates their Excel
 * serial. Cells covered by a merge, other than its top-left, are blank.
 */
export function cellValueOf(cell: ExcelJS.Cell): CellValue {
  if (cell.type === exceljs().ValueType.Merge) return null;
  return plainValue(cell.value);
}

/**
 * A worksheet's values as a {@link SheetGrid}: rows up to the last with a value, each trimmed after its
 * last value; blank rows in between are empty arrays. Merged areas are listed as A1 ranges.
 */
export function sheetToGrid(ws: ExcelJS.Worksheet): SheetGrid {
  const rows: CellValue[][] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values: CellValue[] = [];
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      const v = cellValueOf(cell);
      if (v !== null) values[colNumber - 1] = v;
    });
    if (values.length === 0) return;
    for (let j = 0; j < values.length; j++) if (values[j] === undefined) values[j] = null;
    while (rows.length < rowNumber - 1) rows.push([]);
    rows[rowNumber - 1] = values;
  });
  const grid: SheetGrid = { name: ws.name, rows };
  const merged = mergedRanges(ws);
  if (merged.length) grid.merged = merged;
  return grid;
}

interface MergeDimensions {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** Merged areas of a worksheet as "B2:D2" (exceljs keeps them in an internal map by top-left cell). */
export function mergedRanges(ws: ExcelJS.Worksheet): string[] {
  const merges = (ws as unknown as { _merges?: Record<string, MergeDimensions | undefined> })._merges ?? {};
  const out: string[] = [];
  for (const m of Object.values(merges)) {
    if (!m) continue;
    out.push(`${cellAddress(m.top, m.left - 1)}:${cellAddress(m.bottom, m.right - 1)}`);
  }
  return out.sort();
}
