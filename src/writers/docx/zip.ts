/**
 * Just enough zip for the DOCX package and the XLSX firm lists: reading an archive's entries
 * (still compressed), and writing a package's entries in a chosen order with one fixed time, the
 * document's own date, in the order Office writes ([Content_Types].xml first, which is also how
 * `file` and other sniffers recognise an OOXML package), so the bytes depend on the content alone.
 */

import { constants as zlibConstants, crc32, deflateRawSync } from 'node:zlib';

/** One file in a zip archive, still compressed. */
export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  /** General purpose flags as read (bit 3, data descriptor, is dropped when written). */
  flags: number;
  crc32: number;
  size: number;
  /** The entry's data as stored in the archive (compressed when `method` is 8). */
  data: Uint8Array;
}

/** A part as a zip entry: deflated, or stored when deflating would not make it smaller (pictures). */
export function zipEntry(name: string, data: Uint8Array, deflate: boolean): ZipEntry {
  if (deflate) return deflatedZipEntry(name, crc32(data), data.length, deflateRawSync(data));
  return { name, flags: 0, crc32: crc32(data), size: data.length, method: 0, data };
}

/** A part deflated already (kept so by the build cache, or deflated in pieces), with the CRC-32 and size of its bytes before. */
export function deflatedZipEntry(name: string, crc32: number, size: number, deflated: Uint8Array): ZipEntry {
  return { name, flags: 0, crc32, size, method: 8, data: deflated };
}

/**
 * `bytes` deflated, ending on a byte boundary rather than ending the stream (zlib's sync flush):
 * more deflated data follows it, and deflated runs so made join into one stream.
 */
export function deflateToByteBoundary(bytes: Uint8Array): Buffer {
  return deflateRawSync(bytes, { finishFlush: zlibConstants.Z_SYNC_FLUSH });
}

/**
 * A part made of `pieces` one after the other, deflated in runs: a piece `deflated` holds (see
 * `deflateToByteBoundary`) is taken as it is, and the pieces between are deflated anew; given no
 * runs, the part is deflated whole, as `zipEntry` deflates it. Where the runs start depends on the
 * pieces alone, so the bytes are the same whether a run was deflated just now or kept from another
 * document.
 */
export function zipEntryInRuns(
  name: string,
  pieces: readonly Uint8Array[],
  deflated: ReadonlyMap<Uint8Array, Uint8Array>,
): ZipEntry {
  const out: Uint8Array[] = [];
  let between: Uint8Array[] = [];
  let crc = 0;
  let size = 0;
  for (const piece of pieces) {
    // An empty piece leaves the CRC as it is; node's crc32 answers 0 for one whose memory zlib
    // has had (deflated, it holds no pointer), whatever the CRC so far.
    if (piece.length > 0) crc = crc32(piece, crc);
    size += piece.length;
    const run = deflated.get(piece);
    if (run === undefined) {
      between.push(piece);
      continue;
    }
    if (between.length > 0) out.push(deflateToByteBoundary(Buffer.concat(between)));
    between = [];
    out.push(run);
  }
  // The stream's last block, empty when a run ended the part.
  out.push(deflateRawSync(Buffer.concat(between)));
  return deflatedZipEntry(name, crc, size, Buffer.concat(out));
}

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const UTF8_NAMES = 0x0800;
const DATA_DESCRIPTOR = 0x0008;

/** The entries of a zip archive in central-directory order. Only what Office files hold is needed: no zip64, no encryption. */
export function readZip(bytes: Uint8Array): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = bytes.length - 22;
  while (end >= 0 && view.getUint32(end, true) !== END_OF_CENTRAL_DIRECTORY) end -= 1;
  if (end < 0) throw new Error('not a zip archive: no end of central directory record');
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const decoder = new TextDecoder();
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i += 1) {
    if (view.getUint32(at, true) !== CENTRAL_HEADER) throw new Error(`zip central directory entry ${i} is damaged`);
    const flags = view.getUint16(at + 8, true);
    const method = view.getUint16(at + 10, true);
    const crc32 = view.getUint32(at + 16, true);
    const compressedSize = view.getUint32(at + 20, true);
    const size = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const localOffset = view.getUint32(at + 42, true);
    const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    if (view.getUint32(localOffset, true) !== LOCAL_HEADER) throw new Error(`zip entry ${name} is damaged`);
    const dataStart =
      localOffset + 30 + view.getUint16(localOffset + 26, true) + view.getUint16(localOffset + 28, true);
    entries.push({ name, method, flags, crc32, size, data: bytes.subarray(dataStart, dataStart + compressedSize) });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** MS-DOS date and time fields, from the UTC fields so the bytes do not depend on the time zone. */
function dosDateTime(date: Date): { time: number; date: number } {
  // The format starts in 1980 and ends in 2107: clamp to its first and last day.
  if (date.getUTCFullYear() < 1980) return { time: 0, date: (1 << 5) | 1 };
  if (date.getUTCFullYear() > 2107) return { time: (23 << 11) | (59 << 5) | 29, date: (127 << 9) | (12 << 5) | 31 };
  return {
    time: (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | (date.getUTCSeconds() >> 1),
    date: ((date.getUTCFullYear() - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate(),
  };
}

/**
 * An entry's general purpose flags as written: no data descriptor, and UTF-8 names flagged as such.
 * Made once, not per call: see "Code kept optimized" in docs/decisions.md.
 */
function flagsOf(entry: ZipEntry, name: Uint8Array): number {
  return (entry.flags & ~DATA_DESCRIPTOR & ~UTF8_NAMES) | (name.some(isNotAscii) ? UTF8_NAMES : 0);
}

function isNotAscii(byte: number): boolean {
  return byte > 0x7f;
}

/** Writes the entries, in the order given, each stamped with `modified`. */
export function writeZip(entries: readonly ZipEntry[], modified: Date): Uint8Array {
  const encoder = new TextEncoder();
  const stamp = dosDateTime(modified);
  const names = entries.map((entry) => encoder.encode(entry.name));
  const localSize = entries.reduce((sum, entry, i) => sum + 30 + names[i]!.length + entry.data.length, 0);
  const centralSize = names.reduce((sum, name) => sum + 46 + name.length, 0);
  const out = new Uint8Array(localSize + centralSize + 22);
  const view = new DataView(out.buffer);
  const offsets: number[] = [];
  let at = 0;
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i]!;
    const name = names[i]!;
    offsets.push(at);
    view.setUint32(at, LOCAL_HEADER, true);
    view.setUint16(at + 4, 20, true);
    view.setUint16(at + 6, flagsOf(entry, name), true);
    view.setUint16(at + 8, entry.method, true);
    view.setUint16(at + 10, stamp.time, true);
    view.setUint16(at + 12, stamp.date, true);
    view.setUint32(at + 14, entry.crc32, true);
    view.setUint32(at + 18, entry.data.length, true);
    view.setUint32(at + 22, entry.size, true);
    view.setUint16(at + 26, name.length, true);
    view.setUint16(at + 28, 0, true);
    out.set(name, at + 30);
    out.set(entry.data, at + 30 + name.length);
    at += 30 + name.length + entry.data.length;
  }

  const centralStart = at;
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i]!;
    const name = names[i]!;
    view.setUint32(at, CENTRAL_HEADER, true);
    view.setUint16(at + 4, 20, true);
    view.setUint16(at + 6, 20, true);
    view.setUint16(at + 8, flagsOf(entry, name), true);
    view.setUint16(at + 10, entry.method, true);
    view.setUint16(at + 12, stamp.time, true);
    view.setUint16(at + 14, stamp.date, true);
    view.setUint32(at + 16, entry.crc32, true);
    view.setUint32(at + 20, entry.data.length, true);
    view.setUint32(at + 24, entry.size, true);
    view.setUint16(at + 28, name.length, true);
    // Extra, comment, disk number, internal and external attributes: all zero.
    view.setUint32(at + 42, offsets[i]!, true);
    out.set(name, at + 46);
    at += 46 + name.length;
  }

  view.setUint32(at, END_OF_CENTRAL_DIRECTORY, true);
  view.setUint16(at + 8, entries.length, true);
  view.setUint16(at + 10, entries.length, true);
  view.setUint32(at + 12, at - centralStart, true);
  view.setUint32(at + 16, centralStart, true);
  return out;
}
