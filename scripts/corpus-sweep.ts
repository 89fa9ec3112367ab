/**
 * Runs `recon check --out --json` and `recon clear` (in process) over every spreadsheet file in a
 * folder — public test files fetched from other projects, never committed — and counts what happened,
 * per outcome and per source (the first folder level under the given one).
 *
 *   npx tsx scripts/corpus-sweep.ts <folder> [--timeout <seconds>] [--jsonl <results.jsonl>] [--only <regex>]
 *
 * For each file: read, refused (and which reason), or crashed (an exception or exit 70: a bug); whether
 * the input's bytes changed (they never may); how the copy was written (the input copied as it is when
 * no template sheet was found, part by part, through exceljs, or refused); whether `recon clear` on the
 * copy gives back every part of the input but the sheet list byte for byte. Because public files seldom
 * hold the add-in's template sheets, each readable file also gets one forced mark (the first value on
 * its first sheet) through the part-by-part editor, the same road a check with findings takes, and
 * that copy is cleared and compared too.
 *
 * Each file runs in a child process with a time limit, so one huge or looping file cannot stall the
 * sweep; files over 50 MB are skipped.
 */
import { ChildProcess, fork } from 'child_process';
import { createHash } from 'crypto';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CLI_TEXT } from '../src/cli/cli-messages';
import { both } from '../src/cli/main';
import { runCheck, runClear, RunFailure, sheetsChangedIn } from '../src/cli/run-check';
import { CellValue, columnLetter } from '../src/core/model/cells';
import { Plan } from '../src/core/output/plan';
import { annotatePackage, PackageEditUnsupported } from '../src/xlsx/package-editor';
import { relsPartName } from '../src/xlsx/package-structure';
import { gridDigest } from '../src/xlsx/grid-digest';
import { readWorkbookPackage } from '../src/xlsx/read-package';
import { StylesError } from '../src/xlsx/styles-editor';
import { partKey, ZipPackage } from '../src/xlsx/zip-package';

const MAX_BYTES = 50 * 1024 * 1024;
const EXTENSIONS = /\.(xlsx|xlsm|xltx|xltm|xls|ods|xlsb|numbers)$/i;
/** Wording of JavaScript's own errors that must never reach a user's screen. */
const JS_WORDING = /Cannot read prop|undefined|TypeError|RangeError|SyntaxError|is not a function|is not iterable|Unexpected (token|end)|\[object |NaN|ERR_[A-Z_]+|Error:/;

type CopyRoad = 'as-is' | 'part-by-part' | 'exceljs' | 'refused' | 'none';
type ClearResult = 'identical' | 'differs' | 'refused' | 'crash' | 'not-run';

/** What one file did. */
export interface FileResult {
  file: string;
  source: string;
  outcome: 'read' | 'refused' | 'crash' | 'timeout' | 'skipped-large';
  /** The message's key in CLI_TEXT (the reason) for a refusal. */
  reason?: string;
  message?: string;
  /** The message holds JavaScript's wording. */
  jsWording?: boolean;
  inputModified?: boolean;
  copy?: CopyRoad;
  /** The JSON report was written (it must be, whenever the input could be read). */
  json?: boolean;
  clear?: ClearResult;
  clearDiffers?: string[];
  /** The forced mark through the part-by-part editor. */
  forced?: 'part-by-part' | 'unsupported' | 'values-differ' | 'crash' | 'not-run';
  forcedWhy?: string;
  forcedClear?: ClearResult;
  forcedClearDiffers?: string[];
  error?: string;
  ms?: number;
}

async function sha256(file: string): Promise<string> {
  return createHash('sha256').update(await fs.readFile(file)).digest('hex');
}

async function exists(file: string): Promise<boolean> {
  return fs.stat(file).then(() => true, () => false);
}

/** The CLI_TEXT key whose English text the failure message holds (the longest, so the most specific). */
function reasonKey(failure: RunFailure): string {
  const text = failure.message.text.en;
  let best = '';
  let bestLen = 0;
  for (const [key, value] of Object.entries(CLI_TEXT)) {
    if (key === 'cannotRead' || key === 'reportWritten') continue;
    // The longest stretch of the text without placeholders must appear in the message.
    const pieces = (value as { en: string }).en.split(/\{[a-z]+\}/i).map((p) => p.trim()).sort((a, b) => b.length - a.length);
    const piece = pieces[0] ?? '';
    if (piece.length > bestLen && piece.length > 8 && text.includes(piece)) {
      best = key;
      bestLen = piece.length;
    }
  }
  return best || 'unknown';
}

function errorText(e: unknown): string {
  return e instanceof Error ? `${e.name}: ${e.message} @ ${(e.stack ?? '').split('\n').slice(1, 4).join(' | ')}` : String(e);
}

/** Names of the parts that differ between two packages (missing on either side counts), leaving out `skip`. */
async function differingParts(a: string, b: string, skip: string | null): Promise<string[]> {
  const [pa, pb] = await Promise.all([ZipPackage.open(a), ZipPackage.open(b)]);
  if (!pa || !pb) return ['<no zip>'];
  const names = new Set([...pa.parts, ...pb.parts].filter((p) => !p.name.endsWith('/')).map((p) => partKey(p.name)));
  const out: string[] = [];
  for (const key of names) {
    if (skip && key === partKey(skip)) continue;
    const x = pa.find(key);
    const y = pb.find(key);
    if (!x || !y || !(await pa.read(x)).equals(await pb.read(y))) out.push(key);
  }
  return out.sort();
}

/** A1 address of the first value on a grid's rows (A1 when there is none). */
function firstValueCell(rows: readonly (readonly CellValue[])[]): string {
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r] ?? [];
    for (let c = 0; c < row.length; c++) {
      if (row[c] !== null && row[c] !== undefined && row[c] !== '') return columnLetter(c) + String(r + 1);
    }
  }
  return 'A1';
}

async function clearAndCompare(input: string, copy: string, cleared: string, workbookPart: string | null): Promise<{ clear: ClearResult; differs?: string[]; message?: string; error?: string }> {
  try {
    const inputParts = new Set((await ZipPackage.open(input))?.parts.map((p) => partKey(p.name)));
    const done = await runClear(copy, cleared);
    if (!done.ok) {
      const message = both(done.message.text, done.message.params);
      return { clear: done.exitCode === 70 ? 'crash' : 'refused', message };
    }
    // The sheet list keeps the hidden state sheet: the workbook part, its relationships and the content
    // types change, and the state sheet's part is added; every other part of the input must be as it was.
    const allowed = new Set(['[content_types].xml', ...(workbookPart ? [partKey(workbookPart), partKey(relsPartName(workbookPart))] : [])]);
    const differs = (await differingParts(input, cleared, null)).filter((n) => !allowed.has(n) && !(n.startsWith('xl/worksheets/sheet') && !n.includes('/_rels/') && !inputParts.has(n)));
    return differs.length ? { clear: 'differs', differs } : { clear: 'identical' };
  } catch (e) {
    return { clear: 'crash', error: errorText(e) };
  }
}

/** Runs check, clear and the forced mark on one file, in this process. */
export async function sweepOne(file: string, source: string): Promise<FileResult> {
  const started = Date.now();
  const result: FileResult = { file, source, outcome: 'read' };
  const before = await sha256(file);
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'corpus-sweep-'));
  // A package with macros is copied to .xlsm, as a user must name it (the command refuses .xlsx then).
  const macros = await ZipPackage.open(file).then((p) => p?.has('xl/vbaProject.bin') ?? false, () => false);
  const ext = macros || /\.(xlsm|xltm)$/i.test(file) ? '.xlsm' : '.xlsx';
  const out = path.join(dir, `copy${ext}`);
  const json = path.join(dir, 'report.json');
  try {
    let workbookPart: string | null = null;
    try {
      const done = await runCheck({ input: file, out, json, now: new Date('2026-01-01T00:00:00Z'), lang: 'en' });
      result.json = await exists(json);
      if (!done.ok) {
        result.message = both(done.message.text, done.message.params);
        result.jsWording = JS_WORDING.test(`${done.message.text.en} ${done.message.text.zh}`) || Object.values(done.message.params).some((p) => JS_WORDING.test(p) && !p.includes(dir) && !p.includes(file));
        if (done.exitCode === 70) result.outcome = 'crash';
        else {
          result.reason = reasonKey(done);
          // A refusal after reading (the copy could not be written) still leaves the input readable.
          result.outcome = result.json ? 'read' : 'refused';
          if (result.json) result.copy = 'refused';
        }
      } else if (await exists(out)) {
        const pkg = await ZipPackage.open(out);
        result.copy = (await sha256(out)) === before ? 'as-is' : pkg?.has('recon/manifest.reconpart') ? 'part-by-part' : 'exceljs';
      } else result.copy = 'none';
    } catch (e) {
      result.outcome = 'crash';
      result.error = errorText(e);
    }
    if (result.outcome === 'read') {
      const read = await readWorkbookPackage(file);
      workbookPart = read.ok ? read.contents.structure.workbookPart : null;
      if (result.copy && result.copy !== 'refused' && result.copy !== 'none') {
        const c = await clearAndCompare(file, out, path.join(dir, `cleared${ext}`), workbookPart);
        result.clear = c.clear;
        if (c.differs) result.clearDiffers = c.differs;
        if (c.message) result.message = c.message;
        if (c.error) result.error = c.error;
      }
      // The forced mark: what a check with one finding on this workbook would write, part by part.
      if (read.ok && read.contents.grids.length) {
        const grids = read.contents.grids;
        const first = grids[0] as (typeof grids)[number];
        const plan: Plan = { marks: [{ sheet: first.name, cell: firstValueCell(first.rows), severity: 'warning', note: 'corpus sweep', findingIds: ['sweep'] }], sheets: [] };
        const forced = path.join(dir, `forced${ext}`);
        try {
          const summary = await annotatePackage(file, forced, plan, read.contents.state.state, async (tmp) => {
            const changed = await sheetsChangedIn(tmp, new Map(grids.map((g) => [g.name, gridDigest(g)] as const)));
            if (changed.length) result.forcedWhy = `values differ on ${changed.join(', ')}`;
            return changed.length === 0;
          });
          result.forced = summary ? 'part-by-part' : 'values-differ';
        } catch (e) {
          if (e instanceof PackageEditUnsupported || e instanceof StylesError) {
            result.forced = 'unsupported';
            result.forcedWhy = e.message;
          } else {
            result.forced = 'crash';
            result.forcedWhy = errorText(e);
          }
        }
        if (result.forced === 'part-by-part') {
          const c = await clearAndCompare(file, forced, path.join(dir, `forced-cleared${ext}`), workbookPart);
          result.forcedClear = c.clear;
          if (c.differs) result.forcedClearDiffers = c.differs;
          if (c.message || c.error) result.forcedWhy = c.message ?? c.error;
        }
      } else result.forced = 'not-run';
    }
  } finally {
    result.inputModified = (await sha256(file)) !== before;
    await fs.rm(dir, { recursive: true, force: true });
    result.ms = Date.now() - started;
  }
  return result;
}

async function listFiles(root: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    for (const e of await fs.readdir(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) await walk(p);
      else if (e.isFile() && EXTENSIONS.test(e.name)) out.push(p);
    }
  };
  await walk(root);
  return out.sort();
}

/** One child process that sweeps the files it is sent, one at a time. */
class Worker {
  private child: ChildProcess;
  private pending: ((r: FileResult | null) => void) | null = null;

  constructor() {
    this.child = fork(__filename, ['--worker'], { stdio: ['ignore', 'ignore', 'ignore', 'ipc'], execArgv: [...process.execArgv, '--max-old-space-size=3072'] });
    this.child.on('message', (m) => {
      const p = this.pending;
      this.pending = null;
      p?.(m as FileResult);
    });
    this.child.on('exit', () => {
      const p = this.pending;
      this.pending = null;
      p?.(null);
    });
  }

  run(file: string, source: string, timeoutMs: number): Promise<FileResult | 'timeout' | 'died'> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.pending = null;
        resolve('timeout');
      }, timeoutMs);
      this.pending = (r) => {
        clearTimeout(timer);
        resolve(r ?? 'died');
      };
      this.child.send({ file, source });
    });
  }

  kill(): void {
    this.child.kill('SIGKILL');
  }
}

function table(results: readonly FileResult[]): string {
  const sources = [...new Set(results.map((r) => r.source))].sort();
  const count = (rs: readonly FileResult[], f: (r: FileResult) => boolean): number => rs.filter(f).length;
  const columns: [string, (r: FileResult) => boolean][] = [
    ['files', () => true],
    ['read', (r) => r.outcome === 'read'],
    ['refused', (r) => r.outcome === 'refused'],
    ['crash', (r) => r.outcome === 'crash' || r.clear === 'crash' || r.forced === 'crash' || r.forcedClear === 'crash'],
    ['timeout', (r) => r.outcome === 'timeout'],
    ['>50MB', (r) => r.outcome === 'skipped-large'],
    ['modified', (r) => r.inputModified === true],
    ['jsText', (r) => r.jsWording === true],
    ['asIs', (r) => r.copy === 'as-is'],
    ['pbp', (r) => r.copy === 'part-by-part'],
    ['exceljs', (r) => r.copy === 'exceljs'],
    ['copyRef', (r) => r.copy === 'refused'],
    ['clearSame', (r) => r.clear === 'identical'],
    ['clearDiff', (r) => r.clear === 'differs'],
    ['fPbp', (r) => r.forced === 'part-by-part'],
    ['fUnsup', (r) => r.forced === 'unsupported'],
    ['fValDiff', (r) => r.forced === 'values-differ'],
    ['fClrSame', (r) => r.forcedClear === 'identical'],
    ['fClrDiff', (r) => r.forcedClear === 'differs' || r.forcedClear === 'refused'],
  ];
  const width = Math.max(...sources.map((s) => s.length), 8);
  const lines = [['source'.padEnd(width), ...columns.map(([n]) => n.padStart(Math.max(5, n.length)))].join(' ')];
  for (const s of [...sources, 'TOTAL']) {
    const rs = s === 'TOTAL' ? results : results.filter((r) => r.source === s);
    lines.push([s.padEnd(width), ...columns.map(([n, f]) => String(count(rs, f)).padStart(Math.max(5, n.length)))].join(' '));
  }
  const reasons = new Map<string, number>();
  for (const r of results) if (r.reason) reasons.set(`${r.outcome}:${r.reason}`, (reasons.get(`${r.outcome}:${r.reason}`) ?? 0) + 1);
  lines.push('', 'refusals by reason:');
  for (const [k, n] of [...reasons].sort((a, b) => b[1] - a[1])) lines.push(`  ${String(n).padStart(5)}  ${k}`);
  const unsupported = new Map<string, number>();
  for (const r of results) if (r.forced === 'unsupported') unsupported.set(r.forcedWhy ?? '', (unsupported.get(r.forcedWhy ?? '') ?? 0) + 1);
  lines.push('', 'forced mark not supported part by part, by reason:');
  for (const [k, n] of [...unsupported].sort((a, b) => b[1] - a[1])) lines.push(`  ${String(n).padStart(5)}  ${k}`);
  return lines.join('\n');
}

async function parent(args: string[]): Promise<void> {
  const root = args[0];
  if (!root) {
    process.stderr.write('usage: tsx scripts/corpus-sweep.ts <folder> [--timeout <seconds>] [--jsonl <file>] [--only <regex>]\n');
    process.exitCode = 2;
    return;
  }
  const opt = (name: string): string | undefined => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const timeoutMs = Number(opt('--timeout') ?? '90') * 1000;
  const jsonl = opt('--jsonl');
  const only = opt('--only');
  let files = await listFiles(path.resolve(root));
  if (only) files = files.filter((f) => new RegExp(only).test(f));
  if (jsonl) await fs.writeFile(jsonl, '');
  const results: FileResult[] = [];
  let worker: Worker | null = null;
  for (const [i, file] of files.entries()) {
    const source = path.relative(path.resolve(root), file).split(path.sep)[0] ?? '';
    let r: FileResult;
    if ((await fs.stat(file)).size > MAX_BYTES) r = { file, source, outcome: 'skipped-large' };
    else {
      worker ??= new Worker();
      const got = await worker.run(file, source, timeoutMs);
      if (got === 'timeout' || got === 'died') {
        worker.kill();
        worker = null;
        r = { file, source, outcome: got === 'timeout' ? 'timeout' : 'crash', error: got === 'died' ? 'worker died (out of memory?)' : undefined };
      } else r = got;
    }
    results.push(r);
    if (jsonl) await fs.appendFile(jsonl, `${JSON.stringify(r)}\n`);
    const flag = r.outcome === 'crash' || r.inputModified || r.jsWording || r.forced === 'crash' || r.forced === 'values-differ' || r.clear === 'crash' || r.clear === 'differs' || r.forcedClear === 'differs' ? '  <-- look' : '';
    process.stdout.write(`[${i + 1}/${files.length}] ${r.outcome}${r.reason ? `:${r.reason}` : ''} copy=${r.copy ?? '-'} clear=${r.clear ?? '-'} forced=${r.forced ?? '-'}/${r.forcedClear ?? '-'} ${path.relative(root, file)}${flag}\n`);
  }
  worker?.kill();
  process.stdout.write(`\n${table(results)}\n`);
}

if (process.argv.includes('--worker')) {
  process.on('message', (m: { file: string; source: string }) => {
    void sweepOne(m.file, m.source).catch((e: unknown): FileResult => ({ file: m.file, source: m.source, outcome: 'crash', error: errorText(e) })).then((r) => process.send?.(r));
  });
} else if (require.main === module) {
  void parent(process.argv.slice(2));
}
