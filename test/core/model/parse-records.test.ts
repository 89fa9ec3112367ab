import Decimal from 'decimal.js';
import { CellValue, SheetGrid } from '../../../src/core/model/cells';
import { dayFromISO } from '../../../src/core/model/dates';
import { recognizeSheets } from '../../../src/core/templates/header-recognition';
import { parseTables } from '../../../src/core/model/parse-records';
import { grossOf } from '../../../src/core/model/records';
import { resolveSettings, Settings } from '../../../src/core/model/settings';
import { templateHeaders } from '../../../src/core/templates/template-fields';
import { TemplateKind } from '../../../src/core/templates/templates';

function parse(kind: TemplateKind, rows: CellValue[][], settings: Partial<Settings> = {}) {
  const s = resolveSettings(settings);
  const sheet: SheetGrid = { name: 'S', rows: [templateHeaders(kind, 'en'), ...rows] };
  return parseTables([sheet], recognizeSheets([sheet], s), s);
}

describe('parseTables', () => {
  it('reads a sales row into typed fields with exact decimals', () => {
    const { parsed, findings } = parse('sales', [
      ['2024-03-05', ' S1 ', 24310001, 'C1', 'Acme', 'W', 'HW', 3, 0.1, '¥0.30', '13%', 0.04, 0.34, 45385, 'Li'],
    ]);
    expect(findings).toEqual([]);
    const r = parsed.sales[0].records[0];
    expect([r.sheet, r.row, r.date, r.docNo, r.invoiceNo, r.dueDate]).toEqual(['S', 2, dayFromISO('2024-03-05'), 'S1', '24310001', 45385]);
    expect(r.unitPrice?.toString()).toBe('0.1');
    expect(r.amount?.toString()).toBe('0.3');
    expect(r.taxRate?.toString()).toBe('0.13');
    expect(r.quantity?.times(r.unitPrice as Decimal).eq(r.amount as Decimal)).toBe(true);
    expect(grossOf(r)?.toString()).toBe('0.34');
  });

  it('lets a money field be reassigned like a plain property', () => {
    const r = parse('receipts', [['2024-03-05', 'R1', 'C1', 10]]).parsed.receipts[0].records[0];
    expect(r.amount?.toString()).toBe('10');
    r.amount = new Decimal('12.5');
    expect(r.amount.toString()).toBe('12.5');
    r.amount = null;
    expect(r.amount).toBeNull();
  });

  it.each<[string, CellValue, string]>([
    ['an error value', { error: '#N/A' }, 'Amount holds the error value #N/A; enter an amount.'],
    ['a boolean', false, 'Amount holds FALSE; enter an amount.'],
    ['text', '12abc', 'Amount “12abc” is not an amount.'],
  ])('turns %s in a money column into a type finding and a null field', (_l, cell, message) => {
    const { parsed, findings } = parse('receipts', [['2024-03-05', 'R1', 'C1', cell]]);
    expect(parsed.receipts[0].records[0].amount).toBeNull();
    expect(findings.map((f) => [f.code, f.cell, f.message])).toEqual([['type', 'D2', message]]);
  });

  it('reads enumerations in either language', () => {
    const { parsed, findings } = parse('customers', [['C1', 'A', '', '', '月结30天', 'b', '正常'], ['C2', 'B', '', '', 'COD', 'D级', 'On hold']]);
    expect(findings).toEqual([]);
    expect(parsed.customers[0].records.map((c) => [c.paymentTerms, c.creditRating, c.status])).toEqual([
      [{ kind: 'eom', days: 30 }, 'B', 'active'],
      [{ kind: 'net', days: 0 }, 'D', 'on-hold'],
    ]);
  });

  it('writes type messages in Chinese for a Chinese workbook', () => {
    const { findings } = parse('receipts', [['2024-03-05', 'R1', 'C1', { error: '#N/A' }]], { lang: 'zh' });
    expect(findings[0].message).toBe('收款金额为错误值 #N/A，请填写金额。');
  });

  it('survives a hostile sheet: ragged rows, huge numbers, formula-looking text', () => {
    const { parsed, findings } = parse('sales', [
      ['=cmd|" /c calc"!A0', '+S1', '@x', '-1', null, null, null, 1e308, Number.NaN, Infinity],
      [],
      ['2024-03-05'],
    ]);
    expect(parsed.sales[0].records).toHaveLength(2);
    expect(findings.map((f) => `${f.code}@${f.cell}`).sort()).toEqual(['type@A2', 'type@I2', 'type@J2']);
  });
});
