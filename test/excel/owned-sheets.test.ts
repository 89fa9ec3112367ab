import { EngineRunner } from '../../src/excel/engine-runner';
import { createExcelOps } from '../../src/excel/workbook-ops';
import { Plan } from '../../src/core/output/plan';
import { FakeWorkbookModel } from '../fake-excel';
import { FORM_SHEET } from '../support/form-sheet';
import { fakeHost, newFake } from './helpers';
import { cellKeyOf } from './keys';

function fixedPlan(plan: Plan): EngineRunner {
  return async () => ({
    plan,
    report: { asOf: '2024-03-31', sheets: [{ name: 'Sales', template: 'sales', rows: 1 }], findings: [], matches: [], customers: [] },
  });
}

describe('Excel adapter draws a form-like owned sheet within ExcelApi 1.9', () => {
  const model = FakeWorkbookModel.fromRows({ Sales: [['Date', 'Amount'], [45300, 10]] });
  beforeAll(async () => {
    const fake = newFake(model, { apiVersion: '1.9' });
    const ops = createExcelOps({ host: fakeHost(fake), engine: fixedPlan({ marks: [], sheets: [FORM_SHEET] }) });
    const result = await ops.check({});
    expect(result.ok).toBe(true);
  });
  const form = () => model.mustSheet('Form');
  const at = (a: string) => cellKeyOf(a);

  it('lays rows out without a header row: title, customer line, then the items from row 3', () => {
    expect(form().getValue(0, 0)).toBe('Balance reconciliation');
    expect(form().getValue(1, 1)).toBe('C001 Acme & Co');
    expect(form().getValue(2, 0)).toBe('Our balance');
    expect(form().getValue(2, 1)).toBe(1000.5);
    expect(form().numberFormat(2, 1)).toBe('#,##0.00');
  });

  it('writes the total as a formula shown as money', () => {
    expect(form().formulas.get(at('B5'))).toBe('=SUM(B3:B4)');
    expect(form().numberFormat(4, 1)).toBe('#,##0.00');
    expect(form().numberFormat(5, 1)).toBe('0');
  });

  it('draws fonts, alignment, wrapping, borders and fills', () => {
    expect(form().fonts.get(at('A1'))).toMatchObject({ bold: true, size: 16 });
    expect(form().alignments.get(at('A1'))).toBe('Center');
    expect(form().fonts.get(at('A3'))).toMatchObject({ italic: true });
    for (const a of ['A3', 'A4', 'A5', 'A6']) expect(form().wraps.has(at(a))).toBe(true);
    expect(form().borders.get(at('A5'))).toMatchObject({ bottom: { style: 'Double' } });
    expect(form().borders.get(at('B5'))).toMatchObject({ bottom: { style: 'Double' } });
    expect(form().borders.get(at('A6'))).toMatchObject({
      top: { style: 'Continuous', weight: 'Thin' }, bottom: { style: 'Continuous' }, left: { style: 'Continuous' }, right: { style: 'Continuous' },
    });
    expect(form().borders.get(at('B6'))).toMatchObject({ top: { style: 'Continuous' } });
    expect(form().fills.get(at('A6'))).toMatchObject({ color: '#FFF2CC' });
  });

  it('merges the title, freezes two rows and opens on the form', () => {
    expect(form().merged).toEqual([{ r0: 0, c0: 0, r1: 0, c1: 2 }]);
    expect(form().frozenRows).toBe(2);
    expect(model.activeSheetId).toBe(form().id);
  });

  it('prints on A4 portrait one page wide with print titles and a footer', () => {
    expect(form().pageLayout).toEqual({
      orientation: 'Portrait', paperSize: 'A4', zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 }, printTitleRows: '$1:$2',
      footer: { left: 'As of 2024-03-31', center: 'Page &P of &N', right: '&F' },
    });
  });

  it('protects the sheet and leaves only the reply cells editable', () => {
    expect(form().protected).toBe(true);
    expect([...form().unlocked].sort((a, b) => a - b)).toEqual(['C3', 'C4', 'C5', 'C6'].map(at));
  });
});
