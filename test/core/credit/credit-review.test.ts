import { CheckResult } from '../../../src/core/engine';
import { Finding } from '../../../src/core/model/findings';
import { creditGrids, runCredit } from './credit-fixtures';

function customer(result: CheckResult, id: string) {
  const c = result.report.customers.find((x) => x.customerId === id);
  if (!c) throw new Error(`no customer ${id}`);
  return c;
}

function codes(result: CheckResult, code: string): Finding[] {
  return result.report.findings.filter((f) => f.code === code);
}

describe('aging as of a chosen date', () => {
  // As of 2024-06-30; each invoice's Due Date puts it a known number of days past due.
  const cases: [string, string, string][] = [
    ['due on the as-of date', '2024-06-30', 'Current'],
    ['due after the as-of date', '2024-07-15', 'Current'],
    ['1 day past due', '2024-06-29', '1-30'],
    ['30 days past due', '2024-05-31', '1-30'],
    ['31 days past due', '2024-05-30', '31-60'],
    ['60 days past due', '2024-05-01', '31-60'],
    ['61 days past due', '2024-04-30', '61-90'],
    ['90 days past due', '2024-04-01', '61-90'],
    ['91 days past due', '2024-03-31', '91-180'],
    ['180 days past due', '2024-01-02', '91-180'],
    ['181 days past due', '2024-01-01', '>180'],
  ];
  it.each(cases)('an invoice %s (due %s) is in bucket %s', (_, due, bucket) => {
    const result = runCredit(creditGrids([{ id: 'C1', limit: 100000 }], [{ date: '2023-12-01', doc: 'S1', cust: 'C1', amount: 123.45, due }]), '2024-06-30');
    const c = customer(result, 'C1');
    expect(c.aging[bucket]).toBe('123.45');
    const others = Object.entries(c.aging).filter(([k]) => k !== bucket).map(([, v]) => v);
    expect(new Set(others)).toEqual(new Set(['0.00']));
    expect(c.overdue).toBe(bucket === 'Current' ? '0.00' : '123.45');
  });

  it('uses the buckets of the settings', () => {
    const result = runCredit(
      creditGrids([{ id: 'C1', limit: 100000 }], [
        { date: '2024-01-01', doc: 'S1', cust: 'C1', amount: 10, due: '2024-06-15' },
        { date: '2024-01-01', doc: 'S2', cust: 'C1', amount: 20, due: '2024-06-14' },
        { date: '2024-01-01', doc: 'S3', cust: 'C1', amount: 40, due: '2024-05-16' },
        { date: '2024-01-01', doc: 'S4', cust: 'C1', amount: 80, due: '2024-05-15' },
      ]),
      '2024-06-30',
      { agingBuckets: [15, 45] },
    );
    expect(customer(result, 'C1').aging).toEqual({ Current: '0.00', '1-15': '10.00', '16-45': '60.00', '>45': '80.00' });
  });

  it('dates a sale without Due Date from the customer\'s terms: 月结30天 on 2024-01-15 is due 2024-03-01', () => {
    const grids = creditGrids([{ id: 'C1', limit: 100000, terms: '月结30天' }], [{ date: '2024-01-15', doc: 'S1', cust: 'C1', amount: 500 }]);
    expect(customer(runCredit(grids, '2024-03-01'), 'C1').overdue).toBe('0.00');
    const late = customer(runCredit(grids, '2024-03-02'), 'C1');
    expect(late.aging['1-30']).toBe('500.00');
    expect(late.ratingFactors?.find((f) => f.factor === 'oldest-overdue')?.value).toBe('1');
  });

  it.each([
    ['Net 30', '2024-02-14', '2024-02-15'],
    ['30天', '2024-02-14', '2024-02-15'],
    ['EOM 30', '2024-03-01', '2024-03-02'],
    ['COD', '2024-01-15', '2024-01-16'],
    ['款到发货', '2024-01-15', '2024-01-16'],
  ])('under %s a sale of 2024-01-15 is current on %s and overdue on %s', (terms, lastCurrent, firstLate) => {
    const grids = creditGrids([{ id: 'C1', limit: 100000, terms }], [{ date: '2024-01-15', doc: 'S1', cust: 'C1', amount: 500 }]);
    expect(customer(runCredit(grids, lastCurrent), 'C1').overdue).toBe('0.00');
    expect(customer(runCredit(grids, firstLate), 'C1').overdue).toBe('500.00');
  });
});

describe('exposure against the credit limit', () => {
  const customers = [{ id: 'C1', limit: 1000 }];
  const sales = [
    { date: '2024-01-01', doc: 'S1', cust: 'C1', amount: 400 },
    { date: '2024-01-02', doc: 'S2', cust: 'C1', amount: 500 },
    { date: '2024-01-04', doc: 'S3', cust: 'C1', amount: 300 },
    { date: '2024-01-05', doc: 'S4', cust: 'C1', amount: 350 },
    { date: '2024-01-06', doc: 'S5', cust: 'C1', amount: 100 },
  ];
  const receipts = [{ date: '2024-01-03', no: 'R1', cust: 'C1', amount: 300, ref: 'S1' }];

  it('flags the sale that took exposure over the limit, and not the sales after it', () => {
    // Running exposure: 400, 900, 600 after R1, 900, 1,250 (S4 crosses), 1,350.
    const result = runCredit(creditGrids(customers, sales, receipts), '2024-01-31');
    const hits = codes(result, 'credit-limit-exceeded');
    expect(hits.map((f) => `${f.sheet}!${f.row}`)).toEqual(['Sales!5']);
    expect(hits[0].message).toContain('S4');
    expect(hits[0].message).toContain('900.00');
    expect(hits[0].message).toContain('1,250.00');
  });

  it('flags only the first crossing when a receipt takes exposure back under and a sale over again', () => {
    // 1,250 after S4 (crosses), 1,350 after S5; R2 brings it to 850; S6 takes it to 1,050: the same story.
    const again = [...receipts, { date: '2024-01-07', no: 'R2', cust: 'C1', amount: 500 }];
    const more = [...sales, { date: '2024-01-08', doc: 'S6', cust: 'C1', amount: 200 }];
    const hits = codes(runCredit(creditGrids(customers, more, again), '2024-01-31'), 'credit-limit-exceeded');
    expect(hits.map((f) => `${f.sheet}!${f.row}`)).toEqual(['Sales!5']);
  });

  it('counts a receipt before the sales of the same day', () => {
    const sameDay = [{ date: '2024-01-05', no: 'R2', cust: 'C1', amount: 300 }];
    const result = runCredit(creditGrids(customers, sales, [...receipts, ...sameDay]), '2024-01-31');
    // S4 now takes 600 to 950, S5 to 1,050.
    expect(codes(result, 'credit-limit-exceeded').map((f) => f.row)).toEqual([6]);
  });

  it('raises over-limit above 100 % and near-limit from 90 %', () => {
    const result = runCredit(
      creditGrids([{ id: 'OVER', limit: 1000 }, { id: 'NEAR', limit: 1000 }, { id: 'OK', limit: 1000 }, { id: 'EDGE', limit: 1000 }], [
        { date: '2024-01-01', doc: 'S1', cust: 'OVER', amount: 1000.01 },
        { date: '2024-01-01', doc: 'S2', cust: 'NEAR', amount: 900 },
        { date: '2024-01-01', doc: 'S3', cust: 'OK', amount: 899.99 },
        { date: '2024-01-01', doc: 'S4', cust: 'EDGE', amount: 1000 },
      ]),
      '2024-01-10',
    );
    expect(codes(result, 'over-limit').map((f) => f.cell)).toEqual(['C2']);
    expect(codes(result, 'near-limit').map((f) => f.cell).sort()).toEqual(['C3', 'C5']);
    expect(customer(result, 'OVER').utilization).toBe('1');
    expect(customer(result, 'OVER').flags).toContain('over-limit');
    expect(customer(result, 'NEAR').utilization).toBe('0.9');
  });

  it('honours the near-limit ratio of the settings', () => {
    const grids = creditGrids([{ id: 'C1', limit: 1000 }], [{ date: '2024-01-01', doc: 'S1', cust: 'C1', amount: 800 }]);
    expect(codes(runCredit(grids, '2024-01-10'), 'near-limit')).toHaveLength(0);
    expect(codes(runCredit(grids, '2024-01-10', { nearLimitRatio: '0.8' }), 'near-limit')).toHaveLength(1);
  });

  it('leaves sales after the as-of date out of exposure unless the settings count them', () => {
    const grids = creditGrids([{ id: 'C1', limit: 1000 }], [
      { date: '2024-01-01', doc: 'S1', cust: 'C1', amount: 800 },
      { date: '2024-02-01', doc: 'S2', cust: 'C1', amount: 800 },
    ]);
    expect(codes(runCredit(grids, '2024-01-10'), 'over-limit')).toHaveLength(0);
    const future = runCredit(grids, '2024-01-10', { exposureIncludesFutureSales: true });
    expect(codes(future, 'over-limit')).toHaveLength(1);
    expect(customer(future, 'C1').balance).toBe('800.00');
    expect(customer(future, 'C1').exposure).toBe('1600.00');
  });
});

describe('sales to customers on hold', () => {
  it('flags every sale to a held or closed customer, at its Customer ID', () => {
    const result = runCredit(
      creditGrids([{ id: 'H', limit: 1000, status: 'On Hold' }, { id: 'X', limit: 1000, status: '关闭' }, { id: 'A', limit: 1000 }], [
        { date: '2024-01-01', doc: 'S1', cust: 'H', amount: 10 },
        { date: '2024-01-02', doc: 'S2', cust: 'A', amount: 10 },
        { date: '2024-01-03', doc: 'S3', cust: 'X', amount: 10 },
      ]),
      '2024-01-10',
    );
    expect(codes(result, 'customer-on-hold').map((f) => f.cell)).toEqual(['C2', 'C4']);
    expect(customer(result, 'H').flags).toEqual(expect.arrayContaining(['on-hold', 'customer-on-hold']));
  });
});

describe('rating factors', () => {
  function factor(result: CheckResult, id: string, name: string) {
    return customer(result, id).ratingFactors?.find((f) => f.factor === name);
  }

  it('weighs days late by amount over paid and overdue amounts', () => {
    // 1,000 paid 10 days late, 3,000 paid on time: (1,000 × 10) / 4,000 = 2.5 days.
    const result = runCredit(
      creditGrids([{ id: 'C1', limit: 100000 }], [
        { date: '2024-01-01', doc: 'S1', cust: 'C1', amount: 1000, due: '2024-01-31' },
        { date: '2024-01-01', doc: 'S2', cust: 'C1', amount: 3000, due: '2024-01-31' },
      ], [
        { date: '2024-02-10', no: 'R1', cust: 'C1', amount: 1000, ref: 'S1' },
        { date: '2024-01-20', no: 'R2', cust: 'C1', amount: 3000, ref: 'S2' },
      ]),
      '2024-03-31',
    );
    expect(factor(result, 'C1', 'days-late')).toEqual({ factor: 'days-late', value: '2.5', grade: 'A' });
  });

  it('measures the overdue share, the oldest overdue days and utilization', () => {
    // Open: 600 due 2024-03-01 (30 days past due as of 2024-03-31) and 400 not yet due.
    const result = runCredit(
      creditGrids([{ id: 'C1', limit: 1250 }], [
        { date: '2024-01-01', doc: 'S1', cust: 'C1', amount: 600, due: '2024-03-01' },
        { date: '2024-03-20', doc: 'S2', cust: 'C1', amount: 400, due: '2024-04-20' },
      ]),
      '2024-03-31',
    );
    expect(factor(result, 'C1', 'overdue-share')).toEqual({ factor: 'overdue-share', value: '0.6000', grade: 'C' });
    expect(factor(result, 'C1', 'oldest-overdue')).toEqual({ factor: 'oldest-overdue', value: '30', grade: 'B' });
    expect(factor(result, 'C1', 'utilization')).toEqual({ factor: 'utilization', value: '0.8000', grade: 'B' });
    // 30 days late on all 600 overdue: 30.0 days, grade C. Points B, C, B, C → mean 2.5 → C (ties go to the worse grade).
    expect(factor(result, 'C1', 'days-late')).toEqual({ factor: 'days-late', value: '30.0', grade: 'C' });
    expect(customer(result, 'C1').computedRating).toBe('C');
  });

  it('flags rating-drift when the manual rating is two grades or more from the computed one', () => {
    const sales = (cust: string) => ({ date: '2024-01-01', doc: `S-${cust}`, cust, amount: 2000, due: '2024-01-31' });
    // Every factor is D: 2,000 open, all of it 60 days overdue, 200 % of the limit.
    const result = runCredit(
      creditGrids([{ id: 'A1', limit: 1000, rating: 'A' }, { id: 'C1', limit: 1000, rating: 'C' }], [sales('A1'), sales('C1')]),
      '2024-03-31',
    );
    expect(customer(result, 'A1').computedRating).toBe('D');
    expect(customer(result, 'A1').rating).toBe('A');
    const drift = codes(result, 'rating-drift');
    expect(drift.map((f) => f.cell)).toEqual(['E2']);
    expect(drift[0].expected).toBe('D');
    expect(drift[0].actual).toBe('A');
  });
});

describe('DSO', () => {
  it('is the balance over the period\'s sales times the days of the period, per customer and overall', () => {
    // Period 2024-01-01 … 2024-03-30: 90 days. C1 sold 9,000, owes 3,000 → 30.0; C2 sold 1,000, owes 1,000 → 90.0.
    const result = runCredit(
      creditGrids([{ id: 'C1', limit: 100000 }, { id: 'C2', limit: 100000 }], [
        { date: '2024-01-01', doc: 'S1', cust: 'C1', amount: 6000 },
        { date: '2024-03-01', doc: 'S2', cust: 'C1', amount: 3000 },
        { date: '2024-02-01', doc: 'S3', cust: 'C2', amount: 1000 },
      ], [{ date: '2024-02-15', no: 'R1', cust: 'C1', amount: 6000, ref: 'S1' }]),
      '2024-03-30',
    );
    expect(customer(result, 'C1').dso).toBe('30.0');
    expect(customer(result, 'C2').dso).toBe('90.0');
    // Overall: 4,000 / 10,000 × 90 = 36.0.
    expect(result.report.totals?.dso).toBe('36.0');
  });
});
