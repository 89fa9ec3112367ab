import ExcelJS from 'exceljs';
import Decimal from 'decimal.js';
import { Severity } from '../core/model/findings';
import { ColumnFormat, OutCell, outValue, OwnedSheet, SEVERITY_FILL, SEVERITY_FONT } from '../core/output/plan';

/** Excel's limit on a sheet name's length. */
/** Excel's limit on a cell's text. */
const MAX_CELL_TEXT = 32_767;

const NUMBER_FORMATS: Partial<Record<ColumnFormat, string>> = {
  money: '#,##0.00',
  date: 'yyyy-mm-dd',
  datetime: 'yyyy-mm-dd hh:mm',
  int: '0',
  percent: '0.0%',
};


/** Characters XML 1.0 cannot carry; a cell holding one would make the whole file unreadable. */
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text safe to store in a cell: no characters XML refuses, no more than Excel keeps. */
export function safeText(text: string): string {
  const clean = text.replace(XML_INVALID, '\uFFFD');
  return clean.length > MAX_CELL_TEXT ? clean.slice(0, MAX_CELL_TEXT - 1) + '…' : clean;
}

/** A string that Excel would read as a formula if it were typed in. */
function looksLikeFormula(text: string): boolean {
  return /^[=+\-@]/.test(text);
}

/**
 * Writes text as text. exceljs stores a JavaScript string as a string cell whatever it starts with; the
 * text number format on `=`, `+`, `-`, `@` strings also keeps Excel from turning the cell into a
 * formula when a user opens it for editing and presses Enter.
 */
export function writeText(cell: ExcelJS.Cell, text: string): void {
  const t = safeText(text);
  cell.value = t;
  if (looksLikeFormula(t)) cell.numFmt = '@';
}

function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** The hyperlink value of a link to a cell of this workbook (see exceljs-patches: `#` marks it internal). */
export function cellLinkTarget(sheet: string, cell: string): string {
  return `#${quoteSheet(sheet)}!${cell}`;
}

/** Money as a number cell when the double keeps every digit of the decimal, else as exact text. */
function writeMoney(cell: ExcelJS.Cell, decimal: string): void {
  let d: Decimal;
  try {
    d = new Decimal(decimal);
  } catch {
    writeText(cell, decimal);
    return;
  }
  // A cell holds an IEEE double; this is the one conversion out of exact decimals, checked to be lossless.
  const n = d.toNumber();
  if (Number.isFinite(n) && new Decimal(n).eq(d)) {
    cell.value = n;
    cell.numFmt = NUMBER_FORMATS.money as string;
  } else {
    writeText(cell, d.toFixed());
  }
}

/** Writes one cell of an owned sheet. */
export function writeOutCell(cell: ExcelJS.Cell, out: OutCell, format: ColumnFormat | undefined): void {
  const value = outValue(out);
  if (value === null) return;
  if (typeof value === 'string') {
    writeText(cell, value);
    return;
  }
  if (typeof value === 'number') {
    cell.value = value;
    const f = format && format !== 'text' ? NUMBER_FORMATS[format] : undefined;
    if (f) cell.numFmt = f;
    return;
  }
  if ('money' in value) {
    writeMoney(cell, value.money);
    return;
  }
  if ('date' in value) {
    cell.value = value.date;
    cell.numFmt = format === 'datetime' ? (NUMBER_FORMATS.datetime as string) : (NUMBER_FORMATS.date as string);
    return;
  }
  if ('formula' in value) {
    // Built by the product, never from data text (see OutValue).
    cell.value = { formula: value.formula };
    const f = NUMBER_FORMATS[value.format ?? format ?? 'text'];
    if (f) cell.numFmt = f;
    return;
  }
  const { text, sheet, cell: target } = value.link;
  cell.value = { text: safeText(text), hyperlink: cellLinkTarget(sheet, target) };
  cell.font = { color: { argb: 'FF0563C1' }, underline: true };
}

function fillOf(severity: Severity): ExcelJS.Fill {
  return { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${SEVERITY_FILL[severity]}` } };
}

function shade(cell: ExcelJS.Cell, severity: Severity | null | undefined): void {
  if (!severity) return;
  cell.fill = fillOf(severity);
  if (cell.type !== ExcelJS.ValueType.Hyperlink) cell.font = { ...(cell.font ?? {}), color: { argb: `FF${SEVERITY_FONT[severity]}` } };
}

/** Link names in `sheet` to their final (unique) names, so links follow a renamed owned sheet. */
export type SheetRenames = ReadonlyMap<string, string>;

function relink(cell: OutCell, renames: SheetRenames): OutCell {
  const value = outValue(cell);
  if (value && typeof value === 'object' && 'link' in value) {
    const to = renames.get(value.link.sheet);
    if (to !== undefined) return { link: { ...value.link, sheet: to } };
  }
  return cell;
}

/** exceljs has a worksheet's data validations but leaves them out of its typings. */
function worksheetValidations(ws: ExcelJS.Worksheet): { add(address: string, validation: ExcelJS.DataValidation): void } {
  return (ws as unknown as { dataValidations: { add(address: string, validation: ExcelJS.DataValidation): void } }).dataValidations;
}

/**
 * Draws an owned sheet: the preamble (title in bold, legend swatches), the header row (bold, frozen,
 * filtered), then the rows with their column formats and row fills, column widths, drop-downs for
 * columns with choices, and A4 fit-to-width printing.
 */
export function writeOwnedSheet(ws: ExcelJS.Worksheet, sheet: OwnedSheet, renames: SheetRenames = new Map()): void {
  const preamble = sheet.preamble ?? [];
  preamble.forEach((cells, i) => {
    const row = ws.getRow(i + 1);
    cells.forEach((v, j) => {
      const cell = row.getCell(j + 1);
      writeOutCell(cell, relink(v, renames), undefined);
      shade(cell, sheet.preambleSeverity?.[i]?.[j]);
    });
    if (i === 0 && cells.length) row.getCell(1).font = { bold: true, size: 14 };
  });

  const headerRow = preamble.length + 1;
  const header = ws.getRow(headerRow);
  sheet.columns.forEach((col, j) => {
    const cell = header.getCell(j + 1);
    writeText(cell, col.header);
    cell.font = { bold: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9D9D9' } };
    cell.border = { bottom: { style: 'thin' } };
    if (col.width) ws.getColumn(j + 1).width = col.width;
  });

  sheet.rows.forEach((cells, i) => {
    const row = ws.getRow(headerRow + 1 + i);
    const severity = sheet.rowSeverity?.[i];
    for (let j = 0; j < Math.max(cells.length, severity ? sheet.columns.length : 0); j++) {
      const cell = row.getCell(j + 1);
      writeOutCell(cell, relink(cells[j] ?? null, renames), sheet.columns[j]?.format);
      shade(cell, severity);
    }
  });

  const lastRow = headerRow + sheet.rows.length;
  if (sheet.columns.length) {
    ws.views = [{ state: 'frozen', xSplit: 0, ySplit: headerRow }];
    ws.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: lastRow, column: sheet.columns.length } };
  }
  sheet.columns.forEach((col, j) => {
    const choices = col.choices ?? [];
    // A list is written as "a,b,c": a choice with a comma or a quote cannot be offered safely, so none is.
    if (!choices.length || sheet.rows.length === 0 || choices.some((c) => c === '' || /[",]/.test(c))) return;
    const letter = ws.getColumn(j + 1).letter;
    worksheetValidations(ws).add(`${letter}${headerRow + 1}:${letter}${lastRow}`, {
      type: 'list',
      allowBlank: true,
      // A quoted list is a constant, never a formula, whatever the choices start with.
      formulae: [`"${choices.join(',')}"`],
    });
  });
  ws.pageSetup = { ...ws.pageSetup, paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
}
