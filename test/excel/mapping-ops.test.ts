import { readMapping, saveMapping } from '../../src/excel/mapping-ops';
import { FakeWorkbookModel } from '../fake-excel';
import { fakeHost, newFake } from './helpers';

function book(): FakeWorkbookModel {
  return FakeWorkbookModel.fromRows({
    Customers: [['Customer ID', 'Customer Name'], ['C1', 'Acme']],
    Orders: [
      ['Posting Date', 'Order Ref', 'Cust ID', 'Net Amount', 'Colour'],
      [45300, 'SO-1', 'C1', 100, 'red'],
      [45301, 'SO-2', 'C1', 200, 'blue'],
    ],
    Misc: [['Alpha', 'Beta'], [1, 2], [3, 4]],
  });
}

describe('the mapping panel’s reads and saves (fake Excel)', () => {
  it('lists every field of a recognised sheet with its column and reason, the headers to pick from, and sheets that fit nothing', async () => {
    const fake = newFake(book());
    const r = await readMapping(fakeHost(fake), 'en');
    if (!r.ok) throw new Error(r.message);
    const orders = r.value.sheets.find((s) => s.sheet === 'Orders');
    expect(orders?.template).toBe('sales');
    expect(orders?.headers).toEqual(['Posting Date', 'Order Ref', 'Cust ID', 'Net Amount', 'Colour']);
    const date = orders?.fields.find((f) => f.field === 'date');
    expect(date).toMatchObject({ label: 'Date', required: true, column: 'A', header: 'Posting Date' });
    expect(date?.reason).toEqual(expect.any(String));
    expect(orders?.fields.find((f) => f.field === 'invoiceNo')).toMatchObject({ column: null, header: null });
    expect(fake.stats.syncs).toBe(2);
  });

  it('a saved choice is kept in the workbook and used the next time', async () => {
    const fake = newFake(book());
    const saved = await saveMapping(fakeHost(fake), 'en', [{ template: 'sales', field: 'category', header: 'Colour' }]);
    expect(saved).toEqual({ ok: true, value: 1 });
    const r = await readMapping(fakeHost(fake), 'zh');
    if (!r.ok) throw new Error(r.message);
    const category = r.value.sheets.find((s) => s.sheet === 'Orders')?.fields.find((f) => f.field === 'category');
    expect(category).toMatchObject({ label: '产品类别', column: 'E', header: 'Colour', source: 'saved' });
  });
});
