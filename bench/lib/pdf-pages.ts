/** Page counts of PDF files, without a PDF library: counts the page objects. */

import { readFileSync } from 'node:fs';

/**
 * The number of `/Type /Page` objects (not `/Pages`). Right for pdfkit, Typst and LibreOffice
 * output, none of which hides page dictionaries in compressed object streams.
 */
export function countPdfPages(file: string): number {
  const text = readFileSync(file).toString('latin1');
  return text.match(/\/Type\s*\/Page(?![a-zA-Z])/g)?.length ?? 0;
}
