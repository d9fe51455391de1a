/**
 * The Markdown parser under the reader (model/read-markdown.ts): markdown-it (CommonMark and GFM
 * tables) with the generic directive syntax added (`:name`, `::name`, `:::name`, as
 * micromark-extension-directive defines it), turned into a small mdast-like tree whose nodes carry
 * their source range. markdown-it loads and parses several times faster than micromark from a
 * cold start, which is what a one-off `guide build` is.
 */

import markdownIt from 'markdown-it';
import type { Env, MarkdownIt, StateBlock, StateInline, Token } from 'markdown-it';
import type { Range } from '../diagnostics/diagnostic.js';

/** Directive attributes as written: `{#a .b c="d"}` is `{ id: 'a', class: 'b', c: 'd' }`. */
export type Attributes = Record<string, string>;

export type MdInline =
  | { type: 'text'; value: string; range?: Range }
  | { type: 'emphasis' | 'strong'; children: MdInline[]; range?: Range }
  | { type: 'inlineCode'; value: string; range?: Range }
  | { type: 'break'; range?: Range }
  /** `reference`: written `[text][label]` or `[label]`, its URL from a definition. */
  | { type: 'link'; url: string; reference: boolean; children: MdInline[]; range?: Range }
  | { type: 'image'; range?: Range }
  | { type: 'html'; value: string; range?: Range }
  | { type: 'textDirective'; name: string; attributes?: Attributes; children: MdInline[]; range?: Range };

export interface MdParagraph {
  type: 'paragraph';
  children: MdInline[];
  range?: Range;
}

export interface MdContainerDirective {
  type: 'containerDirective';
  name: string;
  attributes?: Attributes;
  /** The `[label]`, when written. */
  label?: MdParagraph;
  children: MdBlock[];
  range?: Range;
}

export interface MdLeafDirective {
  type: 'leafDirective';
  name: string;
  attributes?: Attributes;
  /** The `[label]`'s content. */
  children: MdInline[];
  range?: Range;
}

export interface MdTable {
  type: 'table';
  /** Rows of cells; the first row is the header. */
  rows: MdInline[][][];
  range?: Range;
}

export type MdBlock =
  | MdParagraph
  | { type: 'heading'; depth: number; children: MdInline[]; range?: Range }
  | { type: 'list'; ordered: boolean; start: number; items: MdBlock[][]; range?: Range }
  | MdTable
  | { type: 'thematicBreak'; range?: Range }
  | { type: 'html'; value: string; range?: Range }
  | { type: 'code'; range?: Range }
  | { type: 'blockquote'; children: MdBlock[]; range?: Range }
  /** A link reference definition (markdown-it resolves the references to links). */
  | { type: 'definition'; url: string; range?: Range }
  | MdContainerDirective
  | MdLeafDirective;

export type MdNode = MdBlock | MdInline;

/**
 * Parses Markdown. Pure; ranges are offsets into `text`. `guide`: with GFM tables and
 * directives, as the templates' output is read; `commonmark`: as a field's value is on its own.
 */
export function parseMarkdown(text: string, syntax: 'guide' | 'commonmark' = 'guide'): MdBlock[] {
  const env: ParseEnv = { ranges: new WeakMap(), inlineMaps: new WeakMap(), inlineRanges: new WeakMap() };
  const md = parser(syntax);
  const tokens = md.parse(text, env);
  const normalised = text.replace(/\r\n?/g, '\n').replace(/\0/g, '\uFFFD');
  return new TreeBuilder(tokens, env, sourceOffsets(text), md, normalised).blocks();
}

// ---------------------------------------------------------------------------------------------
// markdown-it, set up once per process

interface ParseEnv extends Env {
  /** Source ranges (in markdown-it's normalised text) of the tokens that open a node. */
  ranges: WeakMap<Token, Range>;
  /** For each inline token: where each line of its content starts in the source. */
  inlineMaps: WeakMap<Token, LineMap>;
  /** Ranges of inline tokens, in offsets into the content of the inline token they are in. */
  inlineRanges: WeakMap<Token, Range>;
}

/** Content offset → source offset: line i of the content starts at `contentStarts[i]`. */
interface LineMap {
  contentStarts: number[];
  sourceStarts: number[];
}

function envOf(state: { env: unknown }): ParseEnv {
  return state.env as ParseEnv;
}

const parsers = new Map<'guide' | 'commonmark', MarkdownIt>();

function parser(syntax: 'guide' | 'commonmark'): MarkdownIt {
  const made = parsers.get(syntax);
  if (made !== undefined) return made;
  // The CommonMark rules; raw HTML is recognised (so the reader can refuse it).
  const md = markdownIt('commonmark', { maxNesting: 100 });
  // Destinations stay as written (after escapes and character references): the reader judges them.
  md.normalizeLink = (url) => url;
  md.normalizeLinkText = (url) => url;
  md.validateLink = () => true;
  // A link reference definition is read from a paragraph in CommonMark: what cannot interrupt a
  // paragraph (a list starting at another number than 1, an empty item) cannot end it either.
  const list = md.block.ruler.__rules__.find((rule) => rule.name === 'list')!.fn;
  md.block.ruler.at(
    'list',
    (state, startLine, endLine, silent) => {
      if (!silent || state.parentType !== 'reference') return list(state, startLine, endLine, silent);
      state.parentType = 'paragraph';
      const ends = list(state, startLine, endLine, silent);
      state.parentType = 'reference';
      return ends;
    },
    { alt: ['paragraph', 'reference', 'blockquote'] },
  );
  if (syntax === 'guide') addGuideSyntax(md);
  recordBlockRanges(md);
  recordInlineRanges(md);
  parsers.set(syntax, md);
  return md;
}

/** GFM tables and the directives. */
function addGuideSyntax(md: MarkdownIt): void {
  md.enable('table');
  const table = md.block.ruler.__rules__.find((rule) => rule.name === 'table')!.fn;
  md.block.ruler.at(
    'table',
    (state, startLine, endLine, silent) =>
      isGfmTable(state, startLine) ? table(state, startLine, endLine, silent) : false,
    { alt: ['paragraph', 'reference'] },
  );
  md.block.ruler.before('fence', 'directive_container', containerDirective, {
    alt: ['paragraph', 'reference', 'blockquote', 'list'],
  });
  md.block.ruler.before('fence', 'directive_leaf', leafDirective, {
    alt: ['paragraph', 'reference', 'blockquote', 'list'],
  });
  md.inline.ruler.push('directive_text', textDirective);
}

/** Wraps every block rule so the first token it makes remembers where its construct starts and ends. */
function recordBlockRanges(md: MarkdownIt): void {
  const rules = (md.block.ruler as unknown as { __rules__: { name: string; fn: BlockRule; alt: string[] }[] })
    .__rules__;
  for (const rule of [...rules]) {
    const fn = rule.fn;
    md.block.ruler.at(
      rule.name,
      (state, startLine, endLine, silent) => {
        const first = state.tokens.length;
        const start = state.bMarks[startLine]! + state.tShift[startLine]!;
        if (!fn(state, startLine, endLine, silent)) return false;
        // A link reference definition leaves no token; the reader still needs to see it was there.
        if (rule.name === 'reference' && !silent) state.push('definition', '', 0);
        const token = state.tokens[first];
        if (!silent && token !== undefined) {
          const lineStart = token.type === 'code_block' ? state.bMarks[startLine]! : start;
          const end =
            token.type === 'container_directive_open'
              ? containerEnd(state, token)
              : blockEnd(state, startLine, state.line);
          envOf(state).ranges.set(token, [lineStart, end]);
          if (token.type === 'table_open') recordTableCells(state, first);
        }
        return true;
      },
      { alt: rule.alt },
    );
  }
  // Headings and paragraphs: where each line of their inline content starts in the source.
  md.core.ruler.after('block', 'source_lines', (state) => {
    const env = envOf(state);
    const tokens = state.tokens;
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i]!;
      if (token.type !== 'inline' || env.inlineMaps.has(token) || token.map === null) continue;
      const open = tokens[i - 1];
      const range = open ? env.ranges.get(open) : undefined;
      if (open?.type === 'heading_open' && open.markup.startsWith('#') && range) {
        env.inlineMaps.set(token, atxContent(state.src, range[0]));
      } else env.inlineMaps.set(token, linesContent(state.src, token.map[0], token.content));
    }
    return true;
  });
}

// GFM: a table needs a pipe in its head row (an escaped one does not count) or in its delimiter
// row, and a delimiter row of dashes alone underlines a heading.
function isGfmTable(state: StateBlock, startLine: number): boolean {
  const delimiterLine = startLine + 1;
  if (delimiterLine >= state.lineMax) return false;
  const delimiter = state.src.slice(
    state.bMarks[delimiterLine]! + state.tShift[delimiterLine]!,
    state.eMarks[delimiterLine],
  );
  if (/^-+[ \t]*$/.test(delimiter)) return false;
  const head = state.src.slice(state.bMarks[startLine]! + state.tShift[startLine]!, state.eMarks[startLine]);
  return /(^|[^\\])(\\\\)*\|/.test(head) || delimiter.includes('|');
}

type BlockRule = (state: StateBlock, startLine: number, endLine: number, silent: boolean) => boolean;

/** The end of a block: the end of its last non-blank line before `nextLine`. */
function blockEnd(state: StateBlock, startLine: number, nextLine: number): number {
  let line = Math.max(startLine, Math.min(nextLine, state.lineMax) - 1);
  while (line > startLine && state.isEmpty(line)) line--;
  return state.eMarks[line]!;
}

// A container ends with its closing fence's line; one never closed takes all that is left of
// what it is in, up to the start of the line that ends that.
function containerEnd(state: StateBlock, open: Token): number {
  const nextLine = open.map![1];
  return (open.meta as { closed: boolean }).closed ? state.eMarks[nextLine - 1]! : state.bMarks[nextLine]!;
}

function isSpaceOrTab(code: number): boolean {
  return code === 0x20 || code === 0x09;
}

function lineStartOffsets(src: string, firstLine: number, count: number): number[] {
  const starts: number[] = [];
  let at = 0;
  for (let line = 0; line < firstLine && at >= 0; line++) at = src.indexOf('\n', at) + 1 || -1;
  for (let i = 0; i < count; i++) {
    starts.push(at);
    const next = src.indexOf('\n', at);
    at = next < 0 ? src.length + 1 : next + 1;
  }
  return starts;
}

// A paragraph's or setext heading's content: each line is the end of a source line (its indent
// and container prefix dropped), the last one without trailing spaces.
function linesContent(src: string, firstLine: number, content: string): LineMap {
  const lines = content.split('\n');
  const starts = lineStartOffsets(src, firstLine, lines.length);
  const contentStarts: number[] = [];
  const sourceStarts: number[] = [];
  let offset = 0;
  lines.forEach((line, i) => {
    const lineStart = starts[i]!;
    let lineEnd = src.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = src.length;
    if (i === lines.length - 1) {
      while (lineEnd > lineStart && /[ \t\n\r\f\v]/.test(src[lineEnd - 1]!)) lineEnd--;
    }
    contentStarts.push(offset);
    sourceStarts.push(lineEnd - line.length);
    offset += line.length + 1;
  });
  return { contentStarts, sourceStarts };
}

// An ATX heading's content starts after its `#`s and the spaces after them.
function atxContent(src: string, start: number): LineMap {
  let at = start;
  while (src[at] === '#') at++;
  while (at < src.length && isSpaceOrTab(src.charCodeAt(at))) at++;
  return { contentStarts: [0], sourceStarts: [at] };
}

// markdown-it gives a table's cells their text, not their place, and trims them of Unicode
// spaces too (GFM trims spaces and tabs only): each cell is found on its line and its content
// taken again, split as markdown-it splits (a `|` after a backslash is the cell's text).
function recordTableCells(state: StateBlock, first: number): void {
  const env = envOf(state);
  for (let i = first; i < state.tokens.length; i++) {
    const token = state.tokens[i]!;
    if (token.type !== 'tr_open' || token.map === null) continue;
    const line = token.map[0];
    const cells = tableCells(state.src, state.bMarks[line]! + state.tShift[line]!, state.eMarks[line]!);
    let cell = 0;
    for (let j = i + 1; j < state.tokens.length && state.tokens[j]!.type !== 'tr_close'; j++) {
      const inline = state.tokens[j]!;
      if (inline.type !== 'inline') continue;
      const found = cells[cell++];
      // A cell markdown-it added to fill a short row has no text.
      if (found === undefined || inline.content === '') continue;
      inline.content = found.content;
      env.inlineMaps.set(inline, found.map);
    }
  }
}

function tableCells(src: string, start: number, end: number): { content: string; map: LineMap }[] {
  const cells: { content: string; map: LineMap }[] = [];
  let at = start;
  let lineEnd = end;
  while (lineEnd > at && isSpaceOrTab(src.charCodeAt(lineEnd - 1))) lineEnd--;
  if (src[at] === '|') at++;
  if (lineEnd > at && src[lineEnd - 1] === '|' && src[lineEnd - 2] !== '\\') lineEnd--;
  let cellStart = at;
  const push = (from: number, to: number) => {
    while (from < to && isSpaceOrTab(src.charCodeAt(from))) from++;
    while (to > from && isSpaceOrTab(src.charCodeAt(to - 1))) to--;
    const map: LineMap = { contentStarts: [0], sourceStarts: [from] };
    let content = '';
    let last = from;
    for (let k = from; k < to; k++) {
      if (src[k] === '|' && src[k - 1] === '\\' && k - 1 >= from) {
        content += src.slice(last, k - 1);
        last = k;
        map.contentStarts.push(content.length);
        map.sourceStarts.push(k);
      }
    }
    content += src.slice(last, to);
    cells.push({ content, map });
  };
  for (let escaped = false; at < lineEnd; at++) {
    const ch = src[at];
    if (ch === '|' && !escaped) {
      push(cellStart, at);
      cellStart = at + 1;
    }
    escaped = ch === '\\';
  }
  push(cellStart, lineEnd);
  return cells;
}

/** Wraps every inline rule so the first token it makes remembers its range in the inline content. */
function recordInlineRanges(md: MarkdownIt): void {
  const rules = (md.inline.ruler as unknown as { __rules__: { name: string; fn: InlineRule; alt: string[] }[] })
    .__rules__;
  for (const rule of [...rules]) {
    if (rule.name === 'text' || rule.name === 'newline' || rule.name === 'escape' || rule.name === 'emphasis') continue;
    const fn = rule.fn;
    md.inline.ruler.at(
      rule.name,
      (state, silent) => {
        const start = state.pos;
        const first = state.tokens.length + (state.pending === '' ? 0 : 1);
        if (!fn(state, silent)) return false;
        const token = state.tokens[first];
        if (!silent && token !== undefined) envOf(state).inlineRanges.set(token, [start, state.pos]);
        return true;
      },
      { alt: rule.alt },
    );
  }
}

type InlineRule = (state: StateInline, silent: boolean) => boolean;

// ---------------------------------------------------------------------------------------------
// The directive syntax (micromark-extension-directive's rules)

/** What follows the colons of a directive: its name, `[label]` and `{attributes}`. */
interface Opening {
  name: string;
  nameEnd: number;
  /** Offsets of the label's content, when a label is written. */
  label?: [number, number];
  attributes?: Attributes;
  end: number;
}

const isSpace = (c: string | undefined) => c === ' ' || c === '\t';
const isEol = (c: string | undefined) => c === '\n' || c === '\r';
const isWhitespace = (c: string) => /\s/.test(c);
const isPunctuation = (c: string) => /\p{P}|\p{S}/u.test(c);

function directiveOpening(src: string, pos: number, max: number, disallowEol: boolean): Opening | undefined {
  const nameEnd = directiveName(src, pos, max);
  if (nameEnd < 0) return undefined;
  const opening: Opening = { name: src.slice(pos, nameEnd), nameEnd, end: nameEnd };
  if (src[opening.end] === '[') {
    const label = directiveLabel(src, opening.end, max, disallowEol);
    if (label) {
      opening.label = [label[0], label[1]];
      opening.end = label[1] + 1;
    }
  }
  if (src[opening.end] === '{') {
    const attributes = directiveAttributes(src, opening.end, max, disallowEol);
    if (attributes) {
      opening.attributes = attributes[0];
      opening.end = attributes[1];
    }
  }
  return opening;
}

// A name starts with a letter, digit or other non-punctuation, goes on with those and `-`, `_`,
// and does not end with `-` or `_`. The end, or -1.
function directiveName(src: string, pos: number, max: number): number {
  const first = src[pos];
  if (pos >= max || first === undefined || isEol(first) || isPunctuation(first) || isWhitespace(first)) return -1;
  let at = pos + 1;
  for (; at < max; at++) {
    const c = src[at]!;
    if (isEol(c) || isWhitespace(c) || (isPunctuation(c) && c !== '-' && c !== '_')) break;
  }
  return src[at - 1] === '-' || src[at - 1] === '_' ? -1 : at;
}

// `[label]`, brackets balanced (at most 32 deep), `\[`, `\]` and `\\` escaped: the content's
// start and the offset of the closing bracket.
function directiveLabel(src: string, pos: number, max: number, disallowEol: boolean): [number, number] | undefined {
  let balance = 0;
  let escapes = 0;
  for (let at = pos + 1; ; at++) {
    if (at >= max || escapes > 999) return undefined;
    const c = src[at];
    if (c === '[' && ++balance > 32) return undefined;
    if (c === ']' && !balance--) return [pos + 1, at];
    if (isEol(c) && disallowEol) return undefined;
    if (c === '\\' && (src[at + 1] === '[' || src[at + 1] === ']' || src[at + 1] === '\\') && at + 1 < max) {
      at++;
      escapes++;
    }
  }
}

// `{#id .class name="value" name=value name}`: the attributes and the offset after `}`.
function directiveAttributes(
  src: string,
  pos: number,
  max: number,
  disallowEol: boolean,
): [Attributes, number] | undefined {
  const list: [string, string][] = [];
  const blank = (c: string | undefined) => isSpace(c) || (!disallowEol && isEol(c));
  let at = pos + 1;
  for (;;) {
    while (at < max && blank(src[at])) at++;
    if (at >= max) return undefined;
    const c = src[at]!;
    if (c === '#' || c === '.') {
      const start = ++at;
      const first = src[at];
      if (at >= max || first === undefined || '"#\'.<=>`}'.includes(first) || isSpace(first) || isEol(first)) {
        return undefined;
      }
      for (at++; ; at++) {
        if (at >= max) return undefined;
        const next = src[at]!;
        if ('"\'<=>`'.includes(next)) return undefined;
        if (next === '#' || next === '.' || next === '}' || isSpace(next) || isEol(next)) break;
      }
      list.push([c === '#' ? 'id' : 'class', decodeReferences(src.slice(start, at))]);
      continue;
    }
    if (isEol(c) || isWhitespace(c) || (isPunctuation(c) && c !== '-' && c !== '_')) {
      return c === '}' ? [collectAttributes(list), at + 1] : undefined;
    }
    const nameStart = at;
    for (at++; at < max; at++) {
      const next = src[at]!;
      if (isEol(next) || isWhitespace(next) || (isPunctuation(next) && !'-.:_'.includes(next))) break;
    }
    const attribute: [string, string] = [src.slice(nameStart, at), ''];
    list.push(attribute);
    while (at < max && blank(src[at])) at++;
    if (src[at] !== '=' || at >= max) continue;
    for (at++; ; at++) {
      if (at >= max) return undefined;
      const next = src[at]!;
      if ('<=>`}'.includes(next) || (disallowEol && isEol(next))) return undefined;
      if (!blank(next)) break;
    }
    const quote = src[at];
    if (quote === '"' || quote === "'") {
      const start = ++at;
      for (; ; at++) {
        if (at >= max || (disallowEol && isEol(src[at]))) return undefined;
        if (src[at] === quote) break;
      }
      if (at > start) attribute[1] = decodeReferences(src.slice(start, at));
      at++;
      const after = src[at];
      if (at < max && (after === '}' || isSpace(after) || isEol(after))) continue;
      return undefined;
    }
    const start = at;
    for (at++; ; at++) {
      if (at >= max) return undefined;
      const next = src[at]!;
      if ('"\'<=>`'.includes(next)) return undefined;
      if (next === '}' || isSpace(next) || isEol(next)) break;
    }
    attribute[1] = decodeReferences(src.slice(start, at));
  }
}

// Later values win, except that classes add up.
function collectAttributes(list: readonly [string, string][]): Attributes {
  const attributes: Attributes = {};
  for (const [name, value] of list) {
    if (name === 'class' && attributes['class']) attributes['class'] += ` ${value}`;
    else attributes[name] = value;
  }
  return attributes;
}

/** Character references (`&amp;`, `&#34;`) in an attribute value; it knows no backslash escapes. */
function decodeReferences(value: string): string {
  if (!value.includes('&')) return value;
  const { unescapeAll } = parser('guide').utils;
  return value.replace(/&(?:#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[A-Za-z][A-Za-z0-9]{1,31});/g, (reference) =>
    unescapeAll(reference),
  );
}

function restIsBlank(src: string, pos: number, max: number): boolean {
  for (let at = pos; at < max; at++) if (!isSpace(src[at])) return false;
  return true;
}

/** `:::name[label]{attributes}` … `:::`: a container; more colons outside to nest. */
function containerDirective(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  if (state.sCount[startLine]! - state.blkIndent >= 4) return false;
  const src = state.src;
  const start = state.bMarks[startLine]! + state.tShift[startLine]!;
  const max = state.eMarks[startLine]!;
  let pos = start;
  while (pos < max && src[pos] === ':') pos++;
  const size = pos - start;
  if (size < 3) return false;
  const opening = directiveOpening(src, pos, max, true);
  if (opening === undefined || !restIsBlank(src, opening.end, max)) return false;
  if (silent) return true;

  // The container's own closing fence is found first: containers inside close with fewer colons.
  let next = startLine + 1;
  let closed = false;
  for (; next < endLine; next++) {
    if (!state.isEmpty(next) && state.sCount[next]! < state.blkIndent) break;
    if (isClosingFence(state, next, size)) {
      closed = true;
      break;
    }
  }
  const open = state.push('container_directive_open', '', 1);
  open.map = [startLine, closed ? next + 1 : next];
  open.meta = { name: opening.name, attributes: opening.attributes, closed };
  if (opening.label) pushLabel(state, opening.label, startLine);
  const oldParent = state.parentType;
  const oldLineMax = state.lineMax;
  state.parentType = 'container' as typeof state.parentType;
  state.lineMax = next;
  state.md.block.tokenize(state, startLine + 1, next);
  state.lineMax = oldLineMax;
  state.parentType = oldParent;
  state.push('container_directive_close', '', -1);
  state.line = closed ? next + 1 : next;
  return true;
}

function isClosingFence(state: StateBlock, line: number, size: number): boolean {
  if (state.sCount[line]! - state.blkIndent >= 4) return false;
  const src = state.src;
  const max = state.eMarks[line]!;
  let pos = state.bMarks[line]! + state.tShift[line]!;
  const start = pos;
  while (pos < max && src[pos] === ':') pos++;
  return pos - start >= size && restIsBlank(src, pos, max);
}

/** `::name[label]{attributes}` on a line of its own. */
function leafDirective(state: StateBlock, startLine: number, _endLine: number, silent: boolean): boolean {
  if (state.sCount[startLine]! - state.blkIndent >= 4) return false;
  const src = state.src;
  const start = state.bMarks[startLine]! + state.tShift[startLine]!;
  const max = state.eMarks[startLine]!;
  if (src[start] !== ':' || src[start + 1] !== ':') return false;
  const opening = directiveOpening(src, start + 2, max, true);
  if (opening === undefined || !restIsBlank(src, opening.end, max)) return false;
  if (silent) return true;
  const open = state.push('leaf_directive_open', '', 1);
  open.map = [startLine, startLine + 1];
  open.meta = { name: opening.name, attributes: opening.attributes };
  if (opening.label) pushLabel(state, opening.label, startLine);
  state.push('leaf_directive_close', '', -1);
  state.line = startLine + 1;
  return true;
}

// A directive's label is inline Markdown, read with the rest of the inline content.
function pushLabel(state: StateBlock, [start, end]: [number, number], line: number): void {
  const label = state.push('inline', '', 0);
  label.content = state.src.slice(start, end);
  label.map = [line, line + 1];
  label.children = [];
  label.meta = { directiveLabel: true };
  envOf(state).inlineMaps.set(label, { contentStarts: [0], sourceStarts: [start] });
}

/** `:name[label]{attributes}` in text. */
function textDirective(state: StateInline, silent: boolean): boolean {
  const src = state.src;
  const start = state.pos;
  if (src[start] !== ':') return false;
  // A colon right after another is text (`::`), unless that one was escaped (`\::a`).
  if (src[start - 1] === ':') {
    let backslashes = 0;
    for (let at = start - 2; at >= 0 && src[at] === '\\'; at--) backslashes++;
    if (backslashes % 2 === 0) return false;
  }
  const opening = directiveOpening(src, start + 1, state.posMax, false);
  if (opening === undefined || src[opening.nameEnd] === ':') return false;
  if (!silent) {
    const open = state.push('text_directive_open', '', 1);
    open.meta = { name: opening.name, attributes: opening.attributes };
    if (opening.label) {
      const oldMax = state.posMax;
      state.pos = opening.label[0];
      state.posMax = opening.label[1];
      state.md.inline.tokenize(state);
      state.posMax = oldMax;
    }
    state.push('text_directive_close', '', -1);
  }
  state.pos = opening.end;
  return true;
}

// ---------------------------------------------------------------------------------------------
// Tokens → tree

/**
 * Maps offsets in markdown-it's text (line endings made `\n`) back to the source: each `\r\n`
 * became one character.
 */
function sourceOffsets(text: string): (offset: number) => number {
  if (!text.includes('\r\n')) return (offset) => offset;
  const collapsed: number[] = [];
  const pattern = /\r\n/g;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    collapsed.push(match.index - collapsed.length);
  }
  return (offset) => {
    let low = 0;
    let high = collapsed.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (collapsed[mid]! < offset) low = mid + 1;
      else high = mid;
    }
    return offset + low;
  };
}

class TreeBuilder {
  private at = 0;

  constructor(
    private readonly tokens: Token[],
    private readonly env: ParseEnv,
    private readonly toSource: (offset: number) => number,
    private readonly md: MarkdownIt,
    /** The text as markdown-it saw it (line endings made `\n`), which token ranges point into. */
    private readonly src: string,
  ) {}

  /** Blocks up to the end, or up to the token that closes the one they are in. */
  blocks(): MdBlock[] {
    const blocks: MdBlock[] = [];
    while (this.at < this.tokens.length && this.tokens[this.at]!.nesting !== -1) blocks.push(this.block());
    return blocks;
  }

  private block(): MdBlock {
    const token = this.tokens[this.at++]!;
    const range = this.blockRange(token);
    switch (token.type) {
      case 'paragraph_open':
        return { type: 'paragraph', children: this.inlineThenClose(), ...range };
      case 'heading_open':
        return { type: 'heading', depth: Number(token.tag.slice(1)), children: this.inlineThenClose(), ...range };
      case 'bullet_list_open':
      case 'ordered_list_open': {
        const items: MdBlock[][] = [];
        while (this.tokens[this.at]?.type === 'list_item_open') {
          this.at++;
          items.push(this.blocks());
          this.at++;
        }
        this.at++;
        const ordered = token.type === 'ordered_list_open';
        return { type: 'list', ordered, start: ordered ? Number(token.attrGet('start') ?? 1) : 1, items, ...range };
      }
      case 'table_open':
        return this.table(range);
      case 'hr':
        return { type: 'thematicBreak', ...range };
      case 'code_block':
      case 'fence':
        return { type: 'code', ...range };
      case 'html_block':
        return { type: 'html', value: token.content.replace(/\n$/, ''), ...range };
      case 'blockquote_open': {
        const children = this.blocks();
        this.at++;
        return { type: 'blockquote', children, ...range };
      }
      case 'definition':
        return { type: 'definition', url: this.definitionUrl(token), ...range };
      case 'container_directive_open': {
        const meta = token.meta as { name: string; attributes?: Attributes };
        const next = this.tokens[this.at];
        let label: MdParagraph | undefined;
        if (next?.type === 'inline' && (next.meta as { directiveLabel?: boolean } | null)?.directiveLabel) {
          this.at++;
          label = { type: 'paragraph', children: this.inlines(next) };
        }
        const children = this.blocks();
        this.at++;
        return {
          type: 'containerDirective',
          name: meta.name,
          ...(meta.attributes ? { attributes: meta.attributes } : {}),
          ...(label ? { label } : {}),
          children,
          ...range,
        };
      }
      case 'leaf_directive_open': {
        const meta = token.meta as { name: string; attributes?: Attributes };
        const next = this.tokens[this.at];
        const children = next?.type === 'inline' ? this.inlines(next) : [];
        if (next?.type === 'inline') this.at++;
        this.at++;
        return {
          type: 'leafDirective',
          name: meta.name,
          ...(meta.attributes ? { attributes: meta.attributes } : {}),
          children,
          ...range,
        };
      }
      default:
        throw new Error(`unexpected Markdown token ${token.type}`);
    }
  }

  private blockRange(token: Token): { range?: Range } {
    const range = this.env.ranges.get(token);
    return range ? { range: [this.toSource(range[0]), this.toSource(range[1])] } : {};
  }

  // `[label]: destination "title"`: the destination, as markdown-it reads it.
  private definitionUrl(token: Token): string {
    const range = this.env.ranges.get(token);
    if (range === undefined) return '';
    const source = this.src.slice(range[0], range[1]);
    let at = 1;
    while (at < source.length && source[at] !== ']') at += source[at] === '\\' ? 2 : 1;
    at += 2;
    while (at < source.length && /\s/.test(source[at]!)) at++;
    const destination = this.md.helpers.parseLinkDestination(source, at, source.length);
    return destination.ok ? destination.str : '';
  }

  // An inline token and the token that closes its block.
  private inlineThenClose(): MdInline[] {
    const inline = this.tokens[this.at++]!;
    this.at++;
    return this.inlines(inline);
  }

  private table(range: { range?: Range }): MdTable {
    const rows: MdInline[][][] = [];
    for (let token = this.tokens[this.at++]!; token.type !== 'table_close'; token = this.tokens[this.at++]!) {
      if (token.type === 'tr_open') rows.push([]);
      else if (token.type === 'inline') rows.at(-1)!.push(this.inlines(token));
    }
    return { type: 'table', rows, ...range };
  }

  private inlines(inline: Token): MdInline[] {
    const map = this.env.inlineMaps.get(inline);
    const toSource = (offset: number): number => {
      if (map === undefined) return this.toSource(offset);
      let line = map.contentStarts.length - 1;
      while (line > 0 && map.contentStarts[line]! > offset) line--;
      return this.toSource(map.sourceStarts[line]! + offset - map.contentStarts[line]!);
    };
    const rangeOf = (token: Token): { range?: Range } => {
      const range = this.env.inlineRanges.get(token);
      return range ? { range: [toSource(range[0]), toSource(range[1])] } : {};
    };
    const children = inline.children ?? [];
    let at = 0;
    const until = (close: string | undefined): MdInline[] => {
      const nodes: MdInline[] = [];
      while (at < children.length) {
        const token = children[at++]!;
        if (token.type === close) break;
        switch (token.type) {
          case 'text':
          case 'text_special':
            pushText(nodes, token.content);
            break;
          case 'softbreak':
            pushText(nodes, '\n');
            break;
          case 'hardbreak':
            nodes.push({ type: 'break' });
            break;
          case 'em_open':
            nodes.push({ type: 'emphasis', children: until('em_close') });
            break;
          case 'strong_open':
            nodes.push({ type: 'strong', children: until('strong_close') });
            break;
          case 'code_inline':
            nodes.push({ type: 'inlineCode', value: token.content });
            break;
          case 'link_open': {
            const range = rangeOf(token);
            nodes.push({
              type: 'link',
              url: String(token.attrGet('href') ?? ''),
              // `[text](url)` ends with `)`, `<url>` with `>`; a reference with `]`.
              reference: inline.content[(this.env.inlineRanges.get(token)?.[1] ?? 0) - 1] === ']',
              children: until('link_close'),
              ...range,
            });
            break;
          }
          case 'image':
            nodes.push({ type: 'image', ...rangeOf(token) });
            break;
          case 'html_inline':
            nodes.push({ type: 'html', value: token.content, ...rangeOf(token) });
            break;
          case 'text_directive_open': {
            const meta = token.meta as { name: string; attributes?: Attributes };
            const range = rangeOf(token);
            nodes.push({
              type: 'textDirective',
              name: meta.name,
              ...(meta.attributes ? { attributes: meta.attributes } : {}),
              children: until('text_directive_close'),
              ...range,
            });
            break;
          }
          default:
            throw new Error(`unexpected Markdown token ${token.type}`);
        }
      }
      return nodes;
    };
    return until(undefined);
  }
}

// Neighbouring text is one node, as in mdast: a soft break and the spaces around it are in one text.
function pushText(nodes: MdInline[], value: string): void {
  const last = nodes.at(-1);
  if (last?.type === 'text') last.value += value;
  else nodes.push({ type: 'text', value });
}
