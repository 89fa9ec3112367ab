import Decimal from 'decimal.js';
import { dayFromISO } from '../../../src/core/model/dates';
import { Finding } from '../../../src/core/model/findings';
import { ReceiptRow, SaleRow, StatementRow } from '../../../src/core/model/record-rows';
import { CustomerRecord, ParsedWorkbook, ReceiptRecord, SaleRecord, StatementLine, Table } from '../../../src/core/model/records';
import { reconcile } from '../../../src/core/matching/reconcile';
import { nameSuggestedCustomers } from '../../../src/core/matching/suggest-customer';
import { resolveSettings, Settings } from '../../../src/core/model/settings';
import { SheetMapping, TemplateKind } from '../../../src/core/templates/templates';
import { HEADERS } from '../../support/generate-workbook';
import { OwnedSheet, outValue } from '../../../src/core/output/plan';

const d = (iso: string): number => dayFromISO(iso) as number;

function mapping<K extends TemplateKind>(sheet: string, template: K, headers: readonly (readonly [string, string])[]): SheetMapping<K> {
  const columns: Record<string, number> = {};
  headers.forEach(([f], i) => (columns[f] = i));
  return { sheet, template, headerRow: 1, columns: columns as SheetMapping<K>['columns'], unmapped: [] };
}

function sale(row: number, date: string, docNo: string, invoiceNo: string, total: number, cust = 'C1', dueDate: string | null = null): SaleRow {
  const s = new SaleRow('Sales', row);
  Object.assign(s, { date: d(date), docNo, invoiceNo, customerId: cust, rawTotal: total, dueDate: dueDate ? d(dueDate) : null });
  return s;
}
function receipt(row: number, date: string, receiptNo: string, amount: number, reference = '', cust = 'C1'): ReceiptRow {
  const r = new ReceiptRow('Receipts', row);
  Object.assign(r, { date: d(date), receiptNo, customerId: cust, rawAmount: amount, reference });
  return r;
}
function line(row: number, date: string, reference: string, billed: number | null, paid: number | null, balance: number | null, opts: { opening?: boolean; cust?: string } = {}): StatementRow {
  const l = new StatementRow('Statement', row);
  Object.assign(l, { date: d(date), reference, rawBilled: billed, rawPaid: paid, rawBalance: balance, isOpening: opts.opening ?? false, customerId: opts.cust ?? 'C1', description: opts.opening ? 'Opening balance' : '' });
  return l;
}

function workbook(sales: SaleRecord[], receipts: ReceiptRecord[], lines: StatementLine[], customers: Partial<CustomerRecord>[] = [{ customerId: 'C1', creditLimit: new Decimal(10000), paymentTerms: { kind: 'net', days: 30 } }]): ParsedWorkbook {
  const table = <R, K extends TemplateKind>(sheet: string, kind: K, headers: readonly (readonly [string, string])[], records: R[]): Table<R, K> => ({ mapping: mapping(sheet, kind, headers), records });
  const cs = customers.map((c, k) => ({ sheet: 'Customers', row: k + 2, customerId: '', customerName: '', taxId: '', creditLimit: null, paymentTerms: null, creditRating: null, status: null, contact: '', email: '', salesRep: '', region: '', ...c }) as CustomerRecord);
  return {
    customers: [table('Customers', 'customers', HEADERS.customers, cs)],
    sales: [table('Sales', 'sales', HEADERS.sales, sales)],
    receipts: [table('Receipts', 'receipts', HEADERS.receipts, receipts)],
    statements: [table('Statement', 'statement', HEADERS.statement, lines)],
  };
}

const AS_OF = d('2024-03-31');
const run = (wb: ParsedWorkbook, settings: Partial<Settings> = {}) => reconcile(wb, resolveSettings({ asOf: AS_OF, ...settings }), AS_OF);
const at = (findings: Finding[], code: string): string[] => findings.filter((f) => f.code === code).map((f) => `${f.sheet}!${f.cell}`).sort();

// Sales columns: A Date, B Document No, C Invoice No, D Customer ID, … M Total. Receipts: D Amount, B Receipt No.
// Statement: A Customer ID, B Date, C Reference, E Billed, F Paid, G Balance.
function scenario(): ParsedWorkbook {
  return workbook(
    [
      sale(2, '2024-03-01', 'SO-1', '10000001', 1130),
      sale(3, '2024-03-05', 'SO-2', '10000002', 2260),
      sale(4, '2024-03-08', 'SO-3', '10000003', 339),
      sale(5, '2024-03-10', 'SO-4', '10000004', 452), // not on their statement
    ],
    [receipt(2, '2024-03-20', 'RC-1', 1130, 'payment for INV-10000001'), receipt(3, '2024-03-25', 'RC-2', 500)],
    [
      line(2, '2024-03-01', '', null, null, 0, { opening: true }),
      line(3, '2024-03-01', '10000001', 1130, null, 1130),
      line(4, '2024-03-06', 'INV 10000002', 2300, null, 3430), // amount differs by 40
      line(5, '2024-03-08', '10000030', 339, null, 3769), // transposed digits
      line(6, '2024-03-09', 'ADJ-1', 25, null, 3794), // not ours
      line(7, '2024-03-21', 'PV-77', null, 1130, 2664),
      line(8, '2024-03-21', 'PV-77', null, 1130, 1534), // listed twice
    ],
  );
}

describe('reconcile', () => {
  it('flags every difference at the right cell, each difference once', () => {
    const res = run(scenario());
    expect(at(res.findings, 'unmatched-ours')).toEqual(['Receipts!B3', 'Sales!B5']);
    expect(at(res.findings, 'unmatched-theirs')).toEqual(['Statement!C6']);
    // One amount difference, one finding: on their line, naming our row (not a second one on our cell).
    expect(at(res.findings, 'amount-diff')).toEqual(['Statement!E4']);
    expect(at(res.findings, 'duplicate-entry')).toEqual(['Statement!C8']);
    // A day or two between our date and their booking date is the usual lag: kept on the match only.
    expect(at(res.findings, 'date-diff')).toEqual([]);
    expect(at(res.findings, 'tie-out')).toEqual([]);
    const diff = res.findings.find((f) => f.code === 'amount-diff') as Finding;
    expect(diff).toMatchObject({ severity: 'error', row: 4, expected: '2260.00', actual: '2300.00' });
    expect(diff.message).toContain('Sales!M3');
  });

  it.each([
    ['the usual lag within a month', '2024-03-05', '2024-03-10', 5, 'matched', []],
    ['seven days, the window\'s edge', '2024-03-01', '2024-03-08', 7, 'matched', []],
    ['eight days, beyond the window', '2024-03-01', '2024-03-09', 8, 'date-diff', ['Statement!B3']],
    ['a cut-off item: booked in the next month', '2024-02-29', '2024-03-01', 1, 'date-diff', ['Statement!B3']],
    ['booked earlier by them, across a month end', '2024-03-01', '2024-02-28', -2, 'date-diff', ['Statement!B3']],
  ])('date differences: %s', (_name, ours, theirs, days, status, flagged) => {
    const wb = workbook([sale(2, ours, 'SO-1', '10000001', 1130)], [], [line(2, '2024-02-01', '', null, null, 0, { opening: true }), line(3, theirs, '10000001', 1130, null, 1130)]);
    const res = run(wb);
    expect(res.matches.find((m) => m.pair === 'sales~statement')).toMatchObject({ status, days });
    expect(at(res.findings, 'date-diff')).toEqual(flagged);
  });

  it('records each match with its pass, rows, difference and reason', () => {
    const res = run(scenario());
    const bySales = (row: string) => res.matches.find((m) => m.pair === 'sales~statement' && m.ours.includes(row));
    expect(bySales('Sales!2')).toMatchObject({ pass: 'exact-reference', status: 'matched', theirs: ['Statement!3'], difference: '0.00' });
    expect(bySales('Sales!2')?.days).toBeUndefined();
    expect(bySales('Sales!3')?.days).toBe(1);
    expect(bySales('Sales!3')).toMatchObject({ pass: 'reference-amount-diff', status: 'amount-diff', difference: '-40.00' });
    expect(bySales('Sales!4')).toMatchObject({ pass: 'near-reference', status: 'matched' });
    expect(bySales('Sales!5')).toMatchObject({ pass: 'unmatched', status: 'unmatched', theirs: [], difference: '452.00' });
    expect(bySales('Sales!3')?.reason).toContain('40.00');
    // The statement quotes invoice numbers: the near-reference reason names ours, 10000003, not SO-3.
    expect(bySales('Sales!4')?.reason).toContain('10000003');
    expect(bySales('Sales!4')?.reason).not.toContain('SO-3');
    const cash = res.matches.filter((m) => m.pair === 'receipts~sales');
    expect(cash.map((m) => [m.ours[0], m.pass, m.theirs])).toEqual([
      ['Receipts!2', 'reference', ['Sales!2']],
      ['Receipts!3', 'fifo', ['Sales!3']],
    ]);
  });

  it('lays the customer out as a two-sided 余额调节表: timing items adjust each side, errors are listed apart', () => {
    const res = run(scenario());
    const sheet = res.sheets.find((s) => s.key === 'reconciliation') as OwnedSheet;
    const rows = sheet.rows.map((r) => r.map(outValue));
    const row = (label: string, col = 0) => rows.find((r) => r[col] === label) ?? [];
    expect(row('Our receivable balance')[2]).toEqual({ money: '2551.00' }); // 4181 − 1630
    expect(row('Their balance per statement', 4)[6]).toEqual({ money: '1534.00' });
    // They billed ADJ-1 (25.00) that we have not; we billed SO-4 (452.00) and received RC-2 (500.00) that they have not.
    expect(row('Add: invoices they booked that we have not')[2]).toMatchObject({ result: '25.00' });
    expect(row('Add: invoices we booked that they have not', 4)[6]).toMatchObject({ result: '452.00' });
    expect(row('Less: payments they booked that we have not received')[2]).toEqual({ money: '0.00' });
    expect(row('Less: receipts we booked that they have not', 4)[6]).toMatchObject({ result: '500.00' });
    const adjusted = row('Adjusted balance');
    expect(adjusted[2]).toMatchObject({ result: '2576.00' }); // 2551 + 25 − 0
    expect(adjusted[6]).toMatchObject({ result: '1486.00' }); // 1534 + 452 − 500
    // The duplicate (1,130.00) and the amount difference (−40.00) are errors, not adjustments: not agreed.
    expect(row('Status', 4)[6]).toBe('Not agreed');
    const errors = rows.filter((r) => typeof r[1] === 'object' && r[1] !== null && 'link' in r[1] && /twice|differs/.test(r[1].link.text));
    expect(errors.map((r) => [(r[1] as { link: { cell: string } }).link.cell, r[2], r[4]])).toEqual([
      ['M3', { money: '-40.00' }, 'Both parties to check'],
      ['C8', { money: '1130.00' }, 'Customer'],
    ]);
    expect(row('Total errors and unexplained', 1)[2]).toMatchObject({ result: '1090.00' });
    const links = rows.flat().filter((c): c is { link: { text: string; sheet: string; cell: string } } => typeof c === 'object' && c !== null && 'link' in c);
    expect(links.map((l) => `${l.link.sheet}!${l.link.cell}`)).toEqual(expect.arrayContaining(['Sales!B5', 'Statement!C6', 'Statement!C8', 'Receipts!B3']));
  });

  it('lists every link on the Matches sheet: pass, both sides linked to their cells, amounts, days, reason, FIFO marked', () => {
    const res = run(scenario());
    const sheet = res.sheets.find((x) => x.key === 'matches') as OwnedSheet;
    expect(sheet.name).toBe('Matches');
    expect(sheet.columns.map((c) => c.header)).toEqual(['#', 'Reconciliation', 'Pass', 'Status', 'Ours', 'Our amount', 'Theirs / invoices', 'Their amount', 'Difference', 'Days apart', 'FIFO', 'Reason']);
    const rows = sheet.rows.map((r) => r.map(outValue));
    const linkOf = (v: unknown): string => (v as { link: { sheet: string; cell: string } }).link.sheet + '!' + (v as { link: { cell: string } }).link.cell;
    const exact = rows.find((r) => r[2] === 'exact-reference' && linkOf(r[4]) === 'Sales!B2') ?? [];
    expect([exact[1], linkOf(exact[6]), exact[5], exact[7], exact[8]]).toEqual(['Sales ↔ statement', 'Statement!C3', { money: '1130.00' }, { money: '1130.00' }, { money: '0.00' }]);
    const diff = rows.find((r) => r[2] === 'reference-amount-diff') ?? [];
    expect([linkOf(diff[4]), diff[5], linkOf(diff[6]), diff[7], diff[8], diff[9]]).toEqual(['Sales!B3', { money: '2260.00' }, 'Statement!C4', { money: '2300.00' }, { money: '-40.00' }, 1]);
    // Cash application: RC-2 pays the oldest open invoice, marked FIFO.
    const fifo = rows.find((r) => r[2] === 'fifo') ?? [];
    expect([fifo[1], linkOf(fifo[4]), linkOf(fifo[6]), fifo[10]]).toEqual(['Cash application', 'Receipts!B3', 'Sales!B3', 'FIFO']);
    // Unmatched records are findings, not links.
    expect(rows.some((r) => r[3] === 'unmatched')).toBe(false);
    expect(rows.map((r) => r[0])).toEqual(rows.map((_, i) => i + 1));
  });

  it('raises tie-out when their running balance does not add up', () => {
    const wb = scenario();
    (wb.statements[0].records[6] as StatementRow).rawBalance = 1500;
    const res = run(wb);
    const tie = res.findings.filter((f) => f.code === 'tie-out');
    expect(tie).toHaveLength(1);
    expect(tie[0]).toMatchObject({ sheet: 'Statement', cell: 'G8', expected: '1017', actual: '1051' });
    const rows = res.sheets[0].rows.map((r) => r.map(outValue));
    const unexplained = rows.find((r) => typeof r[1] === 'object' && r[1] !== null && 'link' in r[1] && r[1].link.text === 'Unexplained difference');
    expect(unexplained?.[2]).toEqual({ money: '34.00' });
    expect(rows.find((r) => r[4] === 'Status')?.[6]).toBe('Not agreed');
  });

  it('brings earlier records forward as an opening balance', () => {
    const wb = workbook(
      [sale(2, '2024-01-15', 'SO-0', '10000000', 700), sale(3, '2024-03-02', 'SO-1', '10000001', 100)],
      [],
      [line(2, '2024-03-01', '', null, null, 700, { opening: true }), line(3, '2024-03-02', '10000001', 100, null, 800)],
    );
    const res = run(wb);
    expect(res.findings.filter((f) => f.code !== 'date-diff')).toEqual([]);
    expect(res.matches.filter((m) => m.pair === 'sales~statement').map((m) => m.ours)).toEqual([['Sales!3']]);
  });

  it.each([
    ['their books start 250.00 higher', 950, 'en', '-250.00', 'their opening balance is 950.00, ours 700.00; ours − theirs = -250.00'],
    ['their books start 100.00 lower', 600, 'zh', '100.00', '对方期初余额 600.00，我方期初余额 700.00，差额（我方 − 对方）100.00'],
  ] as const)('raises opening-balance on their opening row when %s', (_name, theirs, lang, difference, message) => {
    const wb = workbook(
      [sale(2, '2024-01-15', 'SO-0', '10000000', 700), sale(3, '2024-03-02', 'SO-1', '10000001', 100)],
      [],
      [line(2, '2024-03-01', '', null, null, theirs, { opening: true }), line(3, '2024-03-02', '10000001', 100, null, theirs + 100)],
    );
    const res = run(wb, { lang });
    const opening = res.findings.filter((f) => f.code === 'opening-balance');
    expect(opening).toHaveLength(1);
    expect(opening[0]).toMatchObject({ severity: 'error', sheet: 'Statement', cell: 'G2', row: 2, expected: '700.00', actual: `${theirs}.00` });
    expect(opening[0].message).toContain(message);
    expect(res.openingDifferences.map((o) => [o.customerId, o.ours.toFixed(2), o.theirs.toFixed(2), o.difference.toFixed(2), o.findingId])).toEqual([
      ['C1', '700.00', `${theirs}.00`, difference, opening[0].id],
    ]);
  });

  it('raises no opening-balance when the opening balances agree; one cent apart is a difference', () => {
    const wb = (theirs: number) => workbook([sale(2, '2024-01-15', 'SO-0', '10000000', 700)], [], [line(2, '2024-03-01', '', null, null, theirs, { opening: true })]);
    expect(run(wb(700)).findings.filter((f) => f.code === 'opening-balance')).toEqual([]);
    expect(run(wb(700)).openingDifferences).toEqual([]);
    expect(run(wb(700.01)).openingDifferences.map((o) => o.difference.toFixed(2))).toEqual(['-0.01']);
  });

  describe('a sale with an unknown or blank Customer ID', () => {
    const customers = [{ customerId: 'C1', customerName: 'Acme Ltd' }, { customerId: 'C2', customerName: 'Beta Co' }];
    const lines = () => [
      line(2, '2024-03-01', '', null, null, 0, { opening: true }),
      line(3, '2024-03-02', '10000001', 1130, null, 1130),
      line(4, '2024-03-06', 'INV 10000002', 2260, null, 3390),
    ];
    const typed = (id: string, name = 'Acme Ltd.') => {
      const s = sale(3, '2024-03-05', 'SO-2', '10000002', 2260, id);
      s.customerName = name;
      return s;
    };

    it.each([['C01'], ['']])('is offered to the one customer whose statement line has its invoice and amount (ID %p)', (id) => {
      const res = run(workbook([sale(2, '2024-03-02', 'SO-1', '10000001', 1130), typed(id)], [], lines(), customers));
      const suggested = res.matches.filter((m) => m.status === 'suggested');
      expect(suggested).toEqual([expect.objectContaining({ pair: 'sales~statement', ours: ['Sales!3'], theirs: ['Statement!4'], suggestedCustomer: 'C1' })]);
      expect(suggested[0].reason).toContain('C1');
      // Not a link: the statement line has no match, yet no alarm either (the sale's finding names it).
      expect(res.matches.filter((m) => m.theirs.includes('Statement!4') && m.status !== 'suggested')).toEqual([]);
      expect(at(res.findings, 'unmatched-theirs')).toEqual([]);
      expect(res.suggestions.map((x) => [x.sheet, x.idCell, x.customerId, x.where])).toEqual([['Sales', 'D3', 'C1', 'Statement!C4']]);
      const finding = { id: 'x', code: 'unknown-customer' as const, severity: 'error' as const, sheet: 'Sales', cell: 'D3', row: 3, message: 'Customer ID C01 is not in the customers sheet.' };
      const other = { ...finding, cell: 'E3', code: 'required' as const, message: 'Customer Name is required.' };
      nameSuggestedCustomers([finding, other], res.suggestions, 'en');
      expect(finding.message).toBe('Customer ID C01 is not in the customers sheet. Likely customer: C1 (Acme Ltd); their statement line Statement!C4 has this invoice number and amount.');
      expect(other.message).toBe('Customer Name is required.');
    });

    it.each([
      ['the names disagree', [typed('C01', 'Gamma Industries')]],
      ['two such sales point to the one line', [typed('C01'), Object.assign(typed('C02'), { row: 4, docNo: 'SO-3' })]],
      ['the amount differs', [Object.assign(typed('C01'), { rawTotal: 2261 })]],
    ] as const)('is offered to nobody when %s', (_name, sales) => {
      const res = run(workbook([sale(2, '2024-03-02', 'SO-1', '10000001', 1130), ...sales], [], lines(), customers));
      expect(res.matches.filter((m) => m.status === 'suggested')).toEqual([]);
      expect(at(res.findings, 'unmatched-theirs')).toEqual(['Statement!C4']);
    });
  });

  it('speaks the workbook language', () => {
    const res = run(scenario(), { lang: 'zh' });
    const f = res.findings.find((x) => x.code === 'unmatched-ours' && x.sheet === 'Sales') as Finding;
    expect(f.message).toContain('不在客户对账单上');
    expect(res.sheets[0].name).toBe('余额调节表');
    expect(res.sheets[0].rows.map((r) => r.map(outValue)).find((r) => r[4] === '状态')?.[6]).toBe('不符');
  });

  it('gives findings ids that survive sorting and inserted rows', () => {
    const a = run(scenario());
    const wb = scenario();
    for (const t of [wb.sales[0], wb.receipts[0], wb.statements[0]]) for (const r of t.records) (r as { row: number }).row += 10;
    const b = run(wb);
    expect(b.findings.map((f) => f.id).sort()).toEqual(a.findings.map((f) => f.id).sort());
    expect(new Set(a.findings.map((f) => f.id)).size).toBe(a.findings.length);
  });

  it('reports balances, credit use and aging from the open items', () => {
    const wb = workbook(
      [sale(2, '2024-01-10', 'SO-1', '10000001', 1000), sale(3, '2024-02-20', 'SO-2', '10000002', 2000), sale(4, '2024-03-25', 'SO-3', '10000003', 500, 'C1', '2024-04-30'), sale(5, '2024-04-05', 'SO-4', '10000004', 800)],
      [receipt(2, '2024-03-01', 'RC-1', 400)],
      [],
    );
    const [c] = run(wb).customers;
    // SO-1 due 02-09 (51 days late, 600 open), SO-2 due 03-21 (10 days late), SO-3 not due; SO-4 is after the as-of date.
    expect(c).toMatchObject({
      customerId: 'C1', balance: '3100.00', creditLimit: '10000.00', utilization: '0.31', overdue: '2600.00',
      aging: { Current: '500.00', '1-30': '2000.00', '31-60': '600.00', '61-90': '0.00', '91-180': '0.00', '>180': '0.00' },
    });
    expect(run(wb, { exposureIncludesFutureSales: true }).customers[0].utilization).toBe('0.39');
  });

  it('reports partial payments and unapplied cash', () => {
    const wb = workbook([sale(2, '2024-03-01', 'SO-1', '10000001', 1000)], [receipt(2, '2024-03-10', 'RC-1', 400), receipt(3, '2024-03-20', 'RC-2', 900)], []);
    const res = run(wb);
    expect(at(res.findings, 'partial-payment')).toEqual([]);
    expect(at(res.findings, 'unapplied-receipt')).toEqual(['Receipts!D3']);
    const unapplied = res.findings.find((f) => f.code === 'unapplied-receipt') as Finding;
    expect(unapplied.message).toContain('300.00');
    const partial = run(workbook([sale(2, '2024-03-01', 'SO-1', '10000001', 1000)], [receipt(2, '2024-03-10', 'RC-1', 400)], []));
    expect(at(partial.findings, 'partial-payment')).toEqual(['Sales!M2']);
    expect(partial.findings[0]).toMatchObject({ severity: 'info', expected: '1000.00', actual: '400.00' });
    // The credit checks get the allocations and what is left open.
    expect(partial.cash?.allocations.map((a) => [a.receipt, a.invoice, a.cents, a.pass])).toEqual([[0, 0, 40000, 'fifo']]);
    expect([...(partial.cash?.open ?? [])]).toEqual([60000]);
    expect(partial.cash?.invoiceDue).toEqual([d('2024-03-31')]);
  });

  it('does nothing with an empty workbook', () => {
    expect(run({ customers: [], sales: [], receipts: [], statements: [] })).toMatchObject({ findings: [], matches: [], customers: [], sheets: [] });
  });
});
