/**
 * `npm run bench`: guide against the tools users would otherwise use, all measured in one run
 * on this machine and printed as medians, spreads and ratios, with the targets marked met or
 * MISSED. Never part of `npm test`.
 *
 * - `guide build` (PDF + DOCX, no build cache) against Typst's PDF (the same content as a Typst
 *   document, compiled with the Node addon), and against pandoc (Markdown → DOCX of the Markdown
 *   our templates render) plus LibreOffice headless (our DOCX → PDF);
 * - a rebuild after editing one measure, with the build cache of the run before;
 * - cold starts of `guide --help` and `guide validate` against `node -e 0`;
 * - growth: editions of 26, 100 and 400 measures generated from the sample;
 * - batch per-firm cost and peak memory for 100 and 1,000 firms, and 10,000 firms PDF only
 *   (through bench/batch.ts);
 * - `guide preview`: an edit to one measure → the reload event (bench/lib/preview.ts);
 * - PDF and DOCX sizes;
 * - for each missed target, a CPU profile summarised by package and by pipeline stage.
 *
 * Usage: `npm run bench [-- --quick] [-- --write]`. `BENCH_RUNS` sets the timed runs per row
 * (default 5; `--quick` makes it 1 and leaves out the largest inputs); `--write` records the
 * report in bench/RESULTS.md. A full run takes 7–9 minutes on 2 cores, mostly LibreOffice at 400
 * measures and the 1,000-firm batch; `--quick` about a minute.
 */

import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, release, tmpdir, totalmem, type } from 'node:os';
import path from 'node:path';
import { profileBatch, runBatch, type BatchRun } from './lib/batch-runs.js';
import { renderEdition, type EditionContent } from './lib/content.js';
import { generateEdition } from './lib/editions.js';
import {
  bytes,
  duration,
  median,
  notMeasured,
  ok,
  ratio,
  spreadOf,
  table,
  verdict,
  type Result,
} from './lib/format.js';
import { guideBin, loadGuideLib, repoRoot } from './lib/guide-lib.js';
import { addTimings, fitLine, timeCall, timeInTurn, type Command, type TimedInTurn } from './lib/measure.js';
import { countPdfPages } from './lib/pdf-pages.js';
import { profileNode, type ProfileSummary } from './lib/profile.js';
import { timePreviewRebuild } from './lib/preview.js';
import { findTools, type Tool, type Tools } from './lib/tools.js';
import { compileTypst, createTypstCompiler, docModelToTypst, typstColdScript, typstFontDirs } from './lib/typst.js';

/** What the command line and environment ask for. */
interface Options {
  quick: boolean;
  write: boolean;
  /** Timed runs per row. */
  runs: number;
  /** Sizes of the generated editions, in measures. */
  sizes: number[];
  /** Firm counts for the batch rows. */
  firms: number[];
}

const usage = 'usage: npm run bench [-- --quick] [-- --write]   (BENCH_RUNS=n sets the runs per row)';

function parseOptions(argv: readonly string[]): Options {
  const unknown = argv.filter((arg) => arg !== '--quick' && arg !== '--write');
  if (unknown.length > 0) throw new Error(`unknown option ${unknown.join(' ')}\n${usage}`);
  const quick = argv.includes('--quick');
  const runs = Number(process.env.BENCH_RUNS ?? (quick ? 1 : 5));
  if (!Number.isInteger(runs) || runs < 1)
    throw new Error(`BENCH_RUNS must be a whole number ≥ 1, got "${process.env.BENCH_RUNS}"`);
  return {
    quick,
    write: argv.includes('--write'),
    runs,
    sizes: quick ? [26, 100] : [26, 100, 400],
    firms: quick ? [100] : [100, 1000],
  };
}

/** Progress goes to stderr, so stdout holds only the report. */
function progress(message: string): void {
  process.stderr.write(`bench: ${message}\n`);
}

/**
 * The targets: issue 17's, ratios against what this run measured of Typst and `node -e 0`, and
 * the batch's; then those of issues 5 and 15 that still stand.
 */
const targets = {
  /** Cold `guide build` (PDF + DOCX, no cache) ÷ Typst's cold PDF, same content. */
  coldVsTypst: 1,
  /** Cold `guide build` after editing one measure, cache present ÷ Typst's cold PDF. */
  rebuildVsTypst: 0.3,
  /** guide's cost per added measure (PDF + DOCX, fitted over the growth editions) ÷ Typst's. */
  perMeasureVsTypst: 1,
  validateVsNode: 2,
  helpVsNode: 1.3,
  batchPerFirmMs: 15,
  /** Peak RSS of the whole batch process (1,000 firms PDF + DOCX; 10,000 firms PDF only), MB. */
  batchPeakRssMb: 300,
  /** "Memory flat": peak RSS at the largest batch within this factor of the smallest. */
  batchRssGrowth: 1.5,
  /** pandoc + LibreOffice ÷ `guide build`, the same two files. */
  vsAlternative: 5,
  /** `guide preview`: an edit to one measure → the page's reload event, on the sample. */
  previewReloadMs: 300,
} as const;

/** Everything measured for one edition (the sample, or a generated size). */
interface EditionResults {
  label: string;
  /** Measures in the guide. */
  measures: number;
  guideBoth: Result;
  guidePdf: Result;
  /** Sample edition only. */
  guideDocx?: Result;
  /** Sample edition only: a cold build after editing one measure, the cache of the build before present. */
  rebuild?: Result;
  pandoc: Result;
  libreoffice: Result;
  alternative: Result;
  typstCold: Result;
  sizes: {
    guidePdf?: { bytes: number; pages: number };
    guideDocx?: { bytes: number };
    typstPdf?: { bytes: number; pages: number };
    pandocDocx?: { bytes: number };
    libreofficePdf?: { bytes: number; pages: number };
  };
}

/** In-process timings on the sample edition: a batch run's per-guide cost, and Typst's with fonts loaded. */
interface WarmResults {
  guidePdf: Result;
  guideBoth: Result;
  typstPdf: Result;
}

/** Times a command, or records why it could not be. */
function attempt(command: Command, runs: number, warmups: number): Result {
  return attemptInTurn([{ command, warmups }], runs)[0]!;
}

/** Times commands in turn (`timeInTurn`), or records why one could not be. */
function attemptInTurn(commands: readonly TimedInTurn[], runs: number): Result[] {
  return timeInTurn(commands, runs).map((timing) =>
    timing instanceof Error ? notMeasured(`failed: ${timing.message.slice(0, 300)}`) : ok(timing),
  );
}

/** The file in `dir` ending in `extension` (tools name their output after the input), if any. */
function onlyFile(dir: string, extension: string): string | undefined {
  try {
    const name = readdirSync(dir).find((file) => file.endsWith(extension));
    return name === undefined ? undefined : path.join(dir, name);
  } catch {
    return undefined;
  }
}

/** Runs every tool on one edition. `first` is true for the first edition each tool sees (it gets a warm-up run). */
function benchEdition(
  label: string,
  editionDir: string,
  content: EditionContent,
  work: string,
  tools: Tools,
  runs: number,
  first: boolean,
): EditionResults {
  const warmups = first ? 1 : 0;
  mkdirSync(work, { recursive: true });
  const markdownFile = path.join(work, 'guide.md');
  const typstFile = path.join(work, 'guide.typ');
  writeFileSync(markdownFile, content.pandocMarkdown);
  writeFileSync(typstFile, docModelToTypst(content.model));
  const out = path.join(work, 'guide');
  const config = path.join(editionDir, 'guide.yaml');
  const build = (format: string[], dir: string): Command => ({
    file: process.execPath,
    args: [guideBin, 'build', '--no-cache', '--config', config, '--out', dir, ...format],
    cwd: editionDir,
  });

  const missing = (tool: Tool) => notMeasured(tool.found ? 'unreachable' : tool.reason);
  const sample = label.startsWith('sample');
  // guide's build, its rebuild and Typst's compile in turn: the ratios between them are targets.
  progress(
    `${label}: guide build (PDF + DOCX)${sample ? ', rebuild after an edit' : ''}${tools.typst.found ? ', Typst → PDF' : ''}`,
  );
  const inTurn: TimedInTurn[] = [{ command: build([], out), warmups }];
  const rebuildAt = sample
    ? inTurn.push({ command: rebuildAfterEdit(editionDir, path.join(work, 'rebuild')), warmups: 1 }) - 1
    : undefined;
  const typstPdf = path.join(work, 'typst.pdf');
  const typstAt = tools.typst.found
    ? inTurn.push({
        command: {
          file: process.execPath,
          args: ['-e', typstColdScript, tools.typst.command, typstFile, typstPdf, ...typstFontDirs()],
          cwd: work,
        },
        warmups,
      }) - 1
    : undefined;
  const timed = attemptInTurn(inTurn, runs);
  const guideBoth = timed[0]!;
  const rebuild = rebuildAt === undefined ? undefined : timed[rebuildAt]!;
  const typstCold = typstAt === undefined ? missing(tools.typst) : timed[typstAt]!;

  progress(`${label}: guide build --format pdf`);
  const guidePdf = attempt(build(['--format', 'pdf'], path.join(work, 'guide-pdf')), runs, 0);
  let guideDocx: Result | undefined;
  if (sample) {
    progress(`${label}: guide build --format docx`);
    guideDocx = attempt(build(['--format', 'docx'], path.join(work, 'guide-docx')), runs, 0);
  }
  const ourPdf = onlyFile(out, '.pdf');
  const ourDocx = onlyFile(out, '.docx');

  let pandoc: Result = missing(tools.pandoc);
  const pandocDocx = path.join(work, 'pandoc.docx');
  if (tools.pandoc.found) {
    progress(`${label}: pandoc Markdown → DOCX`);
    pandoc = attempt(
      { file: 'pandoc', args: ['-f', 'markdown', '-t', 'docx', '--toc', '-o', pandocDocx, markdownFile], cwd: work },
      runs,
      warmups,
    );
  }

  let libreoffice: Result = missing(tools.libreoffice);
  const loOut = path.join(work, 'libreoffice');
  if (tools.libreoffice.found && ourDocx) {
    progress(`${label}: LibreOffice DOCX → PDF`);
    // A profile of its own: no clash with a LibreOffice the user has open, and no first-start
    // cost after the warm-up run.
    const profile = `file://${path.join(path.dirname(work), 'libreoffice-profile')}`;
    libreoffice = attempt(
      {
        file: 'soffice',
        args: [
          `-env:UserInstallation=${profile}`,
          '--headless',
          '--norestore',
          '--convert-to',
          'pdf',
          '--outdir',
          loOut,
          ourDocx,
        ],
        cwd: work,
        timeoutMs: 600_000,
      },
      runs,
      warmups,
    );
  } else if (tools.libreoffice.found) {
    libreoffice = notMeasured('guide wrote no DOCX to convert');
  }
  const alternative =
    pandoc.ok && libreoffice.ok
      ? ok(addTimings(pandoc.value, libreoffice.value))
      : notMeasured('needs both pandoc and LibreOffice');

  const size = (file: string | undefined) =>
    file === undefined ? undefined : statSync(file, { throwIfNoEntry: false })?.size;
  const withPages = (file: string | undefined) => {
    const n = size(file);
    return n === undefined || file === undefined ? undefined : { bytes: n, pages: countPdfPages(file) };
  };
  const plain = (file: string | undefined) => {
    const n = size(file);
    return n === undefined ? undefined : { bytes: n };
  };
  const sizes: EditionResults['sizes'] = {};
  const set = <K extends keyof EditionResults['sizes']>(key: K, value: EditionResults['sizes'][K] | undefined) => {
    if (value !== undefined) sizes[key] = value;
  };
  set('guidePdf', withPages(ourPdf));
  set('guideDocx', plain(ourDocx));
  set('typstPdf', typstCold.ok ? withPages(typstPdf) : undefined);
  set('pandocDocx', pandoc.ok ? plain(pandocDocx) : undefined);
  set('libreofficePdf', libreoffice.ok ? withPages(onlyFile(loOut, '.pdf')) : undefined);

  return {
    label,
    measures: content.measures,
    guideBoth,
    guidePdf,
    ...(guideDocx ? { guideDocx } : {}),
    ...(rebuild ? { rebuild } : {}),
    pandoc,
    libreoffice,
    alternative,
    typstCold,
    sizes,
  };
}

/** The measure the rebuild row edits, and the line it changes. */
const editedMeasure = 'policies/costs/costs-electricity-95.yaml';
const editedLine = /^summary: (.*)$/m;

/**
 * `guide build` (PDF + DOCX) in a copy of the edition whose build cache the run before filled,
 * each run after a new edit to one measure's summary: what an officer waits for after saving a
 * file. The first (warm-up) run fills the cache.
 */
function rebuildAfterEdit(editionDir: string, work: string): Command {
  return afterEditing(editionDir, work, ['build', '--out', path.join(work, 'out')]);
}

/** guide with `args` in a copy of the edition, each run after a new edit to one measure's summary. */
function afterEditing(editionDir: string, work: string, args: string[]): Command {
  const copy = path.join(work, 'edition');
  for (const item of ['guide.yaml', 'policies', 'templates']) {
    cpSync(path.join(editionDir, item), path.join(copy, item), { recursive: true });
  }
  const file = path.join(copy, editedMeasure);
  const original = readFileSync(file, 'utf8');
  if (!editedLine.test(original)) throw new Error(`${editedMeasure} has no one-line summary to edit`);
  return {
    file: process.execPath,
    args: [guideBin, ...args],
    cwd: copy,
    before: (run) =>
      writeFileSync(
        file,
        original.replace(editedLine, (_line, text: string) => `summary: ${text}（第${run + 1}次修訂）`),
      ),
  };
}

/** In-process timings on the sample: templates and fonts (and Typst's fonts) loaded once. */
async function benchWarm(content: EditionContent, tools: Tools, runs: number): Promise<WarmResults> {
  progress('sample: in-process builds');
  const guide = async (formats: ('pdf' | 'docx')[]): Promise<Result> => {
    try {
      return ok(await timeCall(() => content.build(formats), runs, 1));
    } catch (error) {
      return notMeasured(`failed: ${(error as Error).message}`);
    }
  };
  const guidePdf = await guide(['pdf']);
  const guideBoth = await guide(['pdf', 'docx']);
  let typstPdf: Result = notMeasured(tools.typst.found ? 'unreachable' : tools.typst.reason);
  if (tools.typst.found) {
    try {
      const compiler = createTypstCompiler(tools.typst.command);
      const source = docModelToTypst(content.model);
      // Typst memoises compilation: without evicting, a second compile of the same source is
      // nearly free, which no new guide would get. Evicting keeps the fonts loaded.
      typstPdf = ok(
        await timeCall(
          async () => {
            compiler.evictCache(0);
            compileTypst(compiler, source);
          },
          runs,
          1,
        ),
      );
    } catch (error) {
      typstPdf = notMeasured(`failed: ${(error as Error).message}`);
    }
  }
  return { guidePdf, guideBoth, typstPdf };
}

/** `a ÷ b` of two medians, or undefined when either is missing. */
function quotient(a: Result, b: Result): number | undefined {
  return a.ok && b.ok ? a.value.median / b.value.median : undefined;
}

function ratioCell(value: number | undefined): string {
  return value === undefined ? 'not measured' : ratio(value);
}

interface Report {
  text: string;
}

function machineLine(options: Options): string {
  const cpu = cpus();
  return (
    `${cpu.length} cores (${cpu[0]?.model.trim() ?? 'unknown CPU'}), ${(totalmem() / 2 ** 30).toFixed(1)} GiB memory, ` +
    `${type()} ${release()}, node ${process.version}; ${options.runs} timed run${options.runs === 1 ? '' : 's'} per row` +
    ' (cold starts at least 11), after one untimed warm-up run of each tool; cold starts, and guide build,' +
    ' its rebuild and Typst, timed in turn'
  );
}

function toolsLine(tools: Tools): string {
  const describe = (name: string, tool: Tool) => `${name}: ${tool.found ? tool.version : `missing — ${tool.reason}`}`;
  return [
    describe('pandoc', tools.pandoc),
    describe('LibreOffice', tools.libreoffice),
    describe('Typst', tools.typst),
  ].join('; ');
}

function profileTables(profile: ProfileSummary): string {
  const share = (ms: number) => `${((ms / profile.totalMs) * 100).toFixed(0)} %`;
  const top = profile.byPackage.slice(0, 3).map((p) => `${p.name} ${duration(p.ms)}`);
  const stages = [...profile.byStage].sort((a, b) => b.ms - a.ms).slice(0, 3);
  return [
    `**${profile.label}** — ${duration(profile.totalMs)} of CPU time sampled. ` +
      `Slowest stages: ${stages.map((s) => `${s.name} ${duration(s.ms)}`).join(', ')}. ` +
      `Most self time: ${top.join(', ')}.`,
    '',
    table(
      ['package (self time)', 'ms', 'share'],
      profile.byPackage.map((p) => [p.name, p.ms.toFixed(0), share(p.ms)]),
    ),
    '',
    table(
      ['pipeline stage (inclusive)', 'ms', 'share'],
      profile.byStage.map((s) => [s.name, s.ms.toFixed(0), share(s.ms)]),
    ),
  ].join('\n');
}

async function runBenchmarks(options: Options, scratch: string): Promise<Report> {
  const started = Date.now();
  const loadAtStart = loadavg()[0]!;
  const lib = await loadGuideLib();
  progress('looking for pandoc, LibreOffice and Typst');
  const tools = findTools();
  const { runs } = options;

  // Cold starts.
  const node = process.execPath;
  progress('cold starts');
  // In turn, so that each ratio to `node -e 0` is taken under the same load; these runs are short.
  const [nodeBare, help, validate, validateAfterEdit, validateNoCache] = attemptInTurn(
    [
      { command: { file: node, args: ['-e', '0'] }, warmups: 1 },
      { command: { file: node, args: [guideBin, '--help'], cwd: repoRoot }, warmups: 1 },
      // Run again with nothing changed: the build cache holds the run before, and the files it read.
      { command: { file: node, args: [guideBin, 'validate'], cwd: repoRoot }, warmups: 1 },
      // As staff run it after saving a file: that file is read and checked again, with every rule.
      { command: afterEditing(repoRoot, path.join(scratch, 'validate-after-edit'), ['validate']), warmups: 1 },
      { command: { file: node, args: [guideBin, 'validate', '--no-cache'], cwd: repoRoot }, warmups: 1 },
    ],
    Math.max(runs, 11),
  ) as [Result, Result, Result, Result, Result];

  // The sample edition, then the generated sizes.
  progress('sample edition');
  const sampleContent = await renderEdition(lib, repoRoot);
  const sample = benchEdition(
    `sample edition (${sampleContent.measures} measures in effect)`,
    repoRoot,
    sampleContent,
    path.join(scratch, 'sample'),
    tools,
    runs,
    true,
  );
  const warm = await benchWarm(sampleContent, tools, runs);

  const growth: EditionResults[] = [];
  for (const size of options.sizes) {
    progress(`generating an edition of ${size} measures`);
    const edition = await generateEdition(lib, path.join(scratch, `edition-${size}`), size);
    const content = await renderEdition(lib, edition.dir);
    growth.push(
      benchEdition(`${size} measures`, edition.dir, content, path.join(scratch, `work-${size}`), tools, runs, false),
    );
  }

  progress('preview: edit one measure → reload event');
  let preview: Result;
  try {
    preview = ok(await timePreviewRebuild(Math.max(runs, 5)));
  } catch (error) {
    preview = notMeasured(error instanceof Error ? error.message : String(error));
  }

  const batch: Result<BatchRun>[] = [];
  for (const firms of options.firms) {
    // The largest full run also makes 10,000 guides, PDF only, for memory that stays flat.
    const large = !options.quick && firms === options.firms.at(-1);
    progress(`batch of ${firms} firms${large ? ', then 10,000 firms PDF only' : ''}`);
    batch.push(await runBatch(firms, large));
  }

  // Targets.
  const typstCold = sample.typstCold;
  const coldVsTypst = quotient(sample.guideBoth, typstCold);
  const rebuildVsTypst = sample.rebuild ? quotient(sample.rebuild, typstCold) : undefined;
  const slope = (pick: (e: EditionResults) => Result) => {
    const points = growth.flatMap((e) => {
      const r = pick(e);
      return r.ok ? [[e.measures, r.value.median] as const] : [];
    });
    return points.length === growth.length ? fitLine(points)?.slope : undefined;
  };
  const guideSlope = slope((e) => e.guideBoth);
  const typstSlope = slope((e) => e.typstCold);
  const perMeasureVsTypst = guideSlope !== undefined && typstSlope ? guideSlope / typstSlope : undefined;
  const validateVsNode = quotient(validate, nodeBare);
  const helpVsNode = quotient(help, nodeBare);
  const vsAlternative = quotient(sample.alternative, sample.guideBoth);
  const largestBatch = batch.at(-1);
  const firstBatch = batch[0];
  const firstRss = firstBatch?.ok ? firstBatch.value.peakRssBytes : undefined;
  const largestRss = largestBatch?.ok ? largestBatch.value.peakRssBytes : undefined;
  const tenThousandRss = largestBatch?.ok ? largestBatch.value.large?.peakRssBytes : undefined;
  const rssGrowth =
    firstRss !== undefined && largestRss !== undefined && batch.length > 1 ? largestRss / firstRss : undefined;
  const targetRows: string[][] = [];
  const missed: string[] = [];
  const judge = (name: string, measured: string, met: boolean | undefined, id: string) => {
    targetRows.push([name, measured, met === undefined ? 'not measured' : verdict(met)]);
    if (met === false) missed.push(id);
  };
  const judgeRatio = (name: string, value: number | undefined, target: number, id: string, why = '') =>
    judge(
      `${name} ≤ ${ratio(target)}`,
      value === undefined ? `not measured${why ? `: ${why}` : ''}` : ratio(value, 2),
      value === undefined ? undefined : value <= target,
      id,
    );
  const typstWhy = typstCold.ok ? '' : typstCold.reason;
  const mb = (n: number | undefined) => (n === undefined ? 'not measured' : `${Math.round(n / 2 ** 20)} MB`);
  judgeRatio(
    '`guide build` PDF + DOCX, cold process, no cache ÷ Typst PDF cold, same content (sample)',
    coldVsTypst,
    targets.coldVsTypst,
    'cold',
    typstWhy,
  );
  judgeRatio(
    'rebuild after editing one measure, cold process, cache present ÷ Typst PDF cold (sample)',
    rebuildVsTypst,
    targets.rebuildVsTypst,
    'rebuild',
    typstWhy,
  );
  judgeRatio(
    `cost per added measure, PDF + DOCX (${options.sizes.join(' → ')} measures) ÷ Typst's`,
    perMeasureVsTypst,
    targets.perMeasureVsTypst,
    'per-measure',
    typstWhy,
  );
  judgeRatio(
    '`guide validate` (sample, nothing changed since the run before, the build cache present) ÷ `node -e 0`',
    validateVsNode,
    targets.validateVsNode,
    'validate',
  );
  judgeRatio('`guide --help` ÷ `node -e 0`', helpVsNode, targets.helpVsNode, 'help');
  judge(
    `batch, ${options.firms.at(-1)} firms, PDF + DOCX, ${cpus().length} cores: wall per firm ≤ ${targets.batchPerFirmMs} ms`,
    largestBatch?.ok
      ? duration(largestBatch.value.perFirmMs)
      : `not measured: ${largestBatch?.ok === false ? largestBatch.reason : ''}`,
    largestBatch?.ok ? largestBatch.value.perFirmMs <= targets.batchPerFirmMs : undefined,
    'batch',
  );
  judge(
    `batch peak RSS, ${options.firms.at(-1)} firms PDF + DOCX ≤ ${targets.batchPeakRssMb} MB`,
    mb(largestRss),
    largestRss === undefined ? undefined : largestRss / 2 ** 20 <= targets.batchPeakRssMb,
    'batch-peak-memory',
  );
  judge(
    `batch peak RSS, 10,000 firms PDF only ≤ ${targets.batchPeakRssMb} MB`,
    options.quick ? 'not measured: --quick leaves it out' : mb(tenThousandRss),
    tenThousandRss === undefined ? undefined : tenThousandRss / 2 ** 20 <= targets.batchPeakRssMb,
    'batch-peak-memory',
  );
  judge(
    `batch memory flat: peak RSS at ${options.firms.at(-1)} firms ≤ ${targets.batchRssGrowth}× that at ${options.firms[0]}`,
    rssGrowth !== undefined
      ? ratio(rssGrowth)
      : options.firms.length < 2
        ? 'not measured: needs two batch sizes (--quick runs one)'
        : 'not measured',
    rssGrowth === undefined ? undefined : rssGrowth <= targets.batchRssGrowth,
    'batch-memory',
  );
  judge(
    `≥ ${targets.vsAlternative}× faster than pandoc + LibreOffice for the same two files (sample)`,
    vsAlternative === undefined ? 'not measured' : `${ratio(vsAlternative)} faster`,
    vsAlternative === undefined ? undefined : vsAlternative >= targets.vsAlternative,
    'alternative',
  );
  judge(
    `\`guide preview\`: edit one measure → reload event ≤ ${duration(targets.previewReloadMs)} (sample, median)`,
    median(preview),
    preview.ok ? preview.value.median <= targets.previewReloadMs : undefined,
    'preview',
  );

  // Profiles of the missed targets.
  const profiles: ProfileSummary[] = [];
  if (!options.quick) {
    const profile = (label: string, args: string[]) => {
      progress(`profiling ${label}`);
      try {
        profiles.push(profileNode(label, args, repoRoot));
      } catch (error) {
        progress(`profile failed: ${(error as Error).message}`);
      }
    };
    const out = path.join(scratch, 'profile-out');
    if (missed.includes('cold') || missed.includes('alternative') || missed.includes('per-measure')) {
      profile('guide build (PDF + DOCX), sample edition, cold, no cache', [
        guideBin,
        'build',
        '--no-cache',
        '--out',
        out,
      ]);
    }
    if (missed.includes('validate')) profile('guide validate, sample edition', [guideBin, 'validate']);
    if (missed.includes('batch') || missed.includes('batch-memory') || missed.includes('batch-peak-memory')) {
      const firms = options.firms[0]!;
      progress(`profiling guide batch (${firms} firms)`);
      try {
        const summary = await profileBatch(firms);
        if (summary) profiles.push(summary);
      } catch (error) {
        progress(`profile failed: ${(error as Error).message}`);
      }
    }
  }

  // The report.
  const lines: string[] = [];
  const push = (...more: string[]) => lines.push(...more);
  push(
    `## Results — ${new Date().toISOString().slice(0, 10)}`,
    '',
    `Machine: ${machineLine(options)}.`,
    '',
    `Tools: ${toolsLine(tools)}.`,
    '',
    '### Targets',
    '',
    table(['target', 'measured', 'verdict'], targetRows),
    '',
    '### Cold start',
    '',
    table(
      ['command', 'median', 'spread', 'vs node -e 0'],
      [
        ['node -e 0', median(nodeBare), spreadOf(nodeBare), ''],
        ['guide --help', median(help), spreadOf(help), ratioCell(quotient(help, nodeBare))],
        [
          'guide validate (sample, 40 files; nothing changed since the run before, which the build cache keeps)',
          median(validate),
          spreadOf(validate),
          ratioCell(quotient(validate, nodeBare)),
        ],
        [
          'guide validate after editing one measure (the build cache of the run before)',
          median(validateAfterEdit),
          spreadOf(validateAfterEdit),
          ratioCell(quotient(validateAfterEdit, nodeBare)),
        ],
        [
          'guide validate --no-cache',
          median(validateNoCache),
          spreadOf(validateNoCache),
          ratioCell(quotient(validateNoCache, nodeBare)),
        ],
      ],
    ),
    '',
  );

  const pages = (size: { bytes: number; pages: number } | undefined) =>
    size === undefined ? '' : `${bytes(size.bytes)}, ${size.pages} pages`;
  const vsGuide = (result: Result, base: Result) => {
    const q = quotient(result, base);
    return q === undefined ? '' : `${ratio(q)}`;
  };
  push(
    `### ${sample.label[0]!.toUpperCase()}${sample.label.slice(1)}: guide against the alternatives`,
    '',
    'Each row is a fresh process (cold) unless it says otherwise. "÷ guide" is the row\'s time over `guide build`' +
      ' for the same files (PDF + DOCX rows) or over `guide build --format pdf` (PDF rows).',
    '',
    table(
      ['what', 'median', 'spread', '÷ guide', 'output'],
      [
        [
          'guide build (PDF + DOCX, no cache)',
          median(sample.guideBoth),
          spreadOf(sample.guideBoth),
          '1.0×',
          `${pages(sample.sizes.guidePdf)}; DOCX ${sample.sizes.guideDocx ? bytes(sample.sizes.guideDocx.bytes) : ''}`,
        ],
        ['guide build --format pdf', median(sample.guidePdf), spreadOf(sample.guidePdf), '1.0×', ''],
        ...(sample.guideDocx
          ? [
              [
                'guide build --format docx (lays out the PDF for TOC page numbers)',
                median(sample.guideDocx),
                spreadOf(sample.guideDocx),
                '',
                '',
              ],
            ]
          : []),
        ...(sample.rebuild
          ? [
              [
                'guide build after editing one measure (cache present)',
                median(sample.rebuild),
                spreadOf(sample.rebuild),
                vsGuide(sample.rebuild, sample.guideBoth),
                '',
              ],
            ]
          : []),
        [
          'pandoc Markdown → DOCX',
          median(sample.pandoc),
          spreadOf(sample.pandoc),
          vsGuide(sample.pandoc, sample.guideBoth),
          sample.sizes.pandocDocx ? bytes(sample.sizes.pandocDocx.bytes) : '',
        ],
        [
          'LibreOffice headless, our DOCX → PDF',
          median(sample.libreoffice),
          spreadOf(sample.libreoffice),
          vsGuide(sample.libreoffice, sample.guideBoth),
          pages(sample.sizes.libreofficePdf),
        ],
        [
          'pandoc + LibreOffice (both files)',
          median(sample.alternative),
          spreadOf(sample.alternative),
          vsGuide(sample.alternative, sample.guideBoth),
          '',
        ],
        [
          'Typst → PDF (node + addon + fonts + compile)',
          median(sample.typstCold),
          spreadOf(sample.typstCold),
          vsGuide(sample.typstCold, sample.guidePdf),
          pages(sample.sizes.typstPdf),
        ],
        ['guide PDF, in one process (templates, fonts loaded)', median(warm.guidePdf), spreadOf(warm.guidePdf), '', ''],
        ['guide PDF + DOCX, in one process', median(warm.guideBoth), spreadOf(warm.guideBoth), '', ''],
        [
          'Typst PDF, in one process (fonts loaded, cache evicted)',
          median(warm.typstPdf),
          spreadOf(warm.typstPdf),
          vsGuide(warm.typstPdf, warm.guidePdf),
          '',
        ],
      ],
    ),
    '',
  );

  // Growth.
  const fit = (pick: (e: EditionResults) => Result) => {
    const points = growth.flatMap((e) => {
      const r = pick(e);
      return r.ok ? [[e.measures, r.value.median] as const] : [];
    });
    const line = points.length === growth.length ? fitLine(points) : undefined;
    if (line === undefined) return '';
    // Through two points any line fits; R² says something from three on.
    const r2 = points.length > 2 ? ` (R² ${line.r2.toFixed(3)})` : '';
    const shape = line.intercept < 0 ? '; fixed part below 0: grows faster than linear' : '';
    return `${duration(line.intercept)} + ${duration(line.slope)} × measures${r2}${shape}`;
  };
  const growthRow = (name: string, pick: (e: EditionResults) => Result) => [
    name,
    ...growth.map((e) => median(pick(e))),
    fit(pick),
  ];
  push(
    `### Growth: ${growth.map((e) => e.measures).join(', ')} measures (editions generated from the sample)`,
    '',
    table(
      ['tool', ...growth.map((e) => `${e.measures} measures`), 'fit: fixed + per measure'],
      [
        growthRow('guide build (PDF + DOCX)', (e) => e.guideBoth),
        growthRow('guide build --format pdf', (e) => e.guidePdf),
        growthRow('pandoc Markdown → DOCX', (e) => e.pandoc),
        growthRow('LibreOffice DOCX → PDF', (e) => e.libreoffice),
        growthRow('pandoc + LibreOffice', (e) => e.alternative),
        growthRow('Typst → PDF', (e) => e.typstCold),
      ],
    ),
    '',
    'guide per measure (linear when the marginal cost stays flat):',
    '',
    table(
      [
        'measures',
        'PDF + DOCX',
        'spread',
        'per measure',
        'marginal per added measure',
        'pandoc + LO ÷ guide',
        'guide PDF ÷ Typst',
      ],
      growth.map((e, i) => {
        const prev = growth[i - 1];
        const marginal =
          prev && prev.guideBoth.ok && e.guideBoth.ok
            ? duration((e.guideBoth.value.median - prev.guideBoth.value.median) / (e.measures - prev.measures))
            : '';
        return [
          String(e.measures),
          median(e.guideBoth),
          spreadOf(e.guideBoth),
          e.guideBoth.ok ? duration(e.guideBoth.value.median / e.measures) : '',
          marginal,
          ratioCell(quotient(e.alternative, e.guideBoth)),
          ratioCell(quotient(e.guidePdf, e.typstCold)),
        ];
      }),
    ),
    '',
  );

  // Sizes.
  const all = [sample, ...growth];
  const sizeCell = (size: { bytes: number; pages?: number } | undefined) =>
    size === undefined ? '—' : size.pages === undefined ? bytes(size.bytes) : `${bytes(size.bytes)} (${size.pages} p.)`;
  push(
    '### Output sizes',
    '',
    table(
      ['edition', 'guide PDF', 'guide DOCX', 'Typst PDF', 'pandoc DOCX', 'LibreOffice PDF (of our DOCX)'],
      all.map((e) => [
        e === sample ? 'sample' : `${e.measures} measures`,
        sizeCell(e.sizes.guidePdf),
        sizeCell(e.sizes.guideDocx),
        sizeCell(e.sizes.typstPdf),
        sizeCell(e.sizes.pandocDocx),
        sizeCell(e.sizes.libreofficePdf),
      ]),
    ),
    '',
  );

  // Batch.
  push(
    '### Batch: per-firm cost and peak memory',
    '',
    'One fresh `guide batch --format pdf,docx` process per row over the sample edition, firms generated by' +
      ' bench/batch.ts; its peak RSS covers the worker threads. "Marginal" is the extra wall time per extra firm' +
      ' from the row above: the steady cost once start-up is paid. "vs naive loop" is how many times faster than' +
      ' running `guide build` once per firm (3 runs timed, multiplied out to the firm count).',
    '',
    table(
      ['firms', 'wall', 'per firm', 'marginal per added firm', 'peak RSS', 'rerun, all up to date', 'vs naive loop'],
      batch
        .map((b, i) => {
          const firms = String(options.firms[i]);
          if (!b.ok) return [firms, `not measured: ${b.reason}`, '', '', '', '', ''];
          const prev = batch[i - 1];
          const marginal = prev?.ok
            ? (b.value.wallMs - prev.value.wallMs) / (b.value.firms - prev.value.firms)
            : undefined;
          return [
            firms,
            duration(b.value.wallMs),
            duration(b.value.perFirmMs),
            marginal === undefined ? '' : duration(marginal),
            b.value.peakRssBytes === undefined ? 'unknown' : bytes(b.value.peakRssBytes),
            b.value.rerunMs === undefined ? '' : duration(b.value.rerunMs),
            `${ratio(b.value.vsNaive)} faster`,
          ];
        })
        .concat(
          batch.flatMap((b) =>
            b.ok && b.value.large
              ? [
                  [
                    `${b.value.large.firms} (PDF only)`,
                    duration(b.value.large.perFirmMs * b.value.large.firms),
                    duration(b.value.large.perFirmMs),
                    '',
                    b.value.large.peakRssBytes === undefined ? 'unknown' : bytes(b.value.large.peakRssBytes),
                    '',
                    '',
                  ],
                ]
              : [],
          ),
        ),
    ),
    '',
  );

  if (profiles.length > 0) {
    push('### Where the time goes (missed targets)', '', ...profiles.flatMap((p) => [profileTables(p), '']));
  }
  push(
    "Notes: pandoc is given the Markdown our templates render with guide's directives written as plain Markdown" +
      ' (card rows as bold labels, QR codes as links, `--toc` for the table of contents). LibreOffice converts the DOCX' +
      ' guide wrote (what a user with only the Word file would do). The Typst document is generated from the same' +
      ' DocModel (headings, paragraphs, lists, a two-column card table per measure, appendix tables, TOC, running header' +
      ' and page footer) with the same Noto Sans TC TTFs; QR codes are text there. pandoc + LibreOffice is the sum of' +
      ' the two medians.',
    '',
    `Run time: ${duration(Date.now() - started)}. Load average (1 min) at the start ${loadAtStart.toFixed(2)}, at the end` +
      ` ${loadavg()[0]!.toFixed(2)} (the benchmark alone keeps it near 1; well above that, other work shared the cores).`,
  );
  return { text: lines.join('\n') };
}

async function main(): Promise<number> {
  let options: Options;
  try {
    options = parseOptions(process.argv.slice(2));
  } catch (error) {
    console.error((error as Error).message);
    return 2;
  }
  const scratch = mkdtempSync(path.join(tmpdir(), 'guide-bench-'));
  try {
    const report = await runBenchmarks(options, scratch);
    console.log(report.text);
    if (options.write) {
      const file = path.join(repoRoot, 'bench/RESULTS.md');
      writeFileSync(
        file,
        '# Benchmark results\n\nRecorded by `npm run bench -- --write`; see "Benchmarks" in README.md for what is measured and how.\n\n' +
          `${report.text}\n`,
      );
      progress(`wrote ${path.relative(process.cwd(), file)}`);
    }
    return 0;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

process.exitCode = await main();
