#!/usr/bin/env node
import module from 'node:module';
import { currentBundle } from '../lib/cli/bundle/launch.js';

// Node 22.1 and later keep V8's compiled code of the modules loaded from here on between runs
// (in the system's temporary folder; a file that changed is compiled again). Node 20 has no
// such cache for ES modules.
module.enableCompileCache?.();
// guide's bundle when a current one was made at install: the same command line, loaded sooner.
const { main } = await import(currentBundle() ?? '../lib/cli/main.js');
process.exitCode = await main(process.argv.slice(2));
// Once node has done what the command left to it (its event loop run dry, every 'exit' listener
// called), the process ends there: node's own exit goes on to take the heap apart piece by piece,
// which the system does at once (measured: 2 ms of `guide --help`, 7 ms of a build). Not after an
// uncaught error, which node reports after 'exit'.
let failed = false;
process.on('uncaughtExceptionMonitor', () => (failed = true));
process.once('exit', () => failed || process.exit());
