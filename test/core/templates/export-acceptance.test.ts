import { checkWorkbook } from '../../../src/core/engine';
import { FindingCode } from '../../../src/core/model/findings';
import { resolveSettings } from '../../../src/core/model/settings';
import { fieldForHeader } from '../../../src/core/templates/header-recognition';
import { Report } from '../../../src/core/output/report';
import { TEMPLATE_KINDS, TemplateKind } from '../../../src/core/templates/templates';
import { mistakesWorkbook } from '../../fixtures/validation-workbooks';
import { EXPORT_STYLES, shapeExport } from '../../support/export-shape';
import { generateWorkbook, NOISE_MIXES, Truth } from '../../support/generate-workbook';
import { scoreMatches } from '../../support/score-matching';

/**
 * Acceptance 2 of issue #8: the same rows exported the way an English ERP, a Chinese ERP, a Chinese CRM
 * and an English CRM export them (their sheet and column names, shuffled columns, two key columns under
 * unknown names, title rows, totals rows, European amounts and day-first dates) are read as well as the
 * template-shaped workbook: every sheet recognised, validation recall ≥ 95 % with ≤ 5 false alarms, and
 * matching as good.
 */

const VALIDATION = new Set<FindingCode>([
  'required', 'type', 'range', 'list', 'pattern', 'duplicate', 'unknown-customer', 'name-mismatch',
  'amount-calc', 'tax-calc', 'total-calc', 'tax-id', 'date-order', 'balance-calc', 'unmapped-column',
]);
const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;

function templates(report: Report): Record<string, TemplateKind> {
  return Object.fromEntries(report.sheets.map((s) => [s.name, s.template]));
}

describe.each(EXPORT_STYLES.map((s) => [s.name, s]))('an %s export', (_name, style) => {
  it('names two key columns with headers no dictionary knows', () => {
    for (const [key, header] of Object.entries(shapeExport(mistakesWorkbook('en').sheets, style, 7).unknownHeaders)) {
      const [kind] = key.split('.') as [TemplateKind];
      expect([key, fieldForHeader(kind, header)]).toEqual([key, undefined]);
    }
  });

  it('of the validation mistakes: every sheet recognised, recall ≥ 95 %, ≤ 5 false alarms', () => {
    const wb = mistakesWorkbook('en');
    const shaped = shapeExport(wb.sheets, style, 7);
    const { report } = checkWorkbook({ sheets: shaped.grids, settings: wb.settings });
    expect(templates(report)).toEqual(Object.fromEntries(TEMPLATE_KINDS.map((k) => [style.sheetNames[k], k])));
    const expected = wb.expected.map((e) => {
      const at = shaped.cell(e.sheet, e.cell);
      return `${e.code} ${at.sheet}!${at.cell}`;
    });
    const found = report.findings.filter((f) => VALIDATION.has(f.code));
    const foundKeys = new Set(found.map((f) => `${f.code} ${f.sheet}!${f.cell}`));
    const hits = expected.filter((k) => foundKeys.has(k));
    const missed = expected.filter((k) => !foundKeys.has(k));
    const expectedKeys = new Set(expected);
    const falseAlarms = found.filter((f) => f.severity !== 'info' && !expectedKeys.has(`${f.code} ${f.sheet}!${f.cell}`));
    const recall = hits.length / expected.length;
    console.log(`${style.name} mistakes: recall ${pct(recall)} (${hits.length}/${expected.length}), false alarms ${falseAlarms.length}; missed: ${missed.join('; ') || 'none'}; false: ${falseAlarms.map((f) => `${f.code} ${f.sheet}!${f.cell}`).join('; ') || 'none'}`);
    expect(recall).toBeGreaterThanOrEqual(0.95);
    expect(falseAlarms.length).toBeLessThanOrEqual(5);
  });
});

describe('matching on export-shaped workbooks', () => {
  const gen = generateWorkbook({
    seed: 29, customers: 12, salesPerCustomer: 30, noise: NOISE_MIXES.typical, grids: true, runningBalance: true,
  });
  const settings = resolveSettings({ asOf: gen.asOf });
  const base = checkWorkbook({ sheets: gen.grids, settings }).report;
  const baseScore = scoreMatches(base.matches, gen.truth);
  const baseAlarms = base.findings.filter((f) => VALIDATION.has(f.code) && f.severity !== 'info').length;

  it.each(EXPORT_STYLES.map((s) => [s.name, s]))('%s: every sheet recognised, matching as good as the template-shaped workbook', (_name, style) => {
    const shaped = shapeExport(gen.grids, style, 11);
    const report = checkWorkbook({ sheets: shaped.grids, settings }).report;
    expect(templates(report)).toEqual(Object.fromEntries(TEMPLATE_KINDS.map((k) => [style.sheetNames[k], k])));
    const move = (ref: string): string => {
      const [sheet, row] = ref.split('!');
      return `${shaped.sheetName(sheet)}!${shaped.row(sheet, Number(row))}`;
    };
    const movePairs = (pairs: Set<string>): Set<string> => new Set([...pairs].map((p) => p.split('~').map(move).join('~')));
    const truth: Truth = { ...gen.truth, billedPairs: movePairs(gen.truth.billedPairs), paidPairs: movePairs(gen.truth.paidPairs) };
    const s = scoreMatches(report.matches, truth);
    const alarms = report.findings.filter((f) => VALIDATION.has(f.code) && f.severity !== 'info');
    console.log(`${style.name} generated: precision ${pct(s.precision)} recall ${pct(s.recall)} (template-shaped ${pct(baseScore.precision)} / ${pct(baseScore.recall)}); validation errors+warnings ${alarms.length} (template-shaped ${baseAlarms}): ${alarms.slice(0, 5).map((f) => `${f.code} ${f.sheet}!${f.cell}`).join('; ')}`);
    expect(s.truth).toBe(baseScore.truth);
    expect(s.recall).toBeGreaterThanOrEqual(baseScore.recall - 0.001);
    expect(s.precision).toBeGreaterThanOrEqual(baseScore.precision - 0.001);
    expect(alarms.length).toBeLessThanOrEqual(baseAlarms + 5);
  });
});
