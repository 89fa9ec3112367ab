import { XmlAttributes, XmlTokenizer } from './xml-tokenizer';
import { ZipPackage } from './zip-package';

/** One relationship of a part: where it points and what kind of part that is. */
export interface Relationship {
  id: string;
  /** The relationship type URI; compare with {@link relType}, which accepts its transitional and strict spellings. */
  type: string;
  /** The target part's name, resolved against the source part (no leading slash); the URI for external ones. */
  target: string;
  external: boolean;
}

/** Runs the tokenizer over a whole (small) text. */
export function parseXmlText(text: string, open: (name: string, a: XmlAttributes, selfClosing: boolean) => void, close: (name: string) => void = () => undefined, onText: (t: string) => void = () => undefined): void {
  const t = new XmlTokenizer({ open, close, text: onText });
  t.write(text);
  t.end();
}

/** Whether a relationship type URI is of this kind (its last path segment, in any namespace spelling). */
export function relType(type: string, kind: string): boolean {
  const slash = type.lastIndexOf('/');
  return type.slice(slash + 1).toLowerCase() === kind.toLowerCase();
}

/** The relationships part of a part: `xl/workbook.xml` → `xl/_rels/workbook.xml.rels`. */
export function relsPartName(partName: string): string {
  const slash = partName.lastIndexOf('/');
  return `${partName.slice(0, slash + 1)}_rels/${partName.slice(slash + 1)}.rels`;
}

/** Resolves a relationship target against the folder of its source part (`..`, `.`, absolute `/x`). */
export function resolveTarget(sourcePart: string, target: string): string {
  let t = target.replace(/\\/g, '/');
  try {
    t = decodeURIComponent(t);
  } catch {
    // A stray % is part of the name.
  }
  const base = t.startsWith('/') ? [] : sourcePart.split('/').slice(0, -1);
  for (const seg of t.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') base.pop();
    else base.push(seg);
  }
  return base.join('/');
}

/** The relationships of a part (empty when it has none). */
export async function readRelationships(pkg: ZipPackage, sourcePart: string): Promise<Relationship[]> {
  const part = pkg.find(relsPartName(sourcePart));
  if (!part) return [];
  const rels: Relationship[] = [];
  parseXmlText(await pkg.text(part), (name, a) => {
    if (name !== 'Relationship' || !a.Id || a.Target === undefined) return;
    const external = (a.TargetMode ?? '').toLowerCase() === 'external';
    rels.push({ id: a.Id, type: a.Type ?? '', target: external ? a.Target : resolveTarget(sourcePart, a.Target), external });
  });
  return rels;
}

/** What kind of sheet a workbook lists: only worksheets hold cells. */
export type SheetKind = 'worksheet' | 'chartsheet' | 'dialogsheet' | 'macrosheet' | 'other';

/** A sheet as the workbook part lists it. */
export interface SheetEntry {
  name: string;
  kind: SheetKind;
  /** The sheet's part, when its relationship points at one. */
  part: string | null;
  state: 'visible' | 'hidden' | 'veryHidden';
}

/** The workbook part's content the readers need. */
export interface WorkbookStructure {
  workbookPart: string;
  sheets: SheetEntry[];
  /** Dates count from 1904 (`date1904="1"` or `"true"`). */
  date1904: boolean;
  sharedStringsPart: string | null;
  stylesPart: string | null;
}

/** The relationship namespaces of the `r:id` attribute on a sheet (transitional and strict OOXML). */
const REL_NAMESPACES = new Set([
  'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  'http://purl.oclc.org/ooxml/officeDocument/relationships',
]);

/** An XML Schema boolean that is true: "1" or "true", in any case or padding. */
export function xmlTrue(v: string | undefined): boolean {
  const s = (v ?? '').trim().toLowerCase();
  return s === '1' || s === 'true' || s === 'on';
}

function sheetKind(rel: Relationship | undefined): SheetKind {
  // A sheet whose relationship is lost was a sheet of cells as far as anyone can tell: reading must
  // not pass over it as if it held none.
  if (!rel) return 'worksheet';
  if (relType(rel.type, 'worksheet')) return 'worksheet';
  if (relType(rel.type, 'chartsheet')) return 'chartsheet';
  if (relType(rel.type, 'dialogsheet')) return 'dialogsheet';
  if (relType(rel.type, 'xlMacrosheet') || relType(rel.type, 'xlIntlMacrosheet')) return 'macrosheet';
  return 'other';
}

/** The workbook part named by the package's root relationships (`xl/workbook.xml` when they are missing). */
export async function findWorkbookPart(pkg: ZipPackage): Promise<string | null> {
  const root = await readRelationships(pkg, '');
  const office = root.find((r) => relType(r.type, 'officeDocument') && !r.external);
  if (office) return office.target;
  return pkg.has('xl/workbook.xml') ? 'xl/workbook.xml' : null;
}

/**
 * Reads the workbook part: its sheets in order (name, kind, part, visibility), the 1904 date flag and
 * the shared strings and styles parts. Prefixes are resolved by namespace, so `x:sheet` and `ns1:id`
 * are read like `sheet` and `r:id`.
 */
export async function readWorkbookStructure(pkg: ZipPackage, workbookPart: string): Promise<WorkbookStructure> {
  const part = pkg.find(workbookPart);
  if (!part) throw new Error(`no workbook part ${workbookPart}`);
  const rels = await readRelationships(pkg, workbookPart);
  const byId = new Map(rels.map((r) => [r.id, r]));
  const relPrefixes = new Set<string>(['r']);
  const sheets: SheetEntry[] = [];
  let date1904 = false;
  parseXmlText(await pkg.text(part), (name, a) => {
    for (const [k, v] of Object.entries(a)) if (k.startsWith('xmlns:') && REL_NAMESPACES.has(v)) relPrefixes.add(k.slice(6));
    if (name === 'workbookPr') date1904 = xmlTrue(a.date1904);
    if (name !== 'sheet') return;
    let rid: string | undefined;
    for (const p of relPrefixes) rid ??= a[`${p}:id`];
    const rel = rid ? byId.get(rid) : undefined;
    const state = a.state === 'hidden' || a.state === 'veryHidden' ? a.state : 'visible';
    // An empty id is written on purpose, for a sheet saved without a part (Excel does so for Excel 5
    // module sheets, and Excel and LibreOffice open such files): it holds no cells. An id that names no
    // relationship is a lost one, and counts as a worksheet.
    const kind = rid !== undefined && rid.trim() === '' ? 'other' : sheetKind(rel);
    sheets.push({ name: a.name ?? '', kind, part: rel && !rel.external ? rel.target : null, state });
  });
  const target = (kind: string): string | null => rels.find((r) => relType(r.type, kind) && !r.external)?.target ?? null;
  return { workbookPart, sheets, date1904, sharedStringsPart: target('sharedStrings'), stylesPart: target('styles') };
}

/**
 * The chart parts drawn on these sheets (through each sheet's drawing parts), by lower-cased part name.
 * The owned sheets' charts are rebuilt with the sheets on every run, so a copy that leaves them out
 * loses nothing of the user's.
 */
export async function chartPartsOfSheets(pkg: ZipPackage, structure: WorkbookStructure, sheetNames: readonly string[]): Promise<Set<string>> {
  const wanted = new Set(sheetNames.map((n) => n.toLowerCase()));
  const charts = new Set<string>();
  for (const sheet of structure.sheets) {
    if (!sheet.part || !wanted.has(sheet.name.toLowerCase())) continue;
    for (const drawing of await readRelationships(pkg, sheet.part)) {
      if (drawing.external || !relType(drawing.type, 'drawing')) continue;
      for (const chart of await readRelationships(pkg, drawing.target)) if (!chart.external && relType(chart.type, 'chart')) charts.add(chart.target.toLowerCase());
    }
  }
  return charts;
}
