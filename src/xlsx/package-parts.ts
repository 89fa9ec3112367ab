import { promises as fs } from 'fs';

/** A part of an .xlsx package: its name, unpacked size in bytes, and where its data lies. */
export interface PackagePart {
  name: string;
  size: number;
  /** 0 stored, 8 deflated. */
  method: number;
  compressedSize: number;
  /** Offset of the part's local header in the file. */
  headerOffset: number;
  /** The zip's general-purpose flags; bit 0 marks an encrypted entry. */
  flags: number;
  /** CRC-32 of the unpacked data, as the directory records it. */
  crc32: number;
}

/** Names of the parts inside an .xlsx package; see {@link readPackageDirectory}. */
export async function listPackageParts(file: string): Promise<string[] | null> {
  const parts = await readPackageDirectory(file);
  return parts ? parts.map((p) => p.name) : null;
}

/**
 * Total unpacked size of the worksheet parts: what the sheets' cells cost to parse. Null when the
 * package cannot be listed.
 */
export async function sheetDataSize(file: string): Promise<number | null> {
  let parts: PackagePart[] | null;
  try {
    parts = await readPackageDirectory(file);
  } catch {
    return null;
  }
  if (!parts) return null;
  return parts.filter((p) => /^xl\/worksheets\/[^/]+\.xml$/.test(p.name)).reduce((sum, p) => sum + p.size, 0);
}

/**
 * The parts inside an .xlsx package, read from the zip's central directory without unpacking
 * anything. Null when the directory cannot be found (not a zip, or ZIP64, which only packages beyond
 * 65,535 parts or 4 GB use).
 */
export async function readPackageDirectory(file: string): Promise<PackagePart[] | null> {
  const handle = await fs.open(file, 'r');
  try {
    const { size } = await handle.stat();
    // The end-of-central-directory record sits in the last 22 bytes plus an optional comment (≤ 65,535).
    const tailLength = Math.min(size, 22 + 65_535);
    const tail = Buffer.alloc(tailLength);
    await handle.read(tail, 0, tailLength, size - tailLength);
    let eocd = -1;
    for (let i = tailLength - 22; i >= 0; i--) {
      if (tail.readUInt32LE(i) === 0x06054b50) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) return null;
    const entries = tail.readUInt16LE(eocd + 10);
    const dirSize = tail.readUInt32LE(eocd + 12);
    const dirOffset = tail.readUInt32LE(eocd + 16);
    if (entries === 0xffff || dirOffset === 0xffffffff || dirOffset + dirSize > size) return null;
    const dir = Buffer.alloc(dirSize);
    await handle.read(dir, 0, dirSize, dirOffset);
    const names: PackagePart[] = [];
    let p = 0;
    for (let n = 0; n < entries && p + 46 <= dir.length; n++) {
      if (dir.readUInt32LE(p) !== 0x02014b50) return null;
      const flags = dir.readUInt16LE(p + 8);
      const method = dir.readUInt16LE(p + 10);
      const crc32 = dir.readUInt32LE(p + 16);
      const compressedSize = dir.readUInt32LE(p + 20);
      const size = dir.readUInt32LE(p + 24);
      const headerOffset = dir.readUInt32LE(p + 42);
      const nameLength = dir.readUInt16LE(p + 28);
      const extraLength = dir.readUInt16LE(p + 30);
      const commentLength = dir.readUInt16LE(p + 32);
      names.push({ name: dir.toString('utf8', p + 46, p + 46 + nameLength), size, method, compressedSize, headerOffset, flags, crc32 });
      p += 46 + nameLength + extraLength + commentLength;
    }
    return names;
  } finally {
    await handle.close();
  }
}

/** Kinds of content an .xlsx may hold that exceljs does not write back. */
export type LostOnRewrite = 'charts' | 'pivot-tables' | 'slicers' | 'threaded-comments' | 'macros' | 'external-links';

const LOST: [RegExp, LostOnRewrite][] = [
  [/^xl\/charts\//, 'charts'],
  [/^xl\/(pivotTables|pivotCache)\//, 'pivot-tables'],
  [/^xl\/(slicers|slicerCaches|timelines|timelineCaches)\//, 'slicers'],
  [/^xl\/threadedComments\//, 'threaded-comments'],
  [/^xl\/vbaProject\.bin$/, 'macros'],
  [/^xl\/externalLinks\//, 'external-links'],
];

/**
 * What in this workbook a copy written through exceljs would leave out, so `--out` can say so
 * (the input itself is never changed). Parts named in `rebuilt` (lower-cased; the owned sheets'
 * charts, drawn again with the copy) do not count. Empty when nothing, or when the package cannot be listed.
 */
export async function contentLostOnRewrite(file: string, rebuilt: ReadonlySet<string> = new Set()): Promise<LostOnRewrite[]> {
  let parts: string[] | null;
  try {
    parts = await listPackageParts(file);
  } catch {
    return [];
  }
  if (!parts) return [];
  const found = new Set<LostOnRewrite>();
  // A folder's own entry (`xl/charts/`, which some zip writers add) holds nothing.
  for (const part of parts) for (const [re, kind] of LOST) if (re.test(part) && !part.endsWith('/') && !rebuilt.has(part.toLowerCase())) found.add(kind);
  return [...found];
}
