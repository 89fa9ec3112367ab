import ExcelJS from 'exceljs';
import { SheetGrid } from '../../src/core/model/cells';
import { dayFromISO } from '../../src/core/model/dates';
import { STATE_SHEET } from '../../src/core/output/workbook-state';
import { openXlsx, recon, tempDir, writeGrids } from './cli-helpers';

const d = (iso: string): number => dayFromISO(iso) as number;

const CUSTOMERS: SheetGrid = {
  name: 'Customers',
  rows: [['Customer ID', 'Customer Name', 'Credit Limit', 'Payment Terms'], ['C001', 'Acme Trading Co', 50000, 'Net 30']],
};

/** Three invoices: one without a Document No, one whose Total is wrong. */
const SALES: SheetGrid = {
  name: 'Sales',
  rows: [
    ['Date', 'Document No', 'Customer ID', 'Customer Name', 'Amount', 'Tax Rate', 'Tax', 'Total'],
    [d('2024-03-01'), 'INV-001', 'C001', 'Acme Trading Co', 100, 0.13, 13, 113],
    [d('2024-03-02'), null, 'C001', 'Acme Trading Co', 200, 0.13, 26, 226],
    [d('2024-03-03'), 'INV-003', 'C001', 'Acme Trading Co', 300, 0.13, 39, 400],
  ],
};

/** The Findings table of a written workbook: header row number and the columns by English header. */
function findingsTable(book: ExcelJS.Workbook): { ws: ExcelJS.Worksheet; header: number; col(name: string): number } {
  const ws = book.getWorksheet('Findings');
  if (!ws) throw new Error('no Findings sheet');
  for (let r = 1; r <= 30; r++) {
    const values = ws.getRow(r).values as unknown[];
    if (values.includes('Finding ID')) return { ws, header: r, col: (name) => values.indexOf(name) };
  }
  throw new Error('no header row on the Findings sheet');
}

/** [status, reviewer, comment] by finding id, for every row of the Findings sheet. */
function decisions(book: ExcelJS.Workbook): Map<string, unknown[]> {
  const { ws, header, col } = findingsTable(book);
  const out = new Map<string, unknown[]>();
  for (let r = header + 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const id = row.getCell(col('Finding ID')).value;
    if (typeof id === 'string') out.set(id, [row.getCell(col('Status')).value, row.getCell(col('Reviewer')).value, row.getCell(col('Comment')).value]);
  }
  return out;
}

describe('recon: review decisions survive recon clear', () => {
  const tmp = tempDir();
  afterAll(() => tmp.cleanup());

  it('check --out, reviews typed into the file, clear, check again: the same decisions', async () => {
    const input = tmp.file('book.xlsx');
    await writeGrids(input, [CUSTOMERS, SALES]);
    const checked = tmp.file('checked.xlsx');
    expect((await recon('check', input, '--out', checked)).code).toBe(0);

    // A reviewer opens the checked file and records two decisions on the Findings sheet.
    const book = await openXlsx(checked);
    const { ws, header, col } = findingsTable(book);
    const ids = [...decisions(book).keys()];
    expect(ids.length).toBeGreaterThanOrEqual(2);
    const typed: [string, string, string][] = [['Explained', 'Li Wei', 'rep confirmed the order'], ['Accepted', 'Anna', 'credit note follows']];
    typed.forEach(([status, reviewer, comment], i) => {
      const row = ws.getRow(header + 1 + i);
      row.getCell(col('Status')).value = status;
      row.getCell(col('Reviewer')).value = reviewer;
      row.getCell(col('Comment')).value = comment;
    });
    const reviewedIds = [0, 1].map((i) => ws.getRow(header + 1 + i).getCell(col('Finding ID')).value as string);
    const edited = tmp.file('edited.xlsx');
    await book.xlsx.writeFile(edited);

    const cleared = tmp.file('cleared.xlsx');
    expect((await recon('clear', edited, '--out', cleared)).code).toBe(0);
    const afterClear = await openXlsx(cleared);
    expect(afterClear.getWorksheet('Findings')).toBeUndefined();
    expect(afterClear.getWorksheet(STATE_SHEET)?.state).toBe('veryHidden');

    const again = tmp.file('again.xlsx');
    expect((await recon('check', cleared, '--out', again)).code).toBe(0);
    const shown = decisions(await openXlsx(again));
    expect(shown.get(reviewedIds[0])).toEqual(typed[0]);
    expect(shown.get(reviewedIds[1])).toEqual(typed[1]);
  });
});
