/**
 * The layout pass: blocks → flow items → pages, then page numbers. Body pages are numbered
 * from 1 (cover pages are not counted); TOC entries and the footer "第 N 頁，共 M 頁" are
 * filled in once the page of every heading is known.
 */

import type { DocModel, Section } from '../../model/doc-model.js';
import type { TocEntry } from '../../model/transforms/toc.js';
import type { WriterCache } from '../cache.js';
import type { Theme } from '../theme.js';
import { baselineOffset, FlowBuilder } from './flow/index.js';
import type { PdfFonts } from './fonts.js';
import { fitLines, setLine, type Align } from './line-break.js';
import { pageGeometry, type PageGeometry } from './page.js';
import { paginate, type LaidPage, type SectionFlow } from './paginate.js';
import { styleInlines } from './styled-text.js';
import { TextMeasurer } from './text-measure.js';
import type { Drawable, FontKey, LineDrawable, LineRole, PageRefDrawable } from './types.js';

/** Running header: baseline of its (last) line and the rule under it, above the text area. */
const HEADER_BASELINE_ABOVE_TOP = 18;
const HEADER_RULE_ABOVE_TOP = 12;
/** Footer baseline below the text area. */
const FOOTER_BASELINE_BELOW_BOTTOM = 32;
/** Line height of running header and footer text, in ems. */
const RUNNING_LINE_HEIGHT = 1.4;
/** TOC page numbers get at least this many digits of room, whatever the page count. */
const MIN_PAGE_DIGITS = 3;

/** A finished page. */
export interface LayoutPage {
  section: Section['kind'];
  /** Printed page number: body pages count from 1; cover pages have none. */
  number: number | null;
  drawables: Drawable[];
}

/** The whole document laid out. */
export interface LayoutResult {
  geometry: PageGeometry;
  pages: LayoutPage[];
  /** Heading id → printed number of the page its first line is on (body pages only). */
  headingPages: Map<string, number>;
  /** Code points the fonts could not draw, in document order; drawing must not go ahead if any. */
  missing: number[];
}

/** Lays out the document with `toc` in its TOC blocks. Pure: the same inputs give the same result, whatever `cache` holds. */
export function layoutDocument(
  model: DocModel,
  theme: Theme,
  fonts: PdfFonts,
  toc: readonly TocEntry[],
  cache: WriterCache,
): LayoutResult {
  const measurer = new TextMeasurer(fonts);
  const geometry = pageGeometry(theme);
  const counters = { block: 0, table: 0, struct: 0 };
  const layOut = (pageDigits: number): LaidPage[] => {
    counters.block = 0;
    counters.table = 0;
    counters.struct = 0;
    const env = { theme, measurer, toc, pageDigits, textHeight: geometry.bottom - geometry.top, counters, cache };
    const flows: SectionFlow[] = model.sections.map((section) => {
      const builder = new FlowBuilder(env);
      builder.addBlocks(section.blocks, geometry.textWidth);
      return { kind: section.kind, items: builder.items };
    });
    const laid = paginate(flows, { left: geometry.left, top: geometry.top, bottom: geometry.bottom });
    return laid.length > 0 ? laid : [{ section: 'body', drawables: [] }];
  };
  const digitsOf = (laid: LaidPage[]): number => String(laid.filter((page) => page.section === 'body').length).length;

  // The TOC reserves room for page numbers of `digits` digits, so its size, and with it every
  // page number, does not depend on the numbers themselves. Only a guide too long for that
  // room changes the TOC; then lay out again with more room until the page count fits it.
  const settled = (): LaidPage[] => {
    for (let digits = MIN_PAGE_DIGITS; ;) {
      // One layout alive at a time: a pass too short of room is let go before the next is made.
      const laid = layOut(digits);
      const needed = digitsOf(laid);
      if (needed <= digits) return laid;
      digits = needed;
    }
  };
  const laid = settled();

  let number = 0;
  const pages: LayoutPage[] = laid.map((page) => ({
    section: page.section,
    number: page.section === 'body' ? ++number : null,
    drawables: page.drawables,
  }));
  const headingPages = new Map<string, number>();
  for (const page of pages) {
    if (page.number === null) continue;
    for (const d of page.drawables) {
      if (d.kind === 'anchor' && !headingPages.has(d.id)) headingPages.set(d.id, page.number);
    }
  }
  const running = new RunningText(theme, geometry, measurer, counters, model.meta.header, number);
  for (const page of pages) {
    const drawables: Drawable[] = [];
    for (const d of page.drawables) {
      if (d.kind !== 'page-ref') drawables.push(d);
      else {
        const printed = headingPages.get(d.id);
        if (printed !== undefined) drawables.push(pageNumberLine(d, String(printed), measurer));
      }
    }
    // In reading order: the header, the page's content, the footer.
    page.drawables =
      page.number === null ? drawables : [...running.header, ...drawables, ...running.footer(page.number)];
  }
  return { geometry, pages, headingPages, missing: [...measurer.missing] };
}

/** A TOC page number, right-aligned where the reference says. */
function pageNumberLine(ref: PageRefDrawable, text: string, measurer: TextMeasurer): LineDrawable {
  const width = measurer.width(text, ref.font, ref.size);
  const x = ref.right - width;
  return {
    kind: 'line',
    role: 'toc-page',
    x,
    y: ref.y,
    width,
    height: ref.height,
    baseline: ref.baseline,
    size: ref.size,
    text,
    runs: [{ x, text, font: ref.font, color: ref.color, charSpacing: 0 }],
    block: ref.block,
    index: 0,
    ref: ref.id,
    ...(ref.struct ? { struct: ref.struct } : {}),
  };
}

/** The running header and footer of body pages. */
class RunningText {
  /** The header's lines and the rule under them: the same on every page. */
  readonly header: Drawable[];

  constructor(
    private readonly theme: Theme,
    private readonly geometry: PageGeometry,
    private readonly measurer: TextMeasurer,
    private readonly counters: { block: number },
    headerText: string,
    private readonly pageCount: number,
  ) {
    this.header = [];
    if (headerText.trim() === '') return;
    const lines = this.lines(headerText, 'header', geometry.top - HEADER_BASELINE_ABOVE_TOP, true);
    this.header.push(...lines, {
      kind: 'rule',
      role: 'header',
      x: geometry.left,
      y: geometry.top - HEADER_RULE_ABOVE_TOP,
      width: geometry.textWidth,
      lineWidth: theme.table.borderWidth,
      color: theme.colors.rule,
      dotPitch: null,
    });
  }

  /** The footer of body page `page`. */
  footer(page: number): Drawable[] {
    const footer = this.theme.running.footer
      .replaceAll('{page}', String(page))
      .replaceAll('{pages}', String(this.pageCount));
    const baseline = this.geometry.bottom + FOOTER_BASELINE_BELOW_BOTTOM;
    return this.lines(footer, 'footer', baseline, false);
  }

  /**
   * Centred lines of running text. `upwards`: the last line sits on `baseline` and earlier
   * ones above it (a long header grows away from the text area); otherwise the first does.
   */
  private lines(text: string, role: LineRole, baseline: number, upwards: boolean): LineDrawable[] {
    const { size, color } = this.theme.running;
    const styled = styleInlines(
      [{ type: 'text', value: text }],
      { bold: false, color },
      { accent: color, link: color },
    );
    if (styled.text === '') return [];
    const widths = this.measurer.widths(styled, size);
    const spans = fitLines(styled.text, widths, this.geometry.textWidth);
    const height = size * RUNNING_LINE_HEIGHT;
    const align: Align = 'center';
    const first = upwards ? baseline - (spans.length - 1) * height : baseline;
    const block = this.counters.block++;
    const above = baselineOffset(size, height);
    return spans.map((span, index): LineDrawable => {
      const set = setLine(styled, widths, span, this.geometry.textWidth, align, size);
      const lineBaseline = first + index * height;
      const left = this.geometry.left;
      const font: FontKey = 'regular';
      return {
        kind: 'line',
        role,
        x: left + set.x,
        y: lineBaseline - above,
        width: set.width,
        height,
        baseline: lineBaseline,
        size,
        text: set.text,
        runs: set.runs.map((run) => ({ ...run, x: left + run.x, font })),
        block,
        index,
      };
    });
  }
}
