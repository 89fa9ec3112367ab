/**
 * Builds the sample workbook from its source data (assets/sample/*.csv, see the README there):
 *
 *   npx tsx scripts/build-sample.ts [out.xlsx]     # default demo/sample.xlsx
 *
 * Dates become real Excel dates, money and quantities numbers, tax rates percentages, everything else
 * text (Invoice No included, as accounting exports write it). Deterministic: the same CSVs give the
 * same sheets, values and formats (the file's own timestamps are fixed too).
 */
import Decimal from 'decimal.js';
import ExcelJS from 'exceljs';
import { readFileSync } from 'fs';
import * as path from 'path';
import { dayFromISO } from '../src/core/model/dates';
import { saveWorkbookFile } from '../src/xlsx/workbook-file';

export const SAMPLE_DIR = path.join(__dirname, '..', 'assets', 'sample');

/** The sheets of the sample in workbook order: sheet name and source file. */
export const SAMPLE_SHEETS: { sheet: string; file: string }[] = [
  { sheet: 'Customers', file: 'customers.csv' },
  { sheet: 'Sales', file: 'sales.csv' },
  { sheet: 'Receipts', file: 'receipts.csv' },
  { sheet: 'Statement C001', file: 'statement-C001.csv' },
  { sheet: '对账单 C002', file: 'statement-C002.csv' },
  { sheet: 'Statement C003', file: 'statement-C003.csv' },
];

type ColumnKind = 'date' | 'money' | 'quantity' | 'percent' | 'text';

const KINDS: Record<string, ColumnKind> = {
  Date: 'date', 'Due Date': 'date', 日期: 'date',
  'Credit Limit': 'money', 'Unit Price': 'money', Amount: 'money', Tax: 'money', Total: 'money',
  Billed: 'money', Paid: 'money', Balance: 'money', 应收金额: 'money', 已付金额: 'money', 余额: 'money',
  Quantity: 'quantity', 'Tax Rate': 'percent',
};

const FORMATS: Record<Exclude<ColumnKind, 'text'>, string> = {
  date: 'yyyy-mm-dd', money: '#,##0.00', quantity: '#,##0', percent: '0%',
};

/** RFC 4180 CSV: quoted fields may hold commas, doubled quotes and line breaks. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** A CSV field as the cell value its column calls for; text that does not fit the column stays text. */
function cellValue(text: string, kind: ColumnKind): { value: ExcelJS.CellValue; numFmt?: string } {
  if (text === '') return { value: null };
  if (kind === 'date') {
    const day = dayFromISO(text);
    return day === null ? { value: text } : { value: day, numFmt: FORMATS.date };
  }
  if (kind === 'percent') {
    const m = /^(-?\d+(?:\.\d+)?)%$/.exec(text);
    return m ? { value: new Decimal(m[1]).div(100).toNumber(), numFmt: FORMATS.percent } : { value: text };
  }
  if (kind === 'money' || kind === 'quantity') {
    // Sample amounts have two places, which a double holds exactly enough for Excel to show them as written.
    return /^-?\d+(?:\.\d+)?$/.test(text) ? { value: new Decimal(text).toNumber(), numFmt: FORMATS[kind] } : { value: text };
  }
  return { value: text };
}

/** The sample workbook, built in memory from the CSVs in `dir`. */
export function buildSampleWorkbook(dir: string = SAMPLE_DIR): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const fixed = new Date(Date.UTC(2024, 3, 1));
  wb.creator = 'Statement Reconciler sample';
  wb.lastModifiedBy = 'Statement Reconciler sample';
  wb.created = fixed;
  wb.modified = fixed;
  for (const { sheet, file } of SAMPLE_SHEETS) {
    const [header, ...rows] = parseCsv(readFileSync(path.join(dir, file), 'utf8'));
    const ws = wb.addWorksheet(sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
    const kinds = header.map((h) => KINDS[h] ?? 'text');
    const headerRow = ws.getRow(1);
    header.forEach((h, j) => {
      const cell = headerRow.getCell(j + 1);
      cell.value = h;
      cell.font = { bold: true };
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
      const longest = Math.max(h.length, ...rows.slice(0, 200).map((r) => (r[j] ?? '').length));
      ws.getColumn(j + 1).width = Math.min(40, Math.max(10, longest + 2));
    });
    rows.forEach((r, i) => {
      const row = ws.getRow(i + 2);
      r.forEach((text, j) => {
        const { value, numFmt } = cellValue(text, kinds[j]);
        if (value === null) return;
        const cell = row.getCell(j + 1);
        cell.value = value;
        if (numFmt) cell.numFmt = numFmt;
      });
    });
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: header.length } };
  }
  return wb;
}

/** Writes the sample workbook to `file`. */
export async function writeSampleWorkbook(file: string, dir: string = SAMPLE_DIR): Promise<void> {
  await saveWorkbookFile(buildSampleWorkbook(dir), file);
}

if (require.main === module) {
  const out = process.argv[2] ?? path.join(__dirname, '..', 'demo', 'sample.xlsx');
  writeSampleWorkbook(out).then(
    () => console.log(`wrote ${out}`),
    (e: unknown) => {
      console.error(`build-sample: ${e instanceof Error ? e.message : String(e)}`);
      process.exitCode = 1;
    },
  );
}
