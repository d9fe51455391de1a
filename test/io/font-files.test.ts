/**
 * Font files are read once into shared memory, and a batch's worker threads use those bytes
 * rather than read their own copy (7 MB a face for Noto Sans TC). With the build cache, a file's
 * digest is kept by its print, unless the file changed a moment ago.
 */

import assert from 'node:assert/strict';
import {
  chmodSync,
  copyFileSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { FontFile, fontFilesRead } from '../../src/io/resources.js';
import { entryKey, setJson } from '../../src/cache-store.js';
import { GuideInputError } from '../../src/errors.js';
import { sha256Hex, sha256OfReadOnly } from '../../src/hash.js';
import { statPrint } from '../../src/io/inputs-seen.js';
import { FontFace } from '../../src/writers/pdf/fonts.js';
import { readStaticTrueType, tableDirectory } from '../../src/writers/pdf/sfnt.js';
import { TrueTypeSubset } from '../../src/writers/pdf/truetype-subset.js';
import { memoryStore } from '../helpers/memory-store.js';
import { repoRoot } from '../helpers/paths.js';

const face = '@expo-google-fonts/noto-sans-tc/400Regular/NotoSansTC_400Regular.ttf';

/** What another thread does with the files: take them, read the face, change its first byte. */
const inAnotherThread = `
  const { parentPort, workerData } = require('node:worker_threads');
  Promise.all([import(workerData.resources), import(workerData.hash)]).then(([{ useFontFiles, FontFile }, { knownSha256 }]) => {
    useFontFiles(workerData.files);
    const bytes = FontFile.open(workerData.root, workerData.face).bytes();
    const digest = knownSha256(bytes);
    bytes[0] = 0xee;
    parentPort.postMessage({ isBuffer: Buffer.isBuffer(bytes), length: bytes.length, digest });
  });
`;

describe('font files', () => {
  it('are read into memory shared with the threads they are given to', async () => {
    const bytes = FontFile.open(repoRoot, face).bytes();
    assert.ok(bytes.buffer instanceof SharedArrayBuffer);
    const file = createRequire(import.meta.url).resolve(face);
    assert.equal(fontFilesRead().get(file)?.bytes, bytes);
    // Its digest goes with it once this thread has made it: the other thread does not hash again.
    assert.equal(fontFilesRead().get(file)?.digest, undefined);
    const digest = sha256OfReadOnly(bytes);
    assert.equal(fontFilesRead().get(file)?.digest, digest);
    const first = bytes[0]!;
    const worker = new Worker(inAnotherThread, {
      eval: true,
      workerData: {
        files: fontFilesRead(),
        root: repoRoot,
        face,
        resources: pathToFileURL(`${repoRoot}/lib/io/resources.js`).href,
        hash: pathToFileURL(`${repoRoot}/lib/hash.js`).href,
      },
    });
    try {
      const answer = await new Promise((resolve, reject) => worker.once('message', resolve).once('error', reject));
      assert.deepEqual(answer, { isBuffer: true, length: bytes.length, digest });
      // The other thread's write is seen here: it used these bytes, not a copy of its own.
      assert.equal(bytes[0], 0xee);
    } finally {
      bytes[0] = first;
      await worker.terminate();
    }
  });

  it("keep a file's digest in the build cache, unless it changed in the last two seconds", () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'guide-font-digest-'));
    try {
      const store = memoryStore();
      const kept = store.entries;
      const installed = createRequire(import.meta.url).resolve(face);
      // Names of their own, which this process has not read: the face as npm installed it (long
      // unchanged; a link to it), and a copy made just now.
      symlinkSync(installed, path.join(dir, 'installed.ttf'));
      copyFileSync(installed, path.join(dir, 'copy.ttf'));
      const copy = FontFile.open(dir, 'copy.ttf', store).digest;
      assert.equal(kept.size, 0, 'the digest of a file just made is not kept');
      const installedDigest = FontFile.open(dir, 'installed.ttf', store).digest;
      assert.deepEqual(
        [...kept.keys()].map((key) => key.split('.')[0]),
        ['font-digest'],
      );
      const digest = JSON.parse(new TextDecoder().decode([...kept.values()][0])) as string;
      assert.equal(digest, sha256Hex(readFileSync(installed)));
      assert.equal(copy, digest);
      assert.equal(installedDigest, digest);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('are read only when their bytes are asked for, when the build cache keeps their digest; refused when changed since', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'guide-font-unread-'));
    try {
      const store = memoryStore();
      const installed = createRequire(import.meta.url).resolve(face);
      const original = readFileSync(installed);
      for (const name of ['same.ttf', 'edited.ttf']) copyFileSync(installed, path.join(dir, name));
      // Their digests as a build before kept them, by their prints: files changed in the last two
      // seconds are not trusted.
      await sleep(2100);
      for (const name of ['same.ttf', 'edited.ttf']) {
        const file = path.join(dir, name);
        setJson(store, entryKey('font-digest', file, statPrint(statSync(file, { bigint: true }))), sha256Hex(original));
      }
      const read = () =>
        [...fontFilesRead().keys()].filter((file) => file.startsWith(dir)).map((file) => path.basename(file));

      const same = FontFile.open(dir, 'same.ttf', store);
      const edited = FontFile.open(dir, 'edited.ttf', store);
      assert.deepEqual(read(), []);
      assert.equal(same.digest, sha256Hex(original));
      assert.deepEqual([...same.signature], [...original.subarray(0, 4)]);
      assert.ok(Buffer.from(same.bytes()).equals(original));
      assert.deepEqual(read(), ['same.ttf']);

      // Changed after it was opened: what a build made of it so far belongs to other bytes.
      const changed = Buffer.from(original);
      changed[changed.length - 1] ^= 1;
      writeFileSync(path.join(dir, 'edited.ttf'), changed);
      assert.throws(
        () => edited.bytes(),
        (error) =>
          error instanceof GuideInputError && /edited\.ttf.*changed while guide was using it/.test(error.message),
      );
      // Opened now, it is read at once and has its new digest.
      assert.equal(FontFile.open(dir, 'edited.ttf', store).digest, sha256Hex(changed));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("are read in part: the tables when opened, a glyph's data when a subset copies it; refused once changed in place", () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'guide-font-part-'));
    try {
      const installed = createRequire(import.meta.url).resolve(face);
      const original = readFileSync(installed);
      for (const name of ['part.ttf', 'edited.ttf']) copyFileSync(installed, path.join(dir, name));
      const file = FontFile.open(dir, 'part.ttf');
      const { bytes } = file.tables();
      const tables = tableDirectory(original)!;
      for (const [tag, { offset, length } = { offset: 0, length: 0 }] of Object.entries(tables)) {
        if (tag !== 'glyf')
          assert.ok(original.subarray(offset, offset + length).equals(bytes.subarray(offset, offset + length)), tag);
      }
      const glyf = tables['glyf']!;
      const unread = (from: number, to: number) => bytes.subarray(from, to).every((byte) => byte === 0);
      // The glyph data is not read as the file opens (but for the block it shares with the table before).
      assert.ok(unread(glyf.offset + 4096, glyf.offset + glyf.length));

      // A subset copies the glyphs it holds, and reads those alone: the same bytes as from the whole file.
      const partly = new FontFace(file);
      const subsets = [partly.createSubset(), TrueTypeSubset.for(readStaticTrueType(original)!)!];
      for (const character of '辦事指南，申請•') {
        for (const subset of subsets) subset.includeGlyph(partly.glyphId(character.codePointAt(0)!));
      }
      assert.ok(Buffer.from(subsets[0]!.encode()).equals(Buffer.from(subsets[1]!.encode())));
      assert.ok(unread(glyf.offset + 4096, glyf.offset + glyf.length), 'glyph data is read into memory of its own');
      // Its digest is the whole file's, made without reading it into these bytes.
      assert.equal(file.digest, sha256Hex(original));
      assert.ok(unread(glyf.offset + 4096, glyf.offset + glyf.length));

      // Changed in place after it was opened: a part read now would belong to other bytes.
      const edited = FontFile.open(dir, 'edited.ttf');
      const changed = Buffer.from(original);
      changed[changed.length - 1] ^= 1;
      writeFileSync(path.join(dir, 'edited.ttf'), changed);
      const changedWhileUsed = (error: unknown) =>
        error instanceof GuideInputError && /edited\.ttf.*changed while guide was using it/.test(error.message);
      assert.throws(
        () => edited.tables().read([glyf.offset + glyf.length - 10, glyf.offset + glyf.length]),
        changedWhileUsed,
      );
      assert.throws(() => edited.digest, changedWhileUsed);
      // Let go once refused: opened again, it is read as it is now.
      assert.equal(FontFile.open(dir, 'edited.ttf').digest, sha256Hex(changed));

      // Another file renamed over it, or a change of mode, is no change to the file opened: its
      // parts are still read from it.
      const replaced = FontFile.open(dir, 'part.ttf');
      writeFileSync(path.join(dir, 'other.ttf'), changed);
      renameSync(path.join(dir, 'other.ttf'), path.join(dir, 'part.ttf'));
      chmodSync(path.join(dir, 'part.ttf'), 0o600);
      const end = glyf.offset + glyf.length;
      assert.ok(Buffer.from(replaced.tables().read([end - 64, end])).equals(original.subarray(end - 64, end)));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
