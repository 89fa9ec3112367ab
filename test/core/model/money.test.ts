import fc from 'fast-check';
import {
  Decimal, formatMoney, moneyString, parseMoney, roundCents, spellMoney, sumMoney, toChineseCapitals, withinTolerance,
} from '../../../src/core/model/money';
import { CellValue } from '../../../src/core/model/cells';

const ok = (v: CellValue, opts = {}): string | null => {
  const r = parseMoney(v, opts);
  return r.kind === 'ok' ? r.value.toFixed() : null;
};

describe('parseMoney', () => {
  it.each<[CellValue, string]>([
    [1234.5, '1234.5'],
    [0.1, '0.1'],
    [-17, '-17'],
    ['1,234.50', '1234.5'],
    ['1234.50', '1234.5'],
    ['¥1,234.50', '1234.5'],
    ['￥1,234.50', '1234.5'],
    ['RMB 1,234.50', '1234.5'],
    ['CNY1234', '1234'],
    ['USD 10.25', '10.25'],
    ['1234.50元', '1234.5'],
    ['1,234.50 元', '1234.5'],
    ['(1,234.50)', '-1234.5'],
    ['(¥1,234.50)', '-1234.5'],
    ['-1,234.50', '-1234.5'],
    ['-¥1,234.50', '-1234.5'],
    ['¥-1,234.50', '-1234.5'],
    ['1234-', '-1234'],
    ['\u22125', '-5'],
    ['.5', '0.5'],
    ['  42  ', '42'],
    ['１２３４．５０', '1234.5'],
    ['１，２３４', '1234'],
    ['0.000001', '0.000001'],
  ])('reads %p as %s', (cell, expected) => {
    expect(ok(cell)).toBe(expected);
  });

  it.each<[CellValue, string]>([
    ['-1 234,50', '-1234.5'],
    ['1.234,50', '1234.5'],
    ['1234,5', '1234.5'],
    ['1\u00A0234,50', '1234.5'],
  ])('reads %p with a decimal comma as %s', (cell, expected) => {
    expect(ok(cell, { decimalComma: true })).toBe(expected);
  });

  it.each<[CellValue, string]>([
    ['-1 234,50', 'not-a-number'],
    ['1,23', 'not-a-number'],
    ['1,2345.00', 'not-a-number'],
    ['abc', 'not-a-number'],
    ['1e5', 'not-a-number'],
    ['12..5', 'not-a-number'],
    // Longer than any amount is written: a hostile file's megabyte strings are turned down at once.
    ['1'.repeat(65), 'not-a-number'],
    [`¥${'9'.repeat(70)}元`, 'not-a-number'],
    [Number.POSITIVE_INFINITY, 'not-a-number'],
    [Number.NaN, 'not-a-number'],
    [{ error: '#N/A' }, 'error-cell'],
    [{ error: '#VALUE!' }, 'error-cell'],
    [true, 'boolean'],
    [false, 'boolean'],
  ])('refuses %p (%s)', (cell, reason) => {
    const r = parseMoney(cell);
    expect(r.kind).toBe('invalid');
    if (r.kind === 'invalid') expect(r.reason).toBe(reason);
  });

  it.each<[CellValue]>([[null], [''], ['   ']])('reads %p as blank', (cell) => {
    expect(parseMoney(cell).kind).toBe('blank');
  });

  it('keeps the text of an error cell for the message', () => {
    const r = parseMoney({ error: '#N/A' });
    expect(r).toEqual({ kind: 'invalid', text: '#N/A', reason: 'error-cell' });
  });

  it('round-trips every amount it formats (property)', () => {
    fc.assert(fc.property(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), (cents) => {
      const m = new Decimal(cents.toString()).dividedBy(100);
      const back = parseMoney(formatMoney(m));
      expect(back.kind).toBe('ok');
      if (back.kind === 'ok') expect(back.value.eq(m)).toBe(true);
      const plain = parseMoney(moneyString(m));
      if (plain.kind === 'ok') expect(plain.value.eq(m)).toBe(true);
      else throw new Error('moneyString not readable');
    }));
  });
});

describe('formatting and arithmetic', () => {
  it.each<[string, string, string]>([
    ['1234567.891', '1,234,567.89', '1234567.89'],
    ['-1234.5', '-1,234.50', '-1234.50'],
    ['0.005', '0.01', '0.01'],
    ['-0.005', '-0.01', '-0.01'],
    ['-0.001', '0.00', '0.00'],
    ['0', '0.00', '0.00'],
    ['999.995', '1,000.00', '1000.00'],
  ])('%s formats as %s and %s', (v, shown, plain) => {
    expect(formatMoney(new Decimal(v))).toBe(shown);
    expect(moneyString(new Decimal(v))).toBe(plain);
  });

  it('rounds half away from zero', () => {
    expect(roundCents(new Decimal('2.345')).toFixed()).toBe('2.35');
    expect(roundCents(new Decimal('-2.345')).toFixed()).toBe('-2.35');
  });

  it('sums exactly where floats would drift', () => {
    expect(sumMoney([new Decimal('0.1'), new Decimal('0.2')]).toFixed()).toBe('0.3');
    expect(withinTolerance(new Decimal('10.00'), new Decimal('10.01'), new Decimal('0.01'))).toBe(true);
    expect(withinTolerance(new Decimal('10.00'), new Decimal('10.02'), new Decimal('0.01'))).toBe(false);
  });
});

describe('toChineseCapitals', () => {
  it.each<[string, string]>([
    ['12345.67', '壹万贰仟叁佰肆拾伍元陆角柒分'],
    ['1.05', '壹元零伍分'],
    ['100001', '壹拾万零壹元整'],
    ['0', '零元整'],
    ['100', '壹佰元整'],
    ['10', '壹拾元整'],
    ['0.5', '伍角整'],
    ['0.05', '伍分'],
    ['-5', '负伍元整'],
    ['-1234.56', '负壹仟贰佰叁拾肆元伍角陆分'],
    ['1010', '壹仟零壹拾元整'],
    ['10010', '壹万零壹拾元整'],
    ['1000010', '壹佰万零壹拾元整'],
    ['100000000', '壹亿元整'],
    ['100010000', '壹亿零壹万元整'],
    ['100000001', '壹亿零壹元整'],
    ['1000000000000', '壹万亿元整'],
    ['1680.32', '壹仟陆佰捌拾元叁角贰分'],
    ['0.004', '零元整'],
    ['0.995', '壹元整'],
    // FORMS.md's examples from the payment-settlement rules (支付结算办法).
    ['1409.50', '壹仟肆佰零玖元伍角整'],
    ['6007.14', '陆仟零柒元壹角肆分'],
    ['107000.53', '壹拾万零柒仟元伍角叁分'],
    ['325.04', '叁佰贰拾伍元零肆分'],
    ['1005.00', '壹仟零伍元整'],
    ['-1005.00', '负壹仟零伍元整'],
    ['20000.10', '贰万元壹角整'],
    ['30005.06', '叁万零伍元零陆分'],
  ])('%s → %s', (v, expected) => {
    expect(toChineseCapitals(new Decimal(v))).toBe(expected);
  });

  it('never leaves a doubled or trailing 零 (property)', () => {
    fc.assert(fc.property(fc.bigInt({ min: 1n, max: 10n ** 14n }), (cents) => {
      const s = toChineseCapitals(new Decimal(cents.toString()).dividedBy(100));
      expect(s).not.toMatch(/零零|零[元万亿]|^零[^元]/);
      expect(s).toMatch(/(整|分)$/);
    }));
  });
});

describe('spellMoney: one spelling of money in messages, notes and the pane', () => {
  it.each([
    ['1119.20', '1,119.20'],
    ['1119.2', '1,119.20'],
    ['2748.95', '2,748.95'],
    ['551915.89', '551,915.89'],
    ['-40', '-40.00'],
    ['0', '0.00'],
    ['-0.004', '0.00'],
    ['999.995', '1,000.00'],
    ['-2.345', '-2.35'],
    ['1234567.005', '1,234,567.01'],
    ['.5', '0.50'],
    ['C001', 'C001'],
    ['2024-03-05', '2024-03-05'],
    ['', ''],
  ])('%s is spelled %s', (text, spelled) => {
    expect(spellMoney(text)).toBe(spelled);
  });
});
