/** Everything `guide validate` checks, in one call: what loading found plus the rules. */

import { byPlace, type Diagnostic } from '../diagnostics/diagnostic.js';
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

export function validateCatalogue(loaded: LoadResult, options: ValidateOptions = {}): Diagnostic[] {
  const { catalogue } = loaded;
  if (!catalogue) return loaded.diagnostics;
  const ruleDiagnostics = checkRules({
    catalogue,
    documents: loaded.documents,
    asOf: asOfDate(catalogue.edition, options.asOf),
    expiringWithinDays: options.expiringWithinDays ?? catalogue.edition.review.expiring_within_days,
  });
  return [...loaded.diagnostics, ...ruleDiagnostics].sort(byPlace);
}
