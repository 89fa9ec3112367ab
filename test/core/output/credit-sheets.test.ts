import { outValue } from '../../../src/core/output/plan';
import { creditGrids, runCredit } from '../credit/credit-fixtures';

describe('the Aging and Credit sheets', () => {
  const result = runCredit(
    creditGrids([{ id: 'C1', limit: 1000, rating: 'A' }, { id: 'C2', limit: 5000 }], [
      { date: '2024-01-01', doc: 'S1', cust: 'C1', amount: 600, due: '2024-03-01' },
      { date: '2024-03-20', doc: 'S2', cust: 'C1', amount: 500, due: '2024-04-20' },
      { date: '2024-03-25', doc: 'S3', cust: 'C2', amount: 250, due: '2024-04-25' },
    ]),
    '2024-03-31',
  );
  const sheet = (key: string) => {
    const s = result.plan.sheets.find((x) => x.key === key);
    if (!s) throw new Error(`no ${key} sheet`);
    return s;
  };

  it('lays out each customer by bucket with totals as formulas and a bar chart', () => {
    const aging = sheet('aging');
    expect(aging.columns.map((c) => c.header)).toEqual(['Customer ID', 'Customer Name', 'Current', '1-30', '31-60', '61-90', '91-180', '>180', 'Total']);
    expect(aging.rows[0].map(outValue)).toEqual(['C1', 'Name C1', { money: '500.00' }, { money: '600.00' }, { money: '0.00' }, { money: '0.00' }, { money: '0.00' }, { money: '0.00' }, { money: '1100.00' }]);
    expect(outValue(aging.rows[2][2])).toEqual({ formula: 'SUM(C3:C4)', format: 'money' });
    expect(aging.charts).toEqual([expect.objectContaining({ type: 'bar', source: 'B2:H4' })]);
    expect(aging.protect).toBe(true);
  });

  it('shows limit, exposure, utilisation, overdue, ratings, factors, DSO and flags per customer', () => {
    const credit = sheet('credit');
    const c1 = credit.rows[0].map(outValue);
    expect(c1.slice(0, 8)).toEqual(['C1', 'Name C1', { money: '1000.00' }, { money: '1100.00' }, 1.1, { money: '600.00' }, 'A', 'C']);
    expect(c1[c1.length - 1]).toBe('credit-limit-exceeded, over-limit, overdue, rating-drift');
  });
});
