import { CellValue, cellText, parseCellAddress, SheetGrid } from '../model/cells';

/**
 * Finding the header of a real layout: exports and hand-made sheets put a title (often merged across
 * the table) and a date line above the header, and some split the header over two rows (a group title
 * such as 发生额 or Amount above 借方 / 贷方 or Debit / Credit).
 */

/** Rows searched for the header. */
export const HEADER_SCAN_ROWS = 20;

/** The header found for a sheet. */
export interface HeaderLayout {
  /** 1-based last header row; data starts below it. */
  row: number;
  /** 1-based first header row (equal to `row` for a one-row header). */
  top: number;
  /** Per column, the text recognition compares: the lower row's text, else the group title above it. */
  headers: string[];
  /** Per column, the text shown to users: "Amount / Debit" for two rows, the header otherwise. */
  labels: string[];
}

/** Scores a candidate header: how many columns name a field (of the template that fits best). */
export type HeaderScore = (headers: readonly string[]) => number;

const rowTexts = (cells: readonly CellValue[] | undefined, width: number): string[] =>
  Array.from({ length: width }, (_, c) => (cells && typeof cells[c] === 'string' ? cellText(cells[c]).trim() : ''));

/** A row that holds numbers, dates or booleans is data, not a header. */
function holdsValues(cells: readonly CellValue[] | undefined): boolean {
  if (!cells) return false;
  for (const v of cells) if (typeof v === 'number' || typeof v === 'boolean') return true;
  return false;
}

/** Group titles spread over the columns their merged area covers (only the top-left cell holds the text). */
function spreadMerged(texts: string[], row1: number, grid: SheetGrid): string[] {
  const out = [...texts];
  for (const range of grid.merged ?? []) {
    const [a, b = a] = range.split(':');
    const p = parseCellAddress(a);
    const q = parseCellAddress(b);
    if (!p || !q || Math.min(p.row1, q.row1) > row1 || Math.max(p.row1, q.row1) < row1) continue;
    const c1 = Math.min(p.col0, q.col0);
    const c2 = Math.min(Math.max(p.col0, q.col0), out.length - 1);
    const text = out[c1];
    for (let c = c1 + 1; c <= c2; c++) if (out[c] === '') out[c] = text;
  }
  return out;
}

function combine(upper: string[], lower: string[]): { headers: string[]; labels: string[] } {
  const headers = lower.map((t, c) => (t !== '' ? t : upper[c]));
  const labels = lower.map((t, c) => (t !== '' && upper[c] !== '' && upper[c] !== t ? `${upper[c]} / ${t}` : t !== '' ? t : upper[c]));
  return { headers, labels };
}

/**
 * The header of a sheet: the row among the first {@link HEADER_SCAN_ROWS} whose texts name the most
 * fields (the earliest on a tie), extended to the row above or below when the two together name more
 * (a two-row header). A sheet where no row names a field gets its first row with two or more texts.
 * Null when the sheet has no row with text.
 */
export function findHeader(grid: SheetGrid, score: HeaderScore): HeaderLayout | null {
  const rows = grid.rows;
  const last = Math.min(rows.length, HEADER_SCAN_ROWS);
  let width = 0;
  for (let i = 0; i < last; i++) width = Math.max(width, rows[i]?.length ?? 0);
  if (width === 0) return null;
  let best = -1;
  let bestScore = 0;
  let firstTexty = -1;
  const texts: string[][] = [];
  for (let i = 0; i < last; i++) {
    texts[i] = rowTexts(rows[i], width);
    const filled = texts[i].filter((t) => t !== '').length;
    if (filled === 0) continue;
    if (firstTexty < 0 && filled >= 2) firstTexty = i;
    const s = score(texts[i]);
    if (s > bestScore) {
      best = i;
      bestScore = s;
    }
  }
  if (best < 0) {
    if (firstTexty < 0) {
      const any = texts.findIndex((t) => t && t.some((x) => x !== ''));
      if (any < 0) return null;
      firstTexty = any;
    }
    return { row: firstTexty + 1, top: firstTexty + 1, headers: texts[firstTexty], labels: texts[firstTexty] };
  }
  let layout: HeaderLayout = { row: best + 1, top: best + 1, headers: texts[best], labels: texts[best] };
  let layoutScore = bestScore;
  // A group title above: the best row is the lower one.
  if (best > 0 && !holdsValues(rows[best - 1]) && texts[best - 1].some((t) => t !== '')) {
    const both = combine(spreadMerged(texts[best - 1], best, grid), texts[best]);
    const s = score(both.headers);
    if (s > layoutScore) {
      layout = { row: best + 1, top: best, ...both };
      layoutScore = s;
    }
  }
  // Sub-headers below: the best row is the upper one.
  if (layout.top === layout.row && best + 1 < last && !holdsValues(rows[best + 1]) && texts[best + 1].some((t) => t !== '')) {
    const both = combine(spreadMerged(texts[best], best + 1, grid), texts[best + 1]);
    const s = score(both.headers);
    if (s > layoutScore) layout = { row: best + 2, top: best + 1, ...both };
  }
  return layout;
}

