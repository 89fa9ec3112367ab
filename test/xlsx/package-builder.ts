import { promises as fs } from 'fs';

/**
 * Builds .xlsx packages from hand-written parts, the way producers other than Excel write them
 * (namespace prefixes, UTF-16, rows without references, notes under other part names…), so the
 * reader is tested on each quirk without fetching anyone's files.
 */

/** Part name → content; strings are written as UTF-8 unless the test encodes them itself. */
export type Parts = Record<string, string | Buffer>;

interface Zip {
  file(name: string, data: string | Buffer, options?: { compression?: 'STORE' | 'DEFLATE' }): void;
  generateAsync(o: { type: 'nodebuffer'; compression?: 'DEFLATE' | 'STORE' }): Promise<Buffer>;
}

/** Zips the parts into a file (deflated; `stored` names parts kept uncompressed). */
export async function writePackage(file: string, parts: Parts, stored: readonly string[] = []): Promise<void> {
  // jszip ships with exceljs; only tests build packages with it, so the reader is checked against a writer it does not share code with.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- transitive dependency without typings in this project
  const JSZip = require('jszip') as new () => Zip;
  const zip = new JSZip();
  for (const [name, data] of Object.entries(parts)) zip.file(name, data, { compression: stored.includes(name) ? 'STORE' : 'DEFLATE' });
  await fs.writeFile(file, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
}

/**
 * Marks these stored parts of a written package as deflated without deflating them: for an empty part
 * that is what LibreOffice writes for an empty thumbnail (a real deflate stream is never empty); for
 * other bytes it is a damaged part. Only the method field of the local and central headers changes.
 */
export async function markPartsDeflated(file: string, names: readonly string[]): Promise<void> {
  const zip = await fs.readFile(file);
  for (const name of names) {
    const raw = Buffer.from(name, 'utf8');
    for (const [sig, method, nameAt] of [[0x04034b50, 8, 30], [0x02014b50, 10, 46]] as const) {
      let found = false;
      for (let i = zip.indexOf(raw); i >= 0; i = zip.indexOf(raw, i + 1)) {
        const head = i - nameAt;
        if (head < 0 || zip.readUInt32LE(head) !== sig) continue;
        if (zip.readUInt16LE(head + method) !== 0) throw new Error(`${name} is not stored`);
        zip.writeUInt16LE(8, head + method);
        found = true;
      }
      if (!found) throw new Error(`${name} not found`);
    }
  }
  await fs.writeFile(file, zip);
}

export const NS = {
  main: 'http://schemas.openxmlformats.org/spreadsheetml/2006/main',
  rel: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  pkgRel: 'http://schemas.openxmlformats.org/package/2006/relationships',
  types: 'http://schemas.openxmlformats.org/package/2006/content-types',
};

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** A sheet of a built workbook. */
export interface BuiltSheet {
  name: string;
  /** The part's full XML, or its `<sheetData>` content (wrapped in a plain worksheet). */
  xml: string;
  /** Where it lives (default `xl/worksheets/sheetN.xml`). */
  part?: string;
  kind?: 'worksheet' | 'chartsheet' | 'dialogsheet' | 'macrosheet';
  state?: 'hidden' | 'veryHidden';
  /** The sheet's own relationships part content (for notes, drawings). */
  rels?: string;
}

/** Options of {@link buildParts}. */
export interface BuildOptions {
  sheets: BuiltSheet[];
  sharedStrings?: string[] | string;
  /** The styles part's XML (default: one plain xf). */
  styles?: string;
  /** Attributes of `<workbookPr>`, e.g. `date1904="true"`. */
  workbookPr?: string;
  /** Prefix for the spreadsheet namespace in the workbook part (`x` gives `<x:workbook>`). */
  prefix?: string;
  /** Prefix bound to the relationships namespace in the workbook part (default `r`). */
  relPrefix?: string;
  /** Where the workbook part lives (default `xl/workbook.xml`). */
  workbookPart?: string;
}

const REL_TYPE: Record<NonNullable<BuiltSheet['kind']>, string> = {
  worksheet: `${REL}/worksheet`,
  chartsheet: `${REL}/chartsheet`,
  dialogsheet: `${REL}/dialogsheet`,
  macrosheet: 'http://schemas.microsoft.com/office/2006/relationships/xlMacrosheet',
};

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
}

/** A worksheet part around some `<sheetData>` content (and what follows it, e.g. merges). */
export function worksheetXml(sheetData: string, after = ''): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${NS.main}" xmlns:r="${REL}"><sheetData>${sheetData}</sheetData>${after}</worksheet>`;
}

/** The parts of a workbook with these sheets, shared strings and flags. */
export function buildParts(opts: BuildOptions): Parts {
  const p = opts.prefix ? `${opts.prefix}:` : '';
  const rp = opts.relPrefix ?? 'r';
  const wbPart = opts.workbookPart ?? 'xl/workbook.xml';
  const wbDir = wbPart.slice(0, wbPart.lastIndexOf('/') + 1);
  const wbRelsPart = `${wbDir}_rels/${wbPart.slice(wbDir.length)}.rels`;
  const parts: Parts = {};
  const rels: string[] = [];
  const types: string[] = [];
  const sheetEls: string[] = [];
  opts.sheets.forEach((s, i) => {
    const kind = s.kind ?? 'worksheet';
    const folder = { worksheet: 'worksheets', chartsheet: 'chartsheets', dialogsheet: 'dialogsheets', macrosheet: 'macrosheets' }[kind];
    const part = s.part ?? `xl/${folder}/sheet${i + 1}.xml`;
    parts[part] = /<\w*:?(worksheet|chartsheet|dialogsheet|xm:macrosheet|macrosheet)\b/.test(s.xml) ? s.xml : worksheetXml(s.xml);
    if (s.rels) parts[`${part.slice(0, part.lastIndexOf('/') + 1)}_rels/${part.slice(part.lastIndexOf('/') + 1)}.rels`] = s.rels;
    const target = part.startsWith(wbDir) ? part.slice(wbDir.length) : `/${part}`;
    rels.push(`<Relationship Id="rId${i + 1}" Type="${REL_TYPE[kind]}" Target="${target}"/>`);
    types.push(`<Override PartName="/${part}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.${kind === 'chartsheet' ? 'chartsheet' : 'worksheet'}+xml"/>`);
    sheetEls.push(`<${p}sheet name="${esc(s.name)}" sheetId="${i + 1}" ${rp}:id="rId${i + 1}"${s.state ? ` state="${s.state}"` : ''}/>`);
  });
  const n = opts.sheets.length;
  if (opts.sharedStrings !== undefined) {
    const sst = typeof opts.sharedStrings === 'string'
      ? opts.sharedStrings
      : `<?xml version="1.0" encoding="UTF-8"?>\n<sst xmlns="${NS.main}" count="${opts.sharedStrings.length}">${opts.sharedStrings.map((t) => `<si><t xml:space="preserve">${esc(t)}</t></si>`).join('')}</sst>`;
    parts[`${wbDir}sharedStrings.xml`] = sst;
    rels.push(`<Relationship Id="rId${n + 1}" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>`);
  }
  parts[`${wbDir}styles.xml`] = opts.styles ?? `<?xml version="1.0" encoding="UTF-8"?>\n<styleSheet xmlns="${NS.main}"><fonts count="1"><font/></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders><cellXfs count="1"><xf numFmtId="0"/></cellXfs></styleSheet>`;
  rels.push(`<Relationship Id="rId${n + 2}" Type="${REL}/styles" Target="styles.xml"/>`);
  parts[wbPart] = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<${p}workbook xmlns${opts.prefix ? `:${opts.prefix}` : ''}="${NS.main}" xmlns:${rp}="${REL}">${opts.workbookPr !== undefined ? `<${p}workbookPr ${opts.workbookPr}/>` : ''}<${p}sheets>${sheetEls.join('')}</${p}sheets></${p}workbook>`;
  parts[wbRelsPart] = `<?xml version="1.0" encoding="UTF-8"?>\n<Relationships xmlns="${NS.pkgRel}">${rels.join('')}</Relationships>`;
  parts['_rels/.rels'] = `<?xml version="1.0" encoding="UTF-8"?>\n<Relationships xmlns="${NS.pkgRel}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="${wbPart}"/></Relationships>`;
  parts['[Content_Types].xml'] = `<?xml version="1.0" encoding="UTF-8"?>\n<Types xmlns="${NS.types}"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/${wbPart}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${types.join('')}</Types>`;
  return parts;
}

/** Text as UTF-16 bytes with a byte-order mark. */
export function utf16(text: string, endian: 'le' | 'be' = 'le'): Buffer {
  const le = Buffer.from(`\uFEFF${text.replace('encoding="UTF-8"', 'encoding="UTF-16"')}`, 'utf16le');
  if (endian === 'le') return le;
  const be = Buffer.alloc(le.length);
  for (let i = 0; i + 1 < le.length; i += 2) {
    be[i] = le[i + 1];
    be[i + 1] = le[i];
  }
  return be;
}

/**
 * A minimal OLE compound file whose directory holds these stream names (no stream data): enough for
 * a reader that tells an encrypted .xlsx (`EncryptionInfo`, `EncryptedPackage`) from a legacy .xls
 * (`Workbook`) by its directory.
 */
export function compoundFile(streams: string[]): Buffer {
  const sector = 512;
  const header = Buffer.alloc(512, 0);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0);
  header.writeUInt16LE(0x3e, 0x18);
  header.writeUInt16LE(3, 0x1a);
  header.writeUInt16LE(0xfffe, 0x1c);
  header.writeUInt16LE(9, 0x1e);
  header.writeUInt16LE(6, 0x20);
  header.writeUInt32LE(1, 0x2c); // one FAT sector
  header.writeUInt32LE(1, 0x30); // directory starts at sector 1
  header.writeUInt32LE(4096, 0x38);
  header.writeUInt32LE(0xfffffffe, 0x3c);
  header.writeUInt32LE(0xfffffffe, 0x44);
  for (let i = 0; i < 109; i++) header.writeUInt32LE(i === 0 ? 0 : 0xffffffff, 0x4c + i * 4);
  const fat = Buffer.alloc(sector, 0xff);
  fat.writeUInt32LE(0xfffffffd, 0);
  fat.writeUInt32LE(0xfffffffe, 4);
  const dir = Buffer.alloc(sector, 0);
  ['Root Entry', ...streams].slice(0, 4).forEach((name, i) => {
    const e = i * 128;
    const bytes = Buffer.from(`${name}\0`, 'utf16le');
    bytes.copy(dir, e);
    dir.writeUInt16LE(bytes.length, e + 0x40);
    dir[e + 0x42] = i === 0 ? 5 : 2;
  });
  return Buffer.concat([header, fat, dir]);
}
