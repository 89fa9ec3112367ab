import { FINDING_CODES } from '../../src/core/model/findings';
import { CODE_LABEL, codeLabel, SEVERITY_LABEL, STAGE_LABEL, stageLabel, t, UI } from '../../src/taskpane/strings';

const placeholders = (s: string): string[] => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('task pane strings', () => {
  it.each(Object.entries({ ...UI, ...SEVERITY_LABEL, ...STAGE_LABEL }))('"%s" has English and Chinese with the same placeholders', (_key, text) => {
    expect(text.en.trim()).not.toBe('');
    expect(text.zh.trim()).not.toBe('');
    // Chinese text wherever there are words at all ("{stage}（{percent}%）" has none to translate).
    const words = text.zh.replace(/\{\w+\}/g, '');
    if (/[A-Za-z]/.test(text.en.replace(/\{\w+\}/g, ''))) expect(/[\u4e00-\u9fff]/.test(words)).toBe(true);
    expect(placeholders(text.zh)).toEqual(placeholders(text.en));
  });

  it.each(FINDING_CODES.map((c) => [c]))('finding code "%s" has a heading in both languages', (code) => {
    const label = CODE_LABEL[code];
    expect(label?.en).toBeTruthy();
    expect(label?.zh).toMatch(/[\u4e00-\u9fff]/);
    expect(codeLabel(code, 'zh')).toBe(label?.zh);
  });

  it('shows an unknown code or stage as its key rather than nothing', () => {
    expect(codeLabel('brand-new-code', 'en')).toBe('brand-new-code');
    expect(stageLabel('brand-new-stage', 'zh')).toBe('brand-new-stage');
  });

  it('fills placeholders in the chosen language', () => {
    expect(t('checked', 'en', { sheets: 3, total: 7, findingsSheet: 'Findings' })).toBe(
      'Checked 3 sheet(s): 7 finding(s). Details are on the “Findings” sheet.',
    );
    expect(t('checked', 'zh', { sheets: 3, total: 7, findingsSheet: '检查结果' })).toBe('已检查 3 个工作表，共 7 条结果，详见“检查结果”工作表。');
  });
});
