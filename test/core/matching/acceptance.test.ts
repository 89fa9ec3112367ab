import { checkWorkbook } from '../../../src/core/engine';
import { resolveSettings } from '../../../src/core/model/settings';
import { generateWorkbook, NOISE_MIXES } from '../../support/generate-workbook';
import { dataRows, falseAlarms, predictedPairs, scoreMatches } from '../../support/score-matching';
import { auditFindings, describeAudit } from '../../support/noise-audit';

/**
 * Findings the generator's truth does not explain (see `auditFindings`): a second finding for one fact,
 * an alarm on a row with a counterpart, anything unasked for. Today one remains, in `statements` seed 17:
 * a receipt paying three invoices with no reference that cash application does not find as a group, so
 * FIFO leaves an older invoice part-paid.
 */
const NOISE_BOUND = 3;
/** Expected findings left unraised: a planted part-payment that FIFO later completes with an advance. */
const MISSED_BOUND = 10;


/**
 * Issue #9's acceptance on generated workbooks written the way customers write statements: posting lag,
 * combined lines, amount differences behind near, blank or document-number references, opening balances
 * that differ, mistyped Customer IDs, receipts on the period's first day, receipts and invoices they
 * booked just before the period that we booked on its first day. Figures are printed per seed.
 */
describe('reconciliation an accountant can sign, on generated workbooks', () => {
  // Every mix, each finding judged against the truth. Findings per 1,000 rows are held to 40 where the
  // planted errors allow it. `typical` and `heavy` plant more than that on their own — `typical` about 48
  // needed findings per 1,000 rows (1.6 % amount differences, 1 % missing and extra lines on each side,
  // 5 % part-paid invoices, cut-off items, 40 customers overdue), `heavy` about 90 — so there the count
  // is held to what the truth asks for plus the noise bound.
  it.each([
    ['clean', 3, 'per-thousand'], ['references', 7, 'per-thousand'], ['statements', 5, 'per-thousand'], ['statements', 17, 'per-thousand'],
    ['typical', 41, 'planted'], ['heavy', 53, 'planted'],
  ] as const)('%s noise, seed %i: precision ≥ 99.9 %, recall ≥ 99 %, every opening difference, ≤ 5 false alarms, noise ≤ 3, findings held to %s', (mix, seed, held) => {
    const wb = generateWorkbook({
      seed, customers: 40, salesPerCustomer: 60, noise: NOISE_MIXES[mix], runningBalance: true, openingBalances: true,
      openingOffsets: 0.25, mistypedIds: 0.003, boundaryItems: 0.6, grids: true,
    });
    const { report } = checkWorkbook({ sheets: wb.grids, settings: resolveSettings({ asOf: wb.asOf }) });
    const openingRows = new Set(wb.parsed.statements.flatMap((t) => t.records.filter((l) => l.isOpening).map((l) => `${t.mapping.sheet}!${l.row}`)));
    const s = scoreMatches(report.matches, wb.truth);
    const opening = new Set(report.findings.filter((f) => f.code === 'opening-balance').map((f) => f.message.match(/Customer (\S+):/)?.[1]));
    // A record they booked before the period, only inside an opening balance that is also off by a genuine
    // error, cannot be told from a missing one without guessing: it stays open (counted apart below).
    const unknowable = new Set([...(wb.truth.boundary ?? new Map<string, string>())].filter(([row, c]) => wb.truth.openingDiffs.has(c) && [...wb.truth.billedPairs, ...wb.truth.paidPairs].some((p) => p.startsWith(`${row}~`) && openingRows.has(p.split('~')[1]))).map(([row]) => row));
    const alarms = falseAlarms(report.findings, wb.truth).filter((f) => !unknowable.has(`${f.sheet}!${f.row}`));
    const suggested = new Set(report.matches.filter((m) => m.status === 'suggested').flatMap((m) => m.ours.map((o) => `${o}~${m.theirs[0]}`)));
    const rows = dataRows(wb.parsed);
    const perThousand = (report.findings.length * 1000) / rows;
    const audit = auditFindings(report.findings, wb);
    const pct = (x: number): string => `${(x * 100).toFixed(2)} %`;
    // Booked by them before the period, by us on its first day: linked, and no opening difference of it.
    const boundary = wb.truth.boundary ?? new Map<string, string>();
    const linkedOurs = new Set([...predictedPairs(report.matches).billed, ...predictedPairs(report.matches).paid].map((p) => p.split('~')[0]));
    const boundaryLinked = [...boundary.keys()].filter((r) => linkedOurs.has(r));
    const boundaryCustomers = new Set(boundary.values());
    const tieOutFlagged = new Set(report.findings.filter((f) => f.code === 'tie-out').map((f) => f.message.match(/Customer (\S+):/)?.[1]));
    const boundaryTied = [...boundaryCustomers].filter((c) => !opening.has(c) && !tieOutFlagged.has(c));
    const genuine = [...boundaryCustomers].filter((c) => wb.truth.openingDiffs.has(c));
    console.log(
      `${mix} seed ${seed}: ${rows} rows, ${s.truth} true links; precision ${pct(s.precision)} (${s.predicted - s.correct} wrong), recall ${pct(s.recall)}; ` +
        `opening differences raised ${[...wb.truth.openingDiffs].filter((c) => opening.has(c)).length}/${wb.truth.openingDiffs.size}; ` +
        `booked across the period start: ${boundaryLinked.length}/${boundary.size} linked, ${boundaryTied.length}/${boundaryCustomers.size - genuine.length} customers without an opening error free of opening-balance and tie-out findings (${genuine.length} also with a genuine opening difference; ${unknowable.size} records only in such an opening, left open); ` +
        `suggestions ${[...suggested].filter((p) => wb.truth.suggested.has(p)).length}/${wb.truth.suggested.size} (${[...suggested].filter((p) => !wb.truth.suggested.has(p)).length} wrong); ` +
        `false alarms ${alarms.length} (${[...new Set(alarms.map((f) => f.code))].join(', ')}); findings ${report.findings.length} = ${perThousand.toFixed(1)} per 1,000 rows, ` +
        `the truth asks for ${audit.asked} = ${((audit.asked * 1000) / rows).toFixed(1)}; noise ${audit.noise.length}, missed ${audit.missed.length} (${describeAudit(audit)})` +
        audit.noise.map((f) => `\n  noise: ${f.code} ${f.sheet}!${f.cell} ${f.message}`).join(''),
    );
    expect(s.truth).toBeGreaterThan(3000);
    expect(s.precision).toBeGreaterThanOrEqual(0.999);
    expect(s.recall).toBeGreaterThanOrEqual(0.99);
    expect(wb.truth.openingDiffs.size).toBeGreaterThan(0);
    expect(opening).toEqual(wb.truth.openingDiffs);
    expect(boundary.size).toBeGreaterThan(0);
    expect(boundaryTied).toEqual([...boundaryCustomers].filter((c) => !wb.truth.openingDiffs.has(c)));
    // Where a genuine opening difference hides the item's amount and they list no line for it, nothing
    // tells which record it is: it stays open rather than being guessed. Every other one is linked.
    for (const [row, c] of boundary) if (!wb.truth.openingDiffs.has(c)) expect(linkedOurs.has(row)).toBe(true);
    expect(alarms.length).toBeLessThanOrEqual(5);
    expect(wb.truth.suggested.size).toBeGreaterThan(0);
    expect(suggested).toEqual(wb.truth.suggested);
    expect(audit.noise.length).toBeLessThanOrEqual(NOISE_BOUND);
    expect(audit.missed.length).toBeLessThanOrEqual(MISSED_BOUND);
    if (held === 'per-thousand') expect(perThousand).toBeLessThanOrEqual(40);
    else {
      expect((audit.asked * 1000) / rows).toBeGreaterThan(40);
      expect(report.findings.length).toBeLessThanOrEqual(audit.asked + NOISE_BOUND);
    }
  });
});
