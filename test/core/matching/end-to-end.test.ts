import { checkWorkbook } from '../../../src/core/engine';
import { resolveSettings } from '../../../src/core/model/settings';
import { generateWorkbook, NOISE_MIXES } from '../../support/generate-workbook';
import { scoreMatches } from '../../support/score-matching';

/** From cells to report: header recognition, parsing, validation and the reconciliation together. */
describe('reconciliation through checkWorkbook', () => {
  const wb = generateWorkbook({ seed: 3, customers: 5, salesPerCustomer: 40, noise: NOISE_MIXES.typical, runningBalance: true, grids: true, openingBalances: true });
  const result = checkWorkbook({ sheets: wb.grids, settings: resolveSettings({ asOf: wb.asOf }) });

  it('recognises the generated sheets and reads every row', () => {
    expect(result.report.sheets.map((s) => [s.name, s.template])).toEqual([
      ['Customers', 'customers'], ['Sales', 'sales'], ['Receipts', 'receipts'], ['Statement', 'statement'],
    ]);
    expect(result.report.sheets[1].rows).toBe(wb.parsed.sales[0].records.length);
  });

  it('finds the same links as on typed records, and only reconciliation findings on clean data', () => {
    expect(scoreMatches(result.report.matches, wb.truth)).toMatchObject({ precision: 1, recall: 1 });
    const codes = new Set(result.report.findings.map((f) => f.code));
    for (const code of codes) {
      expect(['unmatched-ours', 'unmatched-theirs', 'amount-diff', 'date-diff', 'duplicate-entry', 'ambiguous', 'partial-payment', 'unapplied-receipt', 'overdue', 'over-limit', 'near-limit', 'credit-limit-exceeded', 'rating-drift']).toContain(code);
    }
    expect(codes.has('tie-out')).toBe(false);
  });

  it('adds the Reconciliation sheet to the plan and marks the flagged cells', () => {
    expect(result.plan.sheets.map((s) => s.key)).toContain('reconciliation');
    const diff = result.report.findings.find((f) => f.code === 'amount-diff');
    expect(diff).toBeDefined();
    const mark = result.plan.marks.find((m) => m.sheet === diff?.sheet && m.cell === diff?.cell);
    expect(mark?.findingIds).toContain(diff?.id);
  });
});
