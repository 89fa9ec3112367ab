import ExcelJS from 'exceljs';
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { loadXlsx, saveXlsx } from './xlsx-io';

describe('fake Excel: .xlsx load and save', () => {
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'fake-xlsx-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('loads values, formulas, errors, formats, notes, links, merges and visibility, and saves them back', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Data');
    ws.getCell('A1').value = 'text';
    ws.getCell('B1').value = 12.5;
    ws.getCell('C1').value = new Date(Date.UTC(2024, 2, 5));
    ws.getCell('D1').value = { formula: 'B1*2', result: 25 };
    ws.getCell('E1').value = { error: '#N/A' };
    ws.getCell('F1').value = { richText: [{ text: 'ri' }, { text: 'ch' }] };
    ws.getCell('G1').value = { text: 'go', hyperlink: "#'Data'!A1" };
    ws.getCell('A2').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFC000' } };
    ws.getCell('A2').font = { color: { argb: 'FF0070C0' }, bold: true };
    ws.getCell('A2').note = 'a note';
    ws.getCell('A2').numFmt = '0.00';
    ws.getCell('A2').value = 3;
    ws.mergeCells('B3:C4');
    wb.addWorksheet('Hidden', { state: 'veryHidden' }).getCell('A1').value = 'x';
    const path = join(dir, 'in.xlsx');
    await wb.xlsx.writeFile(path);

    const model = await loadXlsx(path);
    const s = model.mustSheet('Data');
    expect(s.rows[0]).toEqual(['text', 12.5, 45356, 25, { error: '#N/A' }, 'rich', 'go']);
    expect(s.formulas.get(3)).toBe('=B1*2');
    expect(s.hyperlinks.get(6)).toEqual({ documentReference: "'Data'!A1", textToDisplay: 'go' });
    const a2 = 16384;
    expect(s.fills.get(a2)).toEqual({ color: '#FFC000', pattern: 'Solid' });
    expect(s.fonts.get(a2)).toEqual({ color: '#0070C0', bold: true });
    expect(s.notes.get(a2)?.content).toBe('a note');
    expect(s.numberFormat(1, 0)).toBe('0.00');
    expect(s.merged).toEqual([{ r0: 2, c0: 1, r1: 3, c1: 2 }]);
    expect(model.mustSheet('Hidden').visibility).toBe('VeryHidden');

    const out = join(dir, 'out.xlsx');
    await saveXlsx(model, out);
    const again = await loadXlsx(out);
    const t = again.mustSheet('Data');
    expect(t.rows[0]).toEqual(s.rows[0]);
    expect([t.fills.get(a2), t.fonts.get(a2), t.notes.get(a2)?.content, t.merged]).toEqual([s.fills.get(a2), s.fonts.get(a2), 'a note', s.merged]);
    expect(again.mustSheet('Hidden').visibility).toBe('VeryHidden');
  });
});
