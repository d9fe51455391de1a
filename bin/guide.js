#!/usr/bin/env node
import { currentBundle } from '../lib/cli/bundle/launch.js';

// guide's bundle when a current one was made at install: the same command line, loaded sooner.
const { main } = await import(currentBundle() ?? '../lib/cli/main.js');
process.exitCode = await main(process.argv.slice(2));
