import ExcelJS from 'exceljs';
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { serializeState, STATE_SHEET, WorkbookState } from '../../src/core/output/workbook-state';
import { serialFromDate, sheetToGrid } from '../../src/xlsx/cell-values';
import { readWorkbookContents } from '../../src/xlsx/read-workbook';
import { renderPlan } from '../../src/xlsx/render-plan';
import { readWorkbookPackage } from '../../src/xlsx/read-package';
import { roundTrip, sheet } from './helpers';

describe('reading sheets into grids', () => {
  async function oneSheet(fill: (ws: ExcelJS.Worksheet) => void): Promise<ExcelJS.Worksheet> {
    const wb = new ExcelJS.Workbook();
    fill(wb.addWorksheet('S'));
    return sheet(await roundTrip(wb), 'S');
  }

  it.each<[string, ExcelJS.CellValue, unknown]>([
    ['a number', 1234.5, 1234.5],
    ['text', '  INV-001 ', '  INV-001 '],
    ['a formula, as its cached result', { formula: 'B1*2', result: 240 } as ExcelJS.CellFormulaValue, 240],
    ['a formula with text result', { formula: 'CONCAT("a","b")', result: 'ab' } as ExcelJS.CellFormulaValue, 'ab'],
    ['a formula never calculated', { formula: 'B1*2' } as ExcelJS.CellFormulaValue, null],
    ['an error cell', { error: '#N/A' } as ExcelJS.CellErrorValue, { error: '#N/A' }],
    ['a formula giving an error', { formula: '1/0', result: { error: '#DIV/0!' } } as ExcelJS.CellFormulaValue, { error: '#DIV/0!' }],
    ['rich text', { richText: [{ text: 'ACME ', font: { bold: true } }, { text: 'Ltd' }] }, 'ACME Ltd'],
    ['a link', { text: 'invoice', hyperlink: 'http://example.com/x' } as ExcelJS.CellHyperlinkValue, 'invoice'],
    ['a date', new Date(Date.UTC(2024, 2, 5)), 45356],
    ['a date and time', new Date(Date.UTC(2024, 2, 5, 18)), 45356.75],
    ['a boolean', true, true],
    ['text that looks like a formula', '=HYPERLINK("http://x","y")', '=HYPERLINK("http://x","y")'],
  ])('reads %s', async (_label, value, expected) => {
    const ws = await oneSheet((s) => {
      s.getCell('A1').value = value;
      if (value instanceof Date) s.getCell('A1').numFmt = 'yyyy-mm-dd';
    });
    expect(sheetToGrid(ws).rows[0]?.[0] ?? null).toEqual(expected);
  });

  it('reports merged areas and reads the covered cells as blank', async () => {
    const ws = await oneSheet((s) => {
      s.getCell('B2').value = 'Opening balance';
      s.mergeCells('B2:D2');
      s.getCell('A4').value = 'x';
      s.mergeCells('A4:A6');
    });
    const grid = sheetToGrid(ws);
    expect(grid.merged).toEqual(['A4:A6', 'B2:D2']);
    expect(grid.rows).toEqual([[], [null, 'Opening balance'], [], ['x']]);
  });

  it('keeps row positions through blank rows and trims rows after their last value', async () => {
    const ws = await oneSheet((s) => {
      s.getCell('A1').value = 'h';
      s.getCell('C5').value = 3;
      s.getCell('F5').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFF0000' } };
    });
    const grid = sheetToGrid(ws);
    expect(grid.rows).toEqual([['h'], [], [], [], [null, null, 3]]);
    expect(grid.merged).toBeUndefined();
  });

  it('turns a bare time into a fraction of Excel day 0', () => {
    expect(serialFromDate(new Date(Date.UTC(1899, 11, 30, 6)))).toBeCloseTo(0.25, 10);
  });
});

describe('the add-in state in a workbook', () => {
  it('restores looks saved in the shared form the Excel add-in writes (#RRGGBB, plain note)', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Sales');
    ws.getCell('B2').value = 'INV-1';
    ws.getCell('B3').value = 'INV-2';
    // As the add-in left it: B2 highlighted (originally light blue with a note), B3 highlighted (originally plain).
    ws.getCell('B2').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFC7CE' } };
    ws.getCell('B2').note = '[error] duplicate: …';
    ws.getCell('B3').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFC7CE' } };
    ws.getCell('B3').note = '[error] duplicate: …';
    const findings = wb.addWorksheet('Findings');
    findings.getCell('A1').value = 'old findings';
    const state: WorkbookState = {
      version: 1,
      ownedSheets: [{ key: 'findings', name: 'Findings' }],
      saved: [
        { sheet: 'Sales', fill: '#DDEBF7', fontColor: '#1F4E78', note: 'mine', cells: ['B2'] },
        { sheet: 'Sales', fill: null, fontColor: null, note: null, cells: ['B3'] },
      ],
      settings: { lang: 'zh' },
    };
    const st = wb.addWorksheet(STATE_SHEET);
    serializeState(state).forEach((c, i) => (st.getCell(i + 1, 1).value = c));
    st.state = 'veryHidden';
    const loaded = await roundTrip(wb);

    const contents = readWorkbookContents(loaded);
    expect(contents.grids.map((g) => g.name)).toEqual(['Sales']);
    expect(contents.state.state.settings).toEqual({ lang: 'zh' });

    const summary = renderPlan(loaded, { marks: [], sheets: [] });
    expect(summary.restoredCells).toBe(2);
    const out = sheet(await roundTrip(loaded), 'Sales');
    expect(out.getCell('B2').fill).toEqual({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } });
    expect(out.getCell('B2').font?.color).toEqual({ argb: 'FF1F4E78' });
    expect(out.getCell('B2').note).toBe('mine');
    // No fill: exceljs reads a cell with any format of its own as the "none" pattern rather than undefined.
    expect([undefined, 'none']).toContain((out.getCell('B3').fill as ExcelJS.FillPattern | undefined)?.pattern);
    expect(out.getCell('B3').note).toBeUndefined();
    expect(out.getCell('B3').font?.color).toBeUndefined();
  });

  it('keeps a state sheet it cannot read from hiding user sheets, and says so', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sales').getCell('A1').value = 'Date';
    wb.addWorksheet(STATE_SHEET).getCell('A1').value = '{not json';
    const contents = readWorkbookContents(await roundTrip(wb));
    expect(contents.state.unreadable).toBe(true);
    expect(contents.grids.map((g) => g.name)).toEqual(['Sales']);
  });
});

describe('merged areas read straight from the package', () => {
  it('finds each sheet\'s merges by its name, escaped names included', async () => {
    const wb = new ExcelJS.Workbook();
    const a = wb.addWorksheet('R&D "Q1" <east>');
    a.getCell('A1').value = 'x';
    a.mergeCells('A1:C1');
    a.mergeCells('B3:B9');
    wb.addWorksheet("Li's sheet").getCell('A1').value = 'no merges';
    const b = wb.addWorksheet('对账单');
    b.getCell('D4').value = 'y';
    b.mergeCells('D4:E5');
    const dir = mkdtempSync(path.join(tmpdir(), 'recon-merges-'));
    try {
      const file = path.join(dir, 'm.xlsx');
      await wb.xlsx.writeFile(file);
      const read = await readWorkbookPackage(file);
      if (!read.ok) throw new Error(read.reason);
      expect(read.contents.grids.map((g) => [g.name, g.merged])).toEqual([['R&D "Q1" <east>', ['A1:C1', 'B3:B9']], ["Li's sheet", undefined], ['对账单', ['D4:E5']]]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
