/**
 * Markdown → DocModel: the reader between the templates and the writers.
 *
 * Input is CommonMark with GFM tables and generic directives (`:name`, `::name`, `:::name`),
 * the syntax of micromark-extension-directive (parsed in model/parse-markdown.ts). Directives add
 * what Markdown lacks:
 *
 *   ::::cover … ::::            The cover section (no running header or footer). Only at the top
 *                               level; everything outside it is the body section.
 *   :::title … :::              Paragraph roles: every paragraph inside (list items included) is
 *   :::subtitle … :::           set in that role: cover title, subtitle, cover lines (edition,
 *   :::cover-meta … :::         publisher, date), lead (chapter intro, measure summary), note
 *   :::lead … :::               (small print), a letter's paragraphs (first line indented) and its
 *   :::letter … :::             signature and date (flush right). Other blocks inside keep their
 *   :::signature … :::          own form.
 *   :::note … :::
 *   ::pagebreak                 Next block on a new page. Breaks at the start or end of a
 *                               section, or right after another break, are dropped: they would
 *                               only make blank pages.
 *   ::toc{title="目錄"}         Where the table of contents goes (title defaults to 目錄).
 *   ::qr[label]{url="https://…"}
 *                               A QR code for an http(s) URL, set beside the label (inline
 *                               Markdown); allowed anywhere a block is, e.g. in a list in a card.
 *   ::::card{columns="1,4"}     A service card: a two-column table, label column and content
 *   :::row[實施機關]            column, no header row. Each :::row is one table row: its label
 *   國家稅務總局山東省稅務局     (inline Markdown, required) is the first cell, its content (any
 *   :::                         blocks: paragraphs, lists, QR codes) the second. Rows' content
 *   ::::                        needs no indentation. `columns` gives relative widths (default 1,4).
 *   ::::grid{columns="1,3"}     A grid table made of :::row blocks like a card, for cells that
 *   :::row[困難訴求]            hold lists; the first row is the header row (repeated on every
 *   措施                        page). A ::::grid may instead hold a single GFM table, to set
 *   :::                         its column widths.
 *   ::::
 *
 * A container holding other containers needs more colons than they have (::::card around
 * :::row). A GFM table (`| a | b |` with a `| --- |` line) is a grid table: first row = header;
 * its column widths follow the length of its contents unless it sits in a ::::grid{columns}.
 *
 * Headings: `#` chapter, `##` measure or appendix, `###` sub-heading; `####` and deeper are
 * errors. `{#id}` at the end of a heading sets its id (`## 1.3 標題 {#tax-small-scale-vat}`);
 * a heading without one gets `<last explicit id>-<n>`. Levels 1–2 are listed in the table of
 * contents and the PDF outline, level 3 is not. Ids are unique; a link `[text](#id)` must name
 * one. External links must be http(s).
 *
 * A soft line break joins CJK text without a space and Latin words with one (model/cjk.ts).
 *
 * Everything else is an error diagnostic (E-TEMPLATE-DIRECTIVE), never silently dropped: an
 * unknown directive or attribute, a directive out of place, raw HTML, what the DocModel cannot
 * hold (code blocks, block quotes, images, headings below level 3), duplicate heading ids, and
 * links that are neither http(s) nor the #id of a heading.
 * One exception: `:word` with nothing after it, as in "Note:this", is what the directive syntax
 * makes of a colon before a Latin letter in prose; it is read back as the text it was.
 * Ranges in these diagnostics are offsets into the Markdown text; the message names the heading
 * it is under, which leads to the measure.
 */

import { diagnostic } from '../diagnostics/diagnostic.js';
import type { Diagnostic, Range } from '../diagnostics/diagnostic.js';
import { markdownMessages as say } from '../messages/render.js';
import { checkAnchors, type Anchor, type InternalLink } from './anchors.js';
import { isCjk, softBreak } from './cjk.js';
import { normaliseSections } from './transforms/normalise.js';
import {
  parseMarkdown,
  type MdContainerDirective as ContainerDirective,
  type MdInline,
  type MdLeafDirective as LeafDirective,
  type MdNode as Node,
  type MdParagraph,
  type MdTable,
} from './parse-markdown.js';
import type {
  Block,
  DocMeta,
  DocModel,
  Inline,
  ParagraphRole,
  Section,
  Table,
  TableCell,
  TableRow,
} from './doc-model.js';
import { plainText } from './visit.js';

/** Options for {@link readMarkdown} and {@link readFragment}. */
export interface ReadOptions {
  /** Name for the Markdown in diagnostics (e.g. the template it was rendered from); absent if none. */
  file?: string;
  /**
   * Whether `::slot{n="…"}` lines stand for fragments rendered and read on their own (a
   * measure section, a chapter): the pipeline renders a guide's skeleton with slots.
   */
  slots?: boolean;
}

/** The document, and every problem found on the way (none means the document is complete). */
export interface ReadResult {
  model: DocModel;
  diagnostics: Diagnostic[];
}

/** Where a fragment goes: before the block at index `at` of its section. */
export interface Slot {
  at: number;
  /** The number the template layer gave the fragment when it left the slot. */
  n: number;
}

/** A section of a fragment as read: blocks, and the slots between them. */
export interface FragmentSection extends Section {
  slots: Slot[];
}

/**
 * Part of a guide read on its own: its sections (page breaks kept as written: only the whole
 * document knows which are idle), the heading ids it declares and the `#id` links it makes,
 * which the whole document checks (model/anchors.ts).
 */
export interface FragmentRead {
  file?: string;
  sections: FragmentSection[];
  anchors: Anchor[];
  links: InternalLink[];
  diagnostics: Diagnostic[];
}

/** Reads guide Markdown (the templates' output) into the DocModel. Pure. */
export function readMarkdown(markdown: string, meta: DocMeta, options: ReadOptions = {}): ReadResult {
  const read = readFragment(markdown, options);
  return {
    model: { meta, sections: normaliseSections(read.sections) },
    diagnostics: [...read.diagnostics, ...checkAnchors([read])],
  };
}

/** Reads part of a guide: a skeleton with slots, or a fragment that fills one. Pure. */
export function readFragment(markdown: string, options: ReadOptions = {}): FragmentRead {
  return new Reader(markdown, options).read();
}

const roles: readonly ParagraphRole[] = ['title', 'subtitle', 'cover-meta', 'lead', 'note', 'letter', 'signature'];
const containerNames = ['cover', 'card', 'grid', 'row', ...roles];
const leafNames = ['pagebreak', 'toc', 'qr'];
const defaultColumns = { card: [1, 4], grid: [1, 3] } as const;
const headingIdPattern = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;

interface Context {
  /** Directly in a section (not in a list, table or card): where headings and breaks may go. */
  top: boolean;
  cover: boolean;
  role: ParagraphRole;
  /** Lists this block is inside. */
  lists?: number;
}

/**
 * Deeper than any guide nests its lists; past it each level's indent would leave the text no
 * width on an A4 page.
 */
const maxListDepth = 6;

/**
 * The most bytes a QR code holds at the error correction level the writers use (M): the largest
 * symbol, version 40. A longer address cannot be made into a code at all.
 */
const maxQrBytes = 2331;

/**
 * The first line that opens more than `max` list items in a row ("- - - - x", "1. - 1. x"), as the
 * range of its markers; a thematic break ("- - - -") is not one. A plain scan: it must stay linear.
 */
function stackedListMarkers(text: string, max: number): Range | undefined {
  let lineStart = 0;
  while (lineStart < text.length) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline === -1 ? text.length : newline;
    let at = lineStart;
    let markers = 0;
    for (;;) {
      while (at < lineEnd && (text[at] === ' ' || text[at] === '\t' || text[at] === '>')) at++;
      let markerEnd = at;
      if (text[at] === '-' || text[at] === '+' || text[at] === '*') markerEnd = at + 1;
      else {
        while (markerEnd < lineEnd && markerEnd - at < 9 && text[markerEnd]! >= '0' && text[markerEnd]! <= '9')
          markerEnd++;
        markerEnd = markerEnd > at && (text[markerEnd] === '.' || text[markerEnd] === ')') ? markerEnd + 1 : at;
      }
      if (markerEnd === at || (markerEnd < lineEnd && text[markerEnd] !== ' ' && text[markerEnd] !== '\t')) break;
      markers++;
      at = markerEnd;
    }
    const line = text.slice(lineStart, lineEnd);
    if (markers > max && !/^[ \t>]*([-*_])(?:[ \t]*\1)*[ \t]*$/.test(line)) return [lineStart, at];
    lineStart = lineEnd + 1;
  }
  return undefined;
}

class Reader {
  private readonly diagnostics: Diagnostic[] = [];
  private readonly ids = new Map<string, Range | undefined>();
  private readonly internalLinks: InternalLink[] = [];
  private readonly file: string | undefined;
  private readonly slotsAllowed: boolean;
  // Text of the last heading read: diagnostics say what they are under, which leads to the measure.
  private lastHeading: string | undefined;
  private lastExplicitId: string | undefined;

  constructor(
    private readonly text: string,
    options: ReadOptions,
  ) {
    this.file = options.file;
    this.slotsAllowed = options.slots === true;
  }

  read(): FragmentRead {
    const stacked = stackedListMarkers(this.text, maxListDepth);
    if (stacked !== undefined) {
      // Each marker on one line nests a list that the parser rescans to the line's end: thousands
      // of them take it minutes, so the fragment is refused before it is parsed.
      this.report(
        stacked,
        say.cannotBePart({ what: say.deepList({ max: maxListDepth }) }),
        undefined,
        say.deepListHint(),
      );
      return {
        ...(this.file !== undefined ? { file: this.file } : {}),
        sections: [],
        anchors: [],
        links: [],
        diagnostics: this.diagnostics,
      };
    }
    const sections: FragmentSection[] = [];
    let body: FragmentSection | undefined;
    for (const node of parseMarkdown(this.text)) {
      if (node.type === 'containerDirective' && node.name === 'cover') {
        this.expect(node, { attributes: [], label: 'none' });
        sections.push({
          kind: 'cover',
          blocks: this.blocks(node.children, { top: true, cover: true, role: 'body' }),
          slots: [],
        });
        body = undefined;
        continue;
      }
      if (body === undefined) {
        body = { kind: 'body', blocks: [], slots: [] };
        sections.push(body);
      }
      const slot = this.slotNumber(node);
      if (slot !== undefined) body.slots.push({ at: body.blocks.length, n: slot });
      else body.blocks.push(...this.block(node, { top: true, cover: false, role: 'body' }));
    }
    const anchors = [...this.ids].map(([id, range]) => ({ id, ...(range ? { range } : {}) }));
    return {
      ...(this.file !== undefined ? { file: this.file } : {}),
      sections,
      anchors,
      links: this.internalLinks,
      diagnostics: this.diagnostics,
    };
  }

  // A slot line in the body, between blocks: `::slot{n="3"}`. Anywhere else it is an error (leaf()).
  private slotNumber(node: Node): number | undefined {
    if (!this.slotsAllowed || node.type !== 'leafDirective' || node.name !== 'slot') return undefined;
    const n = node.attributes?.['n'];
    return n != null && /^\d+$/.test(n) ? Number(n) : undefined;
  }

  private blocks(nodes: readonly Node[], context: Context): Block[] {
    return nodes.flatMap((node) => this.block(node, context));
  }

  private block(node: Node, context: Context): Block[] {
    switch (node.type) {
      case 'paragraph': {
        const children = this.inlines(node.children);
        return children.length > 0 ? [{ type: 'paragraph', role: context.role, children }] : [];
      }
      case 'heading':
        return this.headingBlock(node, context);
      case 'list': {
        const lists = (context.lists ?? 0) + 1;
        if (lists > maxListDepth) {
          this.unsupported(node, say.deepList({ max: maxListDepth }), say.deepListHint());
          return [];
        }
        return [
          {
            type: 'list',
            ordered: node.ordered === true,
            start: node.start ?? 1,
            items: node.items.map((item) => ({
              children: this.blocks(item, { ...context, top: false, lists }),
            })),
          },
        ];
      }
      case 'table':
        return [this.gfmTable(node, undefined)];
      case 'thematicBreak':
        return [{ type: 'thematic-break' }];
      case 'containerDirective':
        return this.container(node, context);
      case 'leafDirective':
        return this.leaf(node, context);
      case 'definition':
        return [];
      case 'html':
        this.reportHtml(node);
        return [];
      case 'code':
        this.unsupported(node, say.codeBlock(), say.codeBlockHint());
        return [];
      case 'blockquote':
        this.unsupported(node, say.blockQuote(), say.blockQuoteHint());
        return [];
      default:
        this.unsupported(node, say.markdownNode({ type: node.type }), undefined);
        return [];
    }
  }

  private headingBlock(node: Extract<Node, { type: 'heading' }>, context: Context): Block[] {
    const children = this.inlines(node.children);
    if (!context.top) {
      this.report(rangeOf(node), say.headingNotTop(), this.lastHeading, say.headingNotTopHint());
      return children.length > 0 ? [{ type: 'paragraph', role: context.role, children }] : [];
    }
    let level: 1 | 2 | 3;
    if (node.depth <= 3) level = node.depth as 1 | 2 | 3;
    else {
      this.report(
        rangeOf(node),
        say.deepHeading({ depth: node.depth, hashes: '#'.repeat(node.depth) }),
        this.lastHeading,
        say.deepHeadingHint(),
      );
      level = 3;
    }
    const id = this.headingId(node, children);
    this.lastHeading = plainText(children);
    return [{ type: 'heading', level, id, children, toc: level <= 2 }];
  }

  // Takes a trailing `{#id}` off the heading's text, or makes an id; records it as taken.
  private headingId(node: Extract<Node, { type: 'heading' }>, children: Inline[]): string {
    const last = children.at(-1);
    const written = last?.type === 'text' ? /\s*\{#([^{}]*)\}$/.exec(last.value) : null;
    // Only a literal `{#…}` counts: an escaped `\{#…}` in the source is text.
    const source = this.source(node)
      .replace(/\s+#+\s*$/, '')
      .trimEnd();
    let id: string | undefined;
    if (written && last?.type === 'text' && /(^|[^\\])\{#[^{}]*\}$/.test(source)) {
      last.value = last.value.slice(0, written.index);
      if (last.value === '') children.pop();
      if (headingIdPattern.test(written[1]!)) {
        id = written[1]!;
        this.lastExplicitId = id;
      } else {
        this.report(rangeOf(node), say.badHeadingId({ id: written[1]! }), this.lastHeading, say.badHeadingIdHint());
      }
    }
    if (id === undefined) {
      const base = this.lastExplicitId ?? 'section';
      let n = 1;
      while (this.ids.has(`${base}-${n}`)) n++;
      id = `${base}-${n}`;
    } else if (this.ids.has(id)) {
      const first = this.ids.get(id);
      this.diagnostics.push({
        ...this.diagnostic(rangeOf(node), say.duplicateId({ id }), this.lastHeading, say.uniqueId()),
        ...(this.file !== undefined
          ? {
              related: [{ file: this.file, ...(first ? { range: first } : {}), message: say.firstHeading() }],
            }
          : {}),
      });
      return id;
    }
    this.ids.set(id, rangeOf(node));
    return id;
  }

  private container(node: ContainerDirective, context: Context): Block[] {
    const content = node.children;
    switch (node.name) {
      case 'card':
      case 'grid':
        return this.tableBlock(node, node.name, content, node.label);
      case 'cover':
        this.report(rangeOf(node), say.coverNotTop(), this.lastHeading, say.coverNotTopHint());
        return this.blocks(content, context);
      case 'row':
        this.report(rangeOf(node), say.rowOutside(), this.lastHeading, say.rowOutsideHint());
        return this.blocks(withLabel(node), { ...context, top: false });
      default:
        if ((roles as readonly string[]).includes(node.name)) {
          this.expect(node, { attributes: [], label: 'none' });
          return this.blocks(content, { ...context, role: node.name as ParagraphRole });
        }
        this.unknownDirective(
          node,
          `:::${node.name}`,
          containerNames.map((name) => `:::${name}`),
        );
        return this.blocks(withLabel(node), context);
    }
  }

  private leaf(node: LeafDirective, context: Context): Block[] {
    switch (node.name) {
      case 'pagebreak':
        this.expect(node, { attributes: [], label: 'none' });
        if (!this.placedAtTop(node, context, '::pagebreak')) return [];
        return [{ type: 'page-break' }];
      case 'toc': {
        this.expect(node, { attributes: ['title'], label: 'none' });
        if (!this.placedAtTop(node, context, '::toc')) return [];
        return [{ type: 'toc', title: node.attributes?.['title'] ?? '目錄' }];
      }
      case 'qr': {
        this.expect(node, { attributes: ['url'], label: 'optional' });
        const url = node.attributes?.['url'];
        if (url == null || !isWebUrl(url)) {
          this.report(
            rangeOf(node),
            url == null ? say.qrNoUrl() : say.qrBadUrl({ url }),
            this.lastHeading,
            say.qrHint(),
          );
          return [];
        }
        const bytes = Buffer.byteLength(url, 'utf8');
        if (bytes > maxQrBytes) {
          this.report(rangeOf(node), say.qrTooLong({ bytes, max: maxQrBytes }), this.lastHeading, say.qrTooLongHint());
          return [];
        }
        return [{ type: 'qr', url, label: this.inlines(node.children) }];
      }
      case 'slot':
        if (this.slotsAllowed) {
          this.report(rangeOf(node), say.sectionInside(), this.lastHeading, say.sectionInsideHint());
          return [];
        }
        this.unknownDirective(
          node,
          `::${node.name}`,
          leafNames.map((name) => `::${name}`),
        );
        return [];
      default:
        this.unknownDirective(
          node,
          `::${node.name}`,
          leafNames.map((name) => `::${name}`),
        );
        return [];
    }
  }

  // Breaks and the table of contents are page layout: they make no sense in a list or a cell.
  private placedAtTop(node: LeafDirective, context: Context, what: string): boolean {
    if (context.top && !context.cover) return true;
    this.report(
      rangeOf(node),
      (context.cover ? say.notOnCover : say.notInside)({ what }),
      this.lastHeading,
      say.ownLine({ what }),
    );
    return false;
  }

  private tableBlock(
    node: ContainerDirective,
    variant: 'card' | 'grid',
    content: Node[],
    label: MdParagraph | undefined,
  ): Block[] {
    this.expect(node, { attributes: ['columns'], label: 'none' }, label);
    const gfm = variant === 'grid' && content.length === 1 && content[0]!.type === 'table' ? content[0] : undefined;
    if (gfm !== undefined) {
      const width = gfm.rows[0]?.length ?? 0;
      return [this.gfmTable(gfm, this.columns(node, width))];
    }
    const rows: TableRow[] = [];
    for (const child of content) {
      if (child.type === 'containerDirective' && child.name === 'row') rows.push(this.row(child));
      else {
        this.report(rangeOf(child), say.onlyRows({ variant }), this.lastHeading, say.onlyRowsHint({ variant }));
      }
    }
    if (rows.length === 0) {
      this.report(rangeOf(node), say.noRows({ variant }), this.lastHeading, say.noRowsHint());
      return [];
    }
    const columns = this.columns(node, 2) ?? normalize(defaultColumns[variant]);
    const table: Table =
      variant === 'card'
        ? { type: 'table', variant, columns, header: [], rows }
        : { type: 'table', variant, columns, header: rows.slice(0, 1), rows: rows.slice(1) };
    return [table];
  }

  private row(node: ContainerDirective): TableRow {
    const { label, children: content } = node;
    this.expect(node, { attributes: [], label: 'required' }, label);
    const labelCell: TableCell = { children: [] };
    const inlines = label ? this.inlines(label.children) : [];
    if (inlines.length > 0) labelCell.children.push({ type: 'paragraph', role: 'body', children: inlines });
    return { cells: [labelCell, { children: this.blocks(content, { top: false, cover: false, role: 'body' }) }] };
  }

  private gfmTable(node: MdTable, columns: number[] | undefined): Table {
    const width = node.rows[0]?.length ?? 0;
    const rows: TableRow[] = node.rows.map((row) => {
      const cells: TableCell[] = row.slice(0, width).map((cell) => {
        const children = this.inlines(cell);
        return { children: children.length > 0 ? [{ type: 'paragraph', role: 'body', children }] : [] };
      });
      // GFM lets a row have fewer cells than the header; the model's rows are all full width.
      while (cells.length < width) cells.push({ children: [] });
      return { cells };
    });
    return {
      type: 'table',
      variant: 'grid',
      columns: columns ?? contentWidths(rows, width),
      ...(columns ? {} : { columnsFromContent: true }),
      header: rows.slice(0, 1),
      rows: rows.slice(1),
    };
  }

  // `columns="1,4"`: relative widths, one per column. Absent, or wrong (reported): undefined,
  // and the caller's default applies.
  private columns(node: ContainerDirective, count: number): number[] | undefined {
    const written = node.attributes?.['columns'];
    if (written == null) return undefined;
    const widths = written
      .split(/[\s,:]+/)
      .filter(Boolean)
      .map(Number);
    if (widths.length === count && widths.every((value) => Number.isFinite(value) && value > 0)) {
      return normalize(widths);
    }
    this.report(
      rangeOf(node),
      say.badColumns({ written, count }),
      this.lastHeading,
      say.badColumnsHint({ example: Array.from({ length: count }, (_, i) => i + 1).join(',') }),
    );
    return undefined;
  }

  private inlines(nodes: readonly Node[]): Inline[] {
    const inlines = nodes.flatMap((node) => this.inline(node));
    resolveSoftBreaks(inlines);
    return mergeText(inlines);
  }

  private inline(node: Node): Inline[] {
    switch (node.type) {
      case 'text':
        return [{ type: 'text', value: node.value }];
      case 'emphasis':
      case 'strong':
        return [{ type: node.type, children: node.children.flatMap((child) => this.inline(child)) }];
      case 'inlineCode':
        // The model has no code font; `code` is its text.
        return [{ type: 'text', value: node.value }];
      case 'break':
        return [{ type: 'break' }];
      case 'link':
        return this.link(node, node.url, node.children);
      case 'textDirective':
        return this.textDirective(node);
      case 'html':
        this.reportHtml(node);
        return [];
      case 'image':
        this.unsupported(node, say.image(), say.imageHint());
        return [];
      default:
        this.unsupported(node, say.markdownNode({ type: node.type }), undefined);
        return [];
    }
  }

  private link(node: Node, url: string, children: readonly Node[]): Inline[] {
    const content = children.flatMap((child) => this.inline(child));
    if (isWebUrl(url)) return [{ type: 'link', url, children: content }];
    const internal = /^#(.+)$/.exec(url);
    if (internal) {
      const range = rangeOf(node);
      this.internalLinks.push({
        id: internal[1]!,
        ...(range ? { range } : {}),
        ...(this.lastHeading !== undefined ? { near: this.lastHeading } : {}),
      });
      return [{ type: 'link', url, children: content }];
    }
    this.report(rangeOf(node), say.badLink({ url }), this.lastHeading, say.badLinkHint());
    return content;
  }

  private textDirective(node: Extract<MdInline, { type: 'textDirective' }>): Inline[] {
    const source = this.source(node);
    if (node.children.length === 0 && source === `:${node.name}`) return [{ type: 'text', value: source }];
    this.unknownDirective(node, `:${node.name}`, []);
    return node.children.flatMap((child) => this.inline(child));
  }

  private unknownDirective(node: Node, written: string, known: string[]): void {
    this.report(
      rangeOf(node),
      say.unknownDirective({ written }),
      this.lastHeading,
      known.length > 0 ? say.knownDirectives({ known: known.join(', ') }) : say.noInlineDirectives(),
    );
  }

  // Checks a directive's attributes and label against what it takes.
  private expect(
    node: ContainerDirective | LeafDirective,
    takes: { attributes: string[]; label: 'none' | 'optional' | 'required' },
    label: MdParagraph | undefined = node.type === 'containerDirective' ? node.label : undefined,
  ): void {
    const colons = node.type === 'containerDirective' ? ':::' : '::';
    for (const name of Object.keys(node.attributes ?? {})) {
      if (takes.attributes.includes(name)) continue;
      this.report(
        rangeOf(node),
        say.noAttribute({ directive: `${colons}${node.name}`, name }),
        this.lastHeading,
        takes.attributes.length > 0
          ? say.takesAttributes({ attributes: takes.attributes.map((known) => `${known}="…"`).join(', ') })
          : say.takesNoAttributes(),
      );
    }
    const labelled = node.type === 'containerDirective' ? label !== undefined : node.children.length > 0;
    if (labelled && takes.label === 'none') {
      this.report(rangeOf(node), say.takesNoLabel({ directive: `${colons}${node.name}` }), this.lastHeading, undefined);
    } else if (!labelled && takes.label === 'required') {
      this.report(
        rangeOf(node),
        say.needsLabel({ directive: `${colons}${node.name}` }),
        this.lastHeading,
        say.writeLabel({ directive: `${colons}${node.name}` }),
      );
    }
  }

  private reportHtml(node: Extract<Node, { type: 'html' }>): void {
    this.report(
      rangeOf(node),
      say.rawHtml({ html: JSON.stringify(node.value.slice(0, 40)) }),
      this.lastHeading,
      say.rawHtmlHint(),
    );
  }

  private unsupported(node: Node, what: string, hint: string | undefined): void {
    this.report(rangeOf(node), say.cannotBePart({ what }), this.lastHeading, hint);
  }

  private source(node: Node): string {
    const range = rangeOf(node);
    return range ? this.text.slice(range[0], range[1]) : '';
  }

  private report(range: Range | undefined, message: string, near: string | undefined, hint: string | undefined): void {
    this.diagnostics.push(this.diagnostic(range, message, near, hint));
  }

  // Every problem the reader finds is one code: the Markdown uses something a guide cannot hold.
  private diagnostic(
    range: Range | undefined,
    message: string,
    near: string | undefined,
    hint: string | undefined,
  ): Diagnostic {
    return diagnostic('E-TEMPLATE-DIRECTIVE', near !== undefined ? say.under({ message, near }) : message, {
      ...(this.file !== undefined ? { file: this.file } : {}),
      ...(range !== undefined ? { range } : {}),
      ...(hint !== undefined ? { hint } : {}),
    });
  }
}

function rangeOf(node: Node): Range | undefined {
  return node.range;
}

// A container kept as its content (a misplaced or unknown one) keeps its label too, as a paragraph.
function withLabel(node: ContainerDirective): Node[] {
  return node.label ? [node.label, ...node.children] : node.children;
}

function isWebUrl(url: string): boolean {
  return /^https?:\/\/[^\s/]+\S*$/i.test(url);
}

/** Turns each soft line break ("\n" in text) into a space or nothing (model/cjk.ts), across inline nodes. */
function resolveSoftBreaks(inlines: Inline[]): void {
  // Texts in reading order; `null` for a hard break, which no soft break looks across.
  const texts: ({ type: 'text'; value: string } | null)[] = [];
  const collect = (nodes: Inline[]) => {
    for (const node of nodes) {
      if (node.type === 'text') texts.push(node);
      else if (node.type === 'break') texts.push(null);
      else collect(node.children);
    }
  };
  collect(inlines);
  const written = texts.map((node) => node?.value ?? null);
  const neighbour = (from: number, step: 1 | -1): string => {
    for (let i = from + step; i >= 0 && i < written.length; i += step) {
      const value = written[i];
      if (value === null || value === undefined) return '';
      if (value !== '') return value;
    }
    return '';
  };
  texts.forEach((node, index) => {
    if (node === null || !node.value.includes('\n')) return;
    const whole = node.value;
    node.value = whole.replace(/[ \t]*\n[ \t]*/g, (match, offset: number) => {
      const before = whole.slice(0, offset) || neighbour(index, -1);
      const after = whole.slice(offset + match.length) || neighbour(index, 1);
      return softBreak(before, after);
    });
  });
}

// Joins neighbouring text nodes (left apart by escapes, directives or soft breaks) and drops empty ones.
function mergeText(inlines: Inline[]): Inline[] {
  const merged: Inline[] = [];
  for (const node of inlines) {
    if (node.type === 'text') {
      if (node.value === '') continue;
      const last = merged.at(-1);
      if (last?.type === 'text') last.value += node.value;
      else merged.push(node);
    } else if (node.type === 'break') merged.push(node);
    else merged.push({ ...node, children: mergeText(node.children) });
  }
  return merged;
}

function cellText(cell: TableCell): string {
  return cell.children.map((block) => (block.type === 'paragraph' ? plainText(block.children) : '')).join('');
}

// Widths for a GFM table from its longest cell per column, CJK counting double (it is set about
// twice as wide as Latin); clamped so a short column stays readable and a long one cannot take all.
function contentWidths(rows: TableRow[], count: number): number[] {
  const widths = Array.from({ length: count }, (_, column) => {
    const longest = Math.max(
      0,
      ...rows.map((row) => [...cellText(row.cells[column]!)].reduce((sum, char) => sum + (isCjk(char) ? 2 : 1), 0)),
    );
    return Math.min(40, Math.max(6, longest));
  });
  return normalize(widths);
}

// Relative widths → fractions that sum to exactly 1, rounded to 4 places so golden files are stable.
function normalize(weights: readonly number[]): number[] {
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  const fractions = weights.map((weight) => Math.round((weight / total) * 10000) / 10000);
  const rest = fractions.slice(0, -1).reduce((sum, fraction) => sum + fraction, 0);
  fractions[fractions.length - 1] = Math.round((1 - rest) * 10000) / 10000;
  return fractions;
}
