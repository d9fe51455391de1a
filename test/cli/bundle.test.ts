/**
 * guide's startup bundle (src/cli/bundle/): bin/guide.cjs starts from it only while it is
 * current, and what comes out of a run (files, terminal output, exit code) is what comes out
 * without it. The bundle is made here in another language, time zone and folder than the runs,
 * so that anything it kept from the process that made it would show.
 */

import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import launch from '../../src/cli/bundle/launch.cjs';
import type { BundleStamp } from '../../src/cli/bundle/stamp.js';
import { repoRoot } from '../helpers/paths.js';
import { copyEdition, editFile, run, spawnGuide, type ProcessRun } from '../release/helpers.js';

const { currentBundle, stampFile, stampOf } = launch;

/** The environment of the runs: English. */
const env: NodeJS.ProcessEnv = { ...process.env, GUIDE_LANG: 'en', TZ: 'Asia/Taipei' };
delete env.GUIDE_NO_BUNDLE;
const plain: NodeJS.ProcessEnv = { ...env, GUIDE_NO_BUNDLE: '1' };

/** The folder of the bundle the stamp names. */
function stampedFolder(): string {
  return path.join(path.dirname(stampFile), (JSON.parse(readFileSync(stampFile, 'utf8')) as BundleStamp).folder);
}

/** The files a build wrote into `dir`, by name, as bytes. */
function outputs(dir: string): Map<string, Buffer> {
  const folder = path.join(dir, 'dist');
  return new Map(readdirSync(folder).map((name) => [name, readFileSync(path.join(folder, name))]));
}

/** Runs `args` in `dir` from the bundle and without it; both runs as the user would see them. */
async function bothWays(args: string[], dir: string): Promise<[ProcessRun, ProcessRun]> {
  assert.ok(currentBundle(env));
  assert.equal(currentBundle(plain), undefined);
  return [await spawnGuide(args, { cwd: dir, env }), await spawnGuide(args, { cwd: dir, env: plain })];
}

/** A module of the bundle a thread loaded, by file name, with its compiled code (start.cts). */
type Loaded = [name: string, code: 'used' | 'refused' | 'none'];

/**
 * The bundle's modules `guide args` loads in `dir`, in the order loaded: in the main thread, each
 * with its compiled code; in each worker thread, by name.
 */
async function modulesLoaded(args: string[], dir: string): Promise<{ main: Loaded[]; workers: string[][] }> {
  const log = path.join(mkdtempSync(path.join(tmpdir(), 'guide-bundle-loads-')), 'loaded.jsonl');
  // The probe is imported into worker threads too, which a batch ends without their 'exit'
  // event: there it notes each module of the bundle start.cts reads. The main thread's start says
  // as it exits what it loaded (start.cjs is required, so node's require cache holds it).
  const probe = [
    "import fs from 'node:fs'; import { createRequire } from 'node:module'; import { threadId } from 'node:worker_threads';",
    'const note = (entry) => fs.appendFileSync(process.env.GUIDE_TEST_LOAD_LOG, JSON.stringify([threadId, entry]) + "\\n");',
    'const read = fs.readFileSync;',
    "fs.readFileSync = function (file, ...rest) { if (typeof file === 'string' && /[\\/]lib[\\/]bundle[\\/]guide-[^\\/]+[\\/][^\\/]+\\.c?js$/.test(file)) note(file); return read.call(this, file, ...rest); };",
    "const { cache } = createRequire(process.execPath); process.on('exit', () => {",
    " const start = Object.values(cache).find((module) => module.filename.endsWith('/start.cjs'));",
    ' note(start ? start.exports.modulesLoaded() : []); });',
  ].join('\n');
  try {
    const result = await spawnGuide(args, { cwd: dir, env: { ...env, GUIDE_TEST_LOAD_LOG: log }, probe });
    assert.equal(result.code, 0, result.stderr);
    const notes = readFileSync(log, 'utf8')
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as [number, string | [string, Loaded[1]][]]);
    const main = notes.find(([thread, entry]) => thread === 0 && Array.isArray(entry));
    const workers = new Map<number, string[]>();
    for (const [thread, entry] of notes) {
      if (thread !== 0 && typeof entry === 'string')
        workers.set(thread, [...(workers.get(thread) ?? []), path.basename(entry)]);
    }
    return {
      main: (main![1] as [string, Loaded[1]][]).map(([file, code]) => [path.basename(file), code]),
      workers: [...workers.values()],
    };
  } finally {
    rmSync(path.dirname(log), { recursive: true, force: true });
  }
}

/** The file names of the bundle's modules `guide args` loads in `dir`, in its main thread. */
async function namesLoaded(args: string[], dir: string): Promise<string[]> {
  return (await modulesLoaded(args, dir)).main.map(([name]) => name);
}

describe('startup bundle', () => {
  // The bundle made here is left in lib/: it is current, and other tests may be running from it.
  before(async () => {
    const made = await run(process.execPath, [path.join(repoRoot, 'lib/cli/bundle/make.js')], {
      cwd: tmpdir(),
      env: { ...env, GUIDE_LANG: 'zh-Hans', TZ: 'UTC', FORCE_COLOR: '1' },
    });
    assert.equal(made.stderr, '');
    assert.equal(made.code, 0);
  });

  it('is what bin/guide.cjs runs, unless turned off', async () => {
    assert.ok(currentBundle(env)?.endsWith(`${path.sep}start.cjs`));
    assert.equal(currentBundle(plain), undefined);
    // The code a process ran, by file, from a CPU profile of `guide --help`.
    const filesRun = async (runEnv: NodeJS.ProcessEnv) => {
      const dir = mkdtempSync(path.join(tmpdir(), 'guide-bundle-profile-'));
      try {
        const help = await run(
          process.execPath,
          ['--cpu-prof', '--cpu-prof-dir', dir, path.join(repoRoot, 'bin/guide.cjs'), '--help'],
          { cwd: dir, env: runEnv },
        );
        assert.equal(help.code, 0, help.stderr);
        const profile = JSON.parse(readFileSync(path.join(dir, readdirSync(dir)[0]!), 'utf8')) as {
          nodes: { callFrame: { url: string } }[];
        };
        return new Set(profile.nodes.map((node) => node.callFrame.url));
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    };
    const fromBundle = [...(await filesRun(env))];
    // Named by their files in the bundle's folder, also where V8 gave them the code made at install.
    assert.ok(fromBundle.some((url) => url.endsWith(path.join(stampedFolder(), 'main.js'))));
    assert.ok(!fromBundle.some((url) => url.includes('/lib/bundle/making-')));
    assert.ok(!fromBundle.some((url) => url.endsWith('/lib/cli/main.js')));
    const plainRun = [...(await filesRun(plain))];
    assert.ok(plainRun.some((url) => url.endsWith('/lib/cli/main.js')));
    assert.ok(!plainRun.some((url) => url.includes('/lib/bundle/')));
  });

  it('leaves out the packages it has stand-ins for', () => {
    const folder = stampedFolder();
    // esbuild heads each module it bundles with a comment naming its file.
    const modules = readdirSync(folder).filter((name) => name.endsWith('.js'));
    const bundled = modules.map((name) => readFileSync(path.join(folder, name), 'utf8'));
    const heads = (folder: string) => new RegExp(`^// .*node_modules/${folder}/`, 'm');
    for (const left of ['brotli', '@noble/ciphers', 'yaml', 'fontkit', 'tiny-inflate', 'source-map']) {
      assert.ok(!bundled.some((text) => heads(left).test(text)), left);
    }
    for (const kept of ['commander', 'handlebars', 'pdfkit'])
      assert.ok(
        bundled.some((text) => heads(kept).test(text)),
        kept,
      );
    // yaml and fontkit are beside the modules, each as one CommonJS file of its own, fontkit's
    // brotli and tiny-inflate as in the modules.
    assert.ok(heads('yaml').test(readFileSync(path.join(folder, 'yaml.cjs'), 'utf8')));
    const fontkit = readFileSync(path.join(folder, 'fontkit.cjs'), 'utf8');
    assert.ok(heads('fontkit').test(fontkit));
    for (const left of ['brotli', 'tiny-inflate']) assert.ok(!heads(left).test(fontkit), left);
  });

  it('loads yaml only for files the build cache has not kept', async () => {
    const dir = await copyEdition();
    const validate = async (...args: string[]) => (await namesLoaded(['validate', ...args], dir)).includes('yaml.cjs');
    assert.equal(await validate(), true);
    // Every file kept by the run before: nothing to parse.
    assert.equal(await validate(), false);
    await editFile(path.join(dir, 'guide.yaml'), (text) => `${text}\n# edited\n`);
    assert.equal(await validate(), true);
    assert.equal(await validate('--no-cache'), true);
  });

  it('loads fontkit only for a font guide does not read itself', async () => {
    const dir = await copyEdition();
    const build = async (...args: string[]) => (await namesLoaded(['build', ...args], dir)).includes('fontkit.cjs');
    // The theme's fonts are static TrueType fonts, which guide reads itself (writers/pdf/sfnt.ts).
    assert.equal(await build('--no-cache'), false);
    assert.equal(await build(), false);
    // The same font with its PostScript name in a Chinese record only: left to fontkit.
    const font = Buffer.from(
      readFileSync(
        path.join(repoRoot, 'node_modules/@expo-google-fonts/noto-sans-tc/400Regular/NotoSansTC_400Regular.ttf'),
      ),
    );
    const tables = font.readUInt16BE(4);
    const nameAt = Array.from({ length: tables }, (_, i) => 12 + 16 * i).find(
      (at) => font.toString('latin1', at, at + 4) === 'name',
    )!;
    const name = font.readUInt32BE(nameAt + 8);
    for (let i = 0, at = name + 6; i < font.readUInt16BE(name + 2); i++, at += 12) {
      if (font.readUInt16BE(at) === 3 && font.readUInt16BE(at + 4) === 0x0409) font.writeUInt16BE(0x0804, at + 4);
    }
    writeFileSync(path.join(dir, 'renamed.ttf'), font);
    await editFile(path.join(dir, 'templates/theme.yaml'), (text) =>
      text.replace(/^( {4}regular: ).*$/m, '$1renamed.ttf'),
    );
    assert.equal(await build('--no-cache'), true);
  });

  it("starts from main.js alone; the commands' parts import what they share from it", async () => {
    assert.deepEqual(await namesLoaded(['--help'], tmpdir()), ['main.js']);
    // validate's own part and the chunks it shares with other commands load after it and import
    // from it what they share with it: a joined chunk is gone, so an import of one would fail.
    const validate = await namesLoaded(['validate'], await copyEdition());
    assert.equal(validate[0], 'main.js');
    assert.ok(validate.some((file) => file.startsWith('validate-')));
  });

  it('gives the modules a command loads the compiled code made at install', async () => {
    // validate sets no V8 flag, and make.ts's runs validate an edition of their own.
    const validate = (await modulesLoaded(['validate', '--no-cache'], await copyEdition())).main;
    assert.ok(validate.length > 3);
    assert.deepEqual(
      validate.filter(([, code]) => code !== 'used'),
      [],
    );
    // A build sets V8 flags as it starts (commands/v8-flags.ts), after loading its own part: V8
    // refuses the code of what it loads later, and compiles that as if there were none.
    const build = (await modulesLoaded(['build'], await copyEdition())).main;
    assert.deepEqual(
      build.slice(0, 2).map(([name, code]) => [name.replace(/-\w+\.js$/, ''), code]),
      [
        ['main.js', 'used'],
        ['build', 'used'],
      ],
    );
  });

  it('uses no compiled code its record does not vouch for, and keeps no module that failed to load', async () => {
    // A copy of the bundle's folder, which start.cjs loads where it is.
    const copy = path.join(mkdtempSync(path.join(tmpdir(), 'guide-bundle-copy-')), 'bundle');
    cpSync(stampedFolder(), copy, { recursive: true });
    const start = JSON.stringify(path.join(copy, 'start.cjs'));
    const version = async () => {
      const script = `const start = require(${start}); start.main(['--version']).then((code) => { process.exitCode = code; console.log(JSON.stringify(start.modulesLoaded())); });`;
      const result = await run(process.execPath, ['-e', script], { cwd: copy, env });
      assert.equal(result.code, 0, result.stderr);
      return (JSON.parse(result.stdout.trim().split('\n').at(-1)!) as [string, string][]).map(([file, code]) => [
        path.basename(file),
        code,
      ]);
    };
    try {
      assert.deepEqual(await version(), [['main.js', 'used']]);
      // Eight bytes of main.js's code changed, its length kept: V8 (node 20) would take it and crash.
      const code = path.join(copy, 'main.js.v8-code');
      const bytes = readFileSync(code);
      bytes.fill(0xff, 2000, 2008);
      writeFileSync(code, bytes);
      assert.deepEqual(await version(), [['main.js', 'none']]);
      writeFileSync(code, readFileSync(path.join(stampedFolder(), 'main.js.v8-code')));
      assert.deepEqual(await version(), [['main.js', 'used']]);
      // Made for another source of the same length (V8 checks only the length): none used.
      const main = path.join(copy, 'main.js');
      const source = readFileSync(main, 'utf8');
      writeFileSync(main, source.replace('print the version', 'PRINT THE VERSION'));
      assert.deepEqual(await version(), [['main.js', 'none']]);
      writeFileSync(main, source);
      // Made by another node, or a record without its files: none used.
      const recordFile = path.join(copy, 'compiled-code.json');
      const record = JSON.parse(readFileSync(recordFile, 'utf8')) as Record<string, unknown>;
      writeFileSync(recordFile, JSON.stringify({ ...record, node: 'v0.0.0' }));
      assert.deepEqual(await version(), [['main.js', 'none']]);
      writeFileSync(recordFile, JSON.stringify({ ...record, files: undefined }));
      assert.deepEqual(await version(), [['main.js', 'none']]);
      // A module that throws as it loads is run again by the next require, as node's loader does.
      writeFileSync(
        path.join(copy, 'flaky.js'),
        "if (!globalThis.flakyFailed) { globalThis.flakyFailed = true; throw new Error('not this time'); }\nexports.loaded = true;",
      );
      const flaky = `const start = require(${start}); try { start.load('flaky.js'); } catch {} console.log(JSON.stringify(start.load('flaky.js')));`;
      const twice = await run(process.execPath, ['-e', flaky], { cwd: copy, env });
      assert.equal(twice.stdout.trim(), '{"loaded":true}', twice.stderr);
    } finally {
      rmSync(path.dirname(copy), { recursive: true, force: true });
    }
  });

  it('makes the compiled code again when the runs at install were cut short, or for another node', async () => {
    const recordFile = path.join(stampedFolder(), 'compiled-code.json');
    type Made = { complete?: boolean; node: string };
    const make = async () => {
      const made = await run(process.execPath, [path.join(repoRoot, 'lib/cli/bundle/make.js')], { cwd: tmpdir(), env });
      assert.equal(made.stderr, '');
      return JSON.parse(readFileSync(recordFile, 'utf8')) as Made;
    };
    // As a make stopped after some of its runs leaves it: a record not marked complete.
    const { complete, ...partial } = JSON.parse(readFileSync(recordFile, 'utf8')) as Made;
    assert.equal(complete, true);
    writeFileSync(recordFile, JSON.stringify(partial));
    assert.equal((await make()).complete, true);
    // As a node upgraded since leaves it.
    writeFileSync(recordFile, JSON.stringify({ ...partial, complete: true, node: 'v0.0.0' }));
    const remade = await make();
    assert.deepEqual([remade.complete, remade.node], [true, process.version]);
  });

  it('holds main.js in ASCII, which node reads sooner', () => {
    const main = readFileSync(path.join(stampedFolder(), 'main.js'), 'utf8');
    // esbuild escapes strings, not regular expression literals or comments: write those from
    // strings (new RegExp) and in ASCII in the modules main.js joins.
    const line = main.split('\n').find((text) => /[^\t\n\r\x20-\x7e]/.test(text));
    assert.equal(line, undefined);
  });

  it("starts without loading node's child_process, which only commander's executable subcommands use", async () => {
    // Which of node's modules the process loaded, written as it exits.
    const probe =
      "process.on('exit', () => process.stderr.write(String(process.moduleLoadList.includes('NativeModule child_process'))));";
    const loaded = async (runEnv: NodeJS.ProcessEnv) => {
      const help = await spawnGuide(['--help'], { cwd: tmpdir(), env: runEnv, probe });
      assert.equal(help.code, 0, help.stderr);
      return help.stderr;
    };
    assert.equal(await loaded(env), 'false');
    // guide's modules as they are load it with commander: the probe sees it.
    assert.equal(await loaded(plain), 'true');
  });

  it("validates and builds without node's modules neither uses: child_process, worker_threads, tty, net", async () => {
    const unused = ['child_process', 'worker_threads', 'tty', 'net'];
    // Which of them the process loaded, written as it exits (after everything guide wrote), and
    // found before process.stderr is made: for a pipe, that loads net.
    const probe =
      `process.on('exit', () => { const loaded = ${JSON.stringify(unused)}.filter((name) => process.moduleLoadList.includes('NativeModule ' + name));` +
      " process.stderr.write('\\n' + JSON.stringify(loaded)); });";
    const dir = await copyEdition();
    for (const args of [['validate'], ['build', '--no-cache'], ['build']]) {
      const result = await spawnGuide(args, { cwd: dir, env, probe });
      assert.equal(result.code, 0, result.stderr);
      assert.equal(result.stderr.slice(result.stderr.lastIndexOf('\n') + 1), '[]', args.join(' '));
    }
  });

  it("asks node to keep the modules' compiled code between runs, where node can (22.1 and later)", async () => {
    // node 20 has no enableCompileCache: the probe puts one in its place, which counts its calls.
    const probe =
      "import module from 'node:module'; let calls = 0; module.enableCompileCache = () => { calls++; };" +
      "process.on('exit', () => process.stderr.write(String(calls)));";
    const help = await spawnGuide(['--help'], { cwd: tmpdir(), env, probe });
    assert.equal(help.code, 0, help.stderr);
    assert.equal(help.stderr, '1');
  });

  it('builds the same bytes and says the same as a build without it', async () => {
    const [fromBundle, withoutIt] = [await copyEdition(), await copyEdition()];
    const bundleRun = await spawnGuide(['build', '--no-cache'], { cwd: fromBundle, env });
    const plainRun = await spawnGuide(['build', '--no-cache'], { cwd: withoutIt, env: plain });
    assert.ok(currentBundle(env));
    assert.equal(bundleRun.code, 0, bundleRun.stderr);
    assert.deepEqual(bundleRun, plainRun);
    const [built, expected] = [outputs(fromBundle), outputs(withoutIt)];
    assert.deepEqual([...built.keys()].sort(), [...expected.keys()].sort());
    assert.equal(built.size, 3);
    for (const [name, bytes] of expected) assert.ok(bytes.equals(built.get(name)!), `${name} differs`);
  });

  it("starts a batch's worker threads from the bundle, which build the same files", async () => {
    const [fromBundle, withoutIt] = [await copyEdition(), await copyEdition()];
    for (const dir of [fromBundle, withoutIt]) {
      writeFileSync(path.join(dir, 'firms.csv'), readFileSync(path.join(repoRoot, 'test/fixtures/firms/firms.csv')));
    }
    const args = ['batch', '--firms', 'firms.csv', '--jobs', '2'];
    // Each worker thread starts on the bundle's worker entry, which imports from main.js what it
    // shares with the main thread.
    const { workers } = await modulesLoaded(args, fromBundle);
    assert.ok(workers.length > 0);
    for (const loaded of workers) {
      assert.equal(loaded[0], 'worker.js');
      assert.ok(loaded.includes('main.js'));
    }
    const plainRun = await spawnGuide(args, { cwd: withoutIt, env: plain });
    assert.equal(plainRun.code, 0, plainRun.stderr);
    const filesOf = (dir: string) => {
      const folder = path.join(dir, 'dist/firms');
      return new Map(
        readdirSync(folder, { recursive: true, withFileTypes: true })
          .filter((entry) => entry.isFile() && /\.(pdf|docx)$/.test(entry.name))
          .map((entry) => [entry.name, readFileSync(path.join(entry.parentPath, entry.name))]),
      );
    };
    const [built, expected] = [filesOf(fromBundle), filesOf(withoutIt)];
    assert.equal(expected.size, 14);
    assert.deepEqual([...built.keys()].sort(), [...expected.keys()].sort());
    for (const [name, bytes] of expected) assert.ok(bytes.equals(built.get(name)!), `${name} differs`);
  });

  it('reports the same diagnostics with the same exit codes, as text and as JSON', async () => {
    const dir = await copyEdition();
    await editFile(path.join(dir, 'policies/tax/tax-small-scale-vat.yaml'), (text) => text.replace(/^fee:/m, 'fees:'));
    for (const args of [
      ['build'],
      ['--lang', 'zh-Hant', 'build', '--format', 'pdf'],
      ['validate', '--format', 'json'],
      ['build', '--pdf-standard', 'nonsense'],
    ]) {
      const [bundleRun, plainRun] = await bothWays(args, dir);
      assert.deepEqual(bundleRun, plainRun, args.join(' '));
      assert.equal(bundleRun.code, args.includes('nonsense') ? 2 : 1, args.join(' '));
    }
    assert.equal(existsSync(path.join(dir, 'dist')), false);
  });

  it('is not used once a file it was made from or its folder is not the same', () => {
    const stampText = readFileSync(stampFile, 'utf8');
    const stamp = JSON.parse(stampText) as BundleStamp;
    // npm's and tsc's records stand for the dependencies and guide's modules: each is rewritten
    // whenever a file it stands for is (tsc's by tsconfig.build.json).
    assert.deepEqual(
      stamp.inputs.map(([file]) => path.relative(repoRoot, file)),
      ['package.json', path.join('node_modules', '.package-lock.json'), path.join('lib', '.tsbuildinfo')],
    );
    const tscOptions = (
      JSON.parse(readFileSync(path.join(repoRoot, 'tsconfig.build.json'), 'utf8')) as {
        compilerOptions: { incremental?: boolean; tsBuildInfoFile?: string };
      }
    ).compilerOptions;
    assert.deepEqual([tscOptions.incremental, tscOptions.tsBuildInfoFile], [true, 'lib/.tsbuildinfo']);
    // A file of its own stands for one of guide's modules, so lib/ is left as it is.
    const module = path.join(mkdtempSync(path.join(tmpdir(), 'guide-bundle-')), 'module.js');
    writeFileSync(module, 'export {};\n');
    const stamped = (changes: Partial<BundleStamp>) =>
      writeFileSync(stampFile, JSON.stringify({ ...stamp, ...changes }));
    try {
      stamped({ inputs: [...stamp.inputs, stampOf(module)] });
      assert.ok(currentBundle(env));
      const later = new Date(Date.now() + 5000);
      utimesSync(module, later, later);
      assert.equal(currentBundle(env), undefined);
      stamped({ root: path.dirname(module) });
      assert.equal(currentBundle(env), undefined);
      stamped({ folder: 'gone' });
      assert.equal(currentBundle(env), undefined);
    } finally {
      writeFileSync(stampFile, stampText);
      rmSync(path.dirname(module), { recursive: true, force: true });
    }
    assert.ok(currentBundle(env));
  });
});
