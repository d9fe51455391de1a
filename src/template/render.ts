/**
 * Selection → Markdown through the edition's Handlebars templates (templates/*.md.hbs).
 *
 * Each run gets its own Handlebars environment (`Handlebars.create()`), so helpers and partials
 * never leak between editions or into other code. Templates run in strict mode: a name that is
 * not in the data is an error, in `{{name}}` and in helper and block arguments alike
 * (`{{#if contnet}}` fails too; Handlebars alone checks only the former).
 *
 * Escaping follows Handlebars' own rule, with Markdown in place of HTML: `{{value}}` is plain
 * text and is escaped so that `*`, `|` or `[` print as themselves; `{{{value}}}` is Markdown and
 * goes in as written (summary, content, eligibility, steps, FAQ answers, preface, intro). The
 * templates' parse trees are rewritten to make this so: every `{{x}}` becomes `{{$text x}}` and
 * every `{{{x}}}` becomes `{{$markdown x}}`, since Handlebars' escaping hook is fixed to HTML.
 *
 * Pure: template texts come in as strings, Markdown and diagnostics go out.
 */

import Handlebars from 'handlebars';
import { entryKey, getJson, setJson, type EntryStore } from '../cache-store.js';
import type { Selection } from '../catalogue/select.js';
import type { Edition } from '../catalogue/types.js';
import { diagnostic } from '../diagnostics/diagnostic.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { InternalError } from '../errors.js';
import { templateMessages as say } from '../messages/render.js';
import type { DocMeta } from '../model/doc-model.js';
import { closestName, handlebarsLocation, parseDiagnostic, rangeOf, templateDiagnostic } from './errors.js';
import type { TemplateSource } from './errors.js';
import {
  blockHelpers,
  HelperError,
  markdownHelper,
  registerHelpers,
  textHelper,
  type TemplateLocation,
  type TemplateOutput,
} from './helpers.js';
import { buildView, type ChangesView } from './view.js';

/**
 * The edition's templates by name: `guide` (templates/guide.md.hbs) is the document; every other
 * entry is a partial, used as `{{> name}}`.
 */
export interface TemplateSources {
  [name: string]: TemplateSource;
}

/** The result of rendering: Markdown (empty when there are errors) and what went wrong. */
export interface RenderResult {
  markdown: string;
  diagnostics: Diagnostic[];
}

/**
 * Takes the context of a fragment partial's call (`{{> measure}}`) and returns the number of
 * the slot left in its place.
 */
export type SlotSink = (partial: string, context: unknown) => number;

/** Templates parsed and checked once, to render any number of guides (one per firm). */
export interface CompiledGuide {
  /** `changes` fills the 本版更新說明 section (`guide build --since`); none when absent. */
  render(selection: Selection, changes?: ChangesView | null): RenderResult;
  /** Names of the partials the templates call (`{{> name}}`), to tell whether a section can appear. */
  partialCalls: ReadonlySet<string>;
  /**
   * Renders the entry template on a view the caller built (a tailored guide's has a firm and a
   * letter). With `slots`, each call of a fragment partial leaves a `::slot{n="…"}` line instead
   * of its text, and its context goes to `slots`.
   */
  renderView(view: object, slots?: SlotSink): RenderResult;
  /**
   * Renders one partial on its own, as `{{> name}}` would with `context` inside a document whose
   * view is `root`; fragment partials it calls leave slots when `slots` is given.
   */
  renderPartial(name: string, context: unknown, root: object, slots?: SlotSink): RenderResult;
}

/** How a guide is compiled: where it starts, and which partials make fragments of their own. */
export interface CompileOptions {
  /** The template the document starts from (default `guide`). */
  entry?: string;
  /**
   * Partials whose calls can be left as slots (see `SlotSink`), so the pipeline renders and
   * reads each such section once and reuses it (a measure section, a chapter's opening).
   */
  fragments?: readonly string[];
  /** What the templates write, and so how `{{value}}` is escaped (default Markdown). */
  output?: TemplateOutput;
  /**
   * The build cache: each template's parse tree is kept there by its text (Handlebars' parser,
   * cold, was ~50 ms of a build: most of compiling).
   */
  store?: EntryStore;
}

/** The line a fragment partial's call leaves: a block of its own, for the reader to find. */
function slotLine(n: number): string {
  return `\n\n::slot{n="${n}"}\n\n`;
}

/** The template every guide starts from. */
const guideTemplate = 'guide';

type Ast = hbs.AST.Program;
type Node = hbs.AST.Node;
type Expression = hbs.AST.Expression;
type RuntimeOptions = Handlebars.RuntimeOptions;

/**
 * How deep templates may include one another. The templates guide ships nest three deep; a
 * template that includes itself through an inline partial would otherwise recurse until the
 * stack ran out.
 */
const maxPartialDepth = 64;

/** Entering partial `name` would pass `maxPartialDepth`: it includes itself without end. */
class PartialDepthError extends Error {
  override name = 'PartialDepthError';
  constructor(readonly partial: string) {
    super(say.includesItselfWithoutEnd({ name: partial }));
  }
}

/** A path such as `category.intro` in a template, to point at when a lookup in it fails. */
interface PathUse {
  parts: string[];
  original: string;
  loc: hbs.AST.SourceLocation;
}

/** A `{{> name}}` in a template. */
interface PartialCall {
  from: string;
  name: string;
  loc: hbs.AST.SourceLocation;
}

interface LexerState {
  lexer?: { yylloc?: { first_line: number; first_column: number; last_line: number; last_column: number } };
}

/**
 * Parses and checks every template: syntax errors in all files, and `{{> partial}}` names with
 * no template, are reported together. Returns no guide when there is any error.
 */
export function compileGuide(
  sources: TemplateSources,
  compileOptions: CompileOptions = {},
): { guide?: CompiledGuide; diagnostics: Diagnostic[] } {
  const entry = compileOptions.entry ?? guideTemplate;
  const env = Handlebars.create();
  const helperNames = registerHelpers(env, compileOptions.output);
  const helpers = new Set(helperNames);
  const diagnostics: Diagnostic[] = [];
  if (!Object.hasOwn(sources, entry)) {
    diagnostics.push(
      diagnostic('E-TEMPLATE', say.noEntryTemplate({ entry }), {
        hint: (entry === guideTemplate ? say.needsGuideTemplate : say.needsDocumentTemplate)({ entry }),
      }),
    );
  }

  const trees = new Map<string, Ast>();
  const paths = new Map<string, PathUse[]>();
  const partialCalls: PartialCall[] = [];
  const inlinePartials = new Set<string>();
  for (const [name, source] of Object.entries(sources)) {
    const { store } = compileOptions;
    const key = store && entryKey('template-tree', source.text);
    let tree = key === undefined ? undefined : (getJson(store, key) as Ast | undefined);
    if (tree === undefined) {
      try {
        tree = env.parse(source.text);
      } catch (error) {
        const parser = (env as unknown as { Parser?: LexerState }).Parser;
        diagnostics.push(parseDiagnostic(source, error, parser?.lexer?.yylloc));
        continue;
      }
      // Plain data (types, values, locations), so what JSON gives back compiles the same.
      if (key !== undefined) setJson(store, key, tree);
    }
    diagnostics.push(...unsupportedConstructs(source, tree));
    paths.set(name, pathUses(tree));
    visit(tree, (node) => {
      if (node.type === 'PartialStatement') {
        const call = node as hbs.AST.PartialStatement;
        if (call.name.type === 'PathExpression')
          partialCalls.push({ from: name, name: call.name.original, loc: call.loc });
        // A section is read once and put wherever it is called, so every call must give it the same data.
        if (
          call.name.type === 'PathExpression' &&
          compileOptions.fragments?.includes(call.name.original) &&
          (call.params.length > 0 || (call.hash?.pairs.length ?? 0) > 0)
        ) {
          diagnostics.push(
            templateDiagnostic(
              source,
              say.sectionTakesNoArguments({ name: call.name.original }),
              rangeOf(source.text, call.loc),
              say.callSection({ name: call.name.original }),
            ),
          );
        }
      } else if (node.type === 'DecoratorBlock') {
        const block = node as hbs.AST.BlockStatement;
        const first = block.params[0];
        if (block.path.original === 'inline' && first?.type === 'StringLiteral') {
          inlinePartials.add((first as hbs.AST.StringLiteral).value);
        }
      }
    });
    rewrite(tree, helpers);
    trees.set(name, tree);
  }
  for (const call of partialCalls) {
    if (Object.hasOwn(sources, call.name) || inlinePartials.has(call.name)) continue;
    const source = sources[call.from]!;
    const near = closestName(call.name, Object.keys(sources));
    diagnostics.push(
      templateDiagnostic(
        source,
        say.noPartial({ name: call.name }),
        rangeOf(source.text, call.loc),
        near !== undefined ? say.didYouMeanPartial({ near }) : say.addPartial({ name: call.name }),
      ),
    );
  }
  diagnostics.push(...recursivePartials(partialCalls, sources, entry));
  if (diagnostics.length > 0) return { diagnostics };

  const options = {
    strict: true,
    // Escaping is done by the $text helper, for Markdown; Handlebars' own escaping is for HTML.
    noEscape: true,
    // `log` is one of Handlebars' built-in known helpers; it is unregistered, so say so here too.
    knownHelpers: { ...Object.fromEntries(helperNames.map((name) => [name, true])), log: false },
  };
  // Which template an error came from: partials run inside the guide, so an error passing out
  // of a partial is tagged by the innermost one on its way.
  const origin = new WeakMap<object, string>();
  const tag = <T>(name: string, run: () => T): T => {
    try {
      return run();
    } catch (error) {
      if (typeof error === 'object' && error !== null && !origin.has(error)) origin.set(error, name);
      throw error;
    }
  };
  // The sink of the render under way, if it leaves slots.
  let sink: SlotSink | undefined;
  const fragments = new Set(compileOptions.fragments ?? []);
  // Every partial, file or inline, is entered through here; a render that goes too deep stops.
  let depth = 0;
  const nested = <T>(name: string, run: () => T): T => {
    if (depth >= maxPartialDepth) throw new PartialDepthError(name);
    depth++;
    try {
      return run();
    } finally {
      depth--;
    }
  };
  const inline = (env.decorators as Record<string, InlineDecorator>)['inline']!;
  env.registerDecorator('inline', function (this: unknown, ...args: Parameters<InlineDecorator>) {
    const result = inline.apply(this, args);
    const [, props, , options] = args;
    const name = String(options.args[0]);
    const body = props.partials[name]!;
    props.partials[name] = Object.assign(
      (context: unknown, runtime?: RuntimeOptions) => nested(name, () => body(context, runtime)),
      body,
    );
    return result;
  });
  const partials = new Map<string, Handlebars.TemplateDelegate>();
  for (const [name, tree] of trees) {
    if (name === entry) continue;
    const partial = env.compile(tree, options);
    partials.set(name, partial);
    env.registerPartial(name, (context: unknown, runtime?: RuntimeOptions) =>
      sink !== undefined && fragments.has(name)
        ? slotLine(sink(name, context))
        : nested(name, () => tag(name, () => partial(context, runtime))),
    );
  }
  const guide = env.compile(trees.get(entry)!, options);
  const run = (name: string, view: object, slots: SlotSink | undefined, render: () => string): RenderResult => {
    const outer = sink;
    sink = slots;
    try {
      return { markdown: tag(name, render), diagnostics: [] };
    } catch (error) {
      const from = origin.get(error as object) ?? name;
      const where: ErrorPlace = {
        source: sources[from]!,
        paths: paths.get(from) ?? [],
        calls: partialCalls.filter((call) => call.from === from),
      };
      return { markdown: '', diagnostics: [runtimeDiagnostic(where, error, env, [...helperNames, ...keysOf(view)])] };
    } finally {
      sink = outer;
    }
  };

  return {
    diagnostics,
    guide: {
      partialCalls: new Set(partialCalls.map((call) => call.name)),
      render(selection, changes = null) {
        const view = buildView(selection, changes);
        return run(entry, view, undefined, () => guide(view));
      },
      renderView(view, slots) {
        return run(entry, view, slots, () => guide(view));
      },
      renderPartial(name, context, root, slots) {
        const partial = partials.get(name);
        if (partial === undefined) throw new InternalError(`renderPartial: there is no partial "${name}"`);
        // Handlebars keeps `@root` when the data frame already has one.
        // Names for "did you mean" come from the partial's own data as well as the document's.
        return run(name, [context, root], slots, () => partial(context, { data: { root } }));
      },
    },
  };
}

/** Document properties for an edition: PDF Info and DOCX core properties, and the running header. */
export function editionDocMeta(edition: Edition): DocMeta {
  return {
    title: edition.title,
    ...(edition.subtitle !== undefined ? { subtitle: edition.subtitle } : {}),
    author: edition.publisher,
    subject: edition.subtitle ?? edition.title,
    keywords: edition.categories.map((category) => category.title),
    language: edition.locale,
    header: edition.title,
  };
}

// A partial that includes itself, directly or through others, would recurse until the stack ran
// out. Each call that closes a loop, walking from the guide, is reported.
function recursivePartials(calls: PartialCall[], sources: TemplateSources, entry: string): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const done = new Set<string>();
  const path: string[] = [];
  const walk = (name: string) => {
    path.push(name);
    for (const call of calls) {
      if (call.from !== name || !Object.hasOwn(sources, call.name)) continue;
      const at = path.indexOf(call.name);
      if (at >= 0) {
        const source = sources[call.from]!;
        const loop = [...path.slice(at), call.name].join(' → ');
        diagnostics.push(
          templateDiagnostic(source, say.includesItself({ name: call.name, loop }), rangeOf(source.text, call.loc)),
        );
      } else if (!done.has(call.name)) walk(call.name);
    }
    path.pop();
    done.add(name);
  };
  if (Object.hasOwn(sources, entry)) walk(entry);
  return diagnostics;
}

/** The template an error came out of, with what is needed to point into it. */
interface ErrorPlace {
  source: TemplateSource;
  paths: PathUse[];
  calls: PartialCall[];
}

/** Handlebars' strict lookup uses `in`, which throws a TypeError on a text or a number. */
const lookupInValue = /^Cannot use 'in' operator to search for '(.*)' in (.*)$/s;

function runtimeDiagnostic(where: ErrorPlace, error: unknown, env: typeof Handlebars, names: string[]): Diagnostic {
  const { source } = where;
  if (error instanceof HelperError) {
    return templateDiagnostic(
      source,
      error.message,
      error.loc ? rangeOf(source.text, error.loc) : undefined,
      error.hint,
    );
  }
  if (error instanceof PartialDepthError) {
    const call = where.calls.find((c) => c.name === error.partial);
    return templateDiagnostic(
      source,
      error.message,
      call ? rangeOf(source.text, call.loc) : undefined,
      say.noSelfInclusion({ depth: maxPartialDepth }),
    );
  }
  const lookup = fieldOfValue(error);
  if (lookup !== undefined) {
    const use =
      where.paths.find((p) => p.parts.indexOf(lookup.field) > 0) ??
      where.paths.find((p) => p.parts[0] === lookup.field);
    const value = lookup.value.length > 40 ? `${lookup.value.slice(0, 40)}…` : lookup.value;
    const expression = use?.original ?? lookup.field;
    return templateDiagnostic(
      source,
      say.fieldOfText({ expression, field: lookup.field, value }),
      use ? rangeOf(source.text, use.loc) : undefined,
      say.printAsIs(),
    );
  }
  const missing = fieldOfNothing(error);
  if (missing !== undefined) {
    const use = where.paths.find((p) => p.parts.indexOf(missing) > 0);
    const expression = use?.original ?? missing;
    return templateDiagnostic(
      source,
      say.fieldOfNothing({ expression, field: missing }),
      use ? rangeOf(source.text, use.loc) : undefined,
      say.checkNamesBefore(),
    );
  }
  // Anything else is a bug in this program, not a template mistake: let it reach the crash report.
  if (!(error instanceof env.Exception)) throw error;
  const message = (error as unknown as Error).message.replace(/ - \d+:\d+$/, '');
  const loc = handlebarsLocation(error);
  const range = loc ? rangeOf(source.text, loc) : undefined;
  if (/^"[^"]*" not defined in /.test(message) && range !== undefined) {
    const expression = source.text.slice(range[0], range[1]);
    const known = new Set(names);
    const wrong = expression
      .split(/[./]/)
      .find((part) => part !== '' && part !== '..' && part !== 'this' && !known.has(part.replace(/^@/, '')));
    const near = wrong !== undefined ? closestName(wrong.replace(/^@/, ''), known) : undefined;
    return templateDiagnostic(
      source,
      say.notDefined({ expression }),
      range,
      near !== undefined ? say.didYouMeanName({ near }) : say.checkSpelling(),
    );
  }
  return templateDiagnostic(source, message, range);
}

// The field and value of a strict lookup into a text or number, when `error` is one.
function fieldOfValue(error: unknown): { field: string; value: string } | undefined {
  if (!(error instanceof TypeError)) return undefined;
  const match = lookupInValue.exec(error.message);
  // Only Handlebars' own lookup, not the same mistake in guide's code (a bug, reported as one).
  const thrownBy = error.stack?.split('\n')[1] ?? '';
  if (!match || !/\bat (?:Object\.)?strict \(/.test(thrownBy)) return undefined;
  return { field: match[1]!, value: match[2]! };
}

/**
 * Handlebars' lookup in a helper's argument (`{{#if a.b.c}}`) is not strict: a name that is not
 * defined gives undefined, and the next name is read from it with a TypeError.
 */
const lookupInNothing = /^Cannot read properties of (?:undefined|null) \(reading '(.*)'\)$/s;

function fieldOfNothing(error: unknown): string | undefined {
  if (!(error instanceof TypeError)) return undefined;
  const match = lookupInNothing.exec(error.message);
  // Only Handlebars' own lookup, not the same mistake in guide's code (a bug, reported as one).
  const thrownBy = error.stack?.split('\n')[1] ?? '';
  if (!match || !/\bat (?:Object\.)?lookupProperty \(/.test(thrownBy)) return undefined;
  return match[1]!;
}

type InlineDecorator = (
  fn: unknown,
  props: { partials: Record<string, (context: unknown, runtime?: RuntimeOptions) => string> },
  container: unknown,
  options: { args: unknown[] },
) => unknown;

/**
 * Handlebars features the templates cannot use, refused before rendering with their place:
 * decorators other than `{{#*inline "name"}}`, partials chosen while rendering (`{{> (expr)}}`,
 * which the include checks cannot follow), Handlebars' internal hooks called as helpers, block
 * helpers without their block, and `{{#if}}`-style blocks given other than one value.
 */
function unsupportedConstructs(source: TemplateSource, tree: Ast): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const refuse = (loc: TemplateLocation, message: string, hint: string) =>
    diagnostics.push(templateDiagnostic(source, message, rangeOf(source.text, loc), hint));
  const called = (call: { path: Expression; loc: TemplateLocation }, block: boolean) => {
    if (call.path.type !== 'PathExpression') return;
    const name = (call.path as hbs.AST.PathExpression).original;
    if (name === 'helperMissing' || name === 'blockHelperMissing') {
      refuse(call.loc, say.ownHook({ name }), say.useListedHelpers());
    } else if (!block && blockHelpers.has(name)) {
      refuse(call.loc, say.needsBlock({ name }), say.writeBlock({ name }));
    }
  };
  const expressions = (params: Expression[], hash?: hbs.AST.Hash) => {
    for (const param of [...params, ...(hash?.pairs.map((pair) => pair.value) ?? [])]) {
      if (param.type !== 'SubExpression') continue;
      const sub = param as hbs.AST.SubExpression;
      called(sub, false);
      expressions(sub.params, sub.hash);
    }
  };
  visit(tree, (node) => {
    switch (node.type) {
      case 'MustacheStatement': {
        const mustache = node as hbs.AST.MustacheStatement;
        called(mustache, false);
        expressions(mustache.params, mustache.hash);
        break;
      }
      case 'BlockStatement': {
        const block = node as hbs.AST.BlockStatement;
        called(block, true);
        expressions(block.params, block.hash);
        const name = block.path.type === 'PathExpression' ? (block.path as hbs.AST.PathExpression).original : '';
        if (['if', 'unless', 'with', 'each'].includes(name) && block.params.length !== 1) {
          refuse(
            block.loc,
            say.oneValue({ name, count: block.params.length }),
            name === 'each' ? say.writeEach() : say.writeOneValue({ name }),
          );
        }
        break;
      }
      case 'Decorator':
      case 'DecoratorBlock': {
        const decorator = node as hbs.AST.Decorator;
        const name =
          decorator.path.type === 'PathExpression' ? (decorator.path as hbs.AST.PathExpression).original : '';
        if (node.type === 'DecoratorBlock' && name === 'inline' && decorator.params[0]?.type === 'StringLiteral') break;
        refuse(
          decorator.loc,
          name === 'inline'
            ? say.inlineNeedsName()
            : say.decorator({ sigil: node.type === 'DecoratorBlock' ? '#*' : '*', name }),
          say.onlyInline(),
        );
        break;
      }
      case 'PartialStatement':
      case 'PartialBlockStatement': {
        const call = node as hbs.AST.PartialStatement;
        if (call.name.type === 'SubExpression') {
          refuse(call.loc, say.dynamicPartial(), say.nameTheTemplate());
        }
        expressions(call.params, call.hash);
        break;
      }
    }
  });
  return diagnostics;
}

// Every path in a template (`title`, `category.intro`), arguments and sub-expressions included.
function pathUses(tree: Ast): PathUse[] {
  const uses: PathUse[] = [];
  const see = (expression: Expression | undefined) => {
    if (expression === undefined) return;
    if (expression.type === 'PathExpression') {
      const path = expression as hbs.AST.PathExpression;
      uses.push({ parts: path.parts, original: path.original, loc: path.loc });
    } else if (expression.type === 'SubExpression') {
      const sub = expression as hbs.AST.SubExpression;
      [sub.path, ...sub.params, ...(sub.hash?.pairs.map((pair) => pair.value) ?? [])].forEach(see);
    }
  };
  visit(tree, (node) => {
    const call = node as Partial<hbs.AST.MustacheStatement>;
    if (node.type === 'MustacheStatement' || node.type === 'BlockStatement') see(call.path);
    [...(call.params ?? []), ...(call.hash?.pairs.map((pair) => pair.value) ?? [])].forEach(see);
  });
  return uses;
}

// Every key anywhere in the view, for "did you mean" hints.
function keysOf(value: unknown, keys = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const item of value) keysOf(item, keys);
  else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      keys.add(key);
      keysOf(item, keys);
    }
  }
  return keys;
}

/** Calls `see` on every statement of a template, blocks' bodies included. */
function visit(program: Ast | undefined, see: (node: Node) => void): void {
  for (const node of program?.body ?? []) {
    see(node);
    const block = node as Partial<hbs.AST.BlockStatement>;
    visit(block.program, see);
    visit(block.inverse, see);
  }
}

/**
 * Rewrites a template for Markdown escaping and strict arguments: `{{x}}` → `{{$text x}}`,
 * `{{{x}}}` → `{{$markdown x}}` (a helper call `{{h a}}` becomes `{{$text (h a)}}`), and every
 * name used as an argument is looked up strictly.
 */
function rewrite(program: Ast, helpers: ReadonlySet<string>): void {
  visit(program, (node) => {
    switch (node.type) {
      case 'MustacheStatement': {
        const mustache = node as hbs.AST.MustacheStatement;
        const path = mustache.path;
        const callsHelper =
          mustache.params.length > 0 ||
          mustache.hash !== undefined ||
          (path.type === 'PathExpression' && helpers.has((path as hbs.AST.PathExpression).original));
        const value: Expression = callsHelper
          ? ({
              type: 'SubExpression',
              path,
              params: mustache.params,
              hash: mustache.hash,
              loc: mustache.loc,
            } as hbs.AST.SubExpression)
          : path;
        strictArguments([value]);
        const wrapper = mustache.escaped ? textHelper : markdownHelper;
        mustache.path = {
          type: 'PathExpression',
          data: false,
          depth: 0,
          parts: [wrapper],
          original: wrapper,
          loc: mustache.loc,
        } as hbs.AST.PathExpression;
        mustache.params = [value];
        (mustache as { hash?: hbs.AST.Hash }).hash = undefined;
        mustache.escaped = false;
        break;
      }
      case 'BlockStatement':
      case 'PartialStatement':
      case 'PartialBlockStatement': {
        const call = node as hbs.AST.BlockStatement;
        strictArguments(call.params, call.hash);
        break;
      }
    }
  });
}

// The Handlebars compiler reads `strict` from each path node; it sets it itself only on the
// head of a mustache, so arguments are marked here.
function strictArguments(params: Expression[], hash?: hbs.AST.Hash): void {
  for (const param of [...params, ...(hash?.pairs.map((pair) => pair.value) ?? [])]) {
    if (param.type === 'PathExpression') (param as { strict?: boolean }).strict = true;
    else if (param.type === 'SubExpression') {
      const call = param as hbs.AST.SubExpression;
      strictArguments(call.params, call.hash);
    }
  }
}
