/** Page counts of PDF files: poppler's pdfinfo when it is there, else the page objects counted. */

import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/**
 * The page count pdfinfo reports. Without poppler, the number of `/Type /Page` objects (not
 * `/Pages`): right for Typst's and LibreOffice's output, but guide's tagged PDF keeps its page
 * dictionaries in compressed object streams, where no text search sees them.
 */
export function countPdfPages(file: string): number {
  const info = spawnSync('pdfinfo', [file], { encoding: 'utf8' });
  const pages = info.status === 0 ? /^Pages:\s+(\d+)/m.exec(info.stdout)?.[1] : undefined;
  if (pages !== undefined) return Number(pages);
  const text = readFileSync(file).toString('latin1');
  return text.match(/\/Type\s*\/Page(?![a-zA-Z])/g)?.length ?? 0;
}
