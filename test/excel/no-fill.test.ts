import { isNoFill } from '../../src/excel/annotations';
import { createExcelOps } from '../../src/excel/workbook-ops';
import { fakeHost, newFake, salesWorkbook, snapshot } from './helpers';
import { cellKeyOf } from './keys';

/**
 * "No Fill" and a white fill are different looks (a white fill hides the gridlines), but some Excel builds
 * report both as pattern null and colour #FFFFFF (office-js #4900, #6218). Clear must put No Fill back as
 * No Fill, never paint it white, and put a white fill back as white.
 */

const USER_SHEETS = ['Customers', 'Sales', 'Receipts'];

describe('Excel adapter: No Fill recognised however Excel reports it', () => {
  it.each([
    ['documented No Fill', { pattern: 'None', color: '#FFFFFF', tintAndShade: null }, true],
    ['No Fill with pattern null (office-js #6218)', { pattern: null, color: '#FFFFFF', tintAndShade: null }, true],
    ['white fill with pattern null', { pattern: null, color: '#FFFFFF', tintAndShade: 0 }, false],
    ['white solid fill', { pattern: 'Solid', color: '#FFFFFF', tintAndShade: 0 }, false],
    ['green fill, pattern null, no tint reported', { pattern: null, color: '#92D050' }, false],
    ['white, pattern null, no tint reported: assumed No Fill', { pattern: null, color: '#FFFFFF' }, true],
    ['nothing reported', undefined, true],
  ])('%s → No Fill: %s', (_name, fill, expected) => {
    expect(isNoFill(fill)).toBe(expected);
  });

  it.each(['documented', 'null'] as const)('fill patterns reported %s: Clear leaves the unfilled cell unfilled and the white one white', async (fillPatternReported) => {
    // Every 5th row lacks its Document No: B6 (unfilled) and B11 (white) get highlighted.
    const wb = salesWorkbook(20, 5);
    const sales = wb.mustSheet('Sales');
    sales.fills.set(cellKeyOf('B11'), { color: '#FFFFFF', pattern: 'Solid' });
    const before = snapshot(wb, USER_SHEETS);
    const fake = newFake(wb, { fillPatternReported });
    const ops = createExcelOps({ host: fakeHost(fake) });
    expect((await ops.check({})).ok).toBe(true);
    expect(sales.fills.get(cellKeyOf('B6'))?.color).toBe('#FFC7CE');
    expect(sales.fills.get(cellKeyOf('B11'))?.color).toBe('#FFC7CE');

    expect((await ops.clear()).ok).toBe(true);
    expect(sales.fills.get(cellKeyOf('B6'))).toBeUndefined();
    expect(sales.fills.get(cellKeyOf('B11'))).toEqual({ color: '#FFFFFF', pattern: 'Solid' });
    expect(snapshot(wb, USER_SHEETS)).toEqual(before);
  });
});
