/** The bundled theme and fonts, loaded once per test file, for writer tests. */

import { readFileSync } from 'node:fs';
import { parseTheme } from '../../src/pipeline/theme.js';
import { readFontFile } from '../../src/io/resources.js';
import { openPdfFonts } from '../../src/writers/pdf/index.js';
import type { Theme } from '../../src/writers/theme.js';
import { repoRoot } from './paths.js';

const themeText = readFileSync(new URL('../../templates/theme.yaml', import.meta.url), 'utf8');
const parsed = parseTheme('templates/theme.yaml', themeText);
if (!parsed.theme)
  throw new Error(`templates/theme.yaml is invalid: ${parsed.diagnostics.map((d) => d.message).join('; ')}`);

export const theme: Theme = parsed.theme;

export const fonts = openPdfFonts(
  readFontFile(repoRoot, theme.fonts.pdf.regular),
  readFontFile(repoRoot, theme.fonts.pdf.bold),
);
