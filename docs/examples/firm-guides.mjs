// Builds each firm's tailored guide (PDF) in memory and prints one line per firm:
// id, file name, bytes, pages. Writes the files only when given an output folder.
//
//   node docs/examples/firm-guides.mjs path/to/guide.yaml path/to/firms.csv [out-folder]
//
// See docs/api.md.

import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { buildFirm, formatDiagnostics, GuideInputError, loadEdition, readFirmList } from 'guide';

const [config, firmList, outDir] = process.argv.slice(2);
if (config === undefined || firmList === undefined) {
  console.error('usage: node firm-guides.mjs path/to/guide.yaml path/to/firms.csv [out-folder]');
  process.exit(2);
}

try {
  const edition = await loadEdition({ config });
  const list = await readFirmList(firmList, edition);
  // Bad rows are left out of list.firms and reported here; the other firms still count.
  if (list.diagnostics.length > 0) console.error(formatDiagnostics(list.diagnostics, list.sources));
  if (outDir !== undefined) await mkdir(outDir, { recursive: true });
  for (const firm of list.firms) {
    const result = await buildFirm(edition, firm, { formats: ['pdf'] });
    for (const file of result.files) {
      console.log(`${firm.id}\t${file.name}\t${file.bytes.length} bytes\t${file.pages} pages`);
      if (outDir !== undefined) await writeFile(path.join(outDir, file.name), file.bytes);
    }
  }
} catch (error) {
  if (!(error instanceof GuideInputError)) throw error;
  // Invalid input: print it as `guide validate` would, with file:line:col and a code frame.
  console.error(formatDiagnostics(error.diagnostics, error.sources));
  process.exitCode = 1;
}
