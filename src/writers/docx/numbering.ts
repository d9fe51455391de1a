/**
 * Word numbering for DocModel lists: one abstract list definition per list kind, and a new
 * numbering instance (w:num) per model list, so every list restarts at its own `start` and
 * Word's "Restart at 1" / "Continue numbering" work on it as on a list typed in Word.
 */

import { AlignmentType, LevelFormat, type ILevelsOptions, type INumberingOptions } from 'docx';
import type { Block, DocModel } from '../../model/doc-model.js';
import type { Theme } from '../theme.js';
import { twips } from './units.js';

/** Word has nine list levels; deeper model nesting stays at the last one. */
const LEVELS = 9;

const BULLETS = ['•', '◦', '▪'] as const;

/** 1. → (1) → ① style: what Chinese government documents use for nested enumerations. */
const ORDERED: ReadonlyArray<{ format: (typeof LevelFormat)[keyof typeof LevelFormat]; text: (level: number) => string }> = [
  { format: LevelFormat.DECIMAL, text: (level) => `%${level + 1}.` },
  { format: LevelFormat.DECIMAL, text: (level) => `(%${level + 1})` },
  { format: LevelFormat.DECIMAL_ENCLOSED_CIRCLE, text: (level) => `%${level + 1}` },
];

/** The numbering reference of a list kind. Ordered lists that start elsewhere than 1 get a kind of their own, as a num instance restarts at its abstract list's start. */
function referenceOf(ordered: boolean, start: number): string {
  if (!ordered) return 'guide-bullet';
  return start === 1 ? 'guide-ordered' : `guide-ordered-from-${start}`;
}

function levelsOf(ordered: boolean, start: number, theme: Theme): ILevelsOptions[] {
  const indent = twips(theme.list.indent);
  return Array.from({ length: LEVELS }, (_, level) => {
    const marker = ordered
      ? { format: ORDERED[level % ORDERED.length]!.format, text: ORDERED[level % ORDERED.length]!.text(level), start }
      : { format: LevelFormat.BULLET, text: BULLETS[level % BULLETS.length]! };
    return {
      level,
      ...marker,
      alignment: AlignmentType.LEFT,
      // Hanging indent: the marker sits one indent left of the text, and every level moves in by one indent.
      style: { paragraph: { indent: { left: indent * (level + 1), hanging: indent } } },
    };
  });
}

function collectListKinds(blocks: readonly Block[], into: Map<string, { ordered: boolean; start: number }>): void {
  for (const block of blocks) {
    if (block.type === 'list') {
      into.set(referenceOf(block.ordered, block.start), { ordered: block.ordered, start: block.start });
      for (const item of block.items) collectListKinds(item.children, into);
    } else if (block.type === 'table') {
      for (const row of [...block.header, ...block.rows]) for (const cell of row.cells) collectListKinds(cell.children, into);
    }
  }
}

/** The abstract list definitions the model's lists need, for the Document's `numbering` option. */
export function buildNumbering(model: DocModel, theme: Theme): INumberingOptions {
  const kinds = new Map<string, { ordered: boolean; start: number }>();
  for (const section of model.sections) collectListKinds(section.blocks, kinds);
  // Sorted so the abstractNum ids do not depend on which kind of list came first.
  const config = [...kinds.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([reference, { ordered, start }]) => ({ reference, levels: levelsOf(ordered, start, theme) }));
  return { config };
}

/** Hands out numbering instances, one per model list, counting within one document. */
export class ListInstances {
  #next = 0;

  /** The numbering of a new list: its reference and a fresh instance, so it restarts. */
  open(ordered: boolean, start: number): { reference: string; instance: number } {
    this.#next += 1;
    return { reference: referenceOf(ordered, start), instance: this.#next };
  }
}

/** The list level of a list nested `depth` lists deep (0 for a top-level list). */
export function levelOf(depth: number): number {
  return Math.min(depth, LEVELS - 1);
}
