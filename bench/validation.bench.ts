/**
 * Validation throughput (DESIGN.md "Budgets"): a customers sheet and a sales sheet of 10,000, 100,000
 * and 1,048,576 rows, generated in memory as grids the way the readers deliver them (numbers, date
 * serials, text, a few mistakes), through `checkWorkbook`. Prints one line per size:
 *
 *   validation rows=1048576 time=2.31s rate=454k rows/s peakRSS=1.21GB heap=0.80GB input=0.40GB total=2.60s
 *
 * `time` is recognise + parse + validate (until the engine reports its "reconcile" stage), `total` the
 * whole check with the plan. Each size runs in its own child process so `peakRSS` is that run's own
 * peak (the OS high-water mark, which sees inside the synchronous engine where no timer can sample);
 * `heap` is the largest heap seen at the engine's stage boundaries after a forced GC before the run;
 * `input` the RSS the generated grids alone take.
 */
import { spawnSync } from 'child_process';
import * as path from 'path';
import { CellValue, SheetGrid } from '../src/core/model/cells';
import { checkWorkbook } from '../src/core/engine';
import { resolveSettings } from '../src/core/model/settings';

/** Sheet sizes in rows, header included: the last fills a sheet to Excel's row 1,048,576. */
export const SIZES = [10_000, 100_000, 1_048_576];
const CUSTOMERS = 1_000;
const GB = 1024 ** 3;

/** Customers C0001…, with limits and terms. */
export function customersGrid(n: number): SheetGrid {
  const rows: CellValue[][] = [['Customer ID', 'Customer Name', 'Tax ID', 'Credit Limit', 'Payment Terms', 'Status']];
  for (let i = 1; i <= n; i++) rows.push([`C${String(i).padStart(4, '0')}`, `Customer ${i} Trading Co., Ltd.`, null, 500_000 + (i % 7) * 100_000, i % 3 === 0 ? '月结30天' : 'Net 30', 'Active']);
  return { name: 'Customers', rows };
}

/**
 * `n` sales lines (so `n + 1` rows with the header; 1,048,575 lines fill a sheet to row 1,048,576).
 * One line in 997 has an Amount that is not Quantity × Unit Price, one in 1,009 a blank Customer ID.
 */
export function salesGrid(n: number, customers: number): SheetGrid {
  const rows: CellValue[][] = new Array(n + 1);
  rows[0] = ['Date', 'Document No', 'Invoice No', 'Customer ID', 'Customer Name', 'Product', 'Quantity', 'Unit Price', 'Amount', 'Tax Rate', 'Tax', 'Total', 'Due Date'];
  for (let i = 1; i <= n; i++) {
    const c = 1 + (i % customers);
    const qty = 1 + (i % 40);
    const priceCents = 1_000 + (i % 9_000);
    const amountCents = qty * priceCents + (i % 997 === 0 ? 100 : 0);
    const taxCents = Math.round(amountCents * 0.13);
    const date = 45292 + (i % 360);
    rows[i] = [
      date, `SO-${String(i).padStart(7, '0')}`, String(40_000_000 + i), i % 1009 === 0 ? null : `C${String(c).padStart(4, '0')}`,
      `Customer ${c} Trading Co., Ltd.`, `Product ${i % 50}`, qty, priceCents / 100, amountCents / 100, 0.13,
      taxCents / 100, (amountCents + taxCents) / 100, date + 30,
    ];
  }
  return { name: 'Sales', rows };
}

interface Measure {
  rows: number;
  validateMs: number;
  totalMs: number;
  findings: number;
  peakRssBytes: number;
  peakHeapBytes: number;
  inputRssBytes: number;
  /** Seconds spent in each engine stage, by the stage key the engine reports when it starts it. */
  stages: Record<string, number>;
}

/** One size, in this process: generate, collect, check, measure. */
function measure(sheetRows: number): Measure {
  const gc = (globalThis as { gc?: () => void }).gc;
  const n = sheetRows - 1;
  const sheets = [customersGrid(CUSTOMERS), salesGrid(n, CUSTOMERS)];
  gc?.();
  const inputRssBytes = process.memoryUsage().rss;
  let peakHeapBytes = process.memoryUsage().heapUsed;
  let validatedAt = 0;
  const stages: Record<string, number> = {};
  let stage = '';
  let stageAt = 0;
  const settings = resolveSettings({ lang: 'en', asOf: 45657 });
  const started = performance.now();
  const result = checkWorkbook({ sheets, settings }, {
    onProgress(_fraction, next) {
      const now = performance.now();
      peakHeapBytes = Math.max(peakHeapBytes, process.memoryUsage().heapUsed);
      if (stage) stages[stage] = (now - stageAt) / 1000;
      stage = next;
      stageAt = now;
      if (next === 'reconcile') validatedAt = now;
    },
  });
  const totalMs = performance.now() - started;
  peakHeapBytes = Math.max(peakHeapBytes, process.memoryUsage().heapUsed);
  return {
    rows: n,
    validateMs: (validatedAt || performance.now()) - started,
    totalMs,
    findings: result.report.findings.length,
    peakRssBytes: process.resourceUsage().maxRSS * 1024,
    peakHeapBytes,
    inputRssBytes,
    stages,
  };
}

function line(m: Measure): string {
  const rate = m.rows / (m.validateMs / 1000);
  const rateText = rate >= 1e6 ? `${(rate / 1e6).toFixed(2)}M` : `${Math.round(rate / 1e3)}k`;
  return `validation rows=${m.rows + 1} time=${(m.validateMs / 1000).toFixed(2)}s rate=${rateText} rows/s ` +
    `peakRSS=${(m.peakRssBytes / GB).toFixed(2)}GB heap=${(m.peakHeapBytes / GB).toFixed(2)}GB input=${(m.inputRssBytes / GB).toFixed(2)}GB ` +
    `total=${(m.totalMs / 1000).toFixed(2)}s findings=${m.findings} ` +
    `stages=${Object.entries(m.stages).map(([k, v]) => `${k}:${v.toFixed(2)}s`).join(',')}`;
}

/** Runs every size in a child process of its own (tsx, --expose-gc, 4 GB heap ceiling) and prints its line. */
export async function run(): Promise<void> {
  for (const n of SIZES) {
    const child = spawnSync(process.execPath, ['--expose-gc', '--max-old-space-size=4096', '-r', 'tsx/cjs', __filename, '--size', String(n)], {
      cwd: path.join(__dirname, '..'),
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    });
    const out = child.stdout.trim().split('\n').pop() ?? '';
    if (child.status !== 0 || !out.startsWith('{')) {
      console.log(`validation rows=${n} failed: ${(child.stderr || out).trim().split('\n').slice(-3).join(' | ')}`);
      continue;
    }
    console.log(line(JSON.parse(out) as Measure));
  }
}

if (require.main === module) {
  const i = process.argv.indexOf('--size');
  if (i > 0) console.log(JSON.stringify(measure(Number(process.argv[i + 1]))));
  else void run();
}
