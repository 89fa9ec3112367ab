import { applyTemplate, insertTemplate, TemplateResult } from '../../src/excel/template-insert';
import { OpResult } from '../../src/excel/ops';
import { FakeSheet, FakeValidation, FakeWorkbookModel } from '../fake-excel';
import { fakeHost, newFake } from './helpers';

function ok<T>(r: OpResult<T>): T {
  if (!r.ok) throw new Error(`${r.code}: ${r.message}`);
  return r.value;
}

/** The validation covering a cell (0-based row and column). */
function ruleAt(sheet: FakeSheet, r: number, c: number): FakeValidation | undefined {
  return sheet.validations.find((v) => v.rect.r0 <= r && r <= v.rect.r1 && v.rect.c0 <= c && c <= v.rect.c1);
}

function customersBook(): FakeWorkbookModel {
  return FakeWorkbookModel.fromRows({ Customers: [['Customer ID', 'Customer Name'], ['C1', 'Acme Ltd'], ['C2', 'Beta Co']] });
}

describe('insert a template (fake Excel)', () => {
  it('lays out an English sales sheet: headers, formats, frozen header, table, validation with prompts and alerts', async () => {
    const fake = newFake(customersBook());
    const value = ok(await insertTemplate(fakeHost(fake), { kind: 'sales', lang: 'en', rows: 5 }));
    expect(value.sheet).toBe('Sales');
    expect(value.customerList).toBe('Customers');
    const s = fake.model.mustSheet('Sales');
    expect(s.rows[0]).toEqual([
      'Date', 'Document No', 'Invoice No', 'Customer ID', 'Customer Name', 'Product', 'Category', 'Quantity', 'Unit Price',
      'Amount', 'Tax Rate', 'Tax', 'Total', 'Due Date', 'Sales Rep',
    ]);
    expect(s.frozenRows).toBe(1);
    expect(s.tables).toHaveLength(1);
    expect(s.tables[0].rect).toEqual({ r0: 0, c0: 0, r1: 5, c1: 14 });
    expect(s.fonts.get(0)?.bold).toBe(true);
    // Number formats reach the last row, so rows typed below the table get them too.
    expect(s.numberFormat(1, 0)).toBe('yyyy-mm-dd');
    expect(s.numberFormat(1_048_575, 0)).toBe('yyyy-mm-dd');
    expect(s.numberFormat(9, 1)).toBe('@');
    expect(s.numberFormat(9, 2)).toBe('@');
    expect(s.numberFormat(9, 9)).toBe('#,##0.00');
    expect(s.numberFormat(9, 10)).toBe('0%');
    expect(s.numberFormat(0, 9)).toBe('General');
    expect(s.columnWidths.get(4)).toBe(196);

    // Every input column carries a rule, a prompt and a Stop alert, from row 2 to the bottom.
    for (let c = 0; c < 15; c++) {
      const v = ruleAt(s, 1, c);
      expect(v).toBeDefined();
      expect(v?.rect).toEqual({ r0: 1, c0: c, r1: 1_048_575, c1: c });
      expect(v?.prompt).toMatchObject({ showPrompt: true });
      expect(String(v?.prompt?.message)).not.toBe('');
      expect(v?.errorAlert).toMatchObject({ showAlert: true, style: 'Stop' });
      expect(ruleAt(s, 0, c)).toBeUndefined();
    }
    expect(ruleAt(s, 1, 0)?.rule).toEqual({ date: { operator: 'GreaterThanOrEqualTo', formula1: '2000-01-01' } });
    expect(ruleAt(s, 1, 1)?.rule).toEqual({ custom: { formula: '=COUNTIF($B:$B,B2)=1' } });
    expect(ruleAt(s, 1, 2)?.rule).toEqual({
      custom: { formula: '=AND(OR(LEN(C2)=8,LEN(C2)=20),SUMPRODUCT(--ISNUMBER(-MID(C2,ROW(INDIRECT("1:"&LEN(C2))),1)))=LEN(C2))' },
    });
    expect(ruleAt(s, 1, 3)?.rule).toEqual({ list: { inCellDropDown: true, source: "='Customers'!$A$2:$A$1048576" } });
    expect(ruleAt(s, 1, 8)?.rule).toEqual({ decimal: { operator: 'GreaterThanOrEqualTo', formula1: 0 } });
    expect(ruleAt(s, 1, 10)?.rule).toEqual({ list: { inCellDropDown: true, source: '13%,9%,6%,3%,1%,0%' } });
    expect(ruleAt(s, 1, 13)?.rule).toEqual({ custom: { formula: '=AND(ISNUMBER(N2),N2>=$A2)' } });
    expect(ruleAt(s, 1, 3)?.prompt).toEqual({
      showPrompt: true, title: 'Customer ID', message: 'Pick the customer from the list (the Customer IDs of the customers sheet). Required.',
    });
    expect(ruleAt(s, 1, 10)?.errorAlert).toEqual({
      showAlert: true, style: 'Stop', title: 'Tax Rate', message: 'The tax rate must be one of 13%, 9%, 6%, 3%, 1%, 0%.',
    });
    expect(s.protected).toBe(false);
    expect(fake.model.sheets.find((x) => x.id === fake.model.activeSheetId)?.name).toBe('Sales');
  });

  it('writes a Chinese receipts sheet in Chinese, with the method list in Chinese', async () => {
    const fake = newFake(FakeWorkbookModel.fromRows({ 客户档案: [['客户编号', '客户名称'], ['C1', '甲公司']] }));
    const value = ok(await insertTemplate(fakeHost(fake), { kind: 'receipts', lang: 'zh', rows: 3 }));
    expect(value.sheet).toBe('收款记录');
    const s = fake.model.mustSheet('收款记录');
    expect(s.rows[0]).toEqual(['收款日期', '收款单号', '客户编号', '收款金额', '收款方式', '摘要']);
    expect(ruleAt(s, 1, 2)?.rule).toEqual({ list: { inCellDropDown: true, source: "='客户档案'!$A$2:$A$1048576" } });
    expect(ruleAt(s, 1, 3)?.rule).toEqual({ decimal: { operator: 'GreaterThan', formula1: 0 } });
    expect(ruleAt(s, 1, 3)?.errorAlert).toMatchObject({ title: '收款金额', message: '收款金额必须是大于 0 的数字。' });
    expect(ruleAt(s, 1, 4)?.rule).toEqual({ list: { inCellDropDown: true, source: '银行转账,现金,承兑汇票,其他' } });
    expect(ruleAt(s, 1, 4)?.prompt).toMatchObject({ title: '收款方式', message: '银行转账、现金、承兑汇票或其他。' });
  });

  it('without a customers sheet, Customer ID asks for 1 to 50 characters instead of a drop-down', async () => {
    const fake = newFake(FakeWorkbookModel.fromRows({ Notes: [['anything']] }));
    const value = ok(await insertTemplate(fakeHost(fake), { kind: 'receipts', lang: 'en', rows: 1 }));
    expect(value.customerList).toBeNull();
    expect(ruleAt(fake.model.mustSheet('Receipts'), 1, 2)?.rule).toEqual({ textLength: { operator: 'Between', formula1: 1, formula2: 50 } });
  });

  it('with formulas and protection: Tax and Total are locked formulas, headers locked, input cells editable, password kept', async () => {
    const fake = newFake(customersBook());
    ok(await insertTemplate(fakeHost(fake), { kind: 'sales', lang: 'en', rows: 3, formulas: true, protect: true, password: 'pw' }));
    const s = fake.model.mustSheet('Sales');
    expect(s.formulas.get(1 * 16384 + 11)).toBe('=IF(OR(J2="",K2=""),"",ROUND(J2*K2,2))');
    expect(s.formulas.get(3 * 16384 + 12)).toBe('=IF(J4="","",J4+N(L4))');
    expect(ruleAt(s, 1, 11)).toBeUndefined();
    expect(ruleAt(s, 1, 12)).toBeUndefined();
    expect(s.protected).toBe(true);
    expect(s.protectionPassword).toBe('pw');
    expect(s.protectionOptions).toMatchObject({ allowFormatCells: true, allowSort: true, allowAutoFilter: true, allowInsertRows: true });
    expect(s.isLocked(0, 0)).toBe(true);
    expect(s.isLocked(1, 11)).toBe(true);
    expect(s.isLocked(1, 12)).toBe(true);
    expect(s.isLocked(1, 0)).toBe(false);
    expect(s.isLocked(500_000, 9)).toBe(false);

    // A rep can type an amount, but not over a formula or a header; nor unprotect without the password.
    await fake.Excel.run(async (ctx: Excel.RequestContext) => {
      ctx.workbook.worksheets.getItem('Sales').getRange('J2').values = [[100]];
      await ctx.sync();
    });
    expect(s.getValue(1, 9)).toBe(100);
    for (const address of ['L2', 'A1']) {
      await expect(fake.Excel.run(async (ctx: Excel.RequestContext) => {
        ctx.workbook.worksheets.getItem('Sales').getRange(address).values = [[1]];
        await ctx.sync();
      })).rejects.toMatchObject({ code: 'AccessDenied' });
    }
    await expect(fake.Excel.run(async (ctx: Excel.RequestContext) => {
      ctx.workbook.worksheets.getItem('Sales').protection.unprotect('wrong');
      await ctx.sync();
    })).rejects.toMatchObject({ code: 'InvalidArgument' });
  });

  it('names a second sales sheet uniquely and takes three syncs', async () => {
    const fake = newFake(FakeWorkbookModel.fromRows({ Sales: [['x']] }));
    fake.resetStats();
    const value = ok(await insertTemplate(fakeHost(fake), { kind: 'sales', lang: 'en', rows: 1 }));
    expect(value.sheet).toBe('Sales (2)');
    expect(fake.stats.syncs).toBe(3);
    expect(fake.model.mustSheet('Sales').rows).toEqual([['x']]);
  });

  it('every template inserts in both languages with prompts and alerts Excel accepts', async () => {
    for (const lang of ['en', 'zh'] as const) {
      const fake = newFake(customersBook());
      const results: TemplateResult[] = [];
      for (const kind of ['customers', 'sales', 'receipts', 'statement'] as const) {
        results.push(ok(await insertTemplate(fakeHost(fake), { kind, lang, rows: 2, protect: true })));
      }
      expect(results.map((r) => r.columns.length)).toEqual([11, 15, 6, 7]);
      for (const r of results) {
        const s = fake.model.mustSheet(r.sheet);
        expect(s.validations).toHaveLength(r.columns.length);
      }
    }
  });
});

describe('apply a template to an existing sheet', () => {
  function exportBook(): FakeWorkbookModel {
    const wb = FakeWorkbookModel.fromRows({
      Customers: [['Customer ID', 'Customer Name'], ['C1', 'Acme']],
      Sizes: [['Colour', 'Size'], ['red', 'XL']],
      Export: [
        ['Amount', 'Notes', 'Invoice Date', 'Cust ID', 'Doc No'],
        [100, 'first', 45300, 'C1', 'D1'],
        [200, 'second', 45301, 'C1', 'D2'],
      ],
    });
    wb.mustSheet('Export').numberFormats.set(1 * 16384 + 0, '0.0');
    return wb;
  }

  it('keeps every value, adds validation and formats to the columns it recognises, reports what is missing', async () => {
    const fake = newFake(exportBook());
    const before = fake.model.mustSheet('Export').rows.map((r) => [...r]);
    const value = ok(await applyTemplate(fakeHost(fake), { kind: 'sales', lang: 'en', sheet: 'export' }));
    const s = fake.model.mustSheet('Export');
    expect(s.rows).toEqual(before);
    expect(value.sheet).toBe('Export');
    expect(value.columns.map((c) => [c.key, c.address])).toEqual([
      ['amount', 'A2:A1048576'], ['date', 'C2:C1048576'], ['customerId', 'D2:D1048576'], ['docNo', 'E2:E1048576'],
    ]);
    expect(value.missing).toContain('Invoice No');
    expect(value.missing).toContain('Tax Rate');
    expect(s.numberFormat(1, 0)).toBe('#,##0.00');
    expect(s.numberFormat(2, 2)).toBe('yyyy-mm-dd');
    expect(s.numberFormat(2, 1)).toBe('General');
    expect(ruleAt(s, 1, 1)).toBeUndefined();
    expect(ruleAt(s, 1, 3)?.rule).toEqual({ list: { inCellDropDown: true, source: "='Customers'!$A$2:$A$1048576" } });
    expect(ruleAt(s, 1, 4)?.rule).toEqual({ custom: { formula: '=COUNTIF($E:$E,E2)=1' } });
    expect(s.frozenRows).toBe(1);
    expect(s.tables).toHaveLength(0);
  });

  it('finds a header under a title row and lays the rules from the row below it', async () => {
    const fake = newFake(FakeWorkbookModel.fromRows({
      Customers: [['Customer ID', 'Customer Name'], ['C1', 'Acme']],
      回款: [
        ['2024年回款明细'],
        [],
        ['回款日期', '回款单号', '客户编号', '回款金额', '付款方式'],
        [45300, 'R1', 'C1', 100, '现金'],
        [45301, 'R2', 'C1', 200, '银行转账'],
      ],
    }));
    const value = ok(await applyTemplate(fakeHost(fake), { kind: 'receipts', lang: 'zh', sheet: '回款' }));
    expect(value.columns.map((c) => [c.key, c.address])).toEqual([
      ['date', 'A4:A1048576'], ['receiptNo', 'B4:B1048576'], ['customerId', 'C4:C1048576'], ['amount', 'D4:D1048576'], ['method', 'E4:E1048576'],
    ]);
    const s = fake.model.mustSheet('回款');
    expect(ruleAt(s, 2, 3)).toBeUndefined();
    expect(ruleAt(s, 3, 3)?.rule).toEqual({ decimal: { operator: 'GreaterThan', formula1: 0 } });
    expect(ruleAt(s, 3, 1)?.rule).toEqual({ custom: { formula: '=COUNTIF($B:$B,B4)=1' } });
    expect(s.frozenRows).toBe(3);
    expect(s.rows[0]).toEqual(['2024年回款明细']);
  });

  it('with protection every data cell stays editable and the header row is locked', async () => {
    const fake = newFake(exportBook());
    ok(await applyTemplate(fakeHost(fake), { kind: 'sales', lang: 'en', sheet: 'Export', protect: true }));
    const s = fake.model.mustSheet('Export');
    expect(s.protected).toBe(true);
    expect(s.isLocked(0, 1)).toBe(true);
    expect(s.isLocked(1, 1)).toBe(false);
    expect(s.isLocked(2, 4)).toBe(false);
  });

  it('refuses a protected sheet, an unknown sheet and a sheet with no column of the template, changing nothing', async () => {
    const fake = newFake(exportBook());
    fake.model.mustSheet('Export').protected = true;
    const r1 = await applyTemplate(fakeHost(fake), { kind: 'sales', lang: 'en', sheet: 'Export' });
    expect(r1).toMatchObject({ ok: false, code: 'TemplateSheetProtected' });
    const r2 = await applyTemplate(fakeHost(fake), { kind: 'sales', lang: 'zh', sheet: 'Nope' });
    expect(r2).toMatchObject({ ok: false, code: 'TemplateSheetNotFound', message: '找不到工作表“Nope”。请重新选择工作表（可能已被重命名或删除）。' });
    const r3 = await applyTemplate(fakeHost(fake), { kind: 'receipts', lang: 'en', sheet: 'Sizes' });
    expect(r3).toMatchObject({ ok: false, code: 'TemplateNoColumns' });
    expect(fake.model.sheets.every((x) => x.validations.length === 0)).toBe(true);
  });
});
