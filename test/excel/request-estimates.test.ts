import { EngineRunner } from '../../src/excel/engine-runner';
import { SyncEstimate } from '../../src/excel/batcher';
import { createExcelOps } from '../../src/excel/workbook-ops';
import { Mark, OutCell, OwnedSheet, Plan } from '../../src/core/output/plan';
import { FakeValue, FakeWorkbookModel, PAYLOAD_LIMIT } from '../fake-excel';
import { cellKeyOf } from './keys';
import { fakeHost, newFake } from './helpers';

/**
 * The adapter sizes its reads and writes before sending them, so that Excel on the web never refuses a
 * request (over 5 MB it refuses it whole, and the batch goes again in halves, costing syncs). Here every
 * request whose size it estimated is held to what the fake measured for it (the fake charges what
 * office.js serialises: test/fake-excel/request-bytes.test.ts), for a few kinds of plans: many small
 * marks across sheets, one big owned sheet, 100 Statement sheets. Each runs at the real budget and at a
 * small one, where many requests fill up to the budget and what each request repeats matters most.
 */

const KB = 1024;

/** One request's measured bytes, and the estimate the adapter made for it (none for the small fixed syncs). */
interface Sent {
  measured: number;
  estimate: SyncEstimate | null;
}

/** A check (and, with `clear`, a Clear after it) of `model` with `engine`, every request as sent. */
async function run(model: FakeWorkbookModel, engine: EngineRunner | undefined, budget: number | undefined, clear: boolean): Promise<Sent[]> {
  const fake = newFake(model);
  const estimates = new Map<number, SyncEstimate>();
  const ops = createExcelOps({
    host: fakeHost(fake),
    engine,
    budget,
    // Told right after the sync it describes resolves: the fake's last request is that sync's.
    onEstimatedSync: (e) => estimates.set(fake.stats.requestBytes.length - 1, e),
  });
  const checked = await ops.check({});
  if (!checked.ok) throw new Error(checked.message);
  if (clear) {
    const cleared = await ops.clear();
    if (!cleared.ok) throw new Error(cleared.message);
  }
  return fake.stats.requestBytes.map((measured, i) => ({ measured, estimate: estimates.get(i) ?? null }));
}

/** An engine returning `plan`, with a report naming one recognised sheet (so the adapter writes). */
function fixedPlan(plan: Plan): EngineRunner {
  return async () => ({
    plan,
    report: { asOf: '2024-03-05', sheets: [{ name: 'Region 1', template: 'sales', rows: 1 }], findings: [], matches: [], customers: [] },
  });
}

const SEVERITIES = ['error', 'warning', 'info'] as const;

/**
 * Three user sheets of 1,000 rows, every other cell of columns B and D marked (3,000 marks), with notes
 * in both languages, some with quotes and line breaks (JSON escapes them), and user notes on some cells
 * (those marks rewrite a note instead of adding one).
 */
function manyMarks(): { model: FakeWorkbookModel; plan: Plan } {
  const sheets: Record<string, FakeValue[][]> = {};
  const marks: Mark[] = [];
  for (let s = 1; s <= 3; s++) {
    const name = `Region ${s}`;
    const rows: FakeValue[][] = [['Date', 'Doc', 'Customer', 'Amount']];
    for (let r = 2; r <= 1001; r++) {
      rows.push([45300 + r, `D${r}`, `C${r % 40}`, r * 3]);
      if (r % 2 === 0) {
        for (const col of ['B', 'D']) {
          const note = r % 6 === 0 ? `E101 · "Doc" is missing.\n缺少单据编号 (row ${r}).` : `W20${r % 10} · amount differs 金额不符`;
          marks.push({ sheet: name, cell: `${col}${r}`, severity: SEVERITIES[r % 3], note, findingIds: [`f-${s}-${col}${r}`] });
        }
      }
    }
    sheets[name] = rows;
  }
  const model = FakeWorkbookModel.fromRows(sheets);
  for (let r = 4; r <= 1001; r += 40) model.mustSheet('Region 2').notes.set(cellKeyOf(`B${r}`), { content: `checked "by" Li\n${r}`, author: 'Li' });
  return { model, plan: { marks, sheets: [] } };
}

/**
 * One owned sheet of 4,000 rows and 8 columns, with a preamble, styles (bold, borders, fills, wrapping),
 * links to the user's sheet, row fills by severity, a drop-down, merges, page setup, a chart and protection.
 */
function bigSheet(): { model: FakeWorkbookModel; plan: Plan } {
  const rows: OutCell[][] = [];
  for (let i = 0; i < 4_000; i++) {
    rows.push([
      `F${String(i).padStart(6, '0')}`,
      { link: { text: `Region 1!B${i + 2}`, sheet: 'Region 1', cell: `B${i + 2}` } },
      { value: { money: `${i}.25` }, style: { bold: i % 5 === 0, border: i % 7 === 0 ? 'box' : undefined } },
      { date: 45_356 + (i % 30) },
      i % 3 === 0 ? { value: '=not a formula', style: { fill: 'FFEB9C', wrap: true } } : `message ${i} 说明`,
      i,
      'Open',
      null,
    ]);
  }
  const sheet: OwnedSheet = {
    key: 'findings',
    name: 'Findings',
    preamble: [['Findings 核对结果'], ['as of 2024-03-05']],
    preambleSeverity: [[null], ['error']],
    columns: [
      { header: 'Id', width: 12 },
      { header: 'Cell' },
      { header: 'Amount', format: 'money' },
      { header: 'Date', format: 'date' },
      { header: 'Message', wrap: true, width: 40 },
      { header: 'Row', format: 'int' },
      { header: 'Status', choices: ['Open', 'Explained', 'Accepted'], choicesAlert: { title: 'Status', message: 'Pick one 请选择' }, unlocked: true },
      { header: 'Comment', unlocked: true },
    ],
    rows,
    rowSeverity: rows.map((_, i) => (i % 4 === 0 ? 'error' : i % 4 === 1 ? null : 'warning')),
    merges: ['A1:H1'],
    page: { paper: 'A4', orientation: 'landscape', fitToWidth: true, printTitleRows: { first: 3, last: 3 }, footer: { left: '&F', right: 'Page &P of &N' } },
    charts: [
      { type: 'column', title: 'Findings by severity 按严重程度', source: 'A3:B10', from: 'J3', to: 'Q20' },
      { type: 'bar', stacked: true, firstOnTop: true, title: 'Top customers 主要客户', source: 'A3:C13', from: 'J22', to: 'Q40' },
    ],
    protect: true,
    activate: true,
  };
  const model = FakeWorkbookModel.fromRows({ 'Region 1': [['Date', 'Doc'], [45300, 'D1']] });
  return { model, plan: { marks: [], sheets: [sheet] } };
}

/** 100 customers with two invoices each (C1 with a receipt): the real engine writes a Statement sheet for each. */
function statements(): FakeWorkbookModel {
  const list: FakeValue[][] = [['Customer ID', 'Customer Name', 'Credit Limit', 'Payment Terms']];
  const sales: FakeValue[][] = [['Date', 'Document No', 'Invoice No', 'Customer ID', 'Customer Name', 'Amount', 'Tax Rate', 'Tax', 'Total']];
  for (let i = 1; i <= 100; i++) {
    list.push([`C${i}`, `客户 Customer ${i}`, 100_000, 'Net 30']);
    sales.push([45300, `D${i}a`, `I${i}a`, `C${i}`, `客户 Customer ${i}`, 100, 0.13, 13, 113]);
    sales.push([45310, `D${i}b`, `I${i}b`, `C${i}`, `客户 Customer ${i}`, 200, 0.13, 26, 226]);
  }
  return FakeWorkbookModel.fromRows({ Customers: list, Sales: sales, Receipts: [['Date', 'Receipt No', 'Customer ID', 'Amount'], [45320, 'R1', 'C1', 50]] });
}

/** Every estimated request within its estimate, every request under 5 MB, and the unestimated ones small. */
function expectHonest(sent: Sent[]): void {
  const estimated = sent.filter((s) => s.estimate !== null);
  for (const s of estimated) expect(s.measured).toBeLessThanOrEqual((s.estimate as SyncEstimate).request);
  for (const s of sent) expect(s.measured).toBeLessThan(PAYLOAD_LIMIT);
  // The syncs the adapter does not size (sheet list, state, probes, the swap) stay small whatever the plan.
  for (const s of sent.filter((x) => x.estimate === null)) expect(s.measured).toBeLessThan(64 * KB);
}

const SMALL = 200_000;

/** Estimated requests measuring over `bytes`: the test must reach requests packed close to the budget. */
function large(sent: Sent[], bytes: number): number {
  return sent.filter((s) => s.estimate !== null && s.measured > bytes).length;
}

describe('Excel adapter: no request is larger than the adapter estimated it, none reaches 5 MB', () => {
  // Over 512 KB at the real budget; over three quarters of it at the small one.
  it.each([
    ['the real budget', undefined, 512 * KB, 4],
    ['a small budget', SMALL, 150_000, 15],
  ])('3,000 marks with notes on three sheets, then Clear, at %s', async (_name, budget, over, atLeast) => {
    const { model, plan } = manyMarks();
    const sent = await run(model, fixedPlan(plan), budget, true);
    expectHonest(sent);
    // The check reads the cells' looks and notes, then writes journal, marks and notes; Clear reads the notes and writes them back.
    expect(large(sent, over)).toBeGreaterThanOrEqual(atLeast);
    expect(model.mustSheet('Region 2').notes.get(cellKeyOf('B4'))?.content).toBe('checked "by" Li\n4');
  });

  it.each([
    ['the real budget', undefined, 512 * KB, 1],
    ['a small budget', SMALL, 150_000, 8],
  ])('one owned sheet of 4,000 rows with styles, links, fills and a chart, at %s', async (_name, budget, over, atLeast) => {
    const { model, plan } = bigSheet();
    const sent = await run(model, fixedPlan(plan), budget, false);
    expectHonest(sent);
    expect(large(sent, over)).toBeGreaterThanOrEqual(atLeast);
    expect(model.mustSheet('Findings').getValue(2 + 1 + 3_999, 0)).toBe('F003999');
  });

  it.each([
    ['the real budget', undefined, 512 * KB, 2],
    ['a small budget', SMALL, 150_000, 20],
  ])('100 Statement sheets from the real engine, at %s', async (_name, budget, over, atLeast) => {
    const model = statements();
    const sent = await run(model, undefined, budget, false);
    expectHonest(sent);
    expect(large(sent, over)).toBeGreaterThanOrEqual(atLeast);
    expect(model.sheets.filter((s) => s.name.startsWith('Statement')).length).toBe(100);
  });
});
