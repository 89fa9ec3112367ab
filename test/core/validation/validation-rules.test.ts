import fc from 'fast-check';
import Decimal from 'decimal.js';
import { CellValue, SheetGrid } from '../../../src/core/model/cells';
import { dayFromISO } from '../../../src/core/model/dates';
import { Finding } from '../../../src/core/model/findings';
import { recognizeSheets } from '../../../src/core/templates/header-recognition';
import { parseTables } from '../../../src/core/model/parse-records';
import { resolveSettings, Settings } from '../../../src/core/model/settings';
import { templateHeaders } from '../../../src/core/templates/template-fields';
import { TemplateKind } from '../../../src/core/templates/templates';
import { runValidation, validateWorkbook } from '../../../src/core/validation/validation';

const d = (iso: string): number => dayFromISO(iso) as number;

function grid(name: string, kind: TemplateKind, rows: CellValue[][], extraHeaders: string[] = []): SheetGrid {
  return { name, rows: [[...templateHeaders(kind, 'en'), ...extraHeaders], ...rows] };
}

/** All findings of parsing and validation, as "code@cell" sorted. */
function run(sheets: SheetGrid[], settings: Partial<Settings> = {}): Finding[] {
  const s = resolveSettings(settings);
  const maps = recognizeSheets(sheets, s);
  const { parsed, findings } = parseTables(sheets, maps, s);
  return [...findings, ...validateWorkbook(parsed, s, d('2024-03-31'))];
}
const codes = (fs: Finding[]): string[] => fs.map((f) => `${f.code}@${f.sheet === 'Sales' ? '' : f.sheet + '!'}${f.cell}`).sort();

// Sales columns: A Date, B Document No, C Invoice No, D Customer ID, E Customer Name, F Product, G Category,
// H Quantity, I Unit Price, J Amount, K Tax Rate, L Tax, M Total, N Due Date, O Sales Rep.
type SaleCells = Partial<Record<'date' | 'doc' | 'inv' | 'cust' | 'name' | 'q' | 'p' | 'a' | 'r' | 't' | 'g' | 'due', CellValue>>;
function saleRow(c: SaleCells = {}): CellValue[] {
  const v = { date: d('2024-03-05'), doc: 'S1', inv: '24310001', cust: 'C1', name: null, q: 10, p: 100, a: 1000, r: 0.13, t: 130, g: 1130, due: d('2024-04-04'), ...c };
  return [v.date, v.doc, v.inv, v.cust, v.name, 'Widget', 'HW', v.q, v.p, v.a, v.r, v.t, v.g, v.due, 'Li'];
}
const sales = (...rows: CellValue[][]): SheetGrid => grid('Sales', 'sales', rows);
const customers = (...rows: CellValue[][]): SheetGrid => grid('Customers', 'customers', rows);
const cust = (id: string, name: string, more: CellValue[] = []): CellValue[] => [id, name, ...more];

describe('sales rules', () => {
  it.each<[string, SaleCells, string[]]>([
    ['a clean line', {}, []],
    ['amount ≠ quantity × price', { a: 1001, t: 130.13, g: 1131.13 }, ['amount-calc@J2']],
    ['amount rounded to the cent', { q: 3, p: 33.333, a: 100, t: 13, g: 113 }, []],
    ['amount within the tolerance', { a: 1000.01, t: 130, g: 1130.01 }, []],
    ['amount just outside the tolerance', { a: 1000.02, t: 130, g: 1130.02 }, ['amount-calc@J2']],
    ['tax ≠ amount × rate', { t: 131.5, g: 1131.5 }, ['tax-calc@L2']],
    ['tax rounds half away from zero', { q: 1, p: 0.5, a: 0.5, t: 0.07, g: 0.57 }, []],
    ['total ≠ amount + tax', { g: 1130.5 }, ['total-calc@M2']],
    ['total from the rate when Tax is blank', { t: null, g: 1130 }, []],
    ['total wrong with Tax blank', { t: null, g: 1140 }, ['total-calc@M2']],
    ['credit note (negative quantity and amount)', { q: -1, a: -100, t: -13, g: -113 }, []],
    ['negative quantity on a positive line', { q: -10, p: -100 }, ['range@H2', 'range@I2']],
    ['rate not allowed', { r: 0.17, t: 170, g: 1170 }, ['list@K2']],
    ['rate as percent points', { r: 13 }, []],
    ['rate as text', { r: '9%', t: 90, g: 1090 }, []],
    ['invoice no too short', { inv: '1234567' }, ['pattern@C2']],
    ['20-digit invoice no', { inv: '12345678901234567890' }, []],
    ['blank invoice no', { inv: null }, []],
    ['due before date', { due: d('2024-03-04') }, ['date-order@N2']],
    ['due on the date', { due: d('2024-03-05') }, []],
    ['blank document no', { doc: null }, ['required@B2']],
    ['blank amount', { a: null, t: null, g: null }, ['required@J2']],
    ['error value in amount: no calc from it', { a: { error: '#N/A' } }, ['type@J2']],
    ['TRUE in quantity', { q: true }, ['type@H2']],
    ['text in unit price', { p: 'ten' }, ['type@I2']],
    ['day-first date is refused', { date: '05/03/2024' }, ['type@A2']],
    ['error value in tax: total not judged', { t: { error: '#DIV/0!' }, g: 9999 }, ['type@L2']],
    ['unreadable rate', { r: 'high' }, ['type@K2']],
  ])('%s', (_label, cells, expected) => {
    expect(codes(run([sales(saleRow(cells))]))).toEqual(expected);
  });

  it('compares exactly where floats would not (0.1 × 3 = 0.30)', () => {
    expect(codes(run([sales(saleRow({ q: 3, p: 0.1, a: 0.3, r: 0, t: 0, g: 0.3 }))]))).toEqual([]);
  });

  it('uses the configured tolerance, tax rates and invoice lengths', () => {
    const row = saleRow({ a: 1000.5, t: 130.07, g: 1130.57, r: 0.13, inv: '1234567890' });
    expect(codes(run([sales(row)]))).toEqual(['amount-calc@J2', 'pattern@C2']);
    expect(codes(run([sales(row)], { roundingTolerance: '1', invoiceNoLengths: [10] }))).toEqual([]);
    expect(codes(run([sales(saleRow({ r: 0.13 }))], { taxRates: ['0.06'] }))).toEqual(['list@K2']);
  });

  it('reads amounts with a decimal comma when the settings say so, or when the column writes them so', () => {
    const row = saleRow({ a: '1.000,00', t: '130,00', g: '1 130,00' });
    expect(codes(run([sales(row)], { decimalComma: true }))).toEqual([]);
    expect(codes(run([sales(row)]))).toEqual([]);
    // One column's form does not leak into another: 1,130.00 stays a decimal-point amount.
    expect(codes(run([sales(saleRow({ a: '1.000,00', t: '130,00', g: '1,130.00' }))]))).toEqual([]);
  });

  it('keeps large values exact (the integer path falls back to decimals)', () => {
    const row = saleRow({ q: 123456789, p: 98765.4321, a: '12193263111263.55', t: null, g: null, r: null });
    expect(codes(run([sales(row)]))).toEqual(['amount-calc@J2']);
    const ok = saleRow({ q: 123456789, p: 98765.4321, a: '12193263111263.53', t: null, g: null, r: null });
    expect(codes(run([sales(ok)]))).toEqual([]);
  });
});

describe('duplicates', () => {
  it('flags every occurrence after the first and says where the first is', () => {
    const fs = run([sales(saleRow({ doc: 'S1' }), saleRow({ doc: 'S1', inv: '24310002' }), saleRow({ doc: 'S1', inv: '24310003' }))]);
    const dups = fs.filter((f) => f.code === 'duplicate');
    expect(dups.map((f) => f.cell)).toEqual(['B3', 'B4']);
    expect(dups.every((f) => f.message.includes('Sales!B2'))).toBe(true);
    expect(new Set(dups.map((f) => f.id)).size).toBe(2);
  });

  it('checks Document No across sales sheets and names the other sheet', () => {
    const fs = run([sales(saleRow({ doc: 'S1' })), { ...sales(saleRow({ doc: 'S1', inv: '24310009' })), name: 'Sales Feb' }]);
    const dup = fs.find((f) => f.code === 'duplicate');
    expect([dup?.sheet, dup?.cell]).toEqual(['Sales Feb', 'B2']);
    expect(dup?.message).toContain('Sales!B2');
  });

  it.each<[string, SheetGrid, string]>([
    ['customer id', customers(cust('C1', 'A'), cust('C1', 'B')), 'Customers!A3'],
    ['receipt no', grid('Receipts', 'receipts', [[d('2024-03-05'), 'R1', 'C1', 5], [d('2024-03-06'), 'R1', 'C1', 6]]), 'Receipts!B3'],
    ['invoice no', sales(saleRow({ doc: 'S1' }), saleRow({ doc: 'S2' })), 'C3'],
  ])('flags a duplicate %s', (_label, sheet, cell) => {
    expect(codes(run([sheet])).filter((c) => c.startsWith('duplicate'))).toEqual([`duplicate@${cell}`]);
  });
});

describe('customers', () => {
  it.each<[string, CellValue[], string[]]>([
    ['valid tax id and terms', cust('C1', 'A', ['91350100M000100Y43', 1000, 'Net 30', 'A', 'Active', '', 'a@b.cn']), []],
    ['bad check character', cust('C1', 'A', ['91350100M000100Y44']), ['tax-id@Customers!C2']],
    ['tax id one character short', cust('C1', 'A', ['9135010000M000100Y']), ['tax-id@Customers!C2']],
    ['negative limit', cust('C1', 'A', ['', -1]), ['range@Customers!D2']],
    ['unreadable terms', cust('C1', 'A', ['', null, 'sometimes']), ['pattern@Customers!E2']],
    ['rating E', cust('C1', 'A', ['', null, null, 'E']), ['list@Customers!F2']],
    ['status in Chinese', cust('C1', 'A', ['', null, null, null, '冻结']), []],
    ['unknown status', cust('C1', 'A', ['', null, null, null, 'Paused?']), ['list@Customers!G2']],
    ['bad e-mail', cust('C1', 'A', ['', null, null, null, null, '', 'a@b']), ['pattern@Customers!I2']],
    ['two e-mails', cust('C1', 'A', ['', null, null, null, null, '', 'a@b.cn; c@d.com']), []],
    ['blank name', cust('C1', ''), ['required@Customers!B2']],
  ])('%s', (_label, row, expected) => {
    expect(codes(run([customers(row)]))).toEqual(expected);
  });
});

describe('customer references', () => {
  const custs = customers(cust('C1', 'Shanghai Mingda Trading Co., Ltd.'), cust('C2', '杭州瑞丰（集团）有限公司'));

  it.each<[string, SaleCells, string[]]>([
    ['known id', { cust: 'C1' }, []],
    ['unknown id', { cust: 'C9' }, ['unknown-customer@D2']],
    ['name agrees up to case, spaces and punctuation', { cust: 'C1', name: 'SHANGHAI MINGDA TRADING CO LTD' }, []],
    ['full-width brackets agree', { cust: 'C2', name: '杭州瑞丰(集团)有限公司' }, []],
    ['another name', { cust: 'C1', name: 'Mingda Holdings' }, ['name-mismatch@E2']],
  ])('%s', (_label, cells, expected) => {
    expect(codes(run([custs, sales(saleRow(cells))]))).toEqual(expected);
  });

  it('does not report unknown customers when the workbook has no customers sheet', () => {
    expect(codes(run([sales(saleRow({ cust: 'C9' }))]))).toEqual([]);
  });

  it('reports name-mismatch as a warning', () => {
    const f = run([custs, sales(saleRow({ cust: 'C1', name: 'Other' }))]).find((x) => x.code === 'name-mismatch');
    expect([f?.severity, f?.expected, f?.actual]).toEqual(['warning', 'Shanghai Mingda Trading Co., Ltd.', 'Other']);
  });
});

describe('receipts', () => {
  const receipts = (...rows: CellValue[][]): SheetGrid => grid('Receipts', 'receipts', rows);
  it.each<[string, CellValue[], string[]]>([
    ['positive', [d('2024-03-05'), 'R1', 'C1', 100, 'Bank transfer'], []],
    ['negative', [d('2024-03-05'), 'R1', 'C1', -100], ['range@Receipts!D2']],
    ['zero', [d('2024-03-05'), 'R1', 'C1', 0], ['range@Receipts!D2']],
    ['method in Chinese', [d('2024-03-05'), 'R1', 'C1', 100, '承兑汇票'], []],
    ['unknown method', [d('2024-03-05'), 'R1', 'C1', 100, 'Bitcoin'], ['list@Receipts!E2']],
    ['blank date', [null, 'R1', 'C1', 100], ['required@Receipts!A2']],
  ])('%s', (_label, row, expected) => {
    expect(codes(run([receipts(row)]))).toEqual(expected);
  });
});

describe('statement balance', () => {
  const stmt = (...rows: CellValue[][]): SheetGrid => grid('Statement', 'statement', rows);
  const L = (c: string, ref: string, desc: string, billed: CellValue, paid: CellValue, bal: CellValue): CellValue[] =>
    [c, d('2024-03-05'), ref, desc, billed, paid, bal];

  it.each<[string, CellValue[][], string[]]>([
    ['adds up from zero', [L('C1', 'A', 'x', 100, null, 100), L('C1', 'B', 'x', null, 40, 60)], []],
    ['opening balance starts the chain', [L('C1', '', 'Opening balance', null, null, 500), L('C1', 'A', 'x', 100, null, 600)], []],
    ['上期结余 starts the chain', [L('C1', '', '上期结余', null, null, 500), L('C1', 'A', 'x', 100, null, 600)], []],
    ['wrong balance reported once', [L('C1', 'A', 'x', 100, null, 150), L('C1', 'B', 'x', 10, null, 160)], ['balance-calc@Statement!G2']],
    ['blank balance carries the computed one', [L('C1', 'A', 'x', 100, null, null), L('C1', 'B', 'x', 10, null, 110)], []],
    ['customers interleaved keep their own chains', [
      L('C1', 'A', 'x', 100, null, 100), L('C2', 'B', 'x', 7, null, 7), L('C1', 'C', 'x', 1, null, 101), L('C2', 'D', 'x', 1, null, 9),
    ], ['balance-calc@Statement!G5']],
    ['unreadable billed restarts without judging', [L('C1', 'A', 'x', '#REF!', null, 100), L('C1', 'B', 'x', { error: '#REF!' }, null, 999), L('C1', 'C', 'x', 1, null, 1000)], ['type@Statement!E3', 'type@Statement!E2'].sort()],
    ['within the rounding tolerance', [L('C1', 'A', 'x', 100, null, 100.01)], []],
  ])('%s', (_label, rows, expected) => {
    expect(codes(run([stmt(...rows)]))).toEqual(expected);
  });

  it('flags exactly the rows a decimal reference flags (property)', () => {
    const cents = fc.integer({ min: -10_000_000, max: 10_000_000 }).map((c) => c / 100);
    const item = fc.record({ billed: fc.option(cents, { nil: null }), paid: fc.option(cents, { nil: null }), off: fc.constantFrom(0, 0, 0, 0.01, 0.02, -0.5) });
    fc.assert(fc.property(fc.array(item, { minLength: 1, maxLength: 25 }), (items) => {
      let truth = new Decimal(0);
      const rows: CellValue[][] = [];
      const want: string[] = [];
      let running = new Decimal(0);
      items.forEach((it, i) => {
        truth = truth.plus(it.billed ?? 0).minus(it.paid ?? 0);
        const written = truth.plus(it.off);
        rows.push(L('C1', `R${i}`, 'x', it.billed, it.paid, written.toNumber()));
        const expected = running.plus(it.billed ?? 0).minus(it.paid ?? 0);
        if (new Decimal(written.toNumber()).minus(expected).abs().gt('0.01')) want.push(`balance-calc@Statement!G${i + 2}`);
        running = new Decimal(written.toNumber());
      });
      expect(codes(run([stmt(...rows)]))).toEqual(want.sort());
    }), { numRuns: 60 });
  });

  it('takes the statement customer from the settings when the sheet has no Customer ID column', () => {
    const s = resolveSettings({ statementCustomerId: 'C7' });
    const sheet: SheetGrid = { name: 'Theirs', rows: [['Date', 'Reference', 'Description', 'Billed', 'Paid', 'Balance'], [d('2024-03-05'), 'A', 'x', 5, null, 5]] };
    const { parsed } = parseTables([sheet], recognizeSheets([sheet], s), s);
    expect(parsed.statements[0].records[0].customerId).toBe('C7');
  });

  it.each([['Opening balance'], ['Balance brought forward'], ['Balance b/f'], ['期初余额'], ['上期结余'], ['上月结余']])('%p marks an opening row', (desc) => {
    const sheet = stmt(L('C1', '', desc, null, null, 10));
    const s = resolveSettings();
    expect(parseTables([sheet], recognizeSheets([sheet], s), s).parsed.statements[0].records[0].isOpening).toBe(true);
  });
});

describe('headers, merged cells and blank rows', () => {
  it('reports unmapped columns as info at the header cell', () => {
    const fs = run([grid('Sales', 'sales', [saleRow()], ['Colour', 'Remark 2'])]);
    expect(fs.map((f) => [f.code, f.cell, f.severity])).toEqual([['unmapped-column', 'P1', 'info'], ['unmapped-column', 'Q1', 'info']]);
  });

  it('reports a missing required column once, at the first free header cell', () => {
    const sheet: SheetGrid = { name: 'Sales', rows: [['Date', 'Document No', 'Amount'], [d('2024-03-05'), 'S1', 100]] };
    expect(codes(run([sheet]))).toEqual(['required@D1']);
  });

  it('asks to unmerge a merged area in the data, once, at its top-left cell', () => {
    const sheet: SheetGrid = { ...sales(saleRow({ doc: 'S1' }), saleRow({ doc: null, inv: '24310002' })), merged: ['B2:B3', 'A1:B1'] };
    const fs = run([sheet]);
    expect(codes(fs)).toEqual(['type@B2']);
    expect(fs[0].message).toContain('B2:B3');
  });

  it('reports each of many merged areas once, at its own top-left cell', () => {
    const rows = Array.from({ length: 2000 }, (_, i) => saleRow({ doc: `S${i}`, inv: String(24310000 + i) }));
    const merged = Array.from({ length: 1000 }, (_, k) => `O${2 + 2 * k}:O${3 + 2 * k}`);
    const fs = run([{ ...sales(...rows), merged }]);
    expect(fs.map((f) => `${f.code}@${f.cell}`)).toEqual(merged.map((m) => `type@${m.split(':')[0]}`));
    expect(new Set(fs.map((f) => f.id)).size).toBe(1000);
  });

  it('skips blank rows and keeps Excel row numbers', () => {
    const sheet = sales([], [null, '  ', null], saleRow({ a: 1, r: null, t: null, g: null }));
    const s = resolveSettings();
    const { parsed } = parseTables([sheet], recognizeSheets([sheet], s), s);
    expect(parsed.sales[0].records.map((r) => r.row)).toEqual([4]);
    expect(codes(run([sheet]))).toEqual(['amount-calc@J4']);
  });
});

describe('finding ids', () => {
  it('survive sorting and inserted rows (keyed by Document No, not row)', () => {
    const a = run([sales(saleRow({ doc: 'S1', a: 1 }), saleRow({ doc: 'S2', inv: '24310002' }))]);
    const b = run([sales(saleRow({ doc: 'S0', inv: '24310003' }), saleRow({ doc: 'S2', inv: '24310002' }), [], saleRow({ doc: 'S1', a: 1 }))]);
    const idOf = (fs: Finding[]): string | undefined => fs.find((f) => f.code === 'amount-calc')?.id;
    expect(idOf(a)).toBeDefined();
    expect(idOf(b)).toBe(idOf(a));
    expect(b.find((f) => f.code === 'amount-calc')?.cell).toBe('J5');
  });

  it('fall back to the row content when the key is blank, and separate true repeats', () => {
    const fs = run([sales(saleRow({ doc: null, inv: '24310001' }), saleRow({ doc: null, inv: '24310001' }))]);
    const req = fs.filter((f) => f.code === 'required');
    expect(req).toHaveLength(2);
    expect(req[0].id).not.toBe(req[1].id);
    const again = run([sales(saleRow({ doc: null, inv: '24310001' }), saleRow({ doc: null, inv: '24310001' }))]);
    expect(again.map((f) => f.id)).toEqual(fs.map((f) => f.id));
  });
});

describe('rules of one market apply where the data fits them', () => {
  const invoices = (...nos: string[]): SheetGrid => sales(...nos.map((inv, i) => saleRow({ inv, doc: `S${i + 1}` })));

  it('leaves English invoice ids alone and says why the fapiao rule did not run', () => {
    const s = resolveSettings();
    const sheets = [invoices('INV0001', 'INV0002', 'INV0003')];
    const { parsed } = parseTables(sheets, recognizeSheets(sheets, s), s);
    const { findings, skipped } = runValidation(parsed, s, d('2024-03-31'));
    expect(findings.filter((f) => f.code === 'pattern')).toEqual([]);
    const market = skipped.filter((k) => k.reason === 'data-does-not-fit');
    expect(market.map((k) => [k.check, k.sheet])).toEqual([['invoice-pattern', 'Sales']]);
    expect(market[0].message).toContain('INV0001');
  });

  it('flags the odd one out where most invoice numbers are fapiao numbers', () => {
    expect(codes(run([invoices('24310001', '24310002', 'INV0003')]))).toEqual(['pattern@C4']);
  });

  it('applies the fapiao rule to every column when the settings say so, and none when they say none', () => {
    expect(codes(run([invoices('INV0001', 'A2431000')], { invoiceNoRule: 'fapiao' }))).toEqual(['pattern@C2', 'pattern@C3']);
    expect(codes(run([invoices('24310001', '1234567')], { invoiceNoRule: 'none' }))).toEqual([]);
  });

  it('checks USCC only where tax ids look like USCC, unless the settings ask', () => {
    const vat = customers(cust('C1', 'A', ['GB123456789']), cust('C2', 'B', ['GB987654321']));
    expect(codes(run([vat]))).toEqual([]);
    expect(codes(run([vat], { taxIdRule: 'uscc' }))).toEqual(['tax-id@Customers!C2', 'tax-id@Customers!C3']);
  });
});
