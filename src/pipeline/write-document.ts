/**
 * DocModel → the requested files, through the writer registry. Nothing here touches disk. With
 * a build cache, each whole file is kept by what it was made from: the model, the theme, the
 * fonts, the date and the PDF settings; a rebuild that changed nothing reads the files back.
 */

import { entryKey, type EntryStore } from '../cache-store.js';
import { sha256Hex } from '../hash.js';
import { currentLanguage } from '../messages/language.js';
import type { OutputFormat } from '../writers/formats.js';
import type { DocModel } from '../model/doc-model.js';
import { tocEntries } from '../model/transforms/toc.js';
import { keepForNextBuild, type WriterCache } from '../writers/cache.js';
import { openFacesKey, paginatePdf, type PdfPagination, type SharedGlyphs } from '../writers/pdf/index.js';
import { writers } from '../writers/registry.js';
import { resolvePdfOutput } from './pdf-output.js';
import type { Prepared } from './prepare.js';
import type { BuildRequest } from './request.js';

/** One file of a guide, in memory. */
export interface GuideFile {
  format: OutputFormat;
  bytes: Uint8Array;
  /** PDF only. */
  pages?: number;
}

/** Writes `model` in every format of the request, in `outputFormats` order. */
export async function writeDocument(
  model: DocModel,
  prepared: Prepared,
  request: BuildRequest,
  cache: WriterCache,
  sharedGlyphs?: SharedGlyphs,
): Promise<GuideFile[]> {
  const { theme, fonts } = prepared;
  const toc = tocEntries(model, theme.toc.depth);
  let pagination: PdfPagination | undefined;
  const input = {
    model,
    theme,
    fonts,
    creationDate: request.creationDate,
    pdfOutput: resolvePdfOutput(theme, request),
    toc,
    cache,
    ...(sharedGlyphs ? { sharedGlyphs } : {}),
    // A DOCX-only build lays the PDF out without drawing it.
    pagination: () => (pagination ??= paginatePdf(model, { theme, fonts, toc, cache })),
  };
  // A batch's shared subsets are the batch's: its files are not kept.
  const store = sharedGlyphs === undefined ? cache.store : undefined;
  const made =
    store && sha256Hex(JSON.stringify([model, theme, input.creationDate, input.pdfOutput, currentLanguage()]));
  const files: GuideFile[] = [];
  for (const format of request.formats) {
    const key = made && entryKey('file', format, made, openFacesKey(fonts));
    const kept = key === undefined ? undefined : storedFile(store!, key);
    if (kept) {
      files.push({ format, ...kept });
      continue;
    }
    const written = await writers[format].write(input);
    pagination ??= written.pagination;
    const file = { bytes: written.bytes, ...(written.pages !== undefined ? { pages: written.pages } : {}) };
    files.push({ format, ...file });
    // Kept only when the writer drew from no face the key does not name (one it opened itself).
    if (key !== undefined && key === entryKey('file', format, made!, openFacesKey(fonts))) storeFile(store!, key, file);
  }
  keepForNextBuild(cache, fonts);
  return files;
}

type StoredFile = Omit<GuideFile, 'format'>;

/** A file as kept: a JSON line with its page count, then its bytes. */
function storeFile(store: EntryStore, key: string, file: StoredFile): void {
  const head = new TextEncoder().encode(`${JSON.stringify({ pages: file.pages ?? null })}\n`);
  const bytes = new Uint8Array(head.length + file.bytes.length);
  bytes.set(head);
  bytes.set(file.bytes, head.length);
  store.set(key, bytes);
}

function storedFile(store: EntryStore, key: string): StoredFile | undefined {
  const bytes = store.get(key);
  const end = bytes?.indexOf(0x0a) ?? -1;
  if (bytes === undefined || end < 0) return undefined;
  try {
    const { pages } = JSON.parse(new TextDecoder().decode(bytes.subarray(0, end))) as { pages: number | null };
    return { bytes: bytes.subarray(end + 1), ...(typeof pages === 'number' ? { pages } : {}) };
  } catch {
    return undefined;
  }
}
