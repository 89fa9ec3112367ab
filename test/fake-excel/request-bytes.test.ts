import { officeJsRequestBytes } from '../support/office-js-requests';
import { createFakeExcel, FakeWorkbookModel } from './index';

/**
 * The fake charges every request at least what Microsoft's request builder (office.js, Excel on the web,
 * debug build from @microsoft/office-js) serialises for the same calls, measured here side by side: one
 * call on a fresh context, and 300 calls in one request, both with the worksheet fetched per call and
 * fetched once before the loop. Every call chain the adapter uses is listed.
 */

const SHEET = 'Sales';
const CALLS = 300;
const NOTE = 'E101 · Document No is missing. 缺少单据编号。';

/** The sheet the calls name; what they find there does not matter, as bytes are counted before anything runs. */
function model(): FakeWorkbookModel {
  return FakeWorkbookModel.fromRows({ [SHEET]: [['Date', 'Doc'], [1, 'D1']] });
}

const cell = (i: number): string => `B${i + 2}`;

type Call = (ws: Excel.Worksheet, context: Excel.RequestContext, i: number) => void;

const PROPS: Excel.CellPropertiesLoadOptions = { format: { fill: { color: true, pattern: true, tintAndShade: true }, font: { color: true } } };

/** Every call chain of src/excel (reads, highlights, notes, comments, state, owned sheets, selection). */
const CHAINS: [string, Call][] = [
  ['worksheets.load(items…)', (_ws, c) => void c.workbook.worksheets.load('items/name,items/visibility,items/protection/protected')],
  ['getUsedRangeOrNullObject.load', (ws) => void ws.getUsedRangeOrNullObject(true).load('values,rowIndex,rowCount,columnIndex,columnCount')],
  ['getMergedAreasOrNullObject.load', (ws) => void ws.getRange().getMergedAreasOrNullObject().load('address')],
  ['getRangeByIndexes.load(values)', (ws, _c, i) => void ws.getRangeByIndexes(i, 0, 1, 9).load('values,valueTypes')],
  ['getCellProperties', (ws, _c, i) => void ws.getRange(`${cell(i)}:B${i + 40}`).getCellProperties(PROPS)],
  ['range.format.fill.load', (ws, _c, i) => void ws.getRange(cell(i)).format.fill.load('color,pattern,tintAndShade')],
  ['notes.getItemOrNullObject.load', (ws, _c, i) => void ws.notes.getItemOrNullObject(cell(i)).load('content')],
  ['notes.add', (ws, _c, i) => void ws.notes.add(`C${i + 2}`, NOTE)],
  ['note.content=', (ws, _c, i) => {
    ws.notes.getItem(cell(i)).content = NOTE;
  }],
  ['note.delete', (ws, _c, i) => ws.notes.getItem(cell(i)).delete()],
  ['comments.load(items)', (_ws, c) => void c.workbook.comments.load('items/id,items/content')],
  ['comment.getLocation.load', (_ws, c, i) => void c.workbook.comments.getItem(`c${i}`).getLocation().load('address')],
  ['comments.add', (_ws, c, i) => void c.workbook.comments.add(`'${SHEET}'!C${i + 2}`, NOTE)],
  ['comment.content=', (_ws, c, i) => {
    c.workbook.comments.getItem(`c${i}`).content = NOTE;
  }],
  ['comment.delete', (_ws, c, i) => c.workbook.comments.getItem(`c${i}`).delete()],
  ['getRanges.format.fill.color=', (ws, _c, i) => {
    ws.getRanges(`${cell(i)},D${i + 2}:E${i + 2}`).format.fill.color = '#FFC7CE';
  }],
  ['getRanges.format.fill.clear', (ws, _c, i) => ws.getRanges(`${cell(i)},D${i + 2}`).format.fill.clear()],
  ['getRanges.format.font.color=', (ws, _c, i) => {
    ws.getRanges(`${cell(i)},D${i + 2}`).format.font.color = '#9C0006';
  }],
  ['range.numberFormat= and values=', (ws, _c, i) => {
    const r = ws.getRangeByIndexes(i, 0, 2, 1);
    r.numberFormat = [['@'], ['@']];
    r.values = [['{"v":1'], [',"saved":[]}']];
  }],
  ['range.clear(Contents)', (ws, _c, i) => ws.getRangeByIndexes(i, 0, 3, 1).clear('Contents')],
  ['range.hyperlink=', (ws, _c, i) => {
    ws.getRangeByIndexes(i, 3, 1, 1).hyperlink = { documentReference: `'${SHEET}'!${cell(i)}`, textToDisplay: cell(i) };
  }],
  ['format.font.bold= / columnWidth=', (ws, _c, i) => {
    const r = ws.getRangeByIndexes(i, 0, 1, 5);
    r.format.font.bold = true;
    r.format.columnWidth = 80;
  }],
  ['dataValidation.rule=', (ws, _c, i) => {
    ws.getRangeByIndexes(i, 5, 10, 1).dataValidation.rule = { list: { inCellDropDown: true, source: 'Open,Explained,Accepted' } };
  }],
  ['runtime.enableEvents=', (_ws, c) => {
    c.runtime.enableEvents = false;
  }],
  ['worksheets.add + visibility= + name=', (_ws, c, i) => {
    const s = c.workbook.worksheets.add(`~Findings ${i} new`);
    s.visibility = 'VeryHidden';
    s.name = `Findings ${i}`;
  }],
  ['worksheet.delete', (_ws, c, i) => c.workbook.worksheets.getItem(`~Findings ${i} new`).delete()],
  ['charts.add + title.text= + setPosition', (ws, _c, i) => {
    const chart = ws.charts.add('ColumnClustered', ws.getRange(`B${i + 2}:C${i + 40}`), 'Columns');
    chart.title.text = '各月销售净额 Net sales by month';
    chart.setPosition(`I${i + 1}`, `P${i + 18}`);
  }],
  ['charts.load(count)', (ws) => void ws.charts.load('count')],
  ['range.conditionalFormats.load(items/type)', (ws, _c, i) => void ws.getRange(`B${i + 2}:F${i + 900}`).conditionalFormats.load('items/type')],
  ['conditionalFormat.getRanges.load + <type>.format.fill.load', (ws, _c, i) => {
    const cf = ws.getRange(`B${i + 2}:F${i + 900}`).conditionalFormats.getItem(`{${String(i).padStart(8, '0')}-0000-0000-C000-0000000000CF}`);
    cf.getRanges().load('address');
    cf.cellValue.format.fill.load('color');
    cf.textComparison.format.fill.load('color');
  }],
  ['getItemOrNullObject.load / activate / select', (_ws, c, i) => {
    const s = c.workbook.worksheets.getItemOrNullObject(SHEET).load('visibility');
    s.activate();
    s.getRange(cell(i)).select();
  }],
];

async function fakeRequestBytes(batch: (context: Excel.RequestContext) => void): Promise<number> {
  const fake = createFakeExcel(model(), { apiVersion: '1.18' });
  const context = new fake.Excel.RequestContext() as unknown as Excel.RequestContext;
  batch(context);
  // Whether the fake could apply them (the notes and comments named do not exist) is beside the point.
  await context.sync().then(
    () => undefined,
    () => undefined,
  );
  return fake.stats.requestBytes[0];
}

function perCall(call: Call, n: number): (context: Excel.RequestContext) => void {
  return (context) => {
    for (let i = 0; i < n; i++) call(context.workbook.worksheets.getItem(SHEET), context, i);
  };
}

function hoisted(call: Call, n: number): (context: Excel.RequestContext) => void {
  return (context) => {
    const ws = context.workbook.worksheets.getItem(SHEET);
    for (let i = 0; i < n; i++) call(ws, context, i);
  };
}

describe('fake Excel: request bytes are at least what office.js serialises', () => {
  it.each(CHAINS)(`%s: one call, ${CALLS} calls with getItem per call, and with getItem hoisted`, async (_name, call) => {
    for (const batch of [perCall(call, 1), perCall(call, CALLS), hoisted(call, CALLS)]) {
      const real = officeJsRequestBytes(batch);
      expect(await fakeRequestBytes(batch)).toBeGreaterThanOrEqual(real);
    }
  });

  it('a note read costs Excel on the web over 500 bytes on its own and about 250 once its sheet is fetched before the loop', async () => {
    const read: Call = (ws, _c, i) => void ws.notes.getItemOrNullObject(cell(i)).load('content');
    const one = officeJsRequestBytes(perCall(read, 1));
    const perCell = officeJsRequestBytes(perCall(read, CALLS)) / CALLS;
    const shared = officeJsRequestBytes(hoisted(read, CALLS)) / CALLS;
    expect(one).toBeGreaterThan(500);
    expect(perCell).toBeGreaterThan(500);
    expect(shared).toBeLessThan(300);
    expect(await fakeRequestBytes(perCall(read, CALLS))).toBeGreaterThan(500 * CALLS);
  });
});
