// Draws Offprint's icon and writes every file the packages need, with Node alone (no image tools):
//   assets/icon.png            1024x1024, the master (electron-builder's fallback for every platform)
//   assets/icons/NxN.png       16…512 for Linux (electron-builder reads the size from the file name)
//   assets/icon.ico            Windows: 16–48 as bitmaps (what NSIS and old shells read), 64–256 as PNG
//   assets/icon.icns           macOS: PNG entries from 16 to 1024 (512@2x)
// The mark is an offprint: a page with a dog-eared corner, lines of text and one highlighted line (a search hit),
// on a rounded square. Shapes are signed distance functions, so every size is drawn sharp, not scaled down.
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { deflateSync } from 'node:zlib';

const root = fileURLToPath(new URL('..', import.meta.url));
const LINUX_SIZES = [16, 32, 48, 64, 128, 256, 512];
const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];
const ICO_BITMAP_MAX = 48;
// [OSType, pixel size]: the PNG-bearing icns types; ic11–ic14 and ic10 are the @2x variants.
const ICNS_TYPES = [
  ['icp4', 16],
  ['icp5', 32],
  ['ic11', 32],
  ['icp6', 64],
  ['ic12', 64],
  ['ic07', 128],
  ['ic08', 256],
  ['ic13', 256],
  ['ic09', 512],
  ['ic14', 512],
  ['ic10', 1024],
];

const COLORS = {
  tile: [0x1f, 0x3a, 0x5f],
  shadow: [0x0b, 0x16, 0x26],
  page: [0xfb, 0xfa, 0xf6],
  fold: [0xd3, 0xda, 0xe4],
  text: [0x9a, 0xa6, 0xb8],
  highlight: [0xf2, 0xb4, 0x41],
};

// ---------------------------------------------------------------------------------------------- geometry
// All shapes live in the unit square, y pointing down; a distance < 0 is inside.

function roundedRect(x0, y0, x1, y1, r) {
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  const hx = (x1 - x0) / 2 - r;
  const hy = (y1 - y0) / 2 - r;
  return (x, y) => {
    const qx = Math.abs(x - cx) - hx;
    const qy = Math.abs(y - cy) - hy;
    return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
  };
}

/** A convex polygon, vertices clockwise (in y-down space); exact along edges, which is all anti-aliasing needs. */
function convexPolygon(points) {
  const edges = points.map(([ax, ay], i) => {
    const [bx, by] = points[(i + 1) % points.length];
    const length = Math.hypot(bx - ax, by - ay);
    return [ax, ay, (by - ay) / length, -(bx - ax) / length];
  });
  return (x, y) => Math.max(...edges.map(([ax, ay, nx, ny]) => (x - ax) * nx + (y - ay) * ny));
}

const intersect = (a, b) => (x, y) => Math.max(a(x, y), b(x, y));

/** The layers, bottom first, for an icon of `size` pixels: small sizes get less padding and fewer, bolder lines. */
function layers(size) {
  const small = size <= 48;
  const pad = small ? 0.03 : 100 / 1024; // 100/1024 is the margin of Apple's icon grid
  const tile = roundedRect(pad, pad, 1 - pad, 1 - pad, small ? 0.16 : 0.18);

  const [px0, py0, px1, py1] = small ? [0.22, 0.14, 0.78, 0.86] : [0.29, 0.22, 0.71, 0.8];
  const ear = small ? 0.18 : 0.13;
  const pageOutline = [
    [px0, py0],
    [px1 - ear, py0],
    [px1, py0 + ear],
    [px1, py1],
    [px0, py1],
  ];
  const page = intersect(convexPolygon(pageOutline), roundedRect(px0, py0, px1, py1, 0.015));
  const fold = convexPolygon([
    [px1 - ear, py0],
    [px1, py0 + ear],
    [px1 - ear, py0 + ear],
  ]);
  const shadowOffset = small ? 0 : 0.016;
  const shadow = convexPolygon(pageOutline.map(([x, y]) => [x + shadowOffset / 2, y + shadowOffset]));

  const textX0 = px0 + (small ? 0.08 : 0.06);
  const lineHeight = small ? 0.1 : 0.028;
  const rows = small
    ? [
        [0.42, 0.68, 'text'],
        [0.6, 0.74, 'highlight'],
        [0.76, 0.6, 'text'],
      ]
    : [
        [0.38, 0.55, 'text'],
        [0.45, 0.64, 'text'],
        [0.52, 0.64, 'highlight'],
        [0.59, 0.6, 'text'],
        [0.66, 0.64, 'text'],
        [0.73, 0.5, 'text'],
      ];
  const lines = rows.map(([cy, x1, color]) => ({
    shape: roundedRect(textX0, cy - lineHeight / 2, x1, cy + lineHeight / 2, lineHeight / 2),
    color: COLORS[color],
  }));

  return [
    { shape: tile, color: COLORS.tile },
    // A soft shadow: the page's outline with a wide edge, faint.
    ...(small ? [] : [{ shape: shadow, color: COLORS.shadow, opacity: 0.35, softness: 0.03 }]),
    { shape: page, color: COLORS.page },
    { shape: fold, color: COLORS.fold },
    ...lines,
  ];
}

// ---------------------------------------------------------------------------------------------- raster

/** RGBA pixels, straight alpha. Coverage is the distance to the edge in pixels, which anti-aliases every edge. */
function render(size) {
  const pixels = new Uint8Array(size * size * 4);
  const drawn = layers(size);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const x = (px + 0.5) / size;
      const y = (py + 0.5) / size;
      let [r, g, b, a] = [0, 0, 0, 0];
      for (const { shape, color, opacity = 1, softness = 0 } of drawn) {
        const width = Math.max(1 / size, softness);
        const coverage = Math.min(1, Math.max(0, 0.5 - shape(x, y) / width)) * opacity;
        if (coverage === 0) continue;
        const outA = coverage + a * (1 - coverage);
        r = (color[0] * coverage + r * a * (1 - coverage)) / outA;
        g = (color[1] * coverage + g * a * (1 - coverage)) / outA;
        b = (color[2] * coverage + b * a * (1 - coverage)) / outA;
        a = outA;
      }
      const i = (py * size + px) * 4;
      pixels[i] = Math.round(r);
      pixels[i + 1] = Math.round(g);
      pixels[i + 2] = Math.round(b);
      pixels[i + 3] = Math.round(a * 255);
    }
  }
  return pixels;
}

// ---------------------------------------------------------------------------------------------- PNG

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** Per row, the PNG filter with the smallest sum of absolute residues (the usual heuristic): smaller files. */
function filterRows(pixels, size) {
  const stride = size * 4;
  const out = Buffer.alloc((stride + 1) * size);
  const zero = new Uint8Array(stride);
  for (let y = 0; y < size; y++) {
    const row = pixels.subarray(y * stride, (y + 1) * stride);
    const up = y > 0 ? pixels.subarray((y - 1) * stride, y * stride) : zero;
    let best = null;
    for (let type = 0; type <= 4; type++) {
      const filtered = Buffer.alloc(stride);
      let cost = 0;
      for (let i = 0; i < stride; i++) {
        const left = i >= 4 ? row[i - 4] : 0;
        const upLeft = i >= 4 ? up[i - 4] : 0;
        const predictor = [0, left, up[i], (left + up[i]) >> 1, paeth(left, up[i], upLeft)][type];
        filtered[i] = (row[i] - predictor) & 0xff;
        cost += filtered[i] < 128 ? filtered[i] : 256 - filtered[i];
      }
      if (!best || cost < best.cost) best = { type, filtered, cost };
    }
    out[y * (stride + 1)] = best.type;
    best.filtered.copy(out, y * (stride + 1) + 1);
  }
  return out;
}

function paeth(a, b, c) {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

function png(pixels, size) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bits per channel
  header[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(filterRows(pixels, size), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// ---------------------------------------------------------------------------------------------- ICO, ICNS

/** A 32-bit DIB as ICO stores it: bottom-up BGRA, height doubled for the (here all-opaque) AND mask. */
function icoBitmap(pixels, size) {
  const header = Buffer.alloc(40);
  header.writeUInt32LE(40, 0);
  header.writeInt32LE(size, 4);
  header.writeInt32LE(size * 2, 8);
  header.writeUInt16LE(1, 12); // planes
  header.writeUInt16LE(32, 14); // bits per pixel
  const colors = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const from = ((size - 1 - y) * size + x) * 4;
      const to = (y * size + x) * 4;
      colors[to] = pixels[from + 2];
      colors[to + 1] = pixels[from + 1];
      colors[to + 2] = pixels[from];
      colors[to + 3] = pixels[from + 3];
    }
  }
  // The alpha channel decides transparency; the mask (rows padded to 32 bits) is all zeros.
  const mask = Buffer.alloc(Math.ceil(size / 32) * 4 * size);
  return Buffer.concat([header, colors, mask]);
}

function ico(images) {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(1, 2); // type: icon
  header.writeUInt16LE(images.length, 4);
  let offset = 6 + 16 * images.length;
  const entries = images.map(({ size, data }) => {
    const entry = Buffer.alloc(16);
    entry[0] = size % 256; // 0 means 256
    entry[1] = size % 256;
    entry.writeUInt16LE(1, 4);
    entry.writeUInt16LE(32, 6);
    entry.writeUInt32LE(data.length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += data.length;
    return entry;
  });
  return Buffer.concat([header, ...entries, ...images.map(({ data }) => data)]);
}

function icns(entries) {
  const parts = entries.map(({ type, data }) => {
    const head = Buffer.alloc(8);
    head.write(type, 0, 'ascii');
    head.writeUInt32BE(data.length + 8, 4);
    return Buffer.concat([head, data]);
  });
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'ascii');
  head.writeUInt32BE(8 + parts.reduce((sum, part) => sum + part.length, 0), 4);
  return Buffer.concat([head, ...parts]);
}

// ---------------------------------------------------------------------------------------------- output

const sizes = [...new Set([...LINUX_SIZES, ...ICO_SIZES, ...ICNS_TYPES.map(([, size]) => size)])];
const rendered = new Map(sizes.map((size) => [size, render(size)]));
const pngs = new Map(sizes.map((size) => [size, png(rendered.get(size), size)]));

const assets = path.join(root, 'assets');
mkdirSync(path.join(assets, 'icons'), { recursive: true });
const write = (relative, data) => {
  writeFileSync(path.join(assets, relative), data);
  console.log(`assets/${relative}  ${(data.length / 1024).toFixed(1)} KB`);
};

write('icon.png', pngs.get(1024));
for (const size of LINUX_SIZES) write(`icons/${size}x${size}.png`, pngs.get(size));
write(
  'icon.ico',
  ico(
    ICO_SIZES.map((size) => ({
      size,
      data: size <= ICO_BITMAP_MAX ? icoBitmap(rendered.get(size), size) : pngs.get(size),
    })),
  ),
);
write('icon.icns', icns(ICNS_TYPES.map(([type, size]) => ({ type, data: pngs.get(size) }))));
