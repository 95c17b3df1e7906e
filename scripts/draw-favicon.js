/**
 * Draws public/favicon.png (64 px) and public/favicon.ico (16, 32 and 48 px): a white C on a
 * rounded square of the blue the quotes are printed in. Run `node scripts/draw-favicon.js` after
 * changing the drawing; both files are committed.
 */
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');
const { Buffer } = require('buffer');

const BLUE = [0x1f, 0x4e, 0x79];
const WHITE = [255, 255, 255];
const SAMPLES = 4;

const roundedSquare = (u, v, radius = 0.22) => {
  const dx = Math.max(radius - u, 0, u - (1 - radius));
  const dy = Math.max(radius - v, 0, v - (1 - radius));
  return dx * dx + dy * dy <= radius * radius;
};

/** A ring open on the right, between -42° and 42°. */
const letterC = (u, v) => {
  const dx = u - 0.5;
  const dy = v - 0.5;
  const distance = Math.hypot(dx, dy);
  if (distance < 0.19 || distance > 0.33) return false;
  const angle = (Math.atan2(-dy, dx) * 180) / Math.PI;
  return angle < -42 || angle > 42;
};

/** The share of a pixel's sub-samples inside a shape, for smooth edges. */
const coverage = (size, x, y, inside) => {
  let hits = 0;
  for (let sy = 0; sy < SAMPLES; sy += 1) {
    for (let sx = 0; sx < SAMPLES; sx += 1) {
      if (inside((x + (sx + 0.5) / SAMPLES) / size, (y + (sy + 0.5) / SAMPLES) / size)) hits += 1;
    }
  }
  return hits / (SAMPLES * SAMPLES);
};

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buffer) => {
  let c = 0xffffffff;
  for (const byte of buffer) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};

const chunk = (kind, data) => {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(kind, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
};

const png = (size) => {
  const rows = [];
  for (let y = 0; y < size; y += 1) {
    const row = Buffer.alloc(1 + size * 4); // filter byte 0, then RGBA
    for (let x = 0; x < size; x += 1) {
      const alpha = coverage(size, x, y, roundedSquare);
      const white = coverage(size, x, y, letterC);
      const rgb = BLUE.map((blue, i) => Math.round(blue * (1 - white) + WHITE[i] * white));
      row.set([...rgb, Math.round(255 * alpha)], 1 + x * 4);
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8 bits, RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
};

/** An icon file holding PNG images, which every current browser reads. */
const ico = (sizes) => {
  const images = sizes.map(png);
  const header = Buffer.alloc(6 + 16 * images.length);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  let offset = header.length;
  images.forEach((image, index) => {
    const entry = 6 + 16 * index;
    header.writeUInt8(sizes[index] % 256, entry);
    header.writeUInt8(sizes[index] % 256, entry + 1);
    header.writeUInt16LE(1, entry + 4);
    header.writeUInt16LE(32, entry + 6);
    header.writeUInt32LE(image.length, entry + 8);
    header.writeUInt32LE(offset, entry + 12);
    offset += image.length;
  });
  return Buffer.concat([header, ...images]);
};

const publicDir = path.join(__dirname, '..', 'public');
fs.writeFileSync(path.join(publicDir, 'favicon.png'), png(64));
fs.writeFileSync(path.join(publicDir, 'favicon.ico'), ico([16, 32, 48]));
