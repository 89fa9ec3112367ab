import { Bilingual, fmt, Lang } from '../core/model/i18n';
import { Mark, SEVERITY_FILL } from '../core/output/plan';
import { Severity } from '../core/model/findings';
import { SavedFormatGroup } from '../core/output/workbook-state';
import { ADDRESS_LIMIT, addressLists, areaAddress, areaCells, areaSize, normalCell, quotedSheet, readAreas } from './addresses';
import { ApiSetProof, NoteMode } from './api-sets';
import { Batcher, jsonBytes, opBytes, ReadTask, runReads, SharedProxy, sharedProxy, sheetProxy, SyncEstimate } from './batcher';
import { ExcelSavedGroup } from './state-store';

/**
 * Highlights and notes on user cells, and putting cells back: reading a cell's look before it is
 * marked, marking (fills grouped into multi-area ranges per sheet and severity; notes per cell, batched),
 * and restoring saved looks exactly (no fill vs a colour, note present or absent).
 */

/** First line of every comment the add-in writes, so Clear removes its own comments and nobody else's. */
export const COMMENT_MARKER = '[Statement Reconciler · 对账助手]';

const USER_NOTE_LABEL: Bilingual = { en: 'Your earlier note:', zh: '原有批注：' };

/** Excel keeps at most this many characters in a note or comment. */
const MAX_NOTE = 32_000;

/** The part of a cell's look a highlight changes. */
export interface CellLook {
  fill: string | null;
  fontColor: string | null;
  note: string | null;
}

/** Key of a cell across sheets: sheet names compare case-insensitively, as Excel's do. */
export function cellKey(sheet: string, cell: string): string {
  return `${sheet.toLowerCase()}\u0000${cell}`;
}

/** A cell of a sheet (sheet as the workbook spells it). */
export interface SheetCell {
  sheet: string;
  cell: string;
}

/** What the cells about to be touched hold now. */
export interface CurrentState {
  /** Looks of cells that have no saved original yet (read with getCellProperties and notes). */
  looks: Map<string, CellLook>;
  /** Notes mode: the note on each cell of interest now (absent key = no note). */
  notes: Map<string, string>;
  /** Comments mode: the comment on each cell of interest now. */
  comments: Map<string, { id: string; content: string }>;
}

function groupBySheet(cells: Iterable<SheetCell>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const { sheet, cell } of cells) {
    const list = out.get(sheet);
    if (list) list.push(cell);
    else out.set(sheet, [cell]);
  }
  return out;
}

/**
 * Whether Excel's report of a cell's fill means No Fill. Documented: pattern "None" (and colour #FFFFFF).
 * But some builds report pattern null and #FFFFFF for No Fill and for a white fill alike (office-js #4900,
 * #6218); Microsoft's answer there is `tintAndShade`, null for No Fill and a number for any fill. When
 * nothing tells them apart, No Fill is assumed: restoring No Fill over a white cell shows its gridlines
 * again, while painting white over an unfilled cell would change what the user had.
 */
export function isNoFill(fill: { pattern?: string | null; color?: string | null; tintAndShade?: number | null } | undefined): boolean {
  if (!fill || !fill.color) return true;
  if (fill.pattern === 'None') return true;
  if (typeof fill.pattern === 'string' && fill.pattern !== '') return false;
  if (typeof fill.tintAndShade === 'number') return false;
  if (fill.tintAndShade === null) return true;
  return fill.color.toUpperCase() === '#FFFFFF';
}

/** A cell's fill (null for No Fill, see {@link isNoFill}) and font colour (null for black, what Automatic shows). */
function lookFromProperties(p: Excel.CellProperties | undefined): Pick<CellLook, 'fill' | 'fontColor'> {
  const fill = p?.format?.fill;
  const font = p?.format?.font;
  const fillColor = isNoFill(fill) || !fill?.color ? null : fill.color.toUpperCase();
  const fontColor = !font?.color || font.color.toUpperCase() === '#000000' ? null : font.color.toUpperCase();
  return { fill: fillColor, fontColor };
}

/**
 * Bytes a cell's properties cost in a response: Excel's JSON shape with the longest pattern name and a
 * tint written to 17 digits is ~135 bytes a cell, rounded up (120 let a 1 MB response outgrow its estimate).
 */
const PROPERTIES_BYTES_PER_CELL = 150;
/**
 * Bytes a note read is expected to cost in a response: a null object or a short note. Longer notes make
 * Excel refuse the batch as too large, and it is read again in halves.
 */
const NOTE_READ_BYTES = 120;

/**
 * Reads what the cells hold now: fill and font colour of `unsaved` cells (getCellProperties over
 * column runs), and the note or comment of every cell in `touched`, in as few syncs as fit the budget
 * (comments need one more round for their locations).
 */
export async function readCurrent(
  context: Excel.RequestContext,
  budget: number,
  unsaved: readonly SheetCell[],
  touched: readonly SheetCell[],
  mode: NoteMode,
  onSync?: (estimate: SyncEstimate) => void,
): Promise<CurrentState> {
  const current: CurrentState = { looks: new Map(), notes: new Map(), comments: new Map() };
  const propsOptions: Excel.CellPropertiesLoadOptions = { format: { fill: { color: true, pattern: true, tintAndShade: true }, font: { color: true } } };
  const propsBytes = jsonBytes(propsOptions);
  const tasks: ReadTask[] = [];
  for (const [sheet, cells] of groupBySheet(unsaved)) {
    const wanted = new Set(cells);
    const ws = sheetProxy(context, sheet);
    for (const area of readAreas(cells)) {
      const address = areaAddress(area);
      tasks.push({
        // getRange(address), then getCellProperties(options).
        request: opBytes(1, 1, jsonBytes(address) + propsBytes),
        via: [ws],
        response: areaSize(area) * PROPERTIES_BYTES_PER_CELL,
        queue: () => {
          const result = ws.get().getRange(address).getCellProperties(propsOptions);
          return () => {
            const width = area.right - area.left + 1;
            let i = 0;
            for (const cell of areaCells(area)) {
              const props = result.value[Math.floor(i / width)]?.[i % width];
              i++;
              if (wanted.has(cell)) current.looks.set(cellKey(sheet, cell), { ...lookFromProperties(props), note: null });
            }
          };
        },
      });
    }
  }
  if (mode.kind === 'notes') tasks.push(...noteReads(context, touched, current, mode.api));
  await runReads(context, tasks, budget, onSync);
  if (mode.kind === 'comments') await readComments(context, budget, touched, current, mode.api, onSync);

  // The original note of a cell marked for the first time is the note it has now.
  for (const [key, look] of current.looks) look.note = current.notes.get(key) ?? null;
  return current;
}

/** Reads of the note on each cell (a null object where there is none). */
function noteReads(context: Excel.RequestContext, touched: readonly SheetCell[], current: CurrentState, api: ApiSetProof<'1.18'>): ReadTask[] {
  const tasks: ReadTask[] = [];
  for (const [sheet, cells] of groupBySheet(touched)) {
    // One worksheet object per sheet: fetched per cell, its object path would be sent again with every note.
    const notes = notesProxy(context, sheet, api);
    for (const cell of cells) {
      tasks.push({
        // getItemOrNullObject(cell), then a load of its content.
        request: opBytes(1, 1, jsonBytes(cell) + jsonBytes(['content'])),
        via: [notes],
        response: NOTE_READ_BYTES,
        queue: () => {
          const note = notes.get().getItemOrNullObject(cell).load('content');
          return () => {
            if (!note.isNullObject) current.notes.set(cellKey(sheet, cell), note.content);
          };
        },
      });
    }
  }
  return tasks;
}

/** Finds the comments on the given cells: every comment, then where each one is (two rounds). */
async function readComments(
  context: Excel.RequestContext,
  budget: number,
  touched: readonly SheetCell[],
  current: CurrentState,
  _api: ApiSetProof<'1.10'>,
  onSync?: (estimate: SyncEstimate) => void,
): Promise<void> {
  if (touched.length === 0) return;
  const wanted = new Set(touched.map((t) => cellKey(t.sheet, t.cell)));
  const comments = context.workbook.comments.load('items/id,items/content');
  await context.sync();
  const tasks: ReadTask[] = comments.items.map((comment) => ({
    // The comment's own path (by its id), getLocation(), and a load of the address.
    request: opBytes(2, 1, jsonBytes(comment.id) + jsonBytes(['address'])),
    response: 150,
    queue: () => {
      const range = comment.getLocation().load('address');
      return () => {
        const { sheet, cell } = splitAddress(range.address);
        const key = cellKey(sheet, cell);
        if (wanted.has(key)) current.comments.set(key, { id: comment.id, content: comment.content });
      };
    },
  }));
  await runReads(context, tasks, budget, onSync);
}

/** Splits "'My sheet'!B7" into the sheet name and "B7". */
export function splitAddress(address: string): SheetCell {
  const bang = address.lastIndexOf('!');
  let sheet = address.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  const cell = normalCell(address.slice(bang + 1).split(':')[0]) ?? address.slice(bang + 1);
  return { sheet, cell };
}

/** The note written on a marked cell: the findings, then the user's own note if the cell had one. */
export function markNoteText(markNote: string, original: string | null, lang: Lang): string {
  const text = original ? `${markNote}\n\n${fmt(USER_NOTE_LABEL, lang)}\n${original}` : markNote;
  return text.length > MAX_NOTE ? `${text.slice(0, MAX_NOTE - 1)}…` : text;
}

/** Groups cells with identical original looks, the way the state stores them. */
export function groupLooks(cells: readonly { sheet: string; cell: string; look: CellLook }[]): ExcelSavedGroup[] {
  const groups = new Map<string, ExcelSavedGroup>();
  for (const { sheet, cell, look } of cells) {
    const key = JSON.stringify([sheet, look.fill, look.fontColor, look.note]);
    let g = groups.get(key);
    if (!g) {
      g = { sheet, fill: look.fill, fontColor: look.fontColor, note: look.note, cells: [], fontUntouched: true };
      groups.set(key, g);
    }
    g.cells.push(cell);
  }
  return [...groups.values()];
}

/** Queues highlights: one multi-area range per sheet, severity and 8,192-character address list. */
export async function queueHighlights(context: Excel.RequestContext, batcher: Batcher, marks: readonly Mark[]): Promise<number> {
  const bySheet = new Map<string, Map<Severity, string[]>>();
  for (const m of marks) {
    let sev = bySheet.get(m.sheet);
    if (!sev) {
      sev = new Map();
      bySheet.set(m.sheet, sev);
    }
    const list = sev.get(m.severity);
    if (list) list.push(m.cell);
    else sev.set(m.severity, [m.cell]);
  }
  let calls = 0;
  for (const [sheet, bySeverity] of bySheet) {
    const ws = sheetProxy(context, sheet);
    for (const [severity, cells] of bySeverity) {
      const color = `#${SEVERITY_FILL[severity]}`;
      for (const list of addressLists(cells, ADDRESS_LIMIT, batcher.areaSeparator)) {
        calls++;
        // getRanges(list), format, fill, and the colour set.
        await batcher.add({ request: opBytes(3, 1, jsonBytes(list) + jsonBytes(color)), via: [ws] }, () => {
          ws.get().getRanges(list).format.fill.color = color;
        });
      }
    }
  }
  return calls;
}

/** A note or comment to write on a cell. */
interface NoteWrite {
  sheet: string;
  cell: string;
  key: string;
  text: string;
}

/** Queues the notes (or comments) of the marks. */
export async function queueMarkNotes(
  context: Excel.RequestContext,
  batcher: Batcher,
  marks: readonly Mark[],
  originals: ReadonlyMap<string, CellLook>,
  current: CurrentState,
  mode: NoteMode,
  lang: Lang,
): Promise<void> {
  const writes: NoteWrite[] = marks.map((m) => {
    const key = cellKey(m.sheet, m.cell);
    return { sheet: m.sheet, cell: m.cell, key, text: markNoteText(m.note, originals.get(key)?.note ?? null, lang) };
  });
  if (mode.kind === 'notes') await queueNotes(context, batcher, writes, current, mode.api);
  else if (mode.kind === 'comments') await queueComments(context, batcher, writes, current, mode.api);
}

/** A sheet's notes through one worksheet object (two paths: the worksheet and its notes). */
function notesProxy(context: Excel.RequestContext, sheet: string, _api: ApiSetProof<'1.18'>): SharedProxy<Excel.NoteCollection> {
  return sharedProxy(() => context.workbook.worksheets.getItem(sheet).notes, opBytes(2, 0, jsonBytes(sheet)));
}

/** The notes of each sheet through one worksheet object, so a loop over cells sends its path once per request. */
function notesBySheet(context: Excel.RequestContext, api: ApiSetProof<'1.18'>): (sheet: string) => SharedProxy<Excel.NoteCollection> {
  const made = new Map<string, SharedProxy<Excel.NoteCollection>>();
  return (sheet) => {
    let notes = made.get(sheet);
    if (!notes) {
      notes = notesProxy(context, sheet, api);
      made.set(sheet, notes);
    }
    return notes;
  };
}

async function queueNotes(context: Excel.RequestContext, batcher: Batcher, writes: readonly NoteWrite[], current: CurrentState, api: ApiSetProof<'1.18'>): Promise<void> {
  const notesOf = notesBySheet(context, api);
  for (const w of writes) {
    const notes = notesOf(w.sheet);
    const exists = current.notes.has(w.key);
    // getItem(cell) and a content set, or add(cell, text): one path and at most one action.
    await batcher.add({ request: opBytes(1, exists ? 1 : 0, jsonBytes(w.cell) + jsonBytes(w.text)), via: [notes] }, () => {
      if (exists) notes.get().getItem(w.cell).content = w.text;
      else notes.get().add(w.cell, w.text);
    });
  }
}

async function queueComments(context: Excel.RequestContext, batcher: Batcher, writes: readonly NoteWrite[], current: CurrentState, _api: ApiSetProof<'1.10'>): Promise<void> {
  for (const w of writes) {
    const existing = current.comments.get(w.key);
    if (existing && !existing.content.startsWith(COMMENT_MARKER)) continue; // someone else's thread: leave it be
    const content = `${COMMENT_MARKER}\n${w.text}`;
    const address = `${quotedSheet(w.sheet)}!${w.cell}`;
    // getItem(id) and a content set, or add(address, content) (a third argument, null, goes with it).
    const request = existing ? opBytes(1, 1, jsonBytes(existing.id) + jsonBytes(content)) : opBytes(1, 0, jsonBytes(address) + jsonBytes(content) + 5);
    await batcher.add({ request }, () => {
      if (existing) context.workbook.comments.getItem(existing.id).content = content;
      else context.workbook.comments.add(address, content);
    });
  }
}

/**
 * Queues putting saved looks back on the given cells of the groups: fill (cleared when there was none),
 * font colour (only for groups whose font was changed), and the note or the add-in's comment.
 */
export async function queueRestore(
  context: Excel.RequestContext,
  batcher: Batcher,
  groups: readonly SavedFormatGroup[],
  include: (sheet: string, cell: string) => boolean,
  current: CurrentState,
  mode: NoteMode,
): Promise<number> {
  const fills = new Map<string, { sheet: string; fill: string | null; cells: string[] }>();
  const fonts = new Map<string, { sheet: string; color: string; cells: string[] }>();
  const noteCells: { sheet: string; cell: string; note: string | null }[] = [];
  let restored = 0;
  for (const g of groups as ExcelSavedGroup[]) {
    for (const raw of g.cells) {
      const cell = normalCell(raw);
      if (!cell || !include(g.sheet, cell)) continue;
      restored++;
      const fk = JSON.stringify([g.sheet.toLowerCase(), g.fill]);
      const f = fills.get(fk) ?? { sheet: g.sheet, fill: g.fill, cells: [] };
      f.cells.push(cell);
      fills.set(fk, f);
      if (!g.fontUntouched) {
        // Office.js cannot set "Automatic"; black is what Automatic shows on a normal theme.
        const color = g.fontColor ?? '#000000';
        const tk = JSON.stringify([g.sheet.toLowerCase(), color]);
        const t = fonts.get(tk) ?? { sheet: g.sheet, color, cells: [] };
        t.cells.push(cell);
        fonts.set(tk, t);
      }
      noteCells.push({ sheet: g.sheet, cell, note: g.note });
    }
  }
  // getRanges(list), format, fill or font, and one set or clear.
  for (const { sheet, fill, cells } of fills.values()) {
    const ws = sheetProxy(context, sheet);
    for (const list of addressLists(cells, ADDRESS_LIMIT, batcher.areaSeparator)) {
      await batcher.add({ request: opBytes(3, 1, jsonBytes(list) + jsonBytes(fill ?? '')), via: [ws] }, () => {
        const format = ws.get().getRanges(list).format;
        if (fill === null) format.fill.clear();
        else format.fill.color = fill;
      });
    }
  }
  for (const { sheet, color, cells } of fonts.values()) {
    const ws = sheetProxy(context, sheet);
    for (const list of addressLists(cells, ADDRESS_LIMIT, batcher.areaSeparator)) {
      await batcher.add({ request: opBytes(3, 1, jsonBytes(list) + jsonBytes(color)), via: [ws] }, () => {
        ws.get().getRanges(list).format.font.color = color;
      });
    }
  }
  if (mode.kind === 'notes') await restoreNotes(context, batcher, noteCells, current, mode.api);
  else if (mode.kind === 'comments') await removeComments(context, batcher, noteCells, current, mode.api);
  return restored;
}

async function restoreNotes(
  context: Excel.RequestContext,
  batcher: Batcher,
  cells: readonly { sheet: string; cell: string; note: string | null }[],
  current: CurrentState,
  api: ApiSetProof<'1.18'>,
): Promise<void> {
  const notesOf = notesBySheet(context, api);
  for (const { sheet, cell, note } of cells) {
    const now = current.notes.get(cellKey(sheet, cell));
    if (note === null && now === undefined) continue;
    if (note !== null && now === note) continue;
    const notes = notesOf(sheet);
    // getItem(cell) and a delete or content set, or add(cell, note): one path and at most one action.
    await batcher.add({ request: opBytes(1, 1, jsonBytes(cell) + jsonBytes(note ?? '')), via: [notes] }, () => {
      if (note === null) notes.get().getItem(cell).delete();
      else if (now !== undefined) notes.get().getItem(cell).content = note;
      else notes.get().add(cell, note);
    });
  }
}

/** Deletes the add-in's own comments on the cells (a user's comment thread is never touched). */
async function removeComments(
  context: Excel.RequestContext,
  batcher: Batcher,
  cells: readonly { sheet: string; cell: string }[],
  current: CurrentState,
  _api: ApiSetProof<'1.10'>,
): Promise<void> {
  for (const { sheet, cell } of cells) {
    const now = current.comments.get(cellKey(sheet, cell));
    if (!now || !now.content.startsWith(COMMENT_MARKER)) continue;
    await batcher.add({ request: opBytes(1, 1, jsonBytes(now.id)) }, () => {
      context.workbook.comments.getItem(now.id).delete();
    });
  }
}
