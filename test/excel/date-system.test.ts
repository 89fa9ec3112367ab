import { dayFromISO } from '../../src/core/model/dates';
import { dateSystemFromTexts, DAYS_1904 } from '../../src/excel/date-system';
import { AFTER_FAILURE, ERROR_MESSAGES } from '../../src/excel/error-messages';
import { createExcelOps } from '../../src/excel/workbook-ops';
import { asOfficeJs, FakeWorkbookModel } from '../fake-excel';
import { fakeHost, newFake, salesWorkbook, snapshot } from './helpers';
import { cellKeyOf } from './keys';

const USER_SHEETS = ['Customers', 'Sales', 'Receipts'];
const MARCH_5_2024 = dayFromISO('2024-03-05') as number;

/** The sales workbook with its Date column shown as dates, as a user's would be. */
function datedWorkbook(date1904: boolean): FakeWorkbookModel {
  const wb = salesWorkbook(20, 5);
  const sales = wb.mustSheet('Sales');
  for (let r = 1; r <= 20; r++) sales.numberFormats.set(cellKeyOf(`A${r + 1}`), 'yyyy-mm-dd');
  wb.date1904 = date1904;
  return wb;
}

describe('date system from what Excel shows', () => {
  it.each([
    ['a 1900 workbook shows the 1900 year', [{ serial: MARCH_5_2024, text: '2024-03-05' }], '1900'],
    ['a 1904 workbook shows the same serial 4 years and a day later', [{ serial: MARCH_5_2024, text: '2028-03-06' }], '1904'],
    ['Chinese date text', [{ serial: MARCH_5_2024, text: '2028年3月6日' }], '1904'],
    ['a number format shows no year', [{ serial: MARCH_5_2024, text: '45356' }], null],
    ['one 1900 reading outweighs', [{ serial: MARCH_5_2024, text: '2024-03-05' }, { serial: MARCH_5_2024 + 400, text: '2029-04-09' }], '1900'],
  ])('%s', (_what, probes, expected) => {
    expect(dateSystemFromTexts(probes)).toBe(expected);
  });

  it('the offset is 1,462 days', () => {
    expect(dayFromISO('1904-01-01')).toBe(DAYS_1904);
  });
});

describe('fake Excel: the 1904 date system', () => {
  it('shows a date serial 1,462 days later', async () => {
    const wb = FakeWorkbookModel.fromRows({ S: [[MARCH_5_2024]] });
    wb.mustSheet('S').numberFormats.set(cellKeyOf('A1'), 'yyyy-mm-dd');
    wb.date1904 = true;
    const { Excel } = asOfficeJs(newFake(wb));
    const text = await Excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('S').getRange('A1').load('text');
      await ctx.sync();
      return r.text[0][0];
    });
    expect(text).toBe('2028-03-06');
  });
});

describe('Excel adapter: a 1904 workbook', () => {
  it('is not checked with every date 4 years early: a clear message, nothing changed', async () => {
    const wb = datedWorkbook(true);
    const before = snapshot(wb, USER_SHEETS);
    const r = await createExcelOps({ host: fakeHost(newFake(wb)) }).check({});
    expect(r).toEqual({ ok: false, code: 'DateSystem1904', message: `${ERROR_MESSAGES.DateSystem1904.en} ${AFTER_FAILURE.untouched.en}` });
    expect(snapshot(wb, USER_SHEETS)).toEqual(before);
    expect(wb.sheets.map((s) => s.name)).toEqual(USER_SHEETS);
  });

  it('in Chinese too', async () => {
    const r = await createExcelOps({ host: fakeHost(newFake(datedWorkbook(true), { displayLanguage: 'zh-CN' })) }).check({});
    expect(r).toMatchObject({ ok: false, code: 'DateSystem1904', message: expect.stringContaining('1904 日期系统') });
  });

  it('the same workbook in the 1900 system is checked as before', async () => {
    const wb = datedWorkbook(false);
    const r = await createExcelOps({ host: fakeHost(newFake(wb)) }).check({});
    expect(r.ok).toBe(true);
    expect(wb.mustSheet('Sales').fills.get(cellKeyOf('B6'))?.color).toBe('#FFC7CE');
  });
});
