import ExcelJS from 'exceljs';
import { applyExceljsPatches } from '../../src/xlsx/exceljs-patches';

applyExceljsPatches();

/** Saves the workbook to bytes and opens them again, as the next run (or Excel) would. */
export async function roundTrip(wb: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  const buffer = await wb.xlsx.writeBuffer();
  const again = new ExcelJS.Workbook();
  await again.xlsx.load(buffer as ArrayBuffer);
  return again;
}

/** The sheet by name; fails the test when it is missing. */
export function sheet(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}; have ${wb.worksheets.map((w) => w.name).join(', ')}`);
  return ws;
}

/** The look a highlight touches, as plain JSON for deep comparison. */
export function lookOf(cell: ExcelJS.Cell): { fill: unknown; font: unknown; note: unknown } {
  const json = (v: unknown): unknown => (v === undefined ? undefined : JSON.parse(JSON.stringify(v)));
  return { fill: json(cell.fill), font: json(cell.font), note: json(cell.note) };
}

/** The raw XML of a worksheet part inside the saved file, to check what exceljs' reader would hide. */
export async function sheetXml(wb: ExcelJS.Workbook, name: string): Promise<string> {
  // jszip ships with exceljs (its reader uses it); only the tests open the package directly.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- transitive dependency without typings in this project
  const JSZip = require('jszip') as { loadAsync(data: ArrayBuffer): Promise<{ file(path: string): { async(t: 'string'): Promise<string> } | null }> };
  const buffer = (await wb.xlsx.writeBuffer()) as ArrayBuffer;
  const zip = await JSZip.loadAsync(buffer);
  const workbookXml = await zip.file('xl/workbook.xml')?.async('string');
  const rels = await zip.file('xl/_rels/workbook.xml.rels')?.async('string');
  if (!workbookXml || !rels) throw new Error('not an xlsx package');
  const escaped = name.replace(/&/g, '&amp;').replace(/'/g, '&apos;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  const m = new RegExp(`<sheet [^>]*name="${escaped.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"[^>]*r:id="(rId\\d+)"`).exec(workbookXml);
  if (!m) throw new Error(`sheet ${name} not in workbook.xml`);
  const target = new RegExp(`Id="${m[1]}"[^>]*Target="([^"]+)"`).exec(rels) ?? new RegExp(`Target="([^"]+)"[^>]*Id="${m[1]}"`).exec(rels);
  if (!target) throw new Error(`no relationship ${m[1]}`);
  const part = target[1].replace(/^\/?xl\//, '');
  const xml = await zip.file(`xl/${part}`)?.async('string');
  if (!xml) throw new Error(`no part ${part}`);
  return xml;
}
