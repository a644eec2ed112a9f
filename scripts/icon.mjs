// Draws the extension's icon (client/media/icon.png, 128×128): a report page with lines of text and
// a marked figure, and a check mark. A small PNG encoder (zlib from Node), no image tools needed:
// `node scripts/icon.mjs`. Each pixel is sampled 4×4 times, so the edges are smooth.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZE = 128;
const S = 4; // samples per pixel side

/** The colour [r, g, b, a] at a point (x, y in 0..SIZE), or null for transparent. */
function paint(x, y) {
  const inRounded = (x0, y0, x1, y1, r) => {
    if (x < x0 || x > x1 || y < y0 || y > y1) return false;
    const cx = Math.min(Math.max(x, x0 + r), x1 - r);
    const cy = Math.min(Math.max(y, y0 + r), y1 - r);
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
  };
  const inCircle = (cx, cy, r) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
  /** Distance from the point to the segment (ax, ay)-(bx, by). */
  const seg = (ax, ay, bx, by) => {
    const t = Math.max(0, Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
    return Math.hypot(x - (ax + t * (bx - ax)), y - (ay + t * (by - ay)));
  };
  // The check mark's badge, over everything.
  if (inCircle(96, 96, 26)) {
    if (seg(83, 97, 93, 107) < 4.5 || seg(93, 107, 110, 85) < 4.5) return [255, 255, 255, 255];
    return inCircle(96, 96, 22) ? [46, 160, 67, 255] : [255, 255, 255, 255];
  }
  // The page.
  if (inRounded(22, 10, 94, 118, 8)) {
    // Lines of text; the third one holds a marked figure [[…]] in the accent colour.
    for (const [i, w] of [[0, 56], [1, 48], [2, 56], [3, 40], [4, 50], [5, 30]].map(([i, w]) => [i, w])) {
      const ly = 28 + i * 14;
      if (y >= ly && y <= ly + 6 && x >= 32 && x <= 32 + w) {
        if (i === 2 && x >= 48 && x <= 78) return [214, 48, 49, 255];
        return [120, 134, 153, 255];
      }
    }
    return [255, 255, 255, 255];
  }
  // The background tile.
  if (inRounded(0, 0, SIZE, SIZE, 20)) return [31, 95, 168, 255];
  return null;
}

const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1));
for (let y = 0; y < SIZE; y++) {
  raw[y * (SIZE * 4 + 1)] = 0; // filter: none
  for (let x = 0; x < SIZE; x++) {
    const acc = [0, 0, 0, 0];
    for (let sy = 0; sy < S; sy++) {
      for (let sx = 0; sx < S; sx++) {
        const c = paint(x + (sx + 0.5) / S, y + (sy + 0.5) / S);
        if (!c) continue;
        for (let k = 0; k < 3; k++) acc[k] += c[k] * c[3];
        acc[3] += c[3];
      }
    }
    const o = y * (SIZE * 4 + 1) + 1 + x * 4;
    const a = acc[3] / (S * S);
    for (let k = 0; k < 3; k++) raw[o + k] = acc[3] ? Math.round(acc[k] / acc[3]) : 0;
    raw[o + 3] = Math.round(a);
  }
}

const CRC = new Int32Array(256).map((_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c;
});
function crc32(buf) {
  let c = -1;
  for (const b of buf) c = CRC[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}
const ihdr = Buffer.alloc(13);
ihdr.writeUInt32BE(SIZE, 0);
ihdr.writeUInt32BE(SIZE, 4);
ihdr[8] = 8; // bit depth
ihdr[9] = 6; // RGBA
const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
const out = new URL('../client/media/icon.png', import.meta.url);
writeFileSync(out, png);
console.log(`${out.pathname}: ${png.length} bytes`);
