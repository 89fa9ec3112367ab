import { CellValue, cellAddress, parseCellAddress } from '../core/model/cells';
import { Finding, Severity } from '../core/model/findings';
import { Settings } from '../core/model/settings';
import { SEVERITY_FILL } from '../core/output/plan';
import { recognizeWorkbook } from '../core/templates/header-recognition';
import { SheetMapping } from '../core/templates/templates';
import { ChangedRow, checkChangedRows } from '../core/validation/changed-rows';
import { ADDRESS_LIMIT, addressLists, AreaSeparator } from './addresses';
import { probeAreaSeparator } from './list-separator';
import { isNoFill } from './annotations';
import { ExcelHost } from './host';
import { AdapterError } from './office-errors';
import { OpResult } from './ops';
import { normalizeRows, queueStateRead, SheetInfo } from './read-workbook';
import { templateFailure } from './template-messages';

/**
 * Live checks: while a rep types into a template sheet, the rows they changed are validated and the
 * cells in error are highlighted, about a second later. Edits are gathered per sheet and checked after a
 * pause (debounced); only the changed rows are read, in chunks of bounded size, each chunk one read sync
 * and one write sync, so one edit costs the same however large the sheet. A highlighted cell keeps its
 * original fill in memory and gets it back the moment it is fixed. Uses `Worksheet.onChanged`
 * (ExcelApi 1.7) and `Range.getCellProperties` (1.9), both within the manifest's 1.9.
 *
 * The full check owns the workbook's saved looks: the pane calls {@link LiveChecker.clearAll} before it
 * runs so the two never save each other's highlights as a cell's original look.
 */

/** Rows of a sheet read to find its header (titles and two-row headers included), and their width. */
const HEADER_SCAN = 'A1:AX10';
const HEADER_SCAN_ROWS = 10;
/** Cells read per chunk: values and properties of ~15,000 cells stay far below Excel's 5 MB. */
export const DEFAULT_CHUNK_CELLS = 15_000;
/** Pause after the last edit before its rows are checked. */
export const DEFAULT_DEBOUNCE_MS = 400;
const SEVERITY_RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

export interface LiveCheckOptions {
  host: ExcelHost;
  /**
   * The settings to check with, given those saved in the workbook when the check started (tolerances,
   * tax rates, the saved column map); the pane adds Office's display language.
   */
  settings: (saved: Partial<Settings>) => Settings;
  debounceMs?: number;
  /** Timer used for the debounce (tests pass their own); returns a cancel function. */
  schedule?: (run: () => void, ms: number) => () => void;
  chunkCells?: number;
  /** After each sheet's pass: what was checked, flagged and cleared. */
  onResult?(result: LiveResult): void;
  /** A pass that failed (the rows are checked again after the next pause). */
  onError?(failure: { code: string; message: string }): void;
}

/** One sheet's pass. */
export interface LiveResult {
  sheet: string;
  rows: number;
  /** Cells highlighted now (newly or still). */
  flagged: number;
  /** Cells whose highlight was removed and original fill restored. */
  cleared: number;
  chunks: number;
  syncs: number;
  /** The findings on the rows checked (messages in the workbook's language). */
  findings: Finding[];
}

export interface LiveChecker {
  /** Finds the template sheets and starts listening to their edits. */
  start(): Promise<OpResult<{ sheets: string[] }>>;
  /** Stops listening (highlights stay, and are still known to {@link clearAll}). */
  stop(): Promise<void>;
  /** Checks the pending rows now instead of after the pause. */
  flush(): Promise<LiveResult[]>;
  /** Puts back the original fill of every cell the live check highlighted. */
  clearAll(): Promise<OpResult<number>>;
  /** Names of the sheets being watched. */
  watching(): string[];
}

/** The fill a cell had before the live check marked it: a colour, or none. */
interface Mark {
  original: string | null;
  severity: Severity;
}

interface Watched {
  id: string;
  name: string;
  mapping: SheetMapping;
  header: CellValue[][];
  /** Columns read per row: the header's width. */
  width: number;
  /** Marked cells by 1-based row, then A1 address. */
  marks: Map<number, Map<string, Mark>>;
}

/** 1-based inclusive row intervals. */
type Interval = [number, number];

/** Rows an event address covers: "B5", "A2:O5001", "5:9"; a whole column means every row (null). */
export function rowsOfAddress(address: string): Interval | null {
  const local = address.includes('!') ? address.slice(address.lastIndexOf('!') + 1) : address;
  const [a, b = a] = local.replace(/\$/g, '').split(':');
  const row = (s: string): number | null => {
    const m = /^[A-Za-z]*(\d+)$/.exec(s);
    return m ? Number(m[1]) : null;
  };
  const r0 = row(a);
  const r1 = row(b);
  if (r0 === null || r1 === null) return null;
  return [Math.min(r0, r1), Math.max(r0, r1)];
}

function mergeIntervals(list: Interval[]): Interval[] {
  const sorted = [...list].sort((x, y) => x[0] - y[0]);
  const out: Interval[] = [];
  for (const [a, b] of sorted) {
    const last = out[out.length - 1];
    if (last && a <= last[1] + 1) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

/** Splits intervals into chunks of at most `maxRows` rows in all. */
function chunksOf(intervals: Interval[], maxRows: number): Interval[][] {
  const out: Interval[][] = [];
  let current: Interval[] = [];
  let size = 0;
  for (const [a0, b] of intervals) {
    let a = a0;
    while (a <= b) {
      const take = Math.min(b - a + 1, maxRows - size);
      current.push([a, a + take - 1]);
      size += take;
      a += take;
      if (size === maxRows) {
        out.push(current);
        current = [];
        size = 0;
      }
    }
  }
  if (current.length) out.push(current);
  return out;
}

function trimRow(row: CellValue[]): CellValue[] {
  let n = row.length;
  while (n > 0 && (row[n - 1] === null || row[n - 1] === '')) n--;
  return row.slice(0, n);
}

function toCell(v: unknown): CellValue {
  if (typeof v === 'string') return v === '' ? null : v;
  return typeof v === 'number' || typeof v === 'boolean' ? v : null;
}

function fillOf(p: Excel.CellProperties | undefined): string | null {
  const fill = p?.format?.fill;
  return isNoFill(fill) || !fill?.color ? null : fill.color.toUpperCase();
}

/** Creates a live checker over the given Excel. */
export function createLiveChecker(o: LiveCheckOptions): LiveChecker {
  const { host } = o;
  const debounce = o.debounceMs ?? DEFAULT_DEBOUNCE_MS;
  const schedule = o.schedule ?? ((run, ms) => {
    const t = setTimeout(run, ms);
    return () => clearTimeout(t);
  });
  const chunkCells = o.chunkCells ?? DEFAULT_CHUNK_CELLS;
  const watched = new Map<string, Watched>();
  const pending = new Map<string, { intervals: Interval[]; all: boolean }>();
  let registrations: OfficeExtension.EventHandlerResult<Excel.WorksheetChangedEventArgs>[] = [];
  let cancelTimer: (() => void) | null = null;
  let running: Promise<LiveResult[]> = Promise.resolve([]);

  const settingsNow = (): Settings => o.settings(saved);
  const lang = (): Settings['lang'] => settingsNow().lang;

  let listening = false;
  let saved: Partial<Settings> = {};
  // Asked of Excel once per start, so highlights work in ";" locales without a sync per edit.
  let separator: AreaSeparator = ',';

  const onChanged = (args: Excel.WorksheetChangedEventArgs): Promise<void> => {
    const sheet = watched.get(args.worksheetId);
    if (!sheet || !listening) return Promise.resolve();
    const change = args.changeType as string;
    const rows = rowsOfAddress(args.address);
    if (rows && (change === 'RowInserted' || change === 'RowDeleted')) shiftMarks(sheet, rows, change === 'RowInserted');
    else if (change === 'ColumnInserted' || change === 'ColumnDeleted') sheet.marks.clear();
    const p = pending.get(sheet.id) ?? { intervals: [], all: false };
    if (rows) p.intervals.push(rows);
    else p.all = true;
    pending.set(sheet.id, p);
    cancelTimer?.();
    cancelTimer = schedule(() => {
      cancelTimer = null;
      void flush();
    }, debounce);
    return Promise.resolve();
  };

  /** Inserted or deleted rows move the marks below them (a deleted row's marks go with it). */
  function shiftMarks(sheet: Watched, [r0, r1]: Interval, inserted: boolean): void {
    const n = r1 - r0 + 1;
    const moved = new Map<number, Map<string, Mark>>();
    for (const [row, cells] of sheet.marks) {
      if (row < r0) moved.set(row, cells);
      else if (inserted) moved.set(row + n, rekey(cells, row + n));
      else if (row > r1) moved.set(row - n, rekey(cells, row - n));
    }
    sheet.marks = moved;
  }

  function rekey(cells: Map<string, Mark>, row: number): Map<string, Mark> {
    const out = new Map<string, Mark>();
    for (const [cell, mark] of cells) {
      const p = parseCellAddress(cell);
      if (p) out.set(cellAddress(row, p.col0), mark);
    }
    return out;
  }

  const start = async (): Promise<OpResult<{ sheets: string[] }>> => {
    try {
      await stop();
      const found = await host.run(async (context) => {
        if (!host.isSetSupported('ExcelApi', '1.7')) throw new AdapterError('ApiNotFound');
        const sheets = context.workbook.worksheets;
        sheets.load('items/name,items/id,items/visibility');
        await context.sync();
        const visible = sheets.items.filter((s) => s.visibility === 'Visible');
        if (visible.length > 0) separator = await probeAreaSeparator(context, visible[0].name);
        const stateOf = queueStateRead(context, sheets.items.map((s) => ({ name: s.name, visibility: s.visibility as SheetInfo['visibility'], protected: false })));
        const reads = visible.map((s) => s.getRange(HEADER_SCAN).load('values,valueTypes'));
        await context.sync();
        saved = stateOf().state.settings;
        const grids = visible.map((s, i) => ({ name: s.name, rows: normalizeRows(reads[i].values, reads[i].valueTypes as string[][]) }));
        const { mappings } = recognizeWorkbook(grids, settingsNow());
        const out: Watched[] = [];
        for (const m of mappings) {
          const i = visible.findIndex((s) => s.name === m.sheet);
          if (i < 0 || m.headerRow > HEADER_SCAN_ROWS) continue;
          // The scan reads 50 columns; the sheet's own width ends at its last header cell.
          const header = grids[i].rows.slice(0, m.headerRow).map(trimRow);
          const cols = Object.values(m.columns as Record<string, number>);
          const width = Math.max(...header.map((r) => r.length), ...cols.map((c) => c + 1), 1);
          out.push({ id: visible[i].id, name: m.sheet, mapping: m, header, width, marks: new Map() });
          registrations.push(visible[i].onChanged.add(onChanged));
        }
        await context.sync();
        return out;
      });
      // Highlights of an earlier start stay known, so a fix or Clear still restores them.
      for (const w of found) {
        const before = watched.get(w.id);
        if (before) w.marks = before.marks;
      }
      for (const [id, w] of watched) if (w.marks.size === 0) watched.delete(id);
      for (const w of found) watched.set(w.id, w);
      listening = true;
      return { ok: true, value: { sheets: found.map((w) => w.name) } };
    } catch (e) {
      return templateFailure(e, lang());
    }
  };

  async function stop(): Promise<void> {
    listening = false;
    cancelTimer?.();
    cancelTimer = null;
    const regs = registrations;
    registrations = [];
    for (const r of regs) {
      r.remove();
      // Office.js removes a handler through the context that added it.
      await r.context.sync().catch(() => undefined);
    }
    pending.clear();
  }

  /** Checks one sheet's pending rows, chunk by chunk. */
  async function checkSheet(sheet: Watched, job: { intervals: Interval[]; all: boolean }): Promise<LiveResult> {
    const result: LiveResult = { sheet: sheet.name, rows: 0, flagged: 0, cleared: 0, chunks: 0, syncs: 0, findings: [] };
    const settings = settingsNow();
    const first = sheet.mapping.headerRow + 1;
    return host.run(async (context) => {
      const sync = async (): Promise<void> => {
        result.syncs++;
        await context.sync();
      };
      const ws = context.workbook.worksheets.getItem(sheet.id);
      let intervals = job.intervals;
      if (job.all) {
        const used = ws.getUsedRangeOrNullObject(true).load('rowIndex,rowCount');
        await sync();
        intervals = used.isNullObject ? [] : [[used.rowIndex + 1, used.rowIndex + used.rowCount]];
        // Rows that were emptied lie below the used range now: their marks are rechecked too.
        for (const row of sheet.marks.keys()) intervals.push([row, row]);
      }
      const rows = mergeIntervals(intervals.map(([a, b]): Interval => [Math.max(a, first), b]).filter(([a, b]) => a <= b));
      const maxRows = Math.max(1, Math.floor(chunkCells / sheet.width));
      for (const chunk of chunksOf(rows, maxRows)) {
        result.chunks++;
        const reads = chunk.map(([a, b]) => {
          const range = ws.getRangeByIndexes(a - 1, 0, b - a + 1, sheet.width);
          range.load('values,valueTypes');
          const props = range.getCellProperties({ format: { fill: { color: true, pattern: true, tintAndShade: true } } });
          return { a, b, range, props };
        });
        await sync();
        const changed: ChangedRow[] = [];
        const looks = new Map<string, string | null>();
        for (const { a, range, props } of reads) {
          const values = normalizeRows(range.values, range.valueTypes as string[][]);
          values.forEach((cells, i) => {
            changed.push({ row: a + i, cells: cells.map(toCell) });
            props.value[i]?.forEach((p, c) => looks.set(cellAddress(a + i, c), fillOf(p)));
          });
        }
        result.rows += changed.length;
        const findings = checkChangedRows(sheet.mapping, sheet.header, changed, settings);
        result.findings.push(...findings);
        const worst = new Map<string, Severity>();
        for (const f of findings) {
          const had = worst.get(f.cell);
          if (!had || SEVERITY_RANK[f.severity] > SEVERITY_RANK[had]) worst.set(f.cell, f.severity);
        }
        const paint = new Map<Severity, string[]>();
        const restore = new Map<string | null, string[]>();
        const add = <K>(m: Map<K, string[]>, k: K, cell: string): void => {
          const list = m.get(k);
          if (list) list.push(cell);
          else m.set(k, [cell]);
        };
        for (const { row } of changed) {
          const marks = sheet.marks.get(row);
          if (marks) {
            for (const [cell, mark] of marks) {
              if (worst.has(cell)) continue;
              add(restore, mark.original, cell);
              marks.delete(cell);
              result.cleared++;
            }
            if (marks.size === 0) sheet.marks.delete(row);
          }
        }
        for (const [cell, severity] of worst) {
          const row = parseCellAddress(cell)?.row1 ?? 0;
          let marks = sheet.marks.get(row);
          if (!marks) {
            marks = new Map();
            sheet.marks.set(row, marks);
          }
          const mark = marks.get(cell);
          result.flagged++;
          if (mark && mark.severity === severity) continue;
          marks.set(cell, { original: mark ? mark.original : looks.get(cell) ?? null, severity });
          add(paint, severity, cell);
        }
        if (paint.size === 0 && restore.size === 0) continue;
        for (const [severity, cells] of paint) {
          for (const list of addressLists(cells, ADDRESS_LIMIT, separator)) ws.getRanges(list).format.fill.color = `#${SEVERITY_FILL[severity]}`;
        }
        for (const [original, cells] of restore) {
          for (const list of addressLists(cells, ADDRESS_LIMIT, separator)) {
            const fill = ws.getRanges(list).format.fill;
            if (original === null) fill.clear();
            else fill.color = original;
          }
        }
        await sync();
      }
      return result;
    });
  }

  async function flush(): Promise<LiveResult[]> {
    const run = running.then(async () => {
      const jobs = [...pending];
      pending.clear();
      const results: LiveResult[] = [];
      for (const [id, job] of jobs) {
        const sheet = watched.get(id);
        if (!sheet) continue;
        try {
          const r = await checkSheet(sheet, job);
          results.push(r);
          o.onResult?.(r);
        } catch (e) {
          const failed = templateFailure(e, lang());
          if (!failed.ok) {
            if (failed.code === 'ItemNotFound') watched.delete(id);
            else {
              // Typing in a cell (cell-edit mode) and other passing refusals: the rows wait for the next pause.
              const p = pending.get(id) ?? { intervals: [], all: false };
              p.intervals.push(...job.intervals);
              p.all ||= job.all;
              pending.set(id, p);
            }
            o.onError?.({ code: failed.code, message: failed.message });
          }
        }
      }
      return results;
    });
    running = run.catch(() => []);
    return run;
  }

  const clearAll = async (): Promise<OpResult<number>> => {
    try {
      await running;
      const count = await host.run(async (context) => {
        let n = 0;
        for (const sheet of watched.values()) {
          const byOriginal = new Map<string | null, string[]>();
          for (const marks of sheet.marks.values()) {
            for (const [cell, mark] of marks) {
              const list = byOriginal.get(mark.original);
              if (list) list.push(cell);
              else byOriginal.set(mark.original, [cell]);
              n++;
            }
          }
          const ws = context.workbook.worksheets.getItem(sheet.id);
          for (const [original, cells] of byOriginal) {
            for (const list of addressLists(cells, ADDRESS_LIMIT, separator)) {
              const fill = ws.getRanges(list).format.fill;
              if (original === null) fill.clear();
              else fill.color = original;
            }
          }
        }
        await context.sync();
        return n;
      });
      for (const sheet of watched.values()) sheet.marks.clear();
      if (!listening) watched.clear();
      return { ok: true, value: count };
    } catch (e) {
      return templateFailure(e, lang());
    }
  };

  return { start, stop, flush, clearAll, watching: () => (listening ? [...watched.values()].map((w) => w.name) : []) };
}
