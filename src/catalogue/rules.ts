/**
 * Checks that look across files or at dates, each a small function (as changesets' rules.ts).
 * They run on measures that passed the schema, and point at nodes through the parsed documents.
 * Checks within one file (period order, declared codes) sit in the schema, so they run even on a
 * file with other mistakes.
 */

import type { Document, Node } from 'yaml';
import { diagnostic, type Diagnostic, type Range } from '../diagnostics/diagnostic.js';
import { daysBetween } from './dates.js';
import type { Catalogue, IsoDate, MeasureEntry } from './types.js';

export interface RuleContext {
  catalogue: Catalogue;
  documents: ReadonlyMap<string, Document>;
  /** The date the guide speaks for: the edition date unless --as-of says otherwise. */
  asOf: IsoDate;
  /** Warn about measures ending within this many days after `asOf`. */
  expiringWithinDays: number;
}

export type Rule = (context: RuleContext) => Diagnostic[];

/** The range of the value at `path` in a file, or of the whole document when it is not there. */
function rangeAt(context: RuleContext, file: string, path: readonly (string | number)[]): Range | undefined {
  const doc = context.documents.get(file);
  const node = (doc?.getIn(path, true) as Node | undefined) ?? (doc?.contents as Node | null | undefined);
  return node?.range ? [node.range[0], node.range[1]] : undefined;
}

function at(context: RuleContext, entry: MeasureEntry, path: readonly (string | number)[]) {
  const range = rangeAt(context, entry.file, path);
  return { file: entry.file, ...(range ? { range } : {}) };
}

const uniqueIds: Rule = (context) => {
  const first = new Map<string, MeasureEntry>();
  const out: Diagnostic[] = [];
  for (const entry of context.catalogue.measures) {
    const earlier = first.get(entry.measure.id);
    if (!earlier) {
      first.set(entry.measure.id, entry);
      continue;
    }
    const earlierAt = at(context, earlier, ['id']);
    out.push(
      diagnostic('E-ID-DUPLICATE', `id "${entry.measure.id}" is already used by ${earlier.file}`, {
        ...at(context, entry, ['id']),
        related: [
          {
            file: earlierAt.file,
            ...(earlierAt.range ? { range: earlierAt.range } : {}),
            message: 'first defined here',
          },
        ],
        hint: 'every measure needs its own id; give one of them a new id (ids stay stable across editions)',
      }),
    );
  }
  return out;
};

const idMatchesFileName: Rule = (context) =>
  context.catalogue.measures.flatMap((entry) => {
    const base = entry.file
      .split('/')
      .at(-1)!
      .replace(/\.ya?ml$/i, '');
    if (base === entry.measure.id) return [];
    return [
      diagnostic('W-ID-FILENAME', `id "${entry.measure.id}" differs from the file name "${base}"`, {
        ...at(context, entry, ['id']),
        hint: `rename the file to ${entry.measure.id}.yaml so the measure is easy to find`,
      }),
    ];
  });

const expiry: Rule = (context) =>
  context.catalogue.measures.flatMap((entry) => {
    const until = entry.measure.effective.until;
    if (until === undefined) return [];
    if (until < context.asOf) {
      return [
        diagnostic(
          'W-MEASURE-EXPIRED',
          `"${entry.measure.title}" ended on ${until}, before ${context.asOf}; it is left out of the guide`,
          {
            ...at(context, entry, ['effective', 'until']),
            hint: 'if the measure was extended, update effective.until and add the extending document to basis; otherwise move the file out of policies/',
          },
        ),
      ];
    }
    const left = daysBetween(context.asOf, until);
    if (left > context.expiringWithinDays) return [];
    return [
      diagnostic('W-EXPIRING-SOON', `"${entry.measure.title}" ends on ${until}, ${left} days after ${context.asOf}`, {
        ...at(context, entry, ['effective', 'until']),
        hint: 'check whether the measure has been extended before the guide goes out',
      }),
    ];
  });

const reviewAge: Rule = (context) => {
  const maxAge = context.catalogue.edition.review.max_age_days;
  return context.catalogue.measures.flatMap((entry) => {
    const reviewed = entry.measure.reviewed;
    if (reviewed === undefined) {
      return [
        diagnostic('W-REVIEW-MISSING', `"${entry.measure.title}" has no reviewed date`, {
          ...at(context, entry, ['id']),
          hint: 'check the measure against its documents, then add "reviewed: YYYY-MM-DD"',
        }),
      ];
    }
    const age = daysBetween(reviewed, context.asOf);
    if (age <= maxAge) return [];
    return [
      diagnostic(
        'W-REVIEW-STALE',
        `"${entry.measure.title}" was last reviewed ${age} days before ${context.asOf} (limit ${maxAge})`,
        {
          ...at(context, entry, ['reviewed']),
          hint: 'check the measure against its documents again and update "reviewed"',
        },
      ),
    ];
  });
};

export const rules: readonly Rule[] = [uniqueIds, idMatchesFileName, expiry, reviewAge];

export function checkRules(context: RuleContext): Diagnostic[] {
  return rules.flatMap((rule) => rule(context));
}
