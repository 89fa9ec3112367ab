import ExcelJS from 'exceljs';
import { readState } from '../../src/xlsx/state-sheet';
import { renderPlan } from '../../src/xlsx/render-plan';
import { applyTint, colorHex, themePalette } from '../../src/xlsx/theme-colors';
import { roundTrip } from './helpers';

describe('theme colours as RGB for the shared saved looks', () => {
  // Excel's own swatches for the Office 2007 theme's accent1 (4F81BD) and text 2 (1F497D).
  it.each([
    ['4F81BD', 0.3999755851924192, '95B3D7'],
    ['4F81BD', 0.5999938962981048, 'B8CCE4'],
    ['4F81BD', -0.249977111117893, '376091'],
    ['1F497D', 0.7999816888943144, 'C5D9F1'],
    ['FFFFFF', -0.1499984740745262, 'D9D9D9'],
    ['4F81BD', 0, '4F81BD'],
  ])('tints %s by %d to %s (within one unit a channel: Excel rounds in integer HLS)', (rgb, tint, expected) => {
    const got = applyTint(rgb, tint);
    for (const i of [0, 2, 4]) expect(Math.abs(parseInt(got.slice(i, i + 2), 16) - parseInt(expected.slice(i, i + 2), 16))).toBeLessThanOrEqual(1);
  });

  it('resolves ARGB, theme and tint, and nothing else', () => {
    const palette = ['FFFFFF', '000000', 'EEECE1', '1F497D', '4F81BD'];
    expect(colorHex({ argb: 'FF112233' }, palette)).toBe('#112233');
    expect(colorHex({ theme: 4, tint: 0.3999755851924192 } as unknown as ExcelJS.Color, palette)).toBe('#95B3D7');
    expect(colorHex({ theme: 1 } as unknown as ExcelJS.Color, palette)).toBe('#000000');
    expect(colorHex({ indexed: 10 } as unknown as ExcelJS.Color, palette)).toBeNull();
    expect(colorHex({ theme: 4 } as unknown as ExcelJS.Color, null)).toBeNull();
  });

  it('saves a theme-filled cell in the shared form as its RGB, so the add-in can restore it', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Sales');
    ws.getCell('B2').value = 'INV-1';
    ws.getCell('B2').fill = { type: 'pattern', pattern: 'solid', fgColor: { theme: 4, tint: 0.3999755851924192 } as unknown as ExcelJS.Color };
    const loaded = await roundTrip(wb);
    expect(themePalette(loaded)?.slice(0, 5)).toEqual(['FFFFFF', '000000', 'EEECE1', '1F497D', '4F81BD']);
    renderPlan(loaded, { marks: [{ sheet: 'Sales', cell: 'B2', severity: 'error', note: 'x', findingIds: ['f'] }], sheets: [] });
    const [group] = readState(loaded).state.saved;
    expect(group).toMatchObject({ sheet: 'Sales', fill: '#95B3D7', cells: ['B2'] });
  });
});
