import { columnLetter } from '../core/model/cells';
import { Severity } from '../core/model/findings';
import { columnOf } from './sheet-reader';

/** Worksheet children that come after `<legacyDrawing>` in the schema's order. */
const AFTER_LEGACY = new Set(['legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst']);
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** What to do to one worksheet part. */
export interface SheetMarks {
  /** Flagged cells by 1-based row, then 0-based column. */
  cells: Map<number, Map<number, Severity>>;
  /** The new format of a flagged cell whose format was `xf`. */
  styleFor(xf: number, severity: Severity): number;
  /** Told each flagged cell's address and original format (to save its look). */
  seen(address: string, xf: number): void;
  /** When set, a `<legacyDrawing>` with this relationship id is added (notes on a sheet without any). */
  legacyDrawingId?: string;
}

// One pattern per attribute name, built once: the marker looks at millions of tags.
const ATTR_PATTERNS = new Map<string, RegExp>();
const SET_ATTR_PATTERNS = new Map<string, RegExp>();

function pattern(cache: Map<string, RegExp>, name: string, make: () => RegExp): RegExp {
  let re = cache.get(name);
  if (!re) cache.set(name, (re = make()));
  return re;
}

function attr(tag: string, name: string): string | undefined {
  const m = pattern(ATTR_PATTERNS, name, () => new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`)).exec(tag);
  return m ? (m[1] ?? m[2]) : undefined;
}

function setAttr(tag: string, name: string, value: string): string {
  const re = pattern(SET_ATTR_PATTERNS, name, () => new RegExp(`(\\s${name}\\s*=\\s*)(?:"[^"]*"|'[^']*')`));
  if (re.test(tag)) return tag.replace(re, `$1"${value}"`);
  return tag.replace(/^(<[\w:.-]+)/, `$1 ${name}="${value}"`);
}

/** Where the element name of `tag` ends (at whitespace, `/` or `>`), from `start`. */
function nameEnd(tag: string, start: number): number {
  for (let i = start; i < tag.length; i++) {
    const c = tag.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === 47 || c === 62) return i;
  }
  return tag.length;
}

/** End of the tag starting at `lt` (after its `>`), quotes respected; -1 when the text stops first. */
function tagEnd(buf: string, lt: number): number {
  let quote = 0;
  for (let i = lt + 1; i < buf.length; i++) {
    const c = buf.charCodeAt(i);
    if (quote) {
      if (c === quote) quote = 0;
    } else if (c === 34 || c === 39) quote = c;
    else if (c === 62) return i + 1;
  }
  return -1;
}

/**
 * Streams a worksheet part through, changing only the style index (`s`) of the flagged cells: every
 * other byte of the text goes out as it came in. A flagged cell the part does not hold (a blank that
 * should not be) is added in its place in its row, or in a new row; a `<legacyDrawing>` is added in
 * its schema position when the sheet gets its first notes.
 */
export async function* markSheet(chunks: AsyncIterable<string>, marks: SheetMarks): AsyncGenerator<string> {
  const out: string[] = [];
  let depth = 0;
  let prefix = '';
  let inSheetData = false;
  let rowNumber = 0;
  let rowFromCell = false;
  let inRow = false;
  let rowStyle = 0;
  let col = -1;
  let pendingCols: number[] = [];
  let rowMarks: Map<number, Severity> | undefined;
  const pendingRows = [...marks.cells.keys()].sort((a, b) => a - b);
  let nextRow = 0;
  let legacyPending = marks.legacyDrawingId !== undefined;

  const cellXml = (row: number, c: number, severity: Severity, xf: number): string => {
    const address = `${columnLetter(c)}${row}`;
    marks.seen(address, xf);
    return `<${prefix}c r="${address}" s="${marks.styleFor(xf, severity)}"/>`;
  };
  const flushCols = (upTo: number): void => {
    while (pendingCols.length && pendingCols[0] < upTo) {
      const c = pendingCols.shift() as number;
      out.push(cellXml(rowNumber, c, rowMarks?.get(c) as Severity, rowStyle));
    }
  };
  const rowsBefore = (limit: number): void => {
    while (nextRow < pendingRows.length && pendingRows[nextRow] < limit) {
      const r = pendingRows[nextRow++];
      const cells = marks.cells.get(r) as Map<number, Severity>;
      out.push(`<${prefix}row r="${r}">`);
      for (const c of [...cells.keys()].sort((a, b) => a - b)) out.push(cellXml(r, c, cells.get(c) as Severity, 0));
      out.push(`</${prefix}row>`);
    }
  };
  const legacy = (): string => `<${prefix}legacyDrawing xmlns:r="${REL_NS}" r:id="${marks.legacyDrawingId}"/>`;
  const startRow = (): void => {
    // The row's number is known: its flagged cells wait for their place.
    while (nextRow < pendingRows.length && pendingRows[nextRow] < rowNumber) rowsBefore(rowNumber);
    rowMarks = undefined;
    pendingCols = [];
    if (nextRow < pendingRows.length && pendingRows[nextRow] === rowNumber) {
      rowMarks = marks.cells.get(rowNumber);
      pendingCols = [...(rowMarks as Map<number, Severity>).keys()].sort((a, b) => a - b);
      nextRow++;
    }
  };

  const handleTag = (tag: string): void => {
    const selfClosing = tag.endsWith('/>');
    const closing = tag.charCodeAt(1) === 47;
    const start = closing ? 2 : 1;
    const qname = tag.slice(start, nameEnd(tag, start));
    const colon = qname.indexOf(':');
    const name = colon < 0 ? qname : qname.slice(colon + 1);
    if (closing) {
      depth--;
      if (inSheetData && name === 'row' && depth === 2) {
        flushCols(Infinity);
        inRow = false;
      } else if (name === 'sheetData' && depth === 1) {
        rowsBefore(Infinity);
        inSheetData = false;
      } else if (depth === 0 && legacyPending) {
        out.push(legacy());
        legacyPending = false;
      }
      out.push(tag);
      return;
    }
    if (depth === 0) prefix = colon < 0 ? '' : qname.slice(0, colon + 1);
    if (depth === 1 && legacyPending && AFTER_LEGACY.has(name)) {
      out.push(legacy());
      legacyPending = false;
    }
    if (depth === 1 && name === 'sheetData') {
      if (selfClosing) {
        out.push(tag.replace(/\s*\/>$/, '>'));
        rowsBefore(Infinity);
        out.push(`</${qname}>`);
        return;
      }
      inSheetData = true;
    } else if (inSheetData && depth === 2 && name === 'row') {
      const r = Number(attr(tag, 'r'));
      rowFromCell = !(Number.isInteger(r) && r > 0);
      rowNumber = rowFromCell ? rowNumber + 1 : r;
      rowStyle = attr(tag, 'customFormat') === '1' || attr(tag, 'customFormat') === 'true' ? Number(attr(tag, 's') ?? 0) : 0;
      col = -1;
      startRow();
      if (selfClosing && pendingCols.length) {
        out.push(tag.replace(/\s*\/>$/, '>'));
        flushCols(Infinity);
        out.push(`</${qname}>`);
        return;
      }
      inRow = !selfClosing;
    } else if (inSheetData && inRow && depth === 3 && name === 'c' && pendingCols.length) {
      // Only a row with flagged cells left needs to know which column a cell is in.
      const ref = attr(tag, 'r');
      const c = columnOf(ref);
      col = c >= 0 ? c : col + 1;
      flushCols(col);
      if (pendingCols.length && pendingCols[0] === col) {
        pendingCols.shift();
        const xf = Number(attr(tag, 's') ?? 0);
        marks.seen(`${columnLetter(col)}${rowNumber}`, xf);
        tag = setAttr(tag, 's', String(marks.styleFor(xf, rowMarks?.get(col) as Severity)));
      }
    }
    if (!selfClosing) depth++;
    out.push(tag);
  };

  let buf = '';
  const scan = (final: boolean): void => {
    let pos = 0;
    const n = buf.length;
    while (pos < n) {
      const lt = buf.indexOf('<', pos);
      if (lt < 0) {
        out.push(buf.slice(pos));
        pos = n;
        break;
      }
      if (lt > pos) out.push(buf.slice(pos, lt));
      pos = lt;
      let end: number;
      if (buf.startsWith('<![CDATA[', lt)) {
        const e = buf.indexOf(']]>', lt);
        end = e < 0 ? -1 : e + 3;
        if (end > 0) out.push(buf.slice(lt, end));
      } else if (buf.startsWith('<!--', lt)) {
        const e = buf.indexOf('-->', lt);
        end = e < 0 ? -1 : e + 3;
        if (end > 0) out.push(buf.slice(lt, end));
      } else if (lt + 1 < n && (buf[lt + 1] === '?' || buf[lt + 1] === '!')) {
        end = tagEnd(buf, lt);
        if (end > 0) out.push(buf.slice(lt, end));
      } else if (n - lt < 12 && !final && !buf.slice(lt).includes('>')) {
        end = -1;
      } else {
        end = tagEnd(buf, lt);
        if (end > 0) handleTag(buf.slice(lt, end));
      }
      if (end < 0) {
        if (final) throw new Error('the sheet part ends inside a tag');
        break;
      }
      pos = end;
    }
    buf = buf.slice(pos);
  };
  for await (const chunk of chunks) {
    buf += chunk;
    scan(false);
    if (out.length) {
      yield out.join('');
      out.length = 0;
    }
  }
  scan(true);
  if (out.length) yield out.join('');
}

/** Flagged cells of a sheet grouped by row and column, from A1 addresses. */
export function marksByRow(cells: readonly { address: string; severity: Severity }[]): Map<number, Map<number, Severity>> {
  const byRow = new Map<number, Map<number, Severity>>();
  for (const { address, severity } of cells) {
    const m = /^([A-Za-z]{1,3})(\d+)$/.exec(address);
    if (!m) continue;
    const row = Number(m[2]);
    const c = columnOf(m[1]);
    let r = byRow.get(row);
    if (!r) byRow.set(row, (r = new Map()));
    r.set(c, severity);
  }
  return byRow;
}
