/**
 * `guide` command line: parse argv with commander, run one command, return its exit code.
 * Command modules are imported only when their command runs, so `guide --help` stays fast.
 */

import type { Command } from 'commander';
import { Argument, CommanderError, InvalidArgumentError, Option } from 'commander';
import { LocalizedCommand } from './localized-command.js';
import { displayWidth, padToWidth } from '../diagnostics/display-width.js';
import { isLanguage, languageFromEnvironment, languages, setLanguage } from '../messages/language.js';
import { commanderMessages } from '../messages/commander.js';
import { helpMessages as say } from '../messages/cli.js';
import { mailHelpMessages as mailHelp } from '../messages/mail.js';
import { GuideInputError } from '../errors.js';
import { ExitCode, exitCodeFor } from '../terminal/exit-codes.js';
import { type CliIo, useColor } from '../terminal/io.js';
import { processIo } from './process-io.js';
import { safeStream } from '../terminal/safe-output.js';
import { version } from '../io/version.js';
import { isIsoDate } from '../schema/iso-date.js';
import { pdfStandards } from '../writers/pdf/standards.js';

/** A date option, checked as a date in YAML is: 2020-02-30 is refused as well as 2020/3/5. */
function parseDate(value: string): string {
  if (isIsoDate(value)) return value;
  throw new InvalidArgumentError(/^\d{4}-\d{2}-\d{2}$/.test(value) ? say.noSuchDay() : say.badDate());
}

function parseDays(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) > 3660) {
    throw new InvalidArgumentError(say.badDays());
  }
  return Number(value);
}

/**
 * An Examples block: command lines as typed, each with its explanation (in the reader's language)
 * in a column `gap` spaces after the longest command that has one. Chinese counts two columns a
 * character, so the column is found by display width.
 */
function examples(entries: ReadonlyArray<string | readonly [command: string, explanation: string]>, gap = 1): string {
  const column = Math.max(0, ...entries.map((e) => (typeof e === 'string' ? 0 : displayWidth(e[0]) + gap)));
  const lines = entries.map((e) => (typeof e === 'string' ? e : padToWidth(e[0], column) + e[1]));
  return `\n${commanderMessages.examples()}\n${lines.map((l) => `  ${l}`).join('\n')}\n`;
}

/** A paragraph after the examples. */
function note(text: string): string {
  return `\n${text}\n`;
}

function buildProgram(io: CliIo, setExit: (code: number) => void): Command {
  const program = new LocalizedCommand('guide')
    .description(say.program())
    .version(version, '-V, --version', commanderMessages.version())
    .helpOption('-h, --help', commanderMessages.help())
    .helpCommand('help [command]', commanderMessages.helpCommand())
    .addOption(new Option('--lang <language>', say.lang()).choices(languages))
    .showSuggestionAfterError()
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
      // Help is as wide as the terminal it goes to; 80 columns into a file or pipe.
      getOutHelpWidth: () => (io.stdout.isTTY && io.stdout.columns ? io.stdout.columns : 80),
      getErrHelpWidth: () => (io.stderr.isTTY && io.stderr.columns ? io.stderr.columns : 80),
      // guide's rule for colours, on the streams it was given: commander's own asks process.stdout.
      getOutHasColors: () => useColor(io.stdout, io.env),
      getErrHasColors: () => useColor(io.stderr, io.env),
    })
    .addHelpText(
      'after',
      () =>
        examples([
          ['guide validate', say.exampleValidate()],
          ['guide build', say.exampleBuild()],
          ['guide list --status active', say.exampleList()],
          ['guide init my-edition', say.exampleInit()],
          ['guide new tax tax-rent-relief', say.exampleNew()],
          ['guide convert', say.exampleConvert()],
          ['guide diff v2020.03', say.exampleDiff()],
          ['guide batch --firms firms.xlsx', say.exampleBatch()],
          ['guide mail', mailHelp.exampleMail()],
        ]) + note(say.exitCodes()),
    );

  const configOption = () => new Option('-c, --config <path>', say.config());
  const pdfStandardOption = () => new Option('--pdf-standard <name>', say.pdfStandard()).choices(pdfStandards);
  const expiringOption = () => new Option('--expiring-within <days>', say.expiringWithin()).argParser(parseDays);
  const cacheOption = () => new Option('--cache <dir>', say.cache());
  const noCacheOption = () => new Option('--no-cache', say.noCache());
  const run =
    (load: () => Promise<(io: CliIo, ...args: never[]) => Promise<number>>) =>
    async (...args: unknown[]) => {
      const command = await load();
      // commander passes positional arguments, then options, then the Command itself.
      setExit(await command(io, ...(args.slice(0, -1) as never[])));
    };

  program
    .command('validate')
    .description(say.validate())
    .optionsWhenRun((command) =>
      command
        .addOption(configOption())
        .option('--strict', say.strict())
        .addOption(new Option('--format <format>', say.validateFormat()).choices(['text', 'json']).default('text'))
        .option('--as-of <date>', say.validateAsOf(), parseDate)
        .addOption(expiringOption())
        .addOption(new Option('--cache <dir>', say.validateCache()))
        .addOption(new Option('--no-cache', say.validateNoCache())),
    )
    .addHelpText('after', () =>
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
    .description(say.list())
    .optionsWhenRun((command) =>
      command
        .addOption(configOption())
        .option('--category <id>', say.listCategory())
        .addOption(new Option('--status <status>', say.listStatus()).choices(['active', 'expired', 'upcoming']))
        .option('--as-of <date>', say.listAsOf(), parseDate)
        .option('--json', say.listJson()),
    )
    .addHelpText('after', () =>
      examples(['guide list', 'guide list --category tax --status active', 'guide list --json | jq ".[].id"']),
    )
    .action(run(async () => (await import('../commands/list.js')).listCommand));

  program
    .command('init')
    .description(say.init())
    .argument('[dir]', say.initDir())
    .optionsWhenRun((command) => command.option('--template', say.initTemplate()).option('--force', say.initForce()))
    .addHelpText(
      'after',
      () =>
        examples([
          'guide init my-edition && cd my-edition && guide validate && guide build',
          ['guide init', say.initExampleHere()],
          ['guide init my-edition --template', say.initExampleTemplate()],
          ['guide init . --template --force', say.initExampleForce()],
        ]) + note(say.initNotEmpty()),
    )
    .action(run(async () => (await import('../commands/init.js')).initCommand));

  program
    .command('new')
    .description(say.new())
    .argument('<category>', say.newCategory())
    .argument('<id>', say.newId())
    .optionsWhenRun((command) => command.addOption(configOption()))
    .addHelpText('after', () =>
      examples([['guide new tax tax-rent-relief', say.newExample({ file: 'policies/tax/tax-rent-relief.yaml' })]], 3),
    )
    .action(run(async () => (await import('../commands/new-measure.js')).newMeasureCommand));

  program
    .command('schema')
    .description(say.schema())
    .addArgument(new Argument('[which]', say.schemaWhich()).choices(['measure', 'guide']).default('measure'))
    .optionsWhenRun((command) => command.option('--out <dir>', say.schemaOut()))
    .addHelpText('after', () =>
      examples(['guide schema > measure.schema.json', 'guide schema guide', 'guide schema --out schema']),
    )
    .action(run(async () => (await import('../commands/schema.js')).schemaCommand));

  program
    .command('convert')
    .description(say.convert())
    .argument('[files...]', say.convertFiles())
    .optionsWhenRun((command) =>
      command
        .addOption(configOption())
        .option('--check', say.convertCheck())
        .option('--dry-run', say.convertDryRun())
        .option('--fix-punctuation', say.convertFixPunctuation()),
    )
    .addHelpText(
      'after',
      () =>
        examples(
          [
            ['guide convert', say.convertExampleAll()],
            ['guide convert policies/tax/tax-new.yaml', say.convertExampleFile()],
            ['guide convert --dry-run', say.convertExampleDryRun()],
            ['guide convert --check', say.convertExampleCheck()],
            ['guide convert --fix-punctuation', say.convertExampleFixPunctuation()],
          ],
          4,
        ) + note(say.convertNote()),
    )
    .action(run(async () => (await import('../commands/convert.js')).convertCommand));

  program
    .command('build')
    .description(say.build())
    .optionsWhenRun((command) =>
      command
        .addOption(configOption())
        .option('--format <formats>', say.outputFormats())
        .option('--out <dir>', say.buildOut())
        .option('--as-of <date>', say.asOfIncluded(), parseDate)
        .option('--strict', say.strict())
        .option('--json', say.buildJson())
        .option('--since <old>', say.buildSince({ section: '本版更新說明' }))
        .addOption(expiringOption())
        .addOption(pdfStandardOption())
        .option('--print', say.print())
        .addOption(cacheOption())
        .addOption(noCacheOption()),
    )
    .addHelpText('after', () =>
      examples([
        'guide build',
        'guide build --format pdf --out out/',
        'SOURCE_DATE_EPOCH=1583366400 guide build --json > manifest.json',
        'guide build --since v2020.03 --strict',
      ]),
    )
    .action(run(async () => (await import('../commands/build.js')).buildCommand));

  program
    .command('preview')
    .description(say.preview())
    .optionsWhenRun((command) =>
      command
        .addOption(configOption())
        .option('--port <port>', say.previewPort())
        .option('--as-of <date>', say.asOfIncluded(), parseDate)
        .option('--firm <id>', say.previewFirm())
        .option('--firms <file>', say.previewFirms()),
    )
    .addHelpText(
      'after',
      () =>
        examples(['guide preview', 'guide preview --port 8080', 'guide preview --firm TW-0001 --firms firms.xlsx']) +
        note(say.previewFiles()),
    )
    .action(run(async () => (await import('../commands/preview.js')).previewCommand));

  program
    .command('diff')
    .description(say.diff())
    .argument('<old>', say.diffOld())
    .argument('[new]', say.diffNew())
    .optionsWhenRun((command) => command.addOption(configOption()).option('--json', say.diffJson()))
    .addHelpText('after', () =>
      examples(
        [
          ['guide diff v2020.03', say.diffExampleTag()],
          ['guide diff old/dist/manifest.json .', say.diffExampleManifest()],
          ['guide diff HEAD~1 --json', say.diffExampleJson()],
        ],
        6,
      ),
    )
    .action(run(async () => (await import('../commands/diff.js')).diffCommand));

  program
    .command('batch')
    .description(say.batch())
    .optionsWhenRun((command) =>
      command
        .requiredOption('--firms <file>', say.batchFirms())
        .addOption(configOption())
        .option('--sheet <name>', say.batchSheet())
        .option('--format <formats>', say.outputFormats())
        .option('--out <dir>', say.batchOut())
        .option('--as-of <date>', say.asOfIncluded(), parseDate)
        .option('--letter-date <date>', say.batchLetterDate(), parseDate)
        .option(
          '--name-pattern <pattern>',
          // The pattern's fields are written in Chinese whatever the language: they are what users type.
          say.batchNamePattern({ firmName: '{企業名稱}', firmId: '{編號}', pattern: '{企業名稱}-惠企政策指南' }),
        )
        .option('--jobs <n>', say.batchJobs())
        .option('--shard <i/n>', say.batchShard())
        .option('--only <ids>', say.batchOnly())
        .option('--force', say.batchForce())
        .option('--explain <id>', say.batchExplain())
        .option('--json', say.batchJson())
        .addOption(pdfStandardOption())
        .option('--print', say.print()),
    )
    .addHelpText(
      'after',
      () =>
        examples(
          [
            'guide batch --firms firms.xlsx',
            'guide batch --firms firms.csv --format pdf --jobs 4',
            'guide batch --firms firms.xlsx --sheet 名單 --only TW-0001,TW-0002',
            'guide batch --firms firms.csv --explain TW-0001',
            ['guide batch --firms firms.csv --shard 1/2', say.batchExampleShard()],
          ],
          3,
        ) + note(say.batchResume()),
    )
    .action(run(async () => (await import('../commands/batch.js')).batchCommand));

  program
    .command('mail')
    .description(mailHelp.mail())
    .optionsWhenRun((command) =>
      command
        .addOption(configOption())
        .option('--manifest <file>', mailHelp.manifest())
        .option('--format <formats>', mailHelp.formats())
        .option('--smtp <url>', mailHelp.smtp())
        .option('--rate <n/min>', mailHelp.rate())
        .option('--only <ids>', mailHelp.only())
        .option('--shard <i/n>', mailHelp.shard())
        .option('--resend <ids>', mailHelp.resend())
        .option('--to <address>', mailHelp.to())
        .option('--dry-run <dir>', mailHelp.dryRun())
        .option('--json', mailHelp.json())
        // Tests wait milliseconds, not seconds, between attempts; not for users.
        .addOption(new Option('--retry-delay <ms>').hideHelp()),
    )
    .addHelpText(
      'after',
      () =>
        examples(
          [
            'GUIDE_SMTP_URL=smtps://service@mail.example.gov.cn guide mail',
            ['guide mail --dry-run out/eml', mailHelp.exampleDryRun()],
            ['guide mail --to me@example.gov.cn --only TW-0001', mailHelp.exampleTest()],
            'guide mail --manifest dist/firms/manifest.json --format pdf,docx --rate 20/min',
          ],
          3,
        ) + note(mailHelp.resume()),
    )
    .action(run(async () => (await import('../commands/mail.js')).mailCommand));

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
  const code = await run(argv, given);
  // Output that could not be written was said on the other stream: a run that went well did not.
  return code === ExitCode.ok && given.outputFailed?.() ? ExitCode.outputFailed : code;
}

async function run(argv: readonly string[], given: CliIo): Promise<number> {
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
        `${say.internalError({ version })}\n${
          error instanceof Error ? (error.stack ?? error.message) : String(error)
        }\n`,
      );
    } else {
      io.stderr.write(`${say.failed({ problem: error instanceof Error ? error.message : String(error) })}\n`);
    }
    return code;
  }
}
