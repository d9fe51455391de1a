/**
 * Laid-out pages → PDF bytes with pdfkit. pdfkit writes the file (objects, pages, links,
 * outline, compression) and draws the shapes; every position was decided by the layout pass,
 * and the text is written as PDF text operators here, glyph ids and all (font-embed.ts).
 * A tagged PDF marks each piece of content with its structure element (structure.ts) and
 * everything else (running header and footer, rules, borders, leaders, cell shading, what a
 * continued table repeats) as an artifact; standards.ts writes what the file claims.
 */

import { deflateSync } from 'node:zlib';
import PDFDocument from 'pdfkit';
import { InternalError } from '../../errors.js';
import { KeptWhenMetAgain } from '../kept-sections.js';
import type { DocMeta } from '../../model/doc-model.js';
import { ByteBlocks } from '../byte-blocks.js';
import type { WriterCache } from '../cache.js';
import { colorOperator, type ColorMode } from './colors.js';
import { bodySubset, EmbeddedFace, pdfNumber, sharedSubset, type FontResource } from './font-embed.js';
import { glyphsOf } from './glyphs-of.js';
import { faceOf, type PdfFonts } from './fonts.js';
import type { LayoutPage, LayoutResult } from './layout.js';
import { keptPages, type PageStreams } from './kept-pages.js';
import { useObjectStreams } from './object-streams.js';
import { PageKeys, type LineTagging } from './page-key.js';
import { qrRuns } from './qr.js';
import { isTagged, pageLabels, pdfaConformance, xmpPacket, type InfoEntries, type PdfOutput } from './standards.js';
import { StructureTree } from './structure.js';
import type {
  BulletDrawable,
  Drawable,
  FontKey,
  LineDrawable,
  LinkDrawable,
  QrDrawable,
  SharedGlyphs,
  StructPath,
} from './types.js';

/** pdfkit's outline items, with the dictionary the typings leave out. */
interface OutlineItem {
  addItem(title: string, options?: { expanded?: boolean }): OutlineItem;
  outlineData: { Dest?: unknown };
}

/** pdfkit's indirect objects and the document internals the standards need. */
interface PdfRef {
  id: number;
  data: Record<string, unknown>;
  compress?: boolean;
  /** What is written of a stream so far, in pieces. */
  buffer: Uint8Array[];
  write(data: Uint8Array): void;
  end(): void;
}
interface DocumentInternals {
  _root: PdfRef;
  page: { dictionary: PdfRef; annotations: PdfRef[]; content: PdfRef };
  ref(data: Record<string, unknown>): PdfRef;
  endMetadata(): void;
}

/** pdfkit's name tree: its keys are sorted with `_compareKeys` as the file is written. */
interface NameTree {
  _compareKeys(a: string, b: string): number;
}

const beyondAscii = /[\u0080-\uffff]/;

/**
 * Orders name tree keys by their bytes in the file, as ISO 32000-1 (7.9.6) has them sorted and
 * readers search them (PDF.js by halving). pdfkit orders them by collation (localeCompare), which
 * puts "alpha" before "Zeta" and "B_1" before "B1", and took 9 ms of a build. pdfkit writes a
 * key as it is when all of it is ASCII, else as UTF-16BE after the byte order mark FE FF: every
 * ASCII key then comes first, and each kind sorts by its UTF-16 code units.
 */
function byKeyBytes(a: string, b: string): number {
  const wideA = beyondAscii.test(a);
  if (wideA !== beyondAscii.test(b)) return wideA ? 1 : -1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Length of a dot in a dotted rule: round caps turn this into dots as wide as the line. */
const DOT = 0.001;

/** A number as pdfkit writes one into a path (`PDFObject.number`): to six decimals. */
function pdfkitNumber(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

/**
 * A QR code's dark modules as one filled path, a rectangle for each run of them in a row, in the
 * bytes pdfkit's `rect` and `fill` write (each operator on a line of its own). pdfkit turns each
 * string it is given into bytes one character at a time (~1 ms of a firm's guide); this is one
 * chunk of bytes.
 */
export function qrPath(d: Pick<QrDrawable, 'x' | 'y' | 'size' | 'matrix'>): Uint8Array {
  const module = d.size / d.matrix.size;
  const path: string[] = [];
  const height = pdfkitNumber(module);
  for (const { col, row, length } of qrRuns(d.matrix)) {
    const x = pdfkitNumber(d.x + col * module);
    const y = pdfkitNumber(d.y + row * module);
    path.push(`${x} ${y} ${pdfkitNumber(length * module)} ${height} re`);
  }
  path.push('f');
  return Buffer.from(`${path.join('\n')}\n`, 'latin1');
}

/** List bullets as text (a screen reader reads the label): filled at the first level, hollow below. */
const BULLET = { filled: '•', hollow: '◦' } as const;

function bulletChar(d: BulletDrawable): string {
  return d.filled ? BULLET.filled : BULLET.hollow;
}

function bulletCodePoint(d: BulletDrawable): number {
  return bulletChar(d).codePointAt(0)!;
}

/** The running header: its lines and the rule under them. */
function isRunningHeader(d: Drawable): boolean {
  return (d.kind === 'line' && d.role === 'header') || (d.kind === 'rule' && d.role === 'header');
}

/** The lines of body pages but the running header's, which names the document (a firm's guide, its firm). */
function* bodyLines(pages: readonly LayoutPage[]): Generator<LineDrawable> {
  for (const page of pages) {
    if (page.number === null) continue;
    for (const d of page.drawables) if (d.kind === 'line' && !isRunningHeader(d)) yield d;
  }
}

/**
 * Draws the layout; resolves with the bytes of the finished file. Code points in `sharedGlyphs`
 * are drawn from subsets shared with the other documents given the same (font-embed.ts).
 */
export function drawDocument(
  layout: LayoutResult,
  meta: DocMeta,
  fonts: PdfFonts,
  creationDate: Date,
  cache: WriterCache,
  output: PdfOutput,
  sharedGlyphs?: SharedGlyphs,
): Promise<Uint8Array> {
  const { width, height } = layout.geometry;
  const info: InfoEntries = {
    Title: meta.title,
    Author: meta.author,
    Subject: meta.subject,
    Keywords: meta.keywords.join(', '),
    Creator: 'PDFKit',
    Producer: 'PDFKit',
    CreationDate: creationDate,
    ModDate: creationDate,
  };
  const doc = new PDFDocument({
    autoFirstPage: false,
    size: [width, height],
    margin: 0,
    compress: true,
    pdfVersion: '1.7',
    // No default font: pdfkit would parse Helvetica's metrics for every document, unused.
    font: '',
    lang: meta.language,
    displayTitle: true,
    // The file ID is a hash of the info dictionary, CreationDate included: passing the date
    // here (not after construction) is what makes the bytes reproducible.
    info: { ...info },
  });
  const objects = useObjectStreams(doc);
  const internals = doc as unknown as DocumentInternals;
  (internals._root.data.Names as { data: { Dests: NameTree } }).data.Dests._compareKeys = byKeyBytes;
  // pdfkit's packet would hold the title unescaped and lack ModifyDate and the identifications.
  internals.endMetadata = () => writeMetadata(internals, xmpPacket(info, output.standard, meta.language));
  const written = new ByteBlocks();
  // What pdfkit has written so far, taken after each page: a stream hands data out only when
  // the event loop turns, and drawing never lets it, so every small Buffer of the file waited
  // in the stream (with the slab of Node's Buffer pool each holds) until the last page.
  const take = (): void => {
    for (let chunk = doc.read() as Uint8Array | null; chunk !== null; chunk = doc.read() as Uint8Array | null) {
      written.push(chunk);
    }
  };
  const finished = new Promise<Uint8Array>((resolve, reject) => {
    doc.on('readable', take);
    doc.on('error', reject);
    doc.on('end', () => resolve(written.bytes()));
  });

  // A batch's firms that get the same measures draw the same body: its characters beyond the
  // shared ones are embedded from a subset made once for all of them, the letter's and the
  // running header's from the document's own.
  const bodyGlyphs = sharedGlyphs ? glyphsOf(bodyLines(layout.pages), fonts) : undefined;
  const embedded = (key: FontKey, resourceName: string) => {
    const face = faceOf(fonts, key).primary;
    const codePoints = sharedGlyphs?.[key];
    const shared = codePoints && codePoints.length > 0 ? sharedSubset(face, codePoints, cache) : undefined;
    const inBody = bodyGlyphs?.[key];
    const body = inBody ? bodySubset(face, inBody, shared, cache) : undefined;
    return new EmbeddedFace(doc, faceOf(fonts, key), resourceName, shared, body);
  };
  const faces: Record<FontKey, EmbeddedFace> = { regular: embedded('regular', 'F1'), bold: embedded('bold', 'F2') };
  // Heading ids and titles: what links may point to, and what a link annotation says.
  const anchors = new Map<string, string>();
  for (const page of layout.pages) {
    for (const d of page.drawables) if (d.kind === 'anchor') anchors.set(d.id, d.title);
  }
  const tagged = isTagged(output.standard);
  const tree = tagged ? new StructureTree(layout.pages.length) : null;
  const colors: ColorMode = output.print ? 'print' : 'screen';
  const pages = keptPages(cache, fonts) ?? batchPages(cache, fonts);
  const setting = [tagged, colors, width, height, faces.regular.commonFingerprint, faces.bold.commonFingerprint];
  const kept = pages && { pages, setting: setting.join(' ') };
  const painter = new Painter(doc, anchors, faces, fonts, tree, colors, kept);
  for (const page of layout.pages) {
    doc.addPage({ size: [width, height], margin: 0 });
    tree?.startPage(internals.page.dictionary);
    painter.page(page.drawables);
    take();
  }
  for (const face of Object.values(faces)) face.finish(cache.store);
  const root = internals._root.data;
  root.PageLabels = pageLabels(layout.pages.map((page) => page.number));
  if (tree) {
    // Both written by pdfkit when the document ends.
    root.MarkInfo = internals.ref({ Marked: true });
    root.StructTreeRoot = tree.write(objects);
    take();
  }
  if (pdfaConformance(output.standard) !== null) root.OutputIntents = [outputIntent(internals, output)];
  doc.end();
  return finished;
}

/**
 * A batch's pages that can be taken again: up to this many body streams are kept per fonts, each
 * from the second time its page is met (a firm's letter is met once).
 */
const BATCH_PAGES = 512;

/** The body streams of a batch's documents drawn with `fonts`; null when the cache serves a single document. */
function batchPages(cache: WriterCache, fonts: PdfFonts): KeptWhenMetAgain<Uint8Array> | null {
  if (!cache.pageStreams) return null;
  let pages = cache.pageStreams.get(fonts);
  if (!pages) cache.pageStreams.set(fonts, (pages = new KeptWhenMetAgain(BATCH_PAGES)));
  return pages;
}

/** The XMP packet as the catalogue's Metadata stream, uncompressed so any tool can read it. */
function writeMetadata(doc: DocumentInternals, packet: string): void {
  const ref = doc.ref({ Type: 'Metadata', Subtype: 'XML' });
  ref.compress = false;
  ref.write(new TextEncoder().encode(packet));
  ref.end();
  doc._root.data.Metadata = ref;
}

/** PDF/A's output intent: the colours are meant as sRGB. */
function outputIntent(doc: DocumentInternals, output: PdfOutput): PdfRef {
  const profile = output.colorProfile;
  // The pipeline always passes it for PDF/A: a missing profile is a bug, not a user's mistake.
  if (!profile) throw new Error('PDF/A needs the sRGB colour profile');
  const stream = doc.ref({ N: 3 });
  stream.write(profile);
  stream.end();
  const intent = doc.ref({
    Type: 'OutputIntent',
    S: 'GTS_PDFA1',
    OutputConditionIdentifier: new String('sRGB IEC61966-2.1'),
    Info: new String('sRGB IEC61966-2.1'),
    DestOutputProfile: stream,
  });
  intent.end();
  return intent;
}

/** The structure type a path ends at: the tag of its marked content. */
function tagOf(path: StructPath): string {
  return path[path.length - 1]!.type;
}

/** What marks running text as an artifact: pagination artifacts say which. */
const RUNNING_ARTIFACT: Partial<Record<LineDrawable['role'], string>> = {
  header: '/Artifact <</Type /Pagination /Subtype /Header>> BDC',
  footer: '/Artifact <</Type /Pagination /Subtype /Footer>> BDC',
};

/** Draws the drawables of one page after another, remembering state pdfkit would re-emit. */
class Painter implements LineTagging {
  /** The fill colour operator in effect ('' at the start of a page: the PDF default). */
  private fill = '';
  /** Text state in effect on the page (it outlives each BT … ET). */
  private font: FontResource | null = null;
  private size = 0;
  private charSpacing = 0;
  /** Operators of the text object being written, until a shape or the page's end closes it. */
  private text: string[] | null = null;
  private chapter: OutlineItem | null = null;
  private readonly outline: OutlineItem;
  /**
   * Lines already tagged, by role, block and index: a grid table's header rows repeated on the
   * next page are drawn again, and read once.
   */
  private readonly tagged = new Set<string>();
  /** Lines `wouldTag` said the page being keyed tags. */
  private readonly taggedOnPage = new Set<string>();
  private readonly colorOps = new Map<string, string>();
  private readonly keys = new PageKeys();
  /** Running headers drawn, by their drawables: one stream serves every page with the same. */
  private readonly headers = new Map<string, { stream: PdfRef; fonts: [string, unknown][] }>();
  /** The fonts the stream being drawn uses, by resource name. */
  private streamFonts = new Map<string, unknown>();
  /** Whether the page drawn last set text in a font that cannot be kept with it. */
  private drewUnkeepable = false;

  constructor(
    private readonly doc: PDFKit.PDFDocument,
    private readonly anchors: Map<string, string>,
    private readonly faces: Record<FontKey, EmbeddedFace>,
    private readonly fonts: PdfFonts,
    private readonly tree: StructureTree | null,
    private readonly colors: ColorMode,
    /**
     * Body streams drawn before, deflated, by page key, and what else a page's operators depend
     * on (this document's setting, part of every key); null when pages are not kept.
     */
    private readonly kept: { pages: PageStreams; setting: string } | null,
  ) {
    this.outline = doc.outline as unknown as OutlineItem;
  }

  /**
   * Draws one page: its running header into a stream of its own, which every page with that
   * header shares, and the rest into the page's content stream. That stream is the same bytes
   * wherever the same drawables are drawn in the same document setting (the pages of a batch's
   * firms that get the same measures differ in the running header alone), so it is kept by
   * them: a page kept is not drawn again, only what it adds to the document is (see `register`).
   */
  page(drawables: Drawable[]): void {
    const body: Drawable[] = [];
    const running: Drawable[] = [];
    for (const d of drawables) (isRunningHeader(d) ? running : body).push(d);
    const content = (this.doc as unknown as DocumentInternals).page.content;
    const { kept } = this;
    this.taggedOnPage.clear();
    const key = kept ? this.keys.key(kept.setting, body, this) : undefined;
    let deflated = key === undefined ? undefined : kept!.pages.get(key);
    if (deflated) this.register(body);
    else {
      this.drewUnkeepable = false;
      this.paint(body);
      // A copy: zlib hands small results out as views of a 16 KB buffer.
      deflated = new Uint8Array(deflateSync(Buffer.concat(content.buffer)));
      // A fallback face is not named by the kept pages' key; a CFF face numbers its glyphs in
      // the order the document met them.
      if (key !== undefined && !this.drewUnkeepable) kept!.pages.set(key, deflated);
    }
    // Deflated here, as pdfkit would (the same Length and Filter, in that order): pdfkit writes it as it is.
    content.buffer = [deflated];
    content.compress = false;
    content.data.Length = deflated.length;
    content.data.Filter = 'FlateDecode';
    content.write = () => {
      throw new InternalError('a page was drawn on after its stream was finished');
    };
    if (running.length > 0) this.paintHeader(running, content);
  }

  /**
   * The running header before `body`'s stream, in a stream every page with the same header
   * shares: it sets the page's coordinates itself (pdfkit sets them at the start of `body`), and
   * leaves the graphics state as it found it.
   */
  private paintHeader(header: readonly Drawable[], body: PdfRef): void {
    const page = (this.doc as unknown as DocumentInternals).page;
    const height = this.doc.page.height;
    const key = `${height} ${JSON.stringify(header)}`;
    let drawn = this.headers.get(key);
    if (!drawn) {
      const stream = this.doc.ref({}) as unknown as PdfRef;
      page.content = stream;
      this.doc.addContent(`q\n1 0 0 -1 0 ${pdfkitNumber(height)} cm`);
      this.paint(header);
      this.doc.addContent('Q');
      page.content = body;
      stream.end();
      this.headers.set(key, (drawn = { stream, fonts: [...this.streamFonts] }));
    }
    // Each page that shows the stream names the fonts it uses.
    const fonts = this.doc.page.fonts as Record<string, unknown>;
    for (const [name, ref] of drawn.fonts) fonts[name] = ref;
    page.dictionary.data.Contents = [drawn.stream, body];
  }

  /**
   * What drawing `body` adds to the document besides its operators, for a page whose operators
   * are kept, in the order drawing adds it: marked content in the structure tree, cells'
   * elements, links, destinations and bookmarks, and the fonts and glyphs the text uses. It
   * follows `paint` (`line`, `bullet`, `draw`) step for step; test/writers/pdf-page-reuse.test.ts
   * compares documents drawn and taken.
   */
  private register(body: readonly Drawable[]): void {
    for (const d of body) {
      switch (d.kind) {
        case 'line': {
          const tagged = this.lineTagged(d);
          let open: StructPath | null = null;
          for (const run of d.runs) {
            const path = run.struct ?? d.struct!;
            if (tagged && path !== open) {
              this.tree!.content(path);
              open = path;
            }
            this.useFonts(run.font, run.text);
          }
          break;
        }
        case 'cell':
          if (d.struct) this.tree?.element(d.struct);
          break;
        case 'bullet':
          if (this.tree && d.struct) this.tree.content(d.struct);
          if (this.fonts.regular.primary.inkBox(bulletCodePoint(d))) this.useFonts('regular', bulletChar(d));
          break;
        case 'qr':
          if (this.tree && d.struct) this.tree.content(d.struct);
          break;
        case 'link':
        case 'anchor':
          this.draw(d);
          break;
      }
    }
  }

  /** Text's glyphs taken into their subsets, and their fonts into the page's resources. */
  private useFonts(key: FontKey, text: string): void {
    const fonts = this.doc.page.fonts as Record<string, unknown>;
    for (const { font } of this.faces[key].encode(text)) fonts[font.resourceName] = font.ref;
  }

  /** Draws `drawables` into the current content stream, from the page's initial state. */
  private paint(drawables: readonly Drawable[]): void {
    this.streamFonts = new Map();
    // A fresh stream starts with the default colour and text state.
    this.fill = '';
    this.font = null;
    this.charSpacing = 0;
    // Cell shading first, so borders and text lie on top of it.
    let shaded = false;
    for (const d of drawables) {
      if (d.kind !== 'cell' || !d.fill) continue;
      if (!shaded) this.beginArtifact();
      shaded = true;
      this.setFill(d.fill);
      this.doc.rect(d.x, d.y, d.width, d.height).fill();
    }
    if (shaded) this.endArtifact();
    // Page references were resolved by layout; a cell names its element, empty or not.
    for (const d of drawables) {
      if (d.kind === 'line') this.line(d);
      else if (d.kind === 'cell') {
        if (d.struct) this.tree?.element(d.struct);
      } else if (d.kind !== 'page-ref') this.draw(d);
    }
    this.endText();
  }

  /** The operator that sets `color` (fill or stroke), made once per colour. */
  private colorOp(color: string, stroke: boolean): string {
    const key = stroke ? `S${color}` : color;
    let op = this.colorOps.get(key);
    if (op === undefined) this.colorOps.set(key, (op = colorOperator(color, this.colors, stroke)));
    return op;
  }

  private setFill(color: string): void {
    const op = this.colorOp(color, false);
    if (op !== this.fill) {
      this.doc.addContent(op);
      this.fill = op;
    }
  }

  /**
   * Shapes drawn from here to `endArtifact` are one artifact (untagged documents have no marks
   * at all). A pair of calls, not a callback: see "Code kept optimized" in docs/decisions.md.
   */
  private beginArtifact(): void {
    if (this.tree) this.doc.addContent('/Artifact BMC');
  }

  /** Closes the artifact `beginArtifact` opened. */
  private endArtifact(): void {
    if (this.tree) this.doc.addContent('EMC');
  }

  /**
   * Whether a line is read (tagged) or an artifact (running text, untagged lines, repeats): the
   * key that tells a repeat, or null when it is never tagged.
   */
  private tagKey(d: LineDrawable): string | null {
    if (!this.tree || !d.struct || d.role === 'header' || d.role === 'footer' || d.role === 'continued') return null;
    return `${d.role} ${d.block} ${d.index}`;
  }

  /** Whether `d` is tagged, remembering it so that its repeats are not. */
  private lineTagged(d: LineDrawable): boolean {
    const key = this.tagKey(d);
    if (key === null || this.tagged.has(key)) return false;
    this.tagged.add(key);
    return true;
  }

  /**
   * `lineTagged` for the lines of the page about to be drawn, one after the other, remembering
   * them for this page alone (`taggedOnPage`, cleared as each page starts).
   */
  wouldTag(d: LineDrawable): boolean {
    const key = this.tagKey(d);
    if (key === null || this.tagged.has(key) || this.taggedOnPage.has(key)) return false;
    this.taggedOnPage.add(key);
    return true;
  }

  /**
   * A line's runs as text operators, in the text object the lines before it opened. The page's
   * coordinates run downwards (pdfkit flips them), so each run's text matrix flips back. In a
   * tagged document each stretch of runs of one element is its marked content.
   */
  private line(d: LineDrawable): void {
    const ops = (this.text ??= ['BT']);
    const tagged = this.lineTagged(d);
    if (this.tree && !tagged) ops.push(RUNNING_ARTIFACT[d.role] ?? '/Artifact BMC');
    let open: StructPath | null = null;
    for (const run of d.runs) {
      const path = run.struct ?? d.struct!;
      if (tagged && path !== open) {
        if (open) ops.push('EMC');
        ops.push(this.markedContent(path));
        open = path;
      }
      if (run.charSpacing !== this.charSpacing) {
        ops.push(`${pdfNumber(run.charSpacing)} Tc`);
        this.charSpacing = run.charSpacing;
      }
      this.textFill(ops, run.color);
      ops.push(`1 0 0 -1 ${pdfNumber(run.x)} ${pdfNumber(d.baseline)} Tm`);
      this.show(ops, run.font, d.size, run.text);
    }
    if (this.tree && (!tagged || open)) ops.push('EMC');
  }

  private textFill(ops: string[], color: string): void {
    const op = this.colorOp(color, false);
    if (op !== this.fill) {
      ops.push(op);
      this.fill = op;
    }
  }

  /** `text` in `key`'s face at `size`, from the current text position. */
  private show(ops: string[], key: FontKey, size: number, text: string): void {
    // Each Tj carries on where the one before ended, also after a change of font.
    for (const { font, hex } of this.faces[key].encode(text)) {
      if (!font.keepable) this.drewUnkeepable = true;
      if (font !== this.font || size !== this.size) {
        (this.doc.page.fonts as Record<string, unknown>)[font.resourceName] = font.ref;
        this.streamFonts.set(font.resourceName, font.ref);
        ops.push(`/${font.resourceName} ${pdfNumber(size)} Tf`);
        this.font = font;
        this.size = size;
      }
      ops.push(`<${hex}> Tj`);
    }
  }

  /** Closes the open text object: shapes cannot be drawn inside one. */
  private endText(): void {
    if (this.text === null) return;
    this.text.push('ET');
    // As bytes, with the line end pdfkit adds to a string: pdfkit turns a string into bytes one
    // character at a time in JavaScript, and text objects are most of a page's content.
    this.doc.addContent(Buffer.from(`${this.text.join('\n')}\n`, 'latin1'));
    this.text = null;
  }

  /**
   * A list bullet as the font's bullet character, sized and placed so its ink is the circle the
   * layout asked for: text a screen reader reads as the item's label. A font without one gets
   * the circle drawn, labelled with the character.
   */
  private bullet(d: BulletDrawable): void {
    const char = bulletChar(d);
    const cp = bulletCodePoint(d);
    const face = this.fonts.regular.primary;
    const box = face.inkBox(cp);
    if (box) {
      const [minX, minY, maxX, maxY] = box;
      const upm = face.facts.unitsPerEm;
      const size = (2 * d.radius * upm) / (maxX - minX);
      const scale = size / upm;
      const x = d.x - ((minX + maxX) / 2) * scale;
      const baseline = d.y + ((minY + maxY) / 2) * scale;
      const ops = (this.text ??= ['BT']);
      const open = this.openMark(d.struct);
      if (open) ops.push(open);
      if (this.charSpacing !== 0) {
        ops.push('0 Tc');
        this.charSpacing = 0;
      }
      this.textFill(ops, d.color);
      ops.push(`1 0 0 -1 ${pdfNumber(x)} ${pdfNumber(baseline)} Tm`);
      this.show(ops, 'regular', size, char);
      if (open) ops.push('EMC');
      return;
    }
    this.endText();
    const { doc } = this;
    // Drawn as a circle, it says which character it stands for.
    const open = this.openMark(d.struct, ` /ActualText <FEFF${cp.toString(16).toUpperCase().padStart(4, '0')}>`);
    if (open) doc.addContent(open);
    if (d.filled) {
      this.setFill(d.color);
      doc.circle(d.x, d.y, d.radius).fill();
    } else {
      doc.save().lineWidth(d.radius * 0.4);
      doc.addContent(this.colorOp(d.color, true));
      doc.circle(d.x, d.y, d.radius).stroke().restore();
    }
    if (open) doc.addContent('EMC');
  }

  /** What opens `path`'s marked content in a tagged document, `extra` entries in its properties. */
  private markedContent(path: StructPath, extra = ''): string {
    return `/${tagOf(path)} <</MCID ${this.tree!.content(path)}${extra}>> BDC`;
  }

  /**
   * What opens a drawing's marked content: its element's (`extra` in its element's properties),
   * or an artifact's when it has none; nothing in an untagged document.
   */
  private openMark(path: StructPath | undefined, extra = ''): string | null {
    if (!this.tree) return null;
    return path ? this.markedContent(path, extra) : '/Artifact BMC';
  }

  private draw(d: Exclude<Drawable, { kind: 'line' | 'cell' | 'page-ref' }>): void {
    const { doc } = this;
    if (d.kind === 'bullet') {
      this.bullet(d);
      return;
    }
    // Links, anchors and bookmarks add no operators; they may stay inside a text object.
    if (d.kind !== 'link' && d.kind !== 'anchor') this.endText();
    switch (d.kind) {
      case 'rule':
        this.beginArtifact();
        doc.save().lineWidth(d.lineWidth);
        doc.addContent(this.colorOp(d.color, true));
        if (d.dotPitch !== null) doc.lineCap('round').dash(DOT, { space: d.dotPitch - DOT });
        doc
          .moveTo(d.x, d.y)
          .lineTo(d.x + d.width, d.y)
          .stroke()
          .restore();
        this.endArtifact();
        break;
      case 'frame':
        this.beginArtifact();
        doc.save().lineWidth(d.lineWidth);
        doc.addContent(this.colorOp(d.color, true));
        doc.rect(d.x, d.y, d.width, d.height);
        for (const x of d.columns) doc.moveTo(x, d.y).lineTo(x, d.y + d.height);
        for (const y of d.rows) doc.moveTo(d.x, y).lineTo(d.x + d.width, y);
        doc.stroke().restore();
        this.endArtifact();
        break;
      case 'qr': {
        const open = this.openMark(d.struct);
        if (open) doc.addContent(open);
        // Colour before the path: PDF allows no colour operators between path and fill.
        this.setFill(d.color);
        doc.addContent(qrPath(d));
        if (open) doc.addContent('EMC');
        break;
      }
      case 'link':
        this.link(d);
        break;
      case 'anchor':
        doc.addNamedDestination(d.id, 'XYZ', null, d.y, null);
        if (d.outlineLevel !== null) this.bookmark(d.id, d.title, d.outlineLevel);
        break;
    }
  }

  /**
   * A link annotation; tagged, it joins its Link element and says where it goes (PDF/UA wants
   * a description of every annotation).
   */
  private link(d: LinkDrawable): void {
    const { tree } = this;
    const { target } = d;
    if (target.kind === 'dest' && !this.anchors.has(target.id)) return;
    if (!tree) {
      this.annotate(d, {});
      return;
    }
    // A link in what a continued table repeats: the original, in the structure, has it.
    if (!d.struct) return;
    const contents = target.kind === 'uri' ? target.uri : this.anchors.get(target.id)!;
    this.annotate(d, { StructParent: tree.nextAnnotationKey, Contents: new String(contents) });
    const annotations = (this.doc as unknown as DocumentInternals).page.annotations;
    tree.addAnnotation(d.struct, annotations[annotations.length - 1]!);
  }

  /** pdfkit's annotation of a link: to a web address, or to a heading of this document. */
  private annotate(d: LinkDrawable, options: Record<string, unknown>): void {
    const { target } = d;
    if (target.kind === 'uri') this.doc.link(d.x, d.y, d.width, d.height, target.uri, options);
    else this.doc.goTo(d.x, d.y, d.width, d.height, target.id, options);
  }

  /** Chapters at the top of the outline, their measures nested; both open on the heading. */
  private bookmark(id: string, title: string, level: 1 | 2): void {
    const parent = level === 2 && this.chapter ? this.chapter : this.outline;
    const item = parent.addItem(title, { expanded: level === 1 });
    // pdfkit points outline items at the top of the current page; the named destination is
    // the heading itself, the same target TOC entries and links use.
    item.outlineData.Dest = new String(id);
    if (level === 1) this.chapter = item;
  }
}
