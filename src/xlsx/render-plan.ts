import type ExcelJS from 'exceljs';
import { parseCellAddress } from '../core/model/cells';
import { Plan } from '../core/output/plan';
import { OwnedSheetRecord, STATE_SHEET, WorkbookState } from '../core/output/workbook-state';
import { applyMarkLook, readLook, restoreLook, XlsxSavedGroup } from './cell-look';
import { applyExceljsPatches } from './exceljs-patches';
import { writeOwnedSheet } from './owned-sheet-writer';
import { uniqueSheetName } from '../core/model/sheet-names';
import { findWorksheet, readState, writeState } from './state-sheet';
import { findingsSheetReviews } from './read-workbook';
import { mergeReviews, storedDecisions } from '../core/output/review';
import { themePalette } from './theme-colors';

/** What rendering (or clearing) did, for the CLI's summary and the tests. */
export interface RenderSummary {
  /** Cells whose original look was put back first. */
  restoredCells: number;
  /** Cells highlighted by this run. */
  markedCells: number;
  /** Marks left out because their sheet is not a user sheet of this workbook. */
  skippedMarks: number;
  /** The owned sheets written, with their final names. */
  ownedSheets: OwnedSheetRecord[];
  /** The state sheet existed but could not be read: earlier highlights could not be undone. */
  stateWasUnreadable: boolean;
}

/**
 * Puts back every saved look and deletes every owned sheet, leaving the workbook as it was before the
 * add-in touched it (the state sheet keeps the team settings and the review decisions).
 */
export function clearAnnotations(workbook: ExcelJS.Workbook): Omit<RenderSummary, 'markedCells' | 'skippedMarks' | 'ownedSheets'> {
  applyExceljsPatches();
  const found = readState(workbook);
  // Read before undo() deletes the Findings sheet: review decisions survive Clear in the state.
  const reviews = storedDecisions(mergeReviews(found.state.reviews, findingsSheetReviews(workbook, found.state)));
  const restoredCells = undo(workbook, found.state);
  if (found.unreadable || findWorksheet(workbook, STATE_SHEET) || restoredCells > 0) {
    writeState(workbook, { ...found.state, ownedSheets: [], saved: [], reviews });
  }
  return { restoredCells, stateWasUnreadable: found.unreadable };
}

/**
 * Renders a plan into a workbook: restores what an earlier run changed, then highlights each mark's
 * cell (after saving its fill, font and note into the state) and rebuilds the owned sheets under names
 * no user sheet has, registering them. User values are never written.
 */
export function renderPlan(workbook: ExcelJS.Workbook, plan: Plan): RenderSummary {
  applyExceljsPatches();
  const found = readState(workbook);
  const state = found.state;
  const restoredCells = undo(workbook, state);

  const taken = new Set(workbook.worksheets.map((ws) => ws.name.toLowerCase()));
  const saved = new Map<string, XlsxSavedGroup>();
  const palette = themePalette(workbook);
  let markedCells = 0;
  let skippedMarks = 0;
  for (const mark of plan.marks) {
    // Owned sheets are gone by now; only the state sheet is left to keep marks off.
    const ws = mark.sheet.toLowerCase() === STATE_SHEET.toLowerCase() ? undefined : findWorksheet(workbook, mark.sheet);
    if (!ws || !parseCellAddress(mark.cell)) {
      skippedMarks++;
      continue;
    }
    const cell = ws.getCell(mark.cell);
    const look = readLook(cell, palette);
    const key = JSON.stringify([ws.name, look.fill, look.fontColor, look.note, look.exact]);
    let group = saved.get(key);
    if (!group) {
      group = { sheet: ws.name, fill: look.fill, fontColor: look.fontColor, note: look.note, cells: [], xlsx: look.exact };
      saved.set(key, group);
    }
    group.cells.push(cell.address);
    applyMarkLook(cell, mark.severity, mark.note);
    markedCells++;
  }

  const renames = new Map<string, string>();
  const records: OwnedSheetRecord[] = [];
  for (const sheet of plan.sheets) {
    const name = uniqueSheetName(sheet.name, taken);
    taken.add(name.toLowerCase());
    renames.set(sheet.name, name);
    records.push({ key: sheet.key, name });
  }
  plan.sheets.forEach((sheet, i) => {
    const ws = workbook.addWorksheet(records[i].name);
    writeOwnedSheet(ws, sheet, renames);
  });

  const next: WorkbookState = { ...state, ownedSheets: records, saved: [...saved.values()], reviews: plan.reviews ?? state.reviews };
  writeState(workbook, next);
  return { restoredCells, markedCells, skippedMarks, ownedSheets: records, stateWasUnreadable: found.unreadable };
}

/** Restores saved looks and removes owned sheets; returns the number of cells restored. */
function undo(workbook: ExcelJS.Workbook, state: WorkbookState): number {
  let restored = 0;
  const ownedLower = new Set(state.ownedSheets.map((o) => o.name.toLowerCase()));
  for (const group of state.saved as XlsxSavedGroup[]) {
    if (ownedLower.has(group.sheet.toLowerCase())) continue;
    const ws = findWorksheet(workbook, group.sheet);
    if (!ws) continue;
    for (const address of group.cells) {
      if (!parseCellAddress(address)) continue;
      restoreLook(ws.getCell(address), group);
      restored++;
    }
  }
  for (const record of state.ownedSheets) {
    const ws = findWorksheet(workbook, record.name);
    if (ws) workbook.removeWorksheet(ws.id);
  }
  return restored;
}
