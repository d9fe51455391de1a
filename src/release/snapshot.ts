/**
 * One side of a comparison between two editions: the measures a guide printed (in effect on its
 * as-of date, numbered as in the guide), the ones it left out and why, and the labels needed to
 * describe a change in Chinese. A snapshot comes from a loaded edition (a folder, a git ref, the
 * working tree) or from a build's manifest.json, so `guide diff` compares any two of them alike.
 */

import type { Selection } from '../catalogue/select.js';
import type { IsoDate, Measure } from '../catalogue/types.js';

/** Title, edition and date of the edition a snapshot was taken from. */
export interface EditionInfo {
  title: string;
  edition: string;
  date: IsoDate;
}

/** Chinese labels for codes a change may need to name. */
export interface Labels {
  /** Category id → chapter title. */
  categories: Record<string, string>;
  /** guide.yaml vocabularies: industry and need codes → labels. */
  industries: Record<string, string>;
  needs: Record<string, string>;
}

/** A measure the guide printed, with its number there ("3.2") and its file. */
export interface SnapshotMeasure {
  number: string;
  file: string;
  measure: Measure;
}

/** A measure the guide left out on its as-of date: not yet in effect, or ended. */
export type ExcludedMeasure =
  | { id: string; title: string; file: string; reason: 'upcoming'; from: IsoDate }
  | { id: string; title: string; file: string; reason: 'expired'; until: IsoDate };

export interface EditionSnapshot {
  edition: EditionInfo;
  asOf: IsoDate;
  labels: Labels;
  /** In guide order. */
  included: SnapshotMeasure[];
  excluded: ExcludedMeasure[];
}

/** The snapshot of a guide as selected for its as-of date. */
export function snapshotFromSelection(selection: Selection): EditionSnapshot {
  const edition = selection.edition;
  return {
    edition: { title: edition.title, edition: edition.edition, date: edition.date },
    asOf: selection.asOf,
    labels: {
      categories: Object.fromEntries(edition.categories.map((category) => [category.id, category.title])),
      industries: { ...edition.vocabularies.industries },
      needs: { ...edition.vocabularies.needs },
    },
    included: selection.chapters.flatMap((chapter) =>
      chapter.measures.map(({ number, entry }) => ({ number, file: entry.file, measure: entry.measure })),
    ),
    excluded: selection.excluded.map(({ entry, status }): ExcludedMeasure => {
      const { id, title, effective } = entry.measure;
      return status === 'expired'
        ? { id, title, file: entry.file, reason: 'expired', until: effective.until! }
        : { id, title, file: entry.file, reason: 'upcoming', from: effective.from };
    }),
  };
}
