import { opBytes, REQUEST_BYTES } from '../../src/excel/batcher';
import { officeJsRequestBytes } from '../support/office-js-requests';
import { createFakeExcel, FakeWorkbookModel } from '../fake-excel';

/**
 * The adapter's request estimates (src/excel/batcher.ts: so many bytes an object path, so many an action,
 * so many a request) against what Microsoft's request builder (office.js) and the fake serialise, for
 * every kind of call the adapter batches, with ids of 8 digits (a context far into a long run: ids only
 * grow, and each path and action carries several). Each chain is written with the paths and actions it
 * makes, as counted here by hand, and the bytes of its arguments.
 */

const SHEET = 'Sales';
const CALLS = 200;
/** An id counter far into a run: every id from here has 8 digits. */
const FIRST_ID = 10_000_000;
const PROPS: Excel.CellPropertiesLoadOptions = { format: { fill: { color: true, pattern: true, tintAndShade: true }, font: { color: true } } };

/** Bytes of the arguments' JSON as they travel (UTF-8). */
const json = (...values: unknown[]): number => values.reduce<number>((n, v) => n + Buffer.byteLength(JSON.stringify(v), 'utf8'), 0);

type Call = (ws: Excel.Worksheet, notes: Excel.NoteCollection, context: Excel.RequestContext, i: number) => void;

/** Cells B10000… (six characters, as in a big sheet). */
const cell = (i: number): string => `B${10_000 + i}`;
const NOTE = 'E101 · "Document No" is missing.\n缺少单据编号。';

/** [chain, call, object paths it makes, actions it makes, bytes of its arguments]. The worksheet and its notes are fetched once, before. */
const CHAINS: [string, Call, number, number, number][] = [
  ['runtime.enableEvents=', (_ws, _n, c) => {
    c.runtime.enableEvents = false;
  }, 0, 1, json(false)],
  ['highlight: getRanges.format.fill.color=', (ws, _n, _c, i) => {
    ws.getRanges(cell(i)).format.fill.color = '#FFC7CE';
  }, 3, 1, json(cell(0), '#FFC7CE')],
  ['restore: getRanges.format.fill.clear()', (ws, _n, _c, i) => ws.getRanges(cell(i)).format.fill.clear(), 3, 1, json(cell(0))],
  ['restore: getRanges.format.font.color=', (ws, _n, _c, i) => {
    ws.getRanges(cell(i)).format.font.color = '#000000';
  }, 3, 1, json(cell(0), '#000000')],
  ['notes.add', (_ws, n, _c, i) => void n.add(cell(i), NOTE), 1, 0, json(cell(0), NOTE)],
  ['notes.getItem.content=', (_ws, n, _c, i) => {
    n.getItem(cell(i)).content = NOTE;
  }, 1, 1, json(cell(0), NOTE)],
  ['notes.getItem.delete()', (_ws, n, _c, i) => n.getItem(cell(i)).delete(), 1, 1, json(cell(0))],
  ['read: notes.getItemOrNullObject.load(content)', (_ws, n, _c, i) => void n.getItemOrNullObject(cell(i)).load('content'), 1, 1, json(cell(0), ['content'])],
  ['read: getRange.getCellProperties', (ws, _n, _c, i) => void ws.getRange(cell(i)).getCellProperties(PROPS), 1, 1, json(cell(0), PROPS)],
  ['comments.add', (_ws, _n, c, i) => void c.workbook.comments.add(`'${SHEET}'!${cell(i)}`, NOTE), 1, 0, json(`'${SHEET}'!${cell(0)}`, NOTE) + 5],
  ['comments.getItem.content=', (_ws, _n, c, i) => {
    c.workbook.comments.getItem(`{${String(i).padStart(8, '0')}-0000-0000-0000-000000000000}`).content = NOTE;
  }, 1, 1, json('{00000000-0000-0000-0000-000000000000}', NOTE)],
  ['worksheets.add + visibility=', (_ws, _n, c, i) => {
    c.workbook.worksheets.add(`~Findings ${i} new`).visibility = 'VeryHidden';
  }, 1, 1, json('~Findings 100 new', 'VeryHidden')],
  ['rows: getRangeByIndexes.numberFormat= and values=', (ws, _n, _c, i) => {
    const r = ws.getRangeByIndexes(100_000 + i, 0, 1, 2);
    r.numberFormat = [['@', 'General']];
    r.values = [['x', 1]];
  }, 1, 2, json([100_000, 0, 1, 2], [['@', 'General']], [['x', 1]])],
  ['getRangeByIndexes.clear(Contents)', (ws, _n, _c, i) => ws.getRangeByIndexes(100_000 + i, 0, 3, 1).clear('Contents'), 1, 1, json([100_000, 0, 3, 1], 'Contents')],
  ['wrap: format.wrapText= and verticalAlignment=', (ws, _n, _c, i) => {
    const f = ws.getRangeByIndexes(100_000 + i, 4, 1, 1).format;
    f.wrapText = true;
    f.verticalAlignment = 'Top';
  }, 2, 2, json([100_000, 4, 1, 1], true, 'Top')],
  ['format.protection.locked=', (ws, _n, _c, i) => {
    ws.getRangeByIndexes(100_000 + i, 4, 1, 1).format.protection.locked = false;
  }, 3, 1, json([100_000, 4, 1, 1], false)],
  ['row fills: fill.color= and font.color=', (ws, _n, _c, i) => {
    const f = ws.getRanges(`A${10_000 + i}:H${10_000 + i}`).format;
    f.fill.color = '#FFC7CE';
    f.font.color = '#9C0006';
  }, 4, 2, json('A10000:H10000', '#FFC7CE', '#9C0006')],
  ['style: border getItem with style= and weight=', (ws, _n, _c, i) => {
    const b = ws.getRanges(cell(i)).format.borders.getItem('InsideHorizontal');
    b.style = 'Continuous';
    b.weight = 'Thin';
  }, 4, 2, json(cell(0), 'InsideHorizontal', 'Continuous', 'Thin')],
  ['style: horizontalAlignment=', (ws, _n, _c, i) => {
    ws.getRanges(cell(i)).format.horizontalAlignment = 'Center';
  }, 2, 1, json(cell(0), 'Center')],
  ['hyperlink=', (ws, _n, _c, i) => {
    ws.getRangeByIndexes(100_000 + i, 1, 1, 1).hyperlink = { documentReference: `'${SHEET}'!${cell(i)}`, textToDisplay: cell(i) };
  }, 1, 1, json([100_000, 1, 1, 1], { documentReference: `'${SHEET}'!${cell(0)}`, textToDisplay: cell(0) })],
  ['getRange.merge', (ws, _n, _c, i) => ws.getRange(`A${10_000 + i}:H${10_000 + i}`).merge(false), 1, 1, json('A10000:H10000', false)],
  ['format.columnWidth=', (ws, _n, _c, i) => {
    ws.getRangeByIndexes(0, i, 1, 1).format.columnWidth = 228.1;
  }, 2, 1, json([0, 100, 1, 1], 228.1)],
  ['dataValidation.rule=', (ws, _n, _c, i) => {
    ws.getRangeByIndexes(100_000 + i, 6, 1, 1).dataValidation.rule = { list: { inCellDropDown: true, source: 'Open,Explained,Accepted' } };
  }, 2, 1, json([100_000, 6, 1, 1], { list: { inCellDropDown: true, source: 'Open,Explained,Accepted' } })],
  ['format.autofitRows', (ws, _n, _c, i) => ws.getRangeByIndexes(0, 0, 100_000 + i, 8).format.autofitRows(), 2, 1, json([0, 0, 100_000, 8])],
];

function real(call: Call, n: number): number {
  return officeJsRequestBytes((context) => {
    (context as unknown as { m_nextId: number }).m_nextId = FIRST_ID;
    const ws = context.workbook.worksheets.getItem(SHEET);
    const notes = ws.notes;
    for (let i = 0; i < n; i++) call(ws, notes, context, i);
  });
}

async function fake(call: Call, n: number): Promise<number> {
  const f = createFakeExcel(FakeWorkbookModel.fromRows({ [SHEET]: [['Date']] }), { apiVersion: '1.18' });
  const context = new f.Excel.RequestContext() as unknown as Excel.RequestContext;
  (context as unknown as { _lastId: number })._lastId = FIRST_ID;
  const ws = context.workbook.worksheets.getItem(SHEET);
  const notes = ws.notes;
  for (let i = 0; i < n; i++) call(ws, notes, context, i);
  // Whether the fake could apply them (the notes named do not exist) is beside the point.
  await context.sync().then(
    () => undefined,
    () => undefined,
  );
  return f.stats.requestBytes[0];
}

describe('Excel adapter: request estimates cover what office.js sends', () => {
  it.each(CHAINS)('%s: each call within its paths and actions, one call within a request\'s share', async (_name, call, paths, actions, data) => {
    const estimate = opBytes(paths, actions, data);
    // The worksheet fetched by name and its notes: what the adapter charges once per request for them.
    const shared = opBytes(2, 0, json(SHEET));
    for (const measure of [real, fake]) {
      const one = await measure(call, 1);
      const perCall = ((await measure(call, CALLS)) - one) / (CALLS - 1);
      expect(perCall).toBeLessThanOrEqual(estimate);
      expect(one).toBeLessThanOrEqual(REQUEST_BYTES + shared + estimate);
    }
  });

  it.each(CHAINS.filter(([name]) => /^(notes\.add|notes\.getItem\.content=|read: )/.test(name)))(
    '%s, made once per flagged cell, costs office.js at least four fifths of its estimate (so syncs stay few)',
    (_name, call, paths, actions, data) => {
      const perCall = (real(call, CALLS) - real(call, 1)) / (CALLS - 1);
      expect(perCall).toBeGreaterThan(0.8 * opBytes(paths, actions, data));
    },
  );
});
