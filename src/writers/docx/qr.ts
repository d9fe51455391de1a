/**
 * QR codes as PNG images for `qr` blocks. The module matrix is the PDF's (`qrMatrix`: made once
 * for both, and kept in the build cache); the PNG is drawn here, one bit a pixel: qrcode's own
 * PNG renderer (pngjs, RGBA, five filters tried on every row) took ~10 ms a code, a third of a
 * 30-measure guide's budget, against ~0.1 ms for this.
 * The bytes depend on the address alone (no timestamps or text chunks).
 */

import { deflateSync } from 'node:zlib';
import type { WriterCache } from '../cache.js';
import { qrMatrix, type QrMatrix } from '../pdf/qr.js';

/**
 * Eight pixels a module, so each module is exactly one byte of a 1-bit row (and the quiet zone
 * whole bytes): rows are filled byte by byte. Scaled down to the theme's size (46 pt), that is
 * over 300 dpi, sharp in print.
 */
const PIXELS_PER_MODULE = 8;

/** Light modules around the symbol; the page around it is white too. */
const QUIET_ZONE = 2;

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  out.set(new TextEncoder().encode(type), 4);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

/** Pictures kept in the cache at most, so a long-running process does not grow without end. */
const MAX_DRAWN = 1024;

/**
 * A PNG of the QR code for `url`: 1-bit greyscale, black modules on white. Drawn once per
 * cache: choosing the mask (qrcode tries all eight) is most of the ~0.8 ms a code takes, and a
 * batch of tailored guides draws the same measures' codes over and over. The bytes are shared
 * between calls: do not modify them.
 */
export function renderQrPng(url: string, cache: WriterCache): Uint8Array {
  const drawn = cache.qrPngs;
  let png = drawn.get(url);
  if (png === undefined) {
    if (drawn.size >= MAX_DRAWN) drawn.delete(drawn.keys().next().value!);
    png = drawPng(qrMatrix(url, cache));
    drawn.set(url, png);
  }
  return png;
}

function drawPng(modules: QrMatrix): Uint8Array {
  const modulesWide = modules.size + QUIET_ZONE * 2;
  const side = modulesWide * PIXELS_PER_MODULE;
  // Each row: filter type 0 (none), then one byte per module, 0x00 dark, 0xff light.
  const rowLength = modulesWide + 1;
  const raw = new Uint8Array(rowLength * side).fill(0xff);
  for (let y = 0; y < side; y += 1) raw[y * rowLength] = 0;
  for (let moduleRow = 0; moduleRow < modules.size; moduleRow += 1) {
    const first = (moduleRow + QUIET_ZONE) * PIXELS_PER_MODULE * rowLength;
    for (let column = 0; column < modules.size; column += 1) {
      if (modules.dark[moduleRow * modules.size + column]) raw[first + 1 + QUIET_ZONE + column] = 0;
    }
    for (let copy = 1; copy < PIXELS_PER_MODULE; copy += 1)
      raw.copyWithin(first + copy * rowLength, first, first + rowLength);
  }
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, side);
  view.setUint32(4, side);
  header.set([1, 0, 0, 0, 0], 8); // bit depth 1, greyscale, deflate, adaptive filtering, no interlace
  const signature = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const parts = [signature, chunk('IHDR', header), chunk('IDAT', deflateSync(raw)), chunk('IEND', new Uint8Array())];
  const png = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    png.set(part, at);
    at += part.length;
  }
  return png;
}
