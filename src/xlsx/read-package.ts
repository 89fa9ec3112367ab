import { SheetGrid } from '../core/model/cells';
import { readReviews } from '../core/output/findings-sheet';
import { mergeReviews, Review } from '../core/output/review';
import { AuditRow, readAuditLog } from '../core/output/audit-log';
import { emptyState, parseState, STATE_SHEET } from '../core/output/workbook-state';
import { NotReadable, sniffFile } from './file-kind';
import { findWorkbookPart, readRelationships, readWorkbookStructure, relsPartName, relType, SheetEntry, WorkbookStructure } from './package-structure';
import { readDateStyles, readNotes, readSharedStrings, readWorksheet } from './sheet-reader';
import { gridDigest } from './grid-digest';
import { FoundState } from './state-sheet';
import { XmlSyntaxError } from './xml-tokenizer';
import { PackageError, ZipPackage } from './zip-package';

/** What a check reads from a workbook file. */
export interface WorkbookContents {
  /** The user's sheets, in workbook order; the add-in's own sheets are left out. */
  grids: SheetGrid[];
  state: FoundState;
  /** Review decisions kept in the state, updated from the previous run's Findings sheet, by finding id. */
  reviews: Map<string, Review>;
  /** The Audit Log's rows as read from its registered sheet; null when the workbook has none. */
  audit: AuditRow[] | null;
}

/** What the package reader found, besides the contents: the sheet list as the workbook has it. */
export interface PackageContents extends WorkbookContents {
  structure: WorkbookStructure;
}

/** Why the package could not be read, and (for damage) which part. */
export interface PackageReadFailure {
  ok: false;
  reason: NotReadable;
  /** The part that is damaged, when one is to blame. */
  part?: string;
}

/**
 * Tells what a zip is when it is no .xlsx: OpenDocument (its `mimetype`), Apple Numbers (`Index/`),
 * an .xlsb (a binary workbook part), another Office document.
 */
async function zipKind(pkg: ZipPackage, workbookPart: string | null): Promise<NotReadable | null> {
  const mimetype = pkg.find('mimetype');
  // LibreOffice always writes `mimetype`; other tools may leave it out, but never the manifest.
  const manifest = pkg.find('META-INF/manifest.xml');
  const declared = mimetype ?? manifest;
  if (declared) {
    const text = (await pkg.read(declared).catch(() => Buffer.alloc(0))).toString('latin1');
    if (text.includes('application/vnd.oasis.opendocument.spreadsheet')) return 'ods';
    if (text.includes('application/vnd.oasis.opendocument')) return 'other-office';
  }
  // At the root, or under the bundle's own folder when a .numbers bundle was zipped whole (iCloud downloads).
  if (pkg.parts.some((p) => /^([^/]+\.numbers\/)?index(\/.*\.iwa|\.zip|\.xml)$/i.test(p.name))) return 'numbers';
  if (workbookPart && /\.bin$/i.test(workbookPart)) return 'xlsb';
  if (pkg.has('xl/workbook.bin')) return 'xlsb';
  if (workbookPart && !/^xl\//i.test(workbookPart) && !pkg.find(workbookPart)) return 'other-office';
  if (workbookPart && /^(word|ppt)\//i.test(workbookPart)) return 'other-office';
  if (!workbookPart || !pkg.find(workbookPart)) return pkg.parts.some((p) => /^xl\//i.test(p.name)) ? 'corrupt' : 'not-xlsx';
  return null;
}

function failure(reason: NotReadable, part?: string): PackageReadFailure {
  return part ? { ok: false, reason, part } : { ok: false, reason };
}

/** Maps a reader's exception to a refusal; anything else is a bug and is thrown on. */
function damage(e: unknown, part: string): PackageReadFailure {
  if (e instanceof XmlSyntaxError || e instanceof PackageError) {
    if (e instanceof PackageError && e.reason === 'encrypted-entry') return failure('encrypted', part);
    return failure('corrupt', part);
  }
  const code = (e as NodeJS.ErrnoException | null)?.code;
  if (typeof code === 'string' && /^(Z_|ERR_)/.test(code)) return failure('corrupt', part);
  if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) return failure('unreadable', part);
  throw e;
}

/**
 * Reads an .xlsx (or .xlsm) package with the project's own streaming reader, at any size: the sheet
 * list, shared strings, the date system and date formats, then every worksheet part as a stream. Chart,
 * dialog and macro sheets hold no cells and are skipped. Returns the user's sheets (without the sheets
 * the add-in owns), the add-in's state and the reviews on its Findings sheet; or the reason the file
 * cannot be read, naming its format (a legacy .xls, .ods, .xlsb, Numbers, encrypted, damaged, no
 * worksheet at all). Never throws for bad input.
 */
export async function readWorkbookPackage(file: string): Promise<{ ok: true; contents: PackageContents } | PackageReadFailure> {
  const sniffed = await sniffFile(file);
  if (sniffed.kind === 'refused') return failure(sniffed.reason);
  let pkg: ZipPackage | null;
  try {
    pkg = await ZipPackage.open(file);
  } catch (e) {
    return damage(e, '');
  }
  if (!pkg) return failure('corrupt');
  let part = '_rels/.rels';
  try {
    const workbookPart = await findWorkbookPart(pkg);
    const kind = await zipKind(pkg, workbookPart);
    if (kind) return failure(kind, kind === 'corrupt' ? workbookPart ?? 'xl/workbook.xml' : undefined);
    part = workbookPart as string;
    const grids: SheetGrid[] = [];
    const structure = await readWorksheets(pkg, part, () => true, (grid) => {
      grids.push(grid);
    }, (p) => {
      part = p;
    });
    if ('ok' in structure) return structure;
    if (grids.length === 0) return failure('no-worksheet');
    return { ok: true, contents: { ...assemble(grids), structure } };
  } catch (e) {
    return damage(e, part);
  }
}

/**
 * Reads the worksheets of a package that `want` picks by name, one at a time, and hands each grid to
 * `visit` (which may let it go before the next is read). Chart, dialog and macro sheets hold no cells
 * and are skipped. `at` learns each part before it is read, so damage can be blamed on it. Returns the
 * sheet list, or a failure for a worksheet listed without its part.
 */
async function readWorksheets(
  pkg: ZipPackage,
  workbookPart: string,
  want: (name: string) => boolean,
  visit: (grid: SheetGrid) => void,
  at: (part: string) => void,
): Promise<WorkbookStructure | PackageReadFailure> {
  at(workbookPart);
  const structure = await readWorkbookStructure(pkg, workbookPart);
  at(structure.sharedStringsPart ?? workbookPart);
  const strings = await readSharedStrings(pkg, structure.sharedStringsPart);
  at(structure.stylesPart ?? workbookPart);
  const dates = await readDateStyles(pkg, structure.stylesPart);
  const ctx = { strings, dates, date1904: structure.date1904 };
  for (const sheet of structure.sheets) {
    if (sheet.kind !== 'worksheet' || !want(sheet.name)) continue;
    const sheetPart = sheet.part ? pkg.find(sheet.part) : undefined;
    // A worksheet listed without its part (or its relationship): reading on would drop a sheet of the
    // user's silently.
    if (!sheetPart) return failure('corrupt', sheet.part ?? relsPartName(structure.workbookPart));
    at(sheetPart.name);
    visit(await readWorksheet(pkg, sheetPart, sheet.name, ctx));
  }
  return structure;
}

/**
 * The digests ({@link gridDigest}) of the worksheets named in `names` (a copy the check wrote), read
 * one at a time so that only one sheet's grid is in memory. Null when the copy cannot be read.
 */
export async function worksheetDigests(file: string, names: ReadonlySet<string>): Promise<Map<string, string> | null> {
  try {
    const pkg = await ZipPackage.open(file);
    const workbookPart = pkg ? await findWorkbookPart(pkg) : null;
    if (!pkg || !workbookPart) return null;
    const digests = new Map<string, string>();
    const read = await readWorksheets(pkg, workbookPart, (name) => names.has(name), (grid) => {
      if (!digests.has(grid.name)) digests.set(grid.name, gridDigest(grid));
    }, () => undefined);
    return 'ok' in read ? null : digests;
  } catch (e) {
    // Damage in the copy means it is not accepted; anything but damage is a bug and is thrown on.
    damage(e, '');
    return null;
  }
}

/** The notes of one worksheet, found through its relationships whatever their part is named. */
export async function readSheetNotes(pkg: ZipPackage, sheet: SheetEntry): Promise<Map<string, string>> {
  if (!sheet.part) return new Map();
  const rels = await readRelationships(pkg, sheet.part);
  const notes = new Map<string, string>();
  for (const rel of rels) {
    if (rel.external || !relType(rel.type, 'comments')) continue;
    for (const [cell, text] of await readNotes(pkg, rel.target)) if (!notes.has(cell)) notes.set(cell, text);
  }
  return notes;
}

/** Splits the grids into the user's sheets, the add-in's state and the reviews on its Findings sheet. */
export function assemble(all: SheetGrid[]): WorkbookContents {
  const lower = (s: string): string => s.toLowerCase();
  const stateGrid = all.find((g) => lower(g.name) === lower(STATE_SHEET));
  const chunks: unknown[] = [];
  for (const r of stateGrid?.rows ?? []) {
    const v = r[0] ?? null;
    if (v === null) break;
    chunks.push(v);
  }
  const parsed = stateGrid ? parseState(chunks) : null;
  const state: FoundState = { state: parsed ?? emptyState(), unreadable: !!stateGrid && !parsed };
  const owned = new Set([...state.state.ownedSheets.map((o) => lower(o.name)), lower(STATE_SHEET)]);
  const reviews = new Map<string, Review>();
  for (const record of state.state.ownedSheets) {
    if (record.key !== 'findings') continue;
    const grid = all.find((g) => lower(g.name) === lower(record.name));
    if (!grid) continue;
    for (const [id, review] of readReviews(grid)) if (!reviews.has(id)) reviews.set(id, review);
  }
  const auditRecord = state.state.ownedSheets.find((o) => o.key === 'audit-log');
  const auditGrid = auditRecord ? all.find((g) => lower(g.name) === lower(auditRecord.name)) : undefined;
  const audit = auditGrid ? readAuditLog(auditGrid) : null;
  // Decisions kept in the state (through recon clear or a deleted Findings sheet) fill in what the sheet lacks.
  return { grids: all.filter((g) => !owned.has(lower(g.name))), state, reviews: mergeReviews(state.state.reviews, reviews), audit };
}
