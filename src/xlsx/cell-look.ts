import type ExcelJS from 'exceljs';
import { Severity } from '../core/model/findings';
import { SEVERITY_FILL, SEVERITY_FONT } from '../core/output/plan';
import { SavedFormatGroup } from '../core/output/workbook-state';
import { colorHex } from './theme-colors';

/**
 * The part of a cell's look a highlight changes (fill, font colour, note), saved before highlighting
 * and put back on Clear or before the next run.
 *
 * The shared state keeps it in the form both renderers understand: `#RRGGBB` for a solid fill or a
 * font colour, the note's plain text, `null` for none. A theme colour, a patterned fill or a formatted
 * note has no such form, so the xlsx renderer also keeps exceljs' own description in `xlsx`, an extra
 * property of the saved group that the state's reader passes through; with it the CLI restores exactly.
 */
export interface XlsxSavedGroup extends SavedFormatGroup {
  xlsx?: ExactLook;
}

/** exceljs' own description of the look, as JSON values. */
export interface ExactLook {
  fill: ExcelJS.Fill | null;
  font: Partial<ExcelJS.Font> | null;
  note: string | ExcelJS.Comment | null;
}

/** A cell's look in both forms. */
export interface CellLook {
  fill: string | null;
  fontColor: string | null;
  note: string | null;
  exact: ExactLook;
}

function noteText(note: string | ExcelJS.Comment | undefined): string | null {
  if (note === undefined || note === null) return null;
  if (typeof note === 'string') return note;
  return (note.texts ?? []).map((t) => t.text ?? '').join('');
}

function clone<T>(v: T): T {
  return v === undefined || v === null ? v : (JSON.parse(JSON.stringify(v)) as T);
}

/**
 * Reads the look a highlight would change. Theme colours are resolved through the workbook's palette
 * for the shared form, so the add-in can put them back as RGB.
 */
export function readLook(cell: ExcelJS.Cell, palette: readonly string[] | null = null): CellLook {
  const fill = cell.style?.fill;
  const font = cell.style?.font;
  const note = cell.note as string | ExcelJS.Comment | undefined;
  const solid = fill && fill.type === 'pattern' && fill.pattern === 'solid' ? colorHex(fill.fgColor, palette) : null;
  return {
    fill: solid,
    fontColor: colorHex(font?.color, palette),
    note: noteText(note),
    exact: { fill: clone(fill) ?? null, font: clone(font) ?? null, note: clone(note) ?? null },
  };
}

function solidFill(hex: string): ExcelJS.Fill {
  return { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${hex.replace('#', '').toUpperCase()}` } };
}

/**
 * Removes a cell's note. exceljs has no public way to: the note lives in the cell's `_comment` and, for
 * a cell read from a file, also in its value's model, which the writer falls back on.
 */
function removeNote(cell: ExcelJS.Cell): void {
  const internals = cell as unknown as { _comment?: unknown; _value?: { model?: { comment?: unknown } } };
  internals._comment = undefined;
  if (internals._value?.model) delete internals._value.model.comment;
}

/**
 * Gives the cell a fresh style object: exceljs shares one style object between every cell read with the
 * same format, so changing it in place would recolour cells that were never flagged.
 */
function setStyle(cell: ExcelJS.Cell, change: (style: Partial<ExcelJS.Style>) => void): void {
  const style: Partial<ExcelJS.Style> = { ...(cell.style ?? {}) };
  change(style);
  cell.style = style;
}

/** Highlights a cell: the severity's fill and font colour, and the note. */
export function applyMarkLook(cell: ExcelJS.Cell, severity: Severity, note: string): void {
  setStyle(cell, (s) => {
    s.fill = solidFill(SEVERITY_FILL[severity]);
    s.font = { ...(s.font ?? {}), color: { argb: `FF${SEVERITY_FONT[severity]}` } };
  });
  cell.note = note;
}

/** Puts a saved look back, exactly when exceljs' description was kept, else from the shared form. */
export function restoreLook(cell: ExcelJS.Cell, group: XlsxSavedGroup): void {
  const exact = group.xlsx;
  setStyle(cell, (s) => {
    if (exact) {
      if (exact.fill) s.fill = clone(exact.fill);
      else delete s.fill;
      if (exact.font) s.font = clone(exact.font);
      else delete s.font;
      return;
    }
    if (group.fill && /^#[0-9A-Fa-f]{6}$/.test(group.fill)) s.fill = solidFill(group.fill);
    else delete s.fill;
    const font: Partial<ExcelJS.Font> = { ...(s.font ?? {}) };
    if (group.fontColor && /^#[0-9A-Fa-f]{6}$/.test(group.fontColor)) font.color = { argb: `FF${group.fontColor.slice(1).toUpperCase()}` };
    else delete font.color;
    if (Object.keys(font).length) s.font = font;
    else delete s.font;
  });
  const note = exact ? exact.note : group.note;
  if (note === null || note === undefined) removeNote(cell);
  else cell.note = clone(note);
}
