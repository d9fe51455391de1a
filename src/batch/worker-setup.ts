/**
 * What a batch builder prepares once for all its firms: the tailored-guide templates compiled, the
 * theme parsed, the fonts opened. The main thread prepares the same way first, so a broken
 * template or theme is reported once, before any worker starts, and then builds firms with it
 * too.
 */

import { parseTheme } from '../pipeline/theme.js';
import type { Catalogue, IsoDate, OutputFormat } from '../catalogue/types.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { readFontFile } from '../io/resources.js';
import type { TemplateSources } from '../template/render.js';
import { createWriterCache } from '../writers/cache.js';
import { openPdfFonts } from '../writers/pdf/fonts.js';
import type { FirmBuildContext } from './build-firm.js';
import { FirmGuideReader } from './firm-reader.js';

/** What every job of a run shares; sent to each worker once. Plain data (structured clone). */
export interface FirmWorkerSetup {
  /** Edition folder: diagnostics' files are relative to it, fonts are found from it. */
  root: string;
  catalogue: Catalogue;
  templateSources: TemplateSources;
  theme: { file: string; text: string };
  /** Absolute output folder (dist/firms). */
  outDir: string;
  formats: OutputFormat[];
  asOf: IsoDate;
  letterDate: IsoDate;
  /** Milliseconds since 1970: both files' creation date. */
  creationDate: number;
}

/** Placeholder file name of the rendered Markdown, replaced by the firm's own in diagnostics. */
export const markdownPlaceholder = '<firm>/guide.rendered.md';

/** Everything a worker needs for every firm: templates compiled, theme parsed, fonts open. */
export interface FirmWorker {
  setup: FirmWorkerSetup;
  context: FirmBuildContext;
}

/** Prepares a worker; diagnostics instead when the templates or theme are broken. */
export function prepareFirmWorker(setup: FirmWorkerSetup): { worker?: FirmWorker; diagnostics: Diagnostic[] } {
  const theme = parseTheme(setup.theme.file, setup.theme.text);
  const created = FirmGuideReader.create(setup.templateSources, markdownPlaceholder);
  const diagnostics = [...theme.diagnostics, ...created.diagnostics];
  if (!theme.theme || !created.reader) return { diagnostics };
  const fonts = openPdfFonts(
    readFontFile(setup.root, theme.theme.fonts.pdf.regular),
    readFontFile(setup.root, theme.theme.fonts.pdf.bold),
  );
  return {
    worker: {
      setup,
      context: {
        catalogue: setup.catalogue,
        reader: created.reader,
        templateSources: setup.templateSources,
        theme: theme.theme,
        fonts,
        cache: createWriterCache(),
      },
    },
    diagnostics,
  };
}
