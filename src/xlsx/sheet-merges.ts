import { createReadStream, promises as fs } from 'fs';
import { StringDecoder } from 'string_decoder';
import { createInflateRaw, inflateRawSync } from 'zlib';
import { PackagePart, readPackageDirectory } from './package-parts';

/**
 * Merged areas of every worksheet, read straight from the package for the streaming path (exceljs'
 * streaming reader skips them): the workbook part names the sheets, its relationships locate their
 * parts, and each part is inflated as a stream and scanned for `<mergeCell ref="…"/>`, so memory stays
 * flat however large the sheet. Sheet name → ranges ("B2:D2"); sheets without merges are left out.
 */
export async function mergedAreasByName(file: string): Promise<Map<string, string[]>> {
  const result = new Map<string, string[]>();
  const parts = await readPackageDirectory(file);
  if (!parts) return result;
  const byName = new Map(parts.map((p) => [p.name, p]));
  const workbookPart = byName.get('xl/workbook.xml');
  const relsPart = byName.get('xl/_rels/workbook.xml.rels');
  if (!workbookPart || !relsPart) return result;
  const workbookXml = (await readSmallPart(file, workbookPart)).toString('utf8');
  const relsXml = (await readSmallPart(file, relsPart)).toString('utf8');

  const targets = new Map<string, string>();
  for (const m of relsXml.matchAll(/<(?:\w+:)?Relationship\b([^>]*)>/g)) {
    const id = attr(m[1], 'Id');
    const target = attr(m[1], 'Target');
    if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  for (const m of workbookXml.matchAll(/<(?:\w+:)?sheet\b([^>]*)>/g)) {
    const name = attr(m[1], 'name');
    const rid = attr(m[1], 'r:id') ?? /\s[\w]+:id="([^"]*)"/.exec(m[1])?.[1];
    const partName = rid ? targets.get(rid) : undefined;
    const part = partName ? byName.get(partName.replace(/\/\.\//g, '/')) : undefined;
    if (!name || !part) continue;
    const ranges = await scanMerges(file, part);
    if (ranges.length) result.set(name, ranges);
  }
  return result;
}

function unescapeXml(s: string): string {
  return s.replace(/&(lt|gt|quot|apos|amp|#\d+|#x[0-9a-fA-F]+);/g, (_whole, e: string) => {
    if (e === 'lt') return '<';
    if (e === 'gt') return '>';
    if (e === 'quot') return '"';
    if (e === 'apos') return "'";
    if (e === 'amp') return '&';
    return String.fromCodePoint(e.startsWith('#x') ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
  });
}

function attr(attributes: string, name: string): string | undefined {
  const m = new RegExp(`(?:^|\\s)${name.replace(':', '\\:')}\\s*=\\s*"([^"]*)"`).exec(attributes) ?? new RegExp(`(?:^|\\s)${name.replace(':', '\\:')}\\s*=\\s*'([^']*)'`).exec(attributes);
  return m ? unescapeXml(m[1]) : undefined;
}

/** Where a part's data starts: after its local header, whose name and extra fields vary in length. */
async function dataOffset(file: string, part: PackagePart): Promise<number> {
  const handle = await fs.open(file, 'r');
  try {
    const header = Buffer.alloc(30);
    await handle.read(header, 0, 30, part.headerOffset);
    if (header.readUInt32LE(0) !== 0x04034b50) throw new Error(`bad local header for ${part.name}`);
    return part.headerOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
  } finally {
    await handle.close();
  }
}

async function readSmallPart(file: string, part: PackagePart): Promise<Buffer> {
  const start = await dataOffset(file, part);
  const handle = await fs.open(file, 'r');
  try {
    const raw = Buffer.alloc(part.compressedSize);
    await handle.read(raw, 0, part.compressedSize, start);
    return part.method === 8 ? inflateRawSync(raw) : raw;
  } finally {
    await handle.close();
  }
}

const MERGE = /<(?:\w+:)?mergeCell\b[^>]*?\sref\s*=\s*"([A-Za-z]{1,3}\d+(?::[A-Za-z]{1,3}\d+)?)"/g;

async function scanMerges(file: string, part: PackagePart): Promise<string[]> {
  const start = await dataOffset(file, part);
  const ranges: string[] = [];
  if (part.compressedSize === 0) return ranges;
  const source = createReadStream(file, { start, end: start + part.compressedSize - 1 });
  let stream: NodeJS.ReadableStream = source;
  if (part.method === 8) {
    const inflate = createInflateRaw();
    // pipe() does not pass a read error on; without this the loop below would wait forever.
    source.on('error', (e) => inflate.destroy(e));
    stream = source.pipe(inflate);
  }
  const decoder = new StringDecoder('utf8');
  let carry = '';
  const scan = (text: string): void => {
    let lastEnd = 0;
    MERGE.lastIndex = 0;
    for (let m = MERGE.exec(text); m; m = MERGE.exec(text)) {
      ranges.push(m[1].toUpperCase());
      lastEnd = MERGE.lastIndex;
    }
    // Keep a tail in case a tag is cut between chunks; never one already counted.
    carry = text.slice(Math.max(lastEnd, text.length - 512));
  };
  for await (const chunk of stream) scan(carry + decoder.write(chunk as Buffer));
  scan(carry + decoder.end());
  return [...new Set(ranges)].sort();
}
