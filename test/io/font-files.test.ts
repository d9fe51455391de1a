/**
 * Font files are read once into shared memory, and a batch's worker threads use those bytes
 * rather than read their own copy (7 MB a face for Noto Sans TC).
 */

import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { describe, it } from 'node:test';
import { fontFilesRead, readFontFile } from '../../src/io/resources.js';
import { repoRoot } from '../helpers/paths.js';

const face = '@expo-google-fonts/noto-sans-tc/400Regular/NotoSansTC_400Regular.ttf';

/** What another thread does with the files: take them, read the face, change its first byte. */
const inAnotherThread = `
  const { parentPort, workerData } = require('node:worker_threads');
  import(workerData.resources).then(({ useFontFiles, readFontFile }) => {
    useFontFiles(workerData.files);
    const bytes = readFontFile(workerData.root, workerData.face);
    bytes[0] = 0xee;
    parentPort.postMessage({ isBuffer: Buffer.isBuffer(bytes), length: bytes.length });
  });
`;

describe('font files', () => {
  it('are read into memory shared with the threads they are given to', async () => {
    const bytes = readFontFile(repoRoot, face);
    assert.ok(bytes.buffer instanceof SharedArrayBuffer);
    assert.equal(fontFilesRead().get(createRequire(import.meta.url).resolve(face)), bytes);
    const first = bytes[0]!;
    const worker = new Worker(inAnotherThread, {
      eval: true,
      workerData: {
        files: fontFilesRead(),
        root: repoRoot,
        face,
        resources: pathToFileURL(`${repoRoot}/lib/io/resources.js`).href,
      },
    });
    try {
      const answer = await new Promise((resolve, reject) => worker.once('message', resolve).once('error', reject));
      assert.deepEqual(answer, { isBuffer: true, length: bytes.length });
      // The other thread's write is seen here: it used these bytes, not a copy of its own.
      assert.equal(bytes[0], 0xee);
    } finally {
      bytes[0] = first;
      await worker.terminate();
    }
  });
});
