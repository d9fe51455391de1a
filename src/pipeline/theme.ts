/** templates/theme.yaml → Theme, checked by the same schema machinery as the measures. */

import { parseYaml } from '../schema/parse-yaml.js';
import { INVALID } from '../schema/schema-kit.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Theme } from '../writers/theme.js';
import { themeSchema } from './theme-schema.js';

export function parseTheme(file: string, text: string): { theme?: Theme; diagnostics: Diagnostic[] } {
  const parsed = parseYaml(file, text);
  if (!parsed.doc) return { diagnostics: parsed.diagnostics };
  const diagnostics: Diagnostic[] = [];
  const theme = themeSchema.parse(
    parsed.doc.contents as never,
    { file, doc: parsed.doc, diagnostics },
    { path: '', range: [0, 0] },
  );
  return theme === INVALID ? { diagnostics } : { theme, diagnostics };
}
