/**
 * QR codes as vectors: the `qrcode` package computes the modules, the drawer fills the dark
 * ones as rectangles in one path (sharp at any zoom, a few hundred bytes). Only its core is
 * imported: the package's entry loads its PNG, SVG and terminal renderers too (60 files).
 */

import QRCode from 'qrcode/lib/core/qrcode.js';
import { entryKey } from '../../cache-store.js';
import type { WriterCache } from '../cache.js';

/** The modules of a QR symbol: `size` × `size`, row-major, 1 = dark. */
export interface QrMatrix {
  size: number;
  dark: Uint8Array;
}

/** Symbols kept in the cache at most, so a long-running process does not grow without end. */
const MAX_MADE = 1024;

/**
 * The symbol for `text` at error correction level M (15 % of the code may be damaged), made
 * once per cache: a batch of tailored guides prints the same few addresses again and again, and
 * a rebuild the same as the build before (the build cache keeps them: choosing the mask is
 * ~1 ms a symbol, 30–50 ms of a cold build). The matrix is shared between calls: do not modify it.
 */
export function qrMatrix(text: string, cache: WriterCache): QrMatrix {
  const made = cache.qrMatrices;
  let matrix = made.get(text);
  if (matrix === undefined) {
    if (made.size >= MAX_MADE) made.delete(made.keys().next().value!);
    const { store } = cache;
    const key = store && entryKey('qr', text);
    matrix = key === undefined ? undefined : storedMatrix(store!.get(key));
    if (matrix === undefined) {
      matrix = makeMatrix(text);
      if (key !== undefined) {
        const bytes = new Uint8Array(1 + matrix.dark.length);
        bytes[0] = matrix.size;
        bytes.set(matrix.dark, 1);
        store!.set(key, bytes);
      }
    }
    made.set(text, matrix);
  }
  return matrix;
}

/** A matrix as the store keeps it: its size in the first byte, then the modules; else undefined. */
function storedMatrix(bytes: Uint8Array | undefined): QrMatrix | undefined {
  if (bytes === undefined || bytes.length !== 1 + bytes[0]! * bytes[0]!) return undefined;
  return { size: bytes[0]!, dark: bytes.subarray(1) };
}

function makeMatrix(text: string): QrMatrix {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const dark = new Uint8Array(modules.size * modules.size);
  for (let row = 0; row < modules.size; row++) {
    for (let col = 0; col < modules.size; col++) {
      dark[row * modules.size + col] = modules.get(row, col) ? 1 : 0;
    }
  }
  return { size: modules.size, dark };
}

/**
 * Dark modules merged into horizontal runs, in module units: fewer rectangles to draw, and no
 * hairline seams between neighbouring modules in viewers that anti-alias each one.
 */
export function qrRuns(matrix: QrMatrix): { row: number; col: number; length: number }[] {
  const runs: { row: number; col: number; length: number }[] = [];
  for (let row = 0; row < matrix.size; row++) {
    let col = 0;
    while (col < matrix.size) {
      if (!matrix.dark[row * matrix.size + col]) {
        col++;
        continue;
      }
      const start = col;
      while (col < matrix.size && matrix.dark[row * matrix.size + col]) col++;
      runs.push({ row, col: start, length: col - start });
    }
  }
  return runs;
}
