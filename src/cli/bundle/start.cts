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
import zlib = require('node:zlib');
import type { CompiledCodeRecord } from './stamp.js';

/** The bundle's folder. */
const folder = __dirname;

/** V8's compiled code of a module of the bundle is a file beside it, named with this ending. */
const codeEnding = '.v8-code';
const compiledCodeFile = (file: string): string => `${file}${codeEnding}`;

/**
 * The record of what the runs at install made (stamp.ts `CompiledCodeRecord`), written last by
 * each. V8 checks the code's version and flags and its source's length, but neither the code's
 * bytes nor the source's (node 20), and node's own patches to V8 may change what the code means
 * within one V8 version: a damaged file, or code made by another node, could crash the process;
 * code made for another source of the same length would run instead of it.
 */
const recordName = 'compiled-code.json';
const recordFile = path.join(folder, recordName);

/**
 * The record in the bundle folder `dir` when this node on this processor made it; undefined when
 * it is missing, damaged or another's. make.ts reads it too, to know whether the runs finished.
 */
function recordIn(dir: string): CompiledCodeRecord | undefined {
  try {
    const record = JSON.parse(fs.readFileSync(path.join(dir, recordName), 'utf8')) as CompiledCodeRecord;
    const ours =
      record.node === process.version &&
      record.arch === process.arch &&
      typeof record.files === 'object' &&
      record.files !== null;
    return ours ? record : undefined;
  } catch {
    // None written (not made yet, or the runs at install failed): every module is compiled.
    return undefined;
  }
}

/** The record as this process can use it: made under the V8 flags node started with, too. */
function usableRecord(): CompiledCodeRecord | undefined {
  const record = recordIn(folder);
  return record?.v8 === v8.cachedDataVersionTag() ? record : undefined;
}

/**
 * Read as the first module loads, under the flags node started with (null until then). A build
 * sets flags later (commands/v8-flags.ts): V8 then refuses the code of what it loads, as it does
 * in a batch's worker threads, whose tag differs from the start.
 */
let record: CompiledCodeRecord | undefined | null = null;

/** The compiled code of the bundle's file `name` with source `source`, if the record vouches for both. */
function compiledCode(name: string, source: Buffer): Buffer | undefined {
  if (record === null) record = usableRecord();
  const crcs = record?.files[name];
  if (!Array.isArray(crcs) || zlib.crc32(source) !== crcs[0]) return undefined;
  try {
    const code = fs.readFileSync(compiledCodeFile(path.join(folder, name)));
    return zlib.crc32(code) === crcs[1] ? code : undefined;
  } catch {
    return undefined;
  }
}

/** A module's compiled code: made at install and used, refused by V8, or none it could use. */
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
  const source = fs.readFileSync(file);
  // None (the runs at install never loaded it, or the record does not vouch for it): V8 compiles
  // it, as node would.
  const cachedData = compiledCode(name, source);
  // Node's own wrapper of a CommonJS module. V8 refuses compiled code made under other flags, and
  // compiles the module as if there were none.
  const script = new vm.Script(
    `(function (exports, require, module, __filename, __dirname) {${source.toString()}\n})`,
    {
      filename: file,
      ...(cachedData ? { cachedData } : {}),
    },
  );
  const code = !cachedData ? 'none' : script.cachedDataRejected ? 'refused' : 'used';
  const module: BundleModule = { exports: {}, script, code };
  // Known while it runs, for the modules it requires that require it in turn, as node's loader does.
  loaded.set(file, module);
  try {
    const wrapper = script.runInThisContext() as (...args: unknown[]) => void;
    wrapper.call(module.exports, module.exports, requireFrom(file), module, file, folder);
  } catch (error) {
    // Not kept half made: the next require runs it again (after a file could not be read, say).
    loaded.delete(file);
    throw error;
  }
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
    const written = (file: string, bytes: Uint8Array | string) => {
      const temporary = `${file}.${process.pid}`;
      fs.writeFileSync(temporary, bytes);
      fs.renameSync(temporary, file);
    };
    for (const [file, { script }] of loaded) written(compiledCodeFile(file), script.createCachedData());
    // The record of every module's code so far, the runs before's too (make.ts starts the runs
    // with no code in the folder).
    const files: CompiledCodeRecord['files'] = {};
    for (const name of fs.readdirSync(folder)) {
      if (!name.endsWith(codeEnding)) continue;
      const module = name.slice(0, -codeEnding.length);
      const crc = (file: string) => zlib.crc32(fs.readFileSync(path.join(folder, file)));
      files[module] = [crc(module), crc(name)];
    }
    const made: CompiledCodeRecord = {
      node: process.version,
      arch: process.arch,
      v8: v8.cachedDataVersionTag(),
      files,
    };
    written(recordFile, JSON.stringify(made));
  });
  return main(args);
}

// A worker thread started on this file (io/module-worker.ts) runs the module its argument names.
if (require.main === module) load(process.argv[2]!);

export = { load, modulesLoaded, main, train, recordIn, codeEnding, recordName };
