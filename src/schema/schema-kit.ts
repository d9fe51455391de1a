/**
 * A small schema language, written for one job: check a YAML node tree (not the plain JS value,
 * so every diagnostic points at the exact node) and export the same schema as JSON Schema for
 * editors. Each schema both parses and describes itself, so the two can never drift apart.
 */

import { daysInMonth, isCalendarDate, isIsoDate, isoDatePattern } from './iso-date.js';
import { isAlias, isMap, isScalar, isSeq, stringify, type Document, type Node, type Pair, type YAMLMap } from 'yaml';
import { diagnostic, type Diagnostic, type Range } from '../diagnostics/diagnostic.js';
import type { DiagnosticCode } from '../diagnostics/codes.js';
import { closestMatch } from './did-you-mean.js';
import { schemaMessages as say } from '../messages/schema.js';

export interface ParseContext {
  file: string;
  doc: Document;
  diagnostics: Diagnostic[];
  /** Codes declared in guide.yaml, for checks that need them while a measure is parsed. */
  declared?: { categories: readonly string[]; industries: readonly string[]; needs: readonly string[] };
}

/** Returned by a parse that reported a diagnostic; the parent drops the value. */
export const INVALID: unique symbol = Symbol('invalid');
export type Parsed<T> = T | typeof INVALID;

export type JsonSchema = Record<string, unknown>;

/**
 * A message schemas keep for later: a catalogue message itself (not its text), so it is said in
 * the language of the run that reports it, not of the moment the schema was made.
 */
export type LaterText = string | (() => string);

function said(text: LaterText): string {
  return typeof text === 'function' ? text() : text;
}

export interface Schema<T> {
  parse(node: Node | null, ctx: ParseContext, where: Where): Parsed<T>;
  json(): JsonSchema;
}

/** Where a value sits: its dotted path (for messages) and a range to point at when it is absent. */
export interface Where {
  path: string;
  range: Range;
}

export function rangeOf(node: Node | null | undefined, fallback: Range): Range {
  const r = node?.range;
  return r ? [r[0], r[1]] : fallback;
}

function report(ctx: ParseContext, code: DiagnosticCode, message: string, range: Range, hint?: string): typeof INVALID {
  ctx.diagnostics.push(diagnostic(code, message, { file: ctx.file, range, ...(hint ? { hint } : {}) }));
  return INVALID;
}

/**
 * Adds a check that needs the parsed value (and maybe guide.yaml): it runs inside the parse, so a
 * file with other mistakes still gets it reported in the same run.
 */
export function refine<T>(
  schema: Schema<T>,
  check: (value: T, ctx: ParseContext) => { code: DiagnosticCode; message: string; hint?: string } | undefined,
): Schema<T> {
  return {
    parse(raw, ctx, where) {
      const value = schema.parse(raw, ctx, where);
      if (value === INVALID) return value;
      const problem = check(value, ctx);
      if (!problem) return value;
      return report(
        ctx,
        problem.code,
        say.atPath({ path: where.path, problem: problem.message }),
        rangeOf(resolve(raw, ctx), where.range),
        problem.hint,
      );
    },
    json: () => schema.json(),
  };
}

/** Follows `*alias` to its anchored node (alias bombs are refused before parsing starts). */
function resolve(node: Node | null, ctx: ParseContext): Node | null {
  if (node && isAlias(node)) return (node.resolve(ctx.doc) as Node | undefined) ?? null;
  return node;
}

/** How a YAML value reads to a person, for "expected text, got a list". */
function kindOf(node: Node | null): string {
  if (node === null || (isScalar(node) && node.value === null)) return say.kindEmpty();
  if (isMap(node)) return say.kindGroup();
  if (isSeq(node)) return say.kindList();
  if (isScalar(node)) {
    if (typeof node.value === 'number') return say.kindNumber({ value: String(node.value) });
    if (typeof node.value === 'boolean') return say.kindBoolean({ value: String(node.value) });
    return say.kindText();
  }
  return say.kindOther();
}

function typeError(
  ctx: ParseContext,
  node: Node | null,
  where: Where,
  expected: string,
  hint?: string,
): typeof INVALID {
  return report(
    ctx,
    'E-TYPE',
    say.wrongType({ path: where.path, expected, got: kindOf(node) }),
    rangeOf(node, where.range),
    hint,
  );
}

export interface TextOptions {
  /** Reject empty text with this code (default E-EMPTY). */
  emptyCode?: DiagnosticCode;
  emptyHint?: LaterText;
  pattern?: RegExp;
  /** What the value must be, said after it: "must be kebab-case…". */
  patternHint?: LaterText;
  /** The most characters the text may have (an id becomes a file name, which the system limits). */
  maxLength?: number;
  /** A corrected value to suggest when the pattern fails. */
  suggest?: (value: string) => string;
  description?: string;
}

/**
 * Text. Numbers are not silently turned into text: `phone: 0531...` would lose its leading zero
 * as a YAML number, so the hint says to quote it.
 */
export function text(options: TextOptions = {}): Schema<string> {
  return {
    parse(raw, ctx, where) {
      const node = resolve(raw, ctx);
      if (node === null || (isScalar(node) && node.value === null) || (isScalar(node) && node.value === '')) {
        return report(
          ctx,
          options.emptyCode ?? 'E-EMPTY',
          say.empty({ path: where.path }),
          rangeOf(node, where.range),
          options.emptyHint ? said(options.emptyHint) : say.emptyHint(),
        );
      }
      if (!isScalar(node) || typeof node.value !== 'string') {
        const quoteHint =
          isScalar(node) && (typeof node.value === 'number' || typeof node.value === 'boolean')
            ? say.quoteHint({ value: String(node.source ?? node.value) })
            : undefined;
        const shapeHint = isSeq(node)
          ? say.textNotListHint()
          : isMap(node)
            ? say.textNotGroupHint()
            : undefined;
        return typeError(ctx, node, where, say.kindText(), quoteHint ?? shapeHint);
      }
      const value = node.value.trim();
      if (value === '') {
        return report(
          ctx,
          options.emptyCode ?? 'E-EMPTY',
          say.empty({ path: where.path }),
          rangeOf(node, where.range),
          options.emptyHint && said(options.emptyHint),
        );
      }
      if (options.pattern && !options.pattern.test(value)) {
        const suggestion = options.suggest?.(value);
        return report(
          ctx,
          'E-PATTERN',
          say.pattern({
            path: where.path,
            value,
            problem: options.patternHint
              ? said(options.patternHint)
              : say.patternDefault({ pattern: options.pattern.source }),
          }),
          rangeOf(node, where.range),
          suggestion ? say.writeInstead({ value: suggestion }) : undefined,
        );
      }
      if (options.maxLength !== undefined && [...value].length > options.maxLength) {
        return report(
          ctx,
          'E-PATTERN',
          say.tooLong({ path: where.path, length: [...value].length, max: options.maxLength }),
          rangeOf(node, where.range),
          say.shorten(),
        );
      }
      return value;
    },
    json: () => ({
      type: 'string',
      minLength: 1,
      ...(options.maxLength !== undefined ? { maxLength: options.maxLength } : {}),
      ...(options.pattern ? { pattern: options.pattern.source } : {}),
      ...(options.description ? { description: options.description } : {}),
    }),
  };
}

/** A calendar date written YYYY-MM-DD; kept as that string. */
export function date(): Schema<string> {
  return {
    parse(raw, ctx, where) {
      const node = resolve(raw, ctx);
      const value = isScalar(node) ? node.value : undefined;
      if (typeof value !== 'string') return typeError(ctx, node, where, say.expectDate(), say.dateHint());
      if (!isIsoDate(value)) {
        // 2020/3/1, 2020.3.1, 2020年3月1日: say how the same date is written.
        const loose = /^(\d{4})\D(\d{1,2})\D(\d{1,2})\D?$/.exec(value);
        const pad = (n: string) => n.padStart(2, '0');
        const m = isoDatePattern.exec(value);
        const rewritten =
          loose && isCalendarDate(Number(loose[1]), Number(loose[2]), Number(loose[3]))
            ? `${loose[1]}-${pad(loose[2]!)}-${pad(loose[3]!)}`
            : undefined;
        return report(
          ctx,
          'E-DATE-INVALID',
          say.dateInvalid({ path: where.path, value }),
          rangeOf(node, where.range),
          rewritten
            ? say.dateRewrite({ date: rewritten })
            : m && Number(m[2]) >= 1 && Number(m[2]) <= 12
              ? say.dayPastMonthEnd({ month: `${m[1]}-${m[2]}`, days: daysInMonth(Number(m[1]), Number(m[2])) })
              : say.dateHint(),
        );
      }
      return value;
    },
    json: () => ({ type: 'string', format: 'date', pattern: isoDatePattern.source }),
  };
}

/** An absolute http or https URL; other schemes (javascript:, file:, ftp:) are refused. */
export function url(): Schema<string> {
  const inner = text();
  return {
    parse(raw, ctx, where) {
      const value = inner.parse(raw, ctx, where);
      if (value === INVALID) return value;
      const range = rangeOf(resolve(raw, ctx), where.range);
      let parsed: URL;
      try {
        parsed = new URL(value);
      } catch {
        return report(
          ctx,
          'E-URL-INVALID',
          say.urlIncomplete({ path: where.path, value }),
          range,
          say.urlIncompleteHint(),
        );
      }
      if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
        return report(
          ctx,
          'E-URL-INVALID',
          say.urlScheme({ path: where.path, scheme: parsed.protocol }),
          range,
          say.urlSchemeHint(),
        );
      }
      return value;
    },
    json: () => ({ type: 'string', format: 'uri', pattern: '^https?://' }),
  };
}

export function integer(options: { min?: number; max?: number } = {}): Schema<number> {
  return {
    parse(raw, ctx, where) {
      const node = resolve(raw, ctx);
      const value = isScalar(node) ? node.value : undefined;
      if (typeof value !== 'number' || !Number.isInteger(value)) {
        return typeError(ctx, node, where, say.expectInteger());
      }
      const { min, max } = options;
      if ((min !== undefined && value < min) || (max !== undefined && value > max)) {
        const path = where.path;
        const message =
          min !== undefined && max !== undefined
            ? say.between({ path, value, min, max })
            : min !== undefined
              ? say.atLeast({ path, value, min })
              : say.atMost({ path, value, max: max! });
        return report(ctx, 'E-NUMBER-RANGE', message, rangeOf(node, where.range));
      }
      return value;
    },
    json: () => ({
      type: 'integer',
      ...(options.min !== undefined ? { minimum: options.min } : {}),
      ...(options.max !== undefined ? { maximum: options.max } : {}),
    }),
  };
}

export function number(options: { min?: number } = {}): Schema<number> {
  return {
    parse(raw, ctx, where) {
      const node = resolve(raw, ctx);
      const value = isScalar(node) ? node.value : undefined;
      if (typeof value !== 'number' || !Number.isFinite(value)) return typeError(ctx, node, where, say.expectNumber());
      if (options.min !== undefined && value < options.min) {
        return report(
          ctx,
          'E-NUMBER-RANGE',
          say.atLeast({ path: where.path, value, min: options.min }),
          rangeOf(node, where.range),
        );
      }
      return value;
    },
    json: () => ({ type: 'number', ...(options.min !== undefined ? { minimum: options.min } : {}) }),
  };
}

export function boolean(): Schema<boolean> {
  return {
    parse(raw, ctx, where) {
      const node = resolve(raw, ctx);
      const value = isScalar(node) ? node.value : undefined;
      if (typeof value !== 'boolean') return typeError(ctx, node, where, say.expectBoolean());
      return value;
    },
    json: () => ({ type: 'boolean' }),
  };
}

export function oneOf<const V extends string>(values: readonly V[], labels?: Record<V, string>): Schema<V> {
  return {
    parse(raw, ctx, where) {
      const node = resolve(raw, ctx);
      const value = isScalar(node) ? node.value : undefined;
      if (typeof value === 'string' && (values as readonly string[]).includes(value)) return value as V;
      const suggestion = typeof value === 'string' ? closestMatch(value, values) : undefined;
      const listed = values
        .map((v) => (labels ? say.labelled({ value: v, label: labels[v] }) : v))
        .join(say.listSeparator());
      const path = where.path;
      const guess = suggestion ? say.didYouMean({ name: suggestion }) : '';
      return report(
        ctx,
        'E-ENUM',
        typeof value === 'string'
          ? say.notAllowedValue({ path, value, suggestion: guess })
          : say.notAllowedKind({ path, kind: kindOf(node), suggestion: guess }),
        rangeOf(node, where.range),
        say.useOneOf({ list: listed }),
      );
    },
    json: () => ({ enum: [...values] }),
  };
}

export interface ListOptions {
  /** At least one item: an empty or absent list is reported. */
  nonEmpty?: boolean;
  description?: string;
}

export function list<T>(item: Schema<T>, options: ListOptions = {}): Schema<T[]> {
  return {
    parse(raw, ctx, where) {
      const node = resolve(raw, ctx);
      if (!isSeq(node)) {
        return typeError(ctx, node, where, say.kindList(), say.listHint());
      }
      if (options.nonEmpty && node.items.length === 0) {
        return report(
          ctx,
          'E-EMPTY',
          say.listEmpty({ path: where.path }),
          rangeOf(node, where.range),
          say.listEmptyHint(),
        );
      }
      const out: T[] = [];
      let ok = true;
      node.items.forEach((child, i) => {
        const value = item.parse(child as Node | null, ctx, {
          path: `${where.path}[${i + 1}]`,
          range: rangeOf(child as Node, where.range),
        });
        if (value === INVALID) ok = false;
        else out.push(value);
      });
      return ok ? out : INVALID;
    },
    json: () => ({
      type: 'array',
      items: item.json(),
      ...(options.nonEmpty ? { minItems: 1 } : {}),
      ...(options.description ? { description: options.description } : {}),
    }),
  };
}

/** One field of an object: its schema, whether it must be there, and the hint staff see. */
export interface Field<V> {
  schema: Schema<NonNullable<V>>;
  required: boolean;
  /** Used when the field is absent. */
  default?: NonNullable<V>;
  /** What the field is, in Chinese (shown in editors and in `guide new`). */
  hint: string;
  /** A value `guide new` writes into the skeleton. */
  example?: unknown;
}

export function required<V>(schema: Schema<V>, hint: string, example?: unknown): Field<V> {
  return { schema: schema as Schema<NonNullable<V>>, required: true, hint, example };
}

export function optional<V>(schema: Schema<V>, hint: string, example?: unknown): Field<V | undefined> {
  return { schema: schema as Schema<NonNullable<V>>, required: false, hint, example };
}

/** An optional field that takes `value` when absent, so later code never checks for it. */
export function defaulted<V>(schema: Schema<V>, hint: string, value: NonNullable<V>): Field<V> {
  return { schema: schema as Schema<NonNullable<V>>, required: false, hint, default: value };
}

export type Fields<T> = { [K in keyof T]-?: Field<T[K]> };

export interface ObjectSchema<T> extends Schema<T> {
  fields: Fields<T>;
}

/** A mapping with known fields; an unknown field is an error with a "did you mean" hint. */
export function object<T>(fields: Fields<T>, description?: string): ObjectSchema<T> {
  const names = Object.keys(fields);
  return {
    fields,
    parse(raw, ctx, where) {
      const node = resolve(raw, ctx);
      if (!isMap(node)) return typeError(ctx, node, where, say.expectGroup());
      const out: Record<string, unknown> = {};
      let ok = true;
      const seen = new Map<string, Pair>();
      // A misspelt field is reported once, as unknown with its suggestion, not again as missing.
      const suggested = new Set<string>();
      for (const pair of (node as YAMLMap).items) {
        const keyNode = pair.key as Node | null;
        const key = isScalar(keyNode) ? String(keyNode.value) : '';
        const keyRange = rangeOf(keyNode, rangeOf(node, where.range));
        if (!(key in fields)) {
          const suggestion = closestMatch(key, names);
          if (suggestion) suggested.add(suggestion);
          const guess = suggestion ? say.didYouMean({ name: suggestion }) : '';
          report(
            ctx,
            'E-FIELD-UNKNOWN',
            where.path
              ? say.fieldUnknownIn({ key, suggestion: guess, path: where.path })
              : say.fieldUnknown({ key, suggestion: guess }),
            keyRange,
            suggestion
              ? say.renameTo({ name: suggestion })
              : say.fieldsAllowed({ list: names.join(say.listSeparator()) }),
          );
          ok = false;
          continue;
        }
        seen.set(key, pair);
      }
      const mapRange: Range = rangeOf(node, where.range);
      for (const name of names) {
        const spec = (fields as Record<string, Field<unknown>>)[name]!;
        const pair = seen.get(name);
        const path = where.path ? `${where.path}.${name}` : name;
        if (!pair) {
          if (spec.required && !suggested.has(name)) {
            const example =
              spec.example === undefined
                ? undefined
                : stringify({ [name]: spec.example }, { lineWidth: 0 })
                    .trimEnd()
                    .replace(/^/gm, '    ');
            report(
              ctx,
              'E-FIELD-REQUIRED',
              say.fieldRequired({ path, hint: spec.hint }),
              [mapRange[0], mapRange[0]],
              example === undefined ? say.addIt() : say.addItLike({ example }),
            );
            ok = false;
          } else if (spec.default !== undefined) {
            out[name] = structuredClone(spec.default);
          }
          continue;
        }
        const keyRange = rangeOf(pair.key as Node, mapRange);
        const value = spec.schema.parse(pair.value as Node | null, ctx, { path, range: keyRange });
        if (value === INVALID) ok = false;
        else out[name] = value;
      }
      return ok ? (out as T) : INVALID;
    },
    json: () => {
      const properties: Record<string, JsonSchema> = {};
      for (const name of names) {
        const spec = (fields as Record<string, Field<unknown>>)[name]!;
        properties[name] = { ...spec.schema.json(), description: spec.hint };
      }
      const requiredNames = names.filter((n) => (fields as Record<string, Field<unknown>>)[n]!.required);
      return {
        type: 'object',
        ...(description ? { description } : {}),
        properties,
        ...(requiredNames.length ? { required: requiredNames } : {}),
        additionalProperties: false,
      };
    },
  };
}

/** A mapping of codes (keys checked against `keyPattern`) to values, e.g. vocabularies. */
export function record<V>(value: Schema<V>, keyPattern: RegExp, keyHint: LaterText): Schema<Record<string, V>> {
  return {
    parse(raw, ctx, where) {
      const node = resolve(raw, ctx);
      if (!isMap(node)) return typeError(ctx, node, where, say.expectCodes());
      const out: Record<string, V> = {};
      let ok = true;
      for (const pair of node.items) {
        const keyNode = pair.key as Node | null;
        const key = isScalar(keyNode) ? String(keyNode.value) : '';
        if (!keyPattern.test(key)) {
          const problem = said(keyHint);
          report(ctx, 'E-PATTERN', say.codeKey({ path: where.path, key, problem }), rangeOf(keyNode, where.range));
          ok = false;
          continue;
        }
        const parsed = value.parse(pair.value as Node | null, ctx, {
          path: `${where.path}.${key}`,
          range: rangeOf(keyNode, where.range),
        });
        if (parsed === INVALID) ok = false;
        else out[key] = parsed;
      }
      return ok ? out : INVALID;
    },
    json: () => ({ type: 'object', propertyNames: { pattern: keyPattern.source }, additionalProperties: value.json() }),
  };
}

/**
 * Either plain text or a group of fields (e.g. a material: "營業執照" or {name, copies, note}).
 * The text form is turned into the object form so later code sees one shape.
 */
export function textOr<T>(shape: ObjectSchema<T>, fromText: (value: string) => T): Schema<T> {
  const plain = text();
  return {
    parse(raw, ctx, where) {
      const node = resolve(raw, ctx);
      if (isMap(node)) return shape.parse(node, ctx, where);
      const value = plain.parse(node, ctx, where);
      return value === INVALID ? value : fromText(value);
    },
    json: () => ({ anyOf: [plain.json(), shape.json()] }),
  };
}
