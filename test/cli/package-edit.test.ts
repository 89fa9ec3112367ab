import ExcelJS from 'exceljs';
import { promises as fs } from 'fs';
import { SEVERITY_FILL } from '../../src/core/output/plan';
import { STATE_SHEET } from '../../src/core/output/workbook-state';
import { readWorkbookPackage } from '../../src/xlsx/read-package';
import { openXlsx, readParts, recon, tempDir } from './cli-helpers';

/**
 * Acceptance 1: `recon check --out` edits the package part by part, and `recon clear` gives the input's
 * parts back byte for byte, on a workbook holding a chart, a pivot table, threaded comments, a user's
 * notes and fills.
 */

const EXTRA: Record<string, string> = {
  'xl/charts/chart1.xml': '<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart><c:plotArea><c:layout/></c:plotArea></c:chart></c:chartSpace>',
  'xl/drawings/drawing1.xml': '<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"/>',
  'xl/drawings/_rels/drawing1.xml.rels': '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart" Target="../charts/chart1.xml"/></Relationships>',
  'xl/pivotTables/pivotTable1.xml': '<pivotTableDefinition xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" name="PivotTable1" cacheId="1"/>',
  'xl/pivotCache/pivotCacheDefinition1.xml': '<pivotCacheDefinition xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>',
  'xl/threadedComments/threadedComment1.xml': '<ThreadedComments xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments"><threadedComment ref="D2" id="{00000000-0001-0000-0000-000000000000}"><text>Is this limit right?</text></threadedComment></ThreadedComments>',
  'xl/persons/person.xml': '<personList xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments"/>',
};

async function buildInput(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Customers');
  const rows = [['Customer ID', 'Customer Name', 'Credit Limit'], ['C001', 'Acme Trading Co', 50000], ['C001', 'Acme again', 1000], ['C002', 'Blue River Ltd', -5]];
  rows.forEach((r, i) => r.forEach((v, j) => (ws.getCell(i + 1, j + 1).value = v)));
  ws.getCell('B2').note = 'the user\'s own note';
  ws.getCell('A3').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF00B050' } };
  ws.getCell('B3').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } };
  ws.getCell('C4').numFmt = '#,##0.00';
  wb.addWorksheet('Chart data').getCell('A1').value = 'quarter';
  await wb.xlsx.writeFile(file);
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- jszip ships with exceljs; only the test adds the parts exceljs cannot write
  const JSZip = require('jszip') as { loadAsync(b: Buffer): Promise<{ file(n: string, d: string): void; generateAsync(o: { type: 'nodebuffer'; compression: 'DEFLATE' }): Promise<Buffer> }> };
  const zip = await JSZip.loadAsync(await fs.readFile(file));
  for (const [name, xml] of Object.entries(EXTRA)) zip.file(name, xml);
  await fs.writeFile(file, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
}

/** Names of the parts that differ between two packages (changed, added or removed). */
function differing(a: Map<string, string>, b: Map<string, string>): string[] {
  return [...new Set([...a.keys(), ...b.keys()])].filter((k) => a.get(k) !== b.get(k)).sort();
}

describe('recon check --out and recon clear edit the package part by part', () => {
  const tmp = tempDir();
  afterAll(() => tmp.cleanup());

  it('check changes only the marked sheet (with its notes), styles and the sheet list; clear gives back every part but the sheet list', async () => {
    const input = tmp.file('book.xlsx');
    await buildInput(input);
    const before = await fs.readFile(input);
    const original = await readParts(input);

    const checked = tmp.file('checked.xlsx');
    const run = await recon('check', input, '--out', checked, '--as-of', '2024-03-31');
    expect(run.err).toEqual([]);
    expect(run.code).toBe(0);
    expect(await fs.readFile(input)).toEqual(before);
    const after = await readParts(checked);
    const changedInputParts = differing(original, after).filter((n) => original.has(n));
    expect(changedInputParts).toEqual([
      '[Content_Types].xml',
      'xl/_rels/workbook.xml.rels',
      'xl/comments1.xml',
      'xl/drawings/vmlDrawing1.vml',
      'xl/styles.xml',
      'xl/workbook.xml',
      'xl/worksheets/sheet1.xml',
    ]);
    for (const name of Object.keys(EXTRA)) expect(after.get(name)).toBe(EXTRA[name]);

    // What a user sees in the copy: the flagged cells highlighted, the user's note kept, a note on each flagged cell.
    const book = await openXlsx(checked);
    expect(book.worksheets.map((w) => w.name)).toEqual(['Customers', 'Chart data', 'Findings', 'Aging', 'Credit', 'Audit Log', STATE_SHEET]);
    const ws = book.getWorksheet('Customers') as ExcelJS.Worksheet;
    expect((ws.getCell('A3').fill as ExcelJS.FillPattern).fgColor?.argb).toBe(`FF${SEVERITY_FILL.error}`);
    expect((ws.getCell('C4').fill as ExcelJS.FillPattern).fgColor?.argb).toBe(`FF${SEVERITY_FILL.error}`);
    expect(ws.getCell('C4').numFmt).toBe('#,##0.00');
    expect((ws.getCell('B3').fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFFF00');
    const noteText = (c: ExcelJS.Cell): string => (typeof c.note === 'string' ? c.note : (c.note?.texts ?? []).map((t) => t.text).join(''));
    expect(noteText(ws.getCell('B2'))).toBe('the user\'s own note');
    expect(noteText(ws.getCell('A3'))).toMatch(/duplicate/);
    const readBack = await readWorkbookPackage(checked);
    const readInput = await readWorkbookPackage(input);
    if (!readBack.ok || !readInput.ok) throw new Error('unreadable');
    expect(readBack.contents.grids.filter((g) => g.name !== 'Findings')).toEqual(readInput.contents.grids);

    const cleared = tmp.file('cleared.xlsx');
    const clear = await recon('clear', checked, '--out', cleared);
    expect(clear.err).toEqual([]);
    expect(clear.code).toBe(0);
    const back = await readParts(cleared);
    expect(differing(original, back).filter((n) => original.has(n))).toEqual(['[Content_Types].xml', 'xl/_rels/workbook.xml.rels', 'xl/workbook.xml']);
    expect((await openXlsx(cleared)).worksheets.map((w) => w.name)).toEqual(['Customers', 'Chart data', STATE_SHEET]);
  });

  it('checks its own copy again from the original parts: the second copy equals the first', async () => {
    const input = tmp.file('again.xlsx');
    await buildInput(input);
    const first = tmp.file('again-1.xlsx');
    const second = tmp.file('again-2.xlsx');
    expect((await recon('check', input, '--out', first, '--as-of', '2024-03-31')).code).toBe(0);
    expect((await recon('check', first, '--out', second, '--as-of', '2024-03-31')).code).toBe(0);
    const a = await readParts(first);
    const b = await readParts(second);
    // The state records the same owned sheets and looks; only its review bookkeeping may differ.
    expect(differing(a, b).filter((n) => !n.startsWith('xl/worksheets/') && !n.startsWith('recon/'))).toEqual([]);
  });

  it('keeps a .xlsm\'s macros byte for byte, and refuses to name its copy .xlsx', async () => {
    const input = tmp.file('macros.xlsm');
    await buildInput(input);
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- jszip ships with exceljs; only the test adds the macro part
    const JSZip = require('jszip') as { loadAsync(b: Buffer): Promise<{ file(n: string, d: Buffer): void; generateAsync(o: { type: 'nodebuffer' }): Promise<Buffer> }> };
    const zip = await JSZip.loadAsync(await fs.readFile(input));
    const vba = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 1, 2, 3, 4]);
    zip.file('xl/vbaProject.bin', vba);
    await fs.writeFile(input, await zip.generateAsync({ type: 'nodebuffer' }));

    const wrongName = tmp.file('macros-checked.xlsx');
    const refused = await recon('check', input, '--out', wrongName);
    expect(refused.code).toBe(1);
    expect(refused.err).toEqual([`recon: cannot write "${wrongName}": the workbook holds macros, which Excel opens only from a .xlsm file; name the copy .xlsm / 无法写入“${wrongName}”：工作簿含有宏，Excel 只能从 .xlsm 文件打开，请将副本命名为 .xlsm`]);
    await expect(fs.stat(wrongName)).rejects.toThrow();

    const out = tmp.file('macros-checked.xlsm');
    expect((await recon('check', input, '--out', out, '--as-of', '2024-03-31')).code).toBe(0);
    expect((await readParts(out)).get('xl/vbaProject.bin')).toBe(vba.toString('latin1'));
  });
});
