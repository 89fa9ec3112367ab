import { EngineRunner } from '../../src/excel/engine-runner';
import { createExcelOps } from '../../src/excel/workbook-ops';
import { OwnedSheet, Plan } from '../../src/core/output/plan';
import { FakeWorkbookModel } from '../fake-excel';
import { TextFormatOnValues } from '../fake-excel/cell-values';
import { fakeHost, newFake } from './helpers';

/** Data text that a careless write turns into a formula (or loses its first character). */
const HOSTILE = ['=HYPERLINK("http://x.example","click")', '+1+1', '-2-2', '@SUM(A1)', "'quoted", '=', '00123'];

function sheetOf(texts: string[]): OwnedSheet {
  return {
    key: 'findings',
    name: 'Texts',
    columns: [{ header: 'Text' }],
    rows: texts.map((t) => [t]),
  };
}

function runner(plan: Plan): EngineRunner {
  return async () => ({
    plan,
    report: { asOf: '2024-03-31', sheets: [{ name: 'Sales', template: 'sales', rows: 1 }], findings: [], matches: [], customers: [] },
  });
}

describe.each<TextFormatOnValues>(['honoured', 'ignored'])('text from data stays text when Excel has the Text format %s', (textFormatOnValues) => {
  const model = FakeWorkbookModel.fromRows({ Sales: [['Date', 'Amount'], [45300, 10]] });
  beforeAll(async () => {
    const fake = newFake(model, { textFormatOnValues });
    const ops = createExcelOps({ host: fakeHost(fake), engine: runner({ marks: [], sheets: [sheetOf(HOSTILE)] }) });
    expect((await ops.check({})).ok).toBe(true);
  });

  it.each(HOSTILE.map((t, i) => [t, i + 1] as const))('%j is stored as that very text, not a formula', (text, row) => {
    const sheet = model.mustSheet('Texts');
    expect(sheet.getValue(row, 0)).toBe(text);
    expect(sheet.formulas.size).toBe(0);
  });
});

describe('the fake models both readings of the Text format', () => {
  it('with the format ignored, "=…" written as text-formatted values becomes a formula', async () => {
    const model = FakeWorkbookModel.fromRows({ S: [['x']] });
    const fake = newFake(model, { textFormatOnValues: 'ignored' });
    await fake.Excel.run(async (context: Excel.RequestContext) => {
      const range = context.workbook.worksheets.getItem('S').getRange('A1');
      range.numberFormat = [['@']];
      range.values = [['=1+1']];
      await context.sync();
    });
    expect(model.mustSheet('S').formulas.size).toBe(1);
  });
});
