/**
 * A batch's sections laid out once and taken again. Every section starts on a new page, so its
 * pages depend on nothing before it but what the layout run shares (`FlowEnv`): the firms that
 * get the same measures have the same body in their guides, and only the letter (the cover
 * section) is laid out for each firm. A single build lays each section out once and keeps none.
 */

import type { Section } from '../../model/doc-model.js';
import { sha256Hex } from '../../hash.js';
import { LruMap } from '../../lru.js';
import type { WriterCache } from '../cache.js';
import type { FlowEnv } from './flow/index.js';
import type { PdfFonts } from './fonts.js';
import type { LaidPage } from './paginate.js';

/** Sections kept per fonts: a batch's bodies, one for each set of measures and needs that recurs. */
const KEPT_SECTIONS = 32;
/** Sections remembered as seen once: kept when seen again. */
const SEEN_SECTIONS = 4096;

/** A section's pages, the counters after it, the characters the fonts lacked in it. */
interface LaidSection {
  readonly pages: readonly LaidPage[];
  readonly counters: FlowEnv['counters'];
  readonly missing: readonly number[];
}

/** The sections laid out with one set of fonts. */
export class LaidSections {
  /** By the key of what each was laid out from. */
  private readonly kept = new LruMap<string, LaidSection>(KEPT_SECTIONS);
  /**
   * Keys of sections laid out once and not kept: a section is kept the second time it is met, so
   * that firms' letters, each met once, do not push the bodies out.
   */
  private readonly seen = new LruMap<string, true>(SEEN_SECTIONS);

  /**
   * Blocks and themes as JSON, by identity: the blocks of a measure's section are the same objects
   * in every firm's model (the pipeline reads each once), and writing them out for every firm's
   * key took longer than the rest of the key.
   */
  private readonly json = new WeakMap<object, string>();

  /**
   * `section`'s pages, as `layOut` lays them out in `env`, or as laid out before when the same blocks
   * were laid out in the same setting.
   * The key holds all that the section's layout reads: its kind and blocks, the theme, the TOC's
   * entries and the room for their page numbers, and the counters it numbers blocks, tables and
   * structure elements from. The pages are shared: no one changes them once laid out.
   */
  pages(section: Section, env: FlowEnv, layOut: () => readonly LaidPage[]): readonly LaidPage[] {
    const { counters, measurer } = env;
    const key = this.key(section, env);
    const laid = this.kept.get(key);
    if (laid !== undefined) {
      Object.assign(counters, laid.counters);
      measurer.noteMissing(laid.missing);
      return laid.pages;
    }
    const { value: pages, missing } = measurer.missingDuring(layOut);
    if (this.seen.get(key)) this.kept.set(key, { pages, counters: { ...counters }, missing });
    else this.seen.set(key, true);
    return pages;
  }

  /** What `section`'s layout reads, as a digest (JSON never holds a raw newline: the parts stay apart). */
  private key(section: Section, env: FlowEnv): string {
    const { theme, toc, pageDigits, counters } = env;
    const parts = [section.kind, this.jsonOf(theme), JSON.stringify([toc, pageDigits, counters])];
    for (const block of section.blocks) parts.push(this.jsonOf(block));
    return sha256Hex(parts.join('\n'));
  }

  private jsonOf(value: object): string {
    let json = this.json.get(value);
    if (json === undefined) this.json.set(value, (json = JSON.stringify(value)));
    return json;
  }
}

/** The batch's sections laid out with `fonts`; null when the cache serves a single document. */
export function laidSectionsOf(cache: WriterCache, fonts: PdfFonts): LaidSections | null {
  if (!cache.laidSections) return null;
  let sections = cache.laidSections.get(fonts);
  if (!sections) cache.laidSections.set(fonts, (sections = new LaidSections()));
  return sections;
}
