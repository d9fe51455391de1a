/**
 * Checks on one measure file's YAML that catch values which parse and fit the schema but would
 * silently spoil the guide: an example text `guide new` wrote and nobody replaced, and an empty
 * audience list, which matches no firm and so drops the measure from every tailored guide.
 */

import { isMap, isScalar, isSeq, visit, type Document } from 'yaml';
import { diagnostic, type Diagnostic, type Range } from '../diagnostics/diagnostic.js';
import { skeletonPlaceholders } from './skeleton.js';

export function placeholderDiagnostics(file: string, doc: Document): Diagnostic[] {
  const out: Diagnostic[] = [];
  visit(doc, {
    Scalar(key, node) {
      if (key === 'key' || typeof node.value !== 'string' || !node.range) return;
      const value = node.value;
      const placeholder = skeletonPlaceholders.find((p) => value.includes(p));
      if (placeholder === undefined) return;
      out.push(
        diagnostic('E-PLACEHOLDER', `"${placeholder}" is an example text written by guide new`, {
          file,
          range: [node.range[0], node.range[1]],
          hint: 'replace it with the measure’s own text; if the field is optional (選填) and does not apply, delete it',
        }),
      );
    },
  });
  return out;
}

const singular: Readonly<Record<string, string>> = {
  industries: 'industry',
  regions: 'region',
  sizes: 'size',
  needs: 'need',
};

export function emptyAudienceDiagnostics(file: string, doc: Document): Diagnostic[] {
  const audience = doc.get('audience', true);
  if (!isMap(audience)) return [];
  const out: Diagnostic[] = [];
  for (const pair of audience.items) {
    if (!isScalar(pair.key) || !isSeq(pair.value) || pair.value.items.length > 0) continue;
    const name = String(pair.key.value);
    const range = pair.key.range;
    out.push(
      diagnostic('E-AUDIENCE-EMPTY', `audience.${name} is an empty list: it selects no firm`, {
        file,
        ...(range ? { range: [range[0], range[1]] as Range } : {}),
        hint: `remove the key "${name}": without it the measure is for firms of every ${singular[name] ?? name}; or list the ones it is for`,
      }),
    );
  }
  return out;
}
