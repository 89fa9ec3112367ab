import { STATE_CHUNK, STATE_SHEET, SavedFormatGroup, WorkbookState } from '../core/output/workbook-state';
import { Batcher, jsonBytes, opBytes, SharedProxy, sheetProxy } from './batcher';
import { FoundState } from './read-workbook';

/**
 * Writing the add-in's state into its very hidden sheet (`_ReconState`, column A, JSON in chunks).
 * The cells are formatted as text before the JSON goes in, so Excel never reads a chunk as a number,
 * a date or a formula; chunk boundaries also avoid a leading character Excel treats specially.
 */

/** A saved group as the Excel adapter writes it. */
export interface ExcelSavedGroup extends SavedFormatGroup {
  /**
   * The add-in highlighted these cells without touching their font colour, so restoring leaves the font
   * alone (Office.js cannot set a font back to "Automatic"). Groups saved by the CLI renderer, which
   * does recolour fonts, lack it and get their font colour put back.
   */
  fontUntouched?: boolean;
}

/**
 * Recovers the registry after an undone swap. The swap renames the new owned sheets from their
 * temporary names and writes the final state in one sync; Ctrl+Z in Excel takes back the state's cells
 * but not the renames, leaving a state that lists the temporary names as pending while the finished
 * sheets carry their final names, unregistered. A pending record whose temporary sheet is gone and
 * whose final name is a sheet no other record claims is taken as that finished sheet, so the next run
 * replaces it instead of treating it as the user's (and naming its own "Findings (2)").
 */
export function adoptRenamedSheets(state: WorkbookState, sheetNames: readonly string[]): WorkbookState {
  const present = new Set(sheetNames.map((n) => n.toLowerCase()));
  const claimed = new Set(state.ownedSheets.filter((o) => !o.pending).map((o) => o.name.toLowerCase()));
  let changed = false;
  const ownedSheets = state.ownedSheets.map((o) => {
    const final = o.finalName?.toLowerCase();
    if (!o.pending || !o.finalName || !final || present.has(o.name.toLowerCase()) || !present.has(final) || claimed.has(final)) return o;
    claimed.add(final);
    changed = true;
    return { key: o.key, name: o.finalName };
  });
  return changed ? { ...state, ownedSheets } : state;
}

/** Characters a cell's text had better not start with: Excel may take them as a prefix or a formula. */
const AWKWARD_START = /^[=+\-@'\s]/;

/**
 * Splits the state's JSON into cell-sized chunks, none starting with an awkward character. The owned
 * sheets come last in the JSON, so a state that differs from the stored one only in its owned sheets
 * differs only in its last chunks (see {@link queueStateWrite}); boundaries depend only on the text
 * before them, so equal prefixes give equal chunks.
 */
export function stateChunks(state: WorkbookState): string[] {
  const { ownedSheets, ...rest } = state;
  const json = JSON.stringify({ ...rest, ownedSheets });
  const chunks: string[] = [];
  let i = 0;
  while (i < json.length) {
    let end = Math.min(json.length, i + STATE_CHUNK);
    while (end < json.length && end > i + 1 && AWKWARD_START.test(json.charAt(end))) end--;
    chunks.push(json.slice(i, end));
    i = end;
  }
  return chunks.length ? chunks : ['{}'];
}

/** Chunks written per operation, so one operation stays well inside a request. */
const CHUNKS_PER_OP = 40;

/**
 * Queues the state's write: creates the very hidden sheet when missing, writes (as text) the chunks
 * from the first one that differs from what is stored, and blanks rows a longer earlier state used.
 * Updates `found` to describe what will be there after the sync.
 */
export async function queueStateWrite(context: Excel.RequestContext, batcher: Batcher, found: FoundState, state: WorkbookState): Promise<void> {
  const chunks = stateChunks(state);
  let added: Excel.Worksheet | null = null;
  // The new sheet's path is its add(name), sent again in each later request that writes to it.
  const sheet: SharedProxy<Excel.Worksheet> = found.exists
    ? sheetProxy(context, STATE_SHEET)
    : { bytes: opBytes(1, 0, jsonBytes(STATE_SHEET)), get: () => added as Excel.Worksheet };
  if (!found.exists) {
    // Queued through the batcher, so a request Excel refuses as too large sends the new sheet again.
    await batcher.add({ request: opBytes(0, 1, jsonBytes('VeryHidden')), via: [sheet] }, () => {
      added = context.workbook.worksheets.add(STATE_SHEET);
      added.visibility = 'VeryHidden';
    });
    found.exists = true;
    found.chunks = [];
  }
  const sheetOf = (): Excel.Worksheet => sheet.get();
  let first = 0;
  while (first < chunks.length && first < found.chunks.length && chunks[first] === found.chunks[first]) first++;
  for (let start = first; start < chunks.length; start += CHUNKS_PER_OP) {
    const part = chunks.slice(start, start + CHUNKS_PER_OP);
    const formats = part.map(() => ['@']);
    const values = part.map((c) => [c]);
    // getRangeByIndexes, then numberFormat and values set; the chunks' JSON escapes every quote of the state's.
    const request = opBytes(1, 2, jsonBytes([start, 0, part.length, 1]) + jsonBytes(formats) + jsonBytes(values));
    await batcher.add({ request, via: [sheet] }, () => {
      const range = sheetOf().getRangeByIndexes(start, 0, part.length, 1);
      range.numberFormat = formats;
      range.values = values;
    });
  }
  const stored = Math.max(found.rows, found.chunks.length);
  if (stored > chunks.length) {
    const extra = stored - chunks.length;
    await batcher.add({ request: opBytes(1, 1, jsonBytes([chunks.length, 0, extra, 1]) + jsonBytes('Contents')), via: [sheet] }, () => {
      sheetOf().getRangeByIndexes(chunks.length, 0, extra, 1).clear('Contents');
    });
  }
  found.rows = chunks.length;
  found.chunks = chunks;
}
