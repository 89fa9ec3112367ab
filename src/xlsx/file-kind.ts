import { promises as fs } from 'fs';

/**
 * Why a file is not an .xlsx this command can read. Each names the format it is, so the message can
 * say what to do with it.
 */
export type NotReadable =
  | 'missing'
  | 'not-a-file'
  | 'empty'
  | 'unreadable'
  | 'xls'
  | 'xls-old'
  | 'encrypted'
  | 'ole-other'
  | 'xml-2003'
  | 'html'
  | 'ods'
  | 'xlsb'
  | 'numbers'
  | 'other-office'
  | 'not-xlsx'
  | 'corrupt'
  | 'no-worksheet';

/** What the first bytes of a file say it is. */
export type Sniffed = { kind: 'zip' } | { kind: 'refused'; reason: NotReadable };

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
/** An empty zip starts with its end record. */
const ZIP_EMPTY = [0x50, 0x4b, 0x05, 0x06];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

/**
 * Looks at a file before any parser does: missing, a folder (a macOS `.numbers` bundle is one),
 * empty, an OLE compound file (a legacy .xls, or an .xlsx saved with a password, which Excel encrypts
 * into OLE), an Excel 2003 XML or HTML "spreadsheet", or a zip to be opened.
 */
export async function sniffFile(file: string): Promise<Sniffed> {
  let handle: fs.FileHandle | undefined;
  const head = Buffer.alloc(512);
  let read = 0;
  try {
    const stat = await fs.stat(file);
    if (stat.isDirectory()) {
      const bundle = await fs.stat(`${file}/Index.zip`).then(() => true, () => false);
      const iwa = await fs.stat(`${file}/Index`).then((s) => s.isDirectory(), () => false);
      return { kind: 'refused', reason: bundle || iwa ? 'numbers' : 'not-a-file' };
    }
    if (!stat.isFile()) return { kind: 'refused', reason: 'not-a-file' };
    if (stat.size === 0) return { kind: 'refused', reason: 'empty' };
    handle = await fs.open(file, 'r');
    read = (await handle.read(head, 0, head.length, 0)).bytesRead;
    if (startsWith(head, OLE_MAGIC)) return { kind: 'refused', reason: await oleKind(handle, stat.size) };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { kind: 'refused', reason: 'missing' };
    return { kind: 'refused', reason: 'unreadable' };
  } finally {
    await handle?.close();
  }
  if (startsWith(head, ZIP_MAGIC) || startsWith(head, ZIP_EMPTY)) return { kind: 'zip' };
  if (isOldBiff(head.subarray(0, read))) return { kind: 'refused', reason: 'xls-old' };
  const text = head.subarray(0, read).toString('utf8').replace(/^\uFEFF/, '').trimStart().toLowerCase();
  if (text.startsWith('<?xml') && /urn:schemas-microsoft-com:office:spreadsheet|<\?mso-application\s+progid="excel\.sheet"/.test(text)) return { kind: 'refused', reason: 'xml-2003' };
  if (/^(<!doctype html|<html|<table|<meta)/.test(text) || (text.startsWith('<?xml') && text.includes('<html'))) return { kind: 'refused', reason: 'html' };
  return { kind: 'refused', reason: 'not-xlsx' };
}

/**
 * An Excel 2.x, 3.0 or 4.0 worksheet: a bare BIFF2/3/4 record stream (no OLE container) that starts
 * with its BOF record, id 0x0009, 0x0209 or 0x0409, of a few bytes.
 */
function isOldBiff(bytes: Buffer): boolean {
  if (bytes.length < 8 || bytes[0] !== 0x09 || ![0x00, 0x02, 0x04].includes(bytes[1] as number)) return false;
  const length = bytes.readUInt16LE(2);
  return length >= 4 && length <= 16;
}

/**
 * Tells a legacy .xls from an encrypted .xlsx (and from other OLE files such as a .doc) by the
 * stream names in the compound file's directory: `Workbook`/`Book` for BIFF, `EncryptionInfo` and
 * `EncryptedPackage` for a password-protected OOXML file.
 */
async function oleKind(handle: fs.FileHandle, size: number): Promise<NotReadable> {
  const names = await oleStreamNames(handle, size).catch(() => [] as string[]);
  const has = (n: string): boolean => names.some((x) => x.toLowerCase() === n.toLowerCase());
  if (has('EncryptionInfo') || has('EncryptedPackage')) return 'encrypted';
  if (has('Workbook') || has('Book')) return 'xls';
  return names.length ? 'ole-other' : 'xls';
}

/** Names in an OLE compound file's directory, following its FAT chain (bounded, for damaged files). */
async function oleStreamNames(handle: fs.FileHandle, size: number): Promise<string[]> {
  const header = Buffer.alloc(512);
  await handle.read(header, 0, 512, 0);
  const sectorSize = 1 << header.readUInt16LE(0x1e);
  if (sectorSize !== 512 && sectorSize !== 4096) return [];
  const fatSectors = header.readUInt32LE(0x2c);
  const firstDir = header.readUInt32LE(0x30);
  const sectorOffset = (s: number): number => (s + 1) * sectorSize;
  // The first 109 FAT sector numbers sit in the header; enough for files up to ~7 MB of FAT reach
  // with 512-byte sectors, and the directory is almost always near the start.
  const fat: number[] = [];
  for (let i = 0; i < Math.min(fatSectors, 109); i++) {
    const s = header.readUInt32LE(0x4c + i * 4);
    if (s >= 0xfffffffa || sectorOffset(s) + sectorSize > size) break;
    const buf = Buffer.alloc(sectorSize);
    await handle.read(buf, 0, sectorSize, sectorOffset(s));
    for (let j = 0; j < sectorSize; j += 4) fat.push(buf.readUInt32LE(j));
  }
  const names: string[] = [];
  let sector = firstDir;
  for (let guard = 0; guard < 1000 && sector < 0xfffffffa && sectorOffset(sector) + sectorSize <= size; guard++) {
    const buf = Buffer.alloc(sectorSize);
    await handle.read(buf, 0, sectorSize, sectorOffset(sector));
    for (let e = 0; e + 128 <= sectorSize; e += 128) {
      const len = buf.readUInt16LE(e + 0x40);
      if (len >= 2 && len <= 64) names.push(buf.toString('utf16le', e, e + len - 2));
    }
    sector = fat[sector] ?? 0xfffffffe;
  }
  return names;
}
