import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { SheetGrid } from '../core/model/cells';
import { Day } from '../core/model/dates';
import { checkWorkbook, CheckResult } from '../core/engine';
import { Bilingual, Lang } from '../core/model/i18n';
import { resolveSettings, Settings } from '../core/model/settings';
import { AuditVerdict, RunInfo, verifyAuditLog } from '../core/output/audit-log';
import { CLI_TEXT } from './cli-messages';
import { writeReportJson } from './report-json';
import type ExcelJS from 'exceljs';
import { NotReadable } from '../xlsx/file-kind';
import { Report } from '../core/output/report';
import { contentLostOnRewrite, listPackageParts, sheetDataSize } from '../xlsx/package-parts';
import { PackageContents, PackageReadFailure, readWorkbookPackage, worksheetDigests } from '../xlsx/read-package';
import { gridDigest } from '../xlsx/grid-digest';
import { clearAnnotations, renderPlan, RenderSummary } from '../xlsx/render-plan';
import { addOwnedSheetCharts, annotatePackage, clearPackage, PackageEditUnsupported } from '../xlsx/package-editor';
import { StylesError } from '../xlsx/styles-editor';
import { chartPartsOfSheets } from '../xlsx/package-structure';
import { PackageError, ZipPackage } from '../xlsx/zip-package';
import { storedDecisions } from '../core/output/review';
import { STATE_SHEET } from '../core/output/workbook-state';
import { saveSettings } from '../xlsx/state-sheet';
import { MapChoice, withColumnChoices } from '../core/templates/column-map';
import { copyFileAtomically, loadWorkbookFile, saveWorkbookFile } from '../xlsx/workbook-file';

/** What `recon check` is asked to do. */
export interface CheckRequest {
  input: string;
  out?: string;
  json?: string;
  asOf?: Day;
  lang?: Lang;
  /** The run's time in the Audit Log (default: now). */
  now?: Date;
  /** Customers that get a printable statement (对账单); absent: the saved setting, else all with activity. */
  statements?: string[];
  /** `--map template.field=Header` choices laid over the saved column map; the map used is saved by `--out`. */
  map?: MapChoice[];
  /**
   * Sheet XML (unpacked bytes) above which `--out` is refused: the copy is still written through
   * exceljs' model, which costs ~36 bytes of memory per byte to write back. Default
   * {@link STREAM_ABOVE_BYTES}.
   */
  streamAboveBytes?: number;
}

/** 80 MB of sheet XML: about 170,000 rows of 13 columns; writing it back peaks near 3 GB. */
export const STREAM_ABOVE_BYTES = 80 * 1024 * 1024;

/** A failure explained in both languages; `exitCode` 1 for bad input or output, 70 for a bug. */
export interface RunFailure {
  ok: false;
  exitCode: number;
  message: { text: Bilingual; params: Record<string, string> };
}

/** A check's result without the parsed records, which are let go before the copy is written. */
export type CheckedWorkbook = Omit<CheckResult, 'parsed'>;

export interface CheckDone {
  ok: true;
  result: CheckedWorkbook;
  settings: Settings;
  render: RenderSummary | null;
  /** Warnings worth printing (an unreadable state sheet, content the written copy leaves out). */
  warnings: Warning[];
  /** What was done besides the summary, printed after it (the copy left unchanged, and why). */
  notes: Warning[];
  written: string[];
}

/** A warning line: its text and parameters. */
export interface Warning {
  text: Bilingual;
  params?: Record<string, string>;
}

const READ_REASONS: Record<NotReadable, Bilingual> = {
  missing: CLI_TEXT.missing,
  'not-a-file': CLI_TEXT.notAFile,
  empty: CLI_TEXT.empty,
  unreadable: CLI_TEXT.unreadable,
  xls: CLI_TEXT.xls,
  'xls-old': CLI_TEXT.xlsOld,
  encrypted: CLI_TEXT.encrypted,
  'ole-other': CLI_TEXT.oleOther,
  'xml-2003': CLI_TEXT.xml2003,
  html: CLI_TEXT.html,
  ods: CLI_TEXT.ods,
  xlsb: CLI_TEXT.xlsb,
  numbers: CLI_TEXT.numbers,
  'other-office': CLI_TEXT.otherOffice,
  'not-xlsx': CLI_TEXT.notXlsx,
  corrupt: CLI_TEXT.corrupt,
  'no-worksheet': CLI_TEXT.noWorksheet,
};

function readFailure(file: string, failed: PackageReadFailure): RunFailure {
  const why = failed.reason === 'corrupt' && !failed.part ? CLI_TEXT.corruptPackage : READ_REASONS[failed.reason];
  return {
    ok: false,
    exitCode: 1,
    message: { text: { en: fill(CLI_TEXT.cannotRead.en, why.en), zh: fill(CLI_TEXT.cannotRead.zh, why.zh) }, params: { file, part: failed.part ?? '' } },
  };
}

/** Puts the reason's text in place of {why}, keeping its own placeholders for fmt. */
function fill(template: string, why: string): string {
  return template.replace('{why}', why);
}

const WRITE_REASONS: Record<string, Bilingual> = {
  EACCES: CLI_TEXT.writeDenied,
  EPERM: CLI_TEXT.writeDenied,
  ENOSPC: CLI_TEXT.writeNoSpace,
  EDQUOT: CLI_TEXT.writeNoSpace,
  EISDIR: CLI_TEXT.writeIsFolder,
  ENOENT: CLI_TEXT.writeNoFolder,
  ENOTDIR: CLI_TEXT.writeNoFolder,
  EEXIST: CLI_TEXT.writeNoFolder,
  EROFS: CLI_TEXT.writeReadOnly,
  EBUSY: CLI_TEXT.writeBusy,
  ETXTBSY: CLI_TEXT.writeBusy,
};

/** A write that failed, said in words: the system's error code picks the reason, never its message. */
function writeFailure(file: string, e: unknown): RunFailure {
  const code = (e as NodeJS.ErrnoException | null)?.code;
  if (typeof code !== 'string' || !/^E[A-Z]+$/.test(code)) throw e;
  const why = WRITE_REASONS[code] ?? CLI_TEXT.writeOther;
  return { ok: false, exitCode: 1, message: { text: { en: fill(CLI_TEXT.cannotWrite.en, why.en), zh: fill(CLI_TEXT.cannotWrite.zh, why.zh) }, params: { file, code } } };
}

function failureOf(text: Bilingual, params: Record<string, string>, json?: string): RunFailure {
  const withReport: Bilingual = json ? { en: text.en + CLI_TEXT.reportWritten.en, zh: text.zh + CLI_TEXT.reportWritten.zh } : text;
  return { ok: false, exitCode: 1, message: { text: withReport, params: json ? { ...params, json } : params } };
}

/**
 * Whether `target` names the same file as `input`: the same path, or (when it exists) the same file by
 * its real path or its device and inode, which also catches links and case-insensitive file systems.
 */
export async function sameFile(input: string, target: string): Promise<boolean> {
  if (path.resolve(input) === path.resolve(target)) return true;
  try {
    const [a, b] = await Promise.all([fs.stat(input), fs.stat(target)]);
    if (a.dev === b.dev && a.ino === b.ino) return true;
    const [ra, rb] = await Promise.all([fs.realpath(input), fs.realpath(target)]);
    return ra === rb;
  } catch {
    return false;
  }
}

/**
 * A copy of a workbook with macros must keep the .xlsm extension: Excel refuses a macro-enabled
 * package named .xlsx. The copy keeps the macros (and the package's content types) byte for byte.
 */
async function refuseMacrosWithoutXlsm(input: string, out: string, json?: string): Promise<RunFailure | null> {
  const parts = await listPackageParts(input).catch(() => null);
  const macros = (parts ?? []).some((p) => /^xl\/vbaProject\.bin$/i.test(p));
  return macros && !/\.xl[st]m$/i.test(out) ? failureOf(CLI_TEXT.needsXlsm, { file: out }, json) : null;
}

async function refuseInputAsOutput(input: string, targets: (string | undefined)[]): Promise<RunFailure | null> {
  for (const t of targets) {
    if (t && (await sameFile(input, t))) return { ok: false, exitCode: 1, message: { text: CLI_TEXT.outIsInput, params: { file: t } } };
  }
  return null;
}

/**
 * The language of a workbook with no language setting: Chinese when most header cells (first rows)
 * that hold letters are written in Chinese.
 */
export function guessLang(grids: readonly SheetGrid[]): Lang {
  let zh = 0;
  let en = 0;
  for (const g of grids) {
    for (const v of g.rows[0] ?? []) {
      if (typeof v !== 'string') continue;
      if (/[\u4e00-\u9fff]/.test(v)) zh++;
      else if (/[A-Za-z]/.test(v)) en++;
    }
  }
  return zh > en ? 'zh' : 'en';
}

/** Adds each reported sheet's data-validation rules, so the report shows what the template asks of reps. */
function attachValidations(grids: readonly SheetGrid[], report: Report): void {
  const byName = new Map(grids.map((g) => [g.name, g] as const));
  for (const s of report.sheets) {
    const rules = byName.get(s.name)?.validations;
    if (rules?.length) s.validations = rules;
  }
}

/** The signed-in user's name for the Audit Log; empty when the system will not say. */
function osUser(): string {
  try {
    return os.userInfo().username;
  } catch {
    return '';
  }
}

/** The input's user sheets as {@link gridDigest}s by name: what a written copy must still hold. */
type SheetDigests = Map<string, string>;

/** What is kept of a read workbook once its grids are let go. */
type KeptContents = Omit<PackageContents, 'grids'>;

/** Reads a workbook for a command that needs its sheets only to check the copy it writes. */
async function readKept(file: string): Promise<{ ok: true; contents: KeptContents; before: SheetDigests } | RunFailure> {
  const read = await readWorkbookPackage(file);
  if (!read.ok) return readFailure(file, read);
  const { grids, ...contents } = read.contents;
  return { ok: true, contents, before: digestsOf(grids) };
}

/** What a check keeps once the input's grids are let go. */
interface Checked {
  ok: true;
  contents: KeptContents;
  result: CheckedWorkbook;
  settings: Settings;
  before: SheetDigests;
}

/** Digests of the user's sheets, for {@link sheetsChangedIn}. */
function digestsOf(grids: readonly SheetGrid[]): SheetDigests {
  return new Map(grids.map((g) => [g.name, gridDigest(g)] as const));
}

/**
 * Reads the workbook, the team settings and earlier reviews stored in it, and runs every check. The
 * grids and the parsed records (at a million rows ~330 MB and ~180 MB) stay inside this function: what
 * it returns holds the report, the plan and the sheets' digests, so the copy is written with them let go.
 */
async function readAndCheck(req: CheckRequest): Promise<Checked | RunFailure> {
  const read = await readWorkbookPackage(req.input);
  if (!read.ok) return readFailure(req.input, read);
  const { grids, ...contents } = read.contents;
  const stored = contents.state.state.settings;
  const settings = withColumnChoices(resolveSettings({
    ...stored,
    lang: req.lang ?? (stored.lang === 'en' || stored.lang === 'zh' ? stored.lang : guessLang(grids)),
    asOf: req.asOf ?? (typeof stored.asOf === 'number' ? stored.asOf : null),
    ...(req.statements ? { statementCustomers: req.statements } : {}),
  }), req.map ?? []);
  const run: RunInfo = { time: (req.now ?? new Date()).toISOString(), user: settings.reviewer !== '' ? settings.reviewer : osUser(), file: path.basename(req.input) };
  const { parsed: _parsed, ...result } = checkWorkbook({ sheets: grids, settings, reviews: contents.reviews, run, auditLog: contents.audit?.map((r) => r.entry) ?? [] });
  attachValidations(grids, result.report);
  return { ok: true, contents, result, settings, before: digestsOf(grids) };
}

/**
 * Runs `recon check`: reads the workbook with the project's streaming reader, the team settings and
 * earlier reviews stored in it, runs every check, writes the JSON report, then the annotated copy.
 * The report comes first so that a copy that cannot be written still leaves the report. The input is
 * never written: `--out` or `--json` naming it is refused. The demo runs exactly this.
 */
export async function runCheck(req: CheckRequest): Promise<CheckDone | RunFailure> {
  const same = await refuseInputAsOutput(req.input, [req.out, req.json]);
  if (same) return same;
  const checked = await readAndCheck(req);
  if (!checked.ok) return checked;
  const { contents, result, settings, before } = checked;
  const warnings: Warning[] = contents.state.unreadable ? [{ text: CLI_TEXT.stateUnreadable }] : [];

  const written: string[] = [];
  if (req.json) {
    try {
      await fs.mkdir(path.dirname(path.resolve(req.json)), { recursive: true });
      await writeReportJson(result.report, req.json);
    } catch (e) {
      return writeFailure(req.json, e);
    }
    written.push(req.json);
  }
  let render: RenderSummary | null = null;
  const notes: Warning[] = [];
  if (req.out) {
    if (result.report.sheets.length === 0) {
      // Nothing recognised, nothing added (DESIGN.md): the copy is the input as it is.
      try {
        await copyFileAtomically(req.input, req.out);
      } catch (e) {
        return writeFailure(req.out, e);
      }
      notes.push({ text: CLI_TEXT.noTemplatesCopied, params: { file: req.out } });
    } else {
      const out = req.out;
      const macros = await refuseMacrosWithoutXlsm(req.input, out, req.json);
      if (macros) return macros;
      const found = contents.state.state;
      // The column map this run used goes into the team settings, so the next run and the add-in read the same.
      const state = result.report.columnMap ? { ...found, settings: { ...found.settings, columnMap: result.report.columnMap } } : found;
      const edited = contents.state.unreadable ? 'unsupported' : await editPackage(out, before, req.json, (accept) => annotatePackage(req.input, out, result.plan, state, accept));
      if (edited !== 'unsupported') {
        if (!edited.ok) return edited;
        render = edited.value;
      } else {
        // Annotations another renderer left (or parts changed since a check): the exceljs road, which
        // restores looks from the state.
        const sheetBytes = await sheetDataSize(req.input);
        const limit = req.streamAboveBytes ?? STREAM_ABOVE_BYTES;
        if (sheetBytes !== null && sheetBytes > limit) {
          const mb = (n: number): string => String(Math.ceil(n / (1024 * 1024)));
          return failureOf(CLI_TEXT.tooLargeToAnnotate, { file: out, size: mb(sheetBytes), limit: mb(limit) }, req.json);
        }
        const done = await rewrite(req.input, out, contents, before, req.json, (wb) => {
          const summary = renderPlan(wb, result.plan);
          // The column map this run used goes into the team settings, so the next run and the add-in read the same.
          if (result.report.columnMap) saveSettings(wb, { columnMap: result.report.columnMap });
          return summary;
        }, async (tmp, summary) => {
          try {
            await addOwnedSheetCharts(tmp, result.plan.sheets.map((owned, i) => ({ owned, name: summary.ownedSheets[i]?.name ?? owned.name })));
          } catch (e) {
            // The charts are a view of the owned sheets' cells: a package they cannot be added to still gets its copy.
            if (!(e instanceof PackageEditUnsupported)) throw e;
          }
        });
        if (!done.ok) return done;
        render = done.value;
        warnings.push(...done.warnings);
      }
    }
    written.push(req.out);
  }
  return { ok: true, result, settings, render, warnings, written, notes };
}

/**
 * Writes a changed copy through exceljs (until the package is edited part by part), and only when
 * nothing of the user's is lost: every sheet the input lists is still there, and reading the copy back
 * with the project's own reader gives the same values on every user sheet. Otherwise nothing is written
 * and the reason says what would have been lost.
 */
async function rewrite<T>(
  input: string,
  out: string,
  contents: KeptContents,
  before: SheetDigests,
  json: string | undefined,
  change: (wb: ExcelJS.Workbook) => T,
  finish?: (tmp: string, value: T) => Promise<void>,
): Promise<{ ok: true; value: T; warnings: Warning[] } | RunFailure> {
  const loaded = await loadWorkbookFile(input);
  if (!loaded.ok) return failureOf(CLI_TEXT.cannotRewrite, { file: out }, json);
  const workbook = loaded.workbook;
  const have = new Set(workbook.worksheets.map((ws) => ws.name));
  const lost = contents.structure.sheets.filter((s) => !have.has(s.name)).map((s) => s.name);
  if (lost.length) return failureOf(CLI_TEXT.cannotCarrySheets, { file: out, sheets: lost.join(', ') }, json);
  const warnings: Warning[] = [];
  const parts = await contentLostOnRewrite(input, await ownedSheetCharts(input, contents));
  if (parts.length) warnings.push({ text: CLI_TEXT.lostOnRewrite, params: { parts: parts.join(', ') } });
  const value = change(workbook);
  let changed: string[] = [];
  try {
    await saveWorkbookFile(workbook, out, async (tmp) => {
      changed = await sheetsChangedIn(tmp, before);
      return changed.length === 0;
    }, finish ? (tmp) => finish(tmp, value) : undefined);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException | null)?.code;
    // exceljs' writer fails on some content it read (notes without a shape's protection, …).
    if (typeof code !== 'string' || !/^E[A-Z]+$/.test(code)) return failureOf(CLI_TEXT.cannotRewrite, { file: out }, json);
    return writeFailure(out, e);
  }
  if (changed.length) return failureOf(CLI_TEXT.cannotCarryValues, { file: out, sheets: changed.join(', ') }, json);
  return { ok: true, value, warnings };
}

/** The chart parts on the owned sheets a previous run wrote (drawn again with them), by lower-cased name. */
async function ownedSheetCharts(file: string, contents: KeptContents): Promise<Set<string>> {
  const owned = contents.state.state.ownedSheets.map((o) => o.name);
  if (!owned.length) return new Set();
  try {
    const pkg = await ZipPackage.open(file);
    return pkg ? await chartPartsOfSheets(pkg, contents.structure, owned) : new Set();
  } catch {
    // Unreadable relationships: every chart counts as the user's, and the warning says they are left out.
    return new Set();
  }
}

/**
 * Runs a part-by-part edit of the package, accepting the written copy only when reading it back gives
 * the same values on every user sheet. 'unsupported' when the package holds what such an edit cannot
 * undo or carry; the caller then takes the exceljs road.
 */
async function editPackage<T>(
  out: string,
  before: SheetDigests,
  json: string | undefined,
  edit: (accept: (tmp: string) => Promise<boolean>) => Promise<T | null>,
): Promise<{ ok: true; value: T } | RunFailure | 'unsupported'> {
  let changed: string[] = [];
  const accept = async (tmp: string): Promise<boolean> => {
    changed = await sheetsChangedIn(tmp, before);
    return changed.length === 0;
  };
  let value: T | null;
  try {
    value = await edit(accept);
  } catch (e) {
    if (e instanceof PackageEditUnsupported || e instanceof StylesError) return 'unsupported';
    // A damaged part that reading the sheets did not need (a drawing, another sheet's notes) is met
    // only now: the copy is refused naming it, as reading would.
    if (e instanceof PackageError) return failureOf({ en: fill(CLI_TEXT.cannotWrite.en, CLI_TEXT.corrupt.en), zh: fill(CLI_TEXT.cannotWrite.zh, CLI_TEXT.corrupt.zh) }, { file: out, part: e.part }, json);
    const code = (e as NodeJS.ErrnoException | null)?.code;
    if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) return writeFailure(out, e);
    throw e;
  }
  if (value === null) return failureOf(CLI_TEXT.cannotCarryValues, { file: out, sheets: changed.join(', ') }, json);
  return { ok: true, value };
}

/**
 * Names of the input's user sheets whose values or merged areas differ in the written copy `file`, or
 * are missing there (all of them when the copy cannot be read back). The copy's sheets are read one at
 * a time and compared by digest.
 */
export async function sheetsChangedIn(file: string, before: SheetDigests): Promise<string[]> {
  const after = await worksheetDigests(file, new Set(before.keys()));
  return [...before].filter(([name, digest]) => after?.get(name) !== digest).map(([name]) => name);
}

/** Runs `recon clear`: writes a copy with every highlight undone and the add-in's sheets removed. */
export async function runClear(input: string, out: string): Promise<{ ok: true; restoredCells: number; warnings: Warning[] } | RunFailure> {
  const same = await refuseInputAsOutput(input, [out]);
  if (same) return same;
  const read = await readKept(input);
  if (!read.ok) return read;
  const warnings: Warning[] = [];
  const macros = await refuseMacrosWithoutXlsm(input, out);
  if (macros) return macros;
  if (!read.contents.structure.sheets.some((s) => s.name.toLowerCase() === STATE_SHEET.toLowerCase())) {
    // No state sheet: neither a check nor the add-in ever marked this workbook, so there is nothing to
    // clear. The copy is the input as it is, not a rewrite that could only lose what exceljs cannot carry.
    try {
      await copyFileAtomically(input, out);
    } catch (e) {
      return writeFailure(out, e);
    }
    return { ok: true, restoredCells: 0, warnings };
  }
  if (!read.contents.state.unreadable) {
    const state = read.contents.state.state;
    const keep = { ...state, reviews: storedDecisions(read.contents.reviews) };
    const edited = await editPackage(out, read.before, undefined, (accept) => clearPackage(input, out, keep, accept));
    if (edited !== 'unsupported') return edited.ok ? { ok: true, restoredCells: edited.value.restoredCells, warnings } : edited;
  }
  const done = await rewrite(input, out, read.contents, read.before, undefined, (wb) => clearAnnotations(wb));
  if (!done.ok) return done;
  warnings.push(...done.warnings);
  if (done.value.stateWasUnreadable) warnings.push({ text: CLI_TEXT.stateUnreadable });
  return { ok: true, restoredCells: done.value.restoredCells, warnings };
}

/** What `recon verify` found: the Audit Log's verdict, or why the file could not be read. */
export type VerifyDone = { ok: true; verdict: AuditVerdict } | RunFailure;

/** Runs `recon verify`: recomputes the Audit Log's hash chain of the workbook. */
export async function runVerify(input: string): Promise<VerifyDone> {
  const read = await readWorkbookPackage(input);
  if (!read.ok) return readFailure(input, read);
  return { ok: true, verdict: verifyAuditLog(read.contents.audit) };
}
