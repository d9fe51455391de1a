/**
 * The fuzzing loop: mutate a target file, run a command on it, and record each new failure,
 * minimised, with a script that reproduces it. Every (target, command) pair runs once first, so
 * even a short run covers them all; then pairs are drawn at random, weighted towards the fast
 * commands, until the time is up.
 */

import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { minimise } from './minimise.js';
import { mutate, pick, seededRandom, type Random } from './mutate.js';
import { CaseRunner, classify, type Failure, type FindingKind } from './run-case.js';
import { editionFiles, repoRoot, targets, type Command, type Target } from './targets.js';

export interface FuzzOptions {
  seconds: number;
  seed: number;
  /** Where findings are written, one folder each. */
  findingsDir: string;
  /** Stop after this many cases even if time is left: a run that does not depend on the machine's speed. */
  cases?: number;
  /** A case running longer than this is a hang (default 30 s). */
  timeoutMs?: number;
  /** Runs of a failing case while minimising it (default 200). */
  minimiseTries?: number;
  log?: (line: string) => void;
}

export interface Finding extends Failure {
  target: string;
  argv: readonly string[];
  folder: string;
}

export interface FuzzTotals {
  mutations: number;
  seconds: number;
  /** Failing cases by kind, repeats of one failure included. */
  failures: Record<FindingKind, number>;
  /** Cases by exit code ('hang' and 'died' for cases that gave none): shows what the mutants reached. */
  exits: Record<string, number>;
  /** Distinct failures, each written to its folder. */
  findings: Finding[];
  /** Cases past the time limit once that finished on their second try (the machine was busy). */
  slowOnce: number;
}

/** A copy of the edition every case starts from, with the firm list the letter template needs. */
function prepareBase(): string {
  const base = mkdtempSync(join(tmpdir(), 'guide-fuzz-base-'));
  for (const file of editionFiles) cpSync(join(repoRoot, file), join(base, file), { recursive: true });
  const csv = targets.find((t) => t.path === 'firms.csv')!;
  writeFileSync(join(base, 'firms.csv'), csv.seed);
  return base;
}

function pickCommand(random: Random, commands: readonly Command[]): Command {
  let left = random() * commands.reduce((sum, c) => sum + c.weight, 0);
  for (const command of commands) if ((left -= command.weight) < 0) return command;
  return commands.at(-1)!;
}

/** Numbers, paths and positions differ between cases of one bug: leave them out of its identity. */
function identity(failure: Failure): string {
  return `${failure.kind} ${failure.detail.replace(/\d+/g, '#').replace(/\/\S+\//g, '/…/')}`;
}

function shellQuote(arg: string): string {
  return /^[\w./=-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

function writeFinding(
  folder: string,
  target: Target,
  command: Command,
  failure: Failure,
  original: Buffer,
  minimal: Buffer,
  stderr: string,
): void {
  mkdirSync(folder, { recursive: true });
  const put = (path: string, bytes: Buffer) => {
    mkdirSync(dirname(join(folder, path)), { recursive: true });
    writeFileSync(join(folder, path), bytes);
  };
  put(join('case', target.path), target.materialise(minimal));
  put(join('original', target.path), target.materialise(original));
  if (target.materialise(minimal) !== minimal) put('case.source.txt', minimal);
  const argv = command.argv.map(shellQuote).join(' ');
  put(
    'repro.sh',
    Buffer.from(
      [
        '#!/bin/sh',
        `# ${failure.kind}: ${failure.detail.replace(/\n/g, ' ')}`,
        '# Reproduces on a copy of the sample edition with case/ laid over it (run `npm run build` first).',
        'set -e',
        `REPO="\${REPO:-${repoRoot.replace(/\/$/, '')}}"`,
        'HERE="$(cd "$(dirname "$0")" && pwd)"',
        'DIR="$(mktemp -d)"',
        ...editionFiles.map((file) => `mkdir -p "$DIR/${dirname(file)}" && cp -r "$REPO/${file}" "$DIR/${file}"`),
        `head -n 3 "$REPO/test/fixtures/firms/firms.csv" > "$DIR/firms.csv"`,
        'cp -r "$HERE/case/." "$DIR/"',
        `cd "$DIR" && GUIDE_LANG=en node "$REPO/bin/guide.cjs" ${argv}; echo "exit code $?"`,
        '',
      ].join('\n'),
    ),
  );
  put(
    'finding.txt',
    Buffer.from(
      `${failure.kind}: ${failure.detail}\ntarget: ${target.name} (${target.path})\ncommand: guide ${argv}\n` +
        `minimised: ${original.length} → ${minimal.length} bytes\n\nstderr:\n${stderr}\n`,
    ),
  );
}

/** Fuzzes until `seconds` have passed (after one case of every target and command); returns the totals. */
export async function fuzz(options: FuzzOptions): Promise<FuzzTotals> {
  const log = options.log ?? (() => {});
  const random = seededRandom(options.seed);
  const runner = new CaseRunner(options.timeoutMs ?? 30_000);
  const base = prepareBase();
  const started = performance.now();
  const elapsed = () => (performance.now() - started) / 1000;
  const totals: FuzzTotals = {
    mutations: 0,
    seconds: 0,
    failures: { 'exit-70': 0, 'stack-trace': 0, 'exit-code': 0, hang: 0, 'empty-output': 0, 'worker-died': 0 },
    exits: {},
    findings: [],
    slowOnce: 0,
  };
  const seen = new Set<string>();
  const firstPass = targets.flatMap((target) => target.commands.map((command) => ({ target, command })));
  const run = (target: Target, command: Command, bytes: Buffer) =>
    runner.run({
      base,
      path: target.path,
      bytes: target.materialise(bytes),
      argv: command.argv,
      writes: command.writes,
    });
  try {
    while (
      (firstPass.length > 0 || elapsed() < options.seconds) &&
      totals.mutations < (options.cases ?? Number.POSITIVE_INFINITY)
    ) {
      const target = firstPass[0]?.target ?? pick(random, targets);
      const command = firstPass.shift()?.command ?? pickCommand(random, target.commands);
      const mutant = mutate(target.seed, target, random);
      totals.mutations++;
      const caseStarted = performance.now();
      let outcome = await run(target, command, mutant);
      // A hang must repeat: on a busy machine one run can pass the limit through no fault of guide's.
      if ('hang' in outcome) {
        outcome = await run(target, command, mutant);
        if (!('hang' in outcome)) totals.slowOnce++;
      }
      if (process.env.FUZZ_TRACE)
        log(`${target.name} ${command.argv[0]}: ${Math.round(performance.now() - caseStarted)} ms`);
      const exit = 'hang' in outcome ? 'hang' : 'died' in outcome ? 'died' : String(outcome.code);
      totals.exits[exit] = (totals.exits[exit] ?? 0) + 1;
      const failure = classify(outcome, command);
      if (!failure) continue;
      totals.failures[failure.kind]++;
      const key = `${target.name} ${command.argv[0]} ${identity(failure)}`;
      if (seen.has(key)) continue;
      seen.add(key);
      log(
        `finding (case ${totals.mutations}): ${failure.kind} on ${target.name}, guide ${command.argv.join(' ')}: ${failure.detail}`,
      );
      // A hang costs the whole time limit per try: it is kept as found.
      const minimal =
        failure.kind === 'hang'
          ? mutant
          : await minimise(
              mutant,
              async (candidate) => {
                const again = classify(await run(target, command, candidate), command);
                return again !== undefined && identity(again) === identity(failure);
              },
              options.minimiseTries ?? 200,
            );
      const folder = join(
        options.findingsDir,
        `${String(totals.findings.length + 1).padStart(3, '0')}-${failure.kind}-${target.name.replace(/[^\w.-]+/g, '_')}`,
      );
      const stderr = 'stderr' in outcome ? outcome.stderr : '';
      writeFinding(folder, target, command, failure, mutant, minimal, stderr);
      totals.findings.push({ ...failure, target: target.name, argv: command.argv, folder });
      log(`  minimised ${mutant.length} → ${minimal.length} bytes: ${folder}`);
    }
  } finally {
    await runner.close();
    rmSync(base, { recursive: true, force: true });
  }
  totals.seconds = elapsed();
  return totals;
}

/** The totals as the lines printed at the end of a run. */
export function describeTotals(totals: FuzzTotals): string {
  const f = totals.failures;
  return [
    `${totals.mutations} mutations in ${totals.seconds.toFixed(0)} s (${(totals.mutations / totals.seconds).toFixed(2)} per second)`,
    `crashes: ${f['exit-70'] + f['stack-trace'] + f['exit-code'] + f['worker-died']} (exit 70: ${f['exit-70']}, stack trace: ${f['stack-trace']}, other exit code: ${f['exit-code']}, worker died: ${f['worker-died']})`,
    `hangs: ${f.hang} (past the time limit twice in a row; ${totals.slowOnce} more passed it once and finished on the second try)`,
    `exit codes: ${Object.entries(totals.exits)
      .map(([code, count]) => `${code}: ${count}`)
      .join(', ')}`,
    `empty outputs: ${f['empty-output']}`,
    `distinct findings: ${totals.findings.length}`,
    ...totals.findings.map((x) => `  ${x.folder}: ${x.kind} — ${x.detail}`),
  ].join('\n');
}
