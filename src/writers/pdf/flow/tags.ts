/**
 * Structure tags for the tagged PDF, made while the flow is built: each block puts its element
 * (a new `StructNode`) below the path of what holds it, and its drawables carry the path to the
 * drawer (draw.ts, structure.ts), which turns paths into the structure tree.
 */

import type { Drawable, LineDrawable, StructNode, StructPath, StructType } from '../types.js';
import type { FlowEnv, FlowBox } from './types.js';

/** A new element of `type`, with a key no other element of the document has. */
export function structNode(env: FlowEnv, type: StructType, extra: Omit<StructNode, 'type' | 'key'> = {}): StructNode {
  return { type, key: env.counters.struct++, ...extra };
}

/** Tolerance when matching a run to the link it lies in: both come from the same sums. */
const SAME_X = 1e-3;

/**
 * Tags the lines of `boxes` (and their links) as content of `path`. The runs of a link's text
 * and its annotation go into a Link element of their own, one per link and line.
 */
export function tagBoxes(env: FlowEnv, boxes: readonly FlowBox[], path: StructPath): void {
  for (const box of boxes) tagDrawables(env, box.drawables, path);
}

function tagDrawables(env: FlowEnv, drawables: readonly Drawable[], path: StructPath): void {
  const lines: LineDrawable[] = [];
  for (const d of drawables) if (d.kind === 'line') lines.push(d);
  for (const line of lines) line.struct = path;
  for (const link of drawables) {
    if (link.kind !== 'link' || link.struct) continue;
    const linkPath = [...path, structNode(env, 'Link')];
    link.struct = linkPath;
    for (const line of lines) {
      if (line.y !== link.y) continue;
      for (const run of line.runs) {
        if (run.x >= link.x - SAME_X && run.x < link.x + link.width - SAME_X) run.struct = linkPath;
      }
    }
  }
}
