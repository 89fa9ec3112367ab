/**
 * The Excel adapter against the budgets of DESIGN.md, in the fake Excel, whose request bytes are what
 * office.js would send (calibrated in test/fake-excel/request-bytes.test.ts): for a sales sheet of 100 and
 * of 100,000 rows with mistakes (one row in eight lacks its Document No, so thousands of cells are
 * flagged), and for 50,000 rows all flagged (50,000 noted cells), the whole check's syncs, requests,
 * largest and total request and response, extra read chunks and highlight calls, then Clear's, then a
 * rollback after a failure at the check's last write sync. Every request must stay under Excel's 5 MB.
 */
import { createExcelOps } from '../src/excel/workbook-ops';
import { ExcelHost } from '../src/excel/host';
import { createFakeExcel, FakeExcel, FakeWorkbookModel } from '../test/fake-excel';

const HEADER = ['Date', 'Document No', 'Invoice No', 'Customer ID', 'Customer Name', 'Amount', 'Tax Rate', 'Tax', 'Total'];

function workbook(rows: number, every: number): FakeWorkbookModel {
  const sales: (string | number | null)[][] = [HEADER];
  for (let i = 1; i <= rows; i++) {
    const amount = 100 + (i % 50);
    const tax = Math.round(amount * 13) / 100;
    sales.push([45292 + (i % 300), i % every === 0 ? null : `D${String(i).padStart(7, '0')}`, null, 'C1', 'Acme Ltd', amount, 0.13, tax, Math.round((amount + tax) * 100) / 100]);
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
  for (const [rows, every] of [[100, 8], [100_000, 8], [50_000, 1]]) {
    const label = `excel rows=${rows} flaggedEvery=${every}`;
    const fake = createFakeExcel(workbook(rows, every), { apiVersion: '1.18' });
    const ops = createExcelOps({ host: host(fake) });
    const started = Date.now();
    const result = await ops.check({});
    const ms = Date.now() - started;
    if (!result.ok) {
      console.log(`${label} failed: ${result.code} ${result.message}`);
      continue;
    }
    const f = ops.lastRun();
    const s = fake.stats;
    const requests = s.requests;
    console.log(
      `${label} syncs=${s.syncs} requests=${s.requests} readChunks=${f?.extraChunks} ` +
        `maxRequest=${mb(s.maxRequestBytes)} totalRequest=${mb(s.totalRequestBytes)} maxResponse=${mb(s.maxResponseBytes)} ` +
        `highlightCalls=${f?.highlightCalls} flagged=${f?.markedCells} findings=${result.value.findings.length} timeInFake=${ms}ms`,
    );
    fake.resetStats();
    const cleared = await ops.clear();
    console.log(
      `${label} clear syncs=${fake.stats.syncs} requests=${fake.stats.requests} maxRequest=${mb(fake.stats.maxRequestBytes)} ` +
        `totalRequest=${mb(fake.stats.totalRequestBytes)} restored=${cleared.ok ? cleared.value.restoredCells : cleared.message}`,
    );

    // A failure at the check's last write sync (everything written but the swap): the worst rollback.
    const again = createFakeExcel(workbook(rows, every), { apiVersion: '1.18' });
    const failing = createExcelOps({ host: host(again) });
    again.inject.failAtRequest(requests - 1, 'GeneralException');
    const failed = await failing.check({});
    const rolledBack = failing.lastRun()?.rolledBack;
    console.log(
      `${label} rollback at request ${requests - 1}: rolledBack=${rolledBack} requests=${again.stats.requests} ` +
        `maxRequest=${mb(again.stats.maxRequestBytes)} ${failed.ok ? 'UNEXPECTED ok' : failed.code}`,
    );
  }
}

if (require.main === module) void run();
