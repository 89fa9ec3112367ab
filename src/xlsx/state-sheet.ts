import type ExcelJS from 'exceljs';
import { Settings } from '../core/model/settings';
import { emptyState, parseState, serializeState, STATE_SHEET, WorkbookState } from '../core/output/workbook-state';

/** The add-in's state as found in a workbook. */
export interface FoundState {
  /** The state to work with: the stored one, or an empty one when there is none or it is unreadable. */
  state: WorkbookState;
  /** The state sheet exists but its content could not be read (edited by hand, a newer version). */
  unreadable: boolean;
}

/** Finds a sheet by name the way Excel does, ignoring case. */
export function findWorksheet(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet | undefined {
  const lower = name.toLowerCase();
  return workbook.worksheets.find((ws) => ws.name.toLowerCase() === lower);
}

/** Reads the state from the very hidden state sheet. */
export function readState(workbook: ExcelJS.Workbook): FoundState {
  const ws = findWorksheet(workbook, STATE_SHEET);
  if (!ws) return { state: emptyState(), unreadable: false };
  const chunks: unknown[] = [];
  const last = ws.actualRowCount === 0 ? 0 : ws.rowCount;
  for (let r = 1; r <= last; r++) {
    const v = ws.getCell(r, 1).value;
    if (v === null || v === undefined) break;
    chunks.push(v);
  }
  const state = parseState(chunks);
  return state ? { state, unreadable: false } : { state: emptyState(), unreadable: true };
}

/** Replaces the state sheet with one holding `state`, very hidden and placed last. */
export function writeState(workbook: ExcelJS.Workbook, state: WorkbookState): void {
  const old = findWorksheet(workbook, STATE_SHEET);
  if (old) workbook.removeWorksheet(old.id);
  const ws = workbook.addWorksheet(STATE_SHEET);
  ws.state = 'veryHidden';
  serializeState(state).forEach((chunk, i) => {
    const cell = ws.getCell(i + 1, 1);
    cell.value = chunk;
    // Keep Excel from reading the JSON as anything but text if someone unhides and edits the sheet.
    cell.numFmt = '@';
  });
}

/**
 * Lays `settings` over the team settings stored in the workbook's state (read again, so what the
 * renderer wrote stays) and writes the state back.
 */
export function saveSettings(workbook: ExcelJS.Workbook, settings: Partial<Settings>): void {
  const found = readState(workbook);
  writeState(workbook, { ...found.state, settings: { ...found.state.settings, ...settings } });
}

/** Names of the sheets the add-in owns (registered in the state) plus the state sheet, lower-cased. */
export function ownedNames(state: WorkbookState): Set<string> {
  const names = new Set(state.ownedSheets.map((o) => o.name.toLowerCase()));
  names.add(STATE_SHEET.toLowerCase());
  return names;
}
