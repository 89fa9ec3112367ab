import { asOfficeJs, createFakeExcel, FakeWorkbookModel } from './index';
import { codeOf } from './error-code';

/**
 * The fake's conditional formats (ExcelApi 1.6), as Microsoft's reference describes them: the rules that
 * intersect a range, their type and type-specific format, `getRange` refusing a rule over several areas and
 * `getRangeOrNullObject` answering a null object for it, `getRanges` (1.9) with every area, and Clear
 * Formats taking cleared cells out of a rule.
 */

function setup() {
  const model = FakeWorkbookModel.fromRows({ Sales: [['Doc', 'Amount'], ['D1', 10], ['D2', 2000]] });
  const sales = model.mustSheet('Sales');
  sales.addConditionalFormat({ type: 'CellValue', appliesTo: 'B2:B3', fill: '#FFEB9C', rule: { formula1: '1000', operator: 'GreaterThan' } });
  sales.addConditionalFormat({ type: 'Custom', appliesTo: 'A2:A3,D1:D9', font: { color: '#9C0006' }, rule: { formula: '=$B2>1000' } });
  const fake = createFakeExcel(model, { apiVersion: '1.18' });
  return { fake, model, Excel: asOfficeJs(fake).Excel };
}

describe('fake Excel: conditional formats', () => {
  it('lists the rules intersecting a range, with type and fill only after load and sync', async () => {
    const { Excel } = setup();
    await Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Sales');
      const all = ws.getRange().conditionalFormats.load('items/type');
      const count = ws.getRange('A2').conditionalFormats.getCount();
      const first = ws.getRange('B3').conditionalFormats.getItemAt(0);
      const fill = first.cellValue.format.fill.load('color');
      expect(() => all.items).toThrow(/not available/);
      expect(() => fill.color).toThrow(/not available/);
      await ctx.sync();
      expect(all.items.map((cf) => cf.type)).toEqual(['CellValue', 'Custom']);
      expect(count.value).toBe(1);
      expect(fill.color).toBe('#FFEB9C');
      expect(() => all.items[0].priority).toThrow(/not available/);
    });
  });

  it('getRange refuses a rule over several areas, getRangeOrNullObject answers a null object, getRanges lists them', async () => {
    const { Excel } = setup();
    await Excel.run(async (ctx) => {
      const cfs = ctx.workbook.worksheets.getItem('Sales').getRange('A1:D9').conditionalFormats;
      const single = cfs.getItemAt(0).getRangeOrNullObject().load('address');
      const nullRange = cfs.getItemAt(1).getRangeOrNullObject().load('address');
      const areas = cfs.getItemAt(1).getRanges().load('address');
      await ctx.sync();
      expect(single.address).toBe('Sales!B2:B3');
      expect(nullRange.isNullObject).toBe(true);
      expect(areas.address).toBe('Sales!A2:A3,Sales!D1:D9');
      cfs.getItemAt(1).getRange().load('address');
      expect(await codeOf(ctx.sync())).toBe('InvalidOperation');
    });
  });

  it('the part of another type fails at sync; its OrNullObject twin is a null object; a font-only rule has no fill colour', async () => {
    const { Excel } = setup();
    await Excel.run(async (ctx) => {
      const custom = ctx.workbook.worksheets.getItem('Sales').getRange('A2').conditionalFormats.getItemAt(0);
      const other = custom.cellValueOrNullObject.load('rule');
      const fill = custom.custom.format.fill.load('color');
      const font = custom.custom.format.font.load('color');
      const formula = custom.custom.rule.load('formula');
      await ctx.sync();
      expect(other.isNullObject).toBe(true);
      expect(fill.color).toBeNull();
      expect(font.color).toBe('#9C0006');
      expect(formula.formula).toBe('=$B2>1000');
      custom.cellValue.load('rule');
      expect(await codeOf(ctx.sync())).toBe('InvalidOperation');
    });
  });

  it('ExcelApi 1.5 has none; add puts a rule on top; Clear Formats takes the cleared cells out of every rule', async () => {
    const { Excel, fake, model } = setup();
    fake.inject.setApiVersion('1.5');
    await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Sales').getRange('A1').conditionalFormats.load('items');
      expect(await codeOf(ctx.sync())).toBe('ApiNotFound');
    });
    fake.inject.setApiVersion('1.18');
    await Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Sales');
      const added = ws.getRange('C1:C5').conditionalFormats.add('ColorScale');
      ws.getRange('A2:B2').clear('Formats');
      added.load('type,priority');
      await ctx.sync();
      expect([added.type, added.priority]).toEqual(['ColorScale', 0]);
    });
    const sales = model.mustSheet('Sales');
    expect(sales.conditionalFormats.map((cf) => [cf.type, cf.ranges.map((r) => [r.r0, r.c0, r.r1, r.c1])])).toEqual([
      ['ColorScale', [[0, 2, 4, 2]]],
      ['CellValue', [[2, 1, 2, 1]]],
      ['Custom', [[2, 0, 2, 0], [0, 3, 8, 3]]],
    ]);
  });
});
