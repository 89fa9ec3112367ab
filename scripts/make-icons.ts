/**
 * Draws the add-in's icon (a green ledger card with ruled lines and a check mark) at the sizes the
 * manifest declares and writes them as PNG files into `assets/`. Run: `npx tsx scripts/make-icons.ts`.
 *
 * The glyph is described as shapes in a unit square and rasterised with supersampling, so every size
 * is drawn from the same geometry instead of scaling one bitmap (which blurs the 16 px ribbon icon).
 * PNG encoding uses only node's zlib: no image library is needed to rebuild the icons.
 */
import { writeFileSync, mkdirSync } from 'fs';
import { join } from 'path';
import { deflateSync } from 'zlib';

/** The sizes the manifest references (IconUrl 32/64, HighResolutionIconUrl 64/80, ribbon 16/32/80). */
export const ICON_SIZES = [16, 32, 64, 80] as const;

type Rgb = [number, number, number];

const CARD: Rgb = [0x10, 0x7c, 0x41]; // Excel's green, so the add-in reads as a spreadsheet tool
const INK: Rgb = [0xff, 0xff, 0xff];
const CHECK: Rgb = [0xff, 0xd3, 0x4d]; // warm yellow check: stands out on green, even at 16 px

interface Segment {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  /** Stroke width in unit-square coordinates. */
  w: number;
}

/** Ledger rules: three short lines on the left of the card. */
const RULES: Segment[] = [0.3, 0.46, 0.62].map((y) => ({ x1: 0.2, y1: y, x2: 0.5, y2: y, w: 0.075 }));

/** The check mark, drawn as two strokes meeting at the bottom. */
const TICK: Segment[] = [
  { x1: 0.47, y1: 0.6, x2: 0.6, y2: 0.74, w: 0.11 },
  { x1: 0.6, y1: 0.74, x2: 0.83, y2: 0.34, w: 0.11 },
];

function distToSegment(px: number, py: number, s: Segment): number {
  const dx = s.x2 - s.x1;
  const dy = s.y2 - s.y1;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - s.x1) * dx + (py - s.y1) * dy) / len2));
  return Math.hypot(px - (s.x1 + t * dx), py - (s.y1 + t * dy));
}

function inStroke(px: number, py: number, segs: Segment[]): boolean {
  return segs.some((s) => distToSegment(px, py, s) <= s.w / 2);
}

/** Rounded square from `m` to `1 - m` with corner radius `r`. */
function inCard(px: number, py: number, m = 0.04, r = 0.17): boolean {
  const cx = Math.max(m + r, Math.min(1 - m - r, px));
  const cy = Math.max(m + r, Math.min(1 - m - r, py));
  return Math.hypot(px - cx, py - cy) <= r;
}

/** Straight (non-premultiplied) RGBA pixels of the icon at `size` × `size`. */
export function drawIcon(size: number, samples = 8): Uint8Array {
  const out = new Uint8Array(size * size * 4);
  const n = samples * samples;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let cover = 0;
      const acc = [0, 0, 0];
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const px = (x + (sx + 0.5) / samples) / size;
          const py = (y + (sy + 0.5) / samples) / size;
          if (!inCard(px, py)) continue;
          const c = inStroke(px, py, TICK) ? CHECK : inStroke(px, py, RULES) ? INK : CARD;
          cover++;
          acc[0] += c[0];
          acc[1] += c[1];
          acc[2] += c[2];
        }
      }
      const i = (y * size + x) * 4;
      if (cover > 0) {
        out[i] = Math.round(acc[0] / cover);
        out[i + 1] = Math.round(acc[1] / cover);
        out[i + 2] = Math.round(acc[2] / cover);
      }
      out[i + 3] = Math.round((255 * cover) / n);
    }
  }
  return out;
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(buf: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const body = Buffer.concat([head.subarray(4), Buffer.from(data)]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body), 0);
  return Buffer.concat([head.subarray(0, 4), body, crc]);
}

/** Encodes straight RGBA pixels as an 8-bit truecolour-with-alpha PNG. */
export function encodePng(width: number, height: number, rgba: Uint8Array): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type: RGBA
  ihdr[10] = 0; // deflate
  ihdr[11] = 0; // adaptive filtering
  ihdr[12] = 0; // no interlace
  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (stride + 1)] = 0; // filter "None": icons are tiny, compression barely matters
    Buffer.from(rgba.buffer, rgba.byteOffset + y * stride, stride).copy(raw, y * (stride + 1) + 1);
  }
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([
    signature,
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', new Uint8Array(0)),
  ]);
}

function main(): void {
  const dir = join(__dirname, '..', 'assets');
  mkdirSync(dir, { recursive: true });
  for (const size of ICON_SIZES) {
    const file = join(dir, `icon-${size}.png`);
    writeFileSync(file, encodePng(size, size, drawIcon(size)));
    process.stdout.write(`wrote ${file}\n`);
  }
}

if (require.main === module) main();
