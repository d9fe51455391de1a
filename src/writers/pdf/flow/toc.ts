/**
 * The table of contents: its title as a heading, then one box per entry with the number, the
 * title, a dotted leader and a page reference the layout fills in once every heading's page is
 * known. Numbers (「7.10」, 「第一章」: what comes before the heading's ideographic space) sit in
 * a column as wide as the widest number of their level, so the titles of 7.1 and 7.10 line up;
 * a chapter's entries keep with it on one page.
 */

import type { Block } from '../../../model/doc-model.js';
import type { TextStyle } from '../../theme.js';
import { offsetDrawable, type Drawable, type FontKey, type LineDrawable } from '../types.js';
import type { FlowBuilder } from './index.js';
import { structNode, tagBoxes } from './tags.js';
import { addHeadingLines, baselineOffset, lineBoxes } from './text.js';
import type { BlockContext } from './types.js';

/** Indent per TOC level, in ems of the TOC size. */
const TOC_INDENT = 2;
/** Shortest dotted leader in a TOC entry, in ems. */
const TOC_LEADER_MIN = 2;
/** Distance between the dots of a TOC leader, in ems. */
const TOC_LEADER_PITCH = 0.3;
/** Extra space above a chapter entry in the TOC, in ems. */
const TOC_CHAPTER_GAP = 0.35;
/** Between a heading's number and its title (number-headings.ts puts it there). */
const NUMBER_SEPARATOR = '\u3000';
/** Longest text before the separator that counts as a number, in characters. */
const MAX_NUMBER_LENGTH = 8;

/** An entry's title split into its number (if any) and the rest. */
function splitNumber(title: string): { number: string; rest: string } {
  const at = title.indexOf(NUMBER_SEPARATOR);
  const number = title.slice(0, at);
  if (at <= 0 || [...number].length > MAX_NUMBER_LENGTH || title.slice(at + 1).trim() === '') {
    return { number: '', rest: title };
  }
  return { number, rest: title.slice(at + 1) };
}

/** A TOC block: its title, then the layout's TOC entries. */
export function addToc(flow: FlowBuilder, block: Extract<Block, { type: 'toc' }>, ctx: BlockContext): void {
  const { theme, measurer } = flow.env;
  addHeadingLines(flow, [{ type: 'text', value: block.title }], 1, ctx, 'toc-title', undefined, null);

  const size = theme.toc.size;
  const height = size * theme.toc.lineHeight;
  const baseline = baselineOffset(size, height);
  const numberWidth = measurer.width('0'.repeat(flow.env.pageDigits), 'regular', size);
  const fontOf = (level: number): FontKey => (level === 1 ? 'bold' : 'regular');
  const entries = flow.env.toc.map((entry) => ({ ...entry, ...splitNumber(entry.title) }));
  // The number column of each level: its widest number and an em of space.
  const numberColumn = new Map<number, number>();
  for (const entry of entries) {
    if (entry.number === '') continue;
    const width = measurer.width(entry.number, fontOf(entry.level), size) + size;
    numberColumn.set(entry.level, Math.max(numberColumn.get(entry.level) ?? 0, width));
  }
  const tocPath = [...ctx.struct, structNode(flow.env, 'TOC')];
  entries.forEach((entry, i) => {
    // The whole entry (number, title and page number) is one link, as it is one clickable area.
    const entryPath = [...tocPath, structNode(flow.env, 'TOCI'), structNode(flow.env, 'Link')];
    const indent = (entry.level - 1) * TOC_INDENT * size;
    const font: FontKey = fontOf(entry.level);
    const style: TextStyle = {
      ...theme.paragraph.body,
      size,
      lineHeight: theme.toc.lineHeight,
      bold: font === 'bold',
      color: theme.colors.text,
      align: 'left',
    };
    const column = entry.number === '' ? 0 : numberColumn.get(entry.level)!;
    const titleWidth = ctx.width - indent - column - numberWidth - TOC_LEADER_MIN * size;
    const drawables: Drawable[] = [];
    if (entry.number !== '') {
      const value = entry.number;
      const [number] = lineBoxes(flow, [{ type: 'text', value }], style, ctx.x + indent, column, 'toc-entry', entry.id);
      tagBoxes(flow.env, [number!], entryPath);
      drawables.push(...number!.drawables);
    }
    const lines = lineBoxes(
      flow,
      [{ type: 'text', value: entry.rest }],
      style,
      ctx.x + indent + column,
      titleWidth,
      'toc-entry',
      entry.id,
    );
    tagBoxes(flow.env, lines, entryPath);
    lines.forEach((box, k) => {
      for (const d of box.drawables) drawables.push(offsetDrawable(d, 0, k * height));
    });
    const count = Math.max(1, lines.length);
    const lastLine = drawables[drawables.length - 1] as LineDrawable | undefined;
    const lastBaseline = (count - 1) * height + baseline;
    const textEnd = lastLine ? lastLine.x + lastLine.width : ctx.x + indent;
    const right = ctx.x + ctx.width;
    // Leaders end at the same x and start on a multiple of the dot pitch from there, so
    // the dots of all entries line up in columns.
    const pitch = TOC_LEADER_PITCH * size;
    const leaderEnd = right - numberWidth - size * 0.5;
    const dots = Math.floor((leaderEnd - (textEnd + size * 0.5)) / pitch);
    if (dots > 0) {
      drawables.push({
        kind: 'rule',
        role: 'leader',
        x: leaderEnd - dots * pitch,
        y: lastBaseline - size * 0.12,
        // Half a pitch short of leaderEnd: whether a dot is drawn exactly at the end of a
        // dashed path is up to float rounding.
        width: (dots - 0.5) * pitch,
        lineWidth: size * 0.09,
        color: theme.colors.muted,
        dotPitch: pitch,
      });
    }
    drawables.push({
      kind: 'page-ref',
      id: entry.id,
      right,
      y: (count - 1) * height,
      height,
      baseline: lastBaseline,
      size,
      font,
      color: theme.colors.text,
      block: lastLine?.block ?? flow.env.counters.block++,
      struct: entryPath,
    });
    drawables.push({
      kind: 'link',
      x: ctx.x + indent,
      y: 0,
      width: ctx.width - indent,
      height: count * height,
      target: { kind: 'dest', id: entry.id },
      struct: entryPath,
    });
    flow.emit({
      kind: 'box',
      height: count * height,
      gapBefore: i === 0 ? flow.takeGap(0) : entry.level === 1 ? TOC_CHAPTER_GAP * size : 0,
      // Entries below a chapter keep with it (a page breaks before a chapter, not inside one;
      // a chapter longer than a page still breaks where it must).
      keepWithPrev: i > 0 && entry.level > 1,
      drawables,
    });
  });
  flow.gap = theme.paragraph.body.spaceAfter;
}
