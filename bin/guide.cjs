#!/usr/bin/env node
// CommonJS: node starts an ES module's loader for an ES entry, ~12 ms of every run. guide's
// bundle is CommonJS too (src/cli/bundle/start.cts); guide's own modules are ES modules.
'use strict';
const { enableCompileCache } = require('node:module');
const { currentBundle } = require('../lib/cli/bundle/launch.cjs');

// Node 22.1 and later keep V8's compiled code of the modules loaded from here on between runs
// (in the system's temporary folder; a file that changed is compiled again); the bundle comes
// with its own.
enableCompileCache?.();
// guide's bundle when a current one was made at install: the same command line, loaded sooner.
const bundle = currentBundle();
// A command whose promise has not settled when nothing is left to run never will: a bug in guide,
// which node would end with exit code 0. ('beforeExit' comes only then, not on process.exit()
// or a signal.)
let settled = false;
process.once('beforeExit', () => {
  if (settled) return;
  process.stderr.write('guide: internal error: the command stopped before it finished\n');
  process.exitCode = 70;
});
(bundle ? Promise.resolve(require(bundle)) : import('../lib/cli/main.js'))
  .then(({ main }) => main(process.argv.slice(2)))
  .then((code) => {
    settled = true;
    process.exitCode = code;
    // Once node has done what the command left to it (its event loop run dry, every 'exit'
    // listener called), the process ends there: node's own exit goes on to take the heap apart
    // piece by piece, which the system does at once (measured: 2 ms of `guide --help`, 7 ms of a
    // build). Not after an uncaught error, which node reports after 'exit'.
    let failed = false;
    process.on('uncaughtExceptionMonitor', () => (failed = true));
    process.once('exit', () => failed || process.exit());
  });
