import Decimal from 'decimal.js';
import fc from 'fast-check';
import { dayFromISO } from '../../../src/core/model/dates';
import { StatementRow } from '../../../src/core/model/record-rows';
import { reconcile } from '../../../src/core/matching/reconcile';
import { resolveSettings } from '../../../src/core/model/settings';
import { OpenItem, OpenItemKind, StatementScope, tieOut } from '../../../src/core/matching/tie-out';
import { outValue } from '../../../src/core/output/plan';
import { GeneratedWorkbook, generateWorkbook, NOISE_MIXES } from '../../support/generate-workbook';
import { prng } from '../../support/prng';

/** Kinds a reviewer adjusts for (未达账项); every other kind is an error (差错). Written out here, not read from the code. */
const TIMING: ReadonlySet<OpenItemKind> = new Set(['unmatched-sale', 'unmatched-receipt', 'unmatched-billed', 'unmatched-paid']);

const cents = (v: unknown): Decimal => new Decimal(v === null || v === undefined ? 0 : (v as number));

/** Their books start off by 100–900 for some customers: opening row and every running balance after it move. */
function shiftOpenings(wb: GeneratedWorkbook, seed: number): Map<string, Decimal> {
  const rand = prng(seed);
  const shifts = new Map<string, Decimal>();
  for (const line of wb.parsed.statements[0].records as StatementRow[]) {
    if (line.isOpening && rand() < 0.5) shifts.set(line.customerId, new Decimal(100 + Math.floor(rand() * 800)).plus(new Decimal(Math.floor(rand() * 100)).dividedBy(100)));
  }
  for (const line of wb.parsed.statements[0].records as StatementRow[]) {
    const shift = shifts.get(line.customerId);
    if (!shift) continue;
    if (line.rawBalance !== null) line.rawBalance = cents(line.rawBalance).plus(shift).toNumber();
    if (line.isOpening) line.rawBilled = cents(line.rawBilled).plus(shift).toNumber();
  }
  return shifts;
}

/** Our balance and theirs computed straight from the records, apart from the engine. */
function balances(wb: GeneratedWorkbook): Map<string, { ours: Decimal; theirs: Decimal }> {
  const out = new Map<string, { ours: Decimal; theirs: Decimal }>();
  const get = (id: string) => out.get(id) ?? out.set(id, { ours: new Decimal(0), theirs: new Decimal(0) }).get(id) as { ours: Decimal; theirs: Decimal };
  for (const s of wb.parsed.sales[0].records) if (s.date === null || s.date <= wb.asOf) get(s.customerId).ours = get(s.customerId).ours.plus(s.total ?? 0);
  for (const r of wb.parsed.receipts[0].records) if (r.date === null || r.date <= wb.asOf) get(r.customerId).ours = get(r.customerId).ours.minus(r.amount ?? 0);
  for (const l of wb.parsed.statements[0].records as StatementRow[]) if (l.rawBalance !== null) get(l.customerId).theirs = cents(l.rawBalance);
  return out;
}

describe('tie-out: difference = timing + errors + unexplained (acceptance 2)', () => {
  it('holds for every customer of generated workbooks, agreed only when errors and unexplained are zero', () => {
    const mixes = fc.constantFrom('clean', 'typical', 'heavy', 'references') as fc.Arbitrary<keyof typeof NOISE_MIXES>;
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e6 }), mixes, fc.boolean(), fc.boolean(), fc.boolean(), (seed, mix, opening, shift, across) => {
        const wb = generateWorkbook({
          seed, customers: 5, salesPerCustomer: 25, noise: NOISE_MIXES[mix], runningBalance: true, openingBalances: opening, corruptBalances: 0.3,
          boundaryItems: across ? 0.8 : 0,
        });
        const boundary = new Set((wb.truth.boundary ?? new Map<string, string>()).values());
        const shifts = opening && shift ? shiftOpenings(wb, seed) : new Map<string, Decimal>();
        const res = reconcile(wb.parsed, resolveSettings({ asOf: wb.asOf, lang: 'en' }), wb.asOf);
        const expected = balances(wb);
        const rows = res.sheets[0].rows.map((r) => r.map(outValue));
        const statusRows = rows.filter((r) => r[4] === 'Status').map((r) => r[6]);
        expect(statusRows).toHaveLength(res.tieOuts.length);
        res.tieOuts.forEach((c, k) => {
          const id = c.scope.customerId;
          const b = expected.get(id) as { ours: Decimal; theirs: Decimal };
          const difference = b.ours.minus(b.theirs);
          expect(c.difference.toFixed(2)).toBe(difference.toFixed(2));
          const timing = c.items.filter((i) => TIMING.has(i.kind)).reduce((s, i) => s.plus(effect(i)), new Decimal(0));
          const errorItems = c.items.filter((i) => !TIMING.has(i.kind));
          const errors = errorItems.reduce((s, i) => s.plus(effect(i)), new Decimal(0)).plus(c.openingError);
          expect(c.timing.toFixed(2)).toBe(timing.toFixed(2));
          expect(c.errors.toFixed(2)).toBe(errors.toFixed(2));
          expect(timing.plus(errors).plus(c.unexplained).toFixed(2)).toBe(difference.toFixed(2));
          // What records booked across the period start do not explain of the opening difference is an error.
          const across = c.crossPeriod.reduce((s, i) => s.minus(effect(i)), new Decimal(0));
          expect(c.openingExplained.toFixed(2)).toBe(across.toFixed(2));
          expect(c.openingError.toFixed(2)).toBe(c.openingDifference.minus(across).toFixed(2));
          // An opening difference is an error of exactly the shift, never a timing item, and a record they
          // booked before the period explains all of its own part.
          if (!boundary.has(id)) expect(c.openingDifference.toFixed(2)).toBe((shifts.get(id) ?? new Decimal(0)).negated().toFixed(2));
          if (!shifts.has(id)) expect(c.openingError.toFixed(2)).toBe('0.00');
          // What no item explains is the corrupted running balance, nothing else.
          expect(c.unexplained.isZero()).toBe(!wb.truth.corrupted.has(id));
          const agreed = errorItems.length === 0 && c.openingError.isZero() && c.unexplained.isZero();
          expect(c.tied).toBe(agreed);
          expect(statusRows[k]).toBe(agreed ? 'Agreed' : 'Not agreed');
          // The two adjusted balances differ by exactly the errors and what is unexplained.
          expect(c.ourAdjusted.minus(c.theirAdjusted).toFixed(2)).toBe(errors.plus(c.unexplained).toFixed(2));
        });
      }),
      { numRuns: 16 },
    );
  });
});

function effect(i: OpenItem): Decimal {
  return i.effectDecimal ?? new Decimal(i.effectCents ?? 0).dividedBy(100);
}

describe('tie-out boundaries', () => {
  const d = (iso: string): number => dayFromISO(iso) as number;
  const scope = (opening: string, closing: string): StatementScope => ({
    cust: 0, customerId: 'C1', opening: new Decimal(opening), hasOpening: true, periodStart: d('2024-03-01'), closing: new Decimal(closing),
    closingDate: d('2024-03-31'), periodFrom: d('2024-03-01'), openingAt: null, anchor: { sheet: 'Statement', row: 9, cell: 'G9' },
  });
  const item = (kind: OpenItemKind, effectCents: number): OpenItem => ({
    cust: 0, kind, date: d('2024-03-01'), reference: 'R1', sheet: 'Receipts', row: 2, cell: 'B2', effectCents, effectDecimal: null,
  });

  it('agrees when the balances agree and nothing is open', () => {
    expect(tieOut(scope('0', '500.00'), { opening: new Decimal(0), balance: new Decimal('500.00') }, []).tied).toBe(true);
  });

  it('tolerates no cent: one cent unexplained is not agreed', () => {
    const c = tieOut(scope('0', '500.00'), { opening: new Decimal(0), balance: new Decimal('500.01') }, []);
    expect(c.unexplained.toFixed(2)).toBe('0.01');
    expect(c.tied).toBe(false);
  });

  it('an opening difference one cent wide is an error, never a timing item', () => {
    const c = tieOut(scope('700.00', '700.00'), { opening: new Decimal('700.01'), balance: new Decimal('700.01') }, []);
    expect([c.openingDifference.toFixed(2), c.timing.toFixed(2), c.errors.toFixed(2), c.unexplained.toFixed(2)]).toEqual(['0.01', '0.00', '0.01', '0.00']);
    expect(c.tied).toBe(false);
  });

  it('a receipt on the period\'s first day that they have not booked is a timing item: adjusted balances agree', () => {
    // Ours 493.25 after a receipt of 506.75 on 2024-03-01; their statement still shows 1,000.00.
    const c = tieOut(scope('1000.00', '1000.00'), { opening: new Decimal('1000.00'), balance: new Decimal('493.25') }, [item('unmatched-receipt', -50675)]);
    expect(c.adjustments.b.toFixed(2)).toBe('506.75');
    expect([c.ourAdjusted.toFixed(2), c.theirAdjusted.toFixed(2)]).toEqual(['493.25', '493.25']);
    expect(c.tied).toBe(true);
  });

  it('a disputed amount never agrees, even when it explains the difference', () => {
    const c = tieOut(scope('0', '2300.00'), { opening: new Decimal(0), balance: new Decimal('2260.00') }, [item('amount-diff-billed', -4000)]);
    expect(c.unexplained.isZero()).toBe(true);
    expect(c.tied).toBe(false);
  });
});
