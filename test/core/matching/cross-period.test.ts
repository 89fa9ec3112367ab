import Decimal from 'decimal.js';
import { dayFromISO } from '../../../src/core/model/dates';
import { ReceiptRow, SaleRow, StatementRow } from '../../../src/core/model/record-rows';
import { CustomerRecord, ParsedWorkbook, ReceiptRecord, SaleRecord, StatementLine, Table } from '../../../src/core/model/records';
import { reconcile } from '../../../src/core/matching/reconcile';
import { uniqueGroup } from '../../../src/core/matching/cross-period';
import { resolveSettings, Settings } from '../../../src/core/model/settings';
import { SheetMapping, TemplateKind } from '../../../src/core/templates/templates';
import { HEADERS } from '../../support/generate-workbook';
import { outValue } from '../../../src/core/output/plan';

/**
 * Records booked across the period start (issue #9): the customer booked a receipt or an invoice just
 * before their statement's period, we on its first days. Their opening balance holds it, our period
 * does: the closing balances agree and nothing is an error. A genuine opening difference stays one.
 * Statement period 2024-03-01 to 2024-03-31; our prior sale SO-0 of 1,000.00 is in both openings.
 */

const d = (iso: string): number => dayFromISO(iso) as number;

function mapping<K extends TemplateKind>(sheet: string, template: K, headers: readonly (readonly [string, string])[]): SheetMapping<K> {
  const columns: Record<string, number> = {};
  headers.forEach(([f], i) => (columns[f] = i));
  return { sheet, template, headerRow: 1, columns: columns as SheetMapping<K>['columns'], unmapped: [] };
}
function sale(row: number, date: string, docNo: string, invoiceNo: string, total: number): SaleRow {
  const s = new SaleRow('Sales', row);
  Object.assign(s, { date: d(date), docNo, invoiceNo, customerId: 'C1', rawTotal: total });
  return s;
}
function receipt(row: number, date: string, receiptNo: string, amount: number): ReceiptRow {
  const r = new ReceiptRow('Receipts', row);
  Object.assign(r, { date: d(date), receiptNo, customerId: 'C1', rawAmount: amount, reference: '' });
  return r;
}
function line(row: number, date: string, reference: string, billed: number | null, paid: number | null, balance: number | null, opening = false): StatementRow {
  const l = new StatementRow('Statement', row);
  Object.assign(l, { date: d(date), reference, rawBilled: billed, rawPaid: paid, rawBalance: balance, isOpening: opening, customerId: 'C1', description: opening ? 'Opening balance' : '' });
  return l;
}
function workbook(sales: SaleRecord[], receipts: ReceiptRecord[], lines: StatementLine[]): ParsedWorkbook {
  const table = <R, K extends TemplateKind>(sheet: string, kind: K, headers: readonly (readonly [string, string])[], records: R[]): Table<R, K> => ({ mapping: mapping(sheet, kind, headers), records });
  const c = { sheet: 'Customers', row: 2, customerId: 'C1', customerName: 'Acme Ltd', taxId: '', creditLimit: new Decimal(100000), paymentTerms: null, creditRating: null, status: null, contact: '', email: '', salesRep: '', region: '' } as CustomerRecord;
  return {
    customers: [table('Customers', 'customers', HEADERS.customers, [c])],
    sales: [table('Sales', 'sales', HEADERS.sales, sales)],
    receipts: [table('Receipts', 'receipts', HEADERS.receipts, receipts)],
    statements: [table('Statement', 'statement', HEADERS.statement, lines)],
  };
}

const AS_OF = d('2024-03-31');
const run = (wb: ParsedWorkbook, settings: Partial<Settings> = {}) => reconcile(wb, resolveSettings({ asOf: AS_OF, lang: 'en', ...settings }), AS_OF);
const SO0 = () => sale(2, '2024-01-15', 'SO-0', '10000000', 1000);

/** A cell as a reader sees it: a link's text, a money's digits, a formula's value. */
function text(v: unknown): unknown {
  if (v && typeof v === 'object') {
    const o = v as { link?: { text: string }; money?: string; result?: unknown };
    if (o.link) return o.link.text;
    if (o.money !== undefined) return o.money;
    if ('result' in o) return o.result;
  }
  return v;
}

/** What a reviewer sees: the customer's status, the opening-balance and alarm findings, the cross-period links. */
function outcome(wb: ParsedWorkbook, settings: Partial<Settings> = {}) {
  const res = run(wb, settings);
  const c = res.tieOuts[0];
  const rows = res.sheets[0].rows.map((r) => r.map((cell) => text(outValue(cell))));
  return {
    res,
    status: rows.find((r) => r[4] === 'Status' || r[4] === '状态')?.[6],
    tied: c.tied,
    opening: res.findings.filter((f) => f.code === 'opening-balance').map((f) => f.message),
    openingError: c.openingError.toFixed(2),
    explained: c.openingExplained.toFixed(2),
    alarms: res.findings.filter((f) => ['unmatched-ours', 'unmatched-theirs', 'ambiguous', 'tie-out'].includes(f.code)).map((f) => `${f.code} ${f.sheet}!${f.row}`),
    cross: res.matches.filter((m) => m.pass === 'cross-period').map((m) => `${m.pair} ${m.ours.join('+')}~${m.theirs.join('+')}`),
    timing: c.timing.toFixed(2),
    rows,
  };
}

describe('booked across the period start', () => {
  it('a receipt we booked on the first day and they before the period (in their opening): tied out, no opening-balance', () => {
    const o = outcome(workbook(
      [SO0(), sale(3, '2024-03-02', 'SO-1', '10000001', 100)],
      [receipt(2, '2024-03-01', 'RC-1', 506.75)],
      // Their opening already holds the receipt: 1,000.00 − 506.75.
      [line(2, '2024-03-01', '', null, null, 493.25, true), line(3, '2024-03-02', '10000001', 100, null, 593.25)],
    ));
    expect(o).toMatchObject({ tied: true, status: 'Agreed', opening: [], alarms: [], openingError: '0.00', explained: '506.75', timing: '0.00' });
    // The Matches sheet shows the receipt linked to their opening row.
    expect(o.cross).toEqual(['receipts~statement Receipts!2~Statement!2']);
    expect(o.res.matches.find((m) => m.pass === 'cross-period')?.reason).toContain('506.75 booked by them before the period, in their opening balance');
    // The 余额调节表 lists it apart: no adjustment, it explains the opening difference.
    const at = o.rows.findIndex((r) => r[0] === 'Booked across the period start: explains the opening difference, no adjustment');
    expect(at).toBeGreaterThan(0);
    expect(o.rows[at + 2].slice(1, 5)).toEqual(['RC-1', '506.75', null, 'Booked by them before the period (in their opening balance)']);
  });

  it('the same in Chinese', () => {
    const o = outcome(workbook([SO0()], [receipt(2, '2024-03-01', 'RC-1', 506.75)], [line(2, '2024-03-01', '', null, null, 493.25, true)]), { lang: 'zh' });
    expect(o).toMatchObject({ tied: true, status: '相符', opening: [] });
    expect(o.res.matches.find((m) => m.pass === 'cross-period')?.reason).toContain('对方已于期初前入账 506.75，含在对方期初余额中');
    expect(o.rows.some((r) => r[0] === '跨期入账：已解释期初余额差异，无需调节')).toBe(true);
  });

  it('an invoice we dated on the first day and they booked before the period: tied out', () => {
    const o = outcome(workbook(
      [SO0(), sale(3, '2024-03-01', 'SO-1', '10000001', 300)],
      [],
      [line(2, '2024-03-01', '', null, null, 1300, true)],
    ));
    expect(o).toMatchObject({ tied: true, opening: [], alarms: [], explained: '-300.00', openingError: '0.00' });
    expect(o.cross).toEqual(['sales~statement Sales!3~Statement!2']);
  });

  it('their line dated before the period names the receipt: linked to that line', () => {
    const o = outcome(workbook(
      [SO0()],
      [receipt(2, '2024-03-01', 'RC-1', 506.75)],
      // Lines dated before the opening row's date are brought forward with it.
      [line(2, '2024-03-01', '', null, null, 1000, true), line(3, '2024-02-29', 'RC-1', null, 506.75, 493.25)],
    ));
    expect(o).toMatchObject({ tied: true, opening: [], alarms: [] });
    expect(o.cross).toEqual(['receipts~statement Receipts!2~Statement!3']);
    expect(o.res.matches.find((m) => m.pass === 'cross-period')).toMatchObject({ days: -1, difference: '0.00' });
  });

  it('we booked an invoice before the period, they on its second day: linked to our record, tied out', () => {
    const o = outcome(workbook(
      [SO0(), sale(3, '2024-02-28', 'SO-9', '10000009', 300)],
      [],
      [line(2, '2024-03-01', '', null, null, 1000, true), line(3, '2024-03-02', '10000009', 300, null, 1300)],
    ));
    expect(o).toMatchObject({ tied: true, opening: [], alarms: [], explained: '300.00' });
    expect(o.cross).toEqual(['sales~statement Sales!3~Statement!3']);
  });

  it('a statement without an opening row whose first running balance implies one: linked to nothing of theirs, tied out', () => {
    const o = outcome(workbook(
      [SO0(), sale(3, '2024-03-02', 'SO-1', '10000001', 100)],
      [receipt(2, '2024-03-02', 'RC-1', 506.75)],
      // 593.25 after billing 100.00: they brought 493.25 forward; their period starts with that line.
      [line(2, '2024-03-02', '10000001', 100, null, 593.25)],
    ));
    expect(o).toMatchObject({ tied: true, opening: [], alarms: [], explained: '506.75' });
    expect(o.cross).toEqual(['receipts~statement Receipts!2~']);
  });

  it('a genuine opening difference of 500.00 with no item explaining it is raised', () => {
    const o = outcome(workbook(
      [SO0(), sale(3, '2024-03-01', 'SO-1', '10000001', 300)],
      [receipt(2, '2024-03-01', 'RC-1', 506.75)],
      // They booked SO-1 and not the receipt; their books start 500.00 higher.
      [line(2, '2024-03-01', '', null, null, 1500, true), line(3, '2024-03-01', '10000001', 300, null, 1800)],
    ));
    expect(o.tied).toBe(false);
    expect(o.opening).toEqual(['Customer C1: their opening balance is 1,500.00, ours 1,000.00; ours − theirs = -500.00']);
    expect(o).toMatchObject({ openingError: '-500.00', explained: '0.00', cross: [], timing: '-506.75' });
    expect(o.alarms).toEqual(['unmatched-ours Receipts!2']);
  });

  it('a boundary receipt plus a genuine difference: raised for the remainder only', () => {
    const o = outcome(workbook(
      [SO0()],
      [receipt(2, '2024-03-01', 'RC-1', 506.75)],
      // Their line before the period names the receipt; their opening row is also 500.00 too high.
      [line(2, '2024-03-01', '', null, null, 1500, true), line(3, '2024-02-29', 'RC-1', null, 506.75, 993.25)],
    ));
    expect(o.cross).toEqual(['receipts~statement Receipts!2~Statement!3']);
    expect(o).toMatchObject({ tied: false, openingError: '-500.00', explained: '506.75', alarms: [] });
    expect(o.opening).toEqual([
      'Customer C1: their opening balance is 993.25, ours 1,000.00; ours − theirs = 6.75, of which 506.75 was booked across the period start (see Matches, pass cross-period); -500.00 remains',
    ]);
    // On the 余额调节表 the error is the remainder; the total of errors still equals the adjusted difference.
    const err = o.rows.find((r) => typeof r[1] === 'string' && r[1].startsWith('Opening balance differs'));
    expect(err?.[2]).toBe('-500.00');
    expect(o.rows.some((r) => r[4] === '✓')).toBe(true);
  });

  it('two receipts of the same amount that could each be the one: not guessed, the opening difference stays raised', () => {
    const o = outcome(workbook(
      [SO0()],
      [receipt(2, '2024-03-01', 'RC-1', 506.75), receipt(3, '2024-03-02', 'RC-2', 506.75)],
      [line(2, '2024-03-01', '', null, null, 493.25, true)],
    ));
    expect(o.cross).toEqual([]);
    expect(o.opening).toEqual(['Customer C1: their opening balance is 493.25, ours 1,000.00; ours − theirs = 506.75']);
    expect(o.alarms).toEqual(['unmatched-ours Receipts!2', 'unmatched-ours Receipts!3']);
    expect(o.tied).toBe(false);
  });

  it('two lines before the period of the same amount and no reference: not guessed either', () => {
    const o = outcome(workbook(
      [SO0()],
      [receipt(2, '2024-03-01', 'RC-1', 506.75)],
      [line(2, '2024-03-01', '', null, null, 1000, true), line(3, '2024-02-28', '', null, 506.75, 493.25), line(4, '2024-02-29', '', null, 506.75, -13.5)],
    ));
    // Amount alone cannot say which line is the receipt; what is left (506.75 of 1,013.50) is no unique group either.
    expect(o.cross).toEqual([]);
    expect(o.openingError).toBe('1013.50');
  });

  it('a receipt dated beyond the window after the period start is not taken as booked before it', () => {
    const o = outcome(workbook([SO0()], [receipt(2, '2024-03-09', 'RC-1', 506.75)], [line(2, '2024-03-01', '', null, null, 493.25, true)]));
    expect(o.cross).toEqual([]);
    expect(o.opening).toHaveLength(1);
    // The window's edge: seven days after the first day still counts.
    const edge = outcome(workbook([SO0()], [receipt(2, '2024-03-08', 'RC-1', 506.75)], [line(2, '2024-03-01', '', null, null, 493.25, true)]));
    expect(edge.cross).toEqual(['receipts~statement Receipts!2~Statement!2']);
  });

  it('one cent short of the opening difference explains nothing', () => {
    const o = outcome(workbook([SO0()], [receipt(2, '2024-03-01', 'RC-1', 506.74)], [line(2, '2024-03-01', '', null, null, 493.25, true)]));
    expect(o.cross).toEqual([]);
    expect(o.openingError).toBe('506.75');
  });
});

describe('uniqueGroup', () => {
  it.each([
    [[100, 200, 300], 300, null], // 300 alone and 100 + 200
    [[100, 250, 400], 350, [0, 1]],
    [[-50675, 30000], -50675, [0]],
    [[100, 100], 100, null],
    [[100, 200, 300, 400], 1000, null], // four members: beyond the group size
    [[100, 200, 300, 400], 900, [1, 2, 3]],
  ] as const)('%j → %i: %j', (values, target, group) => {
    expect(uniqueGroup(values, target)).toEqual(group);
  });
});
