/**
 * `guide` command line: parse argv with commander, run one command, return its exit code.
 * Command modules are imported only when their command runs, so `guide --help` stays fast.
 */

import type { Command } from 'commander';
import { Argument, CommanderError, InvalidArgumentError, Option } from 'commander';
import { LocalizedCommand } from './localized-command.js';
import { isLanguage, languageFromEnvironment, languages, setLanguage } from '../messages/language.js';
import { commanderMessages } from '../messages/commander.js';
import { GuideInputError } from '../errors.js';
import { ExitCode, exitCodeFor } from '../terminal/exit-codes.js';
import type { CliIo } from '../terminal/io.js';
import { processIo } from './process-io.js';
import { safeStream } from '../terminal/safe-output.js';
import { version } from '../io/version.js';

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

function parseDate(value: string): string {
  if (!isoDate.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) {
    throw new InvalidArgumentError('expected a date written YYYY-MM-DD, e.g. 2020-03-05.');
  }
  return value;
}

function parseDays(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) > 3660) {
    throw new InvalidArgumentError('expected a number of days from 0 to 3660, e.g. 30.');
  }
  return Number(value);
}

function examples(lines: string[]): string {
  return `\nExamples:\n${lines.map((l) => `  ${l}`).join('\n')}\n`;
}

function buildProgram(io: CliIo, setExit: (code: number) => void): Command {
  const program = new LocalizedCommand('guide')
    .description('Assemble policy service guides (辦事指南) from YAML measure files; render PDF and DOCX.')
    .version(version, '-V, --version', commanderMessages.version())
    .helpOption('-h, --help', commanderMessages.help())
    .helpCommand('help [command]', commanderMessages.helpCommand())
    .addOption(
      new Option(
        '--lang <language>',
        'the language of messages and help (default: from GUIDE_LANG, LC_ALL, LC_MESSAGES, LANG)',
      ).choices(languages),
    )
    .showSuggestionAfterError()
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) })
    .addHelpText(
      'after',
      examples([
        'guide validate                 check every measure file of the edition here',
        'guide build                    write dist/*.pdf and dist/*.docx',
        'guide list --status active     the measures in effect on the edition date',
        'guide init my-edition          start a new edition in the folder my-edition',
        'guide new tax tax-rent-relief  start a new measure file from a skeleton',
        'guide convert                  Simplified text in the measure files → Taiwan Traditional',
        'guide diff v2020.03            what changed since the edition tagged v2020.03',
        'guide batch --firms firms.xlsx a tailored guide for every firm of the list',
      ]) + '\nExit codes: 0 ok, 1 invalid input, 2 usage, 3 output not written, 70 internal error.\n',
    );

  const configOption = () => new Option('-c, --config <path>', "the edition's guide.yaml (default: ./guide.yaml)");
  const expiringOption = () =>
    new Option(
      '--expiring-within <days>',
      'warn about measures ending within this many days after the as-of date (default: guide.yaml review.expiring_within_days, 30)',
    ).argParser(parseDays);
  const run =
    (load: () => Promise<(io: CliIo, ...args: never[]) => Promise<number>>) =>
    async (...args: unknown[]) => {
      const command = await load();
      // commander passes positional arguments, then options, then the Command itself.
      setExit(await command(io, ...(args.slice(0, -1) as never[])));
    };

  program
    .command('validate')
    .description('check guide.yaml and every measure file; report every problem with file:line:col')
    .addOption(configOption())
    .option('--strict', 'treat warnings as errors (exit code 1)')
    .addOption(new Option('--format <format>', 'how to print diagnostics').choices(['text', 'json']).default('text'))
    .option('--as-of <date>', 'judge expiry and review age on this date (default: the edition date)', parseDate)
    .addOption(expiringOption())
    .addHelpText(
      'after',
      examples([
        'guide validate',
        'guide validate --strict --format json > diagnostics.json',
        'guide validate --as-of 2020-06-01',
        'guide validate --expiring-within 60',
      ]),
    )
    .action(run(async () => (await import('../commands/validate.js')).validateCommand));

  program
    .command('list')
    .description('list the measures: id, category, title, effective period, status')
    .addOption(configOption())
    .option('--category <id>', 'only this category')
    .addOption(
      new Option('--status <status>', 'only measures with this status').choices(['active', 'expired', 'upcoming']),
    )
    .option('--as-of <date>', 'status on this date (default: the edition date)', parseDate)
    .option('--json', 'print JSON instead of a table')
    .addHelpText(
      'after',
      examples(['guide list', 'guide list --category tax --status active', 'guide list --json | jq ".[].id"']),
    )
    .action(run(async () => (await import('../commands/list.js')).listCommand));

  program
    .command('init')
    .description('start a new edition: guide.yaml, an example measure, schema files, README.md')
    .argument('[dir]', 'the folder for the new edition (default: the current folder); made if missing')
    .option('--template', "also copy guide's templates and theme.yaml into templates/ for customising")
    .option('--force', 'write into a folder that is not empty: add the missing files, never overwrite one')
    .addHelpText(
      'after',
      examples([
        'guide init my-edition && cd my-edition && guide validate && guide build',
        'guide init                       the current folder, which must be empty',
        'guide init my-edition --template with templates/ to change the layout and wording',
        'guide init . --template --force  add templates/ to an existing edition; nothing is overwritten',
      ]) + '\nA folder that is not empty is refused (exit code 3) unless --force.\n',
    )
    .action(run(async () => (await import('../commands/init.js')).initCommand));

  program
    .command('new')
    .description('write a new measure file with every field and a hint for each')
    .argument('<category>', 'category id from guide.yaml, e.g. tax')
    .argument('<id>', 'the new measure id, kebab-case, e.g. tax-rent-relief')
    .addOption(configOption())
    .addHelpText('after', examples(['guide new tax tax-rent-relief   # writes policies/tax/tax-rent-relief.yaml']))
    .action(run(async () => (await import('../commands/new-measure.js')).newMeasureCommand));

  program
    .command('schema')
    .description('print the JSON Schema of measure files or guide.yaml (for editors)')
    .addArgument(new Argument('[which]', 'measure or guide').choices(['measure', 'guide']).default('measure'))
    .option('--out <dir>', 'write guide.schema.json and measure.schema.json into this folder instead')
    .addHelpText(
      'after',
      examples(['guide schema > measure.schema.json', 'guide schema guide', 'guide schema --out schema']),
    )
    .action(run(async () => (await import('../commands/schema.js')).schemaCommand));

  program
    .command('convert')
    .description('rewrite the text values of measure files and guide.yaml from Simplified in Taiwan Traditional')
    .argument('[files...]', 'YAML files to convert (default: guide.yaml and every measure file of the edition)')
    .addOption(configOption())
    .option('--check', 'write nothing; exit code 1 if any file would change (for CI)')
    .option('--dry-run', 'write nothing; print the lines that would change, before (-) and after (+)')
    .option(
      '--fix-punctuation',
      'first fix what a Chinese keyboard types into YAML: full-width colons (：) and quotes (“…”, 「…」), full-width-space indents, no space after a colon',
    )
    .addHelpText(
      'after',
      examples([
        'guide convert                              every measure file and guide.yaml, in place',
        'guide convert policies/tax/tax-new.yaml    only this file',
        'guide convert --dry-run                    show the changes, write nothing',
        'guide convert --check                      in CI: fail if any Simplified text is left',
        'guide convert --fix-punctuation            also fix full-width colons, quotes and indents',
      ]) +
        '\nOnly values change: comments, keys, quoting and layout are kept. OpenCC (Taiwan phrasing) does the\n' +
        "conversion, with guide's dictionary for administrative words (文件, 程序, 審核, 項目 …) and\n" +
        'guide.yaml terms: (prefer 臺 or 台, keep, pairs) over it. Text already in Traditional is left as it is.\n',
    )
    .action(run(async () => (await import('../commands/convert.js')).convertCommand));

  program
    .command('build')
    .description('render the guide as PDF and DOCX into dist/')
    .addOption(configOption())
    .option(
      '--format <formats>',
      'comma-separated: the files, pdf and docx (default: guide.yaml output.formats), and how to print problems, text or json',
    )
    .option('--out <dir>', 'output folder (default: guide.yaml output.dir)')
    .option('--as-of <date>', 'include the measures in effect on this date (default: the edition date)', parseDate)
    .option('--strict', 'treat warnings as errors (exit code 1)')
    .option('--json', 'print the build manifest (also written to manifest.json) as JSON on stdout')
    .option(
      '--since <old>',
      'add a 本版更新說明 section: what changed since <old> (a manifest.json, folder or git ref)',
    )
    .addOption(expiringOption())
    .addHelpText(
      'after',
      examples([
        'guide build',
        'guide build --format pdf --out out/',
        'SOURCE_DATE_EPOCH=1583366400 guide build --json > manifest.json',
        'guide build --since v2020.03 --strict',
      ]),
    )
    .action(run(async () => (await import('../commands/build.js')).buildCommand));

  program
    .command('diff')
    .description('the measures added, removed and changed between two editions, in plain Chinese')
    .argument('<old>', 'the earlier edition: a manifest.json, an edition folder or guide.yaml, or a git ref')
    .argument('[new]', 'the later edition, in the same forms (default: the current edition)')
    .addOption(configOption())
    .option('--json', 'print the changes as JSON')
    .addHelpText(
      'after',
      examples([
        'guide diff v2020.03                      the current edition against the tag v2020.03',
        'guide diff old/dist/manifest.json .      a released build against this folder',
        'guide diff HEAD~1 --json                 for scripts',
      ]),
    )
    .action(run(async () => (await import('../commands/diff.js')).diffCommand));

  program
    .command('batch')
    .description('a tailored guide for every firm of a firm list (一企一策), with a manifest for mailing')
    .requiredOption('--firms <file>', 'the firm list: .csv (UTF-8 or GB18030), .xlsx or .yaml')
    .addOption(configOption())
    .option('--sheet <name>', 'the worksheet of an .xlsx list (default: the first)')
    .option(
      '--format <formats>',
      'comma-separated: the files, pdf and docx (default: guide.yaml output.formats), and how to print problems, text or json',
    )
    .option('--out <dir>', 'output folder (default: <guide.yaml output.dir>/firms)')
    .option('--as-of <date>', 'include the measures in effect on this date (default: the edition date)', parseDate)
    .option('--letter-date <date>', "the date on each firm's letter (default: the as-of date)", parseDate)
    .option(
      '--name-pattern <pattern>',
      'file names: {企業名稱} or {name}, {編號} or {id} (default: {企業名稱}-惠企政策指南)',
    )
    .option('--jobs <n>', 'firms built at once: this process and n-1 worker threads (default: the number of CPU cores)')
    .option('--shard <i/n>', 'build only part i of n (firms split by a hash of their id), e.g. 1/4')
    .option('--only <ids>', 'build only these firms (ids separated by commas)')
    .option('--force', 'build every firm, even those whose guides are up to date')
    .option('--explain <id>', 'show which measures the firm gets and why, and which it does not; build nothing')
    .option('--json', 'print the manifest (or with --explain, the explanation) as JSON on stdout')
    .addHelpText(
      'after',
      examples([
        'guide batch --firms firms.xlsx',
        'guide batch --firms firms.csv --format pdf --jobs 4',
        'guide batch --firms firms.xlsx --sheet 名單 --only TW-0001,TW-0002',
        'guide batch --firms firms.csv --explain TW-0001',
        'guide batch --firms firms.csv --shard 1/2   # and --shard 2/2 on another machine',
      ]) +
        '\nFirms whose guides are already in the output folder, built from the same inputs, are skipped;\n' +
        'a run that was stopped picks up where it left off.\n',
    )
    .action(run(async () => (await import('../commands/batch.js')).batchCommand));

  return program;
}

/**
 * The language asked for with `--lang` anywhere on the command line, else the environment's. Read
 * before commander parses, so its help and errors are in that language too; a value that is not a
 * language is left to commander to refuse.
 */
function languageOf(argv: readonly string[], env: CliIo['env']) {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') break;
    const value = arg === '--lang' ? argv[i + 1] : arg.startsWith('--lang=') ? arg.slice('--lang='.length) : undefined;
    if (value !== undefined && isLanguage(value)) return value;
  }
  return languageFromEnvironment(env);
}

/** Runs the CLI; returns the process exit code. Never throws. */
export async function main(argv: readonly string[], given: CliIo = processIo()): Promise<number> {
  const io: CliIo = { ...given, stdout: safeStream(given.stdout), stderr: safeStream(given.stderr) };
  setLanguage(languageOf(argv, io.env));
  let exitCode: number = ExitCode.ok;
  const program = buildProgram(io, (code) => {
    exitCode = code;
  });
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version end with exit code 0; every other commander error is a usage error.
      return error.exitCode === 0 ? ExitCode.ok : ExitCode.usage;
    }
    const code = exitCodeFor(error);
    if (error instanceof GuideInputError) {
      const { createReporter } = await import('../terminal/report.js');
      createReporter(io).diagnostics(error.diagnostics, error.sources, { format: 'text', root: io.cwd });
    } else if (code === ExitCode.internal) {
      io.stderr.write(
        `guide: internal error (a bug in guide ${version}). Please report it with the command you ran and this text:\n${
          error instanceof Error ? (error.stack ?? error.message) : String(error)
        }\n`,
      );
    } else {
      io.stderr.write(`guide: ${error instanceof Error ? error.message : String(error)}\n`);
    }
    return code;
  }
}
