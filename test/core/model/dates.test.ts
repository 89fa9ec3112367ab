import fc from 'fast-check';
import {
  dayFromISO, dayFromJsDate, dayFromYMD, dayToISO, daysInMonth, endOfMonth, MAX_SERIAL, parseDate, ymd,
} from '../../../src/core/model/dates';
import { CellValue } from '../../../src/core/model/cells';

describe('Excel serials', () => {
  it.each<[number, string]>([
    [1, '1900-01-01'],
    [59, '1900-02-28'],
    [60, '1900-02-29'],
    [61, '1900-03-01'],
    [366, '1900-12-31'],
    [25569, '1970-01-01'],
    [36526, '2000-01-01'],
    [45356, '2024-03-05'],
    [45351, '2024-02-29'],
    [MAX_SERIAL, '9999-12-31'],
  ])('serial %i is %s and back', (serial, iso) => {
    expect(dayToISO(serial)).toBe(iso);
    expect(dayFromISO(iso)).toBe(serial);
  });

  it.each<[number, number, number]>([
    [2023, 2, 29], [2024, 13, 1], [2024, 4, 31], [2024, 0, 10], [99, 1, 1], [10000, 1, 1], [2024.5, 1, 1],
  ])('%i-%i-%i is no date', (y, m, d) => {
    expect(dayFromYMD(y, m, d)).toBeNull();
  });

  it('knows month lengths and month ends', () => {
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2023, 2)).toBe(28);
    expect(dayToISO(endOfMonth(dayFromISO('2024-02-10')!))).toBe('2024-02-29');
    expect(dayToISO(endOfMonth(dayFromISO('2024-12-31')!))).toBe('2024-12-31');
  });

  it('takes a JS date at its UTC calendar day', () => {
    expect(dayFromJsDate(new Date(Date.UTC(2024, 2, 5, 23, 59)))).toBe(45356);
    expect(dayFromJsDate(new Date('nonsense'))).toBeNull();
  });

  it('round-trips every serial through its civil date (property)', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: MAX_SERIAL }), (serial) => {
      const { y, m, d } = ymd(serial);
      expect(dayFromYMD(y, m, d)).toBe(serial);
      expect(dayFromISO(dayToISO(serial))).toBe(serial);
    }));
  });

  it('consecutive serials are consecutive days (property)', () => {
    fc.assert(fc.property(fc.integer({ min: 61, max: MAX_SERIAL - 1 }), (serial) => {
      const a = new Date(dayToISO(serial) + 'T00:00:00Z').getTime();
      const b = new Date(dayToISO(serial + 1) + 'T00:00:00Z').getTime();
      expect(b - a).toBe(86_400_000);
    }));
  });
});

describe('parseDate', () => {
  it.each<[CellValue, string]>([
    [45356, '2024-03-05'],
    [45356.75, '2024-03-05'],
    ['2024-03-05', '2024-03-05'],
    ['2024/3/5', '2024-03-05'],
    ['2024.3.5', '2024-03-05'],
    ['2024年3月5日', '2024-03-05'],
    ['2024 年 3 月 5 日', '2024-03-05'],
    ['2024年3月5号', '2024-03-05'],
    ['2024年3月5', '2024-03-05'],
    ['20240305', '2024-03-05'],
    ['2024-03-05 10:30', '2024-03-05'],
    ['2024-03-05T10:30:15', '2024-03-05'],
    ['  2024-3-5 ', '2024-03-05'],
    ['２０２４－０３－０５', '2024-03-05'],
    ['２０２４年３月５日', '2024-03-05'],
    ['２０２４／３／５', '2024-03-05'],
  ])('reads %p as %s', (cell, iso) => {
    const r = parseDate(cell);
    expect(r.kind).toBe('ok');
    if (r.kind === 'ok') expect(dayToISO(r.day)).toBe(iso);
  });

  it.each<[CellValue, string]>([
    ['05/03/2024', 'not-a-date'],
    ['2024-02-30', 'not-a-date'],
    ['2023年2月29日', 'not-a-date'],
    ['March 5', 'not-a-date'],
    ['20241305', 'not-a-date'],
    [0, 'not-a-date'],
    [-3, 'not-a-date'],
    [MAX_SERIAL + 1, 'not-a-date'],
    [Number.NaN, 'not-a-date'],
    [true, 'boolean'],
    [{ error: '#N/A' }, 'error-cell'],
  ])('refuses %p (%s)', (cell, reason) => {
    const r = parseDate(cell);
    expect(r.kind).toBe('invalid');
    if (r.kind === 'invalid') expect(r.reason).toBe(reason);
  });

  it.each<[CellValue]>([[null], [''], ['  ']])('reads %p as blank', (cell) => {
    expect(parseDate(cell).kind).toBe('blank');
  });
});
