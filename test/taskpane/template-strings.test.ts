import { TEMPLATE_UI, tt } from '../../src/taskpane/template-strings';

const placeholders = (s: string): string[] => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('Templates section strings', () => {
  it.each(Object.entries(TEMPLATE_UI))('"%s" has English and Chinese with the same placeholders', (_key, text) => {
    expect(text.en.trim()).not.toBe('');
    expect(text.zh).toMatch(/[\u4e00-\u9fff]/);
    expect(placeholders(text.zh)).toEqual(placeholders(text.en));
  });

  it('fills placeholders in the chosen language', () => {
    expect(tt('liveResult', 'zh', { sheet: '销售台账', rows: 1, flagged: 2, cleared: 0 })).toBe('“销售台账”：检查了 1 行，标记 2 个单元格，修正 0 个。');
    expect(tt('applied', 'en', { sheet: 'Export', columns: 4 })).toBe('Applied to “Export”: 4 column(s) got formats and rules; no value was changed.');
  });
});
