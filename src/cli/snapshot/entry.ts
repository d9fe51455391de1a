/**
 * The program inside guide's startup snapshot (see make.ts): the whole command line, with the
 * modules `guide build` uses already loaded and initialised. Bundled into one
 * script and run once by `node --build-snapshot`; a process started from the snapshot then runs
 * only `main`. Every command works from it: bin/guide.js uses it for the heavy ones.
 */

// First: the decoders the modules below make as they load must be lazy while the heap is built.
import './lazy-text-decoder.js';
import { startupSnapshot } from 'node:v8';
import { main } from '../main.js';
// Loaded here so that they are in the heap; main imports them again (the same modules) when run.
import '../../commands/build.js';
import '../../convert/script-check.js';

startupSnapshot.setDeserializeMainFunction(async () => {
  // Node 20 gives a snapshot's main [node, ...arguments]; later versions repeat node's path
  // first, as for a script. The snapshot is only used by the node that built it, either way.
  const args = process.argv[1] === process.argv[0] ? process.argv.slice(2) : process.argv.slice(1);
  process.exitCode = await main(args);
});
