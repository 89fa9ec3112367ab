import { reconcile } from '../../../src/core/matching/reconcile';
import { resolveSettings } from '../../../src/core/model/settings';
import { generateWorkbook, NOISE_MIXES } from '../../support/generate-workbook';
import { cashPairs, score } from '../../support/score-matching';

/**
 * Cash application scored against what each generated receipt was made to pay, not only its
 * invariants: which invoices each receipt is applied to, overall and per pass (FIFO is a fallback and
 * is held to less).
 */
describe('cash application against the generator\'s truth', () => {
  it.each([
    ['typical', 3], ['typical', 19], ['heavy', 31], ['statements', 43],
  ] as const)('%s noise, seed %i', (mix, seed) => {
    const wb = generateWorkbook({ seed, customers: 30, salesPerCustomer: 60, noise: NOISE_MIXES[mix], openingBalances: true });
    const res = reconcile(wb.parsed, resolveSettings({ asOf: wb.asOf }), wb.asOf);
    const truth = new Set(wb.truth.allocations.map((a) => `${a.receipt}~${a.sale}`));
    const got = cashPairs(res.matches);
    const all = score(got.all, truth);
    const pct = (x: number): string => `${(x * 100).toFixed(2)} %`;
    const perPass = [...got.byPass].map(([pass, set]) => `${pass} ${pct(score(set, truth).precision)} of ${set.size}`);
    console.log(`${mix} seed ${seed}: ${truth.size} true allocations; precision ${pct(all.precision)}, recall ${pct(all.recall)}; by pass: ${perPass.join(', ')}`);
    expect(all.truth).toBeGreaterThan(500);
    for (const pass of ['reference', 'exact-amount', 'group']) {
      const set = got.byPass.get(pass);
      if (set) expect(score(set, truth).precision).toBeGreaterThanOrEqual(0.99);
    }
    // What FIFO applies is mostly advances (paying nothing in truth) set against invoices left unpaid.
    expect(all.precision).toBeGreaterThanOrEqual(0.98);
    expect(all.recall).toBeGreaterThanOrEqual(0.99);
  });
});
