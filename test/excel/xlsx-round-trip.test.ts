import ExcelJS from 'exceljs';
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { STATE_SHEET } from '../../src/core/output/workbook-state';
import { createExcelOps } from '../../src/excel/workbook-ops';
import { loadXlsx, saveXlsx } from '../fake-excel/xlsx-io';
import { fakeHost, newFake, SALES_HEADER, salesRows } from './helpers';
import { cellKeyOf } from './keys';

const USER_SHEETS = ['Customers', 'Sales', 'Receipts'];

/** A workbook file whose flagged cells (Sales B6, B11, B16, Receipts D3) and some others carry the user's own formatting. */
async function writeOriginal(path: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const customers = wb.addWorksheet('Customers');
  customers.addRow(['Customer ID', 'Customer Name', 'Credit Limit', 'Payment Terms']);
  customers.addRow(['C1', 'Acme Ltd', 1_000_000, 'Net 30']);
  customers.mergeCells('F1:G1');
  customers.getCell('F1').value = 'Remarks';
  const sales = wb.addWorksheet('Sales');
  for (const row of salesRows(40, 5)) sales.addRow(row);
  expect(sales.getCell('B1').value).toBe(SALES_HEADER[1]);
  sales.getCell('B6').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } };
  sales.getCell('B6').font = { color: { argb: 'FFFF0000' } };
  sales.getCell('B11').note = 'why is this blank?';
  sales.getCell('B16').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF00B0F0' } };
  sales.getCell('B16').font = { bold: true, color: { argb: 'FF7030A0' } };
  sales.getCell('B16').note = 'see email of 3 March';
  sales.getCell('A7').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9D9D9' } };
  sales.getCell('A7').note = 'unflagged note';
  const receipts = wb.addWorksheet('Receipts');
  receipts.addRow(['Date', 'Receipt No', 'Customer ID', 'Amount']);
  receipts.addRow([new Date(Date.UTC(2024, 0, 2)), 'R1', 'C1', 500]);
  receipts.addRow([new Date(Date.UTC(2024, 0, 3)), 'R2', 'C1', -20]);
  receipts.getCell('D3').note = 'refund?';
  await wb.xlsx.writeFile(path);
}

/** What a user sees of every cell: value, fill, font colour and weight, note. */
async function looks(path: string, sheets: readonly string[]): Promise<Record<string, unknown>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const out: Record<string, unknown> = {};
  for (const name of sheets) {
    const ws = wb.getWorksheet(name);
    if (!ws) throw new Error(`missing ${name}`);
    ws.eachRow({ includeEmpty: true }, (row, r) => {
      row.eachCell({ includeEmpty: true }, (cell, c) => {
        const fill = cell.fill as ExcelJS.FillPattern | undefined;
        const note = cell.note as string | { texts?: { text: string }[] } | undefined;
        const value = cell.value instanceof Date ? cell.value.toISOString().slice(0, 10) : cell.value;
        const look = {
          value: typeof value === 'object' && value !== null && 'result' in value ? (value as { result: unknown }).result : value,
          fill: fill && fill.type === 'pattern' && fill.pattern !== 'none' ? `${fill.pattern}:${fill.fgColor?.argb}` : null,
          font: `${cell.font?.color?.argb ?? 'auto'}${cell.font?.bold ? ':bold' : ''}`,
          note: note === undefined ? null : typeof note === 'string' ? note : (note.texts ?? []).map((t) => t.text).join(''),
        };
        const isEmpty = look.value === null && look.fill === null && look.font === 'auto' && look.note === null;
        if (!isEmpty) out[`${name}!${r}:${c}`] = look;
      });
    });
  }
  return out;
}

describe('Excel adapter: an .xlsx round trip through check and clear', () => {
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'recon-excel-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('Clear leaves every cell\'s value, fill, font and note as in the original file', async () => {
    const original = join(dir, 'original.xlsx');
    await writeOriginal(original);
    const model = await loadXlsx(original);
    const fake = newFake(model);
    const ops = createExcelOps({ host: fakeHost(fake) });

    const checked = await ops.check({});
    expect(checked.ok).toBe(true);
    const sales = model.mustSheet('Sales');
    for (const cell of ['B6', 'B11', 'B16']) expect(sales.fills.get(cellKeyOf(cell))?.color).toBe('#FFC7CE');
    expect(sales.notes.get(cellKeyOf('B16'))?.content).toContain('see email of 3 March');
    const marked = join(dir, 'marked.xlsx');
    await saveXlsx(model, marked);
    expect(await looks(marked, USER_SHEETS)).not.toEqual(await looks(original, USER_SHEETS));

    expect(await ops.clear()).toMatchObject({ ok: true, value: { restoredCells: expect.any(Number) } });
    const cleared = join(dir, 'cleared.xlsx');
    await saveXlsx(model, cleared);
    expect(await looks(cleared, USER_SHEETS)).toEqual(await looks(original, USER_SHEETS));

    const back = new ExcelJS.Workbook();
    await back.xlsx.readFile(cleared);
    expect(back.getWorksheet(STATE_SHEET)?.state).toBe('veryHidden');
    expect(back.getWorksheet('Findings')).toBeDefined();
  });
});
