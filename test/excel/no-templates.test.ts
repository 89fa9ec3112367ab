import { createExcelOps } from '../../src/excel/workbook-ops';
import { UI } from '../../src/taskpane/strings';
import { FakeWorkbookModel } from '../fake-excel';
import { fakeHost, newFake, snapshot } from './helpers';

describe('Excel adapter: a workbook with no template sheet', () => {
  it('is left exactly as it was: no Findings sheet, no hidden state sheet', async () => {
    const wb = FakeWorkbookModel.fromRows({
      Budget: [['Quarter', 'Department', 'Plan'], ['Q1', 'Sales', 120000], ['Q2', 'Sales', 135000]],
      Notes: [['call the bank on Monday']],
    });
    const before = snapshot(wb, ['Budget', 'Notes']);
    const fake = newFake(wb);
    const ops = createExcelOps({ host: fakeHost(fake) });
    const requestsBefore = fake.stats.requests;
    const r = await ops.check({});
    expect(r).toMatchObject({ ok: true, value: { sheets: [], findings: [], findingsSheet: '' } });
    expect(wb.sheets.map((s) => s.name)).toEqual(['Budget', 'Notes']);
    expect(snapshot(wb, ['Budget', 'Notes'])).toEqual(before);
    // Only reads went to Excel: every request carried loads, none a write.
    const writes = Object.keys(fake.stats.ops).filter((op) => !/\.(load|getCount|getCellProperties)$/.test(op));
    expect(writes).toEqual([]);
    expect(fake.stats.requests).toBeGreaterThan(requestsBefore);
  });

  it('the pane says why, in both languages', () => {
    expect(UI.noTemplates.en).toMatch(/nothing was added to the workbook/);
    expect(UI.noTemplates.zh).toMatch(/未向工作簿添加任何内容/);
  });
});
