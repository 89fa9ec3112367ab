import fc from 'fast-check';
import { applyCash, CashInvoice, CashReceipt } from '../../../src/core/matching/cash-application';
import { NO_DATE } from '../../../src/core/matching/match-types';

const SETTINGS = { windowDays: 7, groupMax: 5, groupCandidates: 16 };

function inv(cents: number, date: number, keys: string[] = [], order = date): CashInvoice {
  return { cust: 0, date, order, cents, keys };
}
function rec(cents: number, date: number, named: string[] = [], order = date): CashReceipt {
  return { cust: 0, date, order, cents, named };
}

describe('applyCash', () => {
  it.each<{ name: string; invoices: CashInvoice[]; receipts: CashReceipt[]; allocations: [number, number, number, string][]; open: number[]; unapplied: number[] }>([
    {
      name: 'the invoice named in the reference, even if not the oldest',
      invoices: [inv(500, 10, ['A']), inv(800, 20, ['B'])],
      receipts: [rec(800, 30, ['B'])],
      allocations: [[0, 1, 800, 'reference']], open: [500, 0], unapplied: [0],
    },
    {
      name: 'named invoices in the order named, the rest by FIFO',
      invoices: [inv(100, 10, ['A']), inv(200, 11, ['B']), inv(300, 12, ['C'])],
      receipts: [rec(450, 30, ['C', 'A'])],
      allocations: [[0, 2, 300, 'reference'], [0, 0, 100, 'reference'], [0, 1, 50, 'fifo']], open: [0, 150, 0], unapplied: [0],
    },
    {
      name: 'exact amount of one open invoice',
      invoices: [inv(100, 10), inv(250, 11), inv(400, 12)],
      receipts: [rec(250, 20)],
      allocations: [[0, 1, 250, 'exact-amount']], open: [100, 0, 400], unapplied: [0],
    },
    {
      name: 'the oldest of several invoices with that amount',
      invoices: [inv(250, 12), inv(250, 10)],
      receipts: [rec(250, 20)],
      allocations: [[0, 1, 250, 'exact-amount']], open: [250, 0], unapplied: [0],
    },
    {
      name: 'a group of invoices adding up to the receipt',
      invoices: [inv(100, 10), inv(250, 11), inv(400, 12), inv(75, 13)],
      receipts: [rec(475, 20)],
      allocations: [[0, 2, 400, 'group'], [0, 3, 75, 'group']], open: [100, 250, 0, 0], unapplied: [0],
    },
    {
      name: 'FIFO with a partial payment',
      invoices: [inv(100, 10), inv(250, 11)],
      receipts: [rec(170, 20)],
      allocations: [[0, 0, 100, 'fifo'], [0, 1, 70, 'fifo']], open: [0, 180], unapplied: [0],
    },
    {
      name: 'money left over is unapplied',
      invoices: [inv(100, 10)],
      receipts: [rec(130, 20)],
      allocations: [[0, 0, 100, 'fifo']], open: [0], unapplied: [30],
    },
    {
      name: 'no invoice of that customer',
      invoices: [{ ...inv(100, 10), cust: 1 }],
      receipts: [rec(130, 20)],
      allocations: [], open: [100], unapplied: [130],
    },
    {
      name: 'receipts in date order; undated invoices are paid last',
      invoices: [inv(100, NO_DATE, [], 1), inv(100, 15, [], 2)],
      receipts: [rec(60, 40), rec(60, 30)],
      allocations: [[1, 1, 60, 'fifo'], [0, 1, 40, 'fifo'], [0, 0, 20, 'fifo']], open: [80, 0], unapplied: [0, 0],
    },
  ])('$name', ({ invoices, receipts, allocations, open, unapplied }) => {
    const out = applyCash(invoices, receipts, SETTINGS);
    expect(out.allocations.map((a) => [a.receipt, a.invoice, a.cents, a.pass])).toEqual(allocations);
    expect([...out.open]).toEqual(open);
    expect([...out.unapplied]).toEqual(unapplied);
  });

  it.each<{ name: string; invoices: CashInvoice[]; receipts: CashReceipt[]; allocations: [number, number, number, string][] }>([
    {
      name: 'exact amount: an invoice dated 7 days after the receipt is in',
      invoices: [inv(100, 10), inv(250, 27)], receipts: [rec(250, 20)],
      allocations: [[0, 1, 250, 'exact-amount']],
    },
    {
      name: 'exact amount: 8 days after is out (FIFO then pays the oldest)',
      invoices: [inv(100, 10), inv(250, 28)], receipts: [rec(250, 20)],
      allocations: [[0, 0, 100, 'fifo'], [0, 1, 150, 'fifo']],
    },
    {
      name: 'group: a member dated 7 days after the receipt is in',
      invoices: [inv(500, 5), inv(100, 10), inv(250, 27)], receipts: [rec(350, 20)],
      allocations: [[0, 1, 100, 'group'], [0, 2, 250, 'group']],
    },
    {
      name: 'group: 8 days after is out',
      invoices: [inv(500, 5), inv(100, 10), inv(250, 28)], receipts: [rec(350, 20)],
      allocations: [[0, 0, 350, 'fifo']],
    },
    {
      name: 'group: the oldest invoice joins',
      invoices: [inv(100, 10), inv(250, 11), inv(400, 12)], receipts: [rec(350, 20)],
      allocations: [[0, 0, 100, 'group'], [0, 1, 250, 'group']],
    },
    {
      // 20 open invoices: the receipt pays the 2nd and 3rd oldest (the oldest is disputed). Taking only
      // the 16 most recent as candidates, they could never be found and FIFO paid the disputed one.
      name: 'group: old invoices of a customer with many open ones join',
      invoices: Array.from({ length: 20 }, (_, k) => inv(1000 + 3 * k * k, 10 + k)), receipts: [rec(1003 + 1012, 40)],
      allocations: [[0, 1, 1003, 'group'], [0, 2, 1012, 'group']],
    },
    {
      name: 'group: an invoice open for more than the receipt is never a member',
      invoices: [inv(300, 10), inv(400, 11), inv(5000, 12)], receipts: [rec(700, 20)],
      allocations: [[0, 0, 300, 'group'], [0, 1, 400, 'group']],
    },
  ])('date cutoffs and group window — $name', ({ invoices, receipts, allocations }) => {
    const out = applyCash(invoices, receipts, SETTINGS);
    expect(out.allocations.map((a) => [a.receipt, a.invoice, a.cents, a.pass])).toEqual(allocations);
  });

  it('allocations of a receipt sum to it exactly and never overpay an invoice', () => {
    const invoiceArb = fc.record({ cust: fc.integer({ min: 0, max: 2 }), date: fc.integer({ min: 45000, max: 45100 }), cents: fc.integer({ min: 1, max: 100_000 }), key: fc.integer({ min: 0, max: 30 }) });
    const receiptArb = fc.record({ cust: fc.integer({ min: 0, max: 2 }), date: fc.integer({ min: 45000, max: 45130 }), cents: fc.integer({ min: 1, max: 200_000 }), named: fc.array(fc.integer({ min: 0, max: 30 }), { maxLength: 3 }) });
    fc.assert(
      fc.property(fc.array(invoiceArb, { maxLength: 40 }), fc.array(receiptArb, { maxLength: 30 }), (is, rs) => {
        const invoices = is.map((x, k) => ({ cust: x.cust, date: x.date, order: k, cents: x.cents, keys: [`K${x.key}`] }));
        const receipts = rs.map((x, k) => ({ cust: x.cust, date: x.date, order: k, cents: x.cents, named: x.named.map((n) => `K${n}`) }));
        const out = applyCash(invoices, receipts, SETTINGS);
        const perReceipt = new Array(receipts.length).fill(0);
        const perInvoice = new Array(invoices.length).fill(0);
        for (const a of out.allocations) {
          expect(a.cents).toBeGreaterThan(0);
          expect(invoices[a.invoice].cust).toBe(receipts[a.receipt].cust);
          perReceipt[a.receipt] += a.cents;
          perInvoice[a.invoice] += a.cents;
        }
        receipts.forEach((r, k) => expect(perReceipt[k] + out.unapplied[k]).toBe(r.cents));
        invoices.forEach((i, k) => {
          expect(perInvoice[k] + out.open[k]).toBe(i.cents);
          expect(out.open[k]).toBeGreaterThanOrEqual(0);
        });
        // Cash is only left over when the customer has nothing left open.
        receipts.forEach((r, k) => {
          if (out.unapplied[k] > 0) invoices.forEach((i, j) => i.cust === r.cust && expect(out.open[j]).toBe(0));
        });
      }),
    );
  });
});
