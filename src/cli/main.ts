/**
 * `guide` command line: parse argv with commander, run one command, return its exit code.
 * Command modules are imported only when their command runs, so `guide --help` stays fast.
 */

import { Argument, Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { ExitCode, exitCodeFor } from './exit-codes.js';
import { processIo, type CliIo } from './io.js';
import { version } from './version.js';

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

function parseDate(value: string): string {
  if (!isoDate.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) {
    throw new InvalidArgumentError('expected a date written YYYY-MM-DD, e.g. 2020-03-05.');
  }
  return value;
}

function examples(lines: string[]): string {
  return `\nExamples:\n${lines.map((l) => `  ${l}`).join('\n')}\n`;
}

/** Options every edition command shares. */
export interface EditionOptions {
  config?: string;
}

function buildProgram(io: CliIo, setExit: (code: number) => void): Command {
  const program = new Command('guide')
    .description('Assemble policy service guides (辦事指南) from YAML measure files; render PDF and DOCX.')
    .version(version, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .showSuggestionAfterError()
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) })
    .addHelpText(
      'after',
      examples([
        'guide validate                 check every measure file of the edition here',
        'guide build                    write dist/*.pdf and dist/*.docx',
        'guide list --status active     the measures in effect on the edition date',
        'guide new tax tax-rent-relief  start a new measure file from a skeleton',
      ]) + '\nExit codes: 0 ok, 1 invalid input, 2 usage, 3 output not written, 70 internal error.\n',
    );

  const configOption = () => new Option('-c, --config <path>', "the edition's guide.yaml (default: ./guide.yaml)");
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
    .addHelpText(
      'after',
      examples([
        'guide validate',
        'guide validate --strict --format json > diagnostics.json',
        'guide validate --as-of 2020-06-01',
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
    .command('build')
    .description('render the guide as PDF and DOCX into dist/')
    .addOption(configOption())
    .option('--format <formats>', 'comma-separated formats: pdf, docx (default: guide.yaml output.formats)')
    .option('--out <dir>', 'output folder (default: guide.yaml output.dir)')
    .option('--as-of <date>', 'include the measures in effect on this date (default: the edition date)', parseDate)
    .option('--strict', 'treat warnings as errors (exit code 1)')
    .option('--json', 'print the build manifest as JSON on stdout')
    .addHelpText(
      'after',
      examples([
        'guide build',
        'guide build --format pdf --out out/',
        'SOURCE_DATE_EPOCH=1583366400 guide build --json > manifest.json',
      ]),
    )
    .action(run(async () => (await import('../commands/build.js')).buildCommand));

  return program;
}

/** Runs the CLI; returns the process exit code. Never throws. */
export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
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
    if (code === ExitCode.internal) {
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
