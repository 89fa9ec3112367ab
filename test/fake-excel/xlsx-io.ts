import ExcelJS from 'exceljs';
import { fromExcelJs, toExcelJs as validationToExcelJs } from '../../src/xlsx/data-validations';
import { ValidationRule } from '../../src/core/templates/template-layout';
import { cellKey, colLetters, keyCol, keyRow, MAX_ROWS, parseLocal } from './address';
import { serialOf } from './cell-values';
import { FakeSheet, FakeValue, FakeWorkbookModel, Visibility } from './model';

/**
 * Loads a fake workbook from an .xlsx file and saves one back (Node only: exceljs and the file system).
 * Kept apart from the rest of the fake so the browser bundle never pulls exceljs in.
 * Carried: values (dates as serials, formulas as cached result + formula), number formats, solid
 * fills, font colour and bold, notes, hyperlinks, merged cells, sheet visibility and protection, and
 * (saved only unless noted) data validations (also loaded), column-wide number formats, unlocked columns,
 * protection options and password, frozen header rows.
 */

const VISIBILITY: Record<string, Visibility> = { visible: 'Visible', hidden: 'Hidden', veryHidden: 'VeryHidden' };
const STATE: Record<Visibility, 'visible' | 'hidden' | 'veryHidden'> = { Visible: 'visible', Hidden: 'hidden', VeryHidden: 'veryHidden' };

const PATTERNS: Record<string, string> = {
  solid: 'Solid', darkGray: 'Gray75', mediumGray: 'Gray50', lightGray: 'Gray25', gray125: 'Gray16', gray0625: 'Gray8',
  darkHorizontal: 'Horizontal', darkVertical: 'Vertical', darkDown: 'Down', darkUp: 'Up', darkGrid: 'Checker',
  darkTrellis: 'SemiGray75', lightHorizontal: 'LightHorizontal', lightVertical: 'LightVertical', lightDown: 'LightDown',
  lightUp: 'LightUp', lightGrid: 'Grid', lightTrellis: 'CrissCross',
};
const PATTERN_NAMES: Record<string, string> = Object.fromEntries(Object.entries(PATTERNS).map(([k, v]) => [v, k]));

function argbToHex(argb: string | undefined): string | null {
  if (!argb || !/^[0-9a-fA-F]{8}$|^[0-9a-fA-F]{6}$/.test(argb)) return null;
  return `#${argb.slice(-6).toUpperCase()}`;
}

function hexToArgb(hex: string): string {
  return `FF${hex.replace('#', '').toUpperCase()}`;
}

function dateToSerial(d: Date): number {
  const day = serialOf(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()) ?? 0;
  const fraction = (d.getUTCHours() * 3600 + d.getUTCMinutes() * 60 + d.getUTCSeconds()) / 86400;
  return day + fraction;
}

function noteText(note: unknown): string | null {
  if (note === undefined || note === null) return null;
  if (typeof note === 'string') return note;
  const texts = (note as { texts?: { text?: string }[] }).texts;
  return Array.isArray(texts) ? texts.map((t) => t.text ?? '').join('') : null;
}

/** Maps an exceljs cell value to the fake's stored value and formula. */
function readValue(v: ExcelJS.CellValue): { value: FakeValue; formula?: string; hyperlink?: string; text?: string } {
  if (v === null || v === undefined) return { value: null };
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return { value: v };
  if (v instanceof Date) return { value: dateToSerial(v) };
  const o = v as unknown as Record<string, unknown>;
  if (typeof o.error === 'string') return { value: { error: o.error } };
  if (typeof o.formula === 'string' || typeof o.sharedFormula === 'string') {
    const inner = readValue((o.result ?? null) as ExcelJS.CellValue);
    return { value: inner.value, formula: `=${String(o.formula ?? o.sharedFormula)}` };
  }
  if (Array.isArray(o.richText)) return { value: (o.richText as { text: string }[]).map((t) => t.text).join('') };
  if (typeof o.hyperlink === 'string') {
    const text = typeof o.text === 'string' ? o.text : String(o.text ?? '');
    return { value: text, hyperlink: o.hyperlink, text };
  }
  return { value: null };
}

function loadSheet(ws: ExcelJS.Worksheet, sheet: FakeSheet): void {
  sheet.visibility = VISIBILITY[ws.state] ?? 'Visible';
  sheet.protected = Boolean((ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet);
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    row.eachCell({ includeEmpty: true }, (cell, colNumber) => {
      const r = rowNumber - 1;
      const c = colNumber - 1;
      const key = cellKey(r, c);
      if (cell.isMerged && cell.master !== cell) return;
      const read = readValue(cell.value);
      sheet.setValue(r, c, read.value);
      if (read.formula) sheet.formulas.set(key, read.formula);
      if (read.hyperlink) {
        sheet.hyperlinks.set(key, read.hyperlink.startsWith('#')
          ? { documentReference: read.hyperlink.slice(1), textToDisplay: read.text }
          : { address: read.hyperlink, textToDisplay: read.text });
      }
      if (cell.numFmt && cell.numFmt !== 'General') sheet.numberFormats.set(key, cell.numFmt);
      const fill = cell.fill as ExcelJS.FillPattern | undefined;
      if (fill && fill.type === 'pattern' && fill.pattern && fill.pattern !== 'none') {
        sheet.fills.set(key, { color: argbToHex(fill.fgColor?.argb) ?? '#FFFFFF', pattern: PATTERNS[fill.pattern] ?? 'Solid' });
      }
      const font = cell.font as Partial<ExcelJS.Font> | undefined;
      const fontColor = argbToHex(font?.color?.argb);
      if (fontColor || font?.bold) sheet.fonts.set(key, { ...(fontColor ? { color: fontColor } : {}), ...(font?.bold ? { bold: true } : {}) });
      const note = noteText(cell.note);
      if (note !== null) sheet.notes.set(key, { content: note, author: '' });
    });
  });
  const dvs = (ws as unknown as { dataValidations?: { model?: Record<string, unknown> } }).dataValidations?.model ?? {};
  for (const [range, dv] of Object.entries(dvs)) {
    const read = dv ? fromExcelJs(range, dv as Parameters<typeof fromExcelJs>[1]) : null;
    if (!read) continue;
    for (const area of range.split(/\s+/)) {
      const rect = parseLocal(area);
      if (!rect) continue;
      sheet.validations.push({
        rect,
        rule: read.rule as unknown as Record<string, unknown>,
        ...(read.prompt ? { prompt: { showPrompt: true, ...read.prompt } } : {}),
        ...(read.errorAlert ? { errorAlert: { showAlert: true, ...read.errorAlert } } : {}),
        ignoreBlanks: read.ignoreBlanks,
      });
    }
  }
  const merges = (ws.model as unknown as { merges?: string[] }).merges ?? [];
  for (const m of merges) {
    const [a, b] = m.split(':');
    const pa = /^([A-Z]+)(\d+)$/.exec(a);
    const pb = /^([A-Z]+)(\d+)$/.exec(b ?? a);
    if (!pa || !pb) continue;
    const col = (s: string): number => [...s].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
    sheet.merged.push({ r0: Number(pa[2]) - 1, c0: col(pa[1]), r1: Number(pb[2]) - 1, c1: col(pb[1]) });
  }
}

/** Reads an .xlsx file (path or bytes) into a fake workbook. */
export async function loadXlsx(source: string | Buffer): Promise<FakeWorkbookModel> {
  const wb = new ExcelJS.Workbook();
  if (typeof source === 'string') await wb.xlsx.readFile(source);
  else await wb.xlsx.load(source as unknown as ArrayBuffer);
  const model = new FakeWorkbookModel();
  for (const ws of wb.worksheets) loadSheet(ws, model.addSheet(ws.name));
  const active = model.sheets.find((s) => s.visibility === 'Visible');
  model.activeSheetId = active?.id ?? null;
  return model;
}

function writeValue(sheet: FakeSheet, r: number, c: number): ExcelJS.CellValue {
  const key = cellKey(r, c);
  const v = sheet.getValue(r, c);
  const formula = sheet.formulas.get(key);
  const link = sheet.hyperlinks.get(key);
  const plain: ExcelJS.CellValue = v === null ? null : typeof v === 'object' ? { error: v.error as ExcelJS.CellErrorValue['error'] } : v;
  if (formula) return { formula: formula.replace(/^=/, ''), result: plain as ExcelJS.CellFormulaValue['result'] };
  if (link) {
    const target = link.documentReference ? `#${link.documentReference}` : link.address ?? '';
    return { text: link.textToDisplay ?? (v === null ? '' : String(plain)), hyperlink: target };
  }
  return plain;
}

/** Builds an exceljs workbook from a fake one. */
export function toExcelJs(model: FakeWorkbookModel): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  for (const sheet of model.sheets) {
    const ws = wb.addWorksheet(sheet.name, { state: STATE[sheet.visibility] });
    const keys = new Set<number>();
    sheet.rows.forEach((row, r) => row?.forEach((v, c) => {
      if (v !== null && v !== undefined) keys.add(cellKey(r, c));
    }));
    for (const m of [sheet.formulas, sheet.numberFormats, sheet.fills, sheet.fonts, sheet.hyperlinks, sheet.notes]) {
      for (const k of m.keys()) keys.add(k);
    }
    for (const key of keys) {
      const r = keyRow(key);
      const c = keyCol(key);
      const cell = ws.getCell(r + 1, c + 1);
      cell.value = writeValue(sheet, r, c);
      const fmt = sheet.numberFormats.get(key);
      if (fmt) cell.numFmt = fmt;
      const fill = sheet.fills.get(key);
      if (fill) {
        cell.fill = { type: 'pattern', pattern: (PATTERN_NAMES[fill.pattern] ?? 'solid') as ExcelJS.FillPatterns, fgColor: { argb: hexToArgb(fill.color) } };
      }
      const font = sheet.fonts.get(key);
      if (font && (font.color || font.bold || font.italic)) {
        cell.font = {
          ...(font.color ? { color: { argb: hexToArgb(font.color) } } : {}),
          ...(font.bold ? { bold: true } : {}),
          ...(font.italic ? { italic: true } : {}),
        };
      }
      const note = sheet.notes.get(key);
      if (note) cell.note = note.content;
    }
    for (const m of sheet.merged) ws.mergeCells(`${colLetters(m.c0)}${m.r0 + 1}:${colLetters(m.c1)}${m.r1 + 1}`);
    for (const [c, width] of sheet.columnWidths) ws.getColumn(c + 1).width = Math.round((width / 5.6) * 100) / 100;
    for (const [c, { format }] of sheet.columnFormats) ws.getColumn(c + 1).numFmt = format;
    for (const u of sheet.unlockedAreas) {
      if (u.r1 !== MAX_ROWS - 1) continue;
      for (let c = u.c0; c <= u.c1; c++) ws.getColumn(c + 1).protection = { locked: false };
    }
    for (const v of sheet.validations) {
      const a1 = `${colLetters(v.rect.c0)}${v.rect.r0 + 1}:${colLetters(v.rect.c1)}${v.rect.r1 + 1}`;
      const prompt = v.prompt as { title?: string; message?: string; showPrompt?: boolean } | undefined;
      const alert = v.errorAlert as { title?: string; message?: string; style?: string; showAlert?: boolean } | undefined;
      // exceljs has `dataValidations` at run time but leaves it out of its typings.
      (ws as unknown as { dataValidations: { add(a: string, v: unknown): void } }).dataValidations.add(a1, validationToExcelJs({
        rule: v.rule as unknown as ValidationRule,
        prompt: prompt?.showPrompt ? { title: prompt.title ?? '', message: prompt.message ?? '' } : null,
        errorAlert: alert && alert.showAlert !== false
          ? { title: alert.title ?? '', message: alert.message ?? '', style: (alert.style ?? 'Stop') as 'Stop' | 'Warning' | 'Information' }
          : null,
        ignoreBlanks: v.ignoreBlanks ?? true,
      }));
    }
    if (sheet.frozenRows > 0) ws.views = [{ state: 'frozen', xSplit: 0, ySplit: sheet.frozenRows }];
  }
  return wb;
}

/** Office.js protection options and their exceljs names. */
const PROTECTION_OPTIONS: Record<string, string> = {
  allowFormatCells: 'formatCells', allowFormatColumns: 'formatColumns', allowFormatRows: 'formatRows', allowInsertRows: 'insertRows',
  allowInsertColumns: 'insertColumns', allowDeleteRows: 'deleteRows', allowDeleteColumns: 'deleteColumns', allowSort: 'sort',
  allowAutoFilter: 'autoFilter', allowPivotTables: 'pivotTables',
};

/** Writes a fake workbook to an .xlsx file, protection with its options and password (stored hashed). */
export async function saveXlsx(model: FakeWorkbookModel, path: string): Promise<void> {
  const wb = toExcelJs(model);
  for (const sheet of model.sheets) {
    if (!sheet.protected) continue;
    const options = Object.fromEntries(Object.entries(sheet.protectionOptions ?? {}).map(([k, v]) => [PROTECTION_OPTIONS[k] ?? k, v]));
    await wb.getWorksheet(sheet.name)?.protect(sheet.protectionPassword ?? '', options);
  }
  await wb.xlsx.writeFile(path);
}
