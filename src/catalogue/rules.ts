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
import { catalogueMessages as say } from '../messages/catalogue.js';

export interface RuleContext {
  catalogue: Catalogue;
  documents: { get(file: string): Document | undefined };
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
      diagnostic('E-ID-DUPLICATE', say.idDuplicate({ id: entry.measure.id, file: earlier.file }), {
        ...at(context, entry, ['id']),
        related: [
          {
            file: earlierAt.file,
            ...(earlierAt.range ? { range: earlierAt.range } : {}),
            message: say.firstDefinedHere(),
          },
        ],
        hint: say.idDuplicateHint(),
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
      diagnostic('W-ID-FILENAME', say.idFileName({ id: entry.measure.id, base }), {
        ...at(context, entry, ['id']),
        hint: say.idFileNameHint({ id: entry.measure.id }),
      }),
    ];
  });

const expiry: Rule = (context) =>
  context.catalogue.measures.flatMap((entry) => {
    const until = entry.measure.effective.until;
    if (until === undefined) return [];
    if (until < context.asOf) {
      return [
        diagnostic('W-MEASURE-EXPIRED', say.expired({ title: entry.measure.title, until, asOf: context.asOf }), {
          ...at(context, entry, ['effective', 'until']),
          hint: say.expiredHint(),
        }),
      ];
    }
    const left = daysBetween(context.asOf, until);
    if (left > context.expiringWithinDays) return [];
    return [
      diagnostic(
        'W-EXPIRING-SOON',
        say.expiringSoon({ title: entry.measure.title, until, days: left, asOf: context.asOf }),
        {
          ...at(context, entry, ['effective', 'until']),
          hint: say.expiringSoonHint(),
        },
      ),
    ];
  });

const reviewAge: Rule = (context) => {
  const maxAge = context.catalogue.edition.review.max_age_days;
  return context.catalogue.measures.flatMap((entry) => {
    const reviewed = entry.measure.reviewed;
    if (reviewed === undefined) {
      return [
        diagnostic('W-REVIEW-MISSING', say.reviewMissing({ title: entry.measure.title }), {
          ...at(context, entry, ['id']),
          hint: say.reviewMissingHint(),
        }),
      ];
    }
    const age = daysBetween(reviewed, context.asOf);
    if (age <= maxAge) return [];
    return [
      diagnostic(
        'W-REVIEW-STALE',
        say.reviewStale({ title: entry.measure.title, days: age, asOf: context.asOf, max: maxAge }),
        {
          ...at(context, entry, ['reviewed']),
          hint: say.reviewStaleHint(),
        },
      ),
    ];
  });
};

export const rules: readonly Rule[] = [uniqueIds, idMatchesFileName, expiry, reviewAge];

export function checkRules(context: RuleContext): Diagnostic[] {
  return rules.flatMap((rule) => rule(context));
}
