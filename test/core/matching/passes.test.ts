import {
  amountDatePass, duplicateEntryPass, exactReferencePass, groupSumPass, namedGroupPass, nearReferencePass, referenceAmountDiffPass,
  referenceGroupPass, runPasses, unmatchedPass, windowAmountDiffPass,
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
    { name: 'two cents are not', ours: [['113.00', '2024-03-01', ['SO-1']]], theirs: [['113.02', '2024-03-01', ['SO-1']]], pairs: [] },
    { name: 'two cents are not, the other way', ours: [['113.02', '2024-03-01', ['SO-1']]], theirs: [['113.00', '2024-03-01', ['SO-1']]], pairs: [] },
    { name: 'amount tolerance widens equality', ours: [['113.00', null, ['SO-1']]], theirs: [['113.50', null, ['SO-1']]], pairs: ['0-0'], settings: { amountTolerance: '0.5' } },
    { name: 'but not a cent beyond it', ours: [['113.00', null, ['SO-1']]], theirs: [['113.51', null, ['SO-1']]], pairs: [], settings: { amountTolerance: '0.5' } },
    { name: 'a zero rounding tolerance is exact', ours: [['113.00', null, ['SO-1']]], theirs: [['113.01', null, ['SO-1']]], pairs: [], settings: { roundingTolerance: '0' } },
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
    { name: 'day 7 is in the window', ours: [['77.10', '2024-03-01']], theirs: [['77.10', '2024-03-08']], pairs: ['0-0'] },
    { name: 'day 8 is out', ours: [['77.10', '2024-03-01']], theirs: [['77.10', '2024-03-09']], pairs: [] },
    { name: 'day 7 before is in', ours: [['77.10', '2024-03-08']], theirs: [['77.10', '2024-03-01']], pairs: ['0-0'] },
    { name: 'day 8 before is out', ours: [['77.10', '2024-03-09']], theirs: [['77.10', '2024-03-01']], pairs: [] },
    { name: 'one cent apart is equal', ours: [['77.10', '2024-03-01']], theirs: [['77.11', '2024-03-02']], pairs: ['0-0'] },
    { name: 'two cents apart is not', ours: [['77.10', '2024-03-01']], theirs: [['77.12', '2024-03-02']], pairs: [] },
    { name: 'window from the settings', ours: [['77.10', '2024-03-01']], theirs: [['77.10', '2024-03-20']], pairs: ['0-0'], settings: { dateWindowDays: 30 } },
    { name: 'closer date wins', ours: [['77.10', '2024-03-01'], ['77.10', '2024-03-10']], theirs: [['77.10', '2024-03-02'], ['77.10', '2024-03-09']], pairs: ['0-0', '1-1'] },
    { name: 'equally close is ambiguous', ours: [['77.10', '2024-03-05']], theirs: [['77.10', '2024-03-03'], ['77.10', '2024-03-07']], pairs: [], ambiguous: 1 },
    { name: 'two of ours to one of theirs equally close', ours: [['77.10', '2024-03-03'], ['77.10', '2024-03-07']], theirs: [['77.10', '2024-03-05']], pairs: [], ambiguous: 1 },
    { name: 'two of one amount on each side pair in order, fewest days apart in all', ours: [['77.10', '2024-03-01'], ['77.10', '2024-03-04']], theirs: [['77.10', '2024-03-03'], ['77.10', '2024-03-06']], pairs: ['0-0', '1-1'] },
    { name: 'two pairings equally close in all are ambiguous', ours: [['77.10', '2024-03-01'], ['77.10', '2024-03-05']], theirs: [['77.10', '2024-03-03'], ['77.10', '2024-03-03']], pairs: [], ambiguous: 1 },
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
    { name: 'a part on day 7 is in', ours: [['1000.00', '2024-03-01']], theirs: [['600.00', '2024-03-01'], ['400.00', '2024-03-08']], links: [[[0], [0, 1]]] },
    { name: 'a part on day 8 is out', ours: [['1000.00', '2024-03-01']], theirs: [['600.00', '2024-03-01'], ['400.00', '2024-03-09']], links: [] },
    { name: 'parts two cents short are no group', ours: [['1000.00', '2024-03-01']], theirs: [['600.00', '2024-03-01'], ['399.98', '2024-03-02']], links: [] },
    { name: 'two ways to make it: none taken', ours: [['100.00', '2024-03-01']], theirs: [['50.00', '2024-03-01'], ['50.00', '2024-03-02'], ['50.00', '2024-03-03']], links: [] },
    { name: 'six parts is more than five', ours: [['60.00', '2024-03-01']], theirs: Array.from({ length: 6 }, (): Row => ['10.00', '2024-03-01']), links: [] },
  ])('$name', ({ ours, theirs, links }) => {
    const out = groupSumPass.run(input(side(ours), side(theirs)));
    expect(out.links.map((l) => [l.ours, l.theirs])).toEqual(links);
  });
});

describe('named groups: one line naming one member of the group it bills', () => {
  it.each<{ name: string; ours: Row[]; theirs: Row[]; links: [number[], number[]][] }>([
    {
      name: 'their line names the first of two invoices',
      ours: [['113.00', '2024-03-01', ['SO-1', '10000001']], ['226.00', '2024-03-03', ['SO-2', '10000002']], ['90.00', '2024-03-04', ['SO-3', '10000003']]],
      theirs: [['339.00', '2024-03-05', ['10000001']]],
      links: [[[0, 1], [0]]],
    },
    {
      name: 'names the last of three',
      ours: [['100.00', '2024-03-01', ['SO-1']], ['200.00', '2024-03-02', ['SO-2']], ['300.00', '2024-03-03', ['SO-3']]],
      theirs: [['600.00', '2024-03-06', ['SO-3']]],
      links: [[[0, 1, 2], [0]]],
    },
    {
      name: 'our receipt their statement splits, one part naming it',
      ours: [['1000.00', '2024-03-01', ['RC-1']]],
      theirs: [['700.00', '2024-03-01', ['RC-1']], ['300.00', '2024-03-02', ['PV-9']]],
      links: [[[0], [0, 1]]],
    },
    {
      name: 'two ways to make up the rest: none taken',
      ours: [['100.00', '2024-03-01', ['SO-1']], ['50.00', '2024-03-02', ['SO-2']], ['50.00', '2024-03-03', ['SO-3']]],
      theirs: [['150.00', '2024-03-04', ['SO-1']]],
      links: [],
    },
    {
      name: 'a member on day 8 is out of the window',
      ours: [['100.00', '2024-03-01', ['SO-1']], ['50.00', '2024-03-11', ['SO-2']]],
      theirs: [['150.00', '2024-03-03', ['SO-1']]],
      links: [],
    },
    {
      name: 'a record with its own line never joins',
      ours: [['100.00', '2024-03-01', ['SO-1']], ['50.00', '2024-03-02', ['SO-2']]],
      theirs: [['150.00', '2024-03-04', ['SO-1']], ['55.00', '2024-03-02', ['SO-2']]],
      links: [],
    },
    {
      name: 'the named record alone equal is pass 1\'s, not a group',
      ours: [['150.00', '2024-03-01', ['SO-1']], ['50.00', '2024-03-02', ['SO-2']]],
      theirs: [['150.00', '2024-03-04', ['SO-1']]],
      links: [],
    },
  ])('$name', ({ ours, theirs, links }) => {
    const out = namedGroupPass.run(input(side(ours), side(theirs)));
    expect(out.links.map((l) => [l.ours, l.theirs])).toEqual(links);
  });

  it('takes a combined line before pass 2 can pair its named member with a difference', () => {
    const ours = side([['113.00', '2024-03-01', ['SO-1', '10000001']], ['226.00', '2024-03-03', ['SO-2', '10000002']]]);
    const theirs = side([['339.00', '2024-03-05', ['10000001']]]);
    const links = outcomeLinks(runPasses(ours, theirs, config()));
    expect(links.map((l) => [l.pass, l.kind, l.ours, l.theirs])).toEqual([['named-group', 'match', [0, 1], [0]]]);
  });
});

describe('amount differences found by a near or blank reference in the window', () => {
  it.each<{ name: string; ours: Row[]; theirs: Row[]; pairs: string[] }>([
    { name: 'a typo in the reference and another amount', ours: [['500.00', '2024-03-01', ['10045678']]], theirs: [['520.00', '2024-03-04', ['10045687']]], pairs: ['0-0'] },
    { name: 'no reference and the only close amount in the window', ours: [['500.00', '2024-03-01', ['SO-1']]], theirs: [['520.00', '2024-03-04']], pairs: ['0-0'] },
    { name: 'day 7 is in', ours: [['500.00', '2024-03-01', ['SO-1']]], theirs: [['520.00', '2024-03-08']], pairs: ['0-0'] },
    { name: 'day 8 is out', ours: [['500.00', '2024-03-01', ['SO-1']]], theirs: [['520.00', '2024-03-09']], pairs: [] },
    { name: 'no reference and 10 % off is still close', ours: [['500.00', '2024-03-01', ['SO-1']]], theirs: [['550.00', '2024-03-02']], pairs: ['0-0'] },
    { name: 'no reference and more than 10 % off is another business', ours: [['500.00', '2024-03-01', ['SO-1']]], theirs: [['550.01', '2024-03-02']], pairs: [] },
    { name: 'two close amounts: never guessed', ours: [['500.00', '2024-03-01', ['SO-1']], ['505.00', '2024-03-02', ['SO-2']]], theirs: [['520.00', '2024-03-04']], pairs: [] },
    { name: 'a reference two typos away is no evidence', ours: [['500.00', '2024-03-01', ['10045678']]], theirs: [['520.00', '2024-03-04', ['10045600']]], pairs: [] },
    { name: 'a credit never pairs with an invoice', ours: [['-500.00', '2024-03-01', ['SO-1']]], theirs: [['520.00', '2024-03-04']], pairs: [] },
  ])('$name', ({ ours, theirs, pairs }) => {
    expect(pairsOf(windowAmountDiffPass.run(input(side(ours), side(theirs))))).toEqual(pairs);
  });
});

describe('pass 2 leaves a payment named by an invoice number to its equal amount', () => {
  it('does not pair a receipt citing the invoice with another payment of it', () => {
    // Two payments of one invoice: ours cites it, theirs carries it on the other payment's line.
    const ours = side([['467.18', '2024-01-01', ['RC-2', '00079190']], ['619.28', '2024-01-17', ['RC-59']]]);
    const theirs = side([['467.18', '2024-01-01', ['PV-812']], ['619.28', '2024-01-15', ['00079190']]]);
    expect(pairsOf(referenceAmountDiffPass.run(input(ours, theirs)))).toEqual([]);
    const links = outcomeLinks(runPasses(ours, theirs, config()));
    expect(links.map((l) => [l.pass, l.ours, l.theirs]).sort()).toEqual([['amount-date', [0], [0]], ['amount-date', [1], [1]]]);
  });
});

describe('pass 5 never guesses between two records of one amount', () => {
  // Two receipts of 1,327.87 two days apart; their statement has one line of 1,327.87 and three that add up
  // to it (a payment they split). Pass 3 gives the line to the receipt of its own day; whether the split
  // belongs to the other receipt or to that one is a coin flip (issue #9's price-list case).
  const ours = side([['1327.87', '2024-03-03', ['RC-1']], ['1327.87', '2024-03-05', ['RC-2']]]);
  const theirs = side([['1327.87', '2024-03-05', ['PV-1']], ['873.43', '2024-03-05', ['PV-2']], ['221.78', '2024-03-06', ['PV-3']], ['232.66', '2024-03-07', ['PV-4']]]);

  it('reports the split ambiguous rather than linking it to the receipt pass 3 left over', () => {
    const links = outcomeLinks(runPasses(ours, theirs, config()));
    expect(links.map((l) => [l.pass, l.kind, l.ours, l.theirs])).toEqual([['amount-date', 'match', [1], [0]], ['group-sum', 'ambiguous', [0], [1, 2, 3]]]);
  });

  it('still links the split when no other record of its amount is near', () => {
    // The other receipt of that amount and its line are two weeks earlier, outside the window.
    const early = side([['1327.87', '2024-03-05', ['RC-1']], ['1327.87', '2024-02-20', ['RC-2']]]);
    const lines = side([['1327.87', '2024-02-21', ['PV-1']], ['873.43', '2024-03-05', ['PV-2']], ['221.78', '2024-03-06', ['PV-3']], ['232.66', '2024-03-07', ['PV-4']]]);
    const links = outcomeLinks(runPasses(early, lines, config()));
    expect(links.map((l) => [l.pass, l.kind, l.ours, l.theirs])).toEqual([['amount-date', 'match', [1], [0]], ['group-sum', 'match', [0], [1, 2, 3]]]);
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
