import { creditGrids, runCredit } from '../credit/credit-fixtures';

/**
 * Who gets a statement of account (对账单): a customer on the customers sheet with activity. A Customer ID
 * typed on a sale but missing from the customers sheet (the sample's planted C099) gets its
 * `unknown-customer` finding, not a statement addressed to nobody (issue #10).
 */
describe('statements of account for customers with activity', () => {
  const grids = creditGrids([{ id: 'C001', limit: 10000 }, { id: 'C002', limit: 10000 }, { id: 'C003', limit: 10000 }], [
    { date: '2024-03-05', doc: 'S1', cust: 'C001', amount: 500 },
    { date: '2024-03-06', doc: 'S2', cust: 'C099', amount: 700 },
    { date: '2024-03-07', doc: 'S3', cust: 'C002', amount: 300 },
  ]);
  const statements = (settings = {}): string[] => runCredit(grids, '2024-03-31', settings).plan.sheets.filter((s) => s.key.startsWith('statement')).map((s) => s.name);

  it('writes one for each known customer with activity, none for an unknown one', () => {
    expect(statements()).toEqual(['Statement – C001', 'Statement – C002']);
    const unknown = runCredit(grids, '2024-03-31').report.findings.filter((f) => f.code === 'unknown-customer');
    expect(unknown.map((f) => `${f.sheet}!${f.cell}`)).toEqual(['Sales!C3']);
  });

  it('writes none for an unknown customer even when asked by name', () => {
    expect(statements({ statementCustomers: ['C099', 'C002'] })).toEqual(['Statement – C002']);
  });
});
