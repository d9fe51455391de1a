/**
 * `guide validate`'s script check: a text value with Simplified characters is a
 * W-SCRIPT-SIMPLIFIED warning at its first such character. Only OpenCC's character table is
 * loaded (script.ts), not the phrase tables, so validate stays quick; `guide convert` fixes it.
 */

import { scriptMessages as say } from '../messages/convert.js';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { simplifiedCharacters, simplifiedPattern } from './script.js';
import { eachTextValue } from './yaml-values.js';
import type { TextValue } from '../schema/text-values.js';

/** One warning per text value holding a Simplified-only character, in every parsed file. */
export function simplifiedTextDiagnostics(
  texts: ReadonlyMap<string, readonly TextValue[]>,
  sources: ReadonlyMap<string, string>,
): Diagnostic[] {
  const simplified = simplifiedCharacters();
  const anySimplified = simplifiedPattern();
  const out: Diagnostic[] = [];
  for (const [file, values] of texts) {
    const source = sources.get(file);
    // A file with no Simplified character anywhere (keys and comments too) has none in a value.
    if (source === undefined || !anySimplified.test(source)) continue;
    eachTextValue(values, source, (start, _end, raw) => {
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
          say.simplified({ characters: `${found.slice(0, 5).join(' ')}${found.length > 5 ? ' …' : ''}` }),
          {
            file,
            range: [start + first, start + first + 1],
            hint: say.simplifiedHint(),
          },
        ),
      );
    });
  }
  return out;
}
