/**
 * The live check in the fake Excel: one edit on a sales sheet of 200 and of 200,000 rows (syncs must be
 * equal), and a paste of 5,000 rows (checked in chunks at the default chunk size): syncs, chunks,
 * largest request and response, cells flagged.
 */
import { resolveSettings } from '../src/core/model/settings';
import { ExcelHost } from '../src/excel/host';
import { createLiveChecker, LiveResult } from '../src/excel/live-check';
import { createFakeExcel, FakeExcel, FakeValue, FakeWorkbookModel } from '../test/fake-excel';

const HEADER = ['Date', 'Document No', 'Invoice No', 'Customer ID', 'Customer Name', 'Amount', 'Tax Rate', 'Tax', 'Total'];

function rowOf(i: number, doc: string): FakeValue[] {
  const amount = 100 + (i % 50);
  const tax = Math.round(amount * 13) / 100;
  return [45292 + (i % 300), doc, null, 'C1', 'Acme Ltd', amount, 0.13, tax, Math.round((amount + tax) * 100) / 100];
}

function sales(rows: number): FakeWorkbookModel {
  const out: FakeValue[][] = [HEADER];
  for (let i = 1; i <= rows; i++) out.push(rowOf(i, `D${i}`));
  return FakeWorkbookModel.fromRows({ Sales: out });
}

function host(fake: FakeExcel): ExcelHost {
  return {
    run: <T>(batch: (context: Excel.RequestContext) => Promise<T>) => fake.Excel.run<T>(batch),
    isSetSupported: (name, version) => fake.Office.context.requirements.isSetSupported(name, version),
    displayLanguage: () => 'en-US',
  };
}

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)}KB`;
const tick = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

export async function run(): Promise<void> {
  for (const rows of [200, 200_000]) {
    const fake = createFakeExcel(sales(rows), { apiVersion: '1.18' });
    const results: LiveResult[] = [];
    const checker = createLiveChecker({ host: host(fake), settings: () => resolveSettings(), schedule: () => () => undefined, onResult: (r) => results.push(r) });
    await checker.start();
    const edit = async (label: string, apply: () => void): Promise<void> => {
      apply();
      await tick();
      fake.resetStats();
      const started = Date.now();
      await checker.flush();
      const r = results[results.length - 1];
      console.log(
        `live rows=${rows} ${label}: syncs=${fake.stats.syncs} chunks=${r?.chunks} checked=${r?.rows} flagged=${r?.flagged} cleared=${r?.cleared} ` +
          `maxRequest=${kb(fake.stats.maxRequestBytes)} maxResponse=${kb(fake.stats.maxResponseBytes)} timeInFake=${Date.now() - started}ms`,
      );
    };
    await edit('one bad cell', () => fake.inject.userEdit('Sales', `F${rows}`, 'abc'));
    await edit('the cell fixed', () => fake.inject.userEdit('Sales', `F${rows}`, 100 + ((rows - 1) % 50)));
    const pasted: FakeValue[][] = [];
    for (let i = 0; i < 5_000; i++) pasted.push(rowOf(i, `P${i}`).map((v, j) => (j === 5 && i % 100 === 0 ? 'oops' : v)));
    await edit('paste of 5,000 rows', () => fake.inject.userPaste('Sales', `A${rows + 2}`, pasted));
    await checker.stop();
  }
}

if (require.main === module) void run();
