import {
  amountDatePass, duplicateEntryPass, exactReferencePass, groupSumPass, nearReferencePass, referenceAmountDiffPass,
  referenceGroupPass, runPasses, unmatchedPass,
} from '../../../src/core/matching/match-passes';
import { outcomeLinks } from '../../../src/core/matching/match-types';
import { config, input, pairsOf, side } from './fixtures';

type Row = [string, string | null, string[]?, number?];

describe('pass 1: exact reference', () => {
  it.each<{ name: string; ours: Row[]; theirs: Row[]; pairs: string[]; settings?: object }>([
    { name: 'invoice number', ours: [['113.00', '2024-03-01', ['SO-1', '00012345']]], theirs: [['113.00', '2024-03-01', ['12345']]], pairs: ['0-0'] },
    { name: 'our document number instead', ours: [['113.00', '2024-03-01', ['SO-1', '00012345']]], theirs: [['113.00', '2024-03-09', ['so 1']]], pairs: ['0-0'] },
    { name: 'different amount is not pass 1', ours: [['113.00', '2024-03-01', ['SO-1']]], theirs: [['114.00', '2024-03-01', ['SO-1']]], pairs: [] },
    { name: 'one cent is within the rounding tolerance', ours: [['113.00', '2024-03-01', ['SO-1']]], theirs: [['113.01', '2024-03-01', ['SO-1']]], pairs: ['0-0'] },
    { name: 'amount tolerance widens equality', ours: [['113.00', null, ['SO-1']]], theirs: [['113.50', null, ['SO-1']]], pairs: ['0-0'], settings: { amountTolerance: '0.5' } },
    { name: 'other customer never', ours: [['113.00', '2024-03-01', ['SO-1'], 0]], theirs: [['113.00', '2024-03-01', ['SO-1'], 1]], pairs: [] },
    { name: 'closer date wins between repeats', ours: [['50.00', '2024-03-10', ['R']]], theirs: [['50.00', '2024-03-01', ['R']], ['50.00', '2024-03-09', ['R']]], pairs: ['0-1'] },
  ])('$name', ({ ours, theirs, pairs, settings }) => {
    expect(pairsOf(exactReferencePass.run(input(side(ours), side(theirs), config(settings))))).toEqual(pairs);
  });

  it('never offers claimed records', () => {
    const out = exactReferencePass.run(input(side([['10.00', null, ['A']]]), side([['10.00', null, ['A']]]), config(), [0]));
    expect(pairsOf(out)).toEqual([]);
  });
});

describe('reference groups', () => {
  it('pairs sales lines sharing one invoice number with the line carrying it', () => {
    const out = referenceGroupPass.run(input(side([['60.00', '2024-03-01', ['S1', 'INV9']], ['40.00', '2024-03-01', ['S2', 'INV9']]]), side([['100.00', '2024-03-02', ['INV9']]])));
    expect(out.links).toEqual([{ pass: 'reference-group', kind: 'match', ours: [0, 1], theirs: [0] }]);
  });

  it('pairs statement lines splitting one of our invoices', () => {
    const out = referenceGroupPass.run(input(side([['100.00', '2024-03-01', ['INV9']]]), side([['70.00', '2024-03-01', ['INV9']], ['30.00', '2024-03-05', ['INV9']]])));
    expect(out.links).toEqual([{ pass: 'reference-group', kind: 'match', ours: [0], theirs: [0, 1] }]);
  });

  it('leaves groups that do not add up to pass 2', () => {
    const out = referenceGroupPass.run(input(side([['60.00', null, ['INV9']], ['40.00', null, ['INV9']]]), side([['90.00', null, ['INV9']]])));
    expect(out.links).toEqual([]);
  });
});

describe('pass 2: same reference, different amount', () => {
  it.each<{ name: string; ours: Row[]; theirs: Row[]; pairs: string[] }>([
    { name: 'one each', ours: [['113.00', null, ['SO-1']]], theirs: [['130.00', null, ['SO-1']]], pairs: ['0-0'] },
    { name: 'closest amount first', ours: [['100.00', null, ['R']], ['200.00', null, ['R']]], theirs: [['199.00', null, ['R']]], pairs: ['1-0'] },
    { name: 'no shared reference', ours: [['100.00', null, ['R1']]], theirs: [['200.00', null, ['R2']]], pairs: [] },
  ])('$name', ({ ours, theirs, pairs }) => {
    expect(pairsOf(referenceAmountDiffPass.run(input(side(ours), side(theirs))))).toEqual(pairs);
  });
});

describe('duplicate entries on their statement', () => {
  it('reports the repeat of a matched line, not the original', () => {
    const theirs = side([['50.00', '2024-03-01', ['INV7']], ['50.00', '2024-03-01', ['INV7']]]);
    const out = duplicateEntryPass.run(input(side([['50.00', '2024-03-01', ['INV7']]]), theirs, config(), [0], [0]));
    expect(out.links).toEqual([{ pass: 'duplicate-entry', kind: 'duplicate', ours: [], theirs: [1], dupOf: 0 }]);
  });

  it('reports the later of two identical unmatched lines', () => {
    const out = duplicateEntryPass.run(input([], side([['50.00', '2024-03-01', ['INV7']], ['50.00', '2024-03-04', ['INV7']]])));
    expect(out.links.map((l) => [l.theirs[0], l.dupOf])).toEqual([[1, 0]]);
  });

  it('is no duplicate when the amounts differ', () => {
    const out = duplicateEntryPass.run(input([], side([['50.00', null, ['INV7']], ['55.00', null, ['INV7']]])));
    expect(out.links).toEqual([]);
  });
});

describe('pass 3: amount and date', () => {
  it.each<{ name: string; ours: Row[]; theirs: Row[]; pairs: string[]; ambiguous?: number; settings?: object }>([
    { name: 'unique amount in the window', ours: [['77.10', '2024-03-01']], theirs: [['77.10', '2024-03-05', ['PV-991']]], pairs: ['0-0'] },
    { name: 'outside the window', ours: [['77.10', '2024-03-01']], theirs: [['77.10', '2024-03-20']], pairs: [] },
    { name: 'window from the settings', ours: [['77.10', '2024-03-01']], theirs: [['77.10', '2024-03-20']], pairs: ['0-0'], settings: { dateWindowDays: 30 } },
    { name: 'closer date wins', ours: [['77.10', '2024-03-01'], ['77.10', '2024-03-10']], theirs: [['77.10', '2024-03-02'], ['77.10', '2024-03-09']], pairs: ['0-0', '1-1'] },
    { name: 'equally close is ambiguous', ours: [['77.10', '2024-03-05']], theirs: [['77.10', '2024-03-03'], ['77.10', '2024-03-07']], pairs: [], ambiguous: 1 },
    { name: 'two of ours to one of theirs equally close', ours: [['77.10', '2024-03-03'], ['77.10', '2024-03-07']], theirs: [['77.10', '2024-03-05']], pairs: [], ambiguous: 1 },
    { name: 'undated records wait for a human', ours: [['77.10', null]], theirs: [['77.10', '2024-03-01']], pairs: [] },
  ])('$name', ({ ours, theirs, pairs, ambiguous, settings }) => {
    const out = amountDatePass.run(input(side(ours), side(theirs), config(settings)));
    expect(pairsOf(out)).toEqual(pairs);
    expect(out.links.filter((l) => l.kind === 'ambiguous')).toHaveLength(ambiguous ?? 0);
  });

  it('leaves records with a near-reference counterpart to pass 4', () => {
    const ours = side([['77.10', '2024-03-01', ['INV-10045678']]]);
    const theirs = side([['77.10', '2024-03-01', ['INV-10045687']], ['77.10', '2024-03-02', ['PV-1']]]);
    expect(pairsOf(amountDatePass.run(input(ours, theirs)))).toEqual([]);
    expect(pairsOf(nearReferencePass.run(input(ours, theirs)))).toEqual(['0-0']);
  });
});

describe('pass 4: near reference', () => {
  it.each<{ name: string; ours: Row[]; theirs: Row[]; pairs: string[]; ambiguous?: number; settings?: object }>([
    { name: 'one typo', ours: [['500.00', '2024-03-01', ['10045678']]], theirs: [['500.00', '2024-04-20', ['10045679']]], pairs: ['0-0'] },
    { name: 'adjacent transposition', ours: [['500.00', null, ['10045678']]], theirs: [['500.00', null, ['10045687']]], pairs: ['0-0'] },
    { name: 'amount must agree', ours: [['500.00', null, ['10045678']]], theirs: [['501.00', null, ['10045679']]], pairs: [] },
    { name: 'two typos is too far', ours: [['500.00', null, ['10045678']]], theirs: [['500.00', null, ['10045600']]], pairs: [] },
    { name: 'short keys prove nothing', ours: [['500.00', null, ['12']]], theirs: [['500.00', null, ['13']]], pairs: [] },
    { name: 'off when fuzzy matching is off', ours: [['500.00', null, ['10045678']]], theirs: [['500.00', null, ['10045687']]], pairs: [], settings: { fuzzyMatching: false } },
    { name: 'two equally near is ambiguous', ours: [['500.00', null, ['10045678']]], theirs: [['500.00', null, ['10045679']], ['500.00', null, ['10045677']]], pairs: [], ambiguous: 1 },
  ])('$name', ({ ours, theirs, pairs, ambiguous, settings }) => {
    const cfg = config(settings);
    const out = nearReferencePass.enabled(cfg) ? nearReferencePass.run(input(side(ours), side(theirs), cfg)) : { pairs: { ours: [], theirs: [] }, links: [] };
    expect(pairsOf(out)).toEqual(pairs);
    expect(out.links.filter((l) => l.kind === 'ambiguous')).toHaveLength(ambiguous ?? 0);
  });
});

describe('pass 5: groups', () => {
  it.each<{ name: string; ours: Row[]; theirs: Row[]; links: [number[], number[]][] }>([
    { name: 'one receipt, their payment in two lines', ours: [['1000.00', '2024-03-01']], theirs: [['600.00', '2024-03-01'], ['400.00', '2024-03-02']], links: [[[0], [0, 1]]] },
    { name: 'three sales in one line', ours: [['10.00', '2024-03-01'], ['20.00', '2024-03-02'], ['30.00', '2024-03-04']], theirs: [['60.00', '2024-03-04']], links: [[[0, 1, 2], [0]]] },
    { name: 'outside the window', ours: [['1000.00', '2024-03-01']], theirs: [['600.00', '2024-03-01'], ['400.00', '2024-03-30']], links: [] },
    { name: 'two ways to make it: none taken', ours: [['100.00', '2024-03-01']], theirs: [['50.00', '2024-03-01'], ['50.00', '2024-03-02'], ['50.00', '2024-03-03']], links: [] },
    { name: 'six parts is more than five', ours: [['60.00', '2024-03-01']], theirs: Array.from({ length: 6 }, (): Row => ['10.00', '2024-03-01']), links: [] },
  ])('$name', ({ ours, theirs, links }) => {
    const out = groupSumPass.run(input(side(ours), side(theirs)));
    expect(out.links.map((l) => [l.ours, l.theirs])).toEqual(links);
  });
});

describe('pass 6 and the runner', () => {
  it('reports leftovers on both sides', () => {
    const out = unmatchedPass.run(input(side([['1.00', null]]), side([['2.00', null]])));
    expect(out.links.map((l) => [l.kind, l.ours, l.theirs])).toEqual([['unmatched', [0], []], ['unmatched', [], [0]]]);
  });

  it('puts every record in exactly one decision, strongest pass first', () => {
    const ours = side([
      ['113.00', '2024-03-01', ['SO-1', '10000001']],
      ['226.00', '2024-03-02', ['SO-2', '10000002']],
      ['339.00', '2024-03-03', ['SO-3', '10000003']],
      ['452.00', '2024-03-04', ['SO-4', '10000004']],
      ['565.00', '2024-03-05', ['SO-5', '10000005']],
    ]);
    const theirs = side([
      ['113.00', '2024-03-01', ['10000001']], // exact
      ['230.00', '2024-03-02', ['10000002']], // amount diff
      ['339.00', '2024-03-04', []], // amount + date
      ['452.00', '2024-03-04', ['10000040']], // transposed
      ['999.00', '2024-03-05', ['ADJ-1']], // theirs only
    ]);
    const links = outcomeLinks(runPasses(ours, theirs, config()));
    const byOurs = new Map(links.filter((l) => l.ours.length).map((l) => [l.ours[0], l.pass]));
    expect([...byOurs.entries()].sort()).toEqual([
      [0, 'exact-reference'], [1, 'reference-amount-diff'], [2, 'amount-date'], [3, 'near-reference'], [4, 'unmatched'],
    ]);
    const seenO = links.flatMap((l) => l.ours);
    const seenT = links.flatMap((l) => l.theirs);
    expect(seenO.sort()).toEqual([0, 1, 2, 3, 4]);
    expect(seenT.sort()).toEqual([0, 1, 2, 3, 4]);
  });
});
