/**
 * Makes guide's startup snapshot (`npm run snapshot`, run by `prepare` at `npm install`): bundles
 * entry.ts and everything it imports into one script, runs it with `node --build-snapshot`, and
 * writes the blob and its stamp into lib/snapshot/ (rebuilt with lib/, never committed). bin/guide.js
 * then starts build from it while the stamp says it is current (launch.ts).
 *
 * A snapshot that cannot be made is not an error: guide runs as it did without one.
 */

import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build, type Plugin } from 'esbuild';
import { languageFromEnvironment, setLanguage } from '../../messages/language.js';
import { snapshotMessages as say } from '../../messages/snapshot.js';
import { packageRoot as root, snapshotFolder, stampFile, stampOf, type SnapshotStamp } from './launch.js';

/**
 * Each module's own place, written into the bundle: guide finds package.json, its templates and
 * its batch worker from `import.meta.url`, and pdfkit its data files from `__dirname`, which in one
 * bundled script would all be the bundle's. The snapshot is tied to these paths: its stamp lists them.
 */
const ownPlaces: Plugin = {
  name: 'own-places',
  setup(bundler) {
    bundler.onLoad({ filter: /\.(js|mjs|cjs)$/ }, (args) => {
      const text = readFileSync(args.path, 'utf8')
        .replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href))
        .replace(/\b__dirname\b/g, JSON.stringify(path.dirname(args.path)))
        .replace(/\b__filename\b/g, JSON.stringify(args.path));
      return { contents: text, loader: 'js' };
    });
  },
};

async function makeSnapshot(): Promise<void> {
  // Beside the blob's place, so that renames into it stay on one file system.
  mkdirSync(snapshotFolder, { recursive: true });
  const work = mkdtempSync(path.join(snapshotFolder, 'making-'));
  try {
    const script = path.join(work, 'guide.cjs');
    const bundled = await build({
      entryPoints: [fileURLToPath(new URL('./entry.js', import.meta.url))],
      absWorkingDir: root,
      bundle: true,
      platform: 'node',
      // A snapshot is built from a classic script; modules are strict, so the bundle is too.
      format: 'cjs',
      banner: { js: '"use strict";' },
      target: `node${process.versions.node.split('.')[0]}`,
      outfile: script,
      plugins: [ownPlaces],
      metafile: true,
      logLevel: 'error',
    });
    const blobWork = path.join(work, 'guide.blob');
    // No NODE_OPTIONS: V8 flags given when building must be given when loading, and launch.ts
    // never gives any.
    const env: NodeJS.ProcessEnv = { ...process.env, NODE_NO_WARNINGS: '1' };
    delete env.NODE_OPTIONS;
    execFileSync(process.execPath, ['--snapshot-blob', blobWork, '--build-snapshot', script], {
      cwd: work,
      env,
      stdio: ['ignore', 'ignore', 'pipe'],
    });

    const guide = (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }).version;
    const key = createHash('sha256')
      .update(JSON.stringify([guide, process.version, process.execPath]))
      .update(readFileSync(script))
      .digest('hex');
    // What the launcher looks at before each start, so few files: guide's own modules one by
    // one, and the dependencies through npm's record of node_modules, which npm rewrites whenever
    // it changes anything there (each dependency's files where there is no such record).
    const npmRecord = path.join(root, 'node_modules', '.package-lock.json');
    const bundledFiles = Object.keys(bundled.metafile.inputs).map((file) => path.resolve(root, file));
    const ours = (file: string) => !path.relative(root, file).split(path.sep).includes('node_modules');
    const inputs = [
      path.join(root, 'package.json'),
      ...(existsSync(npmRecord) ? [npmRecord, ...bundledFiles.filter(ours)] : bundledFiles),
    ];
    const stamp: SnapshotStamp = {
      blob: `guide-${key.slice(0, 16)}.blob`,
      key,
      guide,
      root,
      node: { version: process.version, binary: stampOf(process.execPath) },
      inputs: inputs.map(stampOf),
    };
    // The blob first, then the stamp that names it, each by rename: a guide starting meanwhile
    // sees the old snapshot or the new one, whole.
    renameSync(blobWork, path.join(snapshotFolder, stamp.blob));
    writeFileSync(path.join(work, 'snapshot.json'), JSON.stringify(stamp));
    renameSync(path.join(work, 'snapshot.json'), stampFile);
    for (const file of readdirSync(snapshotFolder)) {
      if (file.endsWith('.blob') && file !== stamp.blob) rmSync(path.join(snapshotFolder, file), { force: true });
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

try {
  await makeSnapshot();
} catch (error) {
  setLanguage(languageFromEnvironment(process.env));
  const stderr = (error as { stderr?: Buffer }).stderr?.toString().trim().split('\n')[0];
  const reason = stderr || (error instanceof Error ? error.message.split('\n')[0]! : String(error));
  process.stderr.write(`${say.notMade({ reason })}\n`);
}
