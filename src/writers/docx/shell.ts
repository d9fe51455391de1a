/**
 * The package around the body, built by docx: styles, settings, the sections' page setup with
 * the running header and footer, theme, content types; the font table is ours (fonts.ts). It depends only on the theme,
 * the language, the header text and how the document is cut into sections, so it is built once
 * for them and reused: a batch writes thousands of guides in the same shell, and building it is
 * most of docx's work. What differs from one document to the next is left as placeholders
 * (each section's body, the running header's text, the footer's page total) or added afterwards (numbering, relationships,
 * pictures, document properties; see package.ts).
 */

import { inflateRawSync } from 'node:zlib';
import { Document, Footer, Header, NumberFormat, Packer, Paragraph, TextRun, type ISectionOptions } from 'docx';
import { entryKey, getJson, setJson } from '../../cache-store.js';
import type { DocMeta, Section } from '../../model/doc-model.js';
import type { WriterCache } from '../cache.js';
import type { Theme } from '../theme.js';
import { field } from './fields.js';
import { buildStyles, StyleId } from './styles.js';
import { pageGeometryOf, type PageGeometry } from './units.js';
import { el, XmlBlock, XmlRun, xmlText, type XmlNode } from './xml.js';
import { readZip, zipEntry, type ZipEntry } from './zip.js';
import { fontTableRelationshipsXml, fontTableXml, withSettings, withParagraphDefaults } from './fonts.js';

/** The parts a document edits in its shell, by their names in the package. */
export const DOCUMENT_PART = 'word/document.xml';
export const DOCUMENT_RELATIONSHIPS_PART = 'word/_rels/document.xml.rels';
export const FOOTER_PART = 'word/footer1.xml';
export const HEADER_PART = 'word/header1.xml';
const STYLES_PART = 'word/styles.xml';
const SETTINGS_PART = 'word/settings.xml';
const FONT_TABLE_PART = 'word/fontTable.xml';
const FONT_TABLE_RELATIONSHIPS_PART = 'word/_rels/fontTable.xml.rels';

/** docx's package with placeholders, and the text of the parts each document edits. */
export interface PackageShell {
  /** The entries in docx's order, compressed as docx wrote them. */
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
function bodyPlaceholderXml(index: number): XmlNode {
  return el('w:p', undefined, [el('w:r', undefined, [el('w:t', undefined, [`guide-section-body-${index}`])])]);
}

/**
 * The run that stands for the running header's text: each firm's guide names its own guide
 * there, and one shell serves them all.
 */
const runningHeaderRun = el('w:r', undefined, [el('w:t', { 'xml:space': 'preserve' }, ['guide-running-header'])]);
export const RUNNING_HEADER_PLACEHOLDER = xmlText(runningHeaderRun);

/** The run that stands for the footer's page total (the result of its SECTIONPAGES field). */
export const PAGE_TOTAL_PLACEHOLDER = xmlText(
  el('w:r', undefined, [el('w:t', { 'xml:space': 'preserve' }, ['guide-body-page-count'])]),
);

/**
 * The footer line from the theme's template, "第 {page} 頁，共 {pages} 頁": {page} is the
 * PAGE field and {pages} SECTIONPAGES, so the cover (its own section) is not counted, as in the
 * PDF, where body pages are numbered from 1.
 */
function footerParagraph(template: string): Paragraph {
  const children = template
    .split(/(\{page\}|\{pages\})/)
    .filter((part) => part !== '')
    .flatMap((part) => {
      if (part === '{page}') return field('PAGE', undefined).map((run) => new XmlRun(run));
      if (part === '{pages}') return field('SECTIONPAGES', 'guide-body-page-count').map((run) => new XmlRun(run));
      return [new TextRun(part)];
    });
  return new Paragraph({ style: StyleId.footer, children });
}

function sectionOf(
  kind: Section['kind'],
  index: number,
  restartNumbering: boolean,
  theme: Theme,
  page: PageGeometry,
): ISectionOptions {
  return {
    properties: {
      page: {
        size: { width: page.width, height: page.height },
        margin: {
          ...page.margins,
          header: Math.round(page.margins.top / 2),
          footer: Math.round(page.margins.bottom / 2),
          gutter: 0,
        },
        // Page numbers restart at 1 on the first body page only; a later body section carries on.
        ...(restartNumbering ? { pageNumbers: { start: 1, formatType: NumberFormat.DECIMAL } } : {}),
      },
    },
    // No header or footer reference at all on the cover: a section without them shows none.
    ...(kind === 'body'
      ? {
          headers: {
            default: new Header({
              children: [
                new Paragraph({
                  style: StyleId.header,
                  children: [new XmlRun(runningHeaderRun)],
                }),
              ],
            }),
          },
          footers: { default: new Footer({ children: [footerParagraph(theme.running.footer)] }) },
        }
      : {}),
    children: [new XmlBlock(bodyPlaceholderXml(index))],
  };
}

async function buildShell(theme: Theme, language: string, kinds: readonly Section['kind'][], embed: boolean) {
  const page = pageGeometryOf(theme);
  const firstBody = kinds.indexOf('body');
  const sections = kinds.map((kind, index) => sectionOf(kind, index, index === firstBody, theme, page));
  const document = new Document({ ...buildStyles(theme, language, page), sections });
  const packed = readZip(await Packer.pack(document, 'uint8array', false));
  const textOf = (name: string) => {
    const entry = packed.find((candidate) => candidate.name === name);
    if (!entry) throw new Error(`docx wrote no ${name}`);
    return (entry.method === 8 ? inflateRawSync(entry.data) : Buffer.from(entry.data)).toString('utf8');
  };
  const texts = new Map<string, string>();
  for (const name of [
    DOCUMENT_PART,
    DOCUMENT_RELATIONSHIPS_PART,
    ...(firstBody >= 0 ? [HEADER_PART, FOOTER_PART] : []),
  ])
    texts.set(name, textOf(name));
  // docx writes an empty font table and no paragraph defaults: ours name and embed the guide's
  // faces and keep readers from spacing and hanging punctuation (fonts.ts).
  const replaced = new Map<string, string>([
    [FONT_TABLE_PART, fontTableXml(theme, embed)],
    // docx writes the font table's relationships empty: ours point to the embedded faces.
    ...(embed ? [[FONT_TABLE_RELATIONSHIPS_PART, fontTableRelationshipsXml()] as const] : []),
    [STYLES_PART, withParagraphDefaults(textOf(STYLES_PART))],
    [SETTINGS_PART, withSettings(textOf(SETTINGS_PART), embed)],
  ]);
  const entries = packed.map((entry) => {
    const text = replaced.get(entry.name);
    return text === undefined ? entry : zipEntry(entry.name, Buffer.from(text, 'utf8'), true);
  });
  return { entries, texts };
}

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
      shell = buildShell(theme, meta.language, kinds, embed);
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
