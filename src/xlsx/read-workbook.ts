import type ExcelJS from 'exceljs';
import { readReviews } from '../core/output/findings-sheet';
import { mergeReviews, Review } from '../core/output/review';
import { readAuditLog } from '../core/output/audit-log';
import { sheetToGrid } from './cell-values';
import { applyExceljsPatches } from './exceljs-patches';
import { WorkbookState } from '../core/output/workbook-state';
import { WorkbookContents } from './read-package';
import { findWorksheet, ownedNames, readState } from './state-sheet';

export type { WorkbookContents };

/**
 * Reads the user's sheets as grids (skipping the sheets the add-in owns and its state sheet), the
 * add-in's state, and the reviews recorded on the previous Findings sheet.
 */
export function readWorkbookContents(workbook: ExcelJS.Workbook): WorkbookContents {
  applyExceljsPatches();
  const state = readState(workbook);
  const skip = ownedNames(state.state);
  const grids = workbook.worksheets.filter((ws) => !skip.has(ws.name.toLowerCase())).map(sheetToGrid);
  const auditRecord = state.state.ownedSheets.find((o) => o.key === 'audit-log');
  const auditSheet = auditRecord ? findWorksheet(workbook, auditRecord.name) : undefined;
  const audit = auditSheet ? readAuditLog(sheetToGrid(auditSheet)) : null;
  return { grids, state, reviews: mergeReviews(state.state.reviews, findingsSheetReviews(workbook, state.state)), audit };
}

/** The reviews on the registered Findings sheet(s), by finding id (the first sheet listing an id wins). */
export function findingsSheetReviews(workbook: ExcelJS.Workbook, state: WorkbookState): Map<string, Review> {
  const reviews = new Map<string, Review>();
  for (const record of state.ownedSheets) {
    if (record.key !== 'findings') continue;
    const ws = findWorksheet(workbook, record.name);
    if (!ws) continue;
    for (const [id, review] of readReviews(sheetToGrid(ws))) if (!reviews.has(id)) reviews.set(id, review);
  }
  return reviews;
}
