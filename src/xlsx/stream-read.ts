import ExcelJS from 'exceljs';
import { CellValue, SheetGrid } from '../core/model/cells';
import { readReviews } from '../core/output/findings-sheet';
import { Review } from '../core/output/review';
import { emptyState, parseState, STATE_SHEET } from '../core/output/workbook-state';
import { plainValue } from './cell-values';
import { applyExceljsPatches } from './exceljs-patches';
import { WorkbookContents } from './read-workbook';
import { mergedAreasByName } from './sheet-merges';

/**
 * Reads a workbook too large for exceljs' in-memory model (which costs some 13 bytes of memory per
 * byte of sheet XML), row by row with its streaming reader, keeping only the values; merged areas,
 * which that reader skips, are scanned from the package separately. Gives what
 * {@link readWorkbookContents} gives, except that the streaming reader hands a formula's cached error
 * or boolean result over as a number (an error reads as `#NUM!`, TRUE as 1).
 */
export async function readWorkbookStreaming(file: string): Promise<WorkbookContents> {
  applyExceljsPatches();
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {
    worksheets: 'emit', sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'cache', entries: 'ignore',
  });
  const grids: SheetGrid[] = [];
  for await (const ws of reader) {
    const name = (ws as unknown as { name: string }).name;
    const rows: CellValue[][] = [];
    for await (const row of ws) {
      const values: CellValue[] = [];
      row.eachCell({ includeEmpty: false }, (cell, col) => {
        const v = plainValue(cell.value);
        if (v !== null) values[col - 1] = v;
      });
      if (values.length === 0) continue;
      for (let j = 0; j < values.length; j++) if (values[j] === undefined) values[j] = null;
      while (rows.length < row.number - 1) rows.push([]);
      rows[row.number - 1] = values;
    }
    grids.push({ name, rows });
  }
  const merges = await mergedAreasByName(file);
  for (const g of grids) {
    const m = merges.get(g.name);
    if (m) g.merged = m;
  }
  // Sheets arrive in package order; the workbook's own order is its sheet list.
  const order = ((reader as unknown as { model?: { sheets?: { name: string }[] } }).model?.sheets ?? []).map((s) => s.name);
  const rank = (name: string): number => {
    const i = order.indexOf(name);
    return i < 0 ? order.length : i;
  };
  grids.sort((a, b) => rank(a.name) - rank(b.name));

  const lower = (s: string): string => s.toLowerCase();
  const stateGrid = grids.find((g) => lower(g.name) === lower(STATE_SHEET));
  const parsed = stateGrid ? parseState(stateGrid.rows.map((r) => r[0] ?? null).filter((v) => v !== null)) : null;
  const state = { state: parsed ?? emptyState(), unreadable: !!stateGrid && !parsed };
  const owned = new Set([...state.state.ownedSheets.map((o) => lower(o.name)), lower(STATE_SHEET)]);
  const reviews = new Map<string, Review>();
  for (const record of state.state.ownedSheets) {
    if (record.key !== 'findings') continue;
    const grid = grids.find((g) => lower(g.name) === lower(record.name));
    if (!grid) continue;
    for (const [id, review] of readReviews(grid)) if (!reviews.has(id)) reviews.set(id, review);
  }
  return { grids: grids.filter((g) => !owned.has(lower(g.name))), state, reviews };
}
