/**
 * How the PDF of a build is written: the standard and colours the request asks for, else the
 * theme's. PDF/A gets its sRGB profile here, where reading it is allowed (io/).
 */

import { UsageError } from '../errors.js';
import { srgbProfile } from '../io/resources.js';
import { commandMessages } from '../messages/cli.js';
import { printConflictsWith, type PdfOutput } from '../writers/pdf/index.js';
import type { Theme } from '../writers/theme.js';
import type { BuildRequest } from './request.js';

/**
 * The PDF output of `request` with `theme`. Throws `UsageError` when `--print` meets PDF/A (or
 * `--pdf-standard a-2…` meets the theme's print colours): the theme alone cannot ask for both,
 * its schema refuses that. Commands call this before building anything.
 */
export function resolvePdfOutput(theme: Theme, request: BuildRequest): PdfOutput {
  const standard = request.pdf.standard ?? theme.pdf.standard;
  const print = request.pdf.print ?? theme.pdf.print;
  if (print && printConflictsWith(standard)) throw new UsageError(commandMessages.printPdfA({ standard }));
  return { standard, print, ...(printConflictsWith(standard) ? { colorProfile: srgbProfile() } : {}) };
}
