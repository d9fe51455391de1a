/**
 * The layout as plain JSON: what golden files and layout tests compare. Numbers are rounded
 * to 0.01 pt so the snapshot is stable across platforms' float printing.
 */

import type { LayoutResult } from './layout.js';
import type { Drawable, FontKey, LineRole } from './types.js';

/** A placed line of text: top-left of its line box, ink width, baseline. */
export interface SnapshotLine {
  x: number;
  y: number;
  width: number;
  height: number;
  baseline: number;
  size: number;
  /** The line's font, or `mixed` when inline bold switches it. */
  font: FontKey | 'mixed';
  text: string;
  role: LineRole;
  /** Paragraph (or heading, TOC entry…) the line belongs to, and its index there. */
  block: number;
  index: number;
  /** Heading id for heading lines; target id for TOC lines. */
  ref?: string;
}

/** A placed non-text item. */
export type SnapshotBox = {
  x: number;
  y: number;
  width: number;
  height: number;
} & (
  | { kind: 'cell'; table: number; row: number; col: number; header: boolean; fill: string | null }
  | { kind: 'frame'; table: number; columns: number[]; rows: number[] }
  | { kind: 'rule'; role: string; dotted: boolean }
  | { kind: 'bullet'; filled: boolean }
  | { kind: 'qr'; modules: number }
  | { kind: 'link'; target: string }
  | { kind: 'anchor'; id: string; outline: 1 | 2 | null }
);

/** One page of the snapshot. */
export interface SnapshotPage {
  /** 1-based position in the file. */
  index: number;
  section: 'cover' | 'body';
  /** Printed number (body pages), or null (cover pages). */
  number: number | null;
  lines: SnapshotLine[];
  boxes: SnapshotBox[];
}

/** The whole layout: page size and pages. */
export interface LayoutSnapshot {
  width: number;
  height: number;
  pages: SnapshotPage[];
}

function round(value: number): number {
  const rounded = Math.round(value * 100) / 100;
  return rounded === 0 ? 0 : rounded; // no "-0" in JSON
}

function box(d: Drawable): SnapshotBox | null {
  switch (d.kind) {
    case 'cell':
      return {
        kind: 'cell',
        x: round(d.x),
        y: round(d.y),
        width: round(d.width),
        height: round(d.height),
        table: d.table,
        row: d.row,
        col: d.col,
        header: d.header,
        fill: d.fill,
      };
    case 'frame':
      return {
        kind: 'frame',
        x: round(d.x),
        y: round(d.y),
        width: round(d.width),
        height: round(d.height),
        table: d.table,
        columns: d.columns.map(round),
        rows: d.rows.map(round),
      };
    case 'rule':
      return {
        kind: 'rule',
        x: round(d.x),
        y: round(d.y),
        width: round(d.width),
        height: round(d.lineWidth),
        role: d.role,
        dotted: d.dotPitch !== null,
      };
    case 'bullet':
      return {
        kind: 'bullet',
        x: round(d.x - d.radius),
        y: round(d.y - d.radius),
        width: round(2 * d.radius),
        height: round(2 * d.radius),
        filled: d.filled,
      };
    case 'qr':
      return {
        kind: 'qr',
        x: round(d.x),
        y: round(d.y),
        width: round(d.size),
        height: round(d.size),
        modules: d.matrix.size,
      };
    case 'link':
      return {
        kind: 'link',
        x: round(d.x),
        y: round(d.y),
        width: round(d.width),
        height: round(d.height),
        target: d.target.kind === 'uri' ? d.target.uri : `#${d.target.id}`,
      };
    case 'anchor':
      return { kind: 'anchor', x: round(d.x), y: round(d.y), width: 0, height: 0, id: d.id, outline: d.outlineLevel };
    case 'line':
    case 'page-ref':
      return null;
  }
}

/** The snapshot of a layout. */
export function snapshotLayout(layout: LayoutResult): LayoutSnapshot {
  return {
    width: round(layout.geometry.width),
    height: round(layout.geometry.height),
    pages: layout.pages.map((page, i) => {
      const lines: SnapshotLine[] = [];
      const boxes: SnapshotBox[] = [];
      for (const d of page.drawables) {
        if (d.kind === 'line') {
          const fonts = new Set(d.runs.map((run) => run.font));
          const line: SnapshotLine = {
            x: round(d.x),
            y: round(d.y),
            width: round(d.width),
            height: round(d.height),
            baseline: round(d.baseline),
            size: d.size,
            font: fonts.size === 1 ? [...fonts][0]! : fonts.size === 0 ? 'regular' : 'mixed',
            text: d.text,
            role: d.role,
            block: d.block,
            index: d.index,
          };
          if (d.ref !== undefined) line.ref = d.ref;
          lines.push(line);
        } else {
          const b = box(d);
          if (b) boxes.push(b);
        }
      }
      return { index: i + 1, section: page.section, number: page.number, lines, boxes };
    }),
  };
}
