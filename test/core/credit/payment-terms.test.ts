import { CellValue } from '../../../src/core/model/cells';
import { dayFromISO, dayToISO } from '../../../src/core/model/dates';
import { dueDateFor, formatTerms, parsePaymentTerms } from '../../../src/core/credit/payment-terms';
import { PaymentTerms } from '../../../src/core/model/records';

describe('parsePaymentTerms', () => {
  it.each<[CellValue, PaymentTerms]>([
    ['Net 30', { kind: 'net', days: 30 }],
    ['net30', { kind: 'net', days: 30 }],
    ['N45', { kind: 'net', days: 45 }],
    ['30', { kind: 'net', days: 30 }],
    [30, { kind: 'net', days: 30 }],
    [0, { kind: 'net', days: 0 }],
    ['30 days', { kind: 'net', days: 30 }],
    ['30天', { kind: 'net', days: 30 }],
    ['３０天', { kind: 'net', days: 30 }],
    ['账期30天', { kind: 'net', days: 30 }],
    ['60日', { kind: 'net', days: 60 }],
    ['月结30天', { kind: 'eom', days: 30 }],
    ['月结 60 天', { kind: 'eom', days: 60 }],
    ['月结', { kind: 'eom', days: 0 }],
    ['EOM 30', { kind: 'eom', days: 30 }],
    ['eom+30', { kind: 'eom', days: 30 }],
    ['30 EOM', { kind: 'eom', days: 30 }],
    ['Net 30 EOM', { kind: 'eom', days: 30 }],
    ['COD', { kind: 'net', days: 0 }],
    ['款到发货', { kind: 'net', days: 0 }],
    ['货到付款', { kind: 'net', days: 0 }],
    ['Due on receipt', { kind: 'net', days: 0 }],
  ])('reads %p', (cell, terms) => {
    expect(parsePaymentTerms(cell)).toEqual({ kind: 'ok', terms });
  });

  it.each<[CellValue]>([['net thirty'], ['30/60'], ['-30'], [30.5], [-1], ['99999'], [true], [{ error: '#N/A' }], ['2024-03-05']])(
    'refuses %p',
    (cell) => {
      expect(parsePaymentTerms(cell).kind).toBe('invalid');
    },
  );

  it.each<[CellValue]>([[null], [''], ['  ']])('reads %p as blank', (cell) => {
    expect(parsePaymentTerms(cell).kind).toBe('blank');
  });
});

describe('dueDateFor', () => {
  it.each<[string, PaymentTerms, string]>([
    ['2024-03-05', { kind: 'net', days: 30 }, '2024-04-04'],
    ['2024-03-05', { kind: 'net', days: 0 }, '2024-03-05'],
    ['2024-03-05', { kind: 'eom', days: 30 }, '2024-04-30'],
    ['2024-02-10', { kind: 'eom', days: 30 }, '2024-03-30'],
    ['2024-01-31', { kind: 'eom', days: 0 }, '2024-01-31'],
    ['2023-12-15', { kind: 'net', days: 30 }, '2024-01-14'],
    // 月结30天: the end of the invoice's month, then 30 days.
    ['2024-01-15', { kind: 'eom', days: 30 }, '2024-03-01'],
    ['2024-01-31', { kind: 'eom', days: 30 }, '2024-03-01'],
    ['2024-01-01', { kind: 'eom', days: 30 }, '2024-03-01'],
    ['2023-01-15', { kind: 'eom', days: 30 }, '2023-03-02'],
    ['2023-12-20', { kind: 'eom', days: 60 }, '2024-02-29'],
    ['2024-12-05', { kind: 'eom', days: 45 }, '2025-02-14'],
  ])('invoice of %s under %j is due %s', (day, terms, due) => {
    expect(dayToISO(dueDateFor(dayFromISO(day)!, terms))).toBe(due);
  });

  it.each<[string, string, string]>([
    ['月结30天', '2024-01-15', '2024-03-01'],
    ['EOM 30', '2024-01-15', '2024-03-01'],
    ['30 EOM', '2024-02-10', '2024-03-30'],
    ['Net 30', '2024-01-15', '2024-02-14'],
    ['30天', '2024-01-15', '2024-02-14'],
    ['COD', '2024-01-15', '2024-01-15'],
    ['款到发货', '2024-01-15', '2024-01-15'],
  ])('terms %s on %s fall due on %s', (text, day, due) => {
    const parsed = parsePaymentTerms(text);
    if (parsed.kind !== 'ok') throw new Error(`${text} did not parse`);
    expect(dayToISO(dueDateFor(dayFromISO(day)!, parsed.terms))).toBe(due);
  });

  it('writes terms back in either language and reads them again', () => {
    const all: PaymentTerms[] = [{ kind: 'net', days: 30 }, { kind: 'eom', days: 45 }, { kind: 'net', days: 0 }];
    for (const t of all) {
      for (const lang of ['en', 'zh'] as const) expect(parsePaymentTerms(formatTerms(t, lang))).toEqual({ kind: 'ok', terms: t });
    }
  });
});
