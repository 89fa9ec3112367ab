import { MAX_SHEET_NAME, uniqueSheetName } from '../../../src/core/model/sheet-names';

describe('uniqueSheetName', () => {
  it.each([
    ['Findings', [], 'Findings'],
    ['Findings', ['findings'], 'Findings (2)'],
    ['Findings', ['findings', 'findings (2)'], 'Findings (3)'],
    ['a/b:c*d?e[f]g\\h', [], 'a-b-c-d-e-f-g-h'],
    ["'quoted'", [], 'quoted'],
    ['History', [], 'Sheet'],
    ['history', ['sheet'], 'Sheet (2)'],
    ['   ', [], 'Sheet'],
    ['Statement – 上海某某贸易有限公司华东区分公司第一销售部', [], 'Statement – 上海某某贸易有限公司华东区分公司第一销'],
  ])('%j with %j taken gives %j', (wanted, taken, expected) => {
    expect(uniqueSheetName(wanted, new Set(taken))).toBe(expected);
  });

  it('keeps a suffixed long name within Excel\'s 31 characters', () => {
    const long = 'Reconciliation with a very long customer name';
    const first = uniqueSheetName(long, new Set());
    const second = uniqueSheetName(long, new Set([first.toLowerCase()]));
    expect([...first]).toHaveLength(MAX_SHEET_NAME);
    expect([...second].length).toBeLessThanOrEqual(MAX_SHEET_NAME);
    expect(second.endsWith(' (2)')).toBe(true);
  });
});
