import { cellAddress, parseCellAddress } from '../core/model/cells';

/**
 * Turning many single cells into few Excel calls: rectangles of cells, address lists that respect
 * Excel's 8,192-character limit, and areas to read cell formats from.
 */

/** Excel refuses an address string longer than this (Worksheet.getRange/getRanges: InvalidArgument). */
export const ADDRESS_LIMIT = 8192;

/** A rectangle: rows 1-based as in Excel, columns 0-based as in `core/cells`, inclusive. */
export interface Area {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** "B2" or "B2:D9". */
export function areaAddress(a: Area): string {
  const start = cellAddress(a.top, a.left);
  return a.top === a.bottom && a.left === a.right ? start : `${start}:${cellAddress(a.bottom, a.right)}`;
}

/** Cells of an area in reading order. */
export function* areaCells(a: Area): Generator<string> {
  for (let r = a.top; r <= a.bottom; r++) for (let c = a.left; c <= a.right; c++) yield cellAddress(r, c);
}

/** Rows per column of the given A1 cells (invalid addresses skipped), columns and rows sorted, unique. */
function rowsByColumn(cells: Iterable<string>): Map<number, number[]> {
  const byCol = new Map<number, number[]>();
  for (const a of cells) {
    const p = parseCellAddress(a);
    if (!p) continue;
    let rows = byCol.get(p.col0);
    if (!rows) {
      rows = [];
      byCol.set(p.col0, rows);
    }
    rows.push(p.row1);
  }
  for (const [c, rows] of byCol) byCol.set(c, [...new Set(rows)].sort((x, y) => x - y));
  return new Map([...byCol].sort((x, y) => x[0] - y[0]));
}

/**
 * Covers exactly the given cells with few rectangles: vertical runs in each column, then runs with the
 * same rows on neighbouring columns joined side by side. Ordered by top row, then left column.
 */
export function cellsToAreas(cells: Iterable<string>): Area[] {
  const runs: Area[] = [];
  for (const [col, rows] of rowsByColumn(cells)) {
    let start = rows[0];
    let prev = rows[0];
    for (let i = 1; i <= rows.length; i++) {
      const r = rows[i];
      if (r === prev + 1) {
        prev = r;
        continue;
      }
      runs.push({ top: start, bottom: prev, left: col, right: col });
      start = r;
      prev = r;
    }
  }
  const bySpan = new Map<string, Area[]>();
  for (const run of runs) {
    const key = `${run.top}:${run.bottom}`;
    const list = bySpan.get(key);
    if (list) list.push(run);
    else bySpan.set(key, [run]);
  }
  const out: Area[] = [];
  for (const list of bySpan.values()) {
    let current = { ...list[0] };
    for (let i = 1; i < list.length; i++) {
      if (list[i].left === current.right + 1) current.right = list[i].left;
      else {
        out.push(current);
        current = { ...list[i] };
      }
    }
    out.push(current);
  }
  return out.sort((a, b) => a.top - b.top || a.left - b.left);
}

/**
 * What joins the areas of a multi-area address for `Worksheet.getRanges`: Excel desktop expects the list
 * separator of the user's locale ("," in English, ";" in German, Italian, Czech…; office-js issues #1167,
 * #1985), so the adapter asks Excel which one it takes (see list-separator.ts). null: neither was
 * accepted, so every address names one area.
 */
export type AreaSeparator = ',' | ';' | null;

/**
 * Joins addresses with `separator` into as few strings as fit under `limit` characters each; with a null
 * separator, one address per string.
 */
export function joinAddresses(addresses: readonly string[], limit = ADDRESS_LIMIT, separator: AreaSeparator = ','): string[] {
  const out: string[] = [];
  let current = '';
  for (const a of addresses) {
    if (a.length > limit) throw new Error(`address longer than ${limit} characters: ${a.slice(0, 40)}…`);
    if (current === '') current = a;
    else if (separator !== null && current.length + 1 + a.length <= limit) current += `${separator}${a}`;
    else {
      out.push(current);
      current = a;
    }
  }
  if (current !== '') out.push(current);
  return out;
}

/** Address lists (each under the limit, areas joined with `separator`) covering exactly the given cells. */
export function addressLists(cells: Iterable<string>, limit = ADDRESS_LIMIT, separator: AreaSeparator = ','): string[] {
  return joinAddresses(cellsToAreas(cells).map(areaAddress), limit, separator);
}

/**
 * Areas to read the given cells' formats from: single-column runs that also span gaps of up to
 * `maxGap` unwanted cells (reading a few extra cells is cheaper than another call) and no taller than
 * `maxRows`. Every given cell lies in exactly one area.
 */
export function readAreas(cells: Iterable<string>, maxGap = 2, maxRows = 2000): Area[] {
  const out: Area[] = [];
  for (const [col, rows] of rowsByColumn(cells)) {
    let top = rows[0];
    let bottom = rows[0];
    for (let i = 1; i <= rows.length; i++) {
      const r = rows[i];
      if (r !== undefined && r - bottom - 1 <= maxGap && r - top < maxRows) {
        bottom = r;
        continue;
      }
      out.push({ top, bottom, left: col, right: col });
      top = r;
      bottom = r;
    }
  }
  return out;
}

/** Number of cells in an area. */
export function areaSize(a: Area): number {
  return (a.bottom - a.top + 1) * (a.right - a.left + 1);
}

/** Canonical form of a cell address ("$b$7" → "B7"); null when it is not one cell. */
export function normalCell(address: string): string | null {
  const p = parseCellAddress(address);
  return p ? cellAddress(p.row1, p.col0) : null;
}

/** A sheet name as it must appear before "!" in an address: quoted, with quotes doubled. */
export function quotedSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}
