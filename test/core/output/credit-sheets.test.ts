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

  it('lays out each customer by bucket with totals as formulas and a stacked bar chart of the overdue customer', () => {
    const aging = sheet('aging');
    expect(aging.columns.map((c) => c.header)).toEqual(['Customer ID', 'Customer Name', 'Current', '1-30', '31-60', '61-90', '91-180', '>180', 'Total']);
    expect(aging.rows[0].map(outValue)).toEqual(['C1', 'Name C1', { money: '500.00' }, { money: '600.00' }, { money: '0.00' }, { money: '0.00' }, { money: '0.00' }, { money: '0.00' }, { money: '1100.00' }]);
    expect(outValue(aging.rows[2][2])).toEqual({ formula: 'SUM(C3:C4)', format: 'money' });
    // Only C1 has anything overdue (600 due 2024-03-01, 30 days, 1-30): the chart's block is its header (row 8) and C1 (row 9), name to >180.
    expect(aging.charts).toEqual([{ type: 'bar', stacked: true, firstOnTop: true, title: 'The customer with an overdue balance', source: 'B8:G9', from: 'K2', to: 'S24' }]);
    expect(aging.protect).toBe(true);
  });

  it('shows limit, exposure, utilisation, overdue, ratings, factors, DSO and flags per customer', () => {
    const credit = sheet('credit');
    const c1 = credit.rows[0].map(outValue);
    expect(c1.slice(0, 8)).toEqual(['C1', 'Name C1', { money: '1000.00' }, { money: '1100.00' }, 1.1, { money: '600.00' }, 'A', 'C']);
    expect(c1[c1.length - 1]).toBe('credit-limit-exceeded, over-limit, overdue, rating-drift');
  });
});

/**
 * As of 2024-06-30, each sale's due date puts it in one bucket: 2024-07-30 Current, 2024-06-20 1-30
 * (10 days), 2024-05-16 31-60 (45), 2024-04-16 61-90 (75), 2024-02-01 91-180 (150), 2023-12-01 >180 (212).
 */
const DUE: Record<string, string> = { 'Current': '2024-07-30', '1-30': '2024-06-20', '31-60': '2024-05-16', '61-90': '2024-04-16', '91-180': '2024-02-01', '>180': '2023-12-01' };

/** Fourteen customers, C01…C14 on table rows 3…16, with what each owes per bucket. */
const OWED: [string, Record<string, number>][] = [
  ['C01', { '1-30': 100 }],
  ['C02', { '31-60': 1200 }],
  ['C03', { 'Current': 300 }],
  ['C04', { '1-30': 50, '>180': 950 }],
  ['C05', { '61-90': 700 }],
  ['C06', { '91-180': 200 }],
  ['C07', { '1-30': 1500 }],
  ['C08', { '>180': 400 }],
  ['C09', { '31-60': 600, 'Current': 500 }],
  ['C10', { '91-180': 800 }],
  ['C11', { '1-30': 900 }],
  ['C12', { '61-90': 250 }],
  ['C13', { '>180': 150 }],
  ['C14', { '31-60': 1000 }],
];

function agingOf(lang?: 'en' | 'zh') {
  const sales = OWED.flatMap(([cust, owed], i) => Object.entries(owed).map(([bucket, amount], j) => ({ date: '2023-11-01', doc: `S${i}-${j}`, cust, amount, due: DUE[bucket] })));
  const result = runCredit(creditGrids(OWED.map(([id]) => ({ id, limit: 100_000 })), sales), '2024-06-30', lang ? { lang } : {});
  const aging = result.plan.sheets.find((x) => x.key === 'aging');
  if (!aging) throw new Error('no aging sheet');
  return aging;
}

describe('the Aging chart with more customers than it shows', () => {
  const aging = agingOf();

  it('charts the ten largest overdue balances, stacked by overdue bucket, from a block under the table', () => {
    // Table rows 3–16, totals 17, blank 18, caption 19, header 20, the ten customers 21–30; name (B) to >180 (G).
    expect(aging.charts).toEqual([{ type: 'bar', stacked: true, firstOnTop: true, title: 'Top 10 customers by overdue balance', source: 'B20:G30', from: 'K2', to: 'S24' }]);
    expect(aging.rows[16].map(outValue)).toEqual(['Chart data: the top 10 customers by overdue balance, from the table above']);
    expect(aging.rows[17].map(outValue)).toEqual(['Customer ID', 'Customer Name', '1-30', '31-60', '61-90', '91-180', '>180', 'Overdue']);
  });

  it('points each chart row at its customer\'s table row, largest overdue first, ties in table order', () => {
    // By overdue: C07 1500, C02 1200, C04 1000 and C14 1000 (C04 is higher in the table), C11 900, C10 800,
    // C05 700, C09 600 (its 500 Current not counted), C08 400, C12 250. C06 200, C13 150, C01 100 and C03
    // (nothing overdue) are left out. Cxx sits on table row xx + 2.
    const expected: [string, number, string[], string][] = [
      ['C07', 9, ['1500.00', '0.00', '0.00', '0.00', '0.00'], '1500.00'],
      ['C02', 4, ['0.00', '1200.00', '0.00', '0.00', '0.00'], '1200.00'],
      ['C04', 6, ['50.00', '0.00', '0.00', '0.00', '950.00'], '1000.00'],
      ['C14', 16, ['0.00', '1000.00', '0.00', '0.00', '0.00'], '1000.00'],
      ['C11', 13, ['900.00', '0.00', '0.00', '0.00', '0.00'], '900.00'],
      ['C10', 12, ['0.00', '0.00', '0.00', '800.00', '0.00'], '800.00'],
      ['C05', 7, ['0.00', '0.00', '700.00', '0.00', '0.00'], '700.00'],
      ['C09', 11, ['0.00', '600.00', '0.00', '0.00', '0.00'], '600.00'],
      ['C08', 10, ['0.00', '0.00', '0.00', '0.00', '400.00'], '400.00'],
      ['C12', 14, ['0.00', '0.00', '250.00', '0.00', '0.00'], '250.00'],
    ];
    expect(aging.rows.slice(18).map((r) => r.map(outValue))).toEqual(expected.map(([id, r, buckets, overdue], i) => [
      { formula: `A${r}`, result: id },
      { formula: `IF(B${r}="",A${r},B${r})`, result: `Name ${id}` },
      ...['D', 'E', 'F', 'G', 'H'].map((col, k) => ({ formula: `${col}${r}`, format: 'money', result: buckets[k] })),
      { formula: `SUM(C${21 + i}:G${21 + i})`, format: 'money', result: overdue },
    ]));
  });

  it('leaves the table as it was: every customer with a balance, in table order, and the totals over them', () => {
    expect(aging.rows.slice(0, 14).map((r) => r[0])).toEqual(OWED.map(([id]) => id));
    expect(aging.rows[8].map(outValue)).toEqual(['C09', 'Name C09', { money: '500.00' }, { money: '0.00' }, { money: '600.00' }, { money: '0.00' }, { money: '0.00' }, { money: '0.00' }, { money: '1100.00' }]);
    expect(aging.rows[14].map(outValue)).toEqual(['Total', null, ...['C', 'D', 'E', 'F', 'G', 'H', 'I'].map((col) => ({ formula: `SUM(${col}3:${col}16)`, format: 'money' }))]);
    expect(aging.rows[15]).toEqual([]);
  });

  it('titles the chart in Chinese for a Chinese workbook', () => {
    const zh = agingOf('zh');
    expect(zh.charts?.map((c) => c.title)).toEqual(['逾期余额前 10 名客户']);
    expect(zh.rows[16].map(outValue)).toEqual(['图表数据：逾期余额前 10 名客户（取自上表）']);
  });
});
