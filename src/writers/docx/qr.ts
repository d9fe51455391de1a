/**
 * QR codes as PNG images for `qr` blocks. qrcode draws the symbol with pngjs, whose output
 * depends only on the text and options (no timestamps or text chunks), so the bytes, and the
 * media part's name docx derives from their hash, are the same on every run.
 */

import { toBuffer } from 'qrcode';

/** Pixels per QR module: the image is scaled down to the theme's size, and at 8 px a module it prints sharp at 300 dpi. */
const PIXELS_PER_MODULE = 8;

/** A PNG of the QR code for `url`, with a two-module quiet zone. */
export async function renderQrPng(url: string): Promise<Uint8Array> {
  const png = await toBuffer(url, {
    type: 'png',
    errorCorrectionLevel: 'M',
    margin: 2,
    scale: PIXELS_PER_MODULE,
    color: { dark: '#000000ff', light: '#ffffffff' },
  });
  return new Uint8Array(png.buffer, png.byteOffset, png.byteLength);
}
