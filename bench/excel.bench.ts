/**
 * The Excel adapter against the budgets of DESIGN.md, in the fake Excel: for a sales sheet of 100 and of
 * 100,000 rows with mistakes (one row in eight lacks its Document No, so thousands of cells are flagged),
 * the whole check's syncs, requests, largest request and response, extra read chunks and highlight
 * calls. Syncs should differ only by the read chunks; highlight calls should follow sheets × severities.
 */
import { createExcelOps } from '../src/excel/workbook-ops';
import { ExcelHost } from '../src/excel/host';
import { createFakeExcel, FakeExcel, FakeWorkbookModel } from '../test/fake-excel';

const HEADER = ['Date', 'Document No', 'Invoice No', 'Customer ID', 'Customer Name', 'Amount', 'Tax Rate', 'Tax', 'Total'];

function workbook(rows: number): FakeWorkbookModel {
  const sales: (string | number | null)[][] = [HEADER];
  for (let i = 1; i <= rows; i++) {
    const amount = 100 + (i % 50);
    const tax = Math.round(amount * 13) / 100;
    sales.push([45292 + (i % 300), i % 8 === 0 ? null : `D${String(i).padStart(7, '0')}`, null, 'C1', 'Acme Ltd', amount, 0.13, tax, Math.round((amount + tax) * 100) / 100]);
  }
  return FakeWorkbookModel.fromRows({
    Customers: [['Customer ID', 'Customer Name', 'Credit Limit'], ['C1', 'Acme Ltd', 1_000_000_000]],
    Sales: sales,
    Receipts: [['Date', 'Receipt No', 'Customer ID', 'Amount'], [45300, 'R1', 'C1', 500]],
  });
}

function host(fake: FakeExcel): ExcelHost {
  return {
    run: <T>(batch: (context: Excel.RequestContext) => Promise<T>) => fake.Excel.run<T>(batch),
    isSetSupported: (name, version) => fake.Office.context.requirements.isSetSupported(name, version),
    displayLanguage: () => 'en-US',
  };
}

const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(2)}MB`;

export async function run(): Promise<void> {
  for (const rows of [100, 100_000]) {
    const fake = createFakeExcel(workbook(rows), { apiVersion: '1.18' });
    const ops = createExcelOps({ host: host(fake) });
    const started = Date.now();
    const result = await ops.check({});
    const ms = Date.now() - started;
    if (!result.ok) {
      console.log(`excel rows=${rows} failed: ${result.code} ${result.message}`);
      continue;
    }
    const f = ops.lastRun();
    const s = fake.stats;
    console.log(
      `excel rows=${rows} syncs=${s.syncs} requests=${s.requests} readChunks=${f?.extraChunks} ` +
        `maxRequest=${mb(s.maxRequestBytes)} maxResponse=${mb(s.maxResponseBytes)} highlightCalls=${f?.highlightCalls} ` +
        `flagged=${f?.markedCells} findings=${result.value.findings.length} timeInFake=${ms}ms`,
    );
    fake.resetStats();
    const cleared = await ops.clear();
    console.log(`excel rows=${rows} clear syncs=${fake.stats.syncs} maxRequest=${mb(fake.stats.maxRequestBytes)} restored=${cleared.ok ? cleared.value.restoredCells : cleared.message}`);
  }
}

if (require.main === module) void run();
