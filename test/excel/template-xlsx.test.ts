import ExcelJS from 'exceljs';
import { readFileSync } from 'fs';
import { insertTemplate } from '../../src/excel/template-insert';
import { FakeWorkbookModel } from '../fake-excel';
import { loadXlsx, saveXlsx } from '../fake-excel/xlsx-io';
import { recon, tempDir } from '../cli/cli-helpers';
import { fakeHost, newFake } from './helpers';

/**
 * Acceptance 1 of issue #8, the file half: a template inserted through the fake Excel, saved to .xlsx,
 * keeps its rules, prompts, formats and protection, and `recon` reports the same rules.
 */
describe('an inserted template saved to .xlsx', () => {
  const tmp = tempDir();
  afterAll(() => tmp.cleanup());

  async function insertedBook(): Promise<{ fake: ReturnType<typeof newFake>; file: string }> {
    const fake = newFake(FakeWorkbookModel.fromRows({ Customers: [['Customer ID', 'Customer Name'], ['C1', 'Acme Ltd']] }));
    const r = await insertTemplate(fakeHost(fake), { kind: 'sales', lang: 'en', rows: 2, formulas: true, protect: true, password: 'secret' });
    expect(r.ok).toBe(true);
    // A rep's first invoice, so the sheet has a record for recon to count.
    fake.inject.userEdit('Sales', 'A2', 45300);
    fake.inject.userEdit('Sales', 'B2', 'D1');
    fake.inject.userEdit('Sales', 'D2', 'C1');
    fake.inject.userEdit('Sales', 'J2', 100);
    fake.inject.userEdit('Sales', 'K2', 0.13);
    const file = tmp.file(`sales-${Math.random().toString(36).slice(2)}.xlsx`);
    await saveXlsx(fake.model, file);
    return { fake, file };
  }

  it('keeps rules, prompts, alerts, formats, frozen header and protection in the file', async () => {
    const { file } = await insertedBook();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Sales') as ExcelJS.Worksheet;
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.getColumn(1).numFmt).toBe('yyyy-mm-dd');
    expect(ws.getColumn(10).numFmt).toBe('#,##0.00');
    expect(ws.getColumn(1).protection).toMatchObject({ locked: false });
    expect(ws.getColumn(12).protection?.locked).not.toBe(false);
    const protection = (ws as unknown as { sheetProtection: Record<string, unknown> }).sheetProtection;
    expect(protection).toMatchObject({ sheet: true, formatCells: true, sort: true, autoFilter: true });
    expect(protection.hashValue).toEqual(expect.any(String));
    const dv = (ws as unknown as { dataValidations: { model: Record<string, Record<string, unknown>> } }).dataValidations.model;
    expect(dv['D2:D1048576']).toMatchObject({
      type: 'list', formulae: ["'Customers'!$A$2:$A$1048576"], showInputMessage: true, promptTitle: 'Customer ID', showErrorMessage: true, errorStyle: 'stop',
    });
    expect(dv['K2:K1048576']).toMatchObject({ type: 'list', formulae: ['"13%,9%,6%,3%,1%,0%"'] });
    expect(dv['A2:A1048576']).toMatchObject({ type: 'date', operator: 'greaterThanOrEqual' });

    // Loaded back into the fake, the rules are those the add-in set.
    const back = await loadXlsx(file);
    const before = await insertedBook();
    const rules = (m: FakeWorkbookModel) => m.mustSheet('Sales').validations
      .map((v) => ({ rect: v.rect, rule: v.rule, prompt: v.prompt, errorAlert: v.errorAlert }))
      .sort((a, b) => a.rect.c0 - b.rect.c0);
    expect(rules(back)).toEqual(rules(before.fake.model));
  });

  it('recon reports the same rules in its JSON report', async () => {
    const { fake, file } = await insertedBook();
    const json = tmp.file('report.json');
    const run = await recon('check', file, '--json', json, '--as-of', '2024-06-30');
    expect(run.code).toBe(0);
    const report = JSON.parse(readFileSync(json, 'utf8')) as { sheets: { name: string; validations?: { range: string; rule: unknown; prompt: unknown; errorAlert: unknown }[] }[] };
    const sales = report.sheets.find((s) => s.name === 'Sales');
    expect(sales?.validations).toBeDefined();
    const reported = [...(sales?.validations ?? [])].sort((a, b) => a.range.localeCompare(b.range, 'en', { numeric: true }));
    const inExcel = fake.model.mustSheet('Sales').validations;
    expect(reported).toHaveLength(inExcel.length);
    expect(reported).toHaveLength(13);
    const dRule = reported.find((v) => v.range === 'D2:D1048576');
    expect(dRule).toEqual({
      range: 'D2:D1048576',
      rule: { list: { inCellDropDown: true, source: "='Customers'!$A$2:$A$1048576" } },
      prompt: { title: 'Customer ID', message: 'Pick the customer from the list (the Customer IDs of the customers sheet). Required.' },
      errorAlert: { title: 'Customer ID', message: 'This Customer ID is not on the customers sheet. Pick one from the list, or add the customer there first.', style: 'Stop' },
      ignoreBlanks: true,
    });
    for (const v of inExcel) {
      const range = `${String.fromCharCode(65 + v.rect.c0)}2:${String.fromCharCode(65 + v.rect.c0)}1048576`;
      const r = reported.find((x) => x.range === range);
      expect(r?.rule).toEqual(v.rule);
      expect(r?.prompt).toEqual({ title: v.prompt?.title, message: v.prompt?.message });
    }
  });
});
