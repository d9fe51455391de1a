/**
 * Paragraphs and headings: inlines styled, broken into lines and set, as line boxes with the
 * keeps that stop orphans, widows and headings left alone at the bottom of a page.
 */

import type { Block, Inline, ParagraphRole } from '../../../model/doc-model.js';
import { plainText } from '../../../model/visit.js';
import type { WriterCache } from '../../cache.js';
import type { TextStyle, Theme } from '../../theme.js';
import { KeptParagraphs, keptParagraphs } from '../kept-paragraphs.js';
import { fitLines, setLine, type SetLine } from '../line-break.js';
import { styleInlines } from '../styled-text.js';
import type { TextMeasurer } from '../text-measure.js';
import type { Drawable, LineDrawable, LineRole } from '../types.js';
import type { FlowBuilder } from './index.js';
import { structNode, tagBoxes } from './tags.js';
import type { BlockContext, FlowBox } from './types.js';

/**
 * Top of the ideographic em box above the baseline, in ems (Noto Sans CJK: 880/1000). Lines put
 * the em box in the middle of the line box, so CJK text sits centred between its neighbours.
 */
export const EM_BOX_TOP = 0.88;

/** Baseline of a line of text `size` points in a line box `height` points tall, from its top. */
export function baselineOffset(size: number, height: number): number {
  return (height - size) / 2 + EM_BOX_TOP * size;
}

/** Space between the paragraphs of a table cell, as a share of the cell padding. */
export const CELL_BLOCK_GAP = 0.6;

/** Lines of a paragraph as set once, and the characters the fonts lacked while setting them. */
export interface SetParagraph {
  lines: SetLine[];
  missing: number[];
}

/**
 * `inlines` styled, broken into lines `width` wide and set, from the cache when it has them.
 * Set lines are never changed after they are made.
 */
function setParagraph(
  cache: WriterCache,
  measurer: TextMeasurer,
  inlines: Inline[],
  style: TextStyle,
  width: number,
  colors: { accent: string; link: string },
): SetLine[] {
  let byStyle: Map<string, SetParagraph> | undefined;
  if (cache.setParagraphs !== null) {
    let byInlines = cache.setParagraphs.get(measurer.fonts);
    if (!byInlines) cache.setParagraphs.set(measurer.fonts, (byInlines = new WeakMap()));
    byStyle = byInlines.get(inlines);
    if (!byStyle) byInlines.set(inlines, (byStyle = new Map()));
  }
  const key = `${style.size} ${style.bold} ${style.color} ${style.align} ${width} ${colors.accent} ${colors.link}`;
  let set = byStyle?.get(key);
  if (!set) {
    // A single build with the build cache: the paragraphs the build before set (kept-paragraphs.ts).
    const kept = keptParagraphs(cache, measurer.fonts);
    const keptKey = kept && KeptParagraphs.keyOf(key, inlines);
    const keptLines = keptKey ? kept!.get(keptKey) : undefined;
    if (keptLines) set = { lines: keptLines, missing: [] };
    else {
      const {
        value: lines,
        missing,
        primaryOnly,
      } = measurer.missingDuring(() => {
        const styled = styleInlines(inlines, { bold: style.bold, color: style.color }, colors);
        const widths = measurer.widths(styled, style.size);
        if (styled.text === '') return [];
        return fitLines(styled.text, widths, width, style.size).map((span) =>
          setLine(styled, widths, span, width, style.align, style.size),
        );
      });
      set = { lines, missing };
      if (keptKey && missing.length === 0 && primaryOnly) kept!.set(keptKey, lines);
    }
    byStyle?.set(key, set);
  }
  // A character the fonts lack is reported by every document that uses it, cached or not.
  for (const cp of set.missing) measurer.missing.add(cp);
  return set.lines;
}

/** The theme style of a paragraph role, adapted to lists (no own spacing) and table cells. */
export function paragraphStyle(theme: Theme, role: ParagraphRole, ctx: BlockContext): TextStyle {
  const base = theme.paragraph[role];
  if (ctx.cell) {
    const small = role === 'note';
    return {
      ...base,
      size: small ? base.size : theme.table.fontSize,
      lineHeight: small ? base.lineHeight : theme.table.lineHeight,
      bold: base.bold || ctx.bold,
      spaceBefore: 0,
      spaceAfter: theme.table.cellPadding * CELL_BLOCK_GAP,
    };
  }
  if (ctx.listDepth > 0) return { ...base, spaceBefore: 0, spaceAfter: 0 };
  return base;
}

/**
 * Breaks styled inlines into line boxes for a column. Returns the boxes without emitting
 * them, with no space or keep decided yet.
 */
export function lineBoxes(
  flow: FlowBuilder,
  inlines: Inline[],
  style: TextStyle,
  x: number,
  width: number,
  role: LineRole,
  ref?: string,
): FlowBox[] {
  const { theme, measurer, cache } = flow.env;
  const lines = setParagraph(cache, measurer, inlines, style, width, {
    accent: theme.colors.accent,
    link: theme.colors.link,
  });
  if (lines.length === 0) return [];
  const height = style.size * style.lineHeight;
  const baseline = baselineOffset(style.size, height);
  const block = flow.env.counters.block++;
  return lines.map((set, index) => {
    const line: LineDrawable = {
      kind: 'line',
      role,
      x: x + set.x,
      y: 0,
      width: set.width,
      height,
      baseline,
      size: style.size,
      text: set.text,
      runs: set.runs.map((run) => ({ ...run, x: x + run.x })),
      block,
      index,
    };
    if (ref !== undefined) line.ref = ref;
    const drawables: Drawable[] = [line];
    for (const link of set.links) {
      drawables.push({ kind: 'link', x: x + link.x, y: 0, width: link.width, height, target: link.target });
    }
    return { kind: 'box', height, gapBefore: 0, keepWithPrev: false, drawables };
  });
}

/**
 * A paragraph's inlines with its first-line indent (theme `firstLineIndent`, in characters) as
 * ideographic spaces, one em each: how Chinese text is indented, and what a reader or text
 * extraction gets as the indent. The indent stays on the first line; lines after a hard break
 * start at the margin (此致 indented, 敬禮 on the next line at the margin).
 */
function withFirstLineIndent(children: Inline[], style: TextStyle): Inline[] {
  const indent = style.firstLineIndent ?? 0;
  return indent > 0 ? [{ type: 'text', value: '\u3000'.repeat(indent) }, ...children] : children;
}

/** A paragraph's lines. */
export function addParagraph(flow: FlowBuilder, block: Extract<Block, { type: 'paragraph' }>, ctx: BlockContext): void {
  const style = paragraphStyle(flow.env.theme, block.role, ctx);
  const boxes = lineBoxes(flow, withFirstLineIndent(block.children, style), style, ctx.x, ctx.width, 'text');
  if (boxes.length === 0) return;
  tagBoxes(flow.env, boxes, [...ctx.struct, structNode(flow.env, 'P')]);
  const last = boxes.length - 1;
  for (let i = 0; i <= last; i++) {
    const box = boxes[i]!;
    // No orphan (first line alone at a page bottom) and no widow (last line alone at a top).
    box.keepWithPrev = i === 1 || (i === last && i > 0);
    if (i === 0) box.gapBefore = flow.takeGap(style.spaceBefore);
    flow.emit(box);
  }
  flow.gap = style.spaceAfter;
}

/** A heading's lines, starting with the anchor links, TOC entries and bookmarks point to. */
export function addHeading(flow: FlowBuilder, block: Extract<Block, { type: 'heading' }>, ctx: BlockContext): void {
  const anchor: Drawable = {
    kind: 'anchor',
    id: block.id,
    x: ctx.x,
    y: 0,
    title: plainText(block.children),
    outlineLevel: block.toc && block.level <= 2 && !ctx.cell ? (block.level as 1 | 2) : null,
  };
  addHeadingLines(flow, block.children, block.level, ctx, 'heading', block.id, anchor);
  if (block.toc && block.level <= 2 && !ctx.cell) flow.title = block.children;
}

/**
 * Heading lines: kept together, kept with the first two lines of what follows, and (for
 * real headings) starting with the anchor links and bookmarks point to.
 */
export function addHeadingLines(
  flow: FlowBuilder,
  children: Inline[],
  level: 1 | 2 | 3,
  ctx: BlockContext,
  role: LineRole,
  ref: string | undefined,
  anchor: Drawable | null,
): void {
  const { theme } = flow.env;
  const base = theme.heading[level];
  const style = ctx.cell ? { ...base, spaceBefore: 0, spaceAfter: theme.table.cellPadding * CELL_BLOCK_GAP } : base;
  const boxes = lineBoxes(flow, children, style, ctx.x, ctx.width, role, ref);
  tagBoxes(flow.env, boxes, [...ctx.struct, structNode(flow.env, `H${level}`)]);
  if (boxes.length === 0) {
    if (!anchor) return;
    // An empty heading still anchors links and TOC entries.
    boxes.push({ kind: 'box', height: 0, gapBefore: 0, keepWithPrev: false, drawables: [] });
  }
  if (anchor) boxes[0]!.drawables.unshift(anchor);
  boxes.forEach((box, i) => {
    if (i === 0) box.gapBefore = flow.takeGap(style.spaceBefore);
    else box.keepWithPrev = true;
    flow.emit(box);
  });
  flow.gap = style.spaceAfter;
  flow.keep = 2;
}
