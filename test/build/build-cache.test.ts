/**
 * The build cache (`.guide-cache/`, `--cache DIR`, `--no-cache`): a build with it, cold or warm,
 * writes the bytes and reports the diagnostics of a build without it; an edit makes again exactly
 * the entries that depend on what changed; a damaged entry is a miss; two builds sharing a cache
 * at once both write the right bytes.
 */

import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  truncateSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { before, describe, it } from 'node:test';
import { runCli, type CliRun } from '../helpers/cli.js';
import { copySampleEdition, editFile } from '../helpers/edition.js';
import { repoRoot } from '../helpers/paths.js';
import { entries, made } from '../helpers/cache-entries.js';
import { spawnGuide } from '../release/helpers.js';

const env = { SOURCE_DATE_EPOCH: '1583366400' };

interface Build {
  run: CliRun;
  /** Output bytes by extension. */
  files: Map<string, Buffer>;
}

let count = 0;

async function build(dir: string, args: string[], formats = 'pdf,docx,html'): Promise<Build> {
  const out = path.join(dir, `out-${++count}`);
  const run = await runCli(['build', '--format', formats, '--out', out, ...args], { cwd: dir, env });
  assert.equal(run.code, 0, run.stderr);
  return { run, files: outputs(out) };
}

function outputs(out: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const name of readdirSync(out)) {
    if (name !== 'manifest.json') files.set(path.extname(name), readFileSync(path.join(out, name)));
  }
  return files;
}

/** What a run printed, with the output folder's name (which differs from run to run) taken out. */
function printed(run: CliRun): string {
  return (run.stdout + run.stderr).replace(/out-\d+/g, 'out');
}

function assertSameBuild(actual: Build, expected: Build, what: string): void {
  assert.deepEqual([...actual.files.keys()].sort(), [...expected.files.keys()].sort(), what);
  for (const [ext, bytes] of expected.files) assert.ok(actual.files.get(ext)!.equals(bytes), `${what}: ${ext} bytes`);
  assert.equal(printed(actual.run), printed(expected.run), `${what}: what was reported`);
}

describe('build cache', () => {
  let dir: string;
  let uncached: Build;

  before(async () => {
    dir = copySampleEdition('cache');
    // A warning from a measure file: a cached build must report it as an uncached one does.
    editFile(
      path.join(dir, 'policies/costs/costs-electricity-95.yaml'),
      'content: |\n',
      'content: |\n  ## 不是標題\n\n',
    );
    uncached = await build(dir, ['--no-cache']);
    assert.match(uncached.run.stderr, /W-MARKDOWN-BLOCK/);
  });

  it('writes nothing with --no-cache, and the same bytes and diagnostics cold and warm', async () => {
    assert.equal(existsSync(path.join(dir, '.guide-cache')), false, '--no-cache wrote a cache');
    const cold = await build(dir, []);
    const cache = path.join(dir, '.guide-cache');
    const kept = entries(cache);
    assert.ok(kept.size > 0, 'the first build kept entries');
    const warm = await build(dir, []);
    assertSameBuild(cold, uncached, 'cold cache');
    assertSameBuild(warm, uncached, 'warm cache');
    assert.deepEqual(made(kept, entries(cache)), {}, 'a build that changed nothing made no entry');
    // The folder says what it is, and keeps itself out of git.
    assert.equal(readFileSync(path.join(cache, '.gitignore'), 'utf8'), '*\n');
    assert.match(
      readFileSync(path.join(cache, 'CACHEDIR.TAG'), 'utf8'),
      /^Signature: 8a477f597d28d172789f06886806bc55/,
    );
  });

  it('makes again exactly what an edit touches, and the result is what an uncached build writes', async () => {
    const edition = copySampleEdition('cache-edit');
    const cache = path.join(edition, 'cache');
    const run = () => build(edition, ['--cache', 'cache'], 'pdf,docx');
    await run();
    // A measure: its section and the files. Digits only, so no new character enters a font subset.
    let before = entries(cache);
    editFile(
      path.join(edition, 'policies/costs/costs-electricity-95.yaml'),
      '**95%結算**。\ncontent',
      '**59%結算**。\ncontent',
    );
    const edited = await run();
    assert.deepEqual(made(before, entries(cache)), { 'measure-file': 1, measure: 1, file: 2 });
    assertSameBuild(edited, await build(edition, ['--no-cache'], 'pdf,docx'), 'after a measure edit');
    // The measure template: every measure section.
    const inEffect = Number(/(\d+) measures in effect/.exec(edited.run.stderr)![1]);
    before = entries(cache);
    editFile(path.join(edition, 'templates/measure.md.hbs'), ':::row[實施機關]', ':::row[實施單位]');
    await run();
    // Font subsets are kept by the glyphs drawn, in order: a new word may make new ones.
    const sectionsAndFiles = (kinds: Record<string, number>) => ({
      fragment: kinds['fragment'],
      measure: kinds['measure'],
      file: kinds['file'],
    });
    assert.deepEqual(sectionsAndFiles(made(before, entries(cache))), {
      fragment: undefined,
      measure: inEffect,
      file: 2,
    });
    // The theme and guide.yaml are part of every section's key too.
    before = entries(cache);
    editFile(path.join(edition, 'templates/theme.yaml'), 'link: "#1a4f8b"', 'link: "#1a4f8c"');
    await run();
    assert.deepEqual(made(before, entries(cache)), { 'theme-file': 1, measure: inEffect, file: 2, 'docx-shell': 1 });
    before = entries(cache);
    editFile(path.join(edition, 'guide.yaml'), 'subtitle: 防疫惠企政策彙編', 'subtitle: 防疫惠企政策匯編');
    const last = await run();
    // The subtitle is on the cover (the guide's skeleton): that is read again too.
    assert.deepEqual(sectionsAndFiles(made(before, entries(cache))), { fragment: 1, measure: inEffect, file: 2 });
    assertSameBuild(last, await build(edition, ['--no-cache'], 'pdf,docx'), 'after all the edits');
  });

  it('takes a damaged, cut short or foreign entry for a miss, and writes it again', async () => {
    // The cache the first test made.
    const cache = path.join(dir, '.guide-cache');
    const names = [...entries(cache)].sort();
    const spoil = [
      (file: string) => truncateSync(file, Math.floor(readFileSync(file).length / 2)),
      (file: string) => truncateSync(file, 0),
      (file: string) => {
        const bytes = readFileSync(file);
        bytes[bytes.length - 1] ^= 0xff;
        writeFileSync(file, bytes);
      },
      (file: string) => {
        const bytes = readFileSync(file);
        writeFileSync(file, Buffer.concat([bytes.subarray(0, bytes.indexOf(0x0a) + 1), Buffer.from('{"sections":')]));
      },
      (file: string) => writeFileSync(file, 'not an entry at all'),
    ];
    const written = new Map(names.map((name) => [name, readFileSync(path.join(cache, name))]));
    names.forEach((name, i) => spoil[i % spoil.length]!(path.join(cache, name)));
    assertSameBuild(await build(dir, []), uncached, 'damaged entries');
    // Each was made again, as it was.
    for (const [name, bytes] of written) assert.ok(readFileSync(path.join(cache, name)).equals(bytes), name);
  });

  it("takes a font file's digest from the cache only while the file is the same", async () => {
    const edition = copySampleEdition('cache-font');
    const font = path.join(edition, 'fonts', 'regular.ttf');
    mkdirSync(path.dirname(font));
    copyFileSync(
      path.join(repoRoot, 'node_modules/@expo-google-fonts/noto-sans-tc/400Regular/NotoSansTC_400Regular.ttf'),
      font,
    );
    editFile(
      path.join(edition, 'templates/theme.yaml'),
      '"@expo-google-fonts/noto-sans-tc/400Regular/NotoSansTC_400Regular.ttf"',
      'fonts/regular.ttf',
    );
    const cache = path.join(edition, '.guide-cache');
    // A file changed in the last two seconds is hashed and its digest not kept (font-files.test.ts).
    const settle = () => new Promise((resolve) => setTimeout(resolve, 2100));
    await settle();
    // A process of its own each time: a process reads a font file once.
    const digestBuilt = async () => {
      const out = path.join(edition, `out-${++count}`);
      const built = await spawnGuide(['build', '--format', 'pdf', '--out', out], {
        cwd: edition,
        env: { ...process.env, ...env, GUIDE_LANG: 'en' },
      });
      assert.equal(built.code, 0, built.stderr);
      const manifest = JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8')) as {
        inputs: { files: { path: string; sha256: string }[] };
      };
      return manifest.inputs.files.find((file) => file.path === 'fonts/regular.ttf')!.sha256;
    };
    const sha256 = () => createHash('sha256').update(readFileSync(font)).digest('hex');
    const first = await digestBuilt();
    assert.equal(first, sha256());
    let before = entries(cache);
    assert.equal(made(new Set(), before)['font-digest'], 2, 'the regular and bold files');
    assert.equal(await digestBuilt(), first);
    assert.deepEqual(made(before, entries(cache)), {});
    // One letter of a URL in its name table, the size and modification time as they were: the
    // file's ctime still tells it changed.
    const bytes = readFileSync(font);
    const { mtime } = statSync(font);
    const at = bytes.indexOf(Buffer.from('http', 'utf16le').swap16());
    bytes[at + 1] = 'H'.charCodeAt(0);
    writeFileSync(font, bytes);
    utimesSync(font, mtime, mtime);
    await settle();
    before = entries(cache);
    const changed = await digestBuilt();
    assert.equal(changed, sha256());
    assert.notEqual(changed, first);
    assert.equal(made(before, entries(cache))['font-digest'], 1);
  });

  it('lets two builds share a cache at once', async () => {
    const run = promisify(execFile);
    const bin = path.join(repoRoot, 'bin/guide.cjs');
    const outs = ['a', 'b'].map((name) => path.join(dir, `concurrent-${name}`));
    // Both cold: each writes every entry while the other reads and writes them.
    await Promise.all(
      outs.map((out) =>
        run(process.execPath, [bin, 'build', '--format', 'pdf,docx,html', '--cache', 'shared', '--out', out], {
          cwd: dir,
          env: { ...process.env, ...env, GUIDE_LANG: 'en' },
        }),
      ),
    );
    for (const out of outs) {
      const files = outputs(out);
      for (const [ext, bytes] of uncached.files) assert.ok(files.get(ext)!.equals(bytes), `${out}: ${ext}`);
    }
    const shared = path.join(dir, 'shared');
    // One entry per file, and the sections: what one build makes.
    const kinds = made(new Set(), entries(shared));
    assert.equal(kinds['file'], 3);
    assert.equal(kinds['measure'], Number(/(\d+) measures in effect/.exec(uncached.run.stderr)![1]));
    assert.deepEqual(
      readdirSync(shared).filter((name) => name.endsWith('.tmp')),
      [],
      'no temporary file left',
    );
  });
});
