import fc from 'fast-check';
import { parseState, STATE_CHUNK, WorkbookState } from '../../src/core/output/workbook-state';
import { stateChunks } from '../../src/excel/state-store';

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
