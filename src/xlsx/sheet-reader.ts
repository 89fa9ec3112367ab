import { ValidationCollector } from './data-validations';
import { CellValue, columnIndex, SheetGrid } from '../core/model/cells';
import { PackagePart } from './package-parts';
import { DateStyleCollector, DateStyles } from './number-formats';
import { XmlAttributes, XmlTokenizer } from './xml-tokenizer';
import { ZipPackage } from './zip-package';

/** Days between Excel's 1900 and 1904 date systems. */
export const DAYS_1904 = 1462;
const MS_PER_DAY = 86_400_000;
/** 1899-12-30, day 0 of Excel's 1900 system for every date from 1900-03-01 on. */
const EPOCH_1900 = Date.UTC(1899, 11, 30);
/** Excel's last row and column (1-based row, 0-based column). */
const MAX_ROW = 1_048_576;
const MAX_COL = 16_383;

/** Excel's escape for characters XML cannot hold: `_x000D_` is a carriage return, `_x005F_` an underscore. */
export function unescapeOoxml(s: string): string {
  return s.indexOf('_x') < 0 ? s : s.replace(/_x([0-9A-Fa-f]{4})_/g, (_w, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/**
 * Collects the plain text of a rich or plain string item (`<si>`, `<is>`, a note's `<text>`): the
 * `<t>` of the item and of its runs, leaving out phonetic guides (`<rPh>`), whose reading is not the
 * cell's text.
 */
class TextCollector {
  private depthPh = 0;
  private inT = false;
  private parts: string[] = [];

  open(name: string, selfClosing: boolean): void {
    if (name === 'rPh' && !selfClosing) this.depthPh++;
    else if (name === 't' && !selfClosing && this.depthPh === 0) this.inT = true;
  }

  close(name: string): void {
    if (name === 'rPh') this.depthPh = Math.max(0, this.depthPh - 1);
    else if (name === 't') this.inT = false;
  }

  text(t: string): void {
    if (this.inT) this.parts.push(t);
  }

  take(): string {
    const s = unescapeOoxml(this.parts.join(''));
    this.parts = [];
    this.inT = false;
    this.depthPh = 0;
    return s;
  }
}

async function tokenize(pkg: ZipPackage, part: PackagePart, handler: { open(n: string, a: XmlAttributes, s: boolean): void; close(n: string): void; text(t: string): void }): Promise<void> {
  const tokenizer = new XmlTokenizer(handler);
  for await (const chunk of pkg.streamText(part)) tokenizer.write(chunk);
  tokenizer.end();
}

/** The shared strings table as plain texts (rich text runs joined, phonetic guides left out). */
export async function readSharedStrings(pkg: ZipPackage, partName: string | null): Promise<string[]> {
  const part = partName ? pkg.find(partName) : undefined;
  if (!part) return [];
  const strings: string[] = [];
  const collector = new TextCollector();
  let inSi = false;
  await tokenize(pkg, part, {
    open(name, _a, selfClosing) {
      if (name === 'si') {
        inSi = !selfClosing;
        if (selfClosing) strings.push('');
      } else if (inSi) collector.open(name, selfClosing);
    },
    close(name) {
      if (name === 'si' && inSi) {
        strings.push(collector.take());
        inSi = false;
      } else if (inSi) collector.close(name);
    },
    text(t) {
      if (inSi) collector.text(t);
    },
  });
  return strings;
}

/** Which cell formats show dates (to move 1904-system dates onto the 1900 serials the core reads). */
export async function readDateStyles(pkg: ZipPackage, partName: string | null): Promise<DateStyles> {
  const part = partName ? pkg.find(partName) : undefined;
  const collector = new DateStyleCollector();
  if (part) await tokenize(pkg, part, { open: (n, a) => collector.open(n, a), close: (n) => collector.close(n), text: () => undefined });
  return collector.result();
}

/** An ISO 8601 date or date-time (a `t="d"` cell) as a 1900-system serial; null when it is not one. */
export function serialFromIso(text: string): number | null {
  const m = /^\s*(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?\s*$/.exec(text);
  const t = m ? null : /^\s*(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?\s*$/.exec(text);
  if (t) return (Number(t[1]) * 3600 + Number(t[2]) * 60 + Number(t[3] ?? 0) + Number(t[4] ?? 0)) / 86_400;
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d, Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0)) + Math.round(Number(m[7] ?? 0) * 1000);
  const check = new Date(Date.UTC(y, mo - 1, d));
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) return null;
  let serial = (ms - EPOCH_1900) / MS_PER_DAY;
  // Excel counts a 29 February 1900 that never was: days before March 1900 are one lower.
  if (serial < 61) serial -= 1;
  return serial >= 0 ? serial : null;
}

/** How to read the cells of one worksheet. */
export interface SheetReadContext {
  strings: readonly string[];
  dates: DateStyles;
  date1904: boolean;
}

/** Merged areas as 1-based rows and 0-based columns. */
interface MergeArea {
  r1: number;
  r2: number;
  c1: number;
  c2: number;
}

function parseRef(ref: string): { col0: number; row1: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(ref.trim());
  if (!m) return null;
  return { col0: columnIndex(m[1]), row1: Number(m[2]) };
}

/** Column of a cell reference ("BC12" → 54), or -1 when it has none. */
export function columnOf(ref: string | undefined): number {
  if (!ref) return -1;
  let n = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i) | 0x20;
    if (c < 97 || c > 122) break;
    n = n * 26 + (c - 96);
  }
  return i === 0 ? -1 : n - 1;
}

function rowOf(ref: string | undefined): number {
  if (!ref) return -1;
  const m = /(\d+)$/.exec(ref);
  return m ? Number(m[1]) : -1;
}

/** One cell's value from its type, stored text and format. */
function cellValue(t: string | undefined, v: string | null, inline: string | null, style: number, ctx: SheetReadContext): CellValue {
  switch (t) {
    case 's': {
      if (v === null) return null;
      const s = ctx.strings[Number(v)];
      return s === undefined ? null : s;
    }
    case 'inlineStr':
      return inline ?? (v === null ? null : unescapeOoxml(v));
    case 'str':
      return v === null ? null : unescapeOoxml(v);
    case 'b':
      return v === null ? null : v.trim() === '1' || v.trim().toLowerCase() === 'true';
    case 'e':
      return v === null ? null : { error: v.trim() };
    case 'd': {
      if (v === null) return null;
      const serial = serialFromIso(v);
      return serial === null ? { error: '#VALUE!' } : serial;
    }
    default: {
      if (v === null) return inline;
      const text = v.trim();
      if (text === '') return null;
      const n = Number(text);
      // A number cell holding something else keeps what it holds rather than becoming NaN.
      if (!Number.isFinite(n)) return v;
      return ctx.date1904 && ctx.dates.isDate(style) ? n + DAYS_1904 : n;
    }
  }
}

/**
 * Streams one worksheet part into a {@link SheetGrid}: every cell's value as the core reads it (shared
 * and inline strings with their runs, numbers, booleans, errors, formulas' cached results, ISO dates,
 * dates of the 1904 system moved to 1900 serials), rows and cells placed by their references or, where
 * a producer leaves them out, after the previous one. Merged areas are kept as their A1 text, at no
 * cost for their size, and the cells they cover (all but the top-left) read as blank.
 */
export async function readWorksheet(pkg: ZipPackage, part: PackagePart, name: string, ctx: SheetReadContext): Promise<SheetGrid> {
  const rows: CellValue[][] = [];
  const merged: string[] = [];
  const areas: MergeArea[] = [];
  const validations = new ValidationCollector();
  let inSheetData = false;
  let rowNumber = 0;
  /** The row element gave no number: its first cell's reference says where it is. */
  let rowFromCell = false;
  let row: CellValue[] | null = null;
  let col = -1;
  let cellType: string | undefined;
  let cellStyle = 0;
  let cellCol = -1;
  let inCell = false;
  let inV = false;
  let vParts: string[] | null = null;
  let inInline = false;
  const inlineText = new TextCollector();
  let inlineValue: string | null = null;

  const finishRow = (): void => {
    if (!row || row.length === 0 || rowNumber > MAX_ROW) return;
    for (let j = 0; j < row.length; j++) if (row[j] === undefined) row[j] = null;
    while (rows.length < rowNumber - 1) rows.push([]);
    rows[rowNumber - 1] = row;
  };

  await tokenize(pkg, part, {
    open(el, a, selfClosing) {
      if (inInline) {
        inlineText.open(el, selfClosing);
        return;
      }
      if (inCell) {
        if (el === 'v' && !selfClosing) {
          inV = true;
          vParts = [];
        } else if (el === 'is') {
          inInline = !selfClosing;
          inlineValue = selfClosing ? '' : null;
        }
        return;
      }
      if (el === 'sheetData') {
        inSheetData = !selfClosing;
      } else if (inSheetData && el === 'row') {
        const r = Number(a.r);
        rowFromCell = !(Number.isInteger(r) && r > 0);
        rowNumber = rowFromCell ? rowNumber + 1 : r;
        row = [];
        col = -1;
        if (selfClosing) row = null;
      } else if (inSheetData && el === 'c') {
        const ref = a.r;
        const c = columnOf(ref);
        col = c >= 0 ? c : col + 1;
        if (!row) {
          // A cell outside a row element: place it by its reference.
          const r = rowOf(ref);
          rowNumber = r > 0 ? r : rowNumber + 1;
          row = [];
        } else if (rowFromCell) {
          const r = rowOf(ref);
          if (r > 0) rowNumber = r;
        }
        rowFromCell = false;
        cellCol = col;
        cellType = a.t;
        cellStyle = a.s ? Number(a.s) : 0;
        vParts = null;
        inlineValue = null;
        inCell = !selfClosing;
      } else if (el === 'mergeCell' && a.ref) {
        const [p1, p2 = p1] = a.ref.split(':');
        const p = parseRef(p1);
        const q = parseRef(p2);
        if (p && q) {
          const area = { r1: Math.min(p.row1, q.row1), r2: Math.max(p.row1, q.row1), c1: Math.min(p.col0, q.col0), c2: Math.max(p.col0, q.col0) };
          if (area.r1 !== area.r2 || area.c1 !== area.c2) {
            areas.push(area);
            merged.push(a.ref.replace(/\$/g, '').toUpperCase());
          }
        }
      } else if (!inSheetData) validations.open(el, a, selfClosing);
    },
    close(el) {
      if (inInline) {
        if (el === 'is') {
          inInline = false;
          inlineValue = inlineText.take();
        } else inlineText.close(el);
        return;
      }
      if (inCell) {
        if (el === 'v') inV = false;
        else if (el === 'c') {
          inCell = false;
          const v = vParts ? (vParts as string[]).join('') : null;
          const value = cellValue(cellType, v, inlineValue, cellStyle, ctx);
          if (value !== null && row && cellCol <= MAX_COL) row[cellCol] = value;
        }
        return;
      }
      if (el === 'row' && inSheetData) {
        finishRow();
        row = null;
      } else if (el === 'sheetData') {
        if (row) finishRow();
        row = null;
        inSheetData = false;
      } else if (!inSheetData) validations.close(el);
    },
    text(t) {
      if (inInline) inlineText.text(t);
      else if (inV && vParts) vParts.push(t);
      else if (!inSheetData) validations.text(t);
    },
  });

  // Only an area's top-left cell holds its value; whatever else a producer stored there is covered.
  for (const area of areas) {
    const last = Math.min(area.r2, rows.length);
    for (let r = area.r1; r <= last; r++) {
      const cells = rows[r - 1];
      if (!cells) continue;
      const c2 = Math.min(area.c2, cells.length - 1);
      for (let c = area.c1; c <= c2; c++) if (r !== area.r1 || c !== area.c1) cells[c] = null;
      while (cells.length && cells[cells.length - 1] === null) cells.pop();
    }
  }
  const grid: SheetGrid = { name, rows };
  if (merged.length) grid.merged = [...new Set(merged)].sort();
  const rules = validations.take();
  if (rules.length) grid.validations = rules;
  return grid;
}

/** The notes (legacy comments) of a comments part: cell address → plain text. */
export async function readNotes(pkg: ZipPackage, partName: string): Promise<Map<string, string>> {
  const notes = new Map<string, string>();
  const part = pkg.find(partName);
  if (!part) return notes;
  const collector = new TextCollector();
  let ref: string | null = null;
  let inText = false;
  await tokenize(pkg, part, {
    open(name, a, selfClosing) {
      if (name === 'comment') {
        ref = a.ref ? a.ref.replace(/\$/g, '').toUpperCase() : null;
        if (selfClosing && ref) notes.set(ref, '');
      } else if (ref && name === 'text') inText = !selfClosing;
      else if (inText) collector.open(name, selfClosing);
    },
    close(name) {
      if (name === 'comment') {
        if (ref && !notes.has(ref)) notes.set(ref, collector.take());
        ref = null;
      } else if (name === 'text') inText = false;
      else if (inText) collector.close(name);
    },
    text(t) {
      if (inText) collector.text(t);
    },
  });
  return notes;
}
