import { createHash } from 'crypto';
import type ExcelJS from 'exceljs';
import { exceljs } from './exceljs-runtime';
import { promises as fs } from 'fs';
import * as path from 'path';
import { Severity } from '../core/model/findings';
import { uniqueSheetName } from '../core/model/sheet-names';
import { OwnedSheet, Plan } from '../core/output/plan';
import { OwnedSheetRecord, serializeState, STATE_SHEET, WorkbookState } from '../core/output/workbook-state';
import { XlsxSavedGroup } from './cell-look';
import { CHART_CONTENT_TYPES, chartPart, ChartPart, drawingPartXml, withDrawingElement } from './chart-parts';
import { applyExceljsPatches } from './exceljs-patches';
import { extendCommentsPart, extendVmlPart, newCommentsPart, newVmlPart, usedVmlBlocks, xmlText } from './notes-parts';
import { writeOwnedSheet } from './owned-sheet-writer';
import { PackagePart } from './package-parts';
import { findWorkbookPart, readRelationships, readWorkbookStructure, Relationship, relsPartName, relType, SheetEntry, WorkbookStructure } from './package-structure';
import { RenderSummary } from './render-plan';
import { readNotes } from './sheet-reader';
import { markSheet, marksByRow } from './sheet-marker';
import { StylesEditor } from './styles-editor';
import { paletteFromThemeXml } from './theme-colors';
import { partKey, ZipPackage } from './zip-package';
import { ZipWriter } from './zip-writer';
import { writeFileAtomically } from './workbook-file';

/**
 * `recon --out` as an edit of the .xlsx package, part by part. Parts it has no reason to change are
 * copied as stored (byte for byte, compressed bytes included); the marked sheets are streamed through
 * with only the flagged cells' style index changed; styles grow by the highlight formats; notes are
 * added as comments and VML parts (or extend the sheet's own); the owned sheets and the very hidden
 * state sheet are added as parts, with the sheet list, relationships and content types to match.
 *
 * Every part it changes is also kept, as it was, under `recon/original/`, listed in
 * `recon/manifest.reconpart` with the digest of what replaced it. So `recon clear` (and the next check)
 * can give back the input's parts byte for byte, as long as those parts are still what the check
 * wrote; once someone saved the file in Excel they are not, and the caller falls back to restoring
 * looks from the state.
 */

const MANIFEST = 'recon/manifest.reconpart';
const ORIGINALS = 'recon/original/';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const CT = {
  worksheet: 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml',
  comments: 'application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml',
  vml: 'application/vnd.openxmlformats-officedocument.vmlDrawing',
  styles: 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml',
  original: 'application/octet-stream',
};

interface Manifest {
  version: 1;
  /** Parts the check replaced: name, where the original is kept, digest of what the check wrote. */
  replaced: { name: string; original: string; sha256: string }[];
  /** Parts the check added, with the digest of what it wrote. */
  added: { name: string; sha256: string }[];
}

/** The styles Excel assumes when a workbook has no styles part: one font, the two reserved fills, one border, one format. */
const DEFAULT_STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

/** Why the package cannot be edited this way; the caller takes another road. */
export class PackageEditUnsupported extends Error {}

function sha(data: Buffer | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/** A package as the edit sees it: the input's parts, or, for a file a check wrote, the originals put back. */
interface View {
  pkg: ZipPackage;
  /** Parts by lower-cased name, in package order. */
  parts: Map<string, PackagePart>;
  /** The input was written by a check and its originals are in place. */
  restored: boolean;
}

/** Reads the manifest a check left, and checks that the parts it lists are still what it wrote. */
async function openView(pkg: ZipPackage): Promise<View> {
  const parts = new Map<string, PackagePart>();
  for (const p of pkg.parts) if (!p.name.endsWith('/')) parts.set(partKey(p.name), p);
  const manifestPart = pkg.find(MANIFEST);
  if (!manifestPart) return { pkg, parts, restored: false };
  let manifest: Manifest;
  try {
    manifest = JSON.parse((await pkg.read(manifestPart)).toString('utf8')) as Manifest;
  } catch {
    throw new PackageEditUnsupported('unreadable manifest');
  }
  for (const entry of [...manifest.replaced, ...manifest.added]) {
    const part = pkg.find(entry.name);
    if (!part || sha(await pkg.read(part)) !== entry.sha256) throw new PackageEditUnsupported(`${entry.name} changed since the check`);
  }
  for (const entry of manifest.added) parts.delete(partKey(entry.name));
  for (const entry of manifest.replaced) {
    const original = pkg.find(entry.original);
    if (!original) throw new PackageEditUnsupported(`${entry.original} missing`);
    parts.set(partKey(entry.name), { ...original, name: entry.name });
  }
  for (const key of [...parts.keys()]) if (key.startsWith(ORIGINALS) || key === MANIFEST) parts.delete(key);
  return { pkg: pkg.withParts([...parts.values()]), parts, restored: true };
}

/**
 * A free part name from a pattern such as `xl/worksheets/sheet{n}.xml`. With `rels`, its relationships
 * part's name must be free too (a stray one left in the input would otherwise be written twice).
 */
function freeName(taken: Set<string>, pattern: string, rels = false): string {
  for (let n = 1; ; n++) {
    const name = pattern.replace('{n}', String(n));
    if (!taken.has(partKey(name)) && !(rels && taken.has(partKey(relsPartName(name))))) {
      taken.add(partKey(name));
      if (rels) taken.add(partKey(relsPartName(name)));
      return name;
    }
  }
}

/** A target for a relationship from `source` to part `target` (relative, as producers write them). */
function relTarget(source: string, target: string): string {
  const from = source.split('/').slice(0, -1);
  const to = target.split('/');
  let i = 0;
  while (i < from.length && i < to.length - 1 && from[i] === to[i]) i++;
  return [...from.slice(i).map(() => '..'), ...to.slice(i)].join('/');
}

function addRelationships(xml: string | null, rels: { id: string; type: string; target: string }[]): string {
  const items = rels.map((r) => `<Relationship Id="${r.id}" Type="${r.type}" Target="${xmlText(r.target).replace(/"/g, '&quot;')}"/>`).join('');
  if (!xml) return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG_REL}">${items}</Relationships>`;
  const p = /<([\w.-]+:)?Relationships\b/.exec(xml)?.[1] ?? '';
  const withPrefix = p ? items.replace(/<Relationship /g, `<${p}Relationship `) : items;
  const close = xml.lastIndexOf(`</${p}Relationships>`);
  if (close >= 0) return xml.slice(0, close) + withPrefix + xml.slice(close);
  return xml.replace(new RegExp(`<${p}Relationships\\b([^>]*)/>`), `<${p}Relationships$1>${withPrefix}</${p}Relationships>`);
}

function freeRelId(existing: readonly Relationship[], used: Set<string>): string {
  const ids = new Set([...existing.map((r) => r.id), ...used]);
  for (let n = 1; ; n++) {
    const id = `rRecon${n}`;
    if (!ids.has(id)) {
      used.add(id);
      return id;
    }
  }
}

function addContentTypes(xml: string, overrides: { part: string; type: string }[], defaults: { ext: string; type: string }[]): string {
  const p = /<([\w.-]+:)?Types\b/.exec(xml)?.[1] ?? '';
  const have = new Set([...xml.matchAll(/Extension\s*=\s*"([^"]*)"/g)].map((m) => m[1].toLowerCase()));
  const items = [
    ...defaults.filter((d) => !have.has(d.ext.toLowerCase())).map((d) => `<${p}Default Extension="${d.ext}" ContentType="${d.type}"/>`),
    ...overrides.map((o) => `<${p}Override PartName="/${o.part}" ContentType="${o.type}"/>`),
  ].join('');
  const close = xml.lastIndexOf(`</${p}Types>`);
  if (close < 0) throw new PackageEditUnsupported('content types without their end');
  // Defaults come first in the schema; an Override list may already have begun.
  return xml.slice(0, close) + items + xml.slice(close);
}

/** The state sheet's XML: the state's JSON in column A as inline text, one chunk a row. */
export function stateSheetXml(state: WorkbookState): string {
  const rows = serializeState(state).map((chunk, i) => `<row r="${i + 1}"><c r="A${i + 1}" t="inlineStr"><is><t xml:space="preserve">${xmlText(chunk)}</t></is></c></row>`).join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData></worksheet>`;
}

/** Text as UTF-8 bytes with an XML declaration that says so (a UTF-16 source's declaration is corrected). */
async function* utf8(chunks: AsyncIterable<string>): AsyncGenerator<Buffer> {
  let first = true;
  for await (const c of chunks) {
    const text = first ? c.replace(/^(\s*<\?xml[^>]*?encoding\s*=\s*["'])[^"']*(["'])/, '$1UTF-8$2') : c;
    first = false;
    yield Buffer.from(text, 'utf8');
  }
}

/** A sheet added to the package: its entry in the sheet list and its XML (and, for an owned sheet, its plan, for charts). */
interface NewSheet {
  name: string;
  xml: string;
  state?: 'veryHidden';
  owned?: OwnedSheet;
}

/** What one edit of a package writes, gathered before the zip is written. */
class Edit {
  readonly replaced = new Map<string, Buffer | (() => AsyncIterable<Buffer>)>();
  readonly added: { name: string; data: Buffer }[] = [];
  readonly overrides: { part: string; type: string }[] = [];
  readonly defaults: { ext: string; type: string }[] = [];
  readonly taken: Set<string>;
  readonly newWorkbookRels: { id: string; type: string; target: string }[] = [];
  readonly usedIds = new Set<string>();

  constructor(readonly view: View, readonly structure: WorkbookStructure, readonly workbookRels: Relationship[]) {
    this.taken = new Set(view.parts.keys());
  }

  replace(name: string, data: Buffer | string | (() => AsyncIterable<Buffer>)): void {
    this.replaced.set(partKey(name), typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
  }

  add(name: string, data: Buffer | string, type?: string): void {
    this.added.push({ name, data: typeof data === 'string' ? Buffer.from(data, 'utf8') : data });
    if (type) this.overrides.push({ part: name, type });
  }

  async text(name: string): Promise<string | null> {
    const part = this.view.parts.get(partKey(name));
    return part ? this.view.pkg.text(part) : null;
  }

  /** Adds sheets at the end of the sheet list, with their parts, relationships and content types. */
  async addSheets(sheets: NewSheet[], definedNames: string[] = []): Promise<void> {
    if (!sheets.length) return;
    const wbPart = this.structure.workbookPart;
    let xml = (await this.text(wbPart)) as string;
    const p = /<([\w.-]+:)?workbook\b/.exec(xml)?.[1] ?? '';
    let sheetId = 0;
    for (const m of xml.matchAll(/<(?:[\w.-]+:)?sheet\b[^>]*?\ssheetId\s*=\s*"(\d+)"/g)) sheetId = Math.max(sheetId, Number(m[1]));
    const entries: string[] = [];
    for (const s of sheets) {
      const part = freeName(this.taken, 'xl/worksheets/sheet{n}.xml', true);
      const id = freeRelId(this.workbookRels, this.usedIds);
      this.newWorkbookRels.push({ id, type: `${REL}/worksheet`, target: relTarget(wbPart, part) });
      this.add(part, s.owned ? this.addCharts(part, s.name, s.xml, s.owned, null, []) : s.xml, CT.worksheet);
      entries.push(`<${p}sheet xmlns:r="${REL}" name="${xmlText(s.name).replace(/"/g, '&quot;')}" sheetId="${++sheetId}"${s.state ? ` state="${s.state}"` : ''} r:id="${id}"/>`);
    }
    const close = xml.indexOf(`</${p}sheets>`);
    if (close < 0) throw new PackageEditUnsupported('no sheet list');
    xml = xml.slice(0, close) + entries.join('') + xml.slice(close);
    if (definedNames.length) {
      const dnClose = xml.indexOf(`</${p}definedNames>`);
      if (dnClose >= 0) xml = xml.slice(0, dnClose) + definedNames.join('') + xml.slice(dnClose);
      else {
        const after = xml.indexOf(`</${p}sheets>`) + `</${p}sheets>`.length;
        const ext = /<\/(?:[\w.-]+:)?(?:externalReferences|functionGroups)>/g;
        let at = after;
        for (let m = ext.exec(xml); m; m = ext.exec(xml)) at = Math.max(at, m.index + m[0].length);
        xml = xml.slice(0, at) + `<${p}definedNames>${definedNames.join('')}</${p}definedNames>` + xml.slice(at);
      }
    }
    this.replace(wbPart, xml);
  }

  /**
   * Adds the charts of owned sheet `owned` (named `name`, part `sheetPart`) as parts (chart parts, a
   * drawing part, their relationships and content types) under names no part of the package has, and
   * returns the sheet's XML with its `<drawing>` element. `relsXml` and `rels` are the sheet's own
   * relationships part and relationships, if it has them. A sheet without charts comes back as it is.
   */
  addCharts(sheetPart: string, name: string, xml: string, owned: OwnedSheet, relsXml: string | null, rels: readonly Relationship[]): string {
    const charts = (owned.charts ?? []).map((spec) => ({ spec, part: chartPart(spec, owned, name) })).filter((c): c is { spec: typeof c.spec; part: ChartPart } => c.part !== null);
    if (!charts.length) return xml;
    const drawing = freeName(this.taken, 'xl/drawings/drawing{n}.xml', true);
    const chartRels = charts.map((c, i) => {
      const name = freeName(this.taken, 'xl/charts/chart{n}.xml', true);
      this.add(name, c.part.xml, CHART_CONTENT_TYPES.chart);
      return { id: `rId${i + 1}`, type: `${REL}/chart`, target: relTarget(drawing, name) };
    });
    this.add(drawing, drawingPartXml(charts.map((c) => c.part), chartRels.map((r) => r.id), charts.map((c) => c.spec.title)), CHART_CONTENT_TYPES.drawing);
    this.add(relsPartName(drawing), addRelationships(null, chartRels));
    const id = freeRelId(rels, new Set());
    const drawingRel = [{ id, type: `${REL}/drawing`, target: relTarget(sheetPart, drawing) }];
    if (relsXml === null) this.add(relsPartName(sheetPart), addRelationships(null, drawingRel));
    else this.replace(relsPartName(sheetPart), addRelationships(relsXml, drawingRel));
    return withDrawingElement(xml, id);
  }

  /** Writes the package: unchanged parts as stored, then what changed, what was added, the originals and the manifest. */
  async write(file: string, keepOriginals: boolean): Promise<void> {
    const { pkg, parts } = this.view;
    const wbRelsName = relsPartName(this.structure.workbookPart);
    if (this.newWorkbookRels.length) this.replace(wbRelsName, addRelationships(await this.text(wbRelsName), this.newWorkbookRels));
    const originals: { name: string; original: string; part: PackagePart }[] = [];
    const manifest: Manifest = { version: 1, replaced: [], added: [] };
    if (keepOriginals) this.defaults.push({ ext: 'reconpart', type: CT.original });
    const ctName = '[Content_Types].xml';
    if (this.overrides.length || this.defaults.length) this.replace(ctName, addContentTypes((await this.text(ctName)) as string, this.overrides, this.defaults));

    const writer = new ZipWriter(file);
    try {
      for (const [key, part] of parts) {
        const change = this.replaced.get(key);
        if (change === undefined) {
          await writer.addStored(part.name, await pkg.readRaw(part), part.method, part.crc32, part.size);
          continue;
        }
        const hash = createHash('sha256');
        const source = Buffer.isBuffer(change) ? (async function* one() {
          yield change;
        })() : change();
        await writer.addStream(part.name, (async function* hashed() {
          for await (const chunk of source) {
            hash.update(chunk);
            yield chunk;
          }
        })());
        if (keepOriginals) {
          const original = freeName(this.taken, `${ORIGINALS}{n}.reconpart`);
          originals.push({ name: part.name, original, part });
          manifest.replaced.push({ name: part.name, original, sha256: hash.digest('hex') });
        }
      }
      for (const a of this.added) {
        await writer.add(a.name, a.data);
        manifest.added.push({ name: a.name, sha256: sha(a.data) });
      }
      if (keepOriginals) {
        for (const o of originals) await writer.addStored(o.original, await pkg.readRaw(o.part), o.part.method, o.part.crc32, o.part.size);
        await writer.add(MANIFEST, JSON.stringify(manifest));
      }
      await writer.close();
    } catch (e) {
      writer.destroy();
      throw e;
    }
  }
}

async function openEdit(input: string): Promise<Edit> {
  const pkg = await ZipPackage.open(input);
  if (!pkg) throw new PackageEditUnsupported('no package');
  const view = await openView(pkg);
  const workbookPart = await findWorkbookPart(view.pkg);
  if (!workbookPart) throw new PackageEditUnsupported('no workbook');
  const structure = await readWorkbookStructure(view.pkg, workbookPart);
  const rels = await readRelationships(view.pkg, workbookPart);
  const edit = new Edit(view, structure, rels);
  // A content type left for a part that is gone still claims its name: a second Override would clash.
  const types = await edit.text('[Content_Types].xml');
  for (const m of (types ?? '').matchAll(/\sPartName\s*=\s*"\/?([^"]*)"/g)) edit.taken.add(partKey(m[1]));
  return edit;
}

/**
 * Draws the owned sheets' charts into a package exceljs wrote (the road for workbooks the part-by-part
 * edit cannot take; exceljs itself writes no charts): `file` is rewritten in place with the chart and
 * drawing parts added. `sheets` are the owned sheets with their names in the workbook.
 */
export async function addOwnedSheetCharts(file: string, sheets: readonly { name: string; owned: OwnedSheet }[]): Promise<void> {
  if (!sheets.some((s) => s.owned.charts?.length)) return;
  const edit = await openEdit(file);
  for (const { name, owned } of sheets) {
    const entry = edit.structure.sheets.find((s) => s.name === name && s.kind === 'worksheet');
    if (!entry?.part || !owned.charts?.length) continue;
    const xml = await edit.text(entry.part);
    if (xml === null) continue;
    const relsName = relsPartName(entry.part);
    const changed = edit.addCharts(entry.part, name, xml, owned, await edit.text(relsName), await readRelationships(edit.view.pkg, entry.part));
    if (changed !== xml) edit.replace(entry.part, changed);
  }
  if (!edit.added.length) return;
  const tmp = `${file}.charts`;
  try {
    await edit.write(tmp, false);
    await fs.rename(tmp, file);
  } finally {
    await fs.rm(tmp, { force: true });
  }
}

/** Renders the owned sheets with exceljs into a scratch package and takes their parts and formats. */
async function ownedSheetParts(plan: Plan, records: OwnedSheetRecord[], renames: Map<string, string>, styles: StylesEditor, firstIndex: number, scratchDir: string): Promise<{ sheets: NewSheet[]; definedNames: string[] }> {
  if (!plan.sheets.length) return { sheets: [], definedNames: [] };
  applyExceljsPatches();
  const wb = new (exceljs().Workbook)();
  plan.sheets.forEach((sheet, i) => writeOwnedSheet(wb.addWorksheet(records[i].name), sheet, renames));
  const file = path.join(scratchDir, `.recon-owned-${process.pid}-${Date.now()}.xlsx`);
  try {
    await fs.writeFile(file, Buffer.from((await wb.xlsx.writeBuffer({ useSharedStrings: false } as Partial<ExcelJS.XlsxWriteOptions>)) as ArrayBuffer));
    const pkg = await ZipPackage.open(file);
    if (!pkg) throw new Error('exceljs wrote no package');
    const wbPart = (await findWorkbookPart(pkg)) as string;
    const structure = await readWorkbookStructure(pkg, wbPart);
    const scratchStyles = new StylesEditor(await pkg.text(pkg.find(structure.stylesPart as string) as PackagePart));
    const map = styles.importAll(scratchStyles);
    // exceljs always writes shared strings (its useSharedStrings option is ignored); the user's shared
    // strings part is theirs, so the owned sheets' strings go inline.
    const sstPart = structure.sharedStringsPart ? pkg.find(structure.sharedStringsPart) : undefined;
    const items = sstPart ? [...(await pkg.text(sstPart)).matchAll(/<si>([\s\S]*?)<\/si>|<si\/>/g)].map((m) => m[1] ?? '') : [];
    const sheets: NewSheet[] = [];
    for (const [i, s] of structure.sheets.entries()) {
      const xml = (await pkg.text(pkg.find(s.part as string) as PackagePart))
        .replace(/<c\b([^>]*?)\st="s"([^>]*)><v>(\d+)<\/v><\/c>/g, (_w, a: string, b: string, n: string) => `<c${a} t="inlineStr"${b}><is>${items[Number(n)] ?? '<t></t>'}</is></c>`)
        .replace(/(<(?:[\w.-]+:)?(?:c|row)\b[^>]*?\ss=")(\d+)"/g, (_w, head: string, n: string) => `${head}${map.xf(Number(n))}"`)
        .replace(/(<(?:[\w.-]+:)?col\b[^>]*?\sstyle=")(\d+)"/g, (_w, head: string, n: string) => `${head}${map.xf(Number(n))}"`)
        .replace(/(\sdxfId=")(\d+)"/g, (_w, head: string, n: string) => `${head}${map.dxf(Number(n))}"`);
      sheets.push({ name: s.name, xml, owned: plan.sheets[i] });
    }
    const wbXml = await pkg.text(pkg.find(wbPart) as PackagePart);
    const definedNames = [...wbXml.matchAll(/<definedName\b[^>]*\slocalSheetId="(\d+)"[^>]*>[\s\S]*?<\/definedName>/g)].map((m) => m[0].replace(/localSheetId="\d+"/, `localSheetId="${firstIndex + Number(m[1])}"`));
    return { sheets, definedNames };
  } finally {
    await fs.rm(file, { force: true });
  }
}

/** What the check found on one marked sheet, to save as the cells' original looks. */
function savedGroups(sheet: string, looks: Map<string, { fill: string | null; fontColor: string | null; note: string | null }>): XlsxSavedGroup[] {
  const groups = new Map<string, XlsxSavedGroup>();
  for (const [address, look] of looks) {
    const key = JSON.stringify([look.fill, look.fontColor, look.note]);
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { sheet, fill: look.fill, fontColor: look.fontColor, note: look.note, cells: [] }));
    g.cells.push(address);
  }
  return [...groups.values()];
}

/**
 * Writes the annotated copy of `input` to `out` (through a temporary file beside it). `state` is the
 * state read from the input (its settings and reviews carry on). Throws {@link PackageEditUnsupported}
 * when the input carries annotations it cannot undo byte for byte (another renderer's, or a check
 * whose parts were changed since); nothing is written then.
 */
export async function annotatePackage(input: string, out: string, plan: Plan, state: WorkbookState, accept?: (tmp: string) => Promise<boolean>): Promise<RenderSummary | null> {
  const edit = await openEdit(input);
  const { view, structure } = edit;
  const hadAnnotations = state.ownedSheets.length > 0 || state.saved.length > 0;
  if (hadAnnotations && !view.restored) throw new PackageEditUnsupported('annotations without originals');
  const restoredCells = view.restored ? state.saved.reduce((n, g) => n + g.cells.length, 0) : 0;
  const lower = (s: string): string => s.toLowerCase();

  const themeRel = edit.workbookRels.find((r) => relType(r.type, 'theme') && !r.external);
  const themeXml = themeRel ? await edit.text(themeRel.target) : null;
  // A workbook without a styles part (minimal writers leave it out; every cell then has Excel's
  // default look) gets one holding exactly those defaults first, so the highlights can join it.
  const stylesXml = structure.stylesPart ? await edit.text(structure.stylesPart) : DEFAULT_STYLES;
  if (!stylesXml) throw new PackageEditUnsupported('no styles part');
  const styles = new StylesEditor(stylesXml, themeXml ? paletteFromThemeXml(themeXml) : null);

  // Marks by sheet, on the user's worksheets only.
  const worksheets = new Map(structure.sheets.filter((s) => s.kind === 'worksheet' && s.part && lower(s.name) !== lower(STATE_SHEET)).map((s) => [lower(s.name), s] as const));
  const bySheet = new Map<SheetEntry, { address: string; severity: Severity; note: string }[]>();
  let skippedMarks = 0;
  for (const m of plan.marks) {
    const sheet = worksheets.get(lower(m.sheet));
    if (!sheet || !/^[A-Za-z]{1,3}[1-9]\d{0,6}$/.test(m.cell)) {
      skippedMarks++;
      continue;
    }
    let list = bySheet.get(sheet);
    if (!list) bySheet.set(sheet, (list = []));
    list.push({ address: m.cell.toUpperCase(), severity: m.severity, note: m.note });
  }

  const saved: XlsxSavedGroup[] = [];
  let markedCells = 0;
  let vmlBlocks: number[] | null = null;
  for (const [sheet, marks] of bySheet) {
    const sheetPart = sheet.part as string;
    const sheetRels = await readRelationships(view.pkg, sheetPart);
    const commentsRel = sheetRels.find((r) => relType(r.type, 'comments') && !r.external);
    const vmlRel = sheetRels.find((r) => relType(r.type, 'vmlDrawing') && !r.external);
    const existing = commentsRel ? await readNotes(view.pkg, commentsRel.target) : new Map<string, string>();
    const notes = new Map(marks.map((m) => [m.address, m.note] as const));
    const newRels: { id: string; type: string; target: string }[] = [];
    const used = new Set<string>();

    // Notes: the sheet's own comments and VML parts extended, or new ones.
    let newShapes: string[];
    if (commentsRel) {
      const extended = extendCommentsPart((await edit.text(commentsRel.target)) as string, notes);
      edit.replace(commentsRel.target, extended.xml);
      newShapes = extended.added;
    } else {
      const part = freeName(edit.taken, 'xl/comments{n}.xml');
      edit.add(part, newCommentsPart(notes), CT.comments);
      newRels.push({ id: freeRelId(sheetRels, used), type: `${REL}/comments`, target: relTarget(sheetPart, part) });
      newShapes = [...notes.keys()];
    }
    let legacyDrawingId: string | undefined;
    if (vmlRel) {
      if (newShapes.length) edit.replace(vmlRel.target, extendVmlPart((await edit.text(vmlRel.target)) as string, newShapes));
    } else {
      if (!vmlBlocks) {
        vmlBlocks = [];
        for (const [key, part] of view.parts) if (key.endsWith('.vml')) vmlBlocks.push(...usedVmlBlocks(await view.pkg.text(part)));
      }
      let block = 1;
      while (vmlBlocks.includes(block)) block++;
      vmlBlocks.push(block);
      const part = freeName(edit.taken, 'xl/drawings/vmlDrawing{n}.vml');
      edit.add(part, newVmlPart(newShapes, block));
      edit.defaults.push({ ext: 'vml', type: CT.vml });
      legacyDrawingId = freeRelId(sheetRels, used);
      newRels.push({ id: legacyDrawingId, type: `${REL}/vmlDrawing`, target: relTarget(sheetPart, part) });
    }
    if (newRels.length) {
      const relsName = relsPartName(sheetPart);
      const relsXml = await edit.text(relsName);
      if (relsXml === null) edit.add(relsName, addRelationships(null, newRels));
      else edit.replace(relsName, addRelationships(relsXml, newRels));
    }

    // A first pass learns each flagged cell's format (for its saved look and its highlight format),
    // so the styles part is complete before anything is written; the second pass writes the sheet.
    const cells = marksByRow(marks);
    const part = view.parts.get(partKey(sheetPart)) as PackagePart;
    const styleFor = (xf: number, severity: Severity): number => styles.highlight(xf, severity);
    const looks = new Map<string, { fill: string | null; fontColor: string | null; note: string | null }>();
    const learn = markSheet(view.pkg.streamText(part), {
      cells,
      styleFor,
      seen: (address, xf) => looks.set(address, { ...styles.look(xf), note: existing.get(address) ?? null }),
    });
    for await (const chunk of learn) void chunk;
    saved.push(...savedGroups(sheet.name, looks));
    markedCells += looks.size;
    edit.replace(sheetPart, () => utf8(markSheet(view.pkg.streamText(part), { cells, styleFor, seen: () => undefined, legacyDrawingId })));
  }

  // Owned sheets after the user's sheets, under names no user sheet has.
  const taken = new Set(structure.sheets.map((s) => lower(s.name)));
  const renames = new Map<string, string>();
  const records: OwnedSheetRecord[] = plan.sheets.map((sheet) => {
    const name = uniqueSheetName(sheet.name, taken);
    taken.add(lower(name));
    renames.set(sheet.name, name);
    return { key: sheet.key, name };
  });
  const owned = await ownedSheetParts(plan, records, renames, styles, structure.sheets.length, path.dirname(path.resolve(out)));
  const next: WorkbookState = { ...state, ownedSheets: records, saved, reviews: plan.reviews ?? state.reviews };
  await edit.addSheets(withState(edit, owned.sheets, next), owned.definedNames);
  if (styles.changed() && structure.stylesPart) edit.replace(structure.stylesPart, styles.toXml());
  else if (styles.changed()) {
    const part = freeName(edit.taken, 'xl/styles{n}.xml');
    edit.add(part, styles.toXml(), CT.styles);
    edit.newWorkbookRels.push({ id: freeRelId(edit.workbookRels, edit.usedIds), type: `${REL}/styles`, target: relTarget(structure.workbookPart, part) });
  }

  if (!(await writeFileAtomically(out, (tmp) => edit.write(tmp, true), accept))) return null;
  return { restoredCells, markedCells, skippedMarks, ownedSheets: records, stateWasUnreadable: false };
}

/**
 * The sheets to add, with the state sheet among them when the workbook has none; an existing state
 * sheet (the add-in's, or one a clear kept) has its part replaced instead, keeping its place.
 */
function withState(edit: Edit, sheets: NewSheet[], state: WorkbookState): NewSheet[] {
  const entry = edit.structure.sheets.find((s) => s.name.toLowerCase() === STATE_SHEET.toLowerCase());
  if (!entry) return [...sheets, { name: STATE_SHEET, xml: stateSheetXml(state), state: 'veryHidden' }];
  if (!entry.part || !edit.view.parts.has(partKey(entry.part))) throw new PackageEditUnsupported('a state sheet without its part');
  edit.replace(entry.part, stateSheetXml(state));
  return sheets;
}

/**
 * Writes the cleared copy: the input's parts as they were before the check, byte for byte, and a very
 * hidden state sheet keeping the settings and review decisions. Throws {@link PackageEditUnsupported}
 * when the input was not written by a check whose parts are intact.
 */
export async function clearPackage(input: string, out: string, state: WorkbookState, accept?: (tmp: string) => Promise<boolean>): Promise<{ restoredCells: number } | null> {
  const edit = await openEdit(input);
  if (!edit.view.restored) throw new PackageEditUnsupported('no originals');
  const restoredCells = state.saved.reduce((n, g) => n + g.cells.length, 0);
  const keep: WorkbookState = { ...state, ownedSheets: [], saved: [] };
  await edit.addSheets(withState(edit, [], keep));
  if (!(await writeFileAtomically(out, (tmp) => edit.write(tmp, false), accept))) return null;
  return { restoredCells };
}

