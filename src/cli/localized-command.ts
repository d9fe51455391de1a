/**
 * commander, speaking the reader's language: help headings and option extras come from the
 * catalogue, help text wraps Chinese (which has no spaces to break at) by display width, and
 * commander's own usage errors are reworded by their error code.
 */

import { Command, Help, type Argument, type HelpContext, type Option, type ParseOptionsResult } from 'commander';
import { displayWidth } from '../diagnostics/display-width.js';
import { commanderMessages as say } from '../messages/commander.js';

const headings: Readonly<Record<string, () => string>> = {
  'Usage:': say.usage,
  'Arguments:': say.arguments,
  'Options:': say.options,
  'Global Options:': say.globalOptions,
  'Commands:': say.commands,
};

/**
 * Wide characters may break anywhere; other text at spaces, as commander does. Opening brackets
 * and quotes stay with what follows them (kinsoku: they never end a line). Made from strings:
 * esbuild writes strings in ASCII escapes but regular expression literals as they are, and the
 * module every start loads stays ASCII (see "Startup bundle" in docs/decisions.md).
 */
const wrapChunk = new RegExp(
  '[\\s]*[（「『【〔《“‘]*(?:[\\u2e80-\\u9fff\\uf900-\\ufaff\\uff00-\\uffef]|[^\\s\\u2e80-\\u9fff\\uf900-\\ufaff\\uff00-\\uffef]+)',
  'g',
);
/** Punctuation that must not start a line (kinsoku), kept with the character before it. */
const noLineStart = new RegExp('^[，。、；：？！）」』】〕》,.;:?!)]');

class LocalizedHelp extends Help {
  override styleTitle(title: string): string {
    return headings[title]?.() ?? title;
  }

  /** No space after the full-width colon that ends the usage label in Chinese. */
  override formatHelp(cmd: Command, helper: Help): string {
    const text = super.formatHelp(cmd, helper);
    const usage = say.usage();
    return usage.endsWith('：') ? text.replace(`${usage} `, usage) : text;
  }

  /**
   * "name [options] <args>" for a command whose options are not defined yet, as commander writes
   * it for one with options. Its usage says so: commander writes "[options]" there for a command
   * with a help option, as all of guide's have (and none has an alias).
   */
  override subcommandTerm(cmd: Command): string {
    return cmd instanceof LocalizedCommand && cmd.optionsPending
      ? `${cmd.name()} ${cmd.usage()}`
      : super.subcommandTerm(cmd);
  }

  override displayWidth(text: string): number {
    // eslint-disable-next-line no-control-regex -- colour codes take no columns
    return displayWidth(text.replace(/\x1b\[\d*(?:;\d+)*m/g, ''));
  }

  override optionDescription(option: Option): string {
    return withExtras(
      option.description,
      option.argChoices,
      option.required || option.optional,
      option.defaultValue,
      option.defaultValueDescription,
    );
  }

  override argumentDescription(argument: Argument): string {
    return withExtras(
      argument.description,
      argument.argChoices,
      true,
      argument.defaultValue,
      argument.defaultValueDescription,
    );
  }

  override boxWrap(text: string, width: number): string {
    if (width < this.minWidthToWrap) return text;
    return text
      .split(/\r?\n/)
      .map((line) => {
        const chunks = line.match(wrapChunk) ?? [];
        const lines: string[] = [];
        let current: string[] = [];
        // The line's width so far, chunk by chunk: measuring the whole line again for each chunk
        // made wrapping the help quadratic.
        let currentWidth = 0;
        for (const chunk of chunks) {
          const chunkWidth = this.displayWidth(chunk);
          if (current.length === 0 || currentWidth + chunkWidth <= width) {
            current.push(chunk);
            currentWidth += chunkWidth;
            continue;
          }
          // Punctuation that may not start a line takes the character before it along (and so
          // on, for 「），」).
          const next = [chunk];
          while (noLineStart.test(next[0]!) && current.length > 1) next.unshift(current.pop()!);
          lines.push(current.join(''));
          current = next;
          current[0] = current[0]!.trimStart();
          currentWidth = this.displayWidth(current.join(''));
        }
        lines.push(current.join(''));
        return lines.join('\n');
      })
      .join('\n');
  }
}

function withExtras(
  description: string,
  choices: readonly string[] | undefined,
  takesValue: boolean,
  defaultValue: unknown,
  defaultDescription: string | undefined,
): string {
  const extras: string[] = [];
  if (choices) extras.push(say.choices({ list: choices.join(', ') }));
  if (takesValue && defaultValue !== undefined)
    extras.push(say.default({ value: defaultDescription ?? String(defaultValue) }));
  if (extras.length === 0) return description;
  const shown = say.extras({ list: extras.join(say.extrasSeparator()) });
  if (!description) return shown;
  // Full-width brackets bring their own spacing: 「…（默认：30）」, no space before 「（」.
  return shown.startsWith('（') ? `${description}${shown}` : `${description} ${shown}`;
}

/** Usage errors by commander's code: the English message's parts, reworded. */
const usageErrors: Readonly<Record<string, (message: string) => string | undefined>> = {
  'commander.missingArgument': (m) =>
    match(m, /^error: missing required argument '(.*)'$/s, (name) => say.missingArgument({ name })),
  'commander.optionMissingArgument': (m) =>
    match(m, /^error: option '(.*)' argument missing$/s, (name) => say.optionMissingArgument({ name })),
  'commander.missingMandatoryOptionValue': (m) =>
    match(m, /^error: required option '(.*)' not specified$/s, (name) => say.missingMandatoryOption({ name })),
  'commander.unknownOption': (m) => match(m, /^error: unknown option '(.*?)'$/s, (name) => say.unknownOption({ name })),
  'commander.unknownCommand': (m) =>
    match(m, /^error: unknown command '(.*?)'$/s, (name) => say.unknownCommand({ name })),
  'commander.excessArguments': (m) =>
    match(
      m,
      /^error: too many arguments(?: for '(.*)')?\. Expected (\d+) arguments? but got (\d+)\.$/s,
      (command, expected, got) => say.excessArguments({ command: command || 'guide', expected: expected!, got: got! }),
    ),
  'commander.invalidArgument': (m) =>
    match(m, /^error: option '(.*?)' argument '(.*)' is invalid\. (.*)$/s, (name, value, reason) =>
      say.invalidArgument({ what: say.option(), name: name!, value: value!, reason: reason! }),
    ) ??
    match(m, /^error: command-argument value '(.*)' is invalid for argument '(.*?)'\. (.*)$/s, (value, name, reason) =>
      say.invalidArgument({ what: say.argument(), name: name!, value: value!, reason: reason! }),
    ),
};

function match(text: string, pattern: RegExp, reword: (...parts: string[]) => string): string | undefined {
  const found = pattern.exec(text);
  return found ? reword(...found.slice(1).map((part) => part ?? '')) : undefined;
}

/** commander's message in the reader's language; unchanged when its form is not known. */
export function localizeUsageError(message: string, code: string): string {
  // commander appends a suggestion on a line of its own.
  const [main, ...rest] = message.split('\n');
  const suggestion = rest.join('\n');
  const reworded = usageErrors[code]?.(
    main!.replace(/Allowed choices are (.*)\.$/s, (_all, list: string) => say.allowedChoices({ list })),
  );
  const similar = /^\(Did you mean (?:one of )?(.*)\?\)$/s.exec(suggestion);
  const tail = similar ? `\n${say.didYouMean({ name: similar[1]! })}` : suggestion ? `\n${suggestion}` : '';
  return `${reworded ?? main}${tail}`;
}

/**
 * A Command whose subcommands, help and errors are localized alike, and whose subcommands may
 * define their options only when they run (`optionsWhenRun`).
 */
export class LocalizedCommand extends Command {
  /** What `optionsWhenRun` was given, until the command reads its arguments or shows its help. */
  private defineOptions: ((command: this) => void) | undefined;

  /**
   * Defines the command's options when it reads its arguments or shows its help, not as guide
   * starts: making every command's options took ~1.5 ms of every start, `guide --help` among them.
   */
  optionsWhenRun(define: (command: this) => void): this {
    this.defineOptions = define;
    return this;
  }

  /** Whether it has options `optionsWhenRun` has not defined yet. */
  get optionsPending(): boolean {
    return this.defineOptions !== undefined;
  }

  private defineOptionsNow(): void {
    const define = this.defineOptions;
    this.defineOptions = undefined;
    define?.(this);
  }

  override parseOptions(argv: string[]): ParseOptionsResult {
    this.defineOptionsNow();
    return super.parseOptions(argv);
  }

  override helpInformation(context?: HelpContext): string {
    this.defineOptionsNow();
    return super.helpInformation(context);
  }

  override createCommand(name?: string): LocalizedCommand {
    return new LocalizedCommand(name);
  }

  override createHelp(): Help {
    return Object.assign(new LocalizedHelp(), this.configureHelp());
  }

  override error(message: string, options?: { code?: string; exitCode?: number }): never {
    return super.error(localizeUsageError(message, options?.code ?? ''), options);
  }
}
