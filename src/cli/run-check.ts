import { promises as fs } from 'fs';
import * as path from 'path';
import { SheetGrid } from '../core/model/cells';
import { Day } from '../core/model/dates';
import { checkWorkbook, CheckResult } from '../core/engine';
import { Bilingual, Lang } from '../core/model/i18n';
import { resolveSettings, Settings } from '../core/model/settings';
import { CLI_TEXT } from './cli-messages';
import { writeReportJson } from './report-json';
import ExcelJS from 'exceljs';
import { readWorkbookContents, WorkbookContents } from '../xlsx/read-workbook';
import { readWorkbookStreaming } from '../xlsx/stream-read';
import { readValidations } from '../xlsx/data-validations';
import { Report } from '../core/output/report';
import { contentLostOnRewrite, sheetDataSize } from '../xlsx/package-parts';
import { clearAnnotations, renderPlan, RenderSummary } from '../xlsx/render-plan';
import { LoadFailure, loadWorkbookFile, probeWorkbookFile, saveWorkbookFile } from '../xlsx/workbook-file';

/** What `recon check` is asked to do. */
export interface CheckRequest {
  input: string;
  out?: string;
  json?: string;
  asOf?: Day;
  lang?: Lang;
  /**
   * Sheet XML (unpacked bytes) above which the workbook is read row by row instead of into exceljs'
   * model, and `--out` is refused: the model costs ~13 bytes of memory per byte to read and ~36 to
   * write back. Default {@link STREAM_ABOVE_BYTES}.
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

export interface CheckDone {
  ok: true;
  result: CheckResult;
  settings: Settings;
  render: RenderSummary | null;
  /** Warnings worth printing (an unreadable state sheet, content the written copy leaves out). */
  warnings: Warning[];
  written: string[];
}

/** A warning line: its text and parameters. */
export interface Warning {
  text: Bilingual;
  params?: Record<string, string>;
}

const LOAD_REASONS: Record<LoadFailure, Bilingual> = {
  missing: CLI_TEXT.missing,
  'not-a-file': CLI_TEXT.notAFile,
  empty: CLI_TEXT.empty,
  'legacy-or-encrypted': CLI_TEXT.legacy,
  'not-xlsx': CLI_TEXT.notXlsx,
  corrupt: CLI_TEXT.corrupt,
  unreadable: CLI_TEXT.unreadable,
};

function loadFailure(file: string, reason: LoadFailure, detail: string): RunFailure {
  const why = LOAD_REASONS[reason];
  return {
    ok: false,
    exitCode: 1,
    message: { text: { en: fill(CLI_TEXT.cannotRead.en, why.en), zh: fill(CLI_TEXT.cannotRead.zh, why.zh) }, params: { file, detail } },
  };
}

/** Puts the reason's text in place of {why}, keeping its own {detail} placeholder for fmt. */
function fill(template: string, why: string): string {
  return template.replace('{why}', why);
}

function writeFailure(file: string, e: unknown): RunFailure {
  const detail = e instanceof Error ? e.message.split('\n')[0] : String(e);
  return { ok: false, exitCode: 1, message: { text: CLI_TEXT.cannotWrite, params: { file, detail } } };
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
function attachValidations(workbook: ExcelJS.Workbook, report: Report): void {
  for (const s of report.sheets) {
    const ws = workbook.getWorksheet(s.name);
    const rules = ws ? readValidations(ws) : [];
    if (rules.length) s.validations = rules;
  }
}

/**
 * Runs `recon check`: opens the workbook, reads the user's sheets, the team settings and earlier
 * reviews stored in it, runs every check, and writes the annotated copy and/or the JSON report.
 * The demo runs exactly this.
 */
export async function runCheck(req: CheckRequest): Promise<CheckDone | RunFailure> {
  const probe = await probeWorkbookFile(req.input);
  if (!probe.ok) return loadFailure(req.input, probe.reason, probe.detail);
  const sheetBytes = await sheetDataSize(req.input);
  const limit = req.streamAboveBytes ?? STREAM_ABOVE_BYTES;
  const large = sheetBytes !== null && sheetBytes > limit;
  if (large && req.out) {
    const mb = (n: number): string => String(Math.ceil(n / (1024 * 1024)));
    return { ok: false, exitCode: 1, message: { text: CLI_TEXT.tooLargeToAnnotate, params: { file: req.out, size: mb(sheetBytes), limit: mb(limit) } } };
  }
  let workbook: ExcelJS.Workbook | null = null;
  let contents: WorkbookContents;
  if (large) {
    try {
      contents = await readWorkbookStreaming(req.input);
    } catch (e) {
      return loadFailure(req.input, 'corrupt', e instanceof Error ? e.message.split('\n')[0] : String(e));
    }
  } else {
    const loaded = await loadWorkbookFile(req.input);
    if (!loaded.ok) return loadFailure(req.input, loaded.reason, loaded.detail);
    workbook = loaded.workbook;
    contents = readWorkbookContents(workbook);
  }
  const warnings: Warning[] = contents.state.unreadable ? [{ text: CLI_TEXT.stateUnreadable }] : [];
  const stored = contents.state.state.settings;
  const settings = resolveSettings({
    ...stored,
    lang: req.lang ?? (stored.lang === 'en' || stored.lang === 'zh' ? stored.lang : guessLang(contents.grids)),
    asOf: req.asOf ?? (typeof stored.asOf === 'number' ? stored.asOf : null),
  });
  const result = checkWorkbook({ sheets: contents.grids, settings, reviews: contents.reviews });
  if (workbook) attachValidations(workbook, result.report);

  const written: string[] = [];
  let render: RenderSummary | null = null;
  if (req.out && workbook) {
    const lost = await contentLostOnRewrite(req.input);
    if (lost.length) warnings.push({ text: CLI_TEXT.lostOnRewrite, params: { parts: lost.join(', ') } });
    render = renderPlan(workbook, result.plan);
    try {
      await saveWorkbookFile(workbook, req.out);
    } catch (e) {
      return writeFailure(req.out, e);
    }
    written.push(req.out);
  }
  if (req.json) {
    try {
      await fs.mkdir(path.dirname(path.resolve(req.json)), { recursive: true });
      await writeReportJson(result.report, req.json);
    } catch (e) {
      return writeFailure(req.json, e);
    }
    written.push(req.json);
  }
  return { ok: true, result, settings, render, warnings, written };
}

/** Runs `recon clear`: writes a copy with every highlight undone and the add-in's sheets removed. */
export async function runClear(input: string, out: string): Promise<{ ok: true; restoredCells: number; warnings: Warning[] } | RunFailure> {
  const loaded = await loadWorkbookFile(input);
  if (!loaded.ok) return loadFailure(input, loaded.reason, loaded.detail);
  const warnings: Warning[] = [];
  const lost = await contentLostOnRewrite(input);
  if (lost.length) warnings.push({ text: CLI_TEXT.lostOnRewrite, params: { parts: lost.join(', ') } });
  const summary = clearAnnotations(loaded.workbook);
  if (summary.stateWasUnreadable) warnings.push({ text: CLI_TEXT.stateUnreadable });
  try {
    await saveWorkbookFile(loaded.workbook, out);
  } catch (e) {
    return writeFailure(out, e);
  }
  return { ok: true, restoredCells: summary.restoredCells, warnings };
}
