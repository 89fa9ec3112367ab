import ExcelJS from 'exceljs';
import { writeOwnedSheet } from '../../src/xlsx/owned-sheet-writer';
import { FORM_SHEET } from '../support/form-sheet';
import { roundTrip, sheet, sheetXml } from './helpers';

/** The package's styles part, to see every font exactly as Excel will. */
async function stylesXml(wb: ExcelJS.Workbook): Promise<string> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- transitive dependency without typings in this project
  const JSZip = require('jszip') as { loadAsync(data: ArrayBuffer): Promise<{ file(path: string): { async(t: 'string'): Promise<string> } | null }> };
  const zip = await JSZip.loadAsync((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  const xml = await zip.file('xl/styles.xml')?.async('string');
  if (!xml) throw new Error('no styles part');
  return xml;
}

function draw(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const user = wb.addWorksheet('Sales');
  // exceljs writes tabSelected but leaves it out of its typings.
  user.views = [{ state: 'normal', tabSelected: true } as unknown as ExcelJS.WorksheetView];
  user.addRow(['Date', 'Amount']);
  writeOwnedSheet(wb.addWorksheet('Form'), FORM_SHEET);
  return wb;
}

describe('writeOwnedSheet draws a form-like sheet', () => {
  let wb: ExcelJS.Workbook;
  let ws: ExcelJS.Worksheet;
  beforeAll(async () => {
    wb = await roundTrip(draw());
    ws = sheet(wb, 'Form');
  });

  it('lays rows out without a header row, title merged and centred in 16 pt bold', () => {
    expect(ws.getCell('A1').value).toBe('Balance reconciliation');
    expect(ws.getCell('A1').font).toMatchObject({ bold: true, size: 16, name: 'Calibri' });
    expect(ws.getCell('A1').alignment).toMatchObject({ horizontal: 'center' });
    expect(ws.getCell('B1').isMerged).toBe(true);
    expect(ws.getCell('C1').master.address).toBe('A1');
    expect(ws.getCell('A3').value).toBe('Our balance');
    expect(ws.autoFilter).toBeUndefined();
  });

  it('writes the total as a formula with the money format, and money as numbers', () => {
    expect(ws.getCell('B5').value).toMatchObject({ formula: 'SUM(B3:B4)' });
    expect(ws.getCell('B5').numFmt).toBe('#,##0.00');
    expect(ws.getCell('B3').value).toBe(1000.5);
    expect(ws.getCell('B6').numFmt).toBe('0');
  });

  it('draws italic, wrapped, bordered and filled cells', () => {
    expect(ws.getCell('A3').font).toMatchObject({ italic: true, name: 'Calibri', size: 11 });
    expect(ws.getCell('A4').alignment).toMatchObject({ wrapText: true, vertical: 'top' });
    expect(ws.getCell('A5').border.bottom).toMatchObject({ style: 'double' });
    expect(ws.getCell('B6').border.top).toMatchObject({ style: 'thin' });
    expect(ws.getCell('A6').border).toMatchObject({ top: { style: 'thin' }, bottom: { style: 'thin' }, left: { style: 'thin' }, right: { style: 'thin' } });
    expect(ws.getCell('A6').fill).toMatchObject({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } });
  });

  it('freezes the given rows and protects the sheet, leaving the reply column editable', () => {
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect((ws as unknown as { sheetProtection: Record<string, unknown> }).sheetProtection).toMatchObject({ sheet: true });
    for (const a of ['C3', 'C4', 'C5', 'C6']) expect(ws.getCell(a).protection).toMatchObject({ locked: false });
    expect(ws.getCell('B3').protection?.locked).not.toBe(false);
  });

  it('prints on A4 portrait, one page wide, titles repeated, footer with page x of y, as-of and file', () => {
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:2' });
    expect(ws.headerFooter.oddFooter).toBe('&LAs of 2024-03-31&CPage &P of &N&R&F');
  });

  it('opens on the form: the active tab is its sheet and the user\'s sheet is no longer selected', async () => {
    expect(wb.views[0].activeTab).toBe(wb.worksheets.indexOf(ws));
    // exceljs' reader drops tabSelected from its model: the XML as first saved says what Excel will see.
    const saved = draw();
    expect(await sheetXml(saved, 'Form')).toMatch(/<sheetView[^>]*tabSelected="1"/);
    expect(await sheetXml(saved, 'Sales')).not.toMatch(/tabSelected="1"/);
  });

  it('writes every font with a name and a size', async () => {
    const fonts = (await stylesXml(wb)).match(/<font>[\s\S]*?<\/font>|<font\/>/g) ?? [];
    expect(fonts.length).toBeGreaterThan(2);
    for (const font of fonts) {
      expect(font).toMatch(/<sz val="\d+"\/>/);
      expect(font).toMatch(/<name val="[^"]+"\/>/);
    }
  });
});
