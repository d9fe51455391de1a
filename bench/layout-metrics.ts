/**
 * Typesetting faults of a built PDF, read back with PDF.js: numbers torn from their units,
 * runts, card rows split under an empty label cell (test/helpers/typesetting.ts says how).
 *
 * Usage: `node --import tsx bench/layout-metrics.ts guide.pdf [--list]`; `--list` prints every
 * fault with its page.
 */

import { readFileSync } from 'node:fs';
import { pdfLines, typesettingFaults } from '../test/helpers/typesetting.js';

const [file, ...flags] = process.argv.slice(2);
if (!file) {
  console.error('usage: node --import tsx bench/layout-metrics.ts file.pdf [--list]');
  process.exit(2);
}
const pages = await pdfLines(readFileSync(file));
const faults = typesettingFaults(pages);
console.log(`pages ${pages.length}`);
console.log(`number|unit splits ${faults.numberSplits.length}`);
console.log(`runts ${faults.runts.length} of ${faults.paragraphs} multi-line paragraphs`);
console.log(`mid-row card splits ${faults.midRowSplits.length}`);
if (flags.includes('--list')) {
  for (const split of faults.numberSplits) console.log(`  split ${split}`);
  for (const runt of faults.runts) console.log(`  runt ${runt}`);
  console.log(`  mid-row pages ${faults.midRowSplits.join(' ')}`);
}
