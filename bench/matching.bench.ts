import { Worker } from 'node:worker_threads';
import { CustomerOrdinals, orderOf, SaleKeyCache, saleItems, sheetRanks, statementItems } from '../src/core/matching/match-items';
import { runPasses } from '../src/core/matching/match-passes';
import { matchConfig, reconcile } from '../src/core/matching/reconcile';
import { normalizeReference, referenceKeys } from '../src/core/matching/references';
import { ParsedWorkbook } from '../src/core/model/records';
import { resolveSettings } from '../src/core/model/settings';
import { statementScopes } from '../src/core/matching/tie-out';
import { generateWorkbook, NOISE_MIXES, NoiseMix } from '../test/support/generate-workbook';
import { score, scoreMatches, xlookupPairs } from '../test/support/score-matching';

/**
 * Matching benchmark (DESIGN.md "Budgets"): 1,048,576 sales against a 1,048,576-row statement (plus
 * receipts), all passes, time and peak RSS, beside a bare `Map` join on the same keys in the same run;
 * then precision / recall of the engine and of an XLOOKUP-style exact lookup on a generated workbook.
 * `MATCHING_BENCH_ROWS` overrides the size (for a quick look).
 */

const ROWS = Number(process.env.MATCHING_BENCH_ROWS ?? 1_048_576);
const SALES_PER_CUSTOMER = 500;

/** The typical noise, with fewer receipts so a statement of N rows still lists most of N sales. */
const BENCH_NOISE: NoiseMix = { ...NOISE_MIXES.typical, cash: { ...NOISE_MIXES.typical.cash, unpaid: 0.9 } };

function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/**
 * Samples the process's resident set size from a worker thread every 10 ms: the main thread is busy
 * in one synchronous call and could not sample itself.
 */
class RssSampler {
  private readonly peak = new Float64Array(new SharedArrayBuffer(8));
  private readonly worker: Worker;

  constructor() {
    this.peak[0] = process.memoryUsage.rss();
    this.worker = new Worker(
      `const { workerData } = require('node:worker_threads');
       const peak = new Float64Array(workerData);
       setInterval(() => { const r = process.memoryUsage.rss(); if (r > peak[0]) peak[0] = r; }, 10);`,
      { eval: true, workerData: this.peak.buffer },
    );
  }

  reset(): void {
    this.peak[0] = process.memoryUsage.rss();
  }

  /** Peak RSS in bytes since the last reset. */
  get peakBytes(): number {
    return Math.max(this.peak[0], process.memoryUsage.rss());
  }

  async stop(): Promise<void> {
    await this.worker.terminate();
  }
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)}s`;
}

function gb(bytes: number): string {
  return `${(bytes / 1024 ** 3).toFixed(2)}GB`;
}

function pct(x: number): string {
  return `${(x * 100).toFixed(2)}%`;
}

/**
 * The baseline: statement lines into one `Map` per customer by their reference keys, then every sale
 * looked up by its Document No and Invoice No keys. Same normalization, same customer blocking, nothing
 * else (no amounts, dates, passes or reports).
 */
function mapJoin(parsed: ParsedWorkbook, invoiceNoLengths: readonly number[]): number {
  const customers = new Map<string, number>();
  const maps: Map<string, number>[] = [];
  for (const t of parsed.statements) {
    for (const l of t.records) {
      let c = customers.get(l.customerId);
      if (c === undefined) {
        c = maps.length;
        customers.set(l.customerId, c);
        maps.push(new Map());
      }
      if (l.reference === '') continue;
      for (const k of referenceKeys(l.reference, invoiceNoLengths)) maps[c].set(k, l.row);
    }
  }
  let hits = 0;
  for (const t of parsed.sales) {
    for (const s of t.records) {
      const c = customers.get(s.customerId);
      if (c === undefined) continue;
      const m = maps[c];
      if (m.get(normalizeReference(s.docNo)) !== undefined || m.get(normalizeReference(s.invoiceNo)) !== undefined) hits++;
    }
  }
  return hits;
}

/** Sales ↔ statement matching as the engine runs it: items (keys, cents, scope) and every pass. */
function matchSalesToStatement(parsed: ParsedWorkbook, asOf: number): number {
  const settings = resolveSettings();
  const customers = new CustomerOrdinals();
  for (const t of parsed.customers) for (const c of t.records) customers.of(c.customerId);
  const ranks = sheetRanks([...parsed.sales, ...parsed.statements].map((t) => t.mapping.sheet));
  const scopes = statementScopes(parsed.statements, customers, asOf, (s, r) => orderOf(ranks.get(s) ?? 0, r));
  const scope = {
    customers, ranks, invoiceNoLengths: settings.invoiceNoLengths,
    period: (c: number) => (scopes.has(c) ? { from: scopes.get(c)?.periodStart ?? Number.NEGATIVE_INFINITY, to: asOf } : null),
  };
  const sales = saleItems(parsed.sales, scope, new SaleKeyCache(parsed.sales));
  const billed = statementItems(parsed.statements, 'billed', scope);
  const outcome = runPasses(sales, billed, matchConfig(settings));
  return outcome.steps.length;
}

function timed<T>(fn: () => T): { ms: number; value: T } {
  const t0 = performance.now();
  const value = fn();
  return { ms: performance.now() - t0, value };
}

/** Runs the benchmark and prints its lines. */
export async function run(): Promise<void> {
  const customers = Math.max(10, Math.round(ROWS / SALES_PER_CUSTOMER));
  const wb = generateWorkbook({
    seed: 20240, customers, salesPerCustomer: SALES_PER_CUSTOMER, totalSales: ROWS, statementRows: ROWS, noise: BENCH_NOISE,
  });
  const receipts = wb.parsed.receipts.reduce((n, t) => n + t.records.length, 0);
  const settings = resolveSettings({ asOf: wb.asOf });
  const sampler = new RssSampler();
  try {
    // Warm both code paths on a small workbook so neither pays for compilation in the timed run.
    const warm = generateWorkbook({ seed: 1, customers: 20, salesPerCustomer: 100, noise: BENCH_NOISE });
    mapJoin(warm.parsed, settings.invoiceNoLengths);
    matchSalesToStatement(warm.parsed, warm.asOf);
    reconcile(warm.parsed, resolveSettings({ asOf: warm.asOf }), warm.asOf);

    gc();
    const join = timed(() => mapJoin(wb.parsed, settings.invoiceNoLengths));
    gc();
    sampler.reset();
    const matchBase = process.memoryUsage.rss();
    const match = timed(() => matchSalesToStatement(wb.parsed, wb.asOf));
    const matchPeak = sampler.peakBytes;
    gc();
    sampler.reset();
    const inputRss = process.memoryUsage.rss();
    const full = timed(() => reconcile(wb.parsed, settings, wb.asOf));
    const fullPeak = sampler.peakBytes;
    const s = scoreMatches(full.value.matches, wb.truth);
    console.log(
      `matching sales=${ROWS} statement=${ROWS} time=${seconds(match.ms)} peakRSS=${gb(matchPeak)} (input ${gb(matchBase)}) mapJoin=${seconds(join.ms)} ` +
        `ratio=${(match.ms / join.ms).toFixed(1)}x precision=${pct(s.precision)} recall=${pct(s.recall)}`,
    );
    console.log(
      `reconcile sales=${ROWS} statement=${ROWS} receipts=${receipts} time=${seconds(full.ms)} peakRSS=${gb(fullPeak)} ` +
        `(input and generator ${gb(inputRss)}) ` +
        `matches=${full.value.matches.length} findings=${full.value.findings.length} (all three reconciliations, tie-out, reports)`,
    );
  } finally {
    await sampler.stop();
  }

  // Quality on a workbook a user might have, against the lookup they would otherwise build.
  for (const mix of ['typical', 'heavy'] as const) {
    const q = generateWorkbook({ seed: 7, customers: 100, salesPerCustomer: 200, noise: NOISE_MIXES[mix], runningBalance: true, openingBalances: true });
    const res = reconcile(q.parsed, resolveSettings({ asOf: q.asOf }), q.asOf);
    const engine = scoreMatches(res.matches, q.truth);
    const xl = score(xlookupPairs(q.parsed), new Set([...q.truth.billedPairs, ...q.truth.paidPairs]));
    console.log(
      `matching-quality mix=${mix} sales=${q.parsed.sales[0].records.length} statement=${q.parsed.statements[0].records.length} ` +
        `engine precision=${pct(engine.precision)} recall=${pct(engine.recall)} xlookup precision=${pct(xl.precision)} recall=${pct(xl.recall)}`,
    );
  }
}
