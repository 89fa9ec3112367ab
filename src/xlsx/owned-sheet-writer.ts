import type ExcelJS from 'exceljs';
import { exceljs } from './exceljs-runtime';
import Decimal from 'decimal.js';
import { Severity } from '../core/model/findings';
import { CellStyle, ColumnFormat, OutCell, outStyle, outValue, OwnedSheet, PageSetup, SEVERITY_FILL, SEVERITY_FONT, sheetLayout } from '../core/output/plan';

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

/**
 * The font of every cell the writer styles. Name and size are always written: a font without them is
 * drawn in whatever the reader defaults to (LibreOffice and some Excel builds differ).
 */
export const BASE_FONT: Readonly<Partial<ExcelJS.Font>> = { name: 'Calibri', size: 11, family: 2 };
const LINK_ARGB = 'FF0563C1';
const HEADER_FILL = 'D9D9D9';
/** Paper size code of A4 in SpreadsheetML's pageSetup. */
const PAPER_A4 = 9;

/** A formula's known result as the cell caches it: a decimal string becomes the number it is when lossless. */
function cachedResult(result: string | number | undefined): string | number | undefined {
  if (typeof result !== 'string') return result;
  try {
    const d = new Decimal(result);
    // The cached value is a double like any number cell; only a lossless one is stored as a number.
    const n = d.toNumber();
    return Number.isFinite(n) && new Decimal(n).eq(d) ? n : result;
  } catch {
    return result;
  }
}

/** Writes one cell of an owned sheet (value and number format; the look is {@link styleCell}'s). */
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
    cell.value = { formula: value.formula, result: cachedResult(value.result) } as ExcelJS.CellFormulaValue;
    const f = NUMBER_FORMATS[value.format ?? format ?? 'text'];
    if (f) cell.numFmt = f;
    return;
  }
  const { text, sheet, cell: target } = value.link;
  cell.value = { text: safeText(text), hyperlink: cellLinkTarget(sheet, target) };
  cell.font = { ...BASE_FONT, color: { argb: LINK_ARGB }, underline: true };
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

/** What a cell looks like beyond its value: its style, and the row's severity colour. */
function styleCell(cell: ExcelJS.Cell, style: CellStyle | undefined, severity: Severity | null | undefined, wrap: boolean, unlocked: boolean): void {
  const isLink = cell.type === exceljs().ValueType.Hyperlink;
  const font: Partial<ExcelJS.Font> = isLink ? { ...BASE_FONT, color: { argb: LINK_ARGB }, underline: true } : { ...BASE_FONT };
  let fontChanged = isLink;
  if (severity && !isLink) {
    font.color = { argb: `FF${SEVERITY_FONT[severity]}` };
    fontChanged = true;
  }
  if (style?.bold) font.bold = true;
  if (style?.italic) font.italic = true;
  if (style?.size) font.size = style.size;
  if (style?.bold || style?.italic || style?.size) fontChanged = true;
  if (fontChanged) cell.font = font;

  const fill = style?.fill ?? (severity ? SEVERITY_FILL[severity] : undefined);
  if (fill) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${fill.toUpperCase()}` } };

  const wraps = style?.wrap ?? wrap;
  if (wraps || style?.align) {
    const alignment: Partial<ExcelJS.Alignment> = {};
    if (style?.align) alignment.horizontal = style.align;
    if (wraps) {
      alignment.wrapText = true;
      alignment.vertical = 'top';
    }
    cell.alignment = alignment;
  }
  const border = borderOf(style?.border);
  if (border) cell.border = border;
  if (style?.format) {
    const f = NUMBER_FORMATS[style.format];
    if (f) cell.numFmt = f;
  }
  if (style?.unlocked || unlocked) cell.protection = { locked: false };
}

function borderOf(kind: CellStyle['border']): Partial<ExcelJS.Borders> | null {
  const thin: Partial<ExcelJS.Border> = { style: 'thin' };
  switch (kind) {
    case 'box': return { top: thin, bottom: thin, left: thin, right: thin };
    case 'top': return { top: thin };
    case 'bottom': return { bottom: thin };
    case 'double-bottom': return { bottom: { style: 'double' } };
    default: return null;
  }
}

/** Footer text in SpreadsheetML's codes: `&L` left, `&C` centre, `&R` right section. */
export function footerText(footer: NonNullable<PageSetup['footer']>): string {
  return `${footer.left ? `&L${footer.left}` : ''}${footer.center ? `&C${footer.center}` : ''}${footer.right ? `&R${footer.right}` : ''}`;
}

/** Writes a row of cells at sheet row `rowNumber`, each with its style. */
function writeCells(
  ws: ExcelJS.Worksheet,
  rowNumber: number,
  cells: readonly OutCell[],
  width: number,
  renames: SheetRenames,
  format: (j: number) => ColumnFormat | undefined,
  look: (j: number) => { severity?: Severity | null; wrap?: boolean; unlocked?: boolean; style?: CellStyle },
): void {
  const row = ws.getRow(rowNumber);
  for (let j = 0; j < width; j++) {
    const out = cells[j] ?? null;
    const extra = look(j);
    const style = outStyle(out) ?? extra.style;
    if (out === null && !extra.severity && !style && !extra.unlocked) continue;
    const cell = row.getCell(j + 1);
    writeOutCell(cell, relink(out, renames), style?.format ?? format(j));
    styleCell(cell, style, extra.severity, extra.wrap === true, extra.unlocked === true);
    // A row keeps its default height whatever its font: a larger title would be cut off in print.
    if (style?.size && style.size > 11) {
      const row = ws.getRow(rowNumber);
      row.height = Math.max(row.height ?? 0, Math.ceil(style.size * 1.5));
    }
  }
}

/** Makes `ws` the sheet shown when the workbook opens, and the only selected tab. */
function activate(ws: ExcelJS.Worksheet): void {
  const wb = ws.workbook;
  const index = wb.worksheets.indexOf(ws);
  if (index < 0) return;
  for (const other of wb.worksheets) {
    const views = other.views?.length ? other.views : [{}];
    other.views = views.map((v) => ({ ...v, tabSelected: other === ws })) as ExcelJS.WorksheetView[];
  }
  // A workbook read from a file may carry no views at all.
  const first: Partial<ExcelJS.WorkbookView> = (wb.views as ExcelJS.WorkbookView[] | undefined)?.[0] ?? {};
  wb.views = [{ x: first.x ?? 0, y: first.y ?? 0, width: first.width ?? 12000, height: first.height ?? 24000, visibility: first.visibility ?? 'visible', firstSheet: 0, activeTab: index }];
}

/** Page setup as SpreadsheetML keeps it: A4, orientation, fit to width, print titles. */
function applyPage(ws: ExcelJS.Worksheet, page: PageSetup | undefined): void {
  const setup: Partial<ExcelJS.PageSetup> = {
    ...ws.pageSetup,
    paperSize: PAPER_A4,
    orientation: page?.orientation ?? 'landscape',
    fitToPage: page ? page.fitToWidth : true,
    fitToWidth: 1,
    // 0 pages tall: as many as the rows need.
    fitToHeight: 0,
  };
  if (page?.printTitleRows) setup.printTitlesRow = `${page.printTitleRows.first}:${page.printTitleRows.last}`;
  ws.pageSetup = setup;
  if (page?.footer) ws.headerFooter = { ...ws.headerFooter, oddFooter: footerText(page.footer) };
}

/**
 * Draws an owned sheet: the preamble (a first-row title without a style of its own is bold, 14 pt;
 * legend swatches), the header row unless `headerRow` is false (bold, shaded, filtered), the rows with
 * their column formats, styles and row fills; merges, frozen rows, column widths, drop-downs for columns
 * with choices, page setup (A4, fit to width unless told otherwise, print titles, footer), protection
 * with unlocked cells, and which sheet is active. Every font written carries a name and a size.
 */
export function writeOwnedSheet(ws: ExcelJS.Worksheet, sheet: OwnedSheet, renames: SheetRenames = new Map()): void {
  const preamble = sheet.preamble ?? [];
  const layout = sheetLayout(sheet);
  const columns = sheet.columns;
  const protectedSheet = sheet.protect === true;

  preamble.forEach((cells, i) => {
    const title = i === 0 && cells.length > 0 && outStyle(cells[0]) === undefined ? { bold: true, size: 14 } : undefined;
    writeCells(ws, i + 1, cells, cells.length, renames, () => undefined, (j) => ({
      severity: sheet.preambleSeverity?.[i]?.[j], style: j === 0 ? title : undefined,
    }));
  });

  if (layout.headerRow !== null) {
    const header = ws.getRow(layout.headerRow);
    columns.forEach((col, j) => {
      const cell = header.getCell(j + 1);
      writeText(cell, col.header);
      styleCell(cell, { bold: true, fill: HEADER_FILL, border: 'bottom', wrap: true }, null, false, false);
    });
  }
  columns.forEach((col, j) => {
    if (col.width) ws.getColumn(j + 1).width = col.width;
  });

  sheet.rows.forEach((cells, i) => {
    const severity = sheet.rowSeverity?.[i];
    const width = Math.max(cells.length, severity ? columns.length : 0, protectedSheet ? columns.length : 0);
    writeCells(ws, layout.firstDataRow + i, cells, width, renames, (j) => columns[j]?.format, (j) => ({
      severity, wrap: columns[j]?.wrap, unlocked: protectedSheet && columns[j]?.unlocked,
    }));
  });

  for (const area of sheet.merges ?? []) ws.mergeCells(area);

  const lastRow = layout.firstDataRow + sheet.rows.length - 1;
  if (layout.freezeRows > 0) ws.views = [{ state: 'frozen', xSplit: 0, ySplit: layout.freezeRows }];
  if (layout.headerRow !== null && columns.length) {
    ws.autoFilter = { from: { row: layout.headerRow, column: 1 }, to: { row: Math.max(lastRow, layout.headerRow), column: columns.length } };
  }
  columns.forEach((col, j) => {
    const choices = col.choices ?? [];
    // A list is written as "a,b,c": a choice with a comma or a quote cannot be offered safely, so none is.
    if (!choices.length || sheet.rows.length === 0 || choices.some((c) => c === '' || /[",]/.test(c))) return;
    const letter = ws.getColumn(j + 1).letter;
    worksheetValidations(ws).add(`${letter}${layout.firstDataRow}:${letter}${lastRow}`, {
      type: 'list',
      allowBlank: true,
      // A quoted list is a constant, never a formula, whatever the choices start with.
      formulae: [`"${choices.join(',')}"`],
      ...(col.choicesAlert ? { showErrorMessage: true, errorStyle: 'stop', errorTitle: col.choicesAlert.title, error: col.choicesAlert.message } : {}),
    });
  });
  applyPage(ws, sheet.page);
  if (protectedSheet) {
    // No password: protection guards against slips, not people; sorting, filtering and widening stay allowed.
    // exceljs sets the protection synchronously inside the promise it returns when no password is given.
    void ws.protect('', { selectLockedCells: true, selectUnlockedCells: true, sort: true, autoFilter: true, formatColumns: true, formatRows: true });
  }
  if (sheet.activate) activate(ws);
}
