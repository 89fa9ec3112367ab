import { createHash } from 'crypto';
import { CellValue, SheetGrid } from '../core/model/cells';

/**
 * A digest of what a reader sees on a sheet: every cell that is not blank, with its position and its
 * value, and the merged areas. Two grids have the same digest exactly when they hold the same values
 * in the same cells (blank and absent alike, errors by their code, -0 as 0) and the same merged areas.
 * A written copy is checked against the input this way, so the input's grids need not stay in memory
 * while the copy is written (a 1,048,576-row sheet holds ~330 MB as a grid, and only 64 hex digits as
 * a digest).
 */
export function gridDigest(grid: SheetGrid): string {
  const hash = createHash('sha256');
  const longTexts = new Map<string, string>();
  hash.update(`merged\u0000${(grid.merged ?? []).join()}\u0000`);
  const rows = grid.rows;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    if (!row) continue;
    let line = '';
    for (let j = 0; j < row.length; j++) {
      const v = row[j];
      if (v === null || v === undefined) continue;
      line += `${j}${cellText(v, longTexts)}`;
    }
    // Rows are hashed one by one: a row's text stays small, and a row of blanks adds nothing.
    if (line !== '') hash.update(`${i}\u0000${line}\u0001`);
  }
  return hash.digest('hex');
}

/** Texts longer than this enter a sheet's digest as their own SHA-256, worked out once per sheet. */
const LONG_TEXT = 256;

/**
 * A cell's value as text that tells every kind apart; strings carry their length, so no text can pose
 * as another cell. A long text is digested once: a sheet repeating one shared string of a megabyte in
 * 12,000 cells (a public test file) would otherwise hash 12 GB.
 */
function cellText(v: Exclude<CellValue, null>, longTexts: Map<string, string>): string {
  if (typeof v === 'number') return `n${Number.isNaN(v) ? 'NaN' : String(v)};`;
  if (typeof v === 'string') {
    if (v.length <= LONG_TEXT) return `s${v.length}:${v}`;
    let digest = longTexts.get(v);
    if (digest === undefined) longTexts.set(v, (digest = createHash('sha256').update(v).digest('hex')));
    return `h${v.length}:${digest}`;
  }
  if (typeof v === 'boolean') return v ? 'b1;' : 'b0;';
  return `e${v.error.length}:${v.error}`;
}
