import { SheetGrid } from '../core/model/cells';
import { ymd } from '../core/model/dates';
import { SheetMapping } from '../core/templates/templates';

/**
 * Telling a workbook that counts dates from 1904 (Excel for Mac's old default) from the usual 1900
 * system. In a 1904 workbook every date serial is 1,462 days smaller, so read as 1900 serials all dates
 * would land 4 years and a day early. `Workbook.use1904DateSystem` exists only in Microsoft's preview
 * API (it is in no released ExcelApi set: not in @types/office-js nor in the Excel client scripts of
 * @microsoft/office-js), so the adapter asks Excel how it displays a few date cells instead: the year
 * Excel shows for a serial says which system the workbook uses.
 */

/** Days between the two systems' day 0. */
export const DAYS_1904 = 1462;

/** A date cell to ask Excel about: 0-based row and column on its sheet, and the serial read there. */
export interface DateProbe {
  sheet: string;
  row: number;
  col: number;
  serial: number;
}

/** Date cells checked per sheet: a handful is plenty, the whole column has one system. */
const PROBES_PER_SHEET = 5;

/** Numbers in the recognised Date columns of the first data rows, to ask Excel how it shows them. */
export function dateProbes(grids: ReadonlyMap<string, SheetGrid>, mappings: readonly SheetMapping[]): DateProbe[] {
  const probes: DateProbe[] = [];
  for (const m of mappings) {
    const col = (m.columns as Record<string, number | undefined>).date;
    const grid = grids.get(m.sheet);
    if (col === undefined || !grid) continue;
    let found = 0;
    for (let r = m.headerRow; r < grid.rows.length && found < PROBES_PER_SHEET; r++) {
      const v = grid.rows[r]?.[col];
      if (typeof v !== 'number' || v < 1 || v >= 2958466) continue;
      probes.push({ sheet: m.sheet, row: r, col, serial: v });
      found++;
    }
  }
  return probes;
}

/**
 * Which system Excel's displayed texts imply: '1904' when a shown four-digit year is the serial's
 * year in the 1904 system and never its 1900 year, '1900' when a shown year matches the 1900 reading,
 * null when no text shows a year (numbers formatted as numbers say nothing).
 */
export function dateSystemFromTexts(probes: readonly { serial: number; text: string }[]): '1900' | '1904' | null {
  let as1900 = 0;
  let as1904 = 0;
  for (const { serial, text } of probes) {
    const years = new Set((text.match(/\d{4}/g) ?? []).map(Number));
    const y1900 = ymd(Math.floor(serial)).y;
    const y1904 = ymd(Math.floor(serial) + DAYS_1904).y;
    if (years.has(y1900)) as1900++;
    else if (years.has(y1904)) as1904++;
  }
  if (as1904 > 0 && as1900 === 0) return '1904';
  if (as1900 > 0) return '1900';
  return null;
}
