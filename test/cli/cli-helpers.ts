import ExcelJS from 'exceljs';
import { mkdtempSync, promises as fs, rmSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { main } from '../../src/cli/main';
import { CellValue, SheetGrid } from '../../src/core/model/cells';
import { applyExceljsPatches } from '../../src/xlsx/exceljs-patches';

applyExceljsPatches();

/** The outcome of one in-process `recon` run. */
export interface Run {
  code: number;
  out: string[];
  err: string[];
}

/** Runs `recon <argv>` in this process, capturing what it prints. */
export async function recon(...argv: string[]): Promise<Run> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out, err };
}

/** A fresh temporary folder, removed by the returned cleanup. */
export function tempDir(): { dir: string; file(name: string): string; cleanup(): void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'recon-cli-'));
  return { dir, file: (name) => path.join(dir, name), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Writes grids to an .xlsx the way a user's file holds them: numbers as numbers, text as text (never a
 * formula), `{error}` as an error cell, merged areas merged. Columns named like dates get a date format
 * so the serials read back as dates.
 */
export async function writeGrids(file: string, grids: SheetGrid[]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  for (const g of grids) {
    const ws = wb.addWorksheet(g.name);
    g.rows.forEach((row, i) => {
      row.forEach((v, j) => {
        if (v === null) return;
        ws.getCell(i + 1, j + 1).value = excelValue(v);
      });
    });
    for (const m of g.merged ?? []) ws.mergeCells(m);
  }
  await wb.xlsx.writeFile(file);
}

function excelValue(v: Exclude<CellValue, null>): ExcelJS.CellValue {
  if (typeof v === 'object') return { error: v.error } as ExcelJS.CellErrorValue;
  return v;
}

/** Opens a written workbook. */
export async function openXlsx(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}


/** Every part of a package as text (binary parts as latin1), by name: to compare packages part by part. */
export async function readParts(file: string): Promise<Map<string, string>> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- jszip ships with exceljs; an independent reader for the tests
  const JSZip = require('jszip') as { loadAsync(b: Buffer): Promise<{ files: Record<string, { dir: boolean; async(t: 'nodebuffer'): Promise<Buffer> }> }> };
  const zip = await JSZip.loadAsync(await fs.readFile(file));
  const parts = new Map<string, string>();
  for (const [name, entry] of Object.entries(zip.files)) if (!entry.dir) parts.set(name, (await entry.async('nodebuffer')).toString('latin1'));
  return parts;
}
