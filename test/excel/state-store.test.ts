import fc from 'fast-check';
import { emptyState, parseState, STATE_CHUNK, WorkbookState } from '../../src/core/output/workbook-state';
import { adoptRenamedSheets, stateChunks } from '../../src/excel/state-store';

function stateWith(notes: string[], owned: string[]): WorkbookState {
  return {
    version: 1,
    ownedSheets: owned.map((name) => ({ key: 'findings', name })),
    saved: notes.map((note, i) => ({ sheet: 'Sales', fill: null, fontColor: null, note, cells: [`B${i + 2}`] })),
    settings: { lang: 'zh' },
  };
}

describe('Excel adapter: the state in cell-sized chunks', () => {
  it('reads back what it wrote, in chunks a cell holds, none starting with = + - @ \' or a space', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'grapheme', maxLength: 400 }), { maxLength: 300 }), fc.array(fc.string({ minLength: 1, maxLength: 31 }), { maxLength: 5 }), (notes, owned) => {
        const state = stateWith(notes, owned);
        const chunks = stateChunks(state);
        expect(parseState(chunks)).toEqual(state);
        for (const c of chunks) expect(c.length).toBeLessThanOrEqual(STATE_CHUNK);
        for (const c of chunks.slice(1)) expect(/^[=+\-@'\s]/.test(c)).toBe(false);
      }),
      { numRuns: 60 },
    );
  });

  it('changes only its last chunks when only the owned sheets change', () => {
    const notes = Array.from({ length: 3000 }, (_, i) => `note ${i} `.repeat(10));
    const before = stateChunks(stateWith(notes, ['~Findings new']));
    const after = stateChunks(stateWith(notes, ['Findings']));
    expect(before.length).toBeGreaterThan(10);
    let same = 0;
    while (same < before.length && before[same] === after[same]) same++;
    expect(same).toBe(before.length - 1);
  });
});

describe('adoptRenamedSheets: the registry after an undone swap', () => {
  const pending = { key: 'findings' as const, name: '~Findings new', pending: true, finalName: 'Findings' };
  const state = (ownedSheets: WorkbookState['ownedSheets']): WorkbookState => ({ ...emptyState(), ownedSheets });
  it.each([
    ['temporary sheet gone, final name present: adopted', [pending], ['Sales', 'Findings'], [{ key: 'findings', name: 'Findings' }]],
    ['temporary sheet still there: stays pending (the next run deletes it)', [pending], ['Sales', '~Findings new', 'Findings'], [pending]],
    ['final name absent: stays pending', [pending], ['Sales'], [pending]],
    ['final name already registered: not adopted twice', [{ key: 'findings' as const, name: 'Findings' }, pending], ['Sales', 'Findings'], [{ key: 'findings', name: 'Findings' }, pending]],
    ['a record without a final name (older state): left alone', [{ key: 'findings' as const, name: '~Findings new', pending: true }], ['Findings'], [{ key: 'findings', name: '~Findings new', pending: true }]],
  ])('%s', (_what, owned, sheets, expected) => {
    expect(adoptRenamedSheets(state(owned), sheets).ownedSheets).toEqual(expected);
  });
});
