/**
 * DOCX writer: DocModel → a Word document that Word lays out itself. Pure: no fs, process or
 * clock; the same model, theme and date give the same bytes, in one process or in two.
 *
 * The package around the body (styles, sections with their header and footer, settings) is
 * built once per theme and layout of sections (shell.ts). The body is written as XML text
 * (content.ts) and put in the shell's placeholders; numbering.xml, core.xml and the
 * relationships of links and pictures are written here, so every id in the file is counted per
 * document (package.ts).
 */

import type { Block, DocModel } from '../../model/doc-model.js';
import { tocEntries, type TocEntry } from '../../model/transforms/toc.js';
import { createWriterCache, type WriterCache } from '../cache.js';
import type { Theme } from '../theme.js';
import { bodyXml, DocxContext, HYPERLINK_RELATIONSHIP, IMAGE_RELATIONSHIP } from './content.js';
import { assemblePackage, corePropertiesXml } from './package.js';
import {
  bodyPlaceholder,
  DOCUMENT_PART,
  FOOTER_PART,
  HEADER_PART,
  packageShell,
  PAGE_TOTAL_PLACEHOLDER,
  RUNNING_HEADER_PLACEHOLDER,
} from './shell.js';
import { pageGeometryOf } from './units.js';
import { textRuns, type FallbackFontOf } from './paragraph.js';
import type { PdfFonts } from '../pdf/fonts.js';
import type { SharedGlyphs } from '../pdf/types.js';
import { escapeXml, unescapeXml, xmlText } from './xml.js';
import { embeddedFonts } from './fonts.js';
import { deflatedRun, keptBody, keptBodiesOf, type KeptBody } from './kept-bodies.js';
import { keptRunsOf, keptRunsXml } from './kept-runs.js';

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
  /**
   * The TOC's entries, when the caller has them for every writer; else worked out here
   * (`tocEntries` to the theme's depth).
   */
  toc?: readonly TocEntry[];
  /** What is kept between documents (a batch passes one for all); a fresh one when absent. */
  cache?: WriterCache;
  /**
   * The PDF fonts: a character their primary face lacks is put in a run that names the theme's
   * `fonts.docx.eastAsiaFallback` font matching the fallback face that draws it. Without them no
   * run names a fallback font.
   */
  fonts?: PdfFonts;
  /** Glyphs many documents draw (a batch's common text): the embedded fonts hold them first. */
  sharedGlyphs?: SharedGlyphs;
}

/** The DOCX fallback font of each character the primary PDF face lacks (see `DocxOptions.fonts`). */
function fallbackFontOf(fonts: PdfFonts | undefined, theme: Theme): FallbackFontOf | undefined {
  const names = theme.fonts.docx.eastAsiaFallback;
  if (!fonts || names.length === 0) return undefined;
  return (cp) => {
    // The regular chain decides: both weights of a fallback entry cover the same characters.
    const index = fonts.regular.indexOf(cp);
    return index > 0 ? names[index - 1] : undefined;
  };
}

/** Adds the characters an XML part prints to `used`: the text of its runs and list labels. The embedded subsets hold their glyphs. */
function addUsedCodePoints(used: Set<number>, part: string): void {
  const runText = /<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g;
  const levelText = /<w:lvlText w:val="([^"]*)"/g;
  for (let match = runText.exec(part); match !== null; match = runText.exec(part)) addCodePoints(used, match[1]!);
  for (let match = levelText.exec(part); match !== null; match = levelText.exec(part)) {
    addCodePoints(used, match[1]!.replace(/%\d/g, ''));
  }
}

/** The characters of text as written in XML (entities unescaped) added to `used`. */
function addCodePoints(used: Set<number>, escaped: string): void {
  // Most runs have no entity: their characters are read in place, with no string made.
  const text = escaped.includes('&') ? unescapeXml(escaped) : escaped;
  for (let i = 0; i < text.length; i++) {
    const cp = text.codePointAt(i)!;
    used.add(cp);
    if (cp > 0xffff) i++;
  }
}

/**
 * A section's blocks as body XML, block by block, as UTF-8 (`after`: whether content of the
 * section came before them); the characters it prints go into `used` when given.
 */
function blocksXml(blocks: readonly Block[], ctx: DocxContext, after: boolean, used: Set<number> | null): Uint8Array[] {
  const pieces: Uint8Array[] = [];
  for (const xml of bodyXml(blocks, ctx, after)) {
    if (used) addUsedCodePoints(used, xml);
    pieces.push(Buffer.from(xml, 'utf8'));
  }
  return pieces;
}

/** document.xml in pieces, each section's placeholder paragraph replaced by the section's body. */
function withBodies(documentXml: string, bodies: readonly (readonly Uint8Array[])[]): (string | Uint8Array)[] {
  const pieces: (string | Uint8Array)[] = [];
  let rest = documentXml;
  bodies.forEach((body, index) => {
    const placeholder = bodyPlaceholder(index);
    const at = rest.indexOf(placeholder);
    if (at < 0) throw new Error(`the package shell has no placeholder for section ${index}`);
    pieces.push(rest.slice(0, at), ...body);
    rest = rest.slice(at + placeholder.length);
  });
  pieces.push(rest);
  return pieces;
}

/** Writes the model as a DOCX file. */
export async function writeDocx(model: DocModel, options: DocxOptions): Promise<DocxResult> {
  const { theme, creationDate, headingPages, bodyPageCount } = options;
  const cache = options.cache ?? createWriterCache();
  const fallbackOf = fallbackFontOf(options.fonts, theme);
  // Fonts are embedded when the theme says so and the PDF's faces are at hand to subset.
  const embed = theme.fonts.docx.embed && options.fonts !== undefined;
  const shell = packageShell(theme, model.meta, model.sections, cache, embed);
  const toc = options.toc ?? tocEntries(model, theme.toc.depth);
  const ctx = new DocxContext(model, theme, pageGeometryOf(theme), toc, headingPages, cache, fallbackOf);
  // Each block's XML is kept as UTF-8 bytes as soon as it is written: a 2,000-measure body is
  // 25 MB of XML, which as strings (two bytes a character, built up piece by piece) held ~190 MB
  // of heap until the package was zipped. The characters the fonts must hold are read from the
  // text before it goes, the body sections' apart: a batch's embedded fonts hold them before the
  // rest (fonts.ts).
  const used = new Set<number>();
  const inBody = new Set<number>();
  const bodies: (readonly Uint8Array[])[] = [];
  // A batch's firms that get the same measures have the same body: written once for them.
  const kept = options.fonts ? keptBodiesOf(cache, options.fonts) : null;
  // A batch's firm's document.xml is deflated in runs, each section's body one of them, so that a
  // body kept is deflated once for all the firms that take it (zipEntryInRuns). Every section is
  // a run, kept or just written, so a firm's bytes do not depend on what its builder met before.
  // Whether a document is a batch's firm's is fixed for the run (its shared glyphs): the library's
  // builds and the preview, whose caches keep bodies too, deflate whole as `guide build` does.
  const deflatedBodies = new Map<Uint8Array, Uint8Array>();
  const sectionXml = (body: KeptBody): Uint8Array[] => {
    if (options.sharedGlyphs) deflatedBodies.set(body.xml, deflatedRun(body));
    return [body.xml];
  };
  // A single build with the build cache writes the runs of its sections the build before did not.
  const runs = keptRunsOf(cache, options.fonts);
  for (const section of model.sections) {
    const write = (into: Set<number>) => blocksXml(section.blocks, ctx, false, embed ? into : null);
    const into = section.kind === 'body' ? inBody : used;
    bodies.push(
      kept
        ? sectionXml(keptBody(kept, section, ctx, embed, into, write))
        : runs
          ? keptRunsXml(runs, section, ctx, options.fonts!, embed, into, (blocks, after, own) =>
              blocksXml(blocks, ctx, after, own),
            )
          : write(into),
    );
  }
  for (const cp of inBody) used.add(cp);

  // The body refers to links and pictures by relationship ids of its own, counted within the
  // document, so their relationships are written here too.
  const relationship = (id: string, type: string, target: string, external: boolean) =>
    `<Relationship Id="rId${id}" Type="${type}" Target="${escapeXml(target)}"${external ? ' TargetMode="External"' : ''}/>`;
  const media = ctx.images.map((image, index) => ({
    id: image.id,
    name: `media/image${index + 1}.png`,
    png: image.png,
  }));
  const relationshipsXml =
    ctx.links.map((link) => relationship(link.id, HYPERLINK_RELATIONSHIP, link.target, true)).join('') +
    media.map((image) => relationship(image.id, IMAGE_RELATIONSHIP, image.name, false)).join('');

  // Word works the total out itself; LibreOffice and other readers that do not know the field
  // show what is written, so without a total from the PDF they show none.
  const footer = shell.texts.get(FOOTER_PART);
  const header = shell.texts.get(HEADER_PART);
  const headerRuns = textRuns(model.meta.header, {}, fallbackOf).map(xmlText).join('');
  const pageTotal =
    bodyPageCount === undefined ? '' : PAGE_TOTAL_PLACEHOLDER.replace('guide-body-page-count', String(bodyPageCount));

  const documentXml = withBodies(shell.texts.get(DOCUMENT_PART)!, bodies);
  const headerXml = header?.replace(RUNNING_HEADER_PLACEHOLDER, headerRuns);
  const footerXml = footer?.replace(PAGE_TOTAL_PLACEHOLDER, pageTotal);
  const numberingXml = ctx.lists.toXml(theme);
  if (embed) {
    // The bodies' characters are in already; the shell's pieces of document.xml are text.
    for (const part of [...documentXml, headerXml ?? '', footerXml ?? '', numberingXml]) {
      if (typeof part === 'string') addUsedCodePoints(used, part);
    }
    // The digits of the page fields Word fills in.
    for (const digit of '0123456789') used.add(digit.codePointAt(0)!);
  }
  const bytes = assemblePackage(
    shell,
    {
      documentXml,
      deflatedBodies,
      relationshipsXml,
      ...(headerXml !== undefined ? { headerXml } : {}),
      ...(footerXml !== undefined ? { footerXml } : {}),
      numberingXml,
      coreXml: corePropertiesXml(model.meta, creationDate),
      media: media.map((image) => ({ name: `word/${image.name}`, png: image.png })),
      fonts: embed
        ? embeddedFonts(
            theme,
            options.fonts!,
            used,
            cache,
            options.sharedGlyphs && { glyphs: options.sharedGlyphs, inBody },
          )
        : [],
    },
    creationDate,
  );
  return { bytes };
}
