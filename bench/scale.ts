/**
 * `npm run bench:scale`: does `guide build` (PDF + DOCX) grow linearly with the number of
 * measures? Generates editions of 400 and 2,000 measures from the sample (bench/lib/editions.ts),
 * builds each as a fresh process, and prints wall time and peak RSS (the kernel's maxrss of the
 * child, as `/usr/bin/time -v` reports it) with the 2,000 : 400 ratios against issue 13's target:
 * 2,000 measures within 6× the 400-measure time and under 1 GB.
 *
 * Usage: `npm run bench:scale [-- --sizes 400,2000] [-- --profile DIR]`. `--profile` also writes
 * a V8 CPU profile of each build (`node --cpu-prof`) into DIR, to open in Chrome DevTools.
 * Takes about a minute on 2 cores. Never part of `npm test`.
 */

import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generateEdition } from './lib/editions.js';
import { bytes, table } from './lib/format.js';
import { guideBin, loadGuideLib } from './lib/guide-lib.js';

const usage = 'usage: npm run bench:scale [-- --sizes 400,2000] [-- --profile DIR]';

/** Issue 13's targets for the largest size against the smallest. */
const targets = { timeRatio: 6, peakRssBytes: 1024 ** 3 } as const;

interface Options {
  sizes: number[];
  profileDir?: string;
}

function parseOptions(argv: readonly string[]): Options {
  const options: Options = { sizes: [400, 2000] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = argv[i + 1];
    if (arg === '--sizes' && value) {
      options.sizes = value.split(',').map(Number);
      if (options.sizes.some((n) => !Number.isInteger(n) || n < 1)) throw new Error(`bad --sizes ${value}\n${usage}`);
      i++;
    } else if (arg === '--profile' && value) {
      options.profileDir = path.resolve(value);
      i++;
    } else throw new Error(`unknown option ${arg}\n${usage}`);
  }
  return options;
}

interface Run {
  measures: number;
  wallMs: number;
  peakRssBytes: number;
}

/**
 * One `guide build` as a fresh process under GNU time (`/usr/bin/time -v`), which reports the
 * child's peak RSS; wall time is measured here (GNU time's own overhead is a few milliseconds).
 */
function buildOnce(editionDir: string, out: string, profileDir: string | undefined, measures: number): Run {
  const nodeArgs = profileDir
    ? ['--cpu-prof', '--cpu-prof-dir', profileDir, '--cpu-prof-name', `build-${measures}.cpuprofile`]
    : [];
  const guide = [guideBin, 'build', '--config', path.join(editionDir, 'guide.yaml'), '--out', out];
  const started = process.hrtime.bigint();
  const result = spawnSync('/usr/bin/time', ['-v', process.execPath, ...nodeArgs, ...guide], {
    cwd: editionDir,
    env: { ...process.env, NO_COLOR: '1' },
    stdio: ['ignore', 'ignore', 'pipe'],
    timeout: 900_000,
  });
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.error) throw new Error(`/usr/bin/time: ${result.error.message} (install GNU time)`);
  const stderr = String(result.stderr);
  if (result.status !== 0) throw new Error(`build of ${measures} measures failed: ${stderr.slice(-500)}`);
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
  if (!rss) throw new Error('GNU time did not report the peak RSS');
  return { measures, wallMs, peakRssBytes: Number(rss[1]) * 1024 };
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const lib = await loadGuideLib();
  const work = mkdtempSync(path.join(tmpdir(), 'guide-scale-'));
  try {
    const runs: Run[] = [];
    for (const size of options.sizes) {
      process.stderr.write(`bench:scale: generating ${size} measures\n`);
      const edition = await generateEdition(lib, path.join(work, `edition-${size}`), size);
      process.stderr.write(`bench:scale: guide build, ${size} measures\n`);
      runs.push(buildOnce(edition.dir, path.join(work, `out-${size}`), options.profileDir, size));
    }
    const first = runs[0]!;
    const last = runs.at(-1)!;
    const timeRatio = last.wallMs / first.wallMs;
    const lines = [
      `### Scale: guide build (PDF + DOCX), ${runs.map((r) => r.measures).join(' and ')} measures`,
      '',
      table(
        ['measures', 'wall time', 'peak RSS', 'time ÷ measures'],
        runs.map((r) => [
          String(r.measures),
          `${(r.wallMs / 1000).toFixed(2)} s`,
          bytes(r.peakRssBytes),
          `${(r.wallMs / r.measures).toFixed(1)} ms`,
        ]),
      ),
      '',
      `${last.measures} : ${first.measures} time ratio ${timeRatio.toFixed(1)}× (measures ${(last.measures / first.measures).toFixed(0)}×; target ≤ ${targets.timeRatio}×: ${timeRatio <= targets.timeRatio ? 'met' : 'MISSED'}); ` +
        `peak RSS at ${last.measures} ${bytes(last.peakRssBytes)} (target < 1 GB: ${last.peakRssBytes < targets.peakRssBytes ? 'met' : 'MISSED'})`,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
    if (options.profileDir) process.stderr.write(`bench:scale: CPU profiles in ${options.profileDir}\n`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
