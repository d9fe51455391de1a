/**
 * `guide batch` benchmark: 1,000 generated firms against the sample edition, PDF and DOCX, timed
 * as a user runs it (a fresh `node bin/guide.cjs batch` process), with the process's peak
 * resident memory (main thread and workers share the process) read from /proc while it runs.
 * Compared with the naive way: `guide build` once per firm, timed for a few runs and multiplied
 * out. `--large` adds 10,000 firms, PDF only, sampling memory along the way to show it stays
 * flat. Prints one JSON document; `runBatchBenchmark` gives the same to bench/run.ts.
 *
 *   npm run build && node --import tsx bench/batch.ts [--firms 1000] [--large] [--naive-runs 5]
 */

import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const guide = path.join(root, 'bin/guide.cjs');

export interface BatchRun {
  firms: number;
  formats: string;
  wallSeconds: number;
  perFirmMs: number;
  /** Peak resident memory of the whole process (main thread and every worker), MB. */
  peakRssMb: number | null;
  /** Resident memory sampled along the run: [seconds, MB]. */
  rssSamples: [number, number][];
  /** The same command again at once: every firm up to date, nothing built. */
  rerunSeconds?: number;
}

export interface BatchBenchResult {
  date: string;
  /** `loadAverage` before and after the runs: other work on the machine makes the times longer. */
  machine: {
    cores: number;
    workers: number;
    memoryGb: number;
    node: string;
    loadAverage: number[];
    loadAverageAfter: number[];
  };
  batch: BatchRun;
  naive: {
    what: string;
    runs: number;
    medianSeconds: number;
    /** `medianSeconds` × the firm count: estimated, not measured. */
    extrapolatedSeconds: number;
  };
  /** How many times faster the batch is than the naive loop (extrapolated). */
  speedup: number;
  /** 30 s per 1,000 firms (both formats) and 400 MB, on the 2-core reference machine. */
  goals: { wallSeconds: number; met: boolean; peakRssMb: number; rssMet: boolean | null };
  large?: BatchRun;
}

/** A deterministic list of firms of every kind, as a CSV with Chinese headers and labels. */
export function firmListCsv(count: number): string {
  const industries = [
    '製造業',
    '食品',
    '電子資訊',
    '裝備製造',
    '化工',
    '紡織服裝',
    '交通運輸與物流',
    '文化旅遊',
    '餐飲住宿',
    '批發零售',
    '民航',
    '節能環保',
    '通信',
    '金融服務',
    '建築',
  ];
  const needs = [
    '融資困難',
    '用工緊張',
    '物流不暢',
    '防疫物資短缺',
    '供應鏈斷裂',
    '經營成本高',
    '市場訂單減少',
    '稅費負擔',
  ];
  const cities = ['青島市', '煙臺市', '濰坊市', '濟南市', '威海市', '日照市', '臨沂市'];
  const sizes = ['微型', '小型', '中型', '大型'];
  let seed = 20200305;
  const pick = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  const lines = ['編號,企業名稱,聯繫人,電子郵箱,所在城市,行業,規模,是否出口,困難訴求'];
  for (let i = 1; i <= count; i++) {
    const wanted = new Set(Array.from({ length: 1 + pick(3) }, () => needs[pick(needs.length)]!));
    lines.push(
      [
        `F${String(i).padStart(5, '0')}`,
        `臺資企業${i}號有限公司`,
        `聯繫人${i}`,
        `f${i}@example.com.tw`,
        cities[pick(cities.length)],
        industries[pick(industries.length)],
        sizes[pick(sizes.length)],
        pick(2) ? '是' : '否',
        [...wanted].join('；'),
      ].join(','),
    );
  }
  return `${lines.join('\n')}\n`;
}

/** A copy of the sample edition in a temporary folder. */
function sampleEdition(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'guide-bench-batch-'));
  for (const item of ['guide.yaml', 'policies', 'templates']) {
    cpSync(path.join(root, item), path.join(dir, item), { recursive: true });
  }
  return dir;
}

/** Peak and current resident memory of a process, MB (Linux /proc); null elsewhere or once it has ended. */
function memoryOf(pid: number): { peak: number; now: number } | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+) kB`).exec(status)?.[1] ?? NaN);
    const [peak, now] = [kb('VmHWM') / 1024, kb('VmRSS') / 1024];
    // A process that has ended but not been waited for has a status without its memory.
    return Number.isNaN(peak) || Number.isNaN(now) ? null : { peak, now };
  } catch {
    return null;
  }
}

/** Runs the CLI in a fresh process, sampling its memory; resolves with wall time and memory. */
function timed(
  args: string[],
  cwd: string,
): Promise<{ seconds: number; peakRssMb: number | null; samples: [number, number][] }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [guide, ...args], { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    let peak: number | null = null;
    const samples: [number, number][] = [];
    const sample = () => {
      const memory = memoryOf(child.pid!);
      if (!memory) return;
      peak = Math.max(peak ?? 0, memory.peak);
      samples.push([Number(((performance.now() - started) / 1000).toFixed(1)), Math.round(memory.now)]);
    };
    const timer = setInterval(sample, 250);
    child.on('exit', (code) => {
      clearInterval(timer);
      const seconds = (performance.now() - started) / 1000;
      if (code !== 0) reject(new Error(`guide ${args.join(' ')} exited ${code}:\n${stderr}`));
      else resolve({ seconds, peakRssMb: peak === null ? null : Math.round(peak), samples });
    });
  });
}

async function batchRun(firms: number, formats: string, withRerun: boolean): Promise<BatchRun> {
  const dir = sampleEdition();
  try {
    writeFileSync(path.join(dir, 'firms.csv'), firmListCsv(firms));
    const args = ['batch', '--firms', 'firms.csv', '--format', formats];
    const run = await timed(args, dir);
    const rerun = withRerun ? await timed(args, dir) : undefined;
    return {
      firms,
      formats,
      wallSeconds: Number(run.seconds.toFixed(2)),
      perFirmMs: Number(((run.seconds * 1000) / firms).toFixed(1)),
      peakRssMb: run.peakRssMb,
      // Every few seconds is enough to see the shape.
      rssSamples: run.samples.filter((_, i) => i % 8 === 0),
      ...(rerun ? { rerunSeconds: Number(rerun.seconds.toFixed(2)) } : {}),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `guide build` (the whole edition, PDF and DOCX) in a fresh process, `runs` times: seconds each. */
function naiveRuns(runs: number): number[] {
  const dir = sampleEdition();
  try {
    const seconds: number[] = [];
    for (let i = 0; i <= runs; i++) {
      const started = performance.now();
      const result = spawnSync(process.execPath, [guide, 'build', '--out', 'out'], { cwd: dir, stdio: 'ignore' });
      if (result.status !== 0) throw new Error(`guide build exited ${result.status}`);
      // The first run warms the file cache and is not counted.
      if (i > 0) seconds.push((performance.now() - started) / 1000);
    }
    return seconds.sort((a, b) => a - b);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs the benchmark. `large` adds the 10,000-firm PDF run (minutes). */
export async function runBatchBenchmark(
  options: { firms?: number; large?: boolean; naiveRuns?: number } = {},
): Promise<BatchBenchResult> {
  const firms = options.firms ?? 1000;
  const load = () => loadavg().map((l) => Number(l.toFixed(2)));
  const loadBefore = load();
  const naive = naiveRuns(options.naiveRuns ?? 5);
  const median = naive[naive.length >> 1]!;
  const batch = await batchRun(firms, 'pdf,docx', true);
  const large = options.large ? await batchRun(10_000, 'pdf', false) : undefined;
  const extrapolated = median * firms;
  return {
    date: new Date().toISOString().slice(0, 10),
    machine: {
      cores: cpus().length,
      workers: availableParallelism(),
      memoryGb: Number((totalmem() / 2 ** 30).toFixed(1)),
      node: process.version,
      loadAverage: loadBefore,
      loadAverageAfter: load(),
    },
    batch,
    naive: {
      what: `guide build (whole sample edition, pdf and docx) once per firm: ${naive.length} runs timed, median × ${firms} firms (extrapolated, not run)`,
      runs: naive.length,
      medianSeconds: Number(median.toFixed(3)),
      extrapolatedSeconds: Number(extrapolated.toFixed(0)),
    },
    speedup: Number((extrapolated / batch.wallSeconds).toFixed(1)),
    // The goal is 30 s for 1,000 firms; other counts are held to the same rate.
    goals: {
      wallSeconds: (30 * firms) / 1000,
      met: batch.wallSeconds <= (30 * firms) / 1000,
      peakRssMb: 400,
      rssMet: batch.peakRssMb === null ? null : batch.peakRssMb <= 400,
    },
    ...(large ? { large } : {}),
  };
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const argv = process.argv.slice(2);
  const value = (name: string) => {
    const at = argv.indexOf(name);
    return at >= 0 ? Number(argv[at + 1]) : undefined;
  };
  const result = await runBatchBenchmark({
    ...(value('--firms') !== undefined ? { firms: value('--firms')! } : {}),
    ...(value('--naive-runs') !== undefined ? { naiveRuns: value('--naive-runs')! } : {}),
    large: argv.includes('--large'),
  });
  console.log(JSON.stringify(result, null, 2));
}
