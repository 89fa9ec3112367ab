import { createExcelOps } from '../../src/excel/workbook-ops';
import { fakeHost, newFake, salesWorkbook, snapshot } from './helpers';
import { cellKeyOf } from './keys';

/**
 * Excel desktop joins the areas of a getRanges address with the locale's list separator and refuses the
 * other one (office-js issues #1167, #1985): a check and a Clear work in a "," locale (English) and in a
 * ";" locale (German, Italian, Czech…) alike, with multi-area highlights in both.
 */

const USER_SHEETS = ['Customers', 'Sales', 'Receipts'];

describe('Excel adapter: multi-area ranges in every locale', () => {
  it.each([',', ';'] as const)('list separator "%s": check highlights scattered cells, Clear puts them back', async (listSeparator) => {
    // Every 3rd row lacks its Document No: B4, B7, … are flagged, none adjacent, so highlights span many areas.
    const wb = salesWorkbook(60, 3);
    wb.mustSheet('Sales').fills.set(cellKeyOf('B7'), { color: '#92D050', pattern: 'Solid' });
    const before = snapshot(wb, USER_SHEETS);
    const fake = newFake(wb, { listSeparator });
    const ops = createExcelOps({ host: fakeHost(fake) });
    const checked = await ops.check({});
    expect(checked.ok ? 'ok' : checked.message).toBe('ok');
    const sales = wb.mustSheet('Sales');
    for (const cell of ['B4', 'B7', 'B61']) expect(sales.fills.get(cellKeyOf(cell))?.color).toBe('#FFC7CE');
    expect(sales.fills.get(cellKeyOf('B5'))).toBeUndefined();
    // Fewer fill calls than flagged cells: the areas went together.
    expect(fake.stats.opsBySheet.Sales['RangeFill.color=']).toBeLessThan(20);

    const cleared = await ops.clear();
    expect(cleared.ok ? 'ok' : cleared.message).toBe('ok');
    expect(snapshot(wb, USER_SHEETS)).toEqual(before);
  });
});
