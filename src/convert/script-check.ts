/**
 * `guide validate`'s script check: a text value with Simplified characters is a
 * W-SCRIPT-SIMPLIFIED warning at its first such character. Only OpenCC's character table is
 * loaded (script.ts), not the phrase tables, so validate stays quick; `guide convert` fixes it.
 */

import { isMap, isPair, isScalar, visit, type Document, type Node } from 'yaml';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { simplifiedCharacters } from './script.js';

/** One warning per text value holding a Simplified-only character, in every parsed file. */
export function simplifiedTextDiagnostics(
  documents: ReadonlyMap<string, Document>,
  sources: ReadonlyMap<string, string>,
): Diagnostic[] {
  const simplified = simplifiedCharacters();
  const out: Diagnostic[] = [];
  for (const [file, doc] of documents) {
    const source = sources.get(file);
    if (source === undefined) continue;
    const terms = termsRange(doc);
    visit(doc, {
      Scalar(key, node) {
        if (key === 'key' || typeof node.value !== 'string' || !node.range) return;
        const [start, end] = node.range;
        if (terms && start >= terms[0] && end <= terms[1]) return;
        const raw = source.slice(start, end);
        const found: string[] = [];
        let first = -1;
        let offset = 0;
        for (const char of raw) {
          if (simplified.has(char)) {
            if (first === -1) first = offset;
            if (!found.includes(char)) found.push(char);
          }
          offset += char.length;
        }
        if (first === -1) return;
        out.push(
          diagnostic(
            'W-SCRIPT-SIMPLIFIED',
            `text in Simplified characters (${found.slice(0, 5).join(' ')}${found.length > 5 ? ' …' : ''}); the guide prints Taiwan Traditional`,
            {
              file,
              range: [start + first, start + first + 1],
              hint: 'run guide convert (guide convert --dry-run shows the changes first)',
            },
          ),
        );
      },
    });
  }
  return out;
}

function termsRange(doc: Document): [number, number] | undefined {
  if (!isMap(doc.contents)) return undefined;
  for (const pair of doc.contents.items) {
    if (!isPair(pair) || !isScalar(pair.key) || pair.key.value !== 'terms') continue;
    const value = pair.value as Node | null;
    return value?.range ? [value.range[0], value.range[2]] : undefined;
  }
  return undefined;
}
