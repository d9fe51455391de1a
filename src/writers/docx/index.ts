/**
 * DOCX writer: DocModel → a Word document that Word lays out itself. Pure: no fs, process or
 * clock; the same model, theme and date give the same bytes, in one process or in two.
 *
 * docx builds the package (styles, sections with their header and footer, settings, media,
 * relationships); the body is written as XML objects (content.ts), and numbering.xml and
 * core.xml are written here, so every id in the file is counted per document.
 */

import { Document, Footer, Header, NumberFormat, Packer, Paragraph, TextRun, type ISectionOptions } from 'docx';
import type { DocModel, Section } from '../../model/doc-model.js';
import type { Theme } from '../theme.js';
import { DocxContext, HYPERLINK_RELATIONSHIP, IMAGE_RELATIONSHIP, sectionChildren } from './content.js';
import { field } from './fields.js';
import { corePropertiesXml, repackage } from './package.js';
import { buildStyles, StyleId } from './styles.js';
import { pageGeometryOf, type PageGeometry } from './units.js';
import { XmlRun } from './xml.js';

/** A written DOCX file. */
export interface DocxResult {
  bytes: Uint8Array;
}

/** What the DOCX writer needs besides the model. */
export interface DocxOptions {
  theme: Theme;
  /** The document's date: core.xml created/modified and the zip entry times. */
  creationDate: Date;
  /** Heading id → page number from the PDF layout, to pre-fill the TOC. Without it the TOC lists no page numbers until Word updates it. */
  headingPages?: ReadonlyMap<string, number>;
  /**
   * The number of body pages in the PDF layout, to pre-fill the footer's SECTIONPAGES ("共 M 頁").
   * Word works the number out itself; LibreOffice and other readers that do not know the field
   * show what is written, so without it they show no total.
   */
  bodyPageCount?: number;
}

/**
 * The footer line from the theme's template, "第 {page} 頁，共 {pages} 頁": {page} is the
 * PAGE field and {pages} SECTIONPAGES, so the cover (its own section) is not counted, as in the
 * PDF, where body pages are numbered from 1.
 */
function footerParagraph(template: string, bodyPageCount: number | undefined): Paragraph {
  const children = template
    .split(/(\{page\}|\{pages\})/)
    .filter((part) => part !== '')
    .flatMap((part) => {
      if (part === '{page}') return field('PAGE', undefined).map((run) => new XmlRun(run));
      if (part === '{pages}') return field('SECTIONPAGES', bodyPageCount?.toString()).map((run) => new XmlRun(run));
      return [new TextRun(part)];
    });
  return new Paragraph({ style: StyleId.footer, children });
}

interface SectionInput {
  section: Section;
  /** Page numbers restart at 1 on the first body page only; a later body section carries on. */
  restartNumbering: boolean;
}

function sectionOf(
  { section, restartNumbering }: SectionInput,
  ctx: DocxContext,
  page: PageGeometry,
  model: DocModel,
  bodyPageCount: number | undefined,
): ISectionOptions {
  const body = section.kind === 'body';
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
        ...(restartNumbering ? { pageNumbers: { start: 1, formatType: NumberFormat.DECIMAL } } : {}),
      },
    },
    // No header or footer reference at all on the cover: a section without them shows none.
    ...(body
      ? {
          headers: {
            default: new Header({
              children: [new Paragraph({ style: StyleId.header, children: [new TextRun(model.meta.header)] })],
            }),
          },
          footers: { default: new Footer({ children: [footerParagraph(ctx.theme.running.footer, bodyPageCount)] }) },
        }
      : {}),
    children: sectionChildren(section.blocks, ctx),
  };
}

/** Writes the model as a DOCX file. */
export async function writeDocx(model: DocModel, options: DocxOptions): Promise<DocxResult> {
  const { theme, creationDate, headingPages, bodyPageCount } = options;
  const page = pageGeometryOf(theme);
  const ctx = new DocxContext(model, theme, page, headingPages);
  const firstBody = model.sections.findIndex((section) => section.kind === 'body');
  const sections = model.sections.map((section, index) =>
    sectionOf({ section, restartNumbering: index === firstBody }, ctx, page, model, bodyPageCount),
  );
  const { meta } = model;
  // The document properties go into core.xml below, written here rather than by docx.
  const document = new Document({ ...buildStyles(theme, meta.language, page), sections });
  // The body refers to links and pictures by relationship ids of its own (docx would draw
  // random ones, or count across documents), so their relationships are added here.
  const relationships = document.Document.Relationships;
  for (const link of ctx.links) relationships.addRelationship(link.id, HYPERLINK_RELATIONSHIP, link.target, 'External');
  for (const image of ctx.images) {
    // 9,525 EMUs to a pixel at 96 to the inch. The file name is Media's to choose (image1.png, …).
    const pixels = Math.round(image.emus / 9525);
    document.Media.addImage(image.id, {
      type: 'png',
      fileName: '',
      data: image.png,
      transformation: { pixels: { x: pixels, y: pixels }, emus: { x: image.emus, y: image.emus } },
    });
    const fileName = document.Media.Entries.find(([key]) => key === image.id)![1].fileName;
    relationships.addRelationship(image.id, IMAGE_RELATIONSHIP, `media/${fileName}`);
  }
  const zipped = await Packer.pack(document, 'uint8array', false, [
    { path: 'docProps/core.xml', data: corePropertiesXml(meta, creationDate) },
    { path: 'word/numbering.xml', data: ctx.lists.toXml(theme) },
  ]);
  return { bytes: repackage(zipped, creationDate) };
}
