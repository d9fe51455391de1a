/** Everything `guide validate` checks, in one call: what loading found plus the rules. */

import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { LoadResult } from './load.js';
import { asOfDate } from './select.js';
import { checkRules } from './rules.js';
import type { IsoDate } from './types.js';

export interface ValidateOptions {
  /** Default: the edition date. */
  asOf?: IsoDate;
  /** Days before `until` from which a measure counts as expiring soon (default: guide.yaml review.expiring_within_days). */
  expiringWithinDays?: number;
}

/** Plain code-unit order: the same on every machine, whatever its locale or ICU version. */
function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function validateCatalogue(loaded: LoadResult, options: ValidateOptions = {}): Diagnostic[] {
  const { catalogue } = loaded;
  if (!catalogue) return loaded.diagnostics;
  const ruleDiagnostics = checkRules({
    catalogue,
    documents: loaded.documents,
    asOf: asOfDate(catalogue.edition, options.asOf),
    expiringWithinDays: options.expiringWithinDays ?? catalogue.edition.review.expiring_within_days,
  });
  // File by file, top to bottom, as a person fixes them.
  return [...loaded.diagnostics, ...ruleDiagnostics].sort(
    (a, b) => compareCodeUnits(a.file ?? '', b.file ?? '') || (a.range?.[0] ?? 0) - (b.range?.[0] ?? 0),
  );
}
