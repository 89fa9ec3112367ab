import * as path from 'path';
import { Severity } from '../core/model/findings';
import { Bilingual, fmt } from '../core/model/i18n';
import { Report } from '../core/output/report';
import { TEMPLATE_NAMES } from '../core/templates/template-fields';
import { parseArgs } from './args';
import { CLI_TEXT } from './cli-messages';
import { CheckDone, runCheck, runClear, runVerify } from './run-check';

/** Where the command prints; tests pass their own. */
export interface CliIO {
  out(line: string): void;
  err(line: string): void;
}

const PROCESS_IO: CliIO = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

/** Exit codes: 0 ran (findings or not; verify: intact), 1 unreadable input or unwritable output, 2 bad arguments, 3 the Audit Log was altered, 70 a bug. */
export const EXIT = { ok: 0, input: 1, usage: 2, altered: 3, internal: 70 } as const;

/** "English / 中文" on one line. */
export function both(text: Bilingual, params: Record<string, string | number> = {}): string {
  return `${fmt(text, 'en', params)} / ${fmt(text, 'zh', params)}`;
}

/**
 * The `recon` command: `recon check <in.xlsx> [--out <out.xlsx>] [--json <report.json>]
 * [--as-of YYYY-MM-DD] [--lang en|zh] [--map template.field=Header]…` and `recon clear <in.xlsx> --out <out.xlsx>`.
 * Returns the exit code; every failure is one line on `err`, never a throw.
 */
export async function main(argv: readonly string[], io: CliIO = PROCESS_IO): Promise<number> {
  try {
    const parsed = parseArgs(argv);
    if (!parsed.ok) {
      io.err(`recon: ${both(parsed.error.text, parsed.error.params)}`);
      io.err(CLI_TEXT.usage.en);
      return EXIT.usage;
    }
    const command = parsed.command;
    if (command.kind === 'help') {
      io.out(CLI_TEXT.usage.en);
      io.out(CLI_TEXT.usage.zh);
      return EXIT.ok;
    }
    if (command.kind === 'verify') {
      const done = await runVerify(command.input);
      if (!done.ok) {
        io.err(`recon: ${both(done.message.text, done.message.params)}`);
        return done.exitCode;
      }
      const v = done.verdict;
      if (v.ok) {
        io.out(both(CLI_TEXT.auditIntact, { rows: v.rows }));
        return EXIT.ok;
      }
      if ('missing' in v) {
        io.err(`recon: ${both(CLI_TEXT.auditMissing, { file: path.basename(command.input) })}`);
        return EXIT.input;
      }
      io.out(both(CLI_TEXT.auditAltered, { row: v.row, seq: v.seq }));
      return EXIT.altered;
    }
    if (command.kind === 'clear') {
      const done = await runClear(command.input, command.out);
      if (!done.ok) {
        io.err(`recon: ${both(done.message.text, done.message.params)}`);
        return done.exitCode;
      }
      for (const w of done.warnings) io.err(`recon: ${both(w.text, w.params)}`);
      io.out(both(CLI_TEXT.cleared, { cells: done.restoredCells }));
      io.out(both(CLI_TEXT.wrote, { file: command.out }));
      return EXIT.ok;
    }
    const done = await runCheck(command);
    if (!done.ok) {
      io.err(`recon: ${both(done.message.text, done.message.params)}`);
      return done.exitCode;
    }
    for (const w of done.warnings) io.err(`recon: ${both(w.text, w.params)}`);
    for (const line of summaryLines(done, path.basename(command.input))) io.out(line);
    for (const note of done.notes) io.out(both(note.text, note.params));
    return EXIT.ok;
  } catch (e) {
    // A bug, not bad input: one line without JavaScript's wording, and a distinct exit code so scripts
    // can tell; RECON_DEBUG=1 shows where it happened.
    io.err(`recon: ${both(CLI_TEXT.internal)}`);
    if (process.env.RECON_DEBUG) io.err(e instanceof Error ? (e.stack ?? e.message) : String(e));
    return EXIT.internal;
  }
}

/** Counts of findings by severity and by code (codes sorted by count, then name). */
export function countFindings(report: Report): { bySeverity: Record<Severity, number>; byCode: [string, number][] } {
  const bySeverity: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  const codes = new Map<string, number>();
  for (const f of report.findings) {
    bySeverity[f.severity]++;
    codes.set(f.code, (codes.get(f.code) ?? 0) + 1);
  }
  const byCode = [...codes].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  return { bySeverity, byCode };
}

/** The short bilingual summary printed after a check. */
export function summaryLines(done: CheckDone, file: string): string[] {
  const { report } = done.result;
  const lines = [both(CLI_TEXT.checked, { file, asOf: report.asOf })];
  if (report.asOfSource === 'data') lines.push(both(CLI_TEXT.asOfFromData));
  if (report.asOfSource === 'today') lines.push(both(CLI_TEXT.asOfToday));
  if (report.sheets.length === 0) {
    lines.push(both(CLI_TEXT.noTemplates));
  } else {
    lines.push(both(CLI_TEXT.sheetsLine));
    for (const s of report.sheets) {
      const name = TEMPLATE_NAMES[s.template];
      lines.push(`  ${fmt(CLI_TEXT.sheetItem, 'en', { name: s.name, template: name.en, rows: s.rows })} / ${fmt(CLI_TEXT.sheetItem, 'zh', { template: name.zh, rows: s.rows })}`);
    }
  }
  lines.push(...mappingLines(report));
  const { bySeverity, byCode } = countFindings(report);
  lines.push(both(CLI_TEXT.findingsLine, bySeverity));
  // Codes read the same in both languages, so the list is printed once.
  if (byCode.length) lines.push(`${CLI_TEXT.codesLine.en} / ${CLI_TEXT.codesLine.zh}: ${byCode.map(([c, n]) => `${c} ${n}`).join(', ')}`);
  if (report.matches.length) lines.push(both(CLI_TEXT.matchesLine, { count: report.matches.length }));
  if (done.render) {
    lines.push(both(CLI_TEXT.marked, { cells: done.render.markedCells, sheets: done.render.ownedSheets.map((s) => s.name).join(', ') }));
  }
  for (const file of done.written) lines.push(both(CLI_TEXT.wrote, { file }));
  return lines;
}

/**
 * What a user must know about how the sheets were read: columns recognised from content (with the
 * reason), columns taken back, checks that did not run and why, sheets no template fits. These texts
 * come from the engine in the workbook's language.
 */
function mappingLines(report: Report): string[] {
  const lines: string[] = [];
  const inferred = report.sheets.flatMap((s) => (s.columns ?? []).filter((c) => c.source === 'content').map((c) => `  ${s.name}!${c.column} → ${s.template}.${c.field}: ${c.reason}`));
  if (inferred.length) lines.push(both(CLI_TEXT.inferredLine), ...inferred);
  const rejected = report.sheets.flatMap((s) => (s.rejected ?? []).map((r) => `  ${s.name}!${r.column}: ${r.reason}`));
  if (rejected.length) lines.push(both(CLI_TEXT.rejectedLine), ...rejected);
  const skipped = report.skippedChecks ?? [];
  if (skipped.length) lines.push(both(CLI_TEXT.skippedLine), ...skipped.map((k) => `  ${k.message}`));
  const unrecognised = report.unrecognisedSheets ?? [];
  if (unrecognised.length) lines.push(both(CLI_TEXT.unrecognisedLine), ...unrecognised.map((u) => `  ${u.message}`));
  return lines;
}

if (require.main === module) {
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
