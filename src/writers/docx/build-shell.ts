/**
 * Builds a package shell (shell.ts) with docx: loaded only when a shell is neither in memory nor
 * in the build cache. docx is 480 KB of code that takes 20–30 ms to load, and every other part
 * of a DOCX is written by guide itself, so a build with the cache present never loads it.
 */

import {
  Document,
  FileChild,
  Footer,
  Header,
  NumberFormat,
  Packer,
  Paragraph,
  TextRun,
  type ISectionOptions,
  type IXmlableObject,
} from 'docx';
import type { Section } from '../../model/doc-model.js';
import type { Theme } from '../theme.js';
import { field } from './fields.js';
import { fontTableRelationshipsXml, fontTableXml, withParagraphDefaults, withSettings } from './fonts.js';
import {
  bodyPlaceholderXml,
  DOCUMENT_PART,
  DOCUMENT_RELATIONSHIPS_PART,
  FONT_TABLE_PART,
  FONT_TABLE_RELATIONSHIPS_PART,
  FOOTER_PART,
  HEADER_PART,
  runningHeaderRun,
  SETTINGS_PART,
  STYLES_PART,
  type PackageShell,
} from './shell.js';
import { StyleId } from './style-ids.js';
import { buildStyles } from './styles.js';
import { pageGeometryOf, type PageGeometry } from './units.js';
import type { XmlNode } from './xml.js';
import { zipEntry, type ZipEntry } from './zip.js';

/** A body block already in XML form, handed to docx as a section's child. */
class XmlBlock extends FileChild {
  constructor(private readonly xml: XmlNode) {
    super(Object.keys(xml)[0]!);
  }

  override prepForXml(): IXmlableObject {
    return this.xml;
  }
}

/** A run already in XML form, for docx paragraphs (the footer's fields). */
class XmlRun extends TextRun {
  constructor(private readonly xml: XmlNode) {
    super({});
  }

  override prepForXml(): IXmlableObject {
    return this.xml;
  }
}

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

/** What docx's compiler makes of a document: its parts by path, in the order docx zips them. */
interface DocxCompiler {
  compile(document: Document, prettify: undefined): Map<string, string | Uint8Array>;
}

/**
 * The parts of `document`'s package as docx's Packer compiles them, before it zips them: the
 * entries are deflated by node's zlib as guide's own parts are, where zipping with docx deflated
 * each in JavaScript only for guide to inflate the parts it edits again (~25 ms of a build that
 * makes a shell). The compiler is the Packer's own, which docx's types leave out.
 */
function packageParts(document: Document): Map<string, string | Uint8Array> {
  return (Packer as unknown as { compiler: DocxCompiler }).compiler.compile(document, undefined);
}

/** docx's package for sections of these kinds, with the parts guide writes itself put in. */
export function buildShell(
  theme: Theme,
  language: string,
  kinds: readonly Section['kind'][],
  embed: boolean,
): PackageShell {
  const page = pageGeometryOf(theme);
  const firstBody = kinds.indexOf('body');
  const sections = kinds.map((kind, index) => sectionOf(kind, index, index === firstBody, theme, page));
  const document = new Document({ ...buildStyles(theme, language, page), sections });
  const parts = packageParts(document);
  const textOf = (name: string) => {
    const part = parts.get(name);
    if (part === undefined) throw new Error(`docx wrote no ${name}`);
    return typeof part === 'string' ? part : Buffer.from(part).toString('utf8');
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
  const entries: ZipEntry[] = [...parts].map(([name, part]) => {
    const data = replaced.get(name) ?? part;
    return zipEntry(name, typeof data === 'string' ? Buffer.from(data, 'utf8') : data, true);
  });
  return { entries, texts };
}
