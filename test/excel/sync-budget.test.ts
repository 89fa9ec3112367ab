import { createExcelOps, RunFigures } from '../../src/excel/workbook-ops';
import { FakeStats, FakeValue, FakeWorkbookModel } from '../fake-excel';
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

/** `customers` customers, each with two invoices and C1 with a receipt: every one has activity, so gets a Statement. */
function customersWorkbook(customers: number): FakeWorkbookModel {
  const list: FakeValue[][] = [['Customer ID', 'Customer Name', 'Credit Limit', 'Payment Terms']];
  const sales: FakeValue[][] = [['Date', 'Document No', 'Invoice No', 'Customer ID', 'Customer Name', 'Amount', 'Tax Rate', 'Tax', 'Total']];
  for (let i = 1; i <= customers; i++) {
    list.push([`C${i}`, `Customer ${i}`, 100_000, 'Net 30']);
    sales.push([45300, `D${i}a`, `I${i}a`, `C${i}`, `Customer ${i}`, 100, 0.13, 13, 113]);
    sales.push([45310, `D${i}b`, `I${i}b`, `C${i}`, `Customer ${i}`, 200, 0.13, 26, 226]);
  }
  return FakeWorkbookModel.fromRows({ Customers: list, Sales: sales, Receipts: [['Date', 'Receipt No', 'Customer ID', 'Amount'], [45320, 'R1', 'C1', 50]] });
}

describe('Excel adapter: Statement sheets cost no syncs per customer', () => {
  it('a check writing 50 Statement sheets makes the same 9 syncs as one writing 1', async () => {
    // The syncs of a check, whatever the number of sheets it writes: reads — 1 the sheet list, 2 the
    // state, sizes, protection and merged areas, 3 the values (one chunk for sheets this small), 4 how
    // Excel shows a few dates (1904 probe); before writing — 5 the look and notes of the cells to mark
    // (C1's part-paid invoice), 6 the user's conditional formats over them (no rule: one sync),
    // 7 the list-separator probe; 8 every write (journal, marks, all owned sheets, final state: well
    // under one request's budget here); 9 the swap. Only bytes beyond a request's budget could add one.
    const EXPECTED_SYNCS = 9;
    const syncsFor = async (customers: number): Promise<{ syncs: number; statements: number; maxRequest: number }> => {
      const wb = customersWorkbook(customers);
      const fake = newFake(wb);
      const r = await createExcelOps({ host: fakeHost(fake) }).check({});
      if (!r.ok) throw new Error(r.message);
      return { syncs: fake.stats.syncs, statements: wb.sheets.filter((s) => s.name.startsWith('Statement')).length, maxRequest: fake.stats.maxRequestBytes };
    };
    const one = await syncsFor(1);
    const fifty = await syncsFor(50);
    expect(one.statements).toBe(1);
    expect(fifty.statements).toBe(50);
    expect(one.syncs).toBe(EXPECTED_SYNCS);
    expect(fifty.syncs).toBe(EXPECTED_SYNCS);
    expect(fifty.maxRequest).toBeLessThan(4 * MB);
  });
});
