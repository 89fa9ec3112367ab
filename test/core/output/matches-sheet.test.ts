import Decimal from 'decimal.js';
import { RawNum } from '../../../src/core/model/exact';
import { matchesSheet, MatchedRowLookup } from '../../../src/core/output/matches-sheet';
import { outValue } from '../../../src/core/output/plan';
import { MatchReport } from '../../../src/core/output/report';

/** A lookup over a fixed table of "Sheet!row" → amount as read; the cell is column B of that row. */
function lookupOf(amounts: Record<string, RawNum | null>): MatchedRowLookup {
  return (ref) => (ref in amounts ? { cell: `B${ref.slice(ref.indexOf('!') + 1)}`, amount: amounts[ref] } : null);
}

function match(ours: string[], theirs: string[]): MatchReport {
  return { pair: 'sales~statement', pass: 'group-sum', status: 'matched', ours, theirs, difference: '0.00', reason: 'r' };
}

describe('the Matches sheet amounts', () => {
  it('adds each side exactly: whole cents, amounts finer than a cent, and a record without an amount', () => {
    const lookup = lookupOf({
      'Sales!2': 1234.5, 'Sales!3': 0.25, 'Statement!2': 1234.75,
      'Sales!4': new Decimal('0.005'), 'Sales!5': 0.1, 'Statement!3': new Decimal('-0.1'), 'Statement!4': -0.2,
      'Sales!6': null,
    });
    const sheet = matchesSheet([
      match(['Sales!2', 'Sales!3'], ['Statement!2']),
      match(['Sales!4', 'Sales!5'], ['Statement!3', 'Statement!4']),
      match(['Sales!6'], ['Statement!2']),
    ], lookup, 'en');
    const amounts = sheet.rows.map((r) => [outValue(r[5]), outValue(r[7])]);
    expect(amounts).toEqual([
      [{ money: '1234.75' }, { money: '1234.75' }],
      [{ money: '0.105' }, { money: '-0.30' }],
      [null, { money: '1234.75' }],
    ]);
    expect(outValue(sheet.rows[0][4])).toEqual({ link: { text: 'Sales!2 +1', sheet: 'Sales', cell: 'B2' } });
  });
});
