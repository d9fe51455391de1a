/**
 * `guide validate` repeats its last run while every input it noted is unchanged, so it must note
 * every file and folder its checks look at. Here node:fs itself is watched while an edition is
 * checked, and each path the checks touched must be among the inputs noted, for editions that
 * take each way through the checks: fonts from packages and from the edition, a templates folder
 * that is not there, links leading out. Node's own lookups of packages (a font named by its
 * package) go through its internals, unseen here: validate-cache.test.ts puts a package in front
 * of the one found and sees the next run check again.
 */

import assert from 'node:assert/strict';
import fs, { copyFileSync, mkdirSync, rmSync, symlinkSync, unlinkSync } from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { inputsUnchanged, recordInputs, seeInput } from '../../src/io/inputs-seen.js';
import { checkEdition } from '../../src/pipeline/check-edition.js';
import { checkFontFile } from '../../src/io/resources.js';
import { copySampleEdition, editFile } from '../helpers/edition.js';
import { repoRoot } from '../helpers/paths.js';

type Spied = 'readFileSync' | 'statSync' | 'lstatSync' | 'readdirSync' | 'openSync' | 'existsSync' | 'opendirSync';
const spied: Spied[] = [
  'readFileSync',
  'statSync',
  'lstatSync',
  'readdirSync',
  'openSync',
  'existsSync',
  'opendirSync',
];
const spiedAsync = ['readFile', 'stat', 'lstat', 'readdir', 'open', 'opendir', 'realpath'];

/** Every path given to node:fs while `run` runs (file descriptors and URLs aside), with the calls. */
async function touchedBy<T>(run: () => Promise<T>): Promise<{ value: T; touched: Map<string, Set<string>> }> {
  const touched = new Map<string, Set<string>>();
  const note = (file: unknown, call: string) => {
    if (typeof file !== 'string') return;
    const calls = touched.get(path.resolve(file)) ?? new Set();
    touched.set(path.resolve(file), calls.add(call));
  };
  const originals = new Map(spied.map((name) => [name, fs[name]]));
  const realpathNative = fs.realpathSync.native;
  for (const name of spied) {
    const original = originals.get(name) as (...args: unknown[]) => unknown;
    (fs as unknown as Record<string, unknown>)[name] = (file: unknown, ...rest: unknown[]) => {
      note(file, name);
      return original(file, ...rest);
    };
  }
  const promises = fs.promises as unknown as Record<string, (...args: unknown[]) => unknown>;
  const asyncOriginals = new Map(spiedAsync.map((name) => [name, promises[name]!]));
  for (const [name, original] of asyncOriginals)
    promises[name] = (file: unknown, ...rest: unknown[]) => {
      note(file, name);
      return original(file, ...rest);
    };
  const realpath = fs.realpathSync;
  fs.realpathSync = Object.assign(
    (file: string, options?: unknown) => {
      note(file, 'realpath');
      return realpath(file, options as never);
    },
    {
      native: (file: string, options?: unknown) => {
        note(file, 'realpath');
        return realpathNative(file, options as never);
      },
    },
  ) as typeof realpath;
  syncBuiltinESMExports();
  try {
    return { value: await run(), touched };
  } finally {
    for (const [name, original] of originals) (fs as unknown as Record<string, unknown>)[name] = original;
    for (const [name, original] of asyncOriginals) promises[name] = original;
    fs.realpathSync = realpath;
    syncBuiltinESMExports();
  }
}

/** The paths the check touched that are not noted: guide's own code and packages' code aside. */
async function unnoted(dir: string): Promise<string[]> {
  // Two runs: the prints read files themselves, by their real paths.
  const { touched } = await touchedBy(() => checkEdition(dir, {}, undefined));
  const { inputs } = await recordInputs(() => checkEdition(dir, {}, undefined));
  const noted = new Set(inputs.map(([file]) => file));
  assert.ok(inputsUnchanged(inputs), 'nothing changed since');
  const code = (file: string) => file.startsWith(repoRoot + path.sep) && !/\.(ttf|otf)$/.test(file);
  // The edition folder's real path (where links lead from) is in the print of every file in it.
  const rootOnly = (file: string, calls: Set<string>) =>
    file === dir && [...calls].every((call) => call === 'realpath');
  return [...touched]
    .filter(([file, calls]) => !noted.has(file) && !code(file) && !rootOnly(file, calls))
    .map(([file]) => file)
    .sort();
}

const made: string[] = [];
after(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

function edition(prefix: string): string {
  const dir = copySampleEdition(prefix);
  made.push(dir);
  return dir;
}

describe('the inputs guide validate notes', () => {
  it('are every path its checks look at: the sample, fonts from packages', async () => {
    const dir = edition('inputs-sample');
    assert.deepEqual(await unnoted(dir), []);
  });

  it('are every path its checks look at: a templates folder that is not there', async () => {
    const dir = edition('inputs-templates');
    editFile(path.join(dir, 'guide.yaml'), /^templates: .*$/m, 'templates: templatez');
    assert.deepEqual(await unnoted(dir), []);
  });

  it('are every path its checks look at: links leading out, a font in the edition folder', async () => {
    const dir = edition('inputs-links');
    const outside = edition('inputs-outside');
    const measure = path.join(dir, 'policies/costs/costs-gas-offseason.yaml');
    unlinkSync(measure);
    symlinkSync(path.join(outside, 'policies/costs/costs-gas-offseason.yaml'), measure);
    symlinkSync(path.join(outside, 'policies/tax'), path.join(dir, 'policies/tax-elsewhere'));
    const template = path.join(dir, 'templates/preface.md.hbs');
    unlinkSync(template);
    symlinkSync(path.join(outside, 'templates/preface.md.hbs'), template);
    mkdirSync(path.join(dir, 'fonts'));
    copyFileSync(
      path.join(repoRoot, 'node_modules/@expo-google-fonts/noto-sans-tc/700Bold/NotoSansTC_700Bold.ttf'),
      path.join(dir, 'fonts/bold.ttf'),
    );
    editFile(
      path.join(dir, 'templates/theme.yaml'),
      '@expo-google-fonts/noto-sans-tc/700Bold/NotoSansTC_700Bold.ttf',
      'fonts/bold.ttf',
    );
    assert.deepEqual(await unnoted(dir), []);
  });

  it('print a file by its bytes, a folder by its names, a missing path as missing', async () => {
    const dir = edition('inputs-prints');
    const file = path.join(dir, 'guide.yaml');
    const folder = path.join(dir, 'policies/costs');
    const missing = path.join(dir, 'later.yaml');
    const { inputs } = await recordInputs(async () => {
      for (const each of [file, folder, missing]) seeInput(each);
    });
    assert.deepEqual(
      inputs.map(([each]) => each),
      [file, folder, missing],
    );
    assert.ok(inputsUnchanged(inputs));
    editFile(file, /^title: (.*)$/m, 'title: $1。');
    assert.equal(inputsUnchanged(inputs.slice(0, 1)), false, 'file');
    copyFileSync(file, path.join(folder, 'new.yaml'));
    assert.equal(inputsUnchanged(inputs.slice(1, 2)), false, 'folder');
    copyFileSync(file, missing);
    assert.equal(inputsUnchanged(inputs.slice(2, 3)), false, 'missing path');
  });

  it('note where Node looks for a font named by its package, and only for a package name', async () => {
    const dir = edition('inputs-lookups');
    const notedFor = async (name: string) => {
      const { inputs } = await recordInputs(async () => {
        try {
          checkFontFile(dir, name);
        } catch {
          // not there: only what was looked at matters here
        }
      });
      return new Set(inputs.map(([file]) => file));
    };
    const inEdition = (...parts: string[]) => path.join(dir, 'node_modules', ...parts);
    const scoped = await notedFor('@scope/fonts/a.ttf');
    for (const file of [
      inEdition('@scope/fonts'),
      inEdition('@scope/fonts/package.json'),
      inEdition('@scope/fonts/a.ttf'),
    ])
      assert.ok(scoped.has(file), file);
    assert.ok(scoped.has(path.join(dir, 'package.json')), "the edition's own package.json");
    const plain = await notedFor('fonts/a.ttf');
    assert.ok(plain.has(inEdition('fonts')) && plain.has(inEdition('fonts/a.ttf')));
    assert.ok(plain.has(path.join(dir, 'fonts/a.ttf')), 'then the file in the edition folder');
    // A name starting with a dot is a package name to Node, unless it is ./ or ../.
    assert.ok((await notedFor('.fonts/a.ttf')).has(inEdition('.fonts')));
    for (const name of ['./fonts/a.ttf', '../fonts/a.ttf', path.join(dir, 'fonts/a.ttf')]) {
      const noted = [...(await notedFor(name))];
      assert.deepEqual(
        noted.filter((file) => file.includes(`${path.sep}node_modules${path.sep}`)),
        [],
        `${name}: no package looked for`,
      );
      assert.ok(noted.includes(path.resolve(dir, name)), `${name}: the file itself`);
    }
  });

  it('are noted only while a run is recorded', async () => {
    seeInput(path.join(repoRoot, 'guide.yaml'));
    const { inputs } = await recordInputs(async () => undefined);
    assert.deepEqual(inputs, []);
  });
});
