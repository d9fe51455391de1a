/**
 * Choose what goes into a guide: the measures in effect on the as-of date, grouped into the
 * edition's chapters (category order from guide.yaml) and numbered. Measures left out are kept,
 * with the reason, for the build report.
 */

import type { Catalogue, Category, Edition, IsoDate, Measure, MeasureEntry } from './types.js';

export type MeasureStatus = 'active' | 'expired' | 'upcoming';

/** Whether a measure is in effect on a date (both ends of the period count as in effect). */
export function measureStatus(measure: Measure, asOf: IsoDate): MeasureStatus {
  if (measure.effective.from > asOf) return 'upcoming';
  if (measure.effective.until !== undefined && measure.effective.until < asOf) return 'expired';
  return 'active';
}

/** The date measures are judged on: the one asked for, else the edition's own date. */
export function asOfDate(edition: Edition, asOf?: IsoDate): IsoDate {
  return asOf ?? edition.date;
}

/** A measure in a guide: selected measures are in effect on the as-of date. */
export interface SelectedMeasure {
  /** "3.2": chapter 3, second measure; shown before the title and in the TOC. */
  number: string;
  entry: MeasureEntry;
}

export interface Chapter {
  /** 1-based chapter number. */
  number: number;
  category: Category;
  measures: SelectedMeasure[];
}

export interface ExcludedMeasure {
  entry: MeasureEntry;
  status: Exclude<MeasureStatus, 'active'>;
}

export interface Selection {
  edition: Edition;
  asOf: IsoDate;
  /** Chapters with at least one measure, in guide.yaml order. */
  chapters: Chapter[];
  excluded: ExcludedMeasure[];
}

export interface SelectOptions {
  asOf: IsoDate;
  /** Only these category ids (all when absent). */
  categories?: readonly string[];
  /** Extra filter, e.g. a firm's audience match. */
  include?: (measure: Measure) => boolean;
}

export function selectMeasures(catalogue: Catalogue, options: SelectOptions): Selection {
  const excluded: ExcludedMeasure[] = [];
  const chapters: Chapter[] = [];
  for (const category of catalogue.edition.categories) {
    if (options.categories && !options.categories.includes(category.id)) continue;
    const measures: SelectedMeasure[] = [];
    for (const entry of catalogue.measures) {
      if (entry.measure.category !== category.id) continue;
      const status = measureStatus(entry.measure, options.asOf);
      if (status !== 'active') {
        excluded.push({ entry, status });
        continue;
      }
      if (options.include && !options.include(entry.measure)) continue;
      measures.push({ number: `${chapters.length + 1}.${measures.length + 1}`, entry });
    }
    if (measures.length > 0) chapters.push({ number: chapters.length + 1, category, measures });
  }
  return { edition: catalogue.edition, asOf: options.asOf, chapters, excluded };
}
