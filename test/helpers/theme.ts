/** The bundled theme and fonts, loaded once per test file, for writer tests. */

import { readFileSync } from 'node:fs';
import { parseTheme, type ThemeSource } from '../../src/pipeline/theme.js';
import { openThemeFonts } from '../../src/pipeline/fonts.js';
import { drawingFaces } from '../../src/pipeline/font-faces.js';
import type { Theme } from '../../src/writers/theme.js';
import { repoRoot } from './paths.js';

const themeText = readFileSync(new URL('../../templates/theme.yaml', import.meta.url), 'utf8');
const parsed = parseTheme('templates/theme.yaml', themeText);
if (!parsed.theme)
  throw new Error(`templates/theme.yaml is invalid: ${parsed.diagnostics.map((d) => d.message).join('; ')}`);

export const theme: Theme = parsed.theme;
/** theme.yaml as read, for the checks that point into it. */
export const themeSource: ThemeSource = parsed.source;

/** The theme's font chain, opened as a build opens it (fallback faces when first needed). */
export const fonts = openThemeFonts(repoRoot, theme, themeSource, false, drawingFaces()).fonts!;
