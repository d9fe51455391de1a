/**
 * Lists: each item's blocks indented past a marker column, the marker (number or bullet) set on
 * the first line of the item's first box.
 */

import type { Block } from '../../../model/doc-model.js';
import type { LineDrawable } from '../types.js';
import type { FlowBuilder } from './index.js';
import { structNode } from './tags.js';
import { baselineOffset, EM_BOX_TOP, paragraphStyle } from './text.js';
import type { BlockContext } from './types.js';

/** Space between a list marker and the item text, in ems. */
const MARKER_GAP = 0.4;

/** A list's items, nested lists one level deeper. */
export function addList(flow: FlowBuilder, list: Extract<Block, { type: 'list' }>, ctx: BlockContext): void {
  const { theme, measurer } = flow.env;
  const { ordered, start, items } = list;
  const depth = ctx.listDepth + 1;
  const style = paragraphStyle(theme, 'body', ctx);
  const labels = items.map((_, i) => (ordered ? (depth === 1 ? `${start + i}.` : `(${start + i})`) : ''));
  const gap = MARKER_GAP * style.size;
  const widest = Math.max(0, ...labels.map((label) => measurer.width(label, 'regular', style.size)));
  const markerWidth = Math.max(theme.list.indent, widest + gap);
  // Never narrower than two characters: deep nesting or a wide theme indent must not leave the
  // line breaker no room (it would set one line per character, or none at all).
  const innerWidth = Math.max(ctx.width - markerWidth, style.size * 2);
  const listPath = [...ctx.struct, structNode(flow.env, 'L')];
  const markerRight = ctx.x + markerWidth - gap;
  const color = theme.colors.text;

  items.forEach((item, i) => {
    if (i > 0) flow.gap += theme.list.itemSpacing;
    const label = labels[i]!;
    const itemPath = [...listPath, structNode(flow.env, 'LI')];
    const labelPath = [...itemPath, structNode(flow.env, 'Lbl')];
    const inner: BlockContext = {
      ...ctx,
      x: ctx.x + markerWidth,
      width: innerWidth,
      listDepth: depth,
      struct: [...itemPath, structNode(flow.env, 'LBody')],
    };
    flow.marker = (box) => {
      const line = box.drawables.find((d): d is LineDrawable => d.kind === 'line');
      const size = line?.size ?? style.size;
      const height = line?.height ?? style.size * style.lineHeight;
      const baseline = line?.baseline ?? baselineOffset(size, height);
      if (!ordered) {
        const radius = size * (depth === 1 ? 0.17 : 0.15);
        return [
          {
            kind: 'bullet',
            x: markerRight - radius - size * 0.2,
            y: baseline - size * (EM_BOX_TOP - 0.5),
            radius,
            filled: depth === 1,
            color,
            struct: labelPath,
          },
        ];
      }
      const width = measurer.width(label, 'regular', size);
      const x = markerRight - width;
      return [
        {
          kind: 'line',
          role: 'marker',
          x,
          y: 0,
          width,
          height,
          baseline,
          size,
          text: label,
          runs: [{ x, text: label, font: 'regular', color, charSpacing: 0 }],
          block: flow.env.counters.block++,
          index: 0,
          struct: labelPath,
        },
      ];
    };
    item.children.forEach((child, j) => {
      if (j > 0) flow.gap += theme.list.itemSpacing;
      flow.addBlock(child, inner);
    });
    emitPendingMarker(flow, style.size * style.lineHeight);
  });
  flow.gap = depth > 1 ? 0 : ctx.cell ? style.spaceAfter : theme.paragraph.body.spaceAfter;
}

/** An empty list item still shows its marker, on a line of its own. */
function emitPendingMarker(flow: FlowBuilder, height: number): void {
  if (!flow.marker) return;
  flow.emit({ kind: 'box', height, gapBefore: flow.takeGap(0), keepWithPrev: false, drawables: [] });
}
