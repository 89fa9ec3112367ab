import { isTailText, isTotalsText } from '../../../src/core/model/table-rows';

describe('totals and tail labels', () => {
  it('reads a label padded with spaces up to 1,000 characters', () => {
    expect(isTotalsText(`合${' '.repeat(500)}计`)).toBe(true);
    expect(isTailText(`Prepared by${' '.repeat(900)}`)).toBe(true);
  });

  it('takes a longer text (a note, a hostile file\'s megabyte string) for no label, without normalising it', () => {
    // Found sweeping public test files: Apache POI's poc-shared-strings.xlsx holds 12,000 cells of a
    // 1 MB string, and every sampled row was normalised whole for each template (about half an hour).
    expect(isTotalsText(`合${' '.repeat(1000)}计`)).toBe(false);
    expect(isTailText(`Prepared by${' '.repeat(1000)}`)).toBe(false);
    expect(isTotalsText('合计'.repeat(600))).toBe(false);
  });
});
