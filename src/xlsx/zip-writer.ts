import { createWriteStream, WriteStream } from 'fs';
import { once } from 'events';
import { createDeflateRaw } from 'zlib';

const CRC_TABLE = (() => {
  const t = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  return t;
})();

/** Continues a CRC-32 (start with 0) over more bytes. */
export function crc32(bytes: Uint8Array, previous = 0): number {
  let c = ~previous;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return ~c >>> 0;
}

interface Entry {
  name: Buffer;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  offset: number;
  /** Bit 3: sizes and CRC follow the data in a descriptor. Bit 11: the name is UTF-8. */
  flags: number;
}

/** The largest offset or size a zip without ZIP64 records can hold. */
const LIMIT = 0xffffffff;

/**
 * Writes a zip package entry by entry to a file: parts copied as they are stored in another package
 * (the same compressed bytes, so their content is identical byte for byte), and new parts deflated as
 * they stream in, so a sheet of any size passes through in bounded memory.
 */
export class ZipWriter {
  private readonly out: WriteStream;
  private readonly entries: Entry[] = [];
  private offset = 0;
  private readonly failed: Promise<never>;

  constructor(file: string) {
    this.out = createWriteStream(file);
    this.failed = new Promise<never>((_, reject) => this.out.once('error', reject));
    // Only awaited in races; marked handled so an early error is not an unhandled rejection.
    this.failed.catch(() => undefined);
  }

  private async write(bytes: Buffer): Promise<void> {
    this.offset += bytes.length;
    if (this.offset > LIMIT) throw new RangeError('the package would need ZIP64');
    if (!this.out.write(bytes)) await Promise.race([once(this.out, 'drain'), this.failed]);
  }

  private localHeader(e: Entry): Buffer {
    const h = Buffer.alloc(30);
    h.writeUInt32LE(0x04034b50, 0);
    h.writeUInt16LE(20, 4);
    h.writeUInt16LE(e.flags, 6);
    h.writeUInt16LE(e.method, 8);
    h.writeUInt32LE(0x00210000, 10); // 1980-01-01 00:00, a fixed time so equal input gives equal output
    h.writeUInt32LE(e.flags & 8 ? 0 : e.crc, 14);
    h.writeUInt32LE(e.flags & 8 ? 0 : e.compressedSize, 18);
    h.writeUInt32LE(e.flags & 8 ? 0 : e.size, 22);
    h.writeUInt16LE(e.name.length, 26);
    h.writeUInt16LE(0, 28);
    return Buffer.concat([h, e.name]);
  }

  /** Adds a part from another package's stored bytes (compressed with `method`), unchanged. */
  async addStored(name: string, raw: Buffer, method: number, crc: number, size: number): Promise<void> {
    const e: Entry = { name: Buffer.from(name, 'utf8'), method, crc, compressedSize: raw.length, size, offset: this.offset, flags: 0x800 };
    this.entries.push(e);
    await this.write(this.localHeader(e));
    await this.write(raw);
  }

  /** Adds a new part from bytes or text. */
  async add(name: string, data: Buffer | string): Promise<void> {
    await this.addStream(name, (async function* one() {
      yield typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    })());
  }

  /** Adds a new part whose bytes arrive as a stream, deflating them on the way. */
  async addStream(name: string, chunks: AsyncIterable<Buffer | string>): Promise<void> {
    const e: Entry = { name: Buffer.from(name, 'utf8'), method: 8, crc: 0, compressedSize: 0, size: 0, offset: this.offset, flags: 0x808 };
    this.entries.push(e);
    await this.write(this.localHeader(e));
    const deflate = createDeflateRaw({ level: 6 });
    const pump = (async (): Promise<void> => {
      try {
        for await (const chunk of chunks) {
          const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
          if (!bytes.length) continue;
          e.crc = crc32(bytes, e.crc);
          e.size += bytes.length;
          if (e.size > LIMIT) throw new RangeError('a part would need ZIP64');
          if (!deflate.write(bytes)) await once(deflate, 'drain');
        }
        deflate.end();
      } catch (err) {
        deflate.destroy(err as Error);
      }
    })();
    for await (const out of deflate) {
      e.compressedSize += (out as Buffer).length;
      await this.write(out as Buffer);
    }
    await pump;
    const d = Buffer.alloc(16);
    d.writeUInt32LE(0x08074b50, 0);
    d.writeUInt32LE(e.crc, 4);
    d.writeUInt32LE(e.compressedSize, 8);
    d.writeUInt32LE(e.size, 12);
    await this.write(d);
  }

  /** Writes the central directory and closes the file. */
  async close(): Promise<void> {
    const start = this.offset;
    for (const e of this.entries) {
      const c = Buffer.alloc(46);
      c.writeUInt32LE(0x02014b50, 0);
      c.writeUInt16LE(20, 4);
      c.writeUInt16LE(20, 6);
      c.writeUInt16LE(e.flags, 8);
      c.writeUInt16LE(e.method, 10);
      c.writeUInt32LE(0x00210000, 12);
      c.writeUInt32LE(e.crc, 16);
      c.writeUInt32LE(e.compressedSize, 20);
      c.writeUInt32LE(e.size, 24);
      c.writeUInt16LE(e.name.length, 28);
      c.writeUInt32LE(e.offset, 42);
      await this.write(Buffer.concat([c, e.name]));
    }
    if (this.entries.length > 0xfffe) throw new RangeError('the package would need ZIP64');
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(this.entries.length, 8);
    end.writeUInt16LE(this.entries.length, 10);
    end.writeUInt32LE(this.offset - start, 12);
    end.writeUInt32LE(start, 16);
    await this.write(end);
    this.out.end();
    await Promise.race([once(this.out, 'close'), this.failed]);
  }

  /** Abandons the file (after a failure). */
  destroy(): void {
    this.out.destroy();
  }
}
