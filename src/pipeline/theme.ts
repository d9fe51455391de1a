/** templates/theme.yaml → Theme, checked by the same schema machinery as the measures. */

import type { Document } from 'yaml';
import { parseYaml } from '../schema/parse-yaml.js';
import { INVALID } from '../schema/schema-kit.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Theme } from '../writers/theme.js';
import { themeSchema } from './theme-schema.js';

/** theme.yaml as read: its text, and its YAML document, where diagnostics find their places. */
export interface ThemeSource {
  file: string;
  text: string;
  doc: Document;
}

/** The theme, and its source for the checks that point into it; diagnostics when it is broken. */
export function parseTheme(
  file: string,
  text: string,
): { theme: Theme; source: ThemeSource; diagnostics: Diagnostic[] } | { theme?: never; diagnostics: Diagnostic[] } {
  const parsed = parseYaml(file, text);
  if (!parsed.doc) return { diagnostics: parsed.diagnostics };
  const diagnostics: Diagnostic[] = [];
  const theme = themeSchema.parse(
    parsed.doc.contents as never,
    { file, doc: parsed.doc, diagnostics },
    { path: '', range: [0, 0] },
  );
  return theme === INVALID ? { diagnostics } : { theme, source: { file, text, doc: parsed.doc }, diagnostics };
}
