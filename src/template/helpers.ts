/**
 * The template helpers. Helpers that return plain text (a date, a label) return a string, which
 * `{{…}}` then escapes for Markdown like any other value; helpers that build Markdown (a link, a
 * citation) escape their own inputs and return a SafeString, which is inserted as it is.
 * A helper given a value it cannot use throws a HelperError, which the renderer reports at the
 * helper's place in the template.
 */

import type Handlebars from 'handlebars';
import type { MeasureStatus } from '../catalogue/select.js';
import type { ChannelType } from '../catalogue/types.js';
import type { EditionLabels } from '../catalogue/labels.js';
import { escapeAttribute, escapeDestination, escapeText, indentLines, neutraliseBlocks } from './escape.js';
import {
  chineseDate,
  chineseNumeral,
  channelLabel,
  describeAudience,
  effectivePeriod,
  FormatError,
  formatPhone,
  materialText,
  statusLabel,
} from './format.js';
import type { AudienceLike, Vocabularies } from './format.js';
import type { BasisView, GuideView, MaterialView } from './view.js';
import { helperMessages as say } from '../messages/render.js';

type Environment = typeof Handlebars;

/** A line:column position as Handlebars gives it (line 1-based, column 0-based). */
export interface TemplatePosition {
  line: number;
  column: number;
}

/** Where a statement sits in its template. */
export interface TemplateLocation {
  start: TemplatePosition;
  end: TemplatePosition;
}

/** What Handlebars passes a helper as its last argument (`loc` is missing from its typings). */
interface HelperOptions {
  fn: (context: unknown) => string;
  hash: Record<string, unknown>;
  data?: { root?: GuideView };
  loc?: TemplateLocation;
}

/** A helper used the wrong way, or given a value it cannot format; `loc` is the helper call. */
export class HelperError extends Error {
  override name = 'HelperError';
  constructor(
    message: string,
    readonly loc: TemplateLocation | undefined,
    readonly hint?: string,
  ) {
    super(message);
  }
}

/**
 * The helper the renderer puts around every `{{value}}`: plain text, escaped for Markdown. An
 * absent value is an error, not empty text: an optional field must be printed inside `{{#if}}`.
 */
export const textHelper = '$text';
/** The helper the renderer puts around every `{{{value}}}`: Markdown, inserted as written. */
export const markdownHelper = '$markdown';

type Helper = (args: unknown[], options: HelperOptions, context: unknown) => unknown;

/** The widest `{{#indent}}`: enough for any nesting of Markdown lists and blocks. */
const maxIndent = 40;

/** Helpers that only work as blocks, `{{#name …}}…{{/name}}`: they render what is inside. */
export const blockHelpers: ReadonlySet<string> = new Set(['if', 'unless', 'each', 'with', 'indent']);

/**
 * What a template writes: Markdown (a guide), plain text (a mail's subject and text) or HTML (a
 * mail's HTML part). `{{value}}` is escaped for it; `{{{value}}}` goes in as written.
 */
export type TemplateOutput = 'markdown' | 'text' | 'html';

const htmlEntities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => htmlEntities[c]!);
}

/** Registers every helper on `env` and returns their names (for Handlebars' `knownHelpers`). */
export function registerHelpers(env: Environment, output: TemplateOutput = 'markdown'): string[] {
  const SafeString = env.SafeString;
  const markdown = (text: string) => new SafeString(text);
  const escapeValue = { markdown: escapeText, text: (value: string) => value, html: escapeHtml }[output];
  const insertValue =
    output === 'markdown' ? (value: string) => neutraliseBlocks(value.replace(/\s+$/, '')) : (value: string) => value;

  const helpers: Record<string, Helper> = {
    [textHelper]: ([value]) => (value instanceof SafeString ? value.toString() : escapeValue(printable(value))),
    [markdownHelper]: ([value]) => (value instanceof SafeString ? value.toString() : insertValue(printable(value))),

    /** `{{chineseDate date}}` → 2020年3月1日 */
    chineseDate: (args) => chineseDate(stringArg(args, 0, 'chineseDate', say.aDate())),
    /** `{{period effective}}` → 2020年3月1日至2020年5月31日 / 2020年3月1日起長期有效 */
    period: (args) => {
      const effective = recordArg(args, 0, 'period', say.aPeriod(), { from: 'text', until: 'optional text' });
      return effectivePeriod(effective as { from: string; until?: string | null });
    },
    /** `{{statusLabel status}}` → 現行有效 / 尚未生效 / 已失效 (guide.yaml `labels` rewords them) */
    statusLabel: (args, options) =>
      statusLabel(stringArg(args, 0, 'statusLabel', say.aStatus()) as MeasureStatus, editionLabels(options)),
    /** `{{chineseNumeral number}}` → 一, 十二 */
    chineseNumeral: (args) => {
      const value = args[0];
      if (typeof value !== 'number') throw new FormatError(say.numeralNeedsNumber());
      return chineseNumeral(value);
    },
    /** `{{formatPhone phone}}` → 0531-12345678 */
    formatPhone: (args) => formatPhone(stringArg(args, 0, 'formatPhone', say.aPhone())),
    /** `{{channelLabel type}}` → 網上辦理 (guide.yaml `labels` rewords it: 線上辦理) */
    channelLabel: (args, options) =>
      channelLabel(stringArg(args, 0, 'channelLabel', say.aChannelType()) as ChannelType, editionLabels(options)),
    /** `{{materialText this}}` → 營業執照副本影本（1份） */
    materialText: (args) => {
      const material = recordArg(args, 0, 'materialText', say.aMaterial(), {
        name: 'text',
        copies: 'optional number',
        note: 'optional text',
      });
      return materialText(material as unknown as MaterialView);
    },
    /** `{{audienceText audience all="各類企業"}}` → 行業：製造業；規模：小微型企業 (or `all`) */
    audienceText: (args, options) => {
      const audience = args[0] === null ? null : objectArg(args, 0, 'audienceText', say.anAudience());
      const all = options.hash['all'];
      if (typeof all !== 'string') throw new FormatError(say.audienceNeedsAll());
      const vocabularies: Vocabularies = options.data?.root?.edition.vocabularies ?? { industries: {} };
      return describeAudience(audience as AudienceLike | null, vocabularies) || all;
    },
    /** `{{basisText this}}` → 《title》（文號，2020年2月28日）, the title linked when there is a url */
    basisText: (args) => {
      const basis = recordArg(args, 0, 'basisText', say.aBasis(), {
        title: 'text',
        number: 'optional text',
        date: 'optional text',
        url: 'optional text',
      }) as unknown as BasisView;
      const title = escapeText(`《${basis.title}》`);
      const cited = basis.url !== null ? `[${title}](${escapeDestination(basis.url)})` : title;
      const details = [basis.number, basis.date !== null ? chineseDate(basis.date) : null].filter(
        (part): part is string => part !== null && part.trim() !== '',
      );
      return markdown(details.length > 0 ? `${cited}${escapeText(`（${details.join('，')}）`)}` : cited);
    },
    /** `{{link text url}}` → [text](url) */
    link: (args) => {
      const text = stringArg(args, 0, 'link', say.theLinkText());
      const url = stringArg(args, 1, 'link', say.theUrl());
      return markdown(`[${escapeText(text)}](${escapeDestination(url)})`);
    },
    /** `{{ref id number " " title}}` → [1.3 title](#id): a link to a heading; the texts are joined */
    ref: (args) => {
      if (args.length < 2) throw new FormatError(say.refNeeds());
      const id = headingId(args.slice(0, 1), 'ref');
      return markdown(`[${escapeText(textParts(args.slice(1), 'ref', say.theLinkText()).join(''))}](#${id})`);
    },
    /** `{{anchor id "faq"}}` → {#id-faq}: a heading id; the parts are joined with "-" */
    anchor: (args) => markdown(`{#${headingId(args, 'anchor')}}`),
    /** `{{lines letter.closing}}` → 此致, a hard line break, 敬禮: one paragraph, a line each */
    lines: (args) => {
      const value = args[0];
      if (!Array.isArray(value) || value.length === 0 || !value.every((line) => typeof line === 'string')) {
        throw new FormatError(say.needs({ helper: 'lines', what: say.aListOfText() }));
      }
      // A backslash at the end of a line is Markdown's hard line break.
      return markdown(value.map((line: string) => escapeText(line)).join('\\\n'));
    },
    /** `{{attr url}}` → a value for a quoted directive attribute */
    attr: (args) => markdown(escapeAttribute(stringArg(args, 0, 'attr', say.aValue()))),
    /** `{{#indent 2}}…{{/indent}}` → the block, every line after the first indented by 2 */
    indent: (args, options, context) => {
      const width = args[0];
      if (typeof width !== 'number' || !Number.isInteger(width) || width < 0 || width > maxIndent) {
        throw new FormatError(say.indentNeeds({ max: maxIndent }), say.indentHint());
      }
      return markdown(indentLines(options.fn(context), width));
    },
  };

  for (const [name, helper] of Object.entries(helpers)) {
    env.registerHelper(name, function (this: unknown, ...all: unknown[]) {
      const options = all.pop() as HelperOptions;
      try {
        return helper(all, options, this);
      } catch (error) {
        if (error instanceof FormatError) throw new HelperError(error.message, options.loc, error.hint);
        throw error;
      }
    });
  }
  // `log` writes to the console: rendering is pure and has no console.
  env.unregisterHelper('log');
  return Object.keys(helpers);
}

/** The edition's wording of labels (`edition.labels` in the root view). */
function editionLabels(options: HelperOptions): EditionLabels {
  const labels = options.data?.root?.edition.labels;
  if (labels === undefined) throw new FormatError(say.noLabels());
  return labels;
}

function printable(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (value === null || value === undefined) {
    throw new FormatError(say.emptyValue());
  }
  if (Array.isArray(value)) throw new FormatError(say.isList());
  if (typeof value === 'object') throw new FormatError(say.isGroup());
  throw new FormatError(say.cannotPrint({ type: typeof value }));
}

function stringArg(args: unknown[], index: number, helper: string, what: string): string {
  const value = args[index];
  if (typeof value === 'string') return value;
  if (value === null || value === undefined) {
    throw new FormatError(say.needsEmpty({ helper, what }));
  }
  throw new FormatError(
    say.needsGot({ helper, what, kind: Array.isArray(value) ? say.aList() : say.aType({ type: typeof value }) }),
  );
}

function objectArg(args: unknown[], index: number, helper: string, what: string): Record<string, unknown> {
  const value = args[index];
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
  throw new FormatError(say.needs({ helper, what }));
}

type FieldKind = 'text' | 'optional text' | 'optional number';

/**
 * An object argument whose fields the helper reads: a template that passes something else (a whole
 * measure instead of one of its basis entries) is told so here, not by a crash inside the helper.
 */
function recordArg(
  args: unknown[],
  index: number,
  helper: string,
  what: string,
  fields: Record<string, FieldKind>,
): Record<string, unknown> {
  const value = objectArg(args, index, helper, what);
  for (const [field, kind] of Object.entries(fields)) {
    const got = value[field];
    const fits =
      kind === 'text'
        ? typeof got === 'string'
        : // Views write an absent optional field as null, so undefined means the field does not exist.
          got === null || typeof got === (kind === 'optional text' ? 'string' : 'number');
    if (!fits) throw new FormatError(say.needs({ helper, what }), say.recordHint({ helper }));
  }
  return value;
}

// Texts to join (a link text, the parts of an id): strings, or numbers such as a chapter number.
function textParts(parts: unknown[], helper: string, what: string): string[] {
  return parts.map((part, index) => (typeof part === 'number' ? String(part) : stringArg(parts, index, helper, what)));
}

// Ids travel unescaped into `{#id}` and `#id`, so they are held to the characters that need no escape.
function headingId(parts: unknown[], helper: string): string {
  if (parts.length === 0) throw new FormatError(say.needs({ helper, what: say.anId() }));
  const id = textParts(parts, helper, say.anId()).join('-');
  if (!/^[A-Za-z0-9][A-Za-z0-9_-]*$/.test(id)) {
    throw new FormatError(say.badId({ id: JSON.stringify(id) }));
  }
  return id;
}
