import { SheetGrid } from '../../../src/core/model/cells';
import { dayFromISO } from '../../../src/core/model/dates';
import { checkWorkbook } from '../../../src/core/engine';
import { resolveSettings, Settings } from '../../../src/core/model/settings';

const d = (iso: string): number => dayFromISO(iso) as number;
const run = (sheets: SheetGrid[], settings: Partial<Settings> = {}) =>
  checkWorkbook({ sheets, settings: resolveSettings({ asOf: d('2024-03-31'), ...settings }) }).report;
const VALIDATION = new Set(['required', 'type', 'range', 'list', 'pattern', 'duplicate', 'unknown-customer', 'name-mismatch',
  'amount-calc', 'tax-calc', 'total-calc', 'tax-id', 'date-order', 'balance-calc']);
/** Validation errors and warnings: what a wrong reading of the layout would raise. */
const errors = (r: ReturnType<typeof run>) =>
  r.findings.filter((f) => f.severity !== 'info' && VALIDATION.has(f.code)).map((f) => `${f.code}@${f.sheet}!${f.cell}`);

describe('a real Chinese 对账单', () => {
  // Merged title in row 1, headers in row 2, a 合计 row, then 甲方 / 乙方 blocks and signature lines.
  const sheet: SheetGrid = {
    name: '对账单',
    merged: ['A1:G1', 'A12:C12', 'E12:G12'],
    rows: [
      ['上海明达贸易有限公司 客户对账单（2024年3月）', null, null, null, null, null, null],
      ['日期', '单据号', '摘要', '借方金额（元）', '贷方金额（元）', '余额（元）', '备注'],
      ['2024-03-01', '', '期初余额', null, null, 5000, null],
      ['2024-03-05', 'S001', '销售', 1130, null, 6130, null],
      ['2024-03-08', 'S002', '销售', '2,260.00', null, '8,390.00', null],
      ['2024-03-20', 'R001', '收款', null, 1130, 7260, '电汇'],
      ['2024-03-25', 'S003', '销售', 565, null, 7825, null],
      ['合计', null, null, 3955, 1130, 7825, null],
      [],
      ['甲方（盖章）：上海明达贸易有限公司', null, null, null, '乙方（盖章）：北京华泰有限公司', null, null],
      ['开户行：中国银行上海分行', null, null, null, '开户行：工商银行北京分行', null, null],
      ['经办人：', null, null, null, '经办人：', null, null],
      ['日期：2024年3月31日', null, null, null, '日期：', null, null],
    ],
  };

  it('is recognised as a statement with its header in row 2, the 合计 row and the blocks below left out', () => {
    const r = run([sheet], { statementCustomerId: 'C001' });
    expect(r.sheets).toHaveLength(1);
    const s = r.sheets[0];
    expect([s.name, s.template, s.headerRow, s.rows]).toEqual(['对账单', 'statement', 2, 5]);
    expect(s.columns?.map((c) => `${c.field}=${c.column}`)).toEqual(['date=A', 'reference=B', 'description=C', 'billed=D', 'paid=E', 'balance=F']);
    expect(s.ignoredRows).toEqual({ totals: [8], tailFrom: 10 });
    expect(errors(r)).toEqual([]);
    expect(r.unrecognisedSheets).toEqual([]);
  });

  it('still finds a wrong running balance on it', () => {
    const wrong = { ...sheet, rows: sheet.rows.map((row, i) => (i === 6 ? ['2024-03-25', 'S003', '销售', 565, null, 7800, null] : row)) };
    expect(errors(run([wrong], { statementCustomerId: 'C001' }))).toEqual(['balance-calc@对账单!F7']);
  });
});

describe('a two-row header', () => {
  it('reads 借方 / 贷方 under a merged 发生额 group title', () => {
    const sheet: SheetGrid = {
      name: 'Ledger',
      merged: ['A1:F1', 'D2:E2'],
      rows: [
        ['应收账款明细账', null, null, null, null, null],
        ['日期', '凭证号', '摘要', '发生额', null, '余额'],
        [null, null, null, '借方', '贷方', null],
        ['2024-03-05', 'V-001', '销售', 100, null, 100],
        ['2024-03-06', 'V-002', '收款', null, 40, 60],
        ['2024-03-07', 'V-003', '销售', 10, null, 70],
      ],
    };
    const r = run([sheet], { statementCustomerId: 'C1' });
    expect(r.sheets.map((s) => [s.template, s.headerRow, s.rows])).toEqual([['statement', 3, 3]]);
    expect(r.sheets[0].columns?.find((c) => c.field === 'billed')).toMatchObject({ column: 'D', header: '发生额 / 借方' });
    expect(r.sheets[0].columns?.find((c) => c.field === 'paid')).toMatchObject({ column: 'E', header: '发生额 / 贷方' });
    expect(errors(r)).toEqual([]);
  });
});

describe('totals rows inside an English export', () => {
  it('leaves Subtotal and Total rows out of the records', () => {
    const sheet: SheetGrid = {
      name: 'Receipts',
      rows: [
        ['Receipts register', null, null, null],
        ['Payment Date', 'Receipt No', 'Customer ID', 'Amount Received'],
        ['2024-03-05', 'R1', 'C1', 100],
        ['2024-03-06', 'R2', 'C1', 50],
        ['Subtotal C1', null, null, 150],
        ['2024-03-07', 'R3', 'C2', 70],
        ['Total', null, null, 220],
      ],
    };
    const r = run([sheet]);
    expect(r.sheets.map((s) => [s.template, s.headerRow, s.rows, s.ignoredRows])).toEqual([['receipts', 2, 3, { totals: [5, 7], tailFrom: 0 }]]);
    expect(errors(r)).toEqual([]);
  });
});

describe('number and date forms per column', () => {
  it('reads European amounts such as 7.498,07 and day-first dates, and reports the forms', () => {
    const sheet: SheetGrid = {
      name: 'Payments',
      rows: [
        ['Payment Date', 'Receipt No', 'Customer ID', 'Amount'],
        ['25/03/2024', 'R1', 'C1', '7.498,07'],
        ['05/03/2024', 'R2', 'C1', '1.000,00'],
        ['13/02/2024', 'R3', 'C1', '12,50'],
      ],
    };
    const r = run([sheet]);
    expect(errors(r)).toEqual([]);
    expect(r.sheets[0].forms).toEqual([
      { field: 'date', column: 'A', date: 'dmy', basis: 'data' },
      { field: 'amount', column: 'D', number: 'comma', basis: 'data' },
    ]);
    const parsed = checkWorkbook({ sheets: [sheet], settings: resolveSettings() }).parsed.receipts[0].records;
    expect(parsed.map((x) => [x.date, x.amount?.toFixed(2)])).toEqual([[d('2024-03-25'), '7498.07'], [d('2024-03-05'), '1000.00'], [d('2024-02-13'), '12.50']]);
  });

  it('reads month-first dates when the column shows a day above 12 in second place', () => {
    const sheet: SheetGrid = { name: 'R', rows: [['Payment Date', 'Receipt No', 'Customer ID', 'Amount'], ['03/25/2024', 'R1', 'C1', 1], ['03/05/2024', 'R2', 'C1', 2]] };
    const rec = checkWorkbook({ sheets: [sheet], settings: resolveSettings() }).parsed.receipts[0].records;
    expect(rec.map((x) => x.date)).toEqual([d('2024-03-25'), d('2024-03-05')]);
  });
});

describe('a mapping most of whose values fail its own rule', () => {
  it('is taken back and reported once, not flagged on every row', () => {
    const rows = [['Posting Date', 'Document No', 'Customer ID', 'Amount', 'Payment Type']];
    for (let i = 1; i <= 13; i++) rows.push([`2024-03-${String(i).padStart(2, '0')}`, `PAY-${i}`, 'C1', String(i * 10), 'Receive']);
    const r = run([{ name: 'Payments', rows }]);
    expect(r.sheets[0].template).toBe('receipts');
    expect(r.findings.filter((f) => f.code === 'list')).toEqual([]);
    expect(r.sheets[0].rejected).toEqual([expect.objectContaining({ field: 'method', column: 'E', header: 'Payment Type' })]);
    expect(r.sheets[0].rejected?.[0].reason).toContain('Receive');
    const told = r.findings.filter((f) => f.code === 'unmapped-column');
    expect(told.map((f) => [f.cell, f.severity])).toEqual([['E1', 'info']]);
  });
});

describe('line-item sales sheets', () => {
  const header = ['Invoice Date', 'Invoice Number', 'Customer ID', 'Item', 'Qty', 'Unit Price', 'Net Amount'];
  const lines = [
    ['2024-03-05', 'INV0001', 'C1', 'Bolt', 10, 1, 10],
    ['2024-03-05', 'INV0001', 'C1', 'Nut', 20, 0.5, 10],
    ['2024-03-06', 'INV0002', 'C2', 'Bolt', 5, 1, 5],
    ['2024-03-06', 'INV0002', 'C2', 'Washer', 100, 0.1, 10],
    ['2024-03-06', 'INV0002', 'C2', 'Nut', 2, 0.5, 1],
    ['2024-03-07', 'INV0003', 'C1', 'Bolt', 1, 1, 1],
  ];

  it('groups the lines by invoice instead of flagging them as duplicates, and raises no fapiao alarm on English ids', () => {
    const r = run([{ name: 'Invoice Lines', rows: [header, ...lines] }]);
    expect(r.sheets[0]).toMatchObject({ template: 'sales', rows: 6, lineItems: { field: 'invoiceNo', groups: 2 } });
    expect(errors(r)).toEqual([]);
  });

  it('still flags an invoice number that comes back later', () => {
    const r = run([{ name: 'Invoice Lines', rows: [header, ...lines, ['2024-03-08', 'INV0001', 'C1', 'Bolt', 1, 1, 1]] }]);
    expect(errors(r)).toEqual(['duplicate@Invoice Lines!B8']);
  });

  it('matches the invoice, not its lines, against the statement', () => {
    const statement: SheetGrid = {
      name: 'Statement',
      rows: [['Customer ID', 'Date', 'Reference', 'Debit', 'Credit', 'Balance'], ['C2', '2024-03-06', 'INV0002', 16, null, 16]],
    };
    const r = run([{ name: 'Invoice Lines', rows: [header, ...lines] }, statement]);
    const m = r.matches.filter((x) => x.pair === 'sales~statement' && x.status === 'matched');
    expect(m.map((x) => [x.ours, x.theirs])).toEqual([[['Invoice Lines!4'], ['Statement!2']]]);
  });
});

describe('checks whose columns are not all mapped', () => {
  it('do not run, and the report names the check and the column that would enable it', () => {
    const sheet: SheetGrid = {
      name: 'Statement',
      rows: [['Customer ID', 'Date', 'Reference', 'Debit', 'Balance'], ['C1', '2024-03-05', 'S1', 100, 100], ['C1', '2024-03-20', 'R1', null, 0]],
    };
    const r = run([sheet]);
    expect(r.findings.filter((f) => f.code === 'balance-calc')).toEqual([]);
    const skip = r.skippedChecks?.find((k) => k.check === 'balance-calc');
    expect(skip).toMatchObject({ sheet: 'Statement', reason: 'unmapped', missing: ['statement.paid'] });
    expect(skip?.message).toContain('Paid (statement.paid)');
  });
});

describe('the as-of date', () => {
  it('is the latest date in the data when none is given, never silently today', () => {
    const sheet: SheetGrid = { name: 'R', rows: [['Receipt Date', 'Receipt No', 'Customer ID', 'Amount'], ['2023-11-02', 'R1', 'C1', 5], ['2023-12-30', 'R2', 'C1', 5]] };
    const r = checkWorkbook({ sheets: [sheet], settings: resolveSettings() }).report;
    expect([r.asOf, r.asOfSource]).toEqual(['2023-12-30', 'data']);
  });
});

describe('a sheet that holds data but fits no template', () => {
  it('is named with the closest template and the columns it lacks', () => {
    const sheet: SheetGrid = { name: 'Orders', rows: [['Order', 'Colour', 'Qty'], ['X', 'red', 1], ['Y', 'blue', 2]] };
    const r = run([sheet]);
    expect(r.sheets).toEqual([]);
    expect(r.unrecognisedSheets).toEqual([expect.objectContaining({ name: 'Orders', closest: 'sales', missing: expect.arrayContaining(['sales.docNo', 'sales.amount']) })]);
    expect(r.unrecognisedSheets?.[0].message).toContain('Orders');
  });
});
