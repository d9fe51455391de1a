/** templates/theme.yaml → Theme, checked by the same schema machinery as the measures. */

import type { Document } from 'yaml';
import { entryKey, getJson, setJson, type EntryStore } from '../cache-store.js';
import { currentLanguage } from '../messages/language.js';
import { parseYaml } from '../schema/parse-yaml.js';
import { INVALID } from '../schema/schema-kit.js';
import { textValues, type TextValue } from '../schema/text-values.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Theme } from '../writers/theme.js';
import { themeSchema } from './theme-schema.js';

/** theme.yaml as read: its text, its text values, and its YAML document, where diagnostics find their places. */
export interface ThemeSource {
  file: string;
  text: string;
  texts: readonly TextValue[];
  /** Parsed when first asked for, when the theme came from the build cache. */
  readonly doc: Document;
}

/** A theme that loaded without a diagnostic, as the build cache keeps it. */
interface CleanTheme {
  theme: Theme;
  texts: readonly TextValue[];
}

/**
 * The theme, and its source for the checks that point into it; diagnostics when it is broken.
 * With `store` (the build cache), a theme that loaded cleanly is kept there by its text, and
 * parsed again only when a diagnostic points into it.
 */
export function parseTheme(
  file: string,
  text: string,
  store?: EntryStore,
): { theme: Theme; source: ThemeSource; diagnostics: Diagnostic[] } | { theme?: never; diagnostics: Diagnostic[] } {
  const key = store && entryKey('theme-file', currentLanguage(), file, text);
  const clean = key === undefined ? undefined : (getJson(store, key) as CleanTheme | undefined);
  if (clean) {
    let doc: Document | undefined;
    const source = {
      file,
      text,
      texts: clean.texts,
      get doc() {
        return (doc ??= parseYaml(file, text).doc!);
      },
    };
    return { theme: clean.theme, source, diagnostics: [] };
  }
  const parsed = parseYaml(file, text);
  if (!parsed.doc) return { diagnostics: parsed.diagnostics };
  const diagnostics: Diagnostic[] = [];
  const theme = themeSchema.parse(
    parsed.doc.contents as never,
    { file, doc: parsed.doc, diagnostics },
    { path: '', range: [0, 0] },
  );
  if (theme === INVALID) return { diagnostics };
  const texts = textValues(parsed.doc);
  if (key !== undefined && parsed.diagnostics.length === 0 && diagnostics.length === 0)
    setJson(store, key, { theme, texts } satisfies CleanTheme);
  return { theme, source: { file, text, texts, doc: parsed.doc }, diagnostics };
}
