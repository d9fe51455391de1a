/**
 * Lists: each item's blocks indented past a marker column, the marker (number or bullet) set on
 * the first line of the item's first box.
 */

import type { Block } from '../../../model/doc-model.js';
import type { Drawable, LineDrawable, StructPath } from '../types.js';
import type { FlowBuilder } from './index.js';
import { structNode } from './tags.js';
import { baselineOffset, EM_BOX_TOP, paragraphStyle } from './text.js';
import type { BlockContext, FlowBox } from './types.js';

/** Space between a list marker and the item text, in ems. */
const MARKER_GAP = 0.4;

/** How a list's markers look and where they end, the same for all its items. */
interface MarkerLook {
  ordered: boolean;
  /** 1 for a list at the top, 2 for one nested in it, … */
  depth: number;
  /** Where the marker ends, the gap before the item's text left out. */
  right: number;
  color: string;
  /** The style's size, and its line height in points, for an item whose first box has no line. */
  size: number;
  height: number;
}

/**
 * An item's marker, waiting for the item's first box (`FlowBuilder.marker`): what it shows and
 * where, as data rather than a closure per item (see "Code kept optimized" in docs/decisions.md).
 */
export interface PendingMarker {
  look: MarkerLook;
  /** The number as shown ("3.", "(2)"); empty for a bullet. */
  label: string;
  path: StructPath;
}

/** A list's items, nested lists one level deeper. */
export function addList(flow: FlowBuilder, list: Extract<Block, { type: 'list' }>, ctx: BlockContext): void {
  const { theme, measurer } = flow.env;
  const { ordered, start, items } = list;
  const depth = ctx.listDepth + 1;
  const style = paragraphStyle(theme, 'body', ctx);
  const labels: string[] = [];
  for (let i = 0; i < items.length; i++) labels.push(ordered ? (depth === 1 ? `${start + i}.` : `(${start + i})`) : '');
  const gap = MARKER_GAP * style.size;
  let widest = 0;
  for (const label of labels) widest = Math.max(widest, measurer.width(label, 'regular', style.size));
  const markerWidth = Math.max(theme.list.indent, widest + gap);
  // Never narrower than two characters: deep nesting or a wide theme indent must not leave the
  // line breaker no room (it would set one line per character, or none at all).
  const innerWidth = Math.max(ctx.width - markerWidth, style.size * 2);
  const listPath = [...ctx.struct, structNode(flow.env, 'L')];
  const look: MarkerLook = {
    ordered,
    depth,
    right: ctx.x + markerWidth - gap,
    color: theme.colors.text,
    size: style.size,
    height: style.size * style.lineHeight,
  };

  for (const [i, item] of items.entries()) {
    if (i > 0) flow.gap += theme.list.itemSpacing;
    const itemPath = [...listPath, structNode(flow.env, 'LI')];
    const labelPath = [...itemPath, structNode(flow.env, 'Lbl')];
    const inner: BlockContext = {
      ...ctx,
      x: ctx.x + markerWidth,
      width: innerWidth,
      listDepth: depth,
      struct: [...itemPath, structNode(flow.env, 'LBody')],
    };
    flow.marker = { look, label: labels[i]!, path: labelPath };
    for (const [j, child] of item.children.entries()) {
      if (j > 0) flow.gap += theme.list.itemSpacing;
      flow.addBlock(child, inner);
    }
    emitPendingMarker(flow);
  }
  flow.gap = depth > 1 ? 0 : ctx.cell ? style.spaceAfter : theme.paragraph.body.spaceAfter;
}

/** The drawable of `marker`, set on the first line of `box` (the item's first box). */
export function markerDrawable(flow: FlowBuilder, marker: PendingMarker, box: FlowBox): Drawable {
  const { look } = marker;
  let line: LineDrawable | undefined;
  for (const d of box.drawables) {
    if (d.kind === 'line') {
      line = d;
      break;
    }
  }
  const size = line?.size ?? look.size;
  const height = line?.height ?? look.height;
  const baseline = line?.baseline ?? baselineOffset(size, height);
  if (!look.ordered) {
    const radius = size * (look.depth === 1 ? 0.17 : 0.15);
    return {
      kind: 'bullet',
      x: look.right - radius - size * 0.2,
      y: baseline - size * (EM_BOX_TOP - 0.5),
      radius,
      filled: look.depth === 1,
      color: look.color,
      struct: marker.path,
    };
  }
  const width = flow.env.measurer.width(marker.label, 'regular', size);
  const x = look.right - width;
  return {
    kind: 'line',
    role: 'marker',
    x,
    y: 0,
    width,
    height,
    baseline,
    size,
    text: marker.label,
    runs: [{ x, text: marker.label, font: 'regular', color: look.color, charSpacing: 0 }],
    block: flow.env.counters.block++,
    index: 0,
    struct: marker.path,
  };
}

/** An empty list item still shows its marker, on a line of its own. */
function emitPendingMarker(flow: FlowBuilder): void {
  if (!flow.marker) return;
  const { height } = flow.marker.look;
  flow.emit({ kind: 'box', height, gapBefore: flow.takeGap(0), keepWithPrev: false, drawables: [] });
}
