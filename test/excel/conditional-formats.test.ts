import { createExcelOps, RunFigures } from '../../src/excel/workbook-ops';
import { cellKey } from '../fake-excel/address';
import { FakeConditionalFormatSpec, FakeWorkbookModel } from '../fake-excel';
import { fakeHost, newFake, salesWorkbook } from './helpers';

/**
 * A user's conditional format with a fill is drawn by Excel over the add-in's highlight, so a flagged cell
 * can look unflagged. The check counts the highlighted cells under such rules and says so, in the pane's
 * language; it never changes the user's rules, and a host that cannot read them still completes the check.
 *
 * The workbook: 100 sales rows, every 10th missing its Document No, so Sales!B11, B21 … B101 (10 cells in
 * column B) are flagged, plus one cell on Receipts and one on Customers and Sales!I6.
 */

const HIGHLIGHT = '#FFC7CE';

function book(rules: FakeConditionalFormatSpec[] = []): FakeWorkbookModel {
  const wb = salesWorkbook(100, 10);
  for (const r of rules) wb.mustSheet('Sales').addConditionalFormat(r);
  return wb;
}

/** A rule highlighting amounts over 1,000 in yellow, as Home › Conditional Formatting › Greater Than makes it. */
const yellowOver = (appliesTo: string): FakeConditionalFormatSpec => ({
  type: 'CellValue', appliesTo, fill: '#FFEB9C', font: { color: '#9C5700' }, rule: { formula1: '1000', operator: 'GreaterThan' },
});

/** Everything about the user's rules, for before/after comparisons. */
function rules(wb: FakeWorkbookModel): unknown {
  return JSON.parse(JSON.stringify(wb.mustSheet('Sales').conditionalFormats));
}

async function check(wb: FakeWorkbookModel, displayLanguage = 'en-US', breakReads?: { code: string; at: 'collection' | 'rule' }) {
  const fake = newFake(wb, { displayLanguage });
  if (breakReads) fake.inject.failConditionalFormatReads(breakReads.code, breakReads.at);
  const ops = createExcelOps({ host: fakeHost(fake) });
  const result = await ops.check({});
  if (!result.ok) throw new Error(result.message);
  return { fake, ops, summary: result.value, figures: ops.lastRun() as RunFigures };
}

describe('Excel adapter: highlights under the user\'s conditional formatting', () => {
  it('a rule with a fill over 3 of the 10 flagged cells: the warning names 3 cells on Sales, in English and in Chinese', async () => {
    const en = await check(book([yellowOver('B2:B31')]));
    expect(en.summary.warnings).toEqual([
      {
        code: 'ConditionalFormatOverHighlight',
        sheet: 'Sales',
        cells: 3,
        message: '3 highlighted cell(s) on “Sales” are under your conditional formatting, which Excel draws over the highlight; the “Findings” sheet lists them all.',
      },
    ]);
    expect(en.figures.cellsUnderConditionalFormats).toBe(3);
    // The highlight is still written underneath: the user sees it once the rule no longer applies.
    expect(en.fake.model.mustSheet('Sales').fills.get(cellKey(10, 1))?.color).toBe(HIGHLIGHT);

    const zh = await check(book([yellowOver('B2:B31')]), 'zh-CN');
    expect(zh.summary.warnings?.map((w) => w.message)).toEqual([
      '工作表“Sales”中有 3 个已标记的单元格位于您设置的条件格式范围内，Excel 会将条件格式绘制在标记之上；“检查结果”工作表列出了全部结果。',
    ]);
  });

  it('no rule: no warning', async () => {
    const { summary, figures } = await check(book());
    expect(summary.warnings ?? []).toEqual([]);
    expect(figures.cellsUnderConditionalFormats).toBe(0);
  });

  it('a rule that only changes the font (no fill) over every flagged cell: no warning, the highlight shows', async () => {
    const { summary, figures } = await check(book([{ type: 'CellValue', appliesTo: 'B1:B200', fill: null, font: { color: '#9C0006', bold: true }, rule: { formula1: '""', operator: 'EqualTo' } }]));
    expect(summary.warnings ?? []).toEqual([]);
    expect(figures.cellsUnderConditionalFormats).toBe(0);
  });

  it('a multi-area custom rule and a colour scale: each flagged cell under either counts once; the rules are as the user made them after the check and after Clear', async () => {
    const wb = book([
      { type: 'Custom', appliesTo: 'B11,B21:B41,D2:D5', fill: '#C6EFCE', rule: { formula: '=$F11>1000' } },
      { type: 'ColorScale', appliesTo: 'A30:C60' },
    ]);
    const before = rules(wb);
    const { ops, summary, fake } = await check(wb);
    // B11, B21, B31, B41 (custom rule) and B51 (colour scale); B31 and B41 are under both.
    expect(summary.warnings?.map((w) => [w.sheet, w.cells])).toEqual([['Sales', 5]]);
    expect(rules(wb)).toEqual(before);
    expect(await ops.clear()).toMatchObject({ ok: true });
    expect(wb.mustSheet('Sales').fills.size).toBe(0);
    expect(rules(wb)).toEqual(before);
    const changes = Object.keys(fake.stats.ops).filter((op) => /^Conditional/.test(op) && !op.endsWith('.load'));
    expect(changes).toEqual([]);
  });

  it.each([
    ['listing the rules fails', 'collection' as const, 'GeneralException'],
    ['reading a rule fails (office-js #6827)', 'rule' as const, 'GeneralException'],
    ['the host lacks the API', 'collection' as const, 'ApiNotFound'],
  ])('%s: the check completes, highlights and all, without the warning', async (_name, at, code) => {
    const wb = book([yellowOver('B2:B31')]);
    const before = rules(wb);
    const { summary, figures, fake } = await check(wb, 'en-US', { code, at });
    expect(summary.counts.error).toBeGreaterThanOrEqual(10);
    expect(summary.findingsSheet).toBe('Findings');
    expect(summary.warnings ?? []).toEqual([]);
    expect(figures.cellsUnderConditionalFormats).toBeNull();
    expect(fake.model.mustSheet('Sales').fills.get(cellKey(100, 1))?.color).toBe(HIGHLIGHT);
    expect(rules(wb)).toEqual(before);
  });
});
