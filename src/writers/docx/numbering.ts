/**
 * Word numbering for DocModel lists, written as word/numbering.xml: one abstract list per list
 * kind (bullet, ordered) and a new numbering instance (w:num) per model list, with a start
 * override, so every list restarts at its own `start` and Word's "Restart at 1" / "Continue
 * numbering" work on it as on a list typed in Word. (Without the override Word would carry the
 * count on across every list sharing the abstract list.)
 */

import type { Theme } from '../theme.js';
import { twips } from './units.js';

/** Word has nine list levels; deeper model nesting stays at the last one. */
const LEVELS = 9;

const BULLETS = ['•', '◦', '▪'] as const;

/** 1. → (1) → ①, as Chinese government documents number nested enumerations. */
const ORDERED = [
  { format: 'decimal', text: (level: number) => `%${level + 1}.` },
  { format: 'decimal', text: (level: number) => `(%${level + 1})` },
  { format: 'decimalEnclosedCircle', text: (level: number) => `%${level + 1}` },
] as const;

const ABSTRACT_ID = { bullet: 0, ordered: 1 } as const;

/** One model list: its numbering instance, the level it sits at and where it starts. */
export interface ListInstance {
  numId: number;
  ordered: boolean;
  level: number;
  start: number;
}

/** Hands out numbering instances within one document, and writes numbering.xml for them. */
export class ListNumbering {
  readonly #instances: ListInstance[] = [];

  /** The lists opened so far, in order. */
  get instances(): readonly ListInstance[] {
    return this.#instances;
  }

  /** A new list nested `depth` lists deep: its w:numId and list level. */
  open(ordered: boolean, start: number, depth: number): { numId: number; level: number } {
    const instance = { numId: this.#instances.length + 1, ordered, level: Math.min(depth, LEVELS - 1), start };
    this.#instances.push(instance);
    return instance;
  }

  /** word/numbering.xml for the lists opened so far. */
  toXml(theme: Theme): string {
    const indent = twips(theme.list.indent);
    const level = (ordered: boolean, ilvl: number) => {
      const marker = ordered
        ? ORDERED[ilvl % ORDERED.length]!
        : { format: 'bullet', text: () => BULLETS[ilvl % BULLETS.length]! };
      // Hanging indent: the marker sits one indent left of the text, and each level moves in by one indent.
      return (
        `<w:lvl w:ilvl="${ilvl}"><w:start w:val="1"/><w:numFmt w:val="${marker.format}"/>` +
        `<w:lvlText w:val="${marker.text(ilvl)}"/><w:lvlJc w:val="left"/>` +
        `<w:pPr><w:ind w:left="${indent * (ilvl + 1)}" w:hanging="${indent}"/></w:pPr></w:lvl>`
      );
    };
    const abstract = (ordered: boolean) =>
      `<w:abstractNum w:abstractNumId="${ABSTRACT_ID[ordered ? 'ordered' : 'bullet']}"><w:multiLevelType w:val="hybridMultilevel"/>` +
      Array.from({ length: LEVELS }, (_, ilvl) => level(ordered, ilvl)).join('') +
      '</w:abstractNum>';
    const nums = this.#instances.map(
      ({ numId, ordered, level: ilvl, start }) =>
        `<w:num w:numId="${numId}"><w:abstractNumId w:val="${ABSTRACT_ID[ordered ? 'ordered' : 'bullet']}"/>` +
        `<w:lvlOverride w:ilvl="${ilvl}"><w:startOverride w:val="${ordered ? start : 1}"/></w:lvlOverride></w:num>`,
    );
    return (
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
      '<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
      abstract(false) +
      abstract(true) +
      nums.join('') +
      '</w:numbering>'
    );
  }
}
