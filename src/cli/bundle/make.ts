/**
 * Makes guide's startup bundle (`npm run bundle`, run by `prepare` at `npm install`): esbuild
 * bundles the command line (lib/cli/main.js) and everything it imports into a few modules, the
 * commands' own parts split off so they still load only when their command runs, and writes them
 * as CommonJS modules with their start (start.cts) and their stamp into lib/bundle/ (rebuilt with
 * lib/, never committed); a few runs of guide then make V8's compiled code of each. bin/guide.cjs
 * starts from the bundle while the stamp says it is current (launch.cts).
 *
 * A bundle that cannot be made is not an error: guide runs from its modules as it did without one.
 */

import { createHash } from 'node:crypto';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { build, transform, type Metafile, type Plugin } from 'esbuild';
import { languageFromEnvironment, setLanguage } from '../../messages/language.js';
import { bundleMessages as say } from '../../messages/bundle.js';
import { isWithin } from '../../io/edition-links.js';
import launch from './launch.cjs';
import start from './start.cjs';
import type { BundleStamp, CompiledCodeRecord } from './stamp.js';
import { commonJsFileStandIns, standInFilter, standInSource, standsIn } from './stand-ins.js';
import { classFieldsAsStores } from './class-fields.js';

const { bundleFolder, packageRoot: root, stampFile, stampOf } = launch;

/**
 * The modules worker threads start on, bundled as entries of their own beside main.js (named as
 * their files, which io/module-worker.ts starts from the bundle by those names).
 */
const workerEntries = ['batch/worker.js'];
const workerEntryNames = workerEntries.map((file) => path.posix.basename(file, '.js'));
if (new Set(['main', ...workerEntryNames]).size !== workerEntries.length + 1)
  throw new Error('each worker entry needs a file name of its own, and not main.js');
const moduleWorkerFile = fileURLToPath(new URL('../../io/module-worker.js', import.meta.url));

/**
 * Each module's own place, written into the bundle: guide finds package.json and its templates
 * from `import.meta.url`, and pdfkit its data files from `__dirname`, which in a bundle would all
 * be the bundle's. The bundle is tied to these paths: its stamp lists them. io/module-worker.ts
 * alone keeps its own, the bundle's, to start the worker entries beside it.
 */
const ownPlaces: Plugin = {
  name: 'own-places',
  setup(bundler) {
    bundler.onLoad({ filter: /\.(js|mjs|cjs)$/, namespace: 'file' }, (args) => {
      const source = isWithin(path.join(root, 'node_modules'), args.path)
        ? classFieldsAsStores(readFileSync(args.path, 'utf8'), args.path)
        : readFileSync(args.path, 'utf8');
      const text = (
        args.path === moduleWorkerFile
          ? source
          : source.replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href))
      )
        .replace(/\b__dirname\b/g, JSON.stringify(path.dirname(args.path)))
        .replace(/\b__filename\b/g, JSON.stringify(args.path));
      return { contents: text, loader: 'js' };
    });
  },
};

/**
 * The stand-ins of stand-ins.ts in place of the packages they stand for. What a stand-in requires
 * when called stays out of the bundle: its one-file build beside the bundle's modules, the
 * CommonJS build resolved as node would from the importing package, or node's own module.
 */
const standInNamespace = 'loaded-when-called';
const loadedWhenCalled: Plugin = {
  name: standInNamespace,
  setup(bundler) {
    const commonJsFiles = new Map(commonJsFileStandIns());
    bundler.onResolve({ filter: standInFilter }, (args) => {
      if (!standsIn(args.path, args.importer)) return undefined;
      const commonJsFile = commonJsFiles.get(args.path);
      return {
        path: args.path,
        namespace: standInNamespace,
        pluginData: commonJsFile ? `./${commonJsFile}` : createRequire(args.importer).resolve(args.path),
      };
    });
    bundler.onResolve({ filter: /.*/, namespace: standInNamespace }, (args) => ({ path: args.path, external: true }));
    bundler.onLoad({ filter: /.*/, namespace: standInNamespace }, (args) => ({
      contents: standInSource(args.path, args.pluginData as string),
      loader: 'js',
    }));
  },
};

/**
 * main.js and the chunks it imports, made one module. esbuild splits the code main.js shares with
 * the commands' own parts into chunks (ten of them), and node 20's ES loader resolves, reads,
 * compiles and links each one by one: ~6 ms of every start, a twentieth of `guide --help`. The
 * joined main.js exports what the chunks did, and the commands' parts import it from there: every
 * run has loaded main.js before any of them.
 */
async function joinStartupChunks(work: string, metafile: Metafile): Promise<void> {
  // The outputs by their whole paths: an import of something outside the bundle that merely
  // shares an output's name is no chunk of it.
  const outputs = new Map(Object.entries(metafile.outputs).map(([file, output]) => [path.resolve(root, file), output]));
  const main = path.join(work, 'main.js');
  const joined = new Set<string>();
  const pending = [main];
  for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
    for (const { path: imported, kind } of outputs.get(file)!.imports) {
      const chunk = path.resolve(root, imported);
      if (kind === 'import-statement' && outputs.has(chunk) && !joined.has(chunk)) {
        joined.add(chunk);
        pending.push(chunk);
      }
    }
  }
  // `export *` passes on neither a default export nor a name exported twice.
  const exported = new Set(outputs.get(main)!.exports);
  for (const chunk of joined) {
    for (const name of outputs.get(chunk)!.exports) {
      if (name === 'default' || exported.has(name))
        throw new Error(`${path.basename(chunk)} exports ${name} once more`);
      exported.add(name);
    }
  }
  const names = new Set([...joined].map((chunk) => path.basename(chunk)));
  // main.js first: its imports then run in its order, as they did from the chunks.
  const entry = ['main.js', ...names].map((file) => `export * from './${file}';`).join('\n');
  // esbuild drops the comments that head each module it bundled with the module's file; the
  // joined main.js lists them at its top instead, so that a reader (and the tests) can tell which
  // packages every start loads.
  const heads = [main, ...joined].flatMap((file) =>
    Object.keys(outputs.get(file)!.inputs).map((input) => `// ${input}`),
  );
  const made = await build({
    stdin: { contents: entry, resolveDir: work, sourcefile: 'startup.js' },
    banner: { js: `// main.js and the chunks it imported, joined: the modules they bundled.\n${heads.join('\n')}` },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    write: false,
    logLevel: 'error',
    plugins: [
      {
        name: 'startup-chunks',
        setup(bundler) {
          // The joined files by their names alone (the making- folder's name would be written into
          // main.js and its key); everything else they import stays as it is.
          bundler.onResolve({ filter: /.*/ }, (args) => {
            const file = args.path.replace(/^\.\//, '');
            if (args.kind === 'import-statement' && (names.has(file) || file === 'main.js'))
              return { path: file, namespace: 'startup' };
            return { path: args.path, external: true };
          });
          bundler.onLoad({ filter: /.*/, namespace: 'startup' }, (args) => ({
            contents: readFileSync(path.join(work, args.path), 'utf8'),
            loader: 'js',
          }));
        },
      },
    ],
  });
  writeFileSync(main, made.outputFiles[0]!.contents);
  for (const chunk of joined) rmSync(chunk);
  // The other outputs that imported a joined chunk import main.js instead.
  for (const [file, output] of outputs) {
    if (
      file === main ||
      joined.has(file) ||
      !output.imports.some((entry) => joined.has(path.resolve(root, entry.path)))
    )
      continue;
    let text = readFileSync(file, 'utf8');
    for (const name of names) text = text.replaceAll(`"./${name}"`, '"./main.js"');
    writeFileSync(file, text);
  }
}

/**
 * The bundle's ES modules rewritten as CommonJS modules, which start.cts loads with V8's compiled
 * code of each (node 20 takes none for an ES module). Each runs in strict mode, as it did; an
 * `import()` of another is a require, which start.cts answers; `import.meta.url` is the module's
 * own place (what module-worker.ts starts the worker entries beside). esbuild drops comments, so
 * the files a module bundled, which esbuild headed each with, are listed at its top.
 */
async function asCommonJs(work: string): Promise<void> {
  const modules = readdirSync(work).filter((name) => name.endsWith('.js'));
  await Promise.all(
    modules.map(async (name) => {
      const file = path.join(work, name);
      const source = readFileSync(file, 'utf8');
      const { code } = await transform(source, {
        format: 'cjs',
        platform: 'node',
        target: 'node20',
        supported: { 'dynamic-import': false },
        define: { 'import.meta.url': 'bundleModuleUrl' },
        logLevel: 'error',
      });
      const heads = [...new Set(source.match(/^\/\/ \S+$/gm))].join('\n');
      const place = code.includes('bundleModuleUrl')
        ? 'const bundleModuleUrl = require("node:url").pathToFileURL(__filename).href;\n'
        : '';
      writeFileSync(file, `${heads}\n"use strict";\n${place}${code}`);
    }),
  );
}

/** The module that starts the bundle (start.cts), beside its modules. */
function writeStart(work: string): void {
  const start = readFileSync(fileURLToPath(new URL('./start.cjs', import.meta.url)), 'utf8');
  // It is copied out of lib/: it may require nothing of guide's own.
  for (const [, specifier] of start.matchAll(/\brequire\("([^"]+)"\)/g)) {
    if (!specifier!.startsWith('node:')) throw new Error(`start.cjs requires ${specifier}`);
  }
  writeFileSync(path.join(work, 'start.cjs'), start);
}

/** The record of the bundle's compiled code (start.cts), which make.ts marks complete. */
const compiledCodeRecord = (folder: string) => path.join(folder, start.recordName);

/** Whether every run at install made its code in `folder`, with this node. */
function compiledCodeComplete(folder: string): boolean {
  return start.recordIn(folder)?.complete === true;
}

/** The bundle's compiled code and its record (and their temporary files), gone: the runs start from none. */
function removeCompiledCode(folder: string): void {
  for (const name of readdirSync(folder)) {
    const written = name.replace(/\.\d+$/, '');
    if (written.endsWith(start.codeEnding) || written === start.recordName)
      rmSync(path.join(folder, name), { force: true });
  }
}

/** Whether `folder` changed after `time` (ms); false when it is gone. */
function changedSince(folder: string, time: number): boolean {
  try {
    return statSync(folder).mtimeMs > time;
  } catch {
    return false;
  }
}

/** A run at install that guide itself failed: the bundle is not to be used. */
class RunFailed extends Error {}

/**
 * The runs at install that make V8's compiled code of the bundle's modules (start.cts `train`),
 * each in a process of its own given the code of the runs before it: guide's help, then a new
 * edition validated twice and built twice, with an edit to its measure before the second build,
 * as an officer rebuilds. In a temporary folder, removed after.
 */
function trainCompiledCode(folder: string): void {
  const dir = mkdtempSync(path.join(tmpdir(), 'guide-bundle-runs-'));
  const startFile = JSON.stringify(path.join(folder, 'start.cjs'));
  const edition = path.join(dir, 'edition');
  // Runs of guide's own, without the settings of whoever installs it: V8 flags in NODE_OPTIONS
  // would be the code's, and a SOURCE_DATE_EPOCH guide refuses would fail them.
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !/^(NODE_OPTIONS|SOURCE_DATE_EPOCH|GUIDE_.*)$/.test(name)),
  );
  const guide = (cwd: string, args: string[]) => {
    const script = `require(${startFile}).train(${JSON.stringify(args)}).then((code) => (process.exitCode = code));`;
    const run = spawnSync(process.execPath, ['-e', script], {
      cwd,
      env,
      stdio: ['ignore', 'ignore', 'pipe'],
      encoding: 'utf8',
      timeout: 120_000,
    });
    if (run.error || run.signal) throw new Error(`guide ${args.join(' ')}: ${run.error?.message ?? run.signal}`);
    if (run.status !== 0) {
      process.stderr.write(run.stderr);
      throw new RunFailed(`guide ${args.join(' ')} ended with exit code ${run.status}, as above`);
    }
  };
  try {
    guide(dir, ['--help']);
    guide(dir, ['init', edition]);
    guide(edition, ['validate']);
    guide(edition, ['validate']);
    guide(edition, ['build']);
    const policies = path.join(edition, 'policies');
    const measure = readdirSync(policies, { recursive: true, encoding: 'utf8' }).find((file) => file.endsWith('.yaml'));
    if (measure === undefined) throw new Error('guide init made no measure file');
    const file = path.join(policies, measure);
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^summary: .*$/m, '$&（修訂）'));
    guide(edition, ['build']);
    const record = start.recordIn(folder);
    if (record === undefined) throw new Error('the runs left no record of their code');
    const temporary = `${compiledCodeRecord(folder)}.${process.pid}`;
    writeFileSync(temporary, JSON.stringify({ ...record, complete: true } satisfies CompiledCodeRecord));
    renameSync(temporary, compiledCodeRecord(folder));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The folder the current stamp names, if any. */
function stampedFolder(): string | undefined {
  try {
    return (JSON.parse(readFileSync(stampFile, 'utf8')) as BundleStamp).folder;
  } catch {
    return undefined;
  }
}

async function makeBundle(): Promise<void> {
  // Beside the bundle's place, so that the rename into it stays on one file system.
  mkdirSync(bundleFolder, { recursive: true });
  const work = mkdtempSync(path.join(bundleFolder, 'making-'));
  // mkdtemp's folder is the maker's alone; the bundle is read by whoever runs guide.
  chmodSync(work, 0o755);
  try {
    const bundled = await build({
      entryPoints: {
        main: fileURLToPath(new URL('../main.js', import.meta.url)),
        ...Object.fromEntries(
          workerEntries.map((file, i) => [
            workerEntryNames[i]!,
            fileURLToPath(new URL(`../../${file}`, import.meta.url)),
          ]),
        ),
      },
      absWorkingDir: root,
      bundle: true,
      splitting: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      outdir: work,
      // Chunks beside main.js, not in a folder of their own: a stand-in's chunk requires its
      // CommonJS build as `./<file>`.
      chunkNames: '[name]-[hash]',
      plugins: [ownPlaces, loadedWhenCalled],
      metafile: true,
      logLevel: 'error',
    });
    await joinStartupChunks(work, bundled.metafile);
    await asCommonJs(work);
    writeStart(work);

    // The packages some stand-ins load, each as one CommonJS file beside the modules.
    const commonJsFileInputs: string[] = [];
    for (const [specifier, file] of commonJsFileStandIns()) {
      const made = await build({
        entryPoints: [createRequire(path.join(root, 'package.json')).resolve(specifier)],
        absWorkingDir: root,
        bundle: true,
        platform: 'node',
        format: 'cjs',
        target: 'node20',
        outfile: path.join(work, file),
        // The stand-ins and equivalents hold within it too (fontkit's brotli and tiny-inflate).
        plugins: [ownPlaces, loadedWhenCalled],
        metafile: true,
        logLevel: 'error',
      });
      commonJsFileInputs.push(...Object.keys(made.metafile.inputs));
    }

    const guide = (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }).version;
    const hash = createHash('sha256').update(guide);
    for (const file of readdirSync(work).sort()) hash.update(file).update(readFileSync(path.join(work, file)));
    const key = hash.digest('hex');
    // What the launcher looks at before each start, so few files: npm's record of node_modules,
    // which npm rewrites whenever it changes anything there, and tsc's record of lib/
    // (tsconfig.build.json's tsBuildInfoFile), which tsc rewrites whenever it writes a module.
    // Without a record, the files it stands for, one by one.
    const npmRecord = path.join(root, 'node_modules', '.package-lock.json');
    const tscRecord = path.join(root, 'lib', '.tsbuildinfo');
    const bundledFiles = [...Object.keys(bundled.metafile.inputs), ...commonJsFileInputs]
      .filter((input) => !input.startsWith(`${standInNamespace}:`))
      .map((file) => path.resolve(root, file));
    const nodeModules = path.join(root, 'node_modules');
    const dependencies = bundledFiles.filter((file) => isWithin(nodeModules, file));
    const ours = bundledFiles.filter((file) => !isWithin(nodeModules, file));
    const inputs = [
      path.join(root, 'package.json'),
      ...(existsSync(npmRecord) ? [npmRecord] : dependencies),
      ...(existsSync(tscRecord)
        ? [tscRecord, ...ours.filter((file) => !isWithin(path.join(root, 'lib'), file))]
        : ours),
    ];
    const stamp: BundleStamp = { folder: `guide-${key.slice(0, 16)}`, key, guide, root, inputs: inputs.map(stampOf) };
    // The bundle first, then the stamp that names it, each by rename: a guide starting meanwhile
    // sees the old bundle or the new one, whole. A folder of the same name holds the same modules.
    const folder = path.join(bundleFolder, stamp.folder);
    if (!existsSync(folder)) renameSync(work, folder);
    // In its place: node 20's V8 names a module by the file its compiled code was made from, in
    // stack traces and profiles. Again for a folder whose runs were cut short (Ctrl-C).
    if (!compiledCodeComplete(folder)) {
      removeCompiledCode(folder);
      try {
        trainCompiledCode(folder);
      } catch (error) {
        // guide failed a run the way it would fail the user's: no bundle.
        if (error instanceof RunFailed) {
          rmSync(folder, { recursive: true, force: true });
          throw error;
        }
        // What went wrong was around the runs (a temporary folder, a timeout): the bundle still
        // starts sooner than guide's modules, and takes what code was made.
        setLanguage(languageFromEnvironment(process.env));
        process.stderr.write(`${say.noCompiledCode({ reason: firstLine(error) })}\n`);
      }
    }
    // Another make may have removed it meanwhile (below), or stamped its own bundle.
    if (!existsSync(path.join(folder, 'start.cjs'))) throw new Error(`${stamp.folder} was removed while it was made`);
    const previous = stampedFolder();
    const newStamp = `${stampFile}.${process.pid}`;
    writeFileSync(newStamp, JSON.stringify(stamp));
    renameSync(newStamp, stampFile);
    // The previous bundle stays until the next one: a guide started from it may still load its
    // commands' parts. So does, for an hour, a bundle or making- folder another make may still be
    // working in (its record not complete).
    const anHourAgo = Date.now() - 3_600_000;
    for (const old of readdirSync(bundleFolder)) {
      if (!/^(guide|making)-/.test(old) || old === stamp.folder || old === previous) continue;
      const other = path.join(bundleFolder, old);
      if (other === work || (!compiledCodeComplete(other) && changedSince(other, anHourAgo))) continue;
      rmSync(other, { recursive: true, force: true });
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function firstLine(error: unknown): string {
  return error instanceof Error ? error.message.split('\n')[0]! : String(error);
}

try {
  await makeBundle();
} catch (error) {
  setLanguage(languageFromEnvironment(process.env));
  process.stderr.write(`${say.notMade({ reason: firstLine(error) })}\n`);
}
