/**
 * A batch's sections laid out once and taken again (see kept-sections.ts). Every section starts on
 * a new page, so its pages depend on nothing before it but what the layout run shares
 * (`FlowEnv`). A single build lays each section out once and keeps none.
 */

import type { Section } from '../../model/doc-model.js';
import type { WriterCache } from '../cache.js';
import { KeptSections } from '../kept-sections.js';
import type { FlowEnv } from './flow/index.js';
import type { PdfFonts } from './fonts.js';
import type { LaidPage } from './paginate.js';

/** Sections kept per fonts: a batch's bodies, one for each set of measures and needs that recurs. */
const KEPT_SECTIONS = 32;

/** A section's pages, the counters after it, the characters the fonts lacked in it. */
export interface LaidSection {
  readonly pages: readonly LaidPage[];
  readonly counters: FlowEnv['counters'];
  readonly missing: readonly number[];
}

/**
 * `section`'s pages, as `layOut` lays them out in `env`, or as laid out before when the same
 * blocks were laid out in the same setting. The key holds all that the section's layout reads:
 * its kind and blocks, the theme, the TOC's entries and the room for their page numbers, and the
 * counters it numbers blocks, tables and structure elements from. The pages are shared: no one
 * changes them once laid out.
 */
export function laidSection(
  kept: KeptSections<LaidSection>,
  section: Section,
  env: FlowEnv,
  layOut: () => readonly LaidPage[],
): readonly LaidPage[] {
  const { counters, measurer, theme, toc, pageDigits } = env;
  const key = kept.key([section.kind, theme, JSON.stringify([toc, pageDigits, counters])], section.blocks);
  const laid = kept.get(key);
  if (laid !== undefined) {
    Object.assign(counters, laid.counters);
    measurer.noteMissing(laid.missing);
    return laid.pages;
  }
  const { value: pages, missing } = measurer.missingDuring(layOut);
  kept.made(key, { pages, counters: { ...counters }, missing });
  return pages;
}

/** The batch's sections laid out with `fonts`; null when the cache serves a single document. */
export function laidSectionsOf(cache: WriterCache, fonts: PdfFonts): KeptSections<LaidSection> | null {
  if (!cache.laidSections) return null;
  let sections = cache.laidSections.get(fonts);
  if (!sections) cache.laidSections.set(fonts, (sections = new KeptSections(KEPT_SECTIONS, cache.json)));
  return sections;
}
