// Draws the extension icon (a speech bubble with a '#') at every size the stores ask for, as PNG,
// with no image library: the icon is simple geometry, so we rasterise it ourselves with 4x4 supersampling.
// Run `node scripts/make-icons.mjs` after changing the design; the PNGs in public/icon are committed.
import { writeFileSync, mkdirSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const BLUE = [29, 155, 240];

function crc32(buf) {
  let c,
    crc = 0xffffffff;
  for (let n = 0; n < buf.length; n++) {
    c = (crc ^ buf[n]) & 0xff;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    crc = (crc >>> 8) ^ c;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

function png(size, pixel) {
  const rows = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 4);
    for (let x = 0; x < size; x++) row.set(pixel(x, y), 1 + x * 4);
    rows.push(row);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Shape in unit coordinates (0..1): 0 = transparent, 1 = blue bubble, 2 = white mark. */
function shape(u, v) {
  const inBubble = (() => {
    const r = 0.2,
      x0 = 0.04,
      y0 = 0.04,
      x1 = 0.96,
      y1 = 0.8;
    const cx = Math.min(Math.max(u, x0 + r), x1 - r),
      cy = Math.min(Math.max(v, y0 + r), y1 - r);
    if ((u - cx) ** 2 + (v - cy) ** 2 <= r * r && u >= x0 && u <= x1 && v >= y0 && v <= y1) return true;
    // the bubble's tail, bottom left
    return v > 0.78 && v < 0.98 && u > 0.2 && u < 0.42 && u - 0.2 < (0.98 - v) * 1.1;
  })();
  if (!inBubble) return 0;
  // '#': two slanted verticals and two horizontals
  const w = 0.075,
    s = 0.12;
  const vert = (x) => Math.abs(u - (x - (v - 0.42) * s)) < w && v > 0.17 && v < 0.67;
  const horiz = (y) => Math.abs(v - y) < w && u > 0.22 && u < 0.78;
  return vert(0.41) || vert(0.61) || horiz(0.33) || horiz(0.51) ? 2 : 1;
}

mkdirSync(new URL('../public/icon/', import.meta.url), { recursive: true });
for (const size of [16, 32, 48, 96, 128]) {
  const N = 4;
  const buf = png(size, (x, y) => {
    let a = 0,
      white = 0;
    for (let i = 0; i < N; i++)
      for (let j = 0; j < N; j++) {
        const s = shape((x + (i + 0.5) / N) / size, (y + (j + 0.5) / N) / size);
        if (s) a++;
        if (s === 2) white++;
      }
    if (!a) return [0, 0, 0, 0];
    const t = white / a;
    return [...BLUE.map((c) => Math.round(c + (255 - c) * t)), Math.round((255 * a) / (N * N))];
  });
  writeFileSync(new URL(`../public/icon/${size}.png`, import.meta.url), buf);
}
console.log('icons written to public/icon/');
