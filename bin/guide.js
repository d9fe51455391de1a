#!/usr/bin/env node
import { runFromSnapshot } from '../lib/cli/snapshot/launch.js';

const args = process.argv.slice(2);
// build and validate start from guide's startup snapshot when a current one was made at install.
const fromSnapshot = await runFromSnapshot(args);
process.exitCode = fromSnapshot ?? (await (await import('../lib/cli/main.js')).main(args));
