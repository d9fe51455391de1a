/**
 * Timing primitives: wall time of fresh processes and of in-process calls, summarised as a
 * median and a spread (min–max). Every sample is taken in this run, on this machine; nothing is
 * compared against numbers from another day.
 */

import { spawnSync, type SpawnSyncOptions } from 'node:child_process';

/** A set of wall-time samples, in milliseconds. */
export interface Timing {
  median: number;
  min: number;
  max: number;
  /** Samples taken (warm-up runs excluded). */
  runs: number;
}

/** A command to run as a fresh process. */
export interface Command {
  file: string;
  args: readonly string[];
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Killed (and the benchmark row reported as failed) after this long. */
  timeoutMs?: number;
  /** Run before each run, untimed: e.g. an edit the timed command must pick up. */
  before?: (run: number) => void;
}

/** Why a command could not be timed: it failed, or was killed after its timeout. */
export class CommandFailed extends Error {
  constructor(command: Command, detail: string) {
    super(`${[command.file, ...command.args].join(' ')}: ${detail}`);
    this.name = 'CommandFailed';
  }
}

/** Median, min and max of `samples` (milliseconds). */
export function summarise(samples: readonly number[]): Timing {
  if (samples.length === 0) throw new Error('no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  const median = sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  return { median, min: sorted[0]!, max: sorted.at(-1)!, runs: sorted.length };
}

/** Runs `command` once and returns its wall time in milliseconds; throws `CommandFailed` on a non-zero exit. */
export function runOnce(command: Command): number {
  const options: SpawnSyncOptions = {
    cwd: command.cwd,
    env: { ...process.env, NO_COLOR: '1', ...command.env },
    stdio: ['ignore', 'ignore', 'pipe'],
    timeout: command.timeoutMs ?? 600_000,
    maxBuffer: 16 * 1024 * 1024,
  };
  const started = process.hrtime.bigint();
  const result = spawnSync(command.file, command.args, options);
  const elapsed = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.error) throw new CommandFailed(command, result.error.message);
  if (result.status !== 0) {
    const stderr = String(result.stderr ?? '')
      .trim()
      .split('\n')
      .slice(-3)
      .join(' / ');
    throw new CommandFailed(command, `exited ${result.status ?? result.signal}: ${stderr}`);
  }
  return elapsed;
}

/** A command to time in turn with others, and its untimed runs first (which fill the file cache, and for LibreOffice create its profile). */
export interface TimedInTurn {
  command: Command;
  warmups: number;
}

/**
 * Wall times of commands as fresh processes, run in turn: `runs` rounds of one run each, after
 * each command's warm-up runs. A stretch of load on a shared machine then falls on all of them
 * alike, and the ratios between them hold where blocks of runs one command after another did
 * not. A command that fails is answered with its error and left out of the rounds after.
 */
export function timeInTurn(commands: readonly TimedInTurn[], runs: number): (Timing | Error)[] {
  const turns = commands.map(({ command, warmups }) => ({
    command,
    warmups,
    runs: 0,
    samples: [] as number[],
    failure: undefined as Error | undefined,
  }));
  const once = (turn: (typeof turns)[number], timed: boolean) => {
    if (turn.failure) return;
    try {
      turn.command.before?.(turn.runs++);
      const elapsed = runOnce(turn.command);
      if (timed) turn.samples.push(elapsed);
    } catch (error) {
      turn.failure = error instanceof Error ? error : new Error(String(error));
    }
  };
  const mostWarmups = Math.max(0, ...turns.map((turn) => turn.warmups));
  for (let round = 0; round < mostWarmups; round++) {
    for (const turn of turns) if (round < turn.warmups) once(turn, false);
  }
  for (let round = 0; round < runs; round++) for (const turn of turns) once(turn, true);
  return turns.map((turn) => turn.failure ?? summarise(turn.samples));
}

/** Wall time of an async call inside this process, `runs` times after `warmups` untimed calls. */
export async function timeCall(call: () => Promise<unknown>, runs: number, warmups = 1): Promise<Timing> {
  for (let i = 0; i < warmups; i++) await call();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = process.hrtime.bigint();
    await call();
    samples.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return summarise(samples);
}

/** The sum of two timings' medians (and of their bounds): the cost of running both tools in turn. */
export function addTimings(a: Timing, b: Timing): Timing {
  return { median: a.median + b.median, min: a.min + b.min, max: a.max + b.max, runs: Math.min(a.runs, b.runs) };
}

/** A least-squares line through (x, y) points: y ≈ intercept + slope × x. */
export interface LinearFit {
  intercept: number;
  slope: number;
  /** Coefficient of determination; 1 is a perfect line. */
  r2: number;
}

/** Fits a line through the points; needs at least two distinct x values. */
export function fitLine(points: readonly (readonly [number, number])[]): LinearFit | undefined {
  if (new Set(points.map(([x]) => x)).size < 2) return undefined;
  const n = points.length;
  const mx = points.reduce((s, [x]) => s + x, 0) / n;
  const my = points.reduce((s, [, y]) => s + y, 0) / n;
  const sxy = points.reduce((s, [x, y]) => s + (x - mx) * (y - my), 0);
  const sxx = points.reduce((s, [x]) => s + (x - mx) ** 2, 0);
  const slope = sxy / sxx;
  const intercept = my - slope * mx;
  const total = points.reduce((s, [, y]) => s + (y - my) ** 2, 0);
  const residual = points.reduce((s, [x, y]) => s + (y - intercept - slope * x) ** 2, 0);
  return { intercept, slope, r2: total === 0 ? 1 : 1 - residual / total };
}
