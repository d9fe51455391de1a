/**
 * Checks on one measure file's YAML that catch values which parse and fit the schema but would
 * silently spoil the guide: an example text `guide new` wrote and nobody replaced, and an empty
 * audience list, which matches no firm and so drops the measure from every tailored guide.
 */

import { isMap, isScalar, isSeq, visit, type Document } from 'yaml';
import { diagnostic, type Diagnostic, type Range } from '../diagnostics/diagnostic.js';
import { skeletonPlaceholders } from './skeleton.js';
import { catalogueMessages as say } from '../messages/catalogue.js';

export function placeholderDiagnostics(file: string, doc: Document): Diagnostic[] {
  const out: Diagnostic[] = [];
  visit(doc, {
    Scalar(key, node) {
      if (key === 'key' || typeof node.value !== 'string' || !node.range) return;
      const value = node.value;
      const placeholder = skeletonPlaceholders.find((p) => value.includes(p));
      if (placeholder === undefined) return;
      out.push(
        diagnostic('E-PLACEHOLDER', say.placeholder({ text: placeholder }), {
          file,
          range: [node.range[0], node.range[1]],
          hint: say.placeholderHint(),
        }),
      );
    },
  });
  return out;
}

/** What one item of each audience list is, for "firms of every industry". */
const singular: Readonly<Record<string, () => string>> = {
  industries: say.industry,
  regions: say.region,
  sizes: say.size,
  needs: say.need,
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
      diagnostic('E-AUDIENCE-EMPTY', say.audienceEmpty({ name }), {
        file,
        ...(range ? { range: [range[0], range[1]] as Range } : {}),
        hint: say.audienceEmptyHint({ name, kind: singular[name]?.() ?? name }),
      }),
    );
  }
  return out;
}
