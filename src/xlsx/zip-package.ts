import { createReadStream, promises as fs } from 'fs';
import { createInflateRaw, inflateRawSync } from 'zlib';
import { PackagePart, readPackageDirectory } from './package-parts';
import { decoderFor } from './xml-tokenizer';

/** Why a part of the package cannot be read. */
export class PackageError extends Error {
  constructor(readonly reason: 'damaged' | 'encrypted-entry' | 'compression' | 'encoding', message: string, readonly part: string) {
    super(message);
  }
}

/** Normalises a part name the way OPC compares them: forward slashes, no leading slash, any case. */
export function partKey(name: string): string {
  return name.replace(/\\/g, '/').replace(/^\/+/, '').toLowerCase();
}

/**
 * An opened .xlsx (zip) package: its parts by name (found ignoring case and slash direction, as OPC
 * compares part names), each readable whole or as a stream, so that a sheet of any size is read with
 * flat memory. Reads the file through its own handles; nothing is unpacked to disk.
 */
export class ZipPackage {
  private readonly byKey: Map<string, PackagePart>;

  private constructor(readonly file: string, readonly parts: readonly PackagePart[]) {
    this.byKey = new Map(parts.map((p) => [partKey(p.name), p]));
  }

  /** The same file seen with another set of parts (renamed or left out), for an edit's view of it. */
  withParts(parts: readonly PackagePart[]): ZipPackage {
    return new ZipPackage(this.file, parts);
  }

  /** Opens the package; null when the file holds no readable zip directory. */
  static async open(file: string): Promise<ZipPackage | null> {
    const parts = await readPackageDirectory(file);
    return parts ? new ZipPackage(file, parts) : null;
  }

  /** The part of this name, if the package has it. */
  find(name: string): PackagePart | undefined {
    return this.byKey.get(partKey(name));
  }

  /** Whether a part of this name exists. */
  has(name: string): boolean {
    return this.byKey.has(partKey(name));
  }

  private check(part: PackagePart): void {
    if (part.flags & 1) throw new PackageError('encrypted-entry', `${part.name} is encrypted`, part.name);
    if (part.method !== 0 && part.method !== 8) throw new PackageError('compression', `${part.name} uses compression method ${part.method}`, part.name);
  }

  /** Where a part's data starts: after its local header, whose name and extra fields vary in length. */
  private async dataOffset(part: PackagePart): Promise<number> {
    const handle = await fs.open(this.file, 'r');
    try {
      const header = Buffer.alloc(30);
      const { bytesRead } = await handle.read(header, 0, 30, part.headerOffset);
      if (bytesRead < 30 || header.readUInt32LE(0) !== 0x04034b50) throw new PackageError('damaged', `bad local header for ${part.name}`, part.name);
      return part.headerOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
    } finally {
      await handle.close();
    }
  }

  /** A part's bytes, unpacked. For the small parts (relationships, workbook, styles). */
  async read(part: PackagePart): Promise<Buffer> {
    this.check(part);
    // An empty part "deflated" to no bytes at all (LibreOffice's empty thumbnail): empty, as unzip and
    // stream() read it, not damage.
    if (part.compressedSize === 0) return Buffer.alloc(0);
    const start = await this.dataOffset(part);
    const handle = await fs.open(this.file, 'r');
    try {
      const raw = Buffer.alloc(part.compressedSize);
      const { bytesRead } = await handle.read(raw, 0, part.compressedSize, start);
      if (bytesRead < part.compressedSize) throw new PackageError('damaged', `${part.name} is cut short`, part.name);
      if (part.method === 0) return raw;
      try {
        return inflateRawSync(raw);
      } catch {
        throw new PackageError('damaged', `${part.name} cannot be unpacked`, part.name);
      }
    } finally {
      await handle.close();
    }
  }

  /** A part's stored (compressed) bytes as they are in the file, for copying it unchanged. */
  async readRaw(part: PackagePart): Promise<Buffer> {
    const start = await this.dataOffset(part);
    const handle = await fs.open(this.file, 'r');
    try {
      const raw = Buffer.alloc(part.compressedSize);
      await handle.read(raw, 0, part.compressedSize, start);
      return raw;
    } finally {
      await handle.close();
    }
  }

  /** A part's bytes as a stream of unpacked chunks. */
  async *stream(part: PackagePart): AsyncGenerator<Buffer> {
    this.check(part);
    if (part.compressedSize === 0) return;
    const start = await this.dataOffset(part);
    const source = createReadStream(this.file, { start, end: start + part.compressedSize - 1, highWaterMark: 256 * 1024 });
    if (part.method === 0) {
      for await (const chunk of source) yield chunk as Buffer;
      return;
    }
    const inflate = createInflateRaw({ chunkSize: 256 * 1024 });
    // pipe() does not pass a read error on; without this the loop below would wait forever.
    source.on('error', (e) => inflate.destroy(e));
    source.pipe(inflate);
    try {
      for await (const chunk of inflate) yield chunk as Buffer;
    } catch (e) {
      if (e instanceof PackageError) throw e;
      throw new PackageError('damaged', `${part.name} cannot be unpacked`, part.name);
    } finally {
      source.destroy();
      inflate.destroy();
    }
  }

  /** A part as text chunks, decoded by its byte-order mark or XML declaration (UTF-8, UTF-16, …). */
  async *streamText(part: PackagePart): AsyncGenerator<string> {
    let decoder: TextDecoder | null = null;
    let head: Buffer | null = null;
    for await (const chunk of this.stream(part)) {
      if (!decoder) {
        head = head ? Buffer.concat([head, chunk]) : chunk;
        if (head.length < 4) continue;
        decoder = decoderFor(head);
        if (!decoder) throw new PackageError('encoding', `${part.name} is in an encoding this reader does not know`, part.name);
        const text = decoder.decode(head, { stream: true });
        head = null;
        if (text) yield text;
        continue;
      }
      const text = decoder.decode(chunk, { stream: true });
      if (text) yield text;
    }
    if (!decoder && head) {
      decoder = decoderFor(head);
      if (!decoder) throw new PackageError('encoding', `${part.name} is in an encoding this reader does not know`, part.name);
      const text = decoder.decode(head, { stream: true });
      if (text) yield text;
    }
    if (decoder) {
      const text = decoder.decode();
      if (text) yield text;
    }
  }

  /** A small part as text, decoded as {@link streamText} does. */
  async text(part: PackagePart): Promise<string> {
    const bytes = await this.read(part);
    const decoder = decoderFor(bytes);
    if (!decoder) throw new PackageError('encoding', `${part.name} is in an encoding this reader does not know`, part.name);
    return decoder.decode(bytes);
  }
}
