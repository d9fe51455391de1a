/**
 * Where the time goes when a target is missed: the command run once under `node --cpu-prof`,
 * and the V8 CPU profile summarised two ways: self time by package (an npm package, a folder
 * of guide's lib/, Node's module loader and other internals, the garbage collector), and the
 * inclusive time of guide's pipeline stages (load, validate, templates, Markdown reader, glyph
 * check, PDF layout, PDF drawing, DOCX).
 */

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { repoRoot } from './guide-lib.js';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** One line of a summary: a name and the milliseconds spent there. */
export interface ProfileEntry {
  name: string;
  ms: number;
}

/** A summarised CPU profile. */
export interface ProfileSummary {
  /** What was profiled. */
  label: string;
  /** CPU time sampled, idle excluded (summed over threads; the process lives a little longer than its profile). */
  totalMs: number;
  /** Self time by package or lib/ folder, largest first. */
  byPackage: ProfileEntry[];
  /** Inclusive time of guide's pipeline stages, in pipeline order (0 when a stage was never sampled). */
  byStage: ProfileEntry[];
}

/**
 * guide's pipeline stages: the functions whose inclusive time stands for each (an async
 * function's code after an `await` is sampled under the callback that resumes it, so a stage
 * names the functions that do its work, too).
 */
const stages: readonly { fn: string; name: string }[] = [
  { fn: 'loadCatalogue', name: 'load guide.yaml + measures' },
  { fn: 'readSource', name: 'load guide.yaml + measures' },
  { fn: 'parseYaml', name: 'load guide.yaml + measures' },
  { fn: 'validateCatalogue', name: 'validate' },
  { fn: 'prepare', name: 'prepare (templates, theme, open fonts)' },
  { fn: 'render', name: 'templates → Markdown' },
  { fn: 'readFragment', name: 'Markdown → DocModel' },
  { fn: 'checkDocumentGlyphs', name: 'glyph check (data)' },
  { fn: 'checkModelGlyphs', name: 'glyph check (model)' },
  { fn: 'layoutDocument', name: 'PDF layout' },
  { fn: 'drawDocument', name: 'PDF drawing (pdfkit)' },
  { fn: 'writeDocx', name: 'DOCX writer' },
];

/** The package (or lib/ folder, or Node part) a script URL belongs to. */
export function packageOf(url: string, functionName: string): string {
  if (url === '') {
    if (functionName.startsWith('(')) return functionName; // (garbage collector), (program), (idle)
    return '(native)';
  }
  if (url.startsWith('node:internal/modules') || url.startsWith('node:internal/vm')) return 'node: module loading';
  if (url.startsWith('node:')) return 'node: other internals';
  const file = decodeURIComponent(url.replace(/^file:\/\//, ''));
  const inModules = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(file);
  if (inModules) {
    const name = inModules[1]!;
    // One row for the Markdown parser and what it loads.
    if (['markdown-it', 'entities', 'linkify-it', 'mdurl', 'uc.micro', 'punycode.js'].includes(name))
      return 'markdown-it*';
    return name;
  }
  const relative = path.relative(repoRoot, file);
  if (!relative.startsWith('..')) {
    const parts = relative.split(path.sep);
    if (parts[0] === 'lib' && parts.length > 2) return `guide lib/${parts[1]}`;
    return `guide ${parts[0]}`;
  }
  return 'other';
}

/** Summarises a parsed `.cpuprofile`. */
export function summariseProfile(label: string, profile: CpuProfile, top = 10): ProfileSummary {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));

  const packages = new Map<string, number>();
  for (const [id, ms] of self) {
    const frame = byId.get(id)!.callFrame;
    const name = packageOf(frame.url, frame.functionName);
    packages.set(name, (packages.get(name) ?? 0) + ms);
  }
  packages.delete('(idle)');

  // Inclusive time per stage, counting only the outermost call on each path (recursion and
  // nested stages are not counted twice).
  const stageTime = new Map<string, number>();
  const stageOf = new Map(stages.map((stage) => [stage.fn, stage.name]));
  const walk = (id: number, open: ReadonlySet<string>): number => {
    const node = byId.get(id)!;
    const stage = stageOf.get(node.callFrame.functionName);
    const opened = stage !== undefined && !open.has(stage) && node.callFrame.url.includes('/lib/');
    const inner = opened ? new Set([...open, stage]) : open;
    let total = self.get(id) ?? 0;
    for (const child of node.children ?? []) total += walk(child, inner);
    if (opened) stageTime.set(stage, (stageTime.get(stage) ?? 0) + total);
    return total;
  };
  walk(profile.nodes[0]!.id, new Set());

  const byPackage = [...packages]
    .map(([name, ms]) => ({ name, ms }))
    .sort((a, b) => b.ms - a.ms)
    .slice(0, top);
  const byStage = [...new Set(stages.map((stage) => stage.name))].map((name) => ({
    name,
    ms: stageTime.get(name) ?? 0,
  }));
  const busy = [...packages.values()].reduce((sum, ms) => sum + ms, 0);
  return { label, totalMs: busy, byPackage, byStage };
}

/** Sums summaries (threads of one process) or averages them (`divisor` = how many runs). */
function mergeSummaries(
  label: string,
  summaries: readonly ProfileSummary[],
  divisor: number,
  top: number,
): ProfileSummary {
  const merge = (pick: (s: ProfileSummary) => ProfileEntry[]) => {
    const totals = new Map<string, number>();
    for (const summary of summaries) {
      for (const entry of pick(summary)) totals.set(entry.name, (totals.get(entry.name) ?? 0) + entry.ms / divisor);
    }
    return [...totals].map(([name, ms]) => ({ name, ms }));
  };
  return {
    label,
    totalMs: summaries.reduce((sum, s) => sum + s.totalMs, 0) / divisor,
    byPackage: merge((s) => s.byPackage)
      .sort((a, b) => b.ms - a.ms)
      .slice(0, top),
    // Stages are in pipeline order in every summary, and the Map keeps the first one's order.
    byStage: merge((s) => s.byStage),
  };
}

/**
 * Runs `node --cpu-prof <args>` once in `cwd` and summarises what it writes: one profile per
 * thread (worker threads write their own), summed, so time on workers counts as well. guide
 * starts from its modules here, not its startup bundle, so that each function's file names its
 * package and pipeline stage.
 */
function profileOnce(label: string, args: readonly string[], cwd: string): ProfileSummary {
  const dir = mkdtempSync(path.join(tmpdir(), 'guide-cpu-prof-'));
  try {
    const result = spawnSync(process.execPath, ['--cpu-prof', '--cpu-prof-dir', dir, ...args], {
      cwd,
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, NO_COLOR: '1', GUIDE_NO_BUNDLE: '1' },
    });
    if (result.status !== 0) throw new Error(`profiling ${label} failed: ${result.stderr}`);
    const files = readdirSync(dir).filter((name) => name.endsWith('.cpuprofile'));
    if (files.length === 0) throw new Error(`profiling ${label} wrote no profile`);
    const threads = files.map((file) =>
      summariseProfile(label, JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as CpuProfile, Infinity),
    );
    const summary = mergeSummaries(label, threads, 1, Infinity);
    return threads.length > 1 ? { ...summary, label: `${label} (${threads.length} threads summed)` } : summary;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Profiles `node <args>` `repeats` times and averages the summaries: one profile of a 1–2 s run
 * on a shared 2-core machine moves by a hundred milliseconds from run to run.
 */
export function profileNode(
  label: string,
  args: readonly string[],
  cwd: string,
  repeats = 3,
  top = 10,
): ProfileSummary {
  const summaries = Array.from({ length: repeats }, () => profileOnce(label, args, cwd));
  const merged = mergeSummaries(summaries[0]!.label, summaries, repeats, top);
  return repeats > 1 ? { ...merged, label: `${merged.label} (average of ${repeats} profiles)` } : merged;
}
