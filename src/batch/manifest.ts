/**
 * The batch manifest, dist/firms/manifest.json and manifest.csv: one entry per firm with its
 * contact details, its files (bytes and SHA-256), the measures its guide holds, its status and
 * the hash of everything its guide was made from. A mailing script reads it; the next run reads
 * it to skip firms whose guides are already there and up to date.
 *
 * Entries are `ok` (files written and listed), `failed` (with the reason) or `pending` (this or
 * an earlier run meant to build it and has not finished: its files, if any, are not to be sent).
 */

import { outputFormats, type OutputFormat } from '../writers/formats.js';

/** One written file, its path relative to the manifest's folder. */
export interface ManifestFile {
  format: OutputFormat;
  path: string;
  bytes: number;
  sha256: string;
  /** PDF only. */
  pages?: number;
}

/** A firm's state in the manifest. */
export type FirmStatus = 'ok' | 'failed' | 'pending';

/** One firm's entry: what a mailing script needs, and what the next run compares. */
export interface ManifestFirm {
  /** Empty for a row whose id cannot key it (missing, malformed, a duplicate): `row` does. */
  id: string;
  /** Only with an empty id: the row of the firm list (sheet row, or the firm's place in a YAML list). */
  row?: number;
  name: string;
  contact: string | null;
  email: string | null;
  status: FirmStatus;
  /** Why the guide failed (status `failed`). */
  reason?: string;
  /** Ids of the measures in the guide, in print order. */
  measures: string[];
  files: ManifestFile[];
  /** SHA-256 over everything the guide was made from; equal hashes, equal files. */
  inputsHash: string;
}

/** manifest.json of dist/firms. */
export interface BatchManifest {
  /** `guide 0.1.0`. */
  generator: string;
  edition: { title: string; edition: string; date: string };
  asOf: string;
  letterDate: string;
  formats: OutputFormat[];
  /** The firm list the firms came from, as named on the command line. */
  firmList: string;
  /** SHA-256 over what every firm's guide shares: tool, templates, theme, fonts, edition, options. */
  inputsHash: string;
  firms: ManifestFirm[];
}

/** The manifest as JSON text. */
export function manifestJson(manifest: BatchManifest): string {
  return [...manifestJsonPieces(manifest)].join('');
}

/**
 * About how long each piece of a manifest's text is (characters). 10,000 firms make 7 MB of
 * JSON and 4 MB of CSV, written every few seconds while a batch runs: built in pieces and
 * written piece by piece, no write holds the whole text, which as one string was tens of
 * megabytes of the batch's peak.
 */
const pieceLength = 64 * 1024;

/** Strings joined into pieces of about `pieceLength` characters. */
function* inPieces(parts: Iterable<string>): Generator<string> {
  let piece = '';
  for (const part of parts) {
    piece += part;
    if (piece.length >= pieceLength) {
      yield piece;
      piece = '';
    }
  }
  if (piece !== '') yield piece;
}

/** The text of `manifestJson` in pieces: `JSON.stringify(manifest, null, 2)`, a firm at a time. */
export function manifestJsonPieces(manifest: BatchManifest): Generator<string> {
  return inPieces(jsonParts(manifest));
}

function* jsonParts(manifest: BatchManifest): Generator<string> {
  // The text around the firms, found by its top-level key: only there does a line break come
  // before it (a JSON string holds none), and only there is it indented by two spaces.
  const key = '\n  "firms": ';
  const outline = JSON.stringify({ ...manifest, firms: 0 }, null, 2);
  const at = outline.indexOf(`${key}0`) + key.length;
  const [before, after] = [outline.slice(0, at), `${outline.slice(at + 1)}\n`];
  const { firms } = manifest;
  if (firms.length === 0) {
    yield `${before}[]${after}`;
    return;
  }
  yield `${before}[\n`;
  // Each firm as JSON.stringify indents it two levels down (inside "firms": [ … ]); a JSON
  // string holds no raw line break, so every line break is one between lines of the object.
  for (const [index, firm] of firms.entries()) {
    yield `    ${JSON.stringify(firm, null, 2).replaceAll('\n', '\n    ')}${index < firms.length - 1 ? ',' : ''}\n`;
  }
  yield `  ]${after}`;
}

const csvColumns = [
  'id',
  'name',
  'contact',
  'email',
  'status',
  'reason',
  'pdf',
  'pdf_bytes',
  'pdf_sha256',
  'docx',
  'docx_bytes',
  'docx_sha256',
  'measures',
  'inputs_hash',
  // Last, so scripts that read columns by position are not disturbed.
  'row',
  'html',
  'html_bytes',
  'html_sha256',
] as const;

function csvField(value: string | number | null | undefined): string {
  const text = value === null || value === undefined ? '' : String(value);
  // Quoted when it must be; a leading = + - @ would make Excel run the cell as a formula.
  const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * The manifest as CSV for mailing scripts and Excel: UTF-8 with a byte-order mark (without one,
 * Excel on Chinese Windows reads UTF-8 as GBK), CRLF line ends, one row per firm.
 */
export function manifestCsv(manifest: BatchManifest): string {
  return [...manifestCsvPieces(manifest)].join('');
}

/** The text of `manifestCsv` in pieces (see `pieceLength`). */
export function manifestCsvPieces(manifest: BatchManifest): Generator<string> {
  return inPieces(csvLines(manifest));
}

function* csvLines(manifest: BatchManifest): Generator<string> {
  yield `\uFEFF${csvColumns.join(',')}\r\n`;
  for (const firm of manifest.firms) {
    const pdf = fileOf(firm, 'pdf');
    const docx = fileOf(firm, 'docx');
    const html = fileOf(firm, 'html');
    const row = [
      firm.id,
      firm.name,
      firm.contact,
      firm.email,
      firm.status,
      firm.reason,
      pdf?.path,
      pdf?.bytes,
      pdf?.sha256,
      docx?.path,
      docx?.bytes,
      docx?.sha256,
      firm.measures.join(';'),
      firm.inputsHash,
      firm.row,
      html?.path,
      html?.bytes,
      html?.sha256,
    ];
    yield `${row.map(csvField).join(',')}\r\n`;
  }
}

/** A firm's file of `format`, if it has one (a loop, not a closure per firm: see "Code kept optimized" in docs/decisions.md). */
function fileOf(firm: ManifestFirm, format: OutputFormat): ManifestFile | undefined {
  for (const file of firm.files) if (file.format === format) return file;
  return undefined;
}

/** The firms of a manifest an earlier run wrote, by id; empty when there is none or it is not one. */
export function previousFirms(text: string | undefined): Map<string, ManifestFirm> {
  const firms = new Map<string, ManifestFirm>();
  if (text === undefined) return firms;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return firms;
  }
  const list = (parsed as { firms?: unknown } | null)?.firms;
  if (!Array.isArray(list)) return firms;
  for (const item of list) {
    // An entry keyed by its row has nothing a later run could reuse.
    if (!isManifestFirm(item) || item.id === '') continue;
    firms.set(item.id, item);
  }
  return firms;
}

/** Whether a parsed value is a firm entry as `guide batch` writes it. */
export function isManifestFirm(value: unknown): value is ManifestFirm {
  const firm = value as Partial<ManifestFirm> | null;
  return (
    typeof firm === 'object' &&
    firm !== null &&
    typeof firm.id === 'string' &&
    typeof firm.inputsHash === 'string' &&
    (firm.status === 'ok' || firm.status === 'failed' || firm.status === 'pending') &&
    Array.isArray(firm.files) &&
    firm.files.every(
      (file) =>
        typeof file === 'object' &&
        file !== null &&
        typeof file.path === 'string' &&
        typeof file.sha256 === 'string' &&
        typeof file.bytes === 'number' &&
        (outputFormats as readonly unknown[]).includes(file.format),
    ) &&
    Array.isArray(firm.measures)
  );
}
