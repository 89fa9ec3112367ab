import type ExcelJS from 'exceljs';
import { exceljs } from './exceljs-runtime';
import { promises as fs } from 'fs';
import * as path from 'path';
import { applyExceljsPatches } from './exceljs-patches';

/** Why a file could not be opened as a workbook. */
export type LoadFailure = 'missing' | 'not-a-file' | 'empty' | 'legacy-or-encrypted' | 'not-xlsx' | 'corrupt' | 'unreadable';

export type LoadResult =
  | { ok: true; workbook: ExcelJS.Workbook }
  | { ok: false; reason: LoadFailure; detail: string };

/** Zip local-file header: every .xlsx starts with it. */
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
/** OLE compound file: a legacy .xls, or an .xlsx saved with a password (Excel encrypts into OLE). */
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

/**
 * Checks that a file can be an .xlsx before any parser sees it: it exists, is a file, is not empty,
 * and starts as a zip does (a legacy .xls or a password-protected workbook is an OLE file instead).
 */
export async function probeWorkbookFile(file: string): Promise<{ ok: true } | { ok: false; reason: LoadFailure; detail: string }> {
  let handle: fs.FileHandle | undefined;
  const head = new Uint8Array(8);
  let size: number;
  try {
    const stat = await fs.stat(file);
    if (!stat.isFile()) return { ok: false, reason: 'not-a-file', detail: 'not a file' };
    size = stat.size;
    handle = await fs.open(file, 'r');
    await handle.read(head, 0, head.length, 0);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { ok: false, reason: 'missing', detail: 'no such file' };
    return { ok: false, reason: 'unreadable', detail: code ?? String(e) };
  } finally {
    await handle?.close();
  }
  if (size === 0) return { ok: false, reason: 'empty', detail: 'the file is empty' };
  if (startsWith(head, OLE_MAGIC)) return { ok: false, reason: 'legacy-or-encrypted', detail: 'legacy .xls or password-protected' };
  if (!startsWith(head, ZIP_MAGIC)) return { ok: false, reason: 'not-xlsx', detail: 'not an .xlsx file' };
  return { ok: true };
}

/**
 * Opens an .xlsx file. Every way it can fail (no such file, a folder, an empty file, a legacy or
 * password-protected file, something that is no workbook) comes back as a reason, never a throw.
 */
export async function loadWorkbookFile(file: string): Promise<LoadResult> {
  applyExceljsPatches();
  const probe = await probeWorkbookFile(file);
  if (!probe.ok) return probe;
  const workbook = new (exceljs().Workbook)();
  try {
    await workbook.xlsx.readFile(file);
  } catch (e) {
    return { ok: false, reason: 'corrupt', detail: e instanceof Error ? e.message.split('\n')[0] : String(e) };
  }
  return { ok: true, workbook };
}

/** A temporary name beside `file`, so that the final rename stays on one file system. */
function tempBeside(file: string): string {
  return path.join(path.dirname(path.resolve(file)), `.${path.basename(file)}.${process.pid}.tmp`);
}

/**
 * Writes a file through a temporary file beside it, so a failed write never leaves a half-written
 * file. `accept`, when given, looks at the written temporary file first; when it says no, nothing is
 * written and the temporary file is removed. True when the file was written.
 */
export async function writeFileAtomically(file: string, write: (tmp: string) => Promise<void>, accept?: (tmp: string) => Promise<boolean>): Promise<boolean> {
  await fs.mkdir(path.dirname(path.resolve(file)), { recursive: true });
  const tmp = tempBeside(file);
  try {
    await write(tmp);
    if (accept && !(await accept(tmp))) {
      await fs.rm(tmp, { force: true });
      return false;
    }
    await fs.rename(tmp, file);
    return true;
  } catch (e) {
    await fs.rm(tmp, { force: true });
    throw e;
  }
}

/**
 * Writes a workbook to a file atomically ({@link writeFileAtomically}); `finish`, when given, completes
 * the written package (with what exceljs cannot write) before `accept` looks at it.
 */
export async function saveWorkbookFile(workbook: ExcelJS.Workbook, file: string, accept?: (tmp: string) => Promise<boolean>, finish?: (tmp: string) => Promise<void>): Promise<boolean> {
  applyExceljsPatches();
  return writeFileAtomically(file, async (tmp) => {
    await workbook.xlsx.writeFile(tmp);
    if (finish) await finish(tmp);
  }, accept);
}

/** Copies a file byte for byte through a temporary file beside the target. */
export async function copyFileAtomically(from: string, to: string): Promise<void> {
  await fs.mkdir(path.dirname(path.resolve(to)), { recursive: true });
  const tmp = tempBeside(to);
  try {
    await fs.copyFile(from, tmp);
    await fs.rename(tmp, to);
  } catch (e) {
    await fs.rm(tmp, { force: true });
    throw e;
  }
}
