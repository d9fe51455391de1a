/**
 * The start of guide's bundle: make.ts writes this module beside the bundle's modules, as
 * start.cjs, and bin/guide.cjs requires it while the bundle is current (launch.cts). The bundle's
 * modules are CommonJS, and this loads them itself, each with V8's compiled code of it: the
 * bytecode of every function the runs at install had called (make.ts `trainCompiledCode`), so
 * that a command compiles little of what it runs. Node 20 keeps no compiled code between runs
 * (node 22's compile cache keeps only what a module's first run compiled), and gives none to an
 * ES module. See docs/decisions.md, "The bundle's compiled code".
 *
 * Requires node's own modules only: it is copied out of lib/. CommonJS, as bin/ is.
 */

import fs = require('node:fs');
import nodeModule = require('node:module');
import path = require('node:path');
import v8 = require('node:v8');
import vm = require('node:vm');

/** The bundle's folder. */
const folder = __dirname;

/** V8's compiled code of a module of the bundle: a file beside it. */
const compiledCodeFile = (file: string): string => `${file}.v8-code`;

/** A module's compiled code: made at install and used, refused by V8, or none made. */
type CompiledCode = 'used' | 'refused' | 'none';

interface BundleModule {
  exports: unknown;
  script: vm.Script;
  code: CompiledCode;
}

/** The modules loaded, by file, in the order loaded. */
const loaded = new Map<string, BundleModule>();

/**
 * What `require` gives a module of the bundle: another module of the bundle by its file name
 * (`./chunk-….js`, `./yaml.cjs`), anything else as node would give it to the module (node's own
 * modules).
 */
function requireFrom(file: string): (id: string) => unknown {
  const nodeRequire = nodeModule.createRequire(file);
  return (id) => (id.startsWith('./') ? load(id.slice(2)) : nodeRequire(id));
}

/** The exports of the bundle's module `name` (a file name in the bundle's folder), loaded once. */
function load(name: string): unknown {
  const file = path.join(folder, name);
  const known = loaded.get(file);
  if (known) return known.exports;
  let cachedData: Buffer | undefined;
  try {
    cachedData = fs.readFileSync(compiledCodeFile(file));
  } catch {
    // None made (the runs at install never loaded it): V8 compiles it, as node would.
  }
  // Node's own wrapper of a CommonJS module. V8 refuses compiled code made by another V8, under
  // other flags or for another text, and compiles the module as if there were none.
  const source = fs.readFileSync(file, 'utf8');
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename: file,
    ...(cachedData ? { cachedData } : {}),
  });
  const code = !cachedData ? 'none' : script.cachedDataRejected ? 'refused' : 'used';
  const module: BundleModule = { exports: {}, script, code };
  loaded.set(file, module);
  const wrapper = script.runInThisContext() as (...args: unknown[]) => void;
  wrapper.call(module.exports, module.exports, requireFrom(file), module, file, folder);
  return module.exports;
}

/** The bundle's modules this thread has loaded, in the order loaded, each with its compiled code. */
function modulesLoaded(): [file: string, code: CompiledCode][] {
  return [...loaded].map(([file, { code }]) => [file, code]);
}

/** The command line: lib/cli/main.js's `main`, from the bundle. */
function main(args: string[]): Promise<number> {
  return (load('main.js') as { main: (args: string[]) => Promise<number> }).main(args);
}

/**
 * Runs `args` as `main` does, and as the process exits writes V8's compiled code of every module
 * it loaded beside the module: what it compiled, and what it was given from the runs before.
 * make.ts runs the commands of the install's runs each in a process of its own.
 *
 * V8 gives a module compiled code only under the flags it was made under, and the commands that
 * build set some as they start (commands/v8-flags.ts): made under those, the code of every module
 * loaded before them would be refused. So these runs leave V8's flags as node starts, and a module
 * a command loads after setting its flags is compiled as it would be without the bundle's code.
 */
async function train(args: string[]): Promise<number> {
  v8.setFlagsFromString = () => {};
  process.once('exit', () => {
    for (const [file, { script }] of loaded) {
      const temporary = `${compiledCodeFile(file)}.${process.pid}`;
      fs.writeFileSync(temporary, script.createCachedData());
      fs.renameSync(temporary, compiledCodeFile(file));
    }
  });
  return main(args);
}

// A worker thread started on this file (io/module-worker.ts) runs the module its argument names.
if (require.main === module) load(process.argv[2]!);

export = { load, modulesLoaded, main, train };
