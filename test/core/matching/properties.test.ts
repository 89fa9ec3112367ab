import fc from 'fast-check';
import { ParsedWorkbook } from '../../../src/core/model/records';
import { reconcile } from '../../../src/core/matching/reconcile';
import { resolveSettings } from '../../../src/core/model/settings';
import { generateWorkbook, NOISE_MIXES } from '../../support/generate-workbook';
import { prng } from '../../support/prng';

const mixes = fc.constantFrom('clean', 'typical', 'heavy', 'references') as fc.Arbitrary<keyof typeof NOISE_MIXES>;

function small(seed: number, mix: keyof typeof NOISE_MIXES, extra: { corruptBalances?: number; openingBalances?: boolean } = {}) {
  return generateWorkbook({ seed, customers: 4, salesPerCustomer: 30, noise: NOISE_MIXES[mix], runningBalance: true, ...extra });
}

function shuffled(parsed: ParsedWorkbook, seed: number): ParsedWorkbook {
  const rand = prng(seed);
  const shuffle = <T>(xs: T[]): T[] => {
    const out = [...xs];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [out[i], out[j]] = [out[j], out[i]];
    }
    return out;
  };
  const tables = <T extends { records: unknown[] }>(ts: T[]): T[] => ts.map((t) => ({ ...t, records: shuffle(t.records) }));
  return { customers: tables(parsed.customers), sales: tables(parsed.sales), receipts: tables(parsed.receipts), statements: tables(parsed.statements) };
}

describe('reconciliation invariants on generated workbooks', () => {
  it('puts no record in two decisions of one reconciliation', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e6 }), mixes, (seed, mix) => {
        const wb = small(seed, mix);
        const res = reconcile(wb.parsed, resolveSettings({ asOf: wb.asOf }), wb.asOf);
        for (const pair of ['sales~statement', 'receipts~statement'] as const) {
          const seen = new Set<string>();
          for (const m of res.matches.filter((x) => x.pair === pair)) {
            for (const r of [...m.ours, ...m.theirs]) {
              expect(seen.has(r)).toBe(false);
              seen.add(r);
            }
          }
        }
      }),
      { numRuns: 12 },
    );
  });

  it('ties out every customer, or says which one does not', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e6 }), mixes, fc.boolean(), (seed, mix, opening) => {
        const wb = small(seed, mix, { corruptBalances: 0.5, openingBalances: opening });
        const res = reconcile(wb.parsed, resolveSettings({ asOf: wb.asOf }), wb.asOf);
        const flagged = new Set(res.findings.filter((f) => f.code === 'tie-out').map((f) => f.message.split(':')[0].replace('Customer ', '')));
        expect([...flagged].sort()).toEqual([...wb.truth.corrupted].sort());
        // What no item explains is exactly the corrupted customers' (errors are listed, never unexplained).
        for (const c of res.tieOuts) expect(c.unexplained.isZero()).toBe(!wb.truth.corrupted.has(c.scope.customerId));
      }),
      { numRuns: 12 },
    );
  });

  it('does not depend on the order of rows', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e6 }), mixes, fc.integer(), (seed, mix, shuffleSeed) => {
        const wb = small(seed, mix, { openingBalances: true });
        const settings = resolveSettings({ asOf: wb.asOf });
        const a = reconcile(wb.parsed, settings, wb.asOf);
        const b = reconcile(shuffled(wb.parsed, shuffleSeed), settings, wb.asOf);
        const key = (x: object): string => JSON.stringify(x);
        expect(b.findings.map(key).sort()).toEqual(a.findings.map(key).sort());
        expect(b.matches.map(key).sort()).toEqual(a.matches.map(key).sort());
        expect(b.customers).toEqual(a.customers);
      }),
      { numRuns: 12 },
    );
  });
});
