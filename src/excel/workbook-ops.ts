import { SheetGrid } from '../core/model/cells';
import { fmt, langFromLocale, Lang } from '../core/model/i18n';
import { readReviews } from '../core/output/findings-sheet';
import { AuditRow, AuditVerdict, readAuditLog, verifyAuditLog } from '../core/output/audit-log';
import { recognizeSheets } from '../core/templates/header-recognition';
import { SheetMapping } from '../core/templates/templates';
import { dateProbes, dateSystemFromTexts } from './date-system';
import { Mark, Plan } from '../core/output/plan';
import { mergeReviews, Review, StoredReview, storedDecisions } from '../core/output/review';
import { resolveSettings, Settings } from '../core/model/settings';
import { OwnedSheetRecord, STATE_SHEET, SavedFormatGroup, WorkbookState } from '../core/output/workbook-state';
import { normalCell } from './addresses';
import { CellLook, cellKey, groupLooks, queueHighlights, queueMarkNotes, queueRestore, readCurrent, SheetCell } from './annotations';
import { NoteMode, pickNoteMode, proveExcelApi } from './api-sets';
import { Batcher, jsonBytes, opBytes, PAYLOAD_BUDGET, SyncEstimate } from './batcher';
import { EngineOutput, EngineRunner, inThreadEngine, isCancellation } from './engine-runner';
import { AFTER_FAILURE, errorMessage } from './error-messages';
import { ExcelHost, officeHost } from './host';
import { AdapterError, officeErrorCode } from './office-errors';
import { CheckOptions, CheckSummary, ClearSummary, OpResult, ReviewDecision, RunWarning, WorkbookOps } from './ops';
import { cellsUnderConditionalFills } from './conditional-formats';
import { conditionalFormatWarnings } from './warning-messages';
import { probeAreaSeparator } from './list-separator';
import { queueOwnedSheet } from './owned-sheets';
import { WatchdogTimers, watchedHost } from './sync-watchdog';
import { uniqueSheetName } from '../core/model/sheet-names';
import { findSheet, FoundState, loadInventory, queueDims, queueMergedAreas, queueStateRead, queueStructureProtection, readGrids, SheetInfo } from './read-workbook';
import { adoptRenamedSheets, queueStateWrite } from './state-store';

/**
 * The Excel adapter: the WorkbookOps the task pane calls, on top of Excel.run.
 *
 * A check reads (inventory; state and sheet sizes; values in chunks), runs the engine, then writes in
 * one Excel.run: first a journal (the state, listing the original look of every cell about to change
 * and the sheets about to be created), then highlights and notes, then the owned sheets under temporary
 * names, and last, in a single sync, the swap (old owned sheets deleted, new ones renamed) with the
 * final state. If any write sync fails, the journal lets a rollback put every cell back and delete the
 * half-written sheets; if even that cannot run (Excel stays in cell-edit mode), the next Clear or check
 * finishes the job from the same journal. The add-in's own writes are kept from raising its events.
 */

export interface ExcelOpsOptions {
  /** Office as the add-in sees it (default: the global Excel and Office). */
  host?: ExcelHost;
  /** Runs the checks (default: in this thread; the task pane passes a Web Worker runner). */
  engine?: EngineRunner;
  /** Bytes per request and per response (default {@link PAYLOAD_BUDGET}; tests lower it). */
  budget?: number;
  /**
   * Told, after each sync whose size the adapter estimated before sending it (reads in chunks, batched
   * writes), what it estimated that request and its response to cost: tests hold the estimates to what
   * Excel was sent.
   */
  onEstimatedSync?: (estimate: SyncEstimate) => void;
  /** How long one sync may go unanswered (default two minutes, SYNC_TIMEOUT_MS in sync-watchdog.ts) and the timers measuring it. */
  syncTimeout?: { ms?: number; timers?: WatchdogTimers };
}

/** Figures of the last check or clear, for tests and the bench. */
export interface RunFigures {
  /** Syncs that carried sheet values. */
  readSyncs: number;
  /** Chunks read beyond each sheet's first sample. */
  extraChunks: number;
  /** Multi-area fill calls on user sheets. */
  highlightCalls: number;
  markedCells: number;
  restoredCells: number;
  /** A write failed and the rollback put the workbook back. */
  rolledBack: boolean;
  /** Highlighted cells under a user's conditional format with a fill; null when Excel could not say. */
  cellsUnderConditionalFormats: number | null;
}

/** WorkbookOps plus the figures of the last run. */
export interface ExcelOps extends WorkbookOps {
  lastRun(): RunFigures | null;
}

/** The owned sheets registered in a state, lower-cased, plus the state sheet itself. */
function ownedNames(state: WorkbookState): Set<string> {
  const names = new Set(state.ownedSheets.map((o) => o.name.toLowerCase()));
  names.add(STATE_SHEET.toLowerCase());
  return names;
}

/** A state that remembers nothing: no owned sheet, saved look, review decision or setting. */
function isEmptyState(state: WorkbookState): boolean {
  return state.ownedSheets.length === 0 && state.saved.length === 0 && (state.reviews ?? []).length === 0 && Object.keys(state.settings).length === 0;
}

/** A registered owned sheet not yet in use: created by a run that had not finished. */
function isPending(o: OwnedSheetRecord): boolean {
  return o.pending === true;
}

interface ReadResult {
  sheets: SheetInfo[];
  found: FoundState;
  settings: Settings;
  grids: SheetGrid[];
  reviews: Map<string, Review>;
  /** The workbook's file name (Workbook.name), for the Audit Log. */
  fileName: string;
  /** The Audit Log's rows as read; null when the workbook has none. */
  audit: AuditRow[] | null;
  readSyncs: number;
  extraChunks: number;
}

/** Hooks of the write stage (see `write`). */
interface WriteStage {
  cancelled(): void;
  started(): void;
  onProgress(fraction: number): void;
  finishing(): void;
}

/** The review decisions on this run's findings, for the pane. */
function decisionsOfRun(output: EngineOutput): Record<string, ReviewDecision> {
  const current = new Set(output.report.findings.map((f) => f.id));
  const out: Record<string, ReviewDecision> = {};
  for (const r of output.plan.reviews ?? []) {
    if (current.has(r.id)) out[r.id] = { status: r.status, reviewer: r.reviewer, reviewedAt: r.reviewedAt, comment: r.comment };
  }
  return out;
}

/** Creates the adapter. */
export function createExcelOps(options: ExcelOpsOptions = {}): ExcelOps {
  const host = watchedHost(options.host ?? officeHost(), options.syncTimeout?.ms, options.syncTimeout?.timers);
  const engine = options.engine ?? inThreadEngine;
  const budget = options.budget ?? PAYLOAD_BUDGET;
  const onSync = options.onEstimatedSync;
  /** The piece turning the add-in's own events off: one set on the runtime (whose path every request counts). */
  const eventsOff = { request: opBytes(0, 1, jsonBytes(false)) };
  let busy = false;
  let last: RunFigures | null = null;

  const displayLang = (): Lang => langFromLocale(host.displayLanguage());

  const failure = <T>(error: unknown, lang: Lang, after?: keyof typeof AFTER_FAILURE): OpResult<T> => {
    let code: string;
    let message: string;
    if (error instanceof AdapterError) {
      code = error.code;
      message = errorMessage(code, lang, error.params);
    } else if (officeErrorCode(error)) {
      code = officeErrorCode(error) as string;
      message = errorMessage(code, lang);
    } else {
      code = 'Internal';
      message = errorMessage('Internal', lang, { detail: error instanceof Error ? error.message : String(error) });
    }
    return { ok: false, code, message: after ? `${message} ${fmt(AFTER_FAILURE[after], lang)}` : message };
  };

  /**
   * Stops a check of a 1904-date-system workbook before it reports wrong dates: one sync asks Excel
   * how it shows a few cells of the recognised Date columns (see date-system.ts).
   */
  const refuse1904 = async (context: Excel.RequestContext, grids: ReadonlyMap<string, SheetGrid>, mappings: readonly SheetMapping[]): Promise<void> => {
    const probes = dateProbes(grids, mappings);
    if (probes.length === 0) return;
    const texts = probes.map((p) => context.workbook.worksheets.getItem(p.sheet).getCell(p.row, p.col).load('text'));
    await context.sync();
    const system = dateSystemFromTexts(probes.map((p, i) => ({ serial: p.serial, text: String(texts[i].text[0]?.[0] ?? '') })));
    if (system === '1904') throw new AdapterError('DateSystem1904');
  };

  /** Reads everything a check needs. */
  const read = (opts: CheckOptions, cancelled: () => void): Promise<ReadResult> =>
    host.run(async (context) => {
      // Workbook.name is ExcelApi 1.7, inside the manifest's 1.9; it travels with the inventory's sync.
      const book = context.workbook.load('name');
      const sheets = await loadInventory(context);
      const stateOf = queueStateRead(context, sheets);
      const structureLocked = queueStructureProtection(context);
      const candidates = sheets.filter((s) => s.name.toLowerCase() !== STATE_SHEET.toLowerCase() && s.visibility !== 'VeryHidden').map((s) => s.name);
      const dimsOf = queueDims(context, candidates);
      const mergeApi = proveExcelApi((name, version) => host.isSetSupported(name, version), '1.13');
      const mergedOf = mergeApi ? queueMergedAreas(context, candidates, mergeApi) : () => new Map<string, string[]>();
      await context.sync();
      // Checked before anything else is read: a run that cannot add its sheets should not start.
      if (structureLocked()) throw new AdapterError('WorkbookProtected');
      const found = stateOf();
      found.state = adoptRenamedSheets(found.state, sheets.map((s) => s.name));
      const settings = resolveSettings({ lang: displayLang(), ...found.state.settings });
      const owned = ownedNames(found.state);
      const findingsName = found.state.ownedSheets.find((o) => o.key === 'findings' && !isPending(o))?.name;
      const auditName = found.state.ownedSheets.find((o) => o.key === 'audit-log' && !isPending(o))?.name;
      const dims = new Map([...dimsOf()].filter(([name]) => !owned.has(name.toLowerCase()) || name === findingsName || name === auditName));
      let mappings: SheetMapping[] = [];
      const { grids, stats } = await readGrids(context, dims, {
        chooseFull: (samples) => {
          mappings = recognizeSheets(samples.filter((g) => !owned.has(g.name.toLowerCase())), settings);
          const names = new Set(mappings.map((m) => m.sheet));
          if (findingsName) names.add(findingsName);
          if (auditName) names.add(auditName);
          return names;
        },
        onProgress: (f) => opts.onProgress?.(0.02 + 0.28 * f, 'read'),
        checkCancelled: cancelled,
        budget,
        onSync,
      });
      await refuse1904(context, grids, mappings);
      for (const [name, areas] of mergedOf()) {
        const grid = grids.get(name);
        if (grid) grid.merged = areas;
      }
      const findingsGrid = findingsName ? grids.get(findingsName) : undefined;
      return {
        sheets,
        found,
        settings,
        grids: [...grids.values()].filter((g) => !owned.has(g.name.toLowerCase())),
        fileName: book.name,
        reviews: mergeReviews(found.state.reviews, findingsGrid ? readReviews(findingsGrid) : new Map()),
        audit: auditName && grids.get(auditName) ? readAuditLog(grids.get(auditName) as SheetGrid) : null,
        readSyncs: stats.readSyncs,
        extraChunks: stats.extraChunks,
      };
    });

  /**
   * Writes the plan. `stage.cancelled` is asked before the first write and after every write sync up
   * to the swap (throwing stops the run, which the caller rolls back); `stage.started` is called just
   * before the first write is queued, `stage.finishing` just before the swap, after which a cancel can
   * no longer be honoured.
   */
  const write = (input: ReadResult, plan: Plan, mode: NoteMode, figures: RunFigures, stage: WriteStage): Promise<{ findingsSheet: string; warnings: RunWarning[] }> =>
    host.run(async (context) => {
      const { sheets, found } = input;
      const state = found.state;
      const owned = ownedNames(state);
      const userSheet = (name: string): SheetInfo | undefined => {
        const s = findSheet(sheets, name);
        return s && !owned.has(s.name.toLowerCase()) ? s : undefined;
      };

      const marks: Mark[] = [];
      const seen = new Set<string>();
      for (const m of plan.marks) {
        const s = userSheet(m.sheet);
        const cell = normalCell(m.cell);
        if (!s || !cell || seen.has(cellKey(s.name, cell))) continue;
        seen.add(cellKey(s.name, cell));
        marks.push({ ...m, sheet: s.name, cell });
      }
      const markKeys = new Set(marks.map((m) => cellKey(m.sheet, m.cell)));
      const savedLook = new Map<string, CellLook>();
      const oldOnly: SheetCell[] = [];
      for (const g of state.saved) {
        const s = userSheet(g.sheet);
        if (!s) continue;
        for (const raw of g.cells) {
          const cell = normalCell(raw);
          if (!cell) continue;
          const key = cellKey(s.name, cell);
          if (savedLook.has(key)) continue;
          savedLook.set(key, { fill: g.fill, fontColor: g.fontColor, note: g.note });
          if (!markKeys.has(key)) oldOnly.push({ sheet: s.name, cell });
        }
      }
      for (const name of new Set([...marks.map((m) => m.sheet), ...oldOnly.map((c) => c.sheet)])) {
        if (userSheet(name)?.protected) throw new AdapterError('SheetProtected', { sheet: name });
      }

      // Read what the cells look like now (nothing is written yet).
      const unsaved = marks.filter((m) => !savedLook.has(cellKey(m.sheet, m.cell)));
      const touched: SheetCell[] = [...marks.map((m) => ({ sheet: m.sheet, cell: m.cell })), ...oldOnly];
      const current = await readCurrent(context, budget, unsaved, touched, mode, onSync);
      // The user's conditional formats over the cells about to be highlighted: read, never changed.
      const underRules = await cellsUnderConditionalFills(context, marks);
      figures.cellsUnderConditionalFormats = underRules ? [...underRules.values()].reduce((a, b) => a + b, 0) : null;
      const originals = new Map(savedLook);
      const newGroups = groupLooks(unsaved.map((m) => {
        const key = cellKey(m.sheet, m.cell);
        const look = current.looks.get(key) ?? { fill: null, fontColor: null, note: current.notes.get(key) ?? null };
        originals.set(key, look);
        return { sheet: m.sheet, cell: m.cell, look };
      }));

      // Names: final ones unique against the user's sheets, temporary ones unique against everything.
      const taken = new Set(sheets.filter((s) => !owned.has(s.name.toLowerCase()) || s.name.toLowerCase() === STATE_SHEET.toLowerCase()).map((s) => s.name.toLowerCase()));
      const everything = new Set(sheets.map((s) => s.name.toLowerCase()));
      const renames = new Map<string, string>();
      const jobs = plan.sheets.map((sheet) => {
        const finalName = uniqueSheetName(sheet.name, taken);
        taken.add(finalName.toLowerCase());
        everything.add(finalName.toLowerCase());
        if (!renames.has(sheet.name)) renames.set(sheet.name, finalName);
        return { sheet, finalName, tempName: '' };
      });
      for (const job of jobs) {
        job.tempName = uniqueSheetName(`~${job.finalName.slice(0, 24)} new`, everything);
        everything.add(job.tempName.toLowerCase());
      }

      const keptGroups: SavedFormatGroup[] = [];
      for (const g of state.saved) {
        const s = userSheet(g.sheet);
        if (!s) continue;
        const cells = g.cells.filter((c) => {
          const n = normalCell(c);
          return n !== null && markKeys.has(cellKey(s.name, n));
        });
        if (cells.length) keptGroups.push({ ...g, cells });
      }
      const journal: WorkbookState = {
        ...state,
        ownedSheets: [...state.ownedSheets, ...jobs.map((j) => ({ key: j.sheet.key, name: j.tempName, pending: true, finalName: j.finalName }))],
        saved: [...state.saved, ...newGroups],
      };
      const finalState: WorkbookState = {
        ...state,
        ownedSheets: jobs.map((j) => ({ key: j.sheet.key, name: j.finalName })),
        saved: [...keptGroups, ...newGroups],
        reviews: plan.reviews ?? state.reviews,
      };

      // Write: journal first, then the cells, then the new sheets under temporary names.
      let flushes = 0;
      const batcher = new Batcher(context, budget, (estimate) => {
        onSync?.(estimate);
        stage.onProgress(Math.min(0.95, ++flushes / (flushes + 2)));
        stage.cancelled();
      });
      batcher.areaSeparator = await probeAreaSeparator(context, marks[0]?.sheet ?? sheets[0].name);
      stage.cancelled();
      stage.started();
      await batcher.add(eventsOff, () => {
        context.runtime.enableEvents = false;
      });
      await queueStateWrite(context, batcher, found, journal);
      figures.restoredCells = await queueRestore(context, batcher, state.saved, (sheet, cell) => {
        const s = userSheet(sheet);
        return s !== undefined && !markKeys.has(cellKey(s.name, cell));
      }, current, mode);
      figures.highlightCalls = await queueHighlights(context, batcher, marks);
      figures.markedCells = marks.length;
      await queueMarkNotes(context, batcher, marks, originals, current, mode, input.settings.lang);
      for (const job of jobs) await queueOwnedSheet(context, batcher, job.sheet, job.tempName, renames);
      // The final record of the cells, with the sheets still as the journal lists them: what a rollback needs.
      await queueStateWrite(context, batcher, found, { ...finalState, ownedSheets: journal.ownedSheets });
      await batcher.flush();
      stage.cancelled();
      stage.finishing();

      // The swap and the owned-sheet registry travel in one sync (only the registry's chunks change), so
      // the registry never names a sheet that is not there.
      for (const o of state.ownedSheets) {
        const s = findSheet(sheets, o.name);
        if (s) context.workbook.worksheets.getItem(s.name).delete();
      }
      for (const job of jobs) context.workbook.worksheets.getItem(job.tempName).name = job.finalName;
      const swap = new Batcher(context, Number.MAX_SAFE_INTEGER);
      await queueStateWrite(context, swap, found, finalState);
      context.runtime.enableEvents = true;
      await context.sync();
      const findingsSheet = jobs.find((j) => j.sheet.key === 'findings')?.finalName ?? '';
      return { findingsSheet, warnings: underRules ? conditionalFormatWarnings(underRules, findingsSheet, input.settings.lang) : [] };
    });

  /**
   * The review decisions to keep through a Clear: those in the state, updated from the Findings sheet
   * (where reviewers record them) when it is still there.
   */
  const readFindingsReviews = async (context: Excel.RequestContext, sheets: SheetInfo[], state: WorkbookState): Promise<StoredReview[] | undefined> => {
    const record = state.ownedSheets.find((o) => o.key === 'findings' && !isPending(o));
    const sheet = record ? findSheet(sheets, record.name) : undefined;
    if (!sheet) return state.reviews;
    const dimsOf = queueDims(context, [sheet.name]);
    await context.sync();
    const { grids } = await readGrids(context, dimsOf(), { chooseFull: () => new Set([sheet.name]), budget, onSync });
    const grid = grids.get(sheet.name);
    return storedDecisions(mergeReviews(state.reviews, grid ? readReviews(grid) : new Map()));
  };

  /**
   * Puts every saved cell back from the workbook's state and deletes half-written sheets. With
   * `dropEmptyState` (a rollback), a state left with nothing to remember (no owned sheet, saved look,
   * review or setting: a first run's journal) is deleted with its hidden sheet rather than rewritten,
   * so the workbook's sheet list is what it was before the run.
   */
  const restoreAll = (mode: NoteMode, figures: RunFigures, dropEmptyState = false): Promise<void> =>
    host.run(async (context) => {
      const sheets = await loadInventory(context);
      const stateOf = queueStateRead(context, sheets);
      const structureLocked = queueStructureProtection(context);
      await context.sync();
      const found = stateOf();
      if (found.unreadable) throw new AdapterError('StateUnreadable', { sheet: STATE_SHEET });
      if (!found.exists) return;
      found.state = adoptRenamedSheets(found.state, sheets.map((s) => s.name));
      // Only half-written sheets are deleted here; anything else Clear does is cell edits.
      if (structureLocked() && found.state.ownedSheets.some((o) => isPending(o) && findSheet(sheets, o.name))) {
        throw new AdapterError('WorkbookProtected');
      }
      const state = found.state;
      const owned = ownedNames(state);
      const userSheet = (name: string): SheetInfo | undefined => {
        const s = findSheet(sheets, name);
        return s && !owned.has(s.name.toLowerCase()) ? s : undefined;
      };
      const reviews = await readFindingsReviews(context, sheets, state);
      const cells: SheetCell[] = [];
      const groups: SavedFormatGroup[] = [];
      for (const g of state.saved) {
        const s = userSheet(g.sheet);
        if (!s) continue;
        if (s.protected) throw new AdapterError('SheetProtected', { sheet: s.name });
        groups.push({ ...g, sheet: s.name });
        for (const c of g.cells) {
          const cell = normalCell(c);
          if (cell) cells.push({ sheet: s.name, cell });
        }
      }
      const current = await readCurrent(context, budget, [], cells, mode, onSync);
      const batcher = new Batcher(context, budget, onSync);
      if (cells.length > 0) batcher.areaSeparator = await probeAreaSeparator(context, cells[0].sheet);
      await batcher.add(eventsOff, () => {
        context.runtime.enableEvents = false;
      });
      figures.restoredCells = await queueRestore(context, batcher, groups, () => true, current, mode);
      await batcher.flush();
      for (const o of state.ownedSheets) {
        const s = findSheet(sheets, o.name);
        if (isPending(o) && s) context.workbook.worksheets.getItem(s.name).delete();
      }
      const kept: WorkbookState = { ...state, ownedSheets: state.ownedSheets.filter((o) => !isPending(o)), saved: [], reviews };
      const stateSheet = findSheet(sheets, STATE_SHEET);
      if (dropEmptyState && stateSheet && !structureLocked() && isEmptyState(kept)) {
        context.workbook.worksheets.getItem(stateSheet.name).delete();
      } else {
        await queueStateWrite(context, new Batcher(context, Number.MAX_SAFE_INTEGER), found, kept);
      }
      context.runtime.enableEvents = true;
      await context.sync();
    });

  /**
   * Turns the add-in's events back on after a write that could not finish. Best effort: when Excel still
   * refuses (cell-edit mode), the next check or clear turns them on again as it ends, so the refusal
   * itself changes nothing for the user and is not reported twice.
   */
  const enableEvents = async (): Promise<void> => {
    try {
      await host.run(async (context) => {
        context.runtime.enableEvents = true;
        await context.sync();
      });
    } catch {
      // See above: the failure that matters has already been turned into the message the user sees.
    }
  };

  const emptyFigures = (): RunFigures => ({
    readSyncs: 0, extraChunks: 0, highlightCalls: 0, markedCells: 0, restoredCells: 0, rolledBack: false, cellsUnderConditionalFormats: null,
  });

  async function check(opts: CheckOptions = {}): Promise<OpResult<CheckSummary>> {
    if (busy) return failure(new AdapterError('Busy'), displayLang());
    busy = true;
    const figures = emptyFigures();
    last = figures;
    let lang = displayLang();
    let writing = false;
    let hadMarks = false;
    const cancelled = (): void => {
      if (opts.signal?.aborted) throw new AdapterError('Cancelled');
    };
    try {
      opts.onProgress?.(0, 'read');
      const input = await read(opts, cancelled);
      lang = input.settings.lang;
      figures.readSyncs = input.readSyncs;
      figures.extraChunks = input.extraChunks;
      cancelled();
      let output: EngineOutput;
      try {
        output = await engine(
          {
            sheets: input.grids, settings: input.settings, reviews: input.reviews,
            run: { time: new Date().toISOString(), user: input.settings.reviewer, file: input.fileName }, auditLog: input.audit?.map((r) => r.entry) ?? [],
          },
          { onProgress: (f, stage) => opts.onProgress?.(0.3 + 0.5 * f, stage), signal: opts.signal },
        );
      } catch (e) {
        if (isCancellation(e, opts.signal)) throw new AdapterError('Cancelled');
        throw e;
      }
      cancelled();
      const counts = { error: 0, warning: 0, info: 0 };
      for (const f of output.report.findings) counts[f.severity]++;
      if (output.report.sheets.length === 0) {
        // No template sheet: a Findings sheet or a hidden state would be clutter the user never asked for.
        opts.onProgress?.(1, 'done');
        return { ok: true, value: { counts, findings: output.report.findings, sheets: [], findingsSheet: '', reviews: {} } };
      }
      const mode = pickNoteMode((name, version) => host.isSetSupported(name, version));
      opts.onProgress?.(0.8, 'write');
      hadMarks = input.found.state.saved.length > 0;
      const { findingsSheet, warnings } = await write(input, output.plan, mode, figures, {
        cancelled,
        started: () => {
          writing = true;
        },
        onProgress: (f) => opts.onProgress?.(0.8 + 0.2 * f, 'write'),
        finishing: () => opts.onProgress?.(0.99, 'finishing'),
      });
      opts.onProgress?.(1, 'done');
      return { ok: true, value: { counts, findings: output.report.findings, sheets: output.report.sheets, findingsSheet, reviews: decisionsOfRun(output), warnings } };
    } catch (e) {
      const cancel = e instanceof AdapterError && e.code === 'Cancelled';
      if (!writing) return failure(e, lang, cancel ? undefined : 'untouched');
      const mode = pickNoteMode((name, version) => host.isSetSupported(name, version));
      // A cancel while writing is reported as such, with what the rollback did, never as a finish.
      const reason = cancel ? new AdapterError('CancelledWhileWriting') : e;
      try {
        await restoreAll(mode, emptyFigures(), true);
        figures.rolledBack = true;
        const result = failure<CheckSummary>(reason, lang, 'rolledBack');
        if (!result.ok && hadMarks) result.message += ` ${fmt(AFTER_FAILURE.earlierMarksRemoved, lang)}`;
        return result;
      } catch {
        await enableEvents();
        return failure(reason, lang, 'leftover');
      }
    } finally {
      busy = false;
    }
  }

  async function clear(): Promise<OpResult<ClearSummary>> {
    if (busy) return failure(new AdapterError('Busy'), displayLang());
    busy = true;
    const figures = emptyFigures();
    last = figures;
    try {
      await restoreAll(pickNoteMode((name, version) => host.isSetSupported(name, version)), figures);
      return { ok: true, value: { restoredCells: figures.restoredCells } };
    } catch (e) {
      return failure(e, displayLang());
    } finally {
      busy = false;
    }
  }

  async function select(sheet: string, cell: string): Promise<OpResult<void>> {
    const lang = displayLang();
    const address = normalCell(cell);
    if (!address) return failure(new AdapterError('BadCell', { cell }), lang);
    try {
      await host.run(async (context) => {
        const ws = context.workbook.worksheets.getItemOrNullObject(sheet).load('visibility');
        await context.sync();
        if (ws.isNullObject) throw new AdapterError('SheetNotFound', { sheet });
        if (ws.visibility !== 'Visible') throw new AdapterError('SheetHidden', { sheet });
        ws.activate();
        ws.getRange(address).select();
        await context.sync();
      });
      return { ok: true, value: undefined };
    } catch (e) {
      return failure(e, lang);
    }
  }

  async function verifyAudit(): Promise<OpResult<AuditVerdict>> {
    try {
      const verdict = await host.run(async (context) => {
        const sheets = await loadInventory(context);
        const stateOf = queueStateRead(context, sheets);
        await context.sync();
        const found = stateOf();
        if (found.unreadable) throw new AdapterError('StateUnreadable', { sheet: STATE_SHEET });
        const record = found.state.ownedSheets.find((o) => o.key === 'audit-log' && !isPending(o));
        const sheet = record ? findSheet(sheets, record.name) : undefined;
        if (!sheet) return verifyAuditLog(null);
        const dimsOf = queueDims(context, [sheet.name]);
        await context.sync();
        const { grids } = await readGrids(context, dimsOf(), { chooseFull: () => new Set([sheet.name]), budget });
        const grid = grids.get(sheet.name);
        return verifyAuditLog(grid ? readAuditLog(grid) : null);
      });
      return { ok: true, value: verdict };
    } catch (e) {
      return failure(e, displayLang());
    }
  }

  return { check, clear, select, verifyAudit, displayLanguage: displayLang, lastRun: () => last };
}
