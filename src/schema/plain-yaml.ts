/**
 * The shape nearly every file staff write has (guide.yaml, measure files, the theme, a firm
 * list): block mappings and sequences, one-line scalars, one-line flow collections, literal
 * blocks and comments. It is read here in one pass into the nodes yaml's parser makes, with the
 * same values, types, sources and ranges. yaml's parser ran cold for about a tenth of a cold
 * build; this reader takes a fifth of its time.
 *
 * A file with anything else, or anything yaml would warn about or refuse, gives undefined, and
 * yaml's parser reads it. A file this reader takes is one yaml reads alike:
 * test/schema/plain-yaml.test.ts compares the two on every YAML file of the project and on
 * thousands of variations of them. Comments are not kept, as nothing reads them.
 */

import { Document, Pair, Scalar, YAMLMap, YAMLSeq, isScalar } from 'yaml';
import type { DocumentOptions, ParseOptions, ScalarTag, Schema } from 'yaml';

/** Thrown inside the reader where the text leaves its shape: yaml's parser reads the file. */
class NotPlain extends Error {}

const notPlain = (): never => {
  throw new NotPlain();
};

/** Characters yaml reads in ways this reader does not follow: tabs, CR, other controls, BOMs, Unicode line breaks. */
// eslint-disable-next-line no-control-regex -- the control characters are what is looked for
const unfollowed = /[\t\r\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff]/;

/** A mapping key this reader takes: a plain word or number, as the fields of guide's files are. */
const keyPattern = /[A-Za-z0-9_][A-Za-z0-9_-]*/y;

/** Characters that cannot start a plain scalar here (YAML's indicators, and `-?:` kept simple). */
const indicators = new Set('-?:,[]{}#&*!|>\'"%@`');

/** Text whose every backslash starts one of JSON's escapes, which are YAML's too. */
const jsonEscapes = /^(?:[^\\]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*$/;

type Range = [number, number, number];

/**
 * `text` as yaml's `parseDocument(text, options)` would read it, or undefined when the text has a
 * shape this reader leaves to yaml.
 */
export function readPlainYaml(text: string, options: DocumentOptions & ParseOptions): Document | undefined {
  if (unfollowed.test(text)) return undefined;
  const doc = new Document(undefined, options);
  try {
    doc.contents = new PlainReader(text, doc.schema, doc.options).document();
  } catch (error) {
    // A RangeError: nested deeper than the stack goes; yaml's parser reports it.
    if (error instanceof NotPlain || error instanceof RangeError) return undefined;
    throw error;
  }
  doc.range = [doc.contents.range![0], doc.contents.range![2], text.length];
  return doc;
}

/** One line of the text: where it starts and ends (its `\n`, or the end of the text), and its indentation. */
interface Line {
  start: number;
  end: number;
  indent: number;
  /** Only spaces, or nothing. */
  blank: boolean;
  /** A comment and nothing else. */
  comment: boolean;
}

class PlainReader {
  private readonly lines: Line[] = [];
  /** The next line to read. */
  private at = 0;
  /** Where the document's root collection starts. */
  private rootStart = -1;

  constructor(
    private readonly text: string,
    private readonly schema: Schema,
    /** The document's options, which a tag resolves values with (yaml's `intAsBigInt`). */
    private readonly options: Document['options'],
  ) {
    for (let start = 0; start < text.length; ) {
      const newline = text.indexOf('\n', start);
      const end = newline === -1 ? text.length : newline;
      let indent = start;
      while (indent < end && text.charCodeAt(indent) === 0x20) indent++;
      this.lines.push({
        start,
        end,
        indent: indent - start,
        blank: indent === end,
        comment: indent < end && text.charCodeAt(indent) === 0x23,
      });
      start = end + 1;
    }
  }

  document(): YAMLMap | YAMLSeq {
    const first = this.nextContent();
    if (first === undefined || first.indent !== 0) return notPlain();
    for (const line of this.lines) {
      // Document markers and directives.
      if (!line.blank && line.indent === 0 && /^(---|\.\.\.|%)/.test(this.text.slice(line.start, line.start + 3)))
        notPlain();
    }
    this.rootStart = first.start;
    const root = this.startsItem(first) ? this.sequence(0) : this.mapping(0, first.start);
    if (this.nextContent() !== undefined) notPlain();
    return root;
  }

  /** The next line that is neither blank nor a comment, without taking it; `at` moves past the others. */
  private nextContent(): Line | undefined {
    while (this.at < this.lines.length) {
      const line = this.lines[this.at]!;
      if (!line.blank && !line.comment) return line;
      this.at++;
    }
    return undefined;
  }

  /** The indentation of the next line that is not blank (comments count), or -1 at the end. */
  private nextIndent(): number {
    for (let i = this.at; i < this.lines.length; i++) if (!this.lines[i]!.blank) return this.lines[i]!.indent;
    return -1;
  }

  /** Whether the line is a sequence item: `- ` after its indentation. */
  private startsItem(line: Line): boolean {
    const at = line.start + line.indent;
    return this.text.charCodeAt(at) === 0x2d && this.text.charCodeAt(at + 1) === 0x20;
  }

  /** Where the line ends as a node's range does: past its `\n`. */
  private after(line: Line): number {
    return line.end === this.text.length ? line.end : line.end + 1;
  }

  /** A plain key at `at` followed by `:` and a space or the line's end: its end, else -1. */
  private keyEnd(at: number, lineEnd: number): number {
    keyPattern.lastIndex = at;
    if (!keyPattern.test(this.text)) return -1;
    const end = keyPattern.lastIndex;
    if (this.text.charCodeAt(end) !== 0x3a) return -1;
    return end + 1 === lineEnd || this.text.charCodeAt(end + 1) === 0x20 ? end : -1;
  }

  /**
   * A block mapping whose keys sit at column `indent`, its first key at `first` (on the current
   * line: mid-line for a mapping that starts a sequence item).
   */
  private mapping(indent: number, first: number): YAMLMap {
    const map = new YAMLMap(this.schema);
    const keys = new Set<unknown>();
    let keyAt = first;
    let end = first;
    for (;;) {
      const line = this.lines[this.at]!;
      const keyEnd = this.keyEnd(keyAt, line.end);
      // yaml refuses a block mapping's key of more than 1,024 characters: a long key is left to it.
      if (keyEnd === -1 || keyEnd - keyAt > 1000) notPlain();
      const key = this.plain(this.text.slice(keyAt, keyEnd), [keyAt, keyEnd, keyEnd]);
      this.addKey(keys, key);
      const valueAt = this.skipSpaces(keyEnd + 1, line.end);
      let value: Scalar | YAMLMap | YAMLSeq;
      if (valueAt === line.end || this.text.charCodeAt(valueAt) === 0x23) {
        this.at++;
        value = this.below(indent);
      } else value = this.inline(valueAt, line, indent);
      map.items.push(new Pair(key, value));
      end = value.range![2];
      const next = this.nextContent();
      if (next === undefined || next.indent < indent) {
        this.endsWithoutIndentedComment(end, indent, first);
        break;
      }
      if (next.indent > indent || this.startsItem(next)) notPlain();
      keyAt = next.start + indent;
    }
    map.range = [first, end, end];
    return map;
  }

  /**
   * Where a block collection whose entries sit at column `indent` ends at `end`: yaml takes a
   * comment after its last entry indented as far as its entries into its range (or its last
   * value's), so a file with one is left to yaml. At the end of the file, a comment in the first
   * column is the document's.
   */
  private endsWithoutIndentedComment(end: number, indent: number, first: number): void {
    const least = first === this.rootStart ? 1 : indent;
    for (let i = this.at - 1; i >= 0 && this.lines[i]!.start >= end; i--) {
      if (this.lines[i]!.comment && this.lines[i]!.indent >= least) notPlain();
    }
  }

  /** Notes a mapping's key; one met before (yaml's `uniqueKeys` compares values) is left to yaml to report. */
  private addKey(keys: Set<unknown>, key: Scalar): void {
    if (keys.has(key.value) || Number.isNaN(key.value)) notPlain();
    keys.add(key.value);
  }

  /** A block sequence whose `-` sit at column `indent`, from the current line. */
  private sequence(indent: number): YAMLSeq {
    const seq = new YAMLSeq(this.schema);
    const first = this.lines[this.at]!.start + indent;
    let end = first;
    for (;;) {
      const line = this.lines[this.at]!;
      const itemAt = this.skipSpaces(line.start + indent + 2, line.end);
      if (itemAt === line.end) notPlain();
      const item =
        this.keyEnd(itemAt, line.end) !== -1 ? this.mapping(itemAt - line.start, itemAt) : this.inline(itemAt, line, indent);
      seq.items.push(item);
      end = item.range![2];
      const next = this.nextContent();
      if (next === undefined || next.indent < indent || (next.indent === indent && !this.startsItem(next))) {
        this.endsWithoutIndentedComment(end, indent, first);
        break;
      }
      if (next.indent > indent) notPlain();
    }
    seq.range = [first, end, end];
    return seq;
  }

  /**
   * The value of a key written on the lines below it (the current line), under a mapping whose
   * keys sit at `indent`: a mapping or sequence indented further, or a sequence at the same
   * column.
   */
  private below(indent: number): YAMLMap | YAMLSeq {
    const next = this.nextContent();
    if (next === undefined || next.indent < indent) return notPlain();
    if (this.startsItem(next)) return this.sequence(next.indent);
    if (next.indent === indent) return notPlain();
    return this.mapping(next.indent, next.start + next.indent);
  }

  /**
   * A value that starts at `at` on `line`: a scalar or flow collection on that line, or a literal
   * block on the lines after it. `parentColumn`: the column of the mapping's keys or of the
   * sequence's `-` it belongs to; a line below indented further would continue a plain scalar.
   */
  private inline(at: number, line: Line, parentColumn: number): Scalar | YAMLMap | YAMLSeq {
    const c = this.text[at]!;
    if (c === '|') return this.literal(at, line, parentColumn);
    let node: Scalar | YAMLMap | YAMLSeq;
    if (c === '"' || c === "'" || c === '[' || c === '{') {
      const { node: read, end } = c === '"' || c === "'" ? this.quoted(at, line.end) : this.flow(at, line.end);
      this.restOfLine(end, line.end);
      node = read;
    } else {
      if (indicators.has(c)) notPlain();
      let end = at;
      while (end < line.end && !(this.text.charCodeAt(end) === 0x20 && this.text.charCodeAt(end + 1) === 0x23)) end++;
      end = this.trimSpaces(end);
      const source = this.text.slice(at, end);
      if (source.includes(': ') || source.endsWith(':')) notPlain();
      node = this.plain(source, [at, end, end]);
    }
    node.range![2] = this.after(line);
    this.at++;
    const below = this.nextIndent();
    if (below > parentColumn) notPlain();
    return node;
  }

  /** What follows a value on its line: spaces, then a comment or nothing. */
  private restOfLine(from: number, end: number): void {
    const at = this.skipSpaces(from, end);
    if (at < end && (this.text.charCodeAt(at) !== 0x23 || at === from)) notPlain();
  }

  /** A plain scalar resolved as yaml's core schema resolves it. */
  private plain(source: string, range: Range): Scalar {
    const tag = this.schema.tags.find((tag) => tag.default === true && (tag as ScalarTag).test?.test(source)) as
      | ScalarTag
      | undefined;
    // As yaml composes it: a tag may give a node of its own (a float keeps its trailing zeros).
    const value = tag ? tag.resolve(source, notPlain, this.options) : source;
    const scalar = isScalar(value) ? value : new Scalar(value);
    scalar.range = range;
    scalar.source = source;
    scalar.type = 'PLAIN';
    if (tag?.format) scalar.format = tag.format;
    return scalar;
  }

  /** A quoted scalar at `at`, on one line; `end` is past its closing quote. */
  private quoted(at: number, lineEnd: number): { node: Scalar; end: number } {
    const quote = this.text[at]!;
    let close = at + 1;
    let value: string;
    if (quote === '"') {
      for (; close < lineEnd && this.text[close] !== '"'; close++) if (this.text[close] === '\\') close++;
      if (close >= lineEnd) notPlain();
      const raw = this.text.slice(at + 1, close);
      // JSON's escapes are YAML's too; YAML's others (\x, \e, \N, \0…) are left to yaml.
      if (raw.includes('\\') && !jsonEscapes.test(raw)) notPlain();
      value = JSON.parse(`"${raw}"`) as string;
    } else {
      for (; close < lineEnd; close++) {
        if (this.text[close] !== "'") continue;
        if (this.text[close + 1] !== "'") break;
        close++;
      }
      if (close >= lineEnd) notPlain();
      value = this.text.slice(at + 1, close).replaceAll("''", "'");
    }
    const scalar = new Scalar(value);
    scalar.range = [at, close + 1, close + 1];
    scalar.source = value;
    scalar.type = quote === '"' ? 'QUOTE_DOUBLE' : 'QUOTE_SINGLE';
    return { node: scalar, end: close + 1 };
  }

  /** A flow sequence or mapping of scalars at `at`, on one line; `end` is past its closing bracket. */
  private flow(at: number, lineEnd: number): { node: YAMLSeq | YAMLMap; end: number } {
    const isMap = this.text[at] === '{';
    const close = isMap ? '}' : ']';
    const node = isMap ? new YAMLMap(this.schema) : new YAMLSeq(this.schema);
    node.flow = true;
    const keys = new Set<unknown>();
    let pos = this.skipSpaces(at + 1, lineEnd);
    if (this.text[pos] !== close) {
      for (;;) {
        if (isMap) {
          const keyEnd = this.keyEnd(pos, lineEnd);
          if (keyEnd === -1 || keyEnd + 1 === lineEnd) notPlain();
          const key = this.plain(this.text.slice(pos, keyEnd), [pos, keyEnd, keyEnd]);
          this.addKey(keys, key);
          const value = this.flowItem(this.skipSpaces(keyEnd + 1, lineEnd), lineEnd);
          (node as YAMLMap).items.push(new Pair(key, value));
          pos = value.range![2];
        } else {
          const item = this.flowItem(pos, lineEnd);
          (node as YAMLSeq).items.push(item);
          pos = item.range![2];
        }
        const c = this.text[pos];
        if (c === close) break;
        if (c !== ',') notPlain();
        pos = this.skipSpaces(pos + 1, lineEnd);
        if (this.text[pos] === close) notPlain();
      }
    }
    node.range = [at, pos + 1, pos + 1];
    return { node, end: pos + 1 };
  }

  /** Past the spaces at `from`, up to `end`. */
  private skipSpaces(from: number, end: number): number {
    let at = from;
    while (at < end && this.text.charCodeAt(at) === 0x20) at++;
    return at;
  }

  /** Before the spaces that end at `end`. */
  private trimSpaces(end: number): number {
    let at = end;
    while (this.text.charCodeAt(at - 1) === 0x20) at--;
    return at;
  }

  /** A scalar or collection inside a flow collection, its range's end past the spaces after it. */
  private flowItem(at: number, lineEnd: number): Scalar | YAMLMap | YAMLSeq {
    const c = this.text[at];
    let item: Scalar | YAMLMap | YAMLSeq;
    if (c === '"' || c === "'") item = this.quoted(at, lineEnd).node;
    else if (c === '[' || c === '{') item = this.flow(at, lineEnd).node;
    else {
      if (c === undefined || at >= lineEnd || indicators.has(c)) notPlain();
      let end = at;
      // A colon belongs to the scalar unless a space or a flow indicator follows it (9:00–17:00).
      for (; end < lineEnd; end++) {
        const next = this.text[end]!;
        if (',[]{}#"\''.includes(next) || (next === ':' && ' ,[]{}'.includes(this.text[end + 1] ?? ' '))) break;
      }
      if (this.text[end] === '#' || this.text[end] === ':') notPlain();
      const valueEnd = this.trimSpaces(end);
      item = this.plain(this.text.slice(at, valueEnd), [at, valueEnd, valueEnd]);
    }
    item.range![2] = this.skipSpaces(item.range![1], lineEnd);
    return item;
  }

  /**
   * A literal block (`|` or `|-`) at `at` on `line`, its text on the lines after it, indented
   * further than `indent`.
   */
  private literal(at: number, line: Line, indent: number): Scalar {
    let header = at + 1;
    const strip = this.text[header] === '-';
    if (strip) header++;
    if (this.skipSpaces(header, line.end) !== line.end) notPlain();
    this.at++;
    const first = this.nextIndent();
    if (first <= indent) notPlain();
    const lines: string[] = [];
    let last = -1;
    for (let i = this.at; i < this.lines.length; i++) {
      const next = this.lines[i]!;
      if (next.blank && next.end - next.start <= first) {
        lines.push('');
        continue;
      }
      // Spaces past the block's indentation are its text, but yaml refuses them before its first line.
      if (next.blank && last === -1) notPlain();
      if (next.indent < first) break;
      lines.push(this.text.slice(next.start + first, next.end));
      last = i;
    }
    const lastLine = this.lines[last]!;
    if (lastLine.end === this.text.length) notPlain();
    const value = lines.slice(0, last - this.at + 1).join('\n') + (strip ? '' : '\n');
    this.at = last + 1;
    const scalar = new Scalar(value);
    scalar.range = [at, lastLine.end + 1, lastLine.end + 1];
    scalar.source = value;
    scalar.type = 'BLOCK_LITERAL';
    return scalar;
  }
}
