import { OwnedSheetKey } from './plan';
import type { FindingSnapshot, ReviewStatus, StoredReview } from './review';
import { readSettings, Settings } from '../model/settings';

/**
 * The add-in's memory inside the workbook, shared by the Excel adapter and the CLI renderer so either
 * can restore what the other wrote. It lives as JSON text in column A of a very hidden sheet; Excel
 * caps a cell at 32,767 characters, so the JSON is split across as many cells as it needs.
 */
export const STATE_SHEET = '_ReconState';

/** Characters per state cell, safely under Excel's 32,767 limit. */
export const STATE_CHUNK = 30_000;

/** A sheet the add-in created and may delete or rebuild; any other sheet is the user's. */
export interface OwnedSheetRecord {
  key: OwnedSheetKey;
  name: string;
  /**
   * Registered before it was written by a run that had not finished (the Excel adapter writes new owned
   * sheets under temporary names first). Whoever finds one deletes it; it is never a finished sheet.
   */
  pending?: boolean;
  /**
   * For a pending sheet: the name the run was going to give it. When the run's last write was undone
   * (Ctrl+Z in Excel) the rename may stand while the state still lists the temporary name; this lets
   * the next run recognise the renamed sheet as its own.
   */
  finalName?: string;
}

/**
 * The original look of a set of user cells before highlighting, grouped by identical formats so that
 * 100,000 plain cells cost one group, not 100,000 records. `null` means "none" (no fill, automatic font
 * colour, no note), which restoring must reproduce rather than skip.
 */
export interface SavedFormatGroup {
  sheet: string;
  fill: string | null;
  fontColor: string | null;
  note: string | null;
  /** A1 addresses of the cells that had exactly this look. */
  cells: string[];
}

export interface WorkbookState {
  version: 1;
  ownedSheets: OwnedSheetRecord[];
  saved: SavedFormatGroup[];
  /** Team settings shared by the task pane and `recon`. */
  settings: Partial<Settings>;
  /**
   * Review decisions by finding id, kept here as well as on the Findings sheet so that Clear (which
   * removes or may leave out the owned sheets) and a deleted Findings sheet never lose one. Absent in
   * states written before reviews were kept.
   */
  reviews?: StoredReview[];
}

/** A state with nothing owned or saved. */
export function emptyState(): WorkbookState {
  return { version: 1, ownedSheets: [], saved: [], settings: {} };
}

/** The state as cell texts for column A of {@link STATE_SHEET}, in order. */
export function serializeState(state: WorkbookState): string[] {
  const json = JSON.stringify(state);
  const chunks: string[] = [];
  for (let i = 0; i < json.length; i += STATE_CHUNK) chunks.push(json.slice(i, i + STATE_CHUNK));
  return chunks.length ? chunks : ['{}'];
}

/**
 * Reads the state back from the column's texts. Anything unreadable (a user edited the hidden sheet, an
 * older version) gives null, so the caller can say so instead of crashing or guessing.
 */
export function parseState(chunks: readonly unknown[]): WorkbookState | null {
  const text = chunks.map((c) => (typeof c === 'string' ? c : '')).join('');
  if (text.trim() === '') return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (!isRecord(value) || value.version !== 1 || !Array.isArray(value.ownedSheets) || !Array.isArray(value.saved)) return null;
  const ownedSheets = value.ownedSheets.filter(
    (o): o is OwnedSheetRecord => isRecord(o) && typeof o.key === 'string' && typeof o.name === 'string',
  );
  const saved = value.saved.filter(
    (g): g is SavedFormatGroup =>
      isRecord(g) && typeof g.sheet === 'string' && Array.isArray(g.cells) && g.cells.every((c) => typeof c === 'string') &&
      isNullableString(g.fill) && isNullableString(g.fontColor) && isNullableString(g.note),
  );
  const settings = readSettings(value.settings);
  const state: WorkbookState = { version: 1, ownedSheets, saved, settings };
  if (Array.isArray(value.reviews)) state.reviews = value.reviews.filter(isStoredReview);
  return state;
}

const STATUSES: readonly ReviewStatus[] = ['open', 'explained', 'resolved', 'accepted'];

function isStoredReview(r: unknown): r is StoredReview {
  return isRecord(r) && typeof r.id === 'string' && STATUSES.includes(r.status as ReviewStatus) &&
    typeof r.reviewer === 'string' && typeof r.reviewedAt === 'string' && typeof r.comment === 'string' &&
    (r.finding === undefined || isSnapshot(r.finding));
}

function isSnapshot(s: unknown): s is FindingSnapshot {
  return isRecord(s) && typeof s.code === 'string' && typeof s.sheet === 'string' && typeof s.cell === 'string' &&
    typeof s.row === 'number' && typeof s.message === 'string' && isNullableString(s.expected) && isNullableString(s.actual) &&
    (s.severity === null || s.severity === 'error' || s.severity === 'warning' || s.severity === 'info');
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isNullableString(v: unknown): boolean {
  return v === null || typeof v === 'string';
}
