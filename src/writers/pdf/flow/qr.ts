/** QR blocks: the code on the left, its label and address beside it, centred on each other. */

import type { Block } from '../../../model/doc-model.js';
import { qrMatrix } from '../qr.js';
import { offsetDrawable, type Drawable } from '../types.js';
import type { FlowBuilder } from './index.js';
import { structNode, tagBoxes } from './tags.js';
import { lineBoxes, paragraphStyle } from './text.js';
import type { BlockContext } from './types.js';

/** Space between a QR code and its text, in points (also its quiet zone on that side). */
const QR_TEXT_GAP = 12;

/** What a screen reader says for the code: the guide's language, and the address it holds. */
export function qrAltText(url: string): string {
  return `QR 碼，連結至 ${url}`;
}

/** A QR code with its label and address, as one box. */
export function addQr(flow: FlowBuilder, block: Extract<Block, { type: 'qr' }>, ctx: BlockContext): void {
  const { theme } = flow.env;
  const { url, label } = block;
  const size = theme.qr.size;
  const textX = ctx.x + size + QR_TEXT_GAP;
  const textWidth = ctx.width - size - QR_TEXT_GAP;
  const bodyStyle = { ...paragraphStyle(theme, 'body', ctx), align: 'left' as const };
  const noteStyle = { ...theme.paragraph.note, color: theme.colors.link, align: 'left' as const };
  const labelBoxes = lineBoxes(flow, label, bodyStyle, textX, textWidth, 'text');
  const urlBoxes = lineBoxes(
    flow,
    [{ type: 'link', url, children: [{ type: 'text', value: url }] }],
    noteStyle,
    textX,
    textWidth,
    'url',
  );
  const { env } = flow;
  tagBoxes(env, labelBoxes, [...ctx.struct, structNode(env, 'P')]);
  tagBoxes(env, urlBoxes, [...ctx.struct, structNode(env, 'P')]);
  const textBoxes = [...labelBoxes, ...urlBoxes];
  const textHeight = textBoxes.reduce((sum, box) => sum + box.height, 0);
  const height = Math.max(size, textHeight);
  const drawables: Drawable[] = [
    {
      kind: 'qr',
      x: ctx.x,
      y: (height - size) / 2,
      size,
      matrix: qrMatrix(url, flow.env.cache),
      color: theme.colors.text,
      struct: [...ctx.struct, structNode(env, 'Figure', { alt: qrAltText(url) })],
    },
  ];
  let y = (height - textHeight) / 2;
  for (const box of textBoxes) {
    for (const d of box.drawables) drawables.push(offsetDrawable(d, 0, y));
    y += box.height;
  }
  flow.emit({
    kind: 'box',
    height,
    gapBefore: flow.takeGap(bodyStyle.spaceBefore),
    keepWithPrev: false,
    drawables,
  });
  // On its own the code needs room like a figure; in a list or cell it is one item of many.
  flow.gap =
    ctx.cell || ctx.listDepth > 0 ? bodyStyle.spaceAfter : Math.max(bodyStyle.spaceAfter, theme.table.spaceAfter);
}
