import { createExcelOps, RunFigures } from '../../src/excel/workbook-ops';
import { FakeStats } from '../fake-excel';
import { fakeHost, newFake, salesWorkbook } from './helpers';

const MB = 1024 * 1024;

interface Run {
  stats: FakeStats;
  figures: RunFigures;
  flagged: number;
  pairs: number;
  fillOpsOnUserSheets: number;
}

/** A whole check of a workbook whose sales sheet has `rows` invoices, one in 50 missing its Document No. */
async function check(rows: number): Promise<Run> {
  const wb = salesWorkbook(rows, 50);
  const fake = newFake(wb);
  const ops = createExcelOps({ host: fakeHost(fake) });
  const r = await ops.check({});
  if (!r.ok) throw new Error(r.message);
  const pairs = new Set(r.value.findings.map((f) => `${f.sheet}|${f.severity}`)).size;
  const fillOps = ['Customers', 'Sales', 'Receipts'].reduce((n, s) => n + (fake.stats.opsBySheet[s]?.['RangeFill.color='] ?? 0), 0);
  return { stats: fake.stats, figures: ops.lastRun() as RunFigures, flagged: r.value.findings.length, pairs, fillOpsOnUserSheets: fillOps };
}

describe('Excel adapter: syncs and payloads do not grow with rows', () => {
  it('a 100,000-row check costs a 100-row check\'s syncs plus the extra read chunks, under 4 MB a request', async () => {
    const small = await check(100);
    const big = await check(100_000);

    expect(big.flagged).toBeGreaterThan(1900);
    expect(big.figures.extraChunks).toBeGreaterThan(0);
    expect(big.stats.syncs).toBe(small.stats.syncs + (big.figures.readSyncs - small.figures.readSyncs));
    expect(big.figures.readSyncs - small.figures.readSyncs).toBe(big.figures.extraChunks);
    expect(big.stats.maxRequestBytes).toBeLessThan(4 * MB);
    expect(big.stats.maxResponseBytes).toBeLessThan(4 * MB);

    // Highlights: one multi-area call per sheet and severity, plus one per 8,192 characters of addresses.
    expect(big.figures.highlightCalls).toBe(big.fillOpsOnUserSheets);
    const addressChars = big.figures.markedCells * 9;
    expect(big.figures.highlightCalls).toBeLessThanOrEqual(big.pairs + Math.ceil(addressChars / 8192));
    expect(big.figures.highlightCalls).toBeLessThan(small.figures.highlightCalls + 5);
  });
});
