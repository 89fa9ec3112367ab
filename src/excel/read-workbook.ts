import { CellValue, SheetGrid } from '../core/model/cells';
import { emptyState, parseState, STATE_SHEET, WorkbookState } from '../core/output/workbook-state';
import { ApiSetProof } from './api-sets';
import { PAYLOAD_BUDGET, REQUEST_BYTES, SyncEstimate, jsonBytes, opBytes } from './batcher';
import { officeErrorCode } from './office-errors';

/**
 * Reading the workbook: which sheets exist, the add-in's saved state, and sheet values in chunks sized
 * so no response comes near Excel's 5 MB limit. The number of syncs grows with the data only through
 * those chunks: one for the inventory, one for the state and sheet sizes, then the chunks.
 */

/** A sheet as the inventory sees it. */
export interface SheetInfo {
  name: string;
  visibility: 'Visible' | 'Hidden' | 'VeryHidden';
  protected: boolean;
}

/** The used area of a sheet (values only): 0-based first row and column, and its size. */
export interface SheetDims {
  rowIndex: number;
  columnIndex: number;
  rowCount: number;
  columnCount: number;
}

/** The add-in's state as found in the workbook. */
export interface FoundState {
  state: WorkbookState;
  /** The state sheet exists but does not hold a state this version can read. */
  unreadable: boolean;
  exists: boolean;
  /** Rows of column A the stored state occupies (to blank what a shorter state leaves over). */
  rows: number;
  /** The chunks stored now, so a write can leave the unchanged ones alone. */
  chunks: string[];
}

/** Every sheet, in tab order, with its visibility and protection. One sync. */
export async function loadInventory(context: Excel.RequestContext): Promise<SheetInfo[]> {
  const sheets = context.workbook.worksheets.load('items/name,items/visibility,items/protection/protected');
  await context.sync();
  return sheets.items.map((ws) => ({
    name: ws.name,
    visibility: ws.visibility as SheetInfo['visibility'],
    protected: ws.protection.protected,
  }));
}

/**
 * Queues the read of workbook structure protection (Review › Protect Workbook, ExcelApi 1.7); call the
 * result after the sync. While it is on, Excel refuses to add, delete or rename sheets.
 */
export function queueStructureProtection(context: Excel.RequestContext): () => boolean {
  const protection = context.workbook.protection.load('protected');
  return () => protection.protected;
}

/** Finds a sheet the way Excel names them: case-insensitively. */
export function findSheet(sheets: readonly SheetInfo[], name: string): SheetInfo | undefined {
  const lower = name.toLowerCase();
  return sheets.find((s) => s.name.toLowerCase() === lower);
}

/** Queues the read of the state sheet; call the result after the sync. */
export function queueStateRead(context: Excel.RequestContext, sheets: readonly SheetInfo[]): () => FoundState {
  const info = findSheet(sheets, STATE_SHEET);
  if (!info) return () => ({ state: emptyState(), unreadable: false, exists: false, rows: 0, chunks: [] });
  const used = context.workbook.worksheets.getItem(info.name).getUsedRangeOrNullObject(true).load('values,rowIndex,rowCount,columnIndex');
  return () => {
    if (used.isNullObject) return { state: emptyState(), unreadable: false, exists: true, rows: 0, chunks: [] };
    // Column A only, from row 1: the state is a run of JSON chunks there.
    const column: unknown[] = [];
    if (used.columnIndex === 0) {
      for (let r = 0; r < used.rowIndex; r++) column.push('');
      for (const row of used.values) column.push(row[0]);
    }
    const chunks: unknown[] = [];
    for (const v of column) {
      if (v === '' || v === null || v === undefined) break;
      chunks.push(v);
    }
    const state = parseState(chunks);
    const rows = used.rowIndex + used.rowCount;
    // Unreadable chunks are never kept: the next write rewrites every one of them.
    if (!state) return { state: emptyState(), unreadable: chunks.length > 0, exists: true, rows, chunks: [] };
    return { state, unreadable: false, exists: true, rows, chunks: chunks.map((c) => String(c)) };
  };
}

/** Queues the used-range size of each named sheet; call the result after the sync (null = empty sheet). */
export function queueDims(context: Excel.RequestContext, names: readonly string[]): () => Map<string, SheetDims | null> {
  const ranges = names.map((name) => ({
    name,
    range: context.workbook.worksheets.getItem(name).getUsedRangeOrNullObject(true).load('rowIndex,columnIndex,rowCount,columnCount'),
  }));
  return () => {
    const out = new Map<string, SheetDims | null>();
    for (const { name, range } of ranges) {
      out.set(name, range.isNullObject ? null : {
        rowIndex: range.rowIndex, columnIndex: range.columnIndex, rowCount: range.rowCount, columnCount: range.columnCount,
      });
    }
    return out;
  };
}

/**
 * Queues the merged areas of each named sheet (ExcelApi 1.13); call the result after the sync. The
 * engine reports merged cells inside a table, which would otherwise read as blanks.
 */
export function queueMergedAreas(context: Excel.RequestContext, names: readonly string[], _api: ApiSetProof<'1.13'>): () => Map<string, string[]> {
  const areas = names.map((name) => ({ name, merged: context.workbook.worksheets.getItem(name).getRange().getMergedAreasOrNullObject().load('address') }));
  return () => {
    const out = new Map<string, string[]>();
    for (const { name, merged } of areas) if (!merged.isNullObject) out.set(name, localAreas(merged.address));
    return out;
  };
}

/** "Sales!A5:B5,'My, sheet'!C7" → ["A5:B5", "C7"]: the areas of a multi-area address without their sheet. */
export function localAreas(address: string): string[] {
  const parts = address.match(/(?:'(?:[^']|'')*'|[^,'])+/g) ?? [];
  return parts.map((p) => p.slice(p.lastIndexOf('!') + 1).trim().replace(/\$/g, '')).filter((p) => p !== '');
}

/** Turns what `values` and `valueTypes` report into core cell values. */
export function normalizeRows(values: readonly unknown[][], types: readonly string[][]): CellValue[][] {
  return values.map((row, i) =>
    row.map((v, j) => {
      const t = types[i]?.[j];
      if (t === 'Empty' || v === '' || v === null || v === undefined) return null;
      // `values` gives an error cell as its text ("#N/A"); only valueTypes tells it from typed text.
      if (t === 'Error') return { error: String(v) };
      if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'string') return v;
      return null;
    }),
  );
}

/** How reading went, for progress and the bench. */
export interface ReadStats {
  /** Syncs that carried sheet values (samples included). */
  readSyncs: number;
  /** Chunk reads beyond each sheet's first sample. */
  extraChunks: number;
  rowsRead: number;
}

export interface ReadOptions {
  /** Decides, from the first rows of every sheet, which sheets to read in full. */
  chooseFull(samples: SheetGrid[]): Set<string>;
  onProgress?(fraction: number): void;
  /** Checked between syncs; throwing from it stops the read. */
  checkCancelled?(): void;
  /** Payload budget per response (tests lower it to force chunking on small sheets). */
  budget?: number;
  /** Told, after each sync, what the read estimated that request and its response to cost. */
  onSync?(estimate: SyncEstimate): void;
}

/** First guess of a cell's cost in a response (value and type, quoted, with separators). */
const FIRST_GUESS_CELL_BYTES = 40;
/** Cells in a sheet's first sample: enough to find its header, small enough to pack many sheets together. */
const SAMPLE_CELLS = 20_000;
/** Excel reads at most five million cells at once; stay far below. */
const MAX_CELLS_PER_READ = 1_000_000;
/** Estimates are raised by this factor, as rows further down may be longer than those sampled. */
const MARGIN = 1.25;

interface Task {
  sheet: string;
  /** 0-based first row of the chunk. */
  start: number;
  rows: number;
  dims: SheetDims;
}

/**
 * Reads sheet values: a first sample of every sheet (packed into as few syncs as fit), then the rest of
 * the sheets `chooseFull` picks, in chunks whose size adapts to the bytes per row measured so far.
 * A response Excel still refuses as too large is retried in halves.
 */
export async function readGrids(
  context: Excel.RequestContext,
  dims: ReadonlyMap<string, SheetDims | null>,
  options: ReadOptions,
): Promise<{ grids: Map<string, SheetGrid>; stats: ReadStats }> {
  const budget = options.budget ?? PAYLOAD_BUDGET;
  const grids = new Map<string, SheetGrid>();
  const bytesPerRow = new Map<string, number>();
  const stats: ReadStats = { readSyncs: 0, extraChunks: 0, rowsRead: 0 };
  for (const [name, d] of dims) {
    const rows: CellValue[][] = [];
    if (d) for (let r = 0; r < d.rowIndex; r++) rows.push([]);
    grids.set(name, { name, rows });
  }

  /** A chunk's request: getItem(sheet), getRangeByIndexes(…), and a load of values and types. */
  const requestOf = (t: Task): number => opBytes(2, 1, jsonBytes(t.sheet) + jsonBytes([t.start, t.dims.columnIndex, t.rows, t.dims.columnCount]) + jsonBytes(['values', 'valueTypes']));
  const estimate = (t: Task): number => t.rows * (bytesPerRow.get(t.sheet) ?? t.dims.columnCount * FIRST_GUESS_CELL_BYTES);
  const rowsFitting = (sheet: string, d: SheetDims): number => {
    const perRow = bytesPerRow.get(sheet) ?? d.columnCount * FIRST_GUESS_CELL_BYTES;
    return Math.max(1, Math.min(Math.floor(budget / perRow), Math.floor(MAX_CELLS_PER_READ / d.columnCount)));
  };

  let totalRows = 0;
  let doneRows = 0;
  /** Reads tasks from `next` (asked only when a batch has room, so chunk sizes use the latest estimate). */
  const run = async (next: () => Task | null): Promise<void> => {
    const retry: Task[] = [];
    const take = (): Task | null => retry.shift() ?? next();
    let carried: Task | null = take();
    while (carried) {
      options.checkCancelled?.();
      const batch: Task[] = [];
      let bytes = 0;
      while (carried) {
        // The response, plus the small request (see requestOf) counted against the same budget.
        const cost = estimate(carried) + requestOf(carried);
        if (batch.length > 0 && bytes + cost > budget) break;
        batch.push(carried);
        bytes += cost;
        carried = take();
      }
      const loaded = batch.map((t) => ({
        task: t,
        range: context.workbook.worksheets.getItem(t.sheet)
          .getRangeByIndexes(t.start, t.dims.columnIndex, t.rows, t.dims.columnCount)
          .load('values,valueTypes'),
      }));
      try {
        await context.sync();
      } catch (e) {
        const code = officeErrorCode(e);
        const tooBig = code === 'ResponsePayloadSizeLimitExceeded' || code === 'RangeExceedsLimit';
        if (!tooBig || batch.every((t) => t.rows === 1)) throw e;
        // Split every chunk of the refused batch and try again with a doubled estimate.
        for (const t of batch) bytesPerRow.set(t.sheet, (bytesPerRow.get(t.sheet) ?? t.dims.columnCount * FIRST_GUESS_CELL_BYTES) * 2);
        const halves: Task[] = [];
        for (const t of batch) {
          if (t.rows === 1) halves.push(t);
          else {
            const first = Math.ceil(t.rows / 2);
            halves.push({ ...t, rows: first }, { ...t, start: t.start + first, rows: t.rows - first });
          }
        }
        if (carried) halves.push(carried);
        retry.unshift(...halves);
        carried = take();
        continue;
      }
      stats.readSyncs++;
      options.onSync?.({ request: batch.reduce((n, t) => n + requestOf(t), REQUEST_BYTES), response: bytes });
      for (const { task, range } of loaded) {
        const values = range.values;
        const types = range.valueTypes;
        const measured = (jsonBytes(values) + jsonBytes(types)) / Math.max(1, task.rows);
        bytesPerRow.set(task.sheet, Math.max(bytesPerRow.get(task.sheet) ?? 0, measured * MARGIN));
        const grid = grids.get(task.sheet) as SheetGrid;
        // Chunks of one sheet arrive in order, so appending keeps rows[i] at Excel row i + 1.
        const lead: CellValue[] = new Array(task.dims.columnIndex).fill(null);
        for (const row of normalizeRows(values, types)) grid.rows.push(task.dims.columnIndex ? lead.concat(row) : row);
        stats.rowsRead += task.rows;
        doneRows += task.rows;
      }
      if (totalRows > 0) options.onProgress?.(Math.min(1, doneRows / totalRows));
    }
  };

  // 1. A first sample of every sheet with data, packed into as few syncs as fit.
  // Progress counts against every row until the sheets to read in full are known, so it never goes back.
  const samples: Task[] = [];
  let sampleRows = 0;
  for (const [sheet, d] of dims) {
    if (!d) continue;
    const sampleCells = Math.min(SAMPLE_CELLS, budget / FIRST_GUESS_CELL_BYTES);
    const rows = Math.min(d.rowCount, Math.max(1, Math.floor(sampleCells / d.columnCount)));
    samples.push({ sheet, start: d.rowIndex, rows, dims: d });
    sampleRows += rows;
    totalRows += d.rowCount;
  }
  const sampleQueue = [...samples];
  await run(() => sampleQueue.shift() ?? null);

  // 2. The rest of the sheets that matter, in chunks sized from the bytes per row measured so far.
  const full = options.chooseFull([...grids.values()]);
  const rest: { sheet: string; d: SheetDims; next: number; end: number }[] = [];
  totalRows = sampleRows;
  for (const s of samples) {
    if (!full.has(s.sheet)) continue;
    const end = s.dims.rowIndex + s.dims.rowCount;
    const next = s.start + s.rows;
    if (next < end) {
      rest.push({ sheet: s.sheet, d: s.dims, next, end });
      totalRows += end - next;
    }
  }
  await run(() => {
    const r = rest.find((x) => x.next < x.end);
    if (!r) return null;
    const rows = Math.min(r.end - r.next, rowsFitting(r.sheet, r.d));
    const task: Task = { sheet: r.sheet, start: r.next, rows, dims: r.d };
    r.next += rows;
    stats.extraChunks++;
    return task;
  });
  return { grids, stats };
}
