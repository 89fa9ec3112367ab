import { DEFAULT_SETTINGS } from '../../../src/core/model/settings';
import {
  ERROR_MESSAGE_MAX, percentText, PROMPT_MESSAGE_MAX, PROMPT_TITLE_MAX, templateLayout,
} from '../../../src/core/templates/template-layout';
import { TEMPLATE_KINDS } from '../../../src/core/templates/templates';

describe('template layout', () => {
  it.each([
    ['0.13', '13%'], ['0.09', '9%'], ['0', '0%'], ['0.015', '1.5%'], ['1', '100%'], ['0.1', '10%'],
  ])('percentText(%s) = %s', (input, expected) => {
    expect(percentText(input)).toBe(expected);
  });

  const cases = TEMPLATE_KINDS.flatMap((kind) => (['en', 'zh'] as const).flatMap((lang) =>
    [true, false].map((formulas) => [kind, lang, formulas] as const)));

  it.each(cases)('%s in %s (formulas %s): every prompt and alert fits Excel and speaks the sheet language', (kind, lang, formulas) => {
    const layout = templateLayout(kind, { lang, formulas, settings: DEFAULT_SETTINGS, customerIds: "'Customers'!$A$2:$A$1048576" });
    for (const c of layout.columns) {
      if (!c.validation) {
        expect(c.formula).not.toBeNull();
        continue;
      }
      const { prompt, errorAlert } = c.validation;
      expect(prompt.title.length).toBeLessThanOrEqual(PROMPT_TITLE_MAX);
      expect(errorAlert.title.length).toBeLessThanOrEqual(PROMPT_TITLE_MAX);
      expect(prompt.message.length).toBeLessThanOrEqual(PROMPT_MESSAGE_MAX);
      expect(errorAlert.message.length).toBeLessThanOrEqual(ERROR_MESSAGE_MAX);
      expect(prompt.message.length).toBeGreaterThan(lang === 'zh' ? 4 : 8);
      const han = /[\u4e00-\u9fff]/;
      if (lang === 'zh') expect(prompt.message).toMatch(han);
      else expect(prompt.message).not.toMatch(han);
    }
  });

  it('only a sales sheet with formulas has computed columns: Tax and Total', () => {
    const sales = templateLayout('sales', { lang: 'en', formulas: true, settings: DEFAULT_SETTINGS, customerIds: null });
    expect(sales.columns.filter((c) => c.formula).map((c) => c.header)).toEqual(['Tax', 'Total']);
    expect(sales.columns.find((c) => c.key === 'total')?.formula?.(7)).toBe('=IF(J7="","",J7+N(L7))');
    const receipts = templateLayout('receipts', { lang: 'en', formulas: true, settings: DEFAULT_SETTINGS, customerIds: null });
    expect(receipts.columns.every((c) => c.formula === null)).toBe(true);
  });

  it('follows the sheet’s own column positions and the configured invoice lengths and tax rates', () => {
    const layout = templateLayout('sales', {
      lang: 'en', columns: { invoiceNo: 4, taxRate: 0 }, settings: { taxRates: ['0.06', '0.1'], invoiceNoLengths: [10] }, customerIds: null,
    });
    expect(layout.columns.map((c) => [c.key, c.col])).toEqual([['taxRate', 0], ['invoiceNo', 4]]);
    expect(layout.columns[0].validation?.rule).toEqual({ list: { inCellDropDown: true, source: '6%,10%' } });
    expect(layout.columns[1].validation?.rule).toEqual({
      custom: { formula: '=AND(OR(LEN(E2)=10),SUMPRODUCT(--ISNUMBER(-MID(E2,ROW(INDIRECT("1:"&LEN(E2))),1)))=LEN(E2))' },
    });
    expect(layout.columns[1].validation?.prompt.message).toBe('Invoice number: 10 digits, e.g. 04412345. Blank if not invoiced yet.');
  });
});
