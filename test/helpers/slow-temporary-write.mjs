/**
 * Preloaded into a `guide` child process (node --import) by tests that stop it while it writes:
 * opening a `.guide-….tmp` file creates it, says "temporary file open" on stderr, then waits a
 * minute, so a signal sent on that line arrives with the temporary file on disk.
 */

import { createRequire, syncBuiltinESMExports } from 'node:module';
import path from 'node:path';
import { setTimeout } from 'node:timers/promises';

const fs = createRequire(import.meta.url)('node:fs/promises');
const open = fs.open;
fs.open = async (file, ...rest) => {
  const handle = await open(file, ...rest);
  if (/^\.guide-\d+-\d+\.tmp$/.test(path.basename(String(file)))) {
    process.stderr.write(`temporary file open: ${file}\n`);
    await setTimeout(60_000);
  }
  return handle;
};
// `import { open } from 'node:fs/promises'` in guide's modules sees the wrapper.
syncBuiltinESMExports();
