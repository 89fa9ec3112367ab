import { SheetGrid } from '../../../src/core/model/cells';
import { fieldForHeader, headerForms, recognizeSheets } from '../../../src/core/templates/header-recognition';
import { resolveSettings } from '../../../src/core/model/settings';
import { templateFields, templateHeaders } from '../../../src/core/templates/template-fields';
import { TEMPLATE_KINDS, TemplateKind } from '../../../src/core/templates/templates';

const sheet = (name: string, headers: string[]): SheetGrid => ({ name, rows: [headers] });

describe('header forms', () => {
  it.each<[string, string]>([
    ['Invoice Number', 'invoicenumber'],
    ['  INVOICE_number ', 'invoicenumber'],
    ['Ｉｎｖｏｉｃｅ　Ｎｏ．', 'invoiceno'],
    ['Invoice #', 'invoiceno'],
    ['Tax %', 'taxpct'],
  ])('%p reads as %p', (text, form) => {
    expect(headerForms(text)[0]).toBe(form);
  });
});

describe('fieldForHeader', () => {
  it.each<[TemplateKind, string, string]>([
    ['sales', 'Invoice Number', 'invoiceNo'],
    ['sales', 'Inv No', 'invoiceNo'],
    ['sales', 'inv. no.', 'invoiceNo'],
    ['sales', '发票号', 'invoiceNo'],
    ['sales', 'Grand Total', 'total'],
    ['sales', '开票金额', 'total'],
    ['sales', 'Amount (CNY)', 'amount'],
    ['sales', '金额（元）', 'amount'],
    ['sales', 'Amount CNY', 'amount'],
    ['sales', 'Tax Rate (%)', 'taxRate'],
    ['sales', 'Tax %', 'taxRate'],
    ['sales', 'Tax', 'tax'],
    ['sales', 'Cust ID', 'customerId'],
    ['sales', 'Account Name', 'customerName'],
    ['sales', 'Txn Date', 'date'],
    ['sales', 'QTY', 'quantity'],
    ['sales', '单据编号', 'docNo'],
    ['sales', 'Due Date', 'dueDate'],
    ['customers', '统一社会信用代码', 'taxId'],
    ['customers', 'Credit Limit (CNY)', 'creditLimit'],
    ['customers', 'E-mail', 'email'],
    ['receipts', '收款单号', 'receiptNo'],
    ['receipts', 'Payment Method', 'method'],
    ['statement', 'Debit', 'billed'],
    ['statement', 'Credit', 'paid'],
    ['statement', '余额', 'balance'],
    ['statement', '摘要', 'description'],
  ])('%s: %p → %s', (kind, header, key) => {
    expect(fieldForHeader(kind, header)).toBe(key);
  });

  it('takes a padded header up to 1,000 characters, and a longer cell (a note, a hostile file\'s megabyte string) as no header', () => {
    expect(fieldForHeader('customers', `Customer ID${' '.repeat(980)}`)).toBe('customerId');
    expect(fieldForHeader('customers', `Customer ID${' '.repeat(1000)}`)).toBeUndefined();
  });

  it.each<[TemplateKind, string]>([['sales', 'Colour'], ['sales', ''], ['customers', 'Amount']])('%s: %p maps to nothing', (kind, header) => {
    expect(fieldForHeader(kind, header)).toBeUndefined();
  });

  it.each(TEMPLATE_KINDS.map((k) => [k]))('%s: no two fields share a header name', (kind) => {
    const owner = new Map<string, string>();
    for (const def of templateFields(kind)) {
      for (const name of [def.en, def.zh, ...def.synonyms]) {
        const form = headerForms(name)[0];
        const prior = owner.get(form);
        if (prior !== undefined && prior !== def.key) throw new Error(`${kind}: "${name}" names ${prior} and ${def.key}`);
        owner.set(form, def.key);
      }
    }
  });

  it.each(TEMPLATE_KINDS.flatMap((k) => (['en', 'zh'] as const).map((lang) => [k, lang] as const)))(
    'the %s template written in %s maps every column back to its field',
    (kind, lang) => {
      const headers = templateHeaders(kind, lang);
      expect(headers).toHaveLength(templateFields(kind).length);
      headers.forEach((h, i) => expect(fieldForHeader(kind, h)).toBe(templateFields(kind)[i].key));
    },
  );
});

describe('recognizeSheets', () => {
  const settings = resolveSettings();

  it.each(TEMPLATE_KINDS.flatMap((k) => (['en', 'zh'] as const).map((lang) => [k, lang] as const)))(
    'recognises a %s sheet with %s headers',
    (kind, lang) => {
      const [m] = recognizeSheets([sheet('X', templateHeaders(kind, lang))], settings);
      expect(m.template).toBe(kind);
      expect(Object.keys(m.columns)).toHaveLength(templateFields(kind).length);
      expect(m.unmapped).toEqual([]);
    },
  );

  it('recognises a CRM export in another column order and reports the columns it cannot map', () => {
    const [m] = recognizeSheets([sheet('Export', [
      'Grand Total', 'Account Name', 'Inv No', 'Txn Date', 'Cust ID', 'Order No', 'Amount (CNY)', 'Colour', '',
    ])], settings);
    expect(m.template).toBe('sales');
    expect(m.columns).toEqual({ total: 0, customerName: 1, invoiceNo: 2, date: 3, customerId: 4, docNo: 5, amount: 6 });
    expect(m.unmapped).toEqual([{ col: 7, header: 'Colour' }]);
  });

  it('maps a second column naming the same field as unmapped', () => {
    const [m] = recognizeSheets([sheet('S', ['Date', 'Document No', 'Amount', 'Net Amount'])], settings);
    expect(m.columns.amount).toBe(2);
    expect(m.unmapped).toEqual([{ col: 3, header: 'Net Amount' }]);
  });

  it.each<[string, string[], TemplateKind]>([
    ['receipts', ['Date', 'Receipt No', 'Customer ID', 'Amount', 'Method', 'Reference'], 'receipts'],
    ['statement', ['Date', 'Reference', 'Description', 'Billed', 'Paid', 'Balance'], 'statement'],
    ['customer list', ['Customer ID', 'Customer Name'], 'customers'],
    ['zh receipts', ['收款日期', '收款单号', '客户编号', '收款金额'], 'receipts'],
    ['zh statement', ['日期', '单据号', '摘要', '借方', '贷方', '余额'], 'statement'],
  ])('tells a %s sheet from the others', (_label, headers, kind) => {
    expect(recognizeSheets([sheet('S', headers)], settings)[0].template).toBe(kind);
  });

  it.each<[string, string[]]>([
    ['notes', ['Date', 'Note']],
    ['blank header', ['', '']],
    ['empty', []],
    ['ids only', ['Customer ID', 'Date', 'Amount']],
  ])('leaves out a sheet that is no template (%s)', (_label, headers) => {
    expect(recognizeSheets([sheet('S', headers)], settings)).toEqual([]);
  });

  it('lets settings.sheetTemplates override the choice, matching the sheet name case-insensitively', () => {
    const forced = resolveSettings({ sheetTemplates: { theirs: 'statement' } });
    const [m] = recognizeSheets([sheet('THEIRS', ['Date', 'Document No', 'Amount'])], forced);
    expect(m.template).toBe('statement');
    expect(m.columns).toEqual({ date: 0, reference: 1 });
    expect(m.unmapped).toEqual([{ col: 2, header: 'Amount' }]);
  });

  it('keeps only template sheets, in workbook order', () => {
    const out = recognizeSheets([
      sheet('Notes', ['Anything']),
      sheet('Sales', templateHeaders('sales', 'en')),
      sheet('客户', templateHeaders('customers', 'zh')),
    ], settings);
    expect(out.map((m) => [m.sheet, m.template])).toEqual([['Sales', 'sales'], ['客户', 'customers']]);
  });
});

describe('the export dictionary', () => {
  it.each<[TemplateKind, string, string]>([
    ['sales', 'Order No.', 'docNo'],
    ['sales', 'Sales Order Number', 'docNo'],
    ['sales', '订单号', 'docNo'],
    ['sales', '销售单号', 'docNo'],
    ['sales', '单据编号', 'docNo'],
    ['sales', 'Posting Date', 'date'],
    ['sales', '往来单位', 'customerName'],
    ['sales', '往来单位编码', 'customerId'],
    ['sales', 'Net Value', 'amount'],
    ['sales', '无税金额（元）', 'amount'],
    ['sales', 'RMB Gross Total', 'total'],
    ['sales', '价税合计 ¥', 'total'],
    ['sales', 'Amount Incl. VAT', 'total'],
    ['receipts', '回款金额', 'amount'],
    ['receipts', '回款日期', 'date'],
    ['receipts', '回款单号', 'receiptNo'],
    ['receipts', '凭证号', 'receiptNo'],
    ['receipts', 'Voucher No.', 'receiptNo'],
    ['statement', '借方', 'billed'],
    ['statement', '贷方金额(元)', 'paid'],
    ['statement', 'Debit', 'billed'],
    ['statement', 'credit amount', 'paid'],
    ['statement', '凭证号', 'reference'],
    ['statement', 'Voucher', 'reference'],
    ['statement', 'Posting Date', 'date'],
    ['customers', 'BP Code', 'customerId'],
    ['customers', '纳税人识别号', 'taxId'],
  ])('%s: %p → %s', (kind, header, key) => {
    expect(fieldForHeader(kind, header)).toBe(key);
  });
});

describe('header rows below titles', () => {
  it('finds the header under a merged title and a period line, and maps it', () => {
    const [m] = recognizeSheets([{
      name: 'X', merged: ['A1:D1'],
      rows: [['Sales export', null, null, null], ['Period: March 2024', null, null, null], ['Invoice Date', 'Order No', 'Customer ID', 'Net Amount'], [45356, 'SO-1', 'C1', 10]],
    }], settings());
    expect([m.template, m.headerRow, m.columns]).toEqual(['sales', 3, { date: 0, docNo: 1, customerId: 2, amount: 3 }]);
  });
});

function settings() {
  return resolveSettings();
}
