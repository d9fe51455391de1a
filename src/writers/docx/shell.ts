/**
 * The package around the body, built by docx: styles, settings, the sections' page setup with
 * the running header and footer, theme, content types; the font table is ours (fonts.ts). It depends only on the theme,
 * the language, the header text and how the document is cut into sections, so it is built once
 * for them and reused: a batch writes thousands of guides in the same shell, and building it is
 * most of docx's work. What differs from one document to the next is left as placeholders
 * (each section's body, the running header's text, the footer's page total) or added afterwards (numbering, relationships,
 * pictures, document properties; see package.ts). Building one (build-shell.ts) is the only
 * part of a DOCX that loads docx; a shell from the build cache needs none of it.
 */

import { entryKey, getJson, setJson } from '../../cache-store.js';
import type { DocMeta, Section } from '../../model/doc-model.js';
import type { WriterCache } from '../cache.js';
import type { Theme } from '../theme.js';
import { el, xmlText, type XmlNode } from './xml.js';
import type { ZipEntry } from './zip.js';

/** The parts a document edits in its shell, by their names in the package. */
export const DOCUMENT_PART = 'word/document.xml';
export const DOCUMENT_RELATIONSHIPS_PART = 'word/_rels/document.xml.rels';
export const FOOTER_PART = 'word/footer1.xml';
export const HEADER_PART = 'word/header1.xml';
export const STYLES_PART = 'word/styles.xml';
export const SETTINGS_PART = 'word/settings.xml';
export const FONT_TABLE_PART = 'word/fontTable.xml';
export const FONT_TABLE_RELATIONSHIPS_PART = 'word/_rels/fontTable.xml.rels';

/** docx's package with placeholders, and the text of the parts each document edits. */
export interface PackageShell {
  /** The entries in docx's order, deflated. */
  entries: readonly ZipEntry[];
  /** document.xml, its relationships, the header and the footer, unzipped. */
  texts: ReadonlyMap<string, string>;
}

/** The paragraph that stands for section `index`'s body in document.xml. */
export function bodyPlaceholder(index: number): string {
  return xmlText(bodyPlaceholderXml(index));
}

// As a block in XML form (not a docx Paragraph), docx writes it as it is and gives a section
// break a paragraph of its own, as it would after the real body.
export function bodyPlaceholderXml(index: number): XmlNode {
  return el('w:p', undefined, [el('w:r', undefined, [el('w:t', undefined, [`guide-section-body-${index}`])])]);
}

/**
 * The run that stands for the running header's text: each firm's guide names its own guide
 * there, and one shell serves them all.
 */
export const runningHeaderRun = el('w:r', undefined, [
  el('w:t', { 'xml:space': 'preserve' }, ['guide-running-header']),
]);
export const RUNNING_HEADER_PLACEHOLDER = xmlText(runningHeaderRun);

/** The run that stands for the footer's page total (the result of its SECTIONPAGES field). */
export const PAGE_TOTAL_PLACEHOLDER = xmlText(
  el('w:r', undefined, [el('w:t', { 'xml:space': 'preserve' }, ['guide-body-page-count'])]),
);

/**
 * The shell for documents with this theme, language and sections, with embedded fonts or not, built once
 * per cache. Entries are never changed once built, so a shared one gives the same bytes as a
 * fresh one.
 */
export function packageShell(
  theme: Theme,
  meta: DocMeta,
  sections: readonly Section[],
  cache: WriterCache,
  embed: boolean,
): Promise<PackageShell> {
  const kinds = sections.map((section) => section.kind);
  const key = JSON.stringify([meta.language, kinds, embed]);
  let byKey = cache.docxShells.get(theme);
  if (!byKey) cache.docxShells.set(theme, (byKey = new Map()));
  let shell = byKey.get(key);
  if (!shell) {
    const { store } = cache;
    const stored = store && entryKey('docx-shell', JSON.stringify(theme), key);
    const kept = stored === undefined ? undefined : shellFrom(getJson(store, stored));
    if (kept) shell = Promise.resolve(kept);
    else {
      shell = import('./build-shell.js').then(({ buildShell }) => buildShell(theme, meta.language, kinds, embed));
      if (stored !== undefined)
        void shell.then(
          (made) => setJson(store, stored, storedShell(made)),
          () => undefined,
        );
    }
    // A failed build is not kept: the next document tries again and reports the error itself.
    shell.catch(() => byKey.delete(key));
    byKey.set(key, shell);
  }
  return shell;
}

/** A shell as the build cache keeps it: JSON, the entries' data in base64. */
interface StoredShell {
  entries: (Omit<ZipEntry, 'data'> & { data: string })[];
  texts: [string, string][];
}

/**
 * docx stamps core.xml with the time it was made; every document puts its own in its place
 * (`assemblePackage`), so the shell's is kept empty and an entry's bytes depend on its key alone.
 */
const stampedPart = 'docProps/core.xml';

function storedShell(shell: PackageShell): StoredShell {
  return {
    entries: shell.entries.map((entry) =>
      entry.name === stampedPart
        ? { ...entry, crc32: 0, size: 0, data: '' }
        : { ...entry, data: Buffer.from(entry.data).toString('base64') },
    ),
    texts: [...shell.texts],
  };
}

/** A shell from the build cache; undefined when what was read is not one. */
function shellFrom(value: unknown): PackageShell | undefined {
  const stored = value as Partial<StoredShell> | undefined;
  if (!Array.isArray(stored?.entries) || !Array.isArray(stored.texts)) return undefined;
  const entries = stored.entries.map((entry) => ({
    ...entry,
    data: new Uint8Array(Buffer.from(entry.data, 'base64')),
  }));
  return { entries, texts: new Map(stored.texts) };
}
