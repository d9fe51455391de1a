/**
 * DocModel blocks and inlines → WordprocessingML body XML (see xml.ts). One `DocxContext` per
 * document holds every id that ends up in the XML (bookmarks, link and picture relationships,
 * drawings, list instances), counted within the document, so the bytes never depend on what
 * else the process wrote.
 */

import type { Block, DocModel, Inline, Table as ModelTable, TableRow as ModelRow } from '../../model/doc-model.js';
import type { TocEntry } from '../../model/transforms/toc.js';
import { blockText, columnCount, eachBlock, plainText } from '../../model/visit.js';
import { sha256Hex } from '../../hash.js';
import type { WriterCache } from '../cache.js';
import type { Theme } from '../theme.js';
import { ListNumbering, type ListInstance } from './numbering.js';
import { renderQrPng } from './qr.js';
import { roleStyle, StyleId } from './style-ids.js';
import { tableOfContents, type TocLine } from './toc.js';
import { hexColor, twips, type PageGeometry } from './units.js';
import { paragraphXml, textRuns, type FallbackFontOf, type ParagraphProps, type RunFormat } from './paragraph.js';
import { el, val, xmlText, type XmlAttributes, type XmlNode } from './xml.js';

/** The bookmark on a heading: the target of TOC entries and `#id` links. */
export interface HeadingAnchor {
  /** `_Toc1`, `_Toc2`, …: hidden bookmarks (leading underscore), as Word names its TOC targets. */
  name: string;
  id: number;
}

/** An external hyperlink's relationship, written to document.xml.rels. */
export interface LinkRelationship {
  /** Without the "rId" prefix docx adds. */
  id: string;
  target: string;
}

/** A picture in the body (a QR code): its PNG and the relationship id the drawing refers to. */
export interface BodyImage {
  /** Without the "rId" prefix docx adds. */
  id: string;
  png: Uint8Array;
  /** Size on the page in EMUs (914,400 to the inch). */
  emus: number;
}

/** The relationship type of an external hyperlink. */
export const HYPERLINK_RELATIONSHIP = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink';

/** The relationship type of a picture. */
export const IMAGE_RELATIONSHIP = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/image';

/** Word keeps at most 255 characters of a link's `w:anchor`. */
const MAX_ANCHOR = 255;

/** State for writing one document. */
export class DocxContext {
  readonly anchors = new Map<string, HeadingAnchor>();
  readonly tocLines: TocLine[];
  readonly links: LinkRelationship[] = [];
  readonly images: BodyImage[] = [];
  readonly lists = new ListNumbering();
  readonly #linkIds = new Map<string, string>();
  /** A digest of the bookmarks and the contents' lines, for `state`. */
  #headings: string | undefined;
  /** A digest of the links so far (each id and address, in order), for `state`. */
  #linksDigest = '';

  constructor(
    model: DocModel,
    readonly theme: Theme,
    readonly page: PageGeometry,
    toc: readonly TocEntry[],
    headingPages: ReadonlyMap<string, number> | undefined,
    readonly cache: WriterCache,
    /** The DOCX font for characters the primary font lacks; none named when absent. */
    readonly fallbackOf: FallbackFontOf | undefined,
  ) {
    // Anchors first, from the whole model, so a link can point at a heading further on.
    for (const section of model.sections) {
      for (const block of eachBlock(section.blocks)) {
        if (block.type !== 'heading') continue;
        this.anchors.set(block.id, { name: `_Toc${this.anchors.size + 1}`, id: this.anchors.size + 1 });
      }
    }
    this.tocLines = toc.map((entry) => ({
      level: entry.level,
      title: entry.title,
      bookmark: this.anchors.get(entry.id)!.name,
      page: headingPages?.get(entry.id),
    }));
  }

  /** The relationship for an external link, one per address. */
  linkId(target: string): string {
    let id = this.#linkIds.get(target);
    if (id === undefined) {
      id = `Link${this.#linkIds.size + 1}`;
      this.#linkIds.set(target, id);
      this.links.push({ id, target });
      this.#linksDigest = sha256Hex(JSON.stringify([this.#linksDigest, id, target]));
    }
    return id;
  }

  /** Adds a picture; its number is its drawing id (`wp:docPr/@id`, unique in the document). */
  addImage(png: Uint8Array, emus: number): { id: string; drawingId: number } {
    const drawingId = this.images.length + 1;
    const id = `Image${drawingId}`;
    this.images.push({ id, png, emus });
    return { id, drawingId };
  }

  /**
   * What the ids a section's XML is given depend on, as JSON: the headings' bookmarks, the
   * contents' lines, the links, pictures and lists before it. A section written in the same
   * state, from the same blocks, is the same XML.
   */
  state(): string {
    // Digests, as a build's body is asked for its state run by run (kept-runs.ts): the bookmarks
    // and the contents' lines are the whole document's, made as it starts; the links are chained
    // as they come (a guide may have a link for each of 2,000 measures).
    this.#headings ??= sha256Hex(JSON.stringify([[...this.anchors], this.tocLines]));
    return JSON.stringify([this.#headings, this.#linksDigest, this.images.length, this.lists.instances.length]);
  }

  /** Where the links, pictures and lists stand now: `addedSince` takes what writing adds after. */
  mark(): ContextMark {
    return { links: this.links.length, images: this.images.length, lists: this.lists.instances.length };
  }

  /** The links, pictures and lists added since `mark`. */
  addedSince(mark: ContextMark): ContextAdditions {
    return {
      links: this.links.slice(mark.links).map((link) => link.target),
      images: this.images.slice(mark.images).map(({ png, emus }) => ({ png, emus })),
      lists: this.lists.instances.slice(mark.lists),
    };
  }

  /** Adds `added` again, in order, as writing the section that added it would. */
  replay(added: ContextAdditions): void {
    for (const target of added.links) this.linkId(target);
    for (const { png, emus } of added.images) this.addImage(png, emus);
    for (const { ordered, start, level } of added.lists) this.lists.open(ordered, start, level);
  }
}

/** How many links, pictures and lists a document had at some point. */
export interface ContextMark {
  links: number;
  images: number;
  lists: number;
}

/** The links (by address), pictures and lists writing a section added to its document. */
export interface ContextAdditions {
  links: readonly string[];
  images: readonly { png: Uint8Array; emus: number }[];
  lists: readonly ListInstance[];
}

type ParagraphBlock = Extract<Block, { type: 'paragraph' }>;
type ListBlock = Extract<Block, { type: 'list' }>;

interface Marks {
  strong: boolean;
  emphasis: boolean;
}

const PLAIN: Marks = { strong: false, emphasis: false };

/** Character formatting for marks: the Strong and Emphasis styles, or Hyperlink inside a link, with the rest as direct formatting as a run has one style. */
function runFormat(marks: Marks, inLink: boolean): RunFormat {
  if (inLink) return { style: StyleId.hyperlink, bold: marks.strong, italics: marks.emphasis };
  if (marks.strong) return { style: StyleId.strong, italics: marks.emphasis };
  if (marks.emphasis) return { style: StyleId.emphasis };
  return {};
}

/** Inline content as runs and hyperlinks. */
function inlineXml(inlines: readonly Inline[], ctx: DocxContext, marks: Marks = PLAIN, inLink = false): XmlNode[] {
  const out: XmlNode[] = [];
  for (const inline of inlines) out.push(...oneInlineXml(inline, ctx, marks, inLink));
  return out;
}

/** One inline (and the inlines in it) as runs and hyperlinks. */
function oneInlineXml(inline: Inline, ctx: DocxContext, marks: Marks, inLink: boolean): XmlNode[] {
  switch (inline.type) {
    case 'text':
      return textRuns(inline.value, runFormat(marks, inLink), ctx.fallbackOf);
    case 'break':
      return [el('w:r', undefined, [el('w:br')])];
    case 'strong':
      return inlineXml(inline.children, ctx, { ...marks, strong: true }, inLink);
    case 'emphasis':
      return inlineXml(inline.children, ctx, { ...marks, emphasis: true }, inLink);
    case 'link':
      return linkXml(inline, ctx, marks, inLink);
  }
}

function linkXml(link: Extract<Inline, { type: 'link' }>, ctx: DocxContext, marks: Marks, inLink: boolean): XmlNode[] {
  const { url } = link;
  const anchor = url.startsWith('#') ? ctx.anchors.get(url.slice(1)) : undefined;
  // A link inside a link is not allowed in WordprocessingML: keep the outer one. A link to a
  // heading that is not in this document (a tailored guide leaves measures out) stays as text.
  if (inLink || (url.startsWith('#') && !anchor)) return inlineXml(link.children, ctx, marks, inLink);
  const linked = inlineXml(link.children, ctx, marks, true);
  if (anchor) return [el('w:hyperlink', { 'w:anchor': anchor.name, 'w:history': 1 }, linked)];
  // As Word writes it: the address without its fragment in the relationship, the fragment in w:anchor.
  const hash = url.indexOf('#');
  const fragment = hash >= 0 ? url.slice(hash + 1) : '';
  const attributes: XmlAttributes =
    fragment !== '' && fragment.length <= MAX_ANCHOR
      ? { 'r:id': `rId${ctx.linkId(url.slice(0, hash))}`, 'w:anchor': fragment, 'w:history': 1 }
      : { 'r:id': `rId${ctx.linkId(url)}`, 'w:history': 1 };
  return [el('w:hyperlink', attributes, linked)];
}

/**
 * Where blocks are being written: the page body or a table cell, the width there in twips, and
 * how far in a table starts (inside a list item, under the item's text).
 */
interface Container {
  kind: 'body' | 'cell';
  width: number;
  indent?: number;
}

/**
 * A page break before a block that is not a paragraph: a paragraph holding the break, in the
 * small table-spacing style, since Word ignores "page break before" inside tables.
 */
function breakParagraph(): XmlNode {
  return paragraphXml({ style: StyleId.tableSpacing }, [el('w:r', undefined, [el('w:br', { 'w:type': 'page' })])]);
}

/** The gap after a table; also the paragraph Word needs between two tables and at the end of a cell. */
function spacingAfterTable(): XmlNode {
  return paragraphXml({ style: StyleId.tableSpacing }, []);
}

/**
 * Section blocks as body XML, one block at a time: the caller keeps each as bytes, never the
 * text, so no body is ever held as one string (see `writeDocx`). Each block is written out as
 * soon as it is converted: the XML objects of a whole body (thousands of measures) are never all
 * alive at once. `after` says whether blocks of the section came before these and wrote anything
 * (a page break then starts a page).
 */
export function* bodyXml(blocks: readonly Block[], ctx: DocxContext, after = false): Generator<string> {
  const container: Container = { kind: 'body', width: ctx.page.textWidth };
  for (const element of converted(blocks, ctx, container, after)) yield xmlText(element);
}

/** Blocks in order. A page break becomes "page break before" on the block after it, so no empty paragraph starts the new page. */
function convertBlocks(blocks: readonly Block[], ctx: DocxContext, container: Container): XmlNode[] {
  return [...converted(blocks, ctx, container)];
}

/**
 * The elements of `blocks`, each as it is made (see `convertBlocks`). Generators and loops rather
 * than callbacks on the writers' paths: see "Code kept optimized" in docs/decisions.md.
 */
function* converted(
  blocks: readonly Block[],
  ctx: DocxContext,
  container: Container,
  /** Whether content of the same container came before these blocks. */
  after = false,
): Generator<XmlNode> {
  let lastContent = blocks.length - 1;
  while (lastContent >= 0 && blocks[lastContent]!.type === 'page-break') lastContent--;
  let taken = after;
  let breakBefore = false;
  for (const [index, block] of blocks.entries()) {
    if (block.type === 'page-break') {
      // A section already starts on a new page, and a break with nothing after it would add an empty page.
      if (container.kind === 'body' && taken && index < lastContent) breakBefore = true;
      continue;
    }
    for (const element of convertBlock(block, ctx, container, breakBefore)) {
      yield element;
      taken = true;
    }
    breakBefore = false;
  }
}

function convertBlock(
  block: Exclude<Block, { type: 'page-break' }>,
  ctx: DocxContext,
  container: Container,
  breakBefore: boolean,
): XmlNode[] {
  switch (block.type) {
    case 'heading': {
      const anchor = ctx.anchors.get(block.id)!;
      const style = block.toc ? StyleId.heading[block.level] : StyleId.unlistedHeading[block.level];
      return [
        paragraphXml({ style, pageBreakBefore: breakBefore }, [
          el('w:bookmarkStart', { 'w:id': anchor.id, 'w:name': anchor.name }),
          ...inlineXml(block.children, ctx),
          el('w:bookmarkEnd', { 'w:id': anchor.id }),
        ]),
      ];
    }
    case 'paragraph':
      return [
        paragraphXml(
          { style: paragraphStyleOf(block.role, container), pageBreakBefore: breakBefore },
          inlineXml(block.children, ctx),
        ),
      ];
    case 'list':
      return listXml(block, 0, ctx, container, breakBefore, true);
    case 'table':
      return [...(breakBefore ? [breakParagraph()] : []), tableXml(block, ctx, container), spacingAfterTable()];
    case 'toc':
      // A contents list inside a table cell would be a second TOC field in a cell: not something a guide needs.
      return container.kind === 'body' ? [tableOfContents(block.title, ctx.tocLines, ctx, breakBefore)] : [];
    case 'qr':
      return [
        ...(breakBefore ? [breakParagraph()] : []),
        qrXml(block.url, block.label, ctx, container),
        spacingAfterTable(),
      ];
    case 'thematic-break':
      return [paragraphXml({ style: StyleId.rule, pageBreakBefore: breakBefore }, [])];
  }
}

function paragraphStyleOf(role: ParagraphBlock['role'], container: Container): string {
  if (container.kind === 'cell' && (role === 'body' || role === 'lead')) return StyleId.tableText;
  return roleStyle[role];
}

/**
 * A list as numbered paragraphs. The first paragraph of each item carries the number; the
 * item's other paragraphs line up with its text; a nested list is one level deeper with a
 * numbering instance of its own. The last paragraph of a top-level list takes the space
 * after of the paragraphs around it, as the items are set closer together.
 */
function listXml(
  list: ListBlock,
  depth: number,
  ctx: DocxContext,
  container: Container,
  breakBefore: boolean,
  endsOutermost: boolean,
): XmlNode[] {
  const numbering = ctx.lists.open(list.ordered, list.start, depth);
  const look: ItemLook = {
    style: container.kind === 'cell' ? StyleId.tableList : StyleId.listParagraph,
    numbering,
    textIndent: twips(ctx.theme.list.indent) * (numbering.level + 1),
    closingSpace: twips(container.kind === 'cell' ? ctx.theme.table.cellPadding : ctx.theme.paragraph.body.spaceAfter),
  };
  const { textIndent } = look;
  const out: XmlNode[] = [];

  for (const [itemIndex, item] of list.items.entries()) {
    const lastItem = endsOutermost && itemIndex === list.items.length - 1;
    let numbered = false;
    for (const [childIndex, child] of item.children.entries()) {
      const last = lastItem && childIndex === item.children.length - 1;
      if (child.type === 'paragraph') {
        const content = inlineXml(child.children, ctx);
        out.push(itemParagraphXml(look, content, numbered, last, breakBefore && out.length === 0));
        numbered = true;
        continue;
      }
      // An item that opens with something other than a paragraph still shows its number.
      if (!numbered) out.push(itemParagraphXml(look, [], false, false, breakBefore && out.length === 0));
      numbered = true;
      if (child.type === 'list') out.push(...listXml(child, depth + 1, ctx, container, false, last));
      else if (child.type !== 'page-break')
        out.push(
          ...convertBlock(child, ctx, { ...container, width: container.width - textIndent, indent: textIndent }, false),
        );
    }
    if (!numbered) out.push(itemParagraphXml(look, [], false, lastItem, breakBefore && out.length === 0));
  }
  return out;
}

/** How a list's paragraphs look, the same for all its items. */
interface ItemLook {
  style: string;
  numbering: NonNullable<ParagraphProps['numbering']>;
  /** Where the item's text starts, in twips: a paragraph after the numbered one starts there. */
  textIndent: number;
  /** The space after the last paragraph of the outermost list, in twips. */
  closingSpace: number;
}

/** A paragraph of a list item: the item's first shows its number, the rest line up with its text. */
function itemParagraphXml(
  look: ItemLook,
  content: XmlNode[],
  numberShown: boolean,
  last: boolean,
  pageBreakBefore: boolean,
): XmlNode {
  const props: ParagraphProps = {
    style: look.style,
    pageBreakBefore,
    ...(numberShown ? { indentLeft: look.textIndent } : { numbering: look.numbering }),
    ...(last ? { spacing: { after: look.closingSpace } } : {}),
  };
  return paragraphXml(props, content);
}

/** Relative widths → twips summing exactly to `total`, rounding the running sum so no column drifts. */
function columnTwips(columns: readonly number[], count: number, total: number): number[] {
  const relative =
    columns.length === count && columns.every((c) => c > 0) ? columns : Array.from({ length: count }, () => 1);
  const sum = relative.reduce((a, b) => a + b, 0);
  let before = 0;
  let running = 0;
  return relative.map((width) => {
    running += width;
    const edge = Math.round((running / sum) * total);
    const wide = edge - before;
    before = edge;
    return wide;
  });
}

/** The table properties every table has: style, width, indent, fixed layout. */
function tablePropertiesXml(style: string, container: Container, look: XmlNode[]): XmlNode {
  return el('w:tblPr', undefined, [
    val('w:tblStyle', style),
    el('w:tblW', { 'w:w': container.width, 'w:type': 'dxa' }),
    ...(container.indent ? [el('w:tblInd', { 'w:w': container.indent, 'w:type': 'dxa' })] : []),
    el('w:tblLayout', { 'w:type': 'fixed' }),
    ...look,
  ]);
}

/** tblLook: which conditional formats of the table style apply, as attributes (Word 2010+) and as the older hex mask (Word 2007). */
function tableLook(firstRow: boolean, firstColumn: boolean): XmlNode {
  const mask = (firstRow ? 0x20 : 0) | (firstColumn ? 0x80 : 0) | 0x200 | 0x400;
  return el('w:tblLook', {
    'w:val': mask.toString(16).padStart(4, '0'),
    'w:firstRow': firstRow ? 1 : 0,
    'w:lastRow': 0,
    'w:firstColumn': firstColumn ? 1 : 0,
    'w:lastColumn': 0,
    'w:noHBand': 1,
    'w:noVBand': 1,
  });
}

function cellXml(width: number, content: readonly XmlNode[], extra: readonly XmlNode[] = []): XmlNode {
  return el('w:tc', undefined, [
    el('w:tcPr', undefined, [el('w:tcW', { 'w:w': width, 'w:type': 'dxa' }), ...extra]),
    ...content,
  ]);
}

/**
 * Card tables (label column shaded by the table style) and grid tables (header rows marked to
 * repeat on every page). Fixed layout with widths from `columns`; header rows and short rows never
 * split across pages (see `rowXml`).
 */
function tableXml(table: ModelTable, ctx: DocxContext, container: Container): XmlNode {
  const widths = columnTwips(table.columns, columnCount(table), container.width);
  const card = table.variant === 'card';
  const grid: XmlNode[] = [];
  for (const width of widths) grid.push(el('w:gridCol', { 'w:w': width }));
  const children = [
    tablePropertiesXml(card ? StyleId.cardTable : StyleId.gridTable, container, [tableLook(!card, card)]),
    el('w:tblGrid', undefined, grid),
  ];
  for (const [i, row] of table.header.entries()) children.push(rowXml(row, i, widths, ctx));
  for (const row of table.rows) children.push(rowXml(row, undefined, widths, ctx));
  return el('w:tbl', undefined, children);
}

/** A table row; `headerIndex` counts the header rows, undefined for a body row. */
function rowXml(row: ModelRow, headerIndex: number | undefined, widths: readonly number[], ctx: DocxContext): XmlNode {
  const padding = twips(ctx.theme.table.cellPadding) * 2;
  // The table style shades the first row only; later header rows get the same fill directly.
  const shading =
    headerIndex !== undefined && headerIndex > 0
      ? [el('w:shd', { 'w:val': 'clear', 'w:color': 'auto', 'w:fill': hexColor(ctx.theme.colors.tableHeaderFill) })]
      : [];
  const cells: XmlNode[] = [];
  for (const [i, width] of widths.entries()) {
    const blocks = row.cells[i]?.children ?? [];
    const content = convertBlocks(blocks, ctx, { kind: 'cell', width: width - padding });
    // Word needs a paragraph in every cell, and a cell's last element to be one (tables are followed by one already).
    const body = content.length > 0 ? content : [paragraphXml({ style: StyleId.tableText }, [])];
    cells.push(cellXml(width, body, shading));
  }
  // A long row may run onto the next page (a row kept whole leaves a gap as tall as itself
  // at the page bottom); header rows and rows of a few lines stay whole, as in the PDF.
  const keepWhole = headerIndex !== undefined || rowLines(row, widths, padding, ctx.theme) <= SHORT_ROW_LINES;
  const rowProperties = el('w:trPr', undefined, [
    ...(keepWhole ? [el('w:cantSplit')] : []),
    ...(headerIndex !== undefined ? [el('w:tblHeader')] : []),
  ]);
  return el('w:tr', undefined, [rowProperties, ...cells]);
}

/** Rows of at most this many lines are never split across pages: two lines either side is the least a split may leave. */
const SHORT_ROW_LINES = 3;

/**
 * About how many lines a row's tallest cell takes: each block's text at the table's font size
 * over the cell's width, a line at least. Word does the real layout; this only tells a row of a
 * few lines from one that may split.
 */
function rowLines(row: ModelRow, widths: readonly number[], padding: number, theme: Theme): number {
  let most = 0;
  for (const [i, cell] of row.cells.entries()) {
    const width = Math.max(1, ((widths[i] ?? padding) - padding) / 20);
    let lines = 0;
    for (const block of eachBlock(cell.children)) {
      const text = blockText(block);
      if (text !== '') lines += Math.max(1, Math.ceil((text.length * theme.table.fontSize) / width));
    }
    most = Math.max(most, lines);
  }
  return most;
}

/** EMUs per point: DrawingML sizes are in English Metric Units, 914,400 to the inch. */
const EMUS_PER_POINT = 12700;

/** An inline picture, as Word writes one, linked to the image relationship `id`. */
function drawingRun(id: string, drawingId: number, emus: number, description: string, title: string): XmlNode {
  const a = 'http://schemas.openxmlformats.org/drawingml/2006/main';
  const pic = 'http://schemas.openxmlformats.org/drawingml/2006/picture';
  const extent = { cx: emus, cy: emus };
  const picture = el('pic:pic', { 'xmlns:pic': pic }, [
    el('pic:nvPicPr', undefined, [el('pic:cNvPr', { id: 0, name: `qr${drawingId}.png` }), el('pic:cNvPicPr')]),
    el('pic:blipFill', undefined, [
      el('a:blip', { 'r:embed': `rId${id}` }),
      el('a:stretch', undefined, [el('a:fillRect')]),
    ]),
    el('pic:spPr', undefined, [
      el('a:xfrm', undefined, [el('a:off', { x: 0, y: 0 }), el('a:ext', extent)]),
      el('a:prstGeom', { prst: 'rect' }, [el('a:avLst')]),
    ]),
  ]);
  const inline = el('wp:inline', { distT: 0, distB: 0, distL: 0, distR: 0 }, [
    el('wp:extent', extent),
    el('wp:effectExtent', { l: 0, t: 0, r: 0, b: 0 }),
    el('wp:docPr', { id: drawingId, name: `QR ${drawingId}`, descr: description, title }),
    el('wp:cNvGraphicFramePr', undefined, [el('a:graphicFrameLocks', { 'xmlns:a': a, noChangeAspect: 1 })]),
    el('a:graphic', { 'xmlns:a': a }, [el('a:graphicData', { uri: pic }, [picture])]),
  ]);
  return el('w:r', undefined, [el('w:drawing', undefined, [inline])]);
}

/** A QR code with its label beside it and the address in small print, in a borderless two-column table. */
function qrXml(url: string, label: readonly Inline[], ctx: DocxContext, container: Container): XmlNode {
  const size = ctx.theme.qr.size;
  const emus = Math.round(size * EMUS_PER_POINT);
  const { id, drawingId } = ctx.addImage(renderQrPng(url, ctx.cache), emus);
  const imageWidth = twips(size) + twips(ctx.theme.table.cellPadding) * 2;
  const textWidth = container.width - imageWidth;
  // Single line spacing, so the paragraph is as tall as the picture and no taller.
  const image = paragraphXml(
    { style: StyleId.normal, spacing: { before: 0, after: 0, line: 240, lineRule: 'auto' }, align: 'left' },
    [drawingRun(id, drawingId, emus, url, plainText(label))],
  );
  const labelParagraphs = [
    paragraphXml({ style: StyleId.normal, spacing: { after: 0 }, align: 'left' }, inlineXml(label, ctx)),
    paragraphXml(
      { style: StyleId.qrUrl },
      inlineXml([{ type: 'link', url, children: [{ type: 'text', value: url }] }], ctx),
    ),
  ];
  return el('w:tbl', undefined, [
    tablePropertiesXml(StyleId.qrTable, container, []),
    el('w:tblGrid', undefined, [el('w:gridCol', { 'w:w': imageWidth }), el('w:gridCol', { 'w:w': textWidth })]),
    el('w:tr', undefined, [
      el('w:trPr', undefined, [el('w:cantSplit')]),
      cellXml(imageWidth, [image]),
      cellXml(textWidth, labelParagraphs, [val('w:vAlign', 'center')]),
    ]),
  ]);
}
