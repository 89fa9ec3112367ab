/**
 * A1 addresses as Excel parses and prints them. Written independently of `src/` on purpose, so a bug in
 * the product's own address helpers cannot hide behind the same bug in the fake.
 */

/** Excel's grid size. */
export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;

/** A rectangle of cells, 0-based and inclusive. */
export interface Rect {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

export function colLetters(c0: number): string {
  let n = c0 + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

function colIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** "A1" / "A1:C3" (no sheet) for a rectangle; whole columns and rows print as Excel prints them. */
export function rectToA1(r: Rect): string {
  if (r.r0 === 0 && r.r1 === MAX_ROWS - 1) return `${colLetters(r.c0)}:${colLetters(r.c1)}`;
  if (r.c0 === 0 && r.c1 === MAX_COLS - 1) return `${r.r0 + 1}:${r.r1 + 1}`;
  const a = `${colLetters(r.c0)}${r.r0 + 1}`;
  if (r.r0 === r.r1 && r.c0 === r.c1) return a;
  return `${a}:${colLetters(r.c1)}${r.r1 + 1}`;
}

/** The sheet-name part of an address, quoted the way Excel quotes it. */
export function quoteSheet(name: string): string {
  return /^[A-Za-z_\u00C0-\uFFFF][A-Za-z0-9_.\u00C0-\uFFFF]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name)
    ? name
    : `'${name.replace(/'/g, "''")}'`;
}

/** Splits an optional "Sheet!" or "'My sheet'!" prefix from an address. */
export function splitSheet(address: string): { sheet: string | null; local: string } {
  const s = address.trim();
  const quoted = /^'((?:[^']|'')+)'!(.*)$/.exec(s);
  if (quoted) return { sheet: quoted[1].replace(/''/g, "'"), local: quoted[2] };
  const bang = s.lastIndexOf('!');
  if (bang > 0) return { sheet: s.slice(0, bang), local: s.slice(bang + 1) };
  return { sheet: null, local: s };
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;
const COL = /^\$?([A-Za-z]{1,3})$/;
const ROW = /^\$?(\d{1,7})$/;

/** Parses a local (sheet-less) single-area address; null when Excel would call it invalid. */
export function parseLocal(local: string): Rect | null {
  const parts = local.trim().split(':');
  if (parts.length > 2 || parts[0] === '') return null;
  if (parts.length === 1) {
    const m = CELL.exec(parts[0]);
    if (!m) return null;
    const r = Number(m[2]) - 1;
    const c = colIndex(m[1]);
    return valid({ r0: r, c0: c, r1: r, c1: c });
  }
  const [a, b] = parts;
  const ca = CELL.exec(a);
  const cb = CELL.exec(b);
  if (ca && cb) {
    const ra = Number(ca[2]) - 1;
    const rb = Number(cb[2]) - 1;
    const xa = colIndex(ca[1]);
    const xb = colIndex(cb[1]);
    return valid({ r0: Math.min(ra, rb), c0: Math.min(xa, xb), r1: Math.max(ra, rb), c1: Math.max(xa, xb) });
  }
  const cola = COL.exec(a);
  const colb = COL.exec(b);
  if (cola && colb) {
    const xa = colIndex(cola[1]);
    const xb = colIndex(colb[1]);
    return valid({ r0: 0, c0: Math.min(xa, xb), r1: MAX_ROWS - 1, c1: Math.max(xa, xb) });
  }
  const rowa = ROW.exec(a);
  const rowb = ROW.exec(b);
  if (rowa && rowb) {
    const ra = Number(rowa[1]) - 1;
    const rb = Number(rowb[1]) - 1;
    return valid({ r0: Math.min(ra, rb), c0: 0, r1: Math.max(ra, rb), c1: MAX_COLS - 1 });
  }
  return null;
}

function valid(r: Rect): Rect | null {
  if (r.r0 < 0 || r.c0 < 0 || r.r1 >= MAX_ROWS || r.c1 >= MAX_COLS) return null;
  return r;
}

export function rectCells(r: Rect): number {
  return (r.r1 - r.r0 + 1) * (r.c1 - r.c0 + 1);
}

export function rectContains(outer: Rect, r: number, c: number): boolean {
  return r >= outer.r0 && r <= outer.r1 && c >= outer.c0 && c <= outer.c1;
}

export function intersect(a: Rect, b: Rect): Rect | null {
  const r0 = Math.max(a.r0, b.r0);
  const c0 = Math.max(a.c0, b.c0);
  const r1 = Math.min(a.r1, b.r1);
  const c1 = Math.min(a.c1, b.c1);
  return r0 <= r1 && c0 <= c1 ? { r0, c0, r1, c1 } : null;
}

/** The cell key used by the model's sparse maps. */
export function cellKey(r: number, c: number): number {
  return r * MAX_COLS + c;
}

export function keyRow(key: number): number {
  return Math.floor(key / MAX_COLS);
}

export function keyCol(key: number): number {
  return key % MAX_COLS;
}

const ENCODER = new TextEncoder();

/**
 * Byte length of a string as UTF-8, which is what crosses the wire between an add-in and Excel. The fake
 * measures with the platform's encoder rather than the adapter's estimator, so a wrong estimate in the
 * adapter shows up as a refused request here instead of agreeing with itself.
 */
export function utf8Length(s: string): number {
  return ENCODER.encode(s).length;
}
