/**
 * Seeded mutations of input files: byte flips, line edits, tokens spliced in from dictionaries of
 * the syntaxes our inputs mix (YAML, Markdown with directives, Handlebars, CSV), and, for YAML
 * files that still parse, a scalar replaced by an odd value of another shape. Every choice comes
 * from one seeded generator, so a seed replays the same mutations.
 */

import { isMap, isScalar, isSeq, parseDocument, visit } from 'yaml';

/** A seeded pseudo-random generator (mulberry32): a float in [0, 1). */
export type Random = () => number;

export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function randomInt(random: Random, below: number): number {
  return Math.floor(random() * below);
}

export function pick<T>(random: Random, items: readonly T[]): T {
  return items[randomInt(random, items.length)]!;
}

/** Which dictionaries a file's mutations draw from. */
export type Syntax = 'yaml' | 'markdown' | 'handlebars' | 'csv';

const dictionaries: Record<Syntax | 'values', readonly string[]> = {
  yaml: [
    '&a ',
    '*a',
    '&b [*b]',
    '!!str ',
    '!!binary ',
    '!!timestamp ',
    '!!map ',
    '!custom ',
    '<<: *a\n',
    '{',
    '}',
    '[',
    ']',
    '{a: 1, b: [2, 3]}',
    '[[[[[[x]]]]]]',
    '|\n  x\n',
    '>-\n  x\n',
    '|+\n\n',
    '? ',
    ': ',
    '- ',
    '---\n',
    '...\n',
    '%YAML 1.1\n',
    '%TAG ! tag:x,2020:\n',
    '#',
    "'",
    '"',
    '\t',
    '：',
    '“',
    '”',
    '「',
    '」',
    '\u3000',
    '\u0000',
    '\u001b]0;x\u0007',
    '\u001b[2J',
    '\u0085',
    '\u2028',
    '\ufeff',
    '\r\n',
    '\r',
    '~',
    'null',
    'yes',
    'no',
    'on',
    '.inf',
    '.nan',
    '0x1F',
    '0o17',
    '=',
    '@',
    '`',
    '%',
    '\\',
    '\\x',
    '"\\u',
    '\\U0010FFFF',
  ],
  markdown: [
    ':::',
    '::',
    '::toc',
    ':::lead\n',
    '::::cover\n:::title\nx\n:::\n::::\n',
    '\n# ',
    '\n## ',
    '| a | b |\n|---|---|\n',
    '|',
    '`',
    '```\n',
    '[x](javascript:alert(1))',
    '[x](file:///etc/passwd)',
    '![i](http://x/y.png)',
    '<b>',
    '</b>',
    '<script>',
    '**',
    '__',
    '*',
    '_',
    '~~',
    '\\',
    '{#id}',
    '- [ ] ',
    '1. ',
    '> ',
    '\n---\n',
    '&amp;',
    '&#0;',
    '&#x1F600;',
    '<!--',
    '-->',
    '\n\n',
    '  \n',
    '[^1]',
    'http://',
    'https://x.example/' + 'a'.repeat(300),
  ],
  handlebars: [
    '{{',
    '}}',
    '{{{',
    '}}}',
    '{{#each measures}}',
    '{{/each}}',
    '{{#if x}}',
    '{{else}}',
    '{{/if}}',
    '{{> partial}}',
    '{{> measure}}',
    '{{!-- ',
    ' --}}',
    '{{lookup . "constructor"}}',
    '{{constructor.constructor}}',
    '{{__proto__}}',
    '{{../../../x}}',
    '{{this}}',
    '{{@root}}',
    '{{@index}}',
    '{{#with x}}',
    '{{/with}}',
    '\\{{',
    '{{~',
    '~}}',
    '{{undefined-helper x}}',
    '{{#each this}}{{this}}{{/each}}',
    '{{title}}',
    '{{{title}}}',
  ],
  csv: [
    '"',
    '""',
    ',',
    ';',
    '；',
    '\t',
    '\r\n',
    '\n',
    '"a,b"',
    '"\n"',
    '=1+1',
    "=cmd|' /C calc'!A0",
    ',,,,,,,,',
    '，',
    '、',
  ],
  values: [
    '99999999999999999999999',
    '1e400',
    '-0',
    '-1',
    '0',
    'NaN',
    '2020-02-31',
    '2020-02-30',
    '2020-13-01',
    '0000-00-00',
    '2020-02-29T25:00:00Z',
    '9999-12-31',
    '1900-01-01',
    'con.txt',
    'nul',
    '../../etc/passwd',
    '/',
    'C:\\x',
    '　',
    '𠀀',
    '𪚥',
    '\u{10FFFF}',
    '\ud800',
    '\u0301',
    '\u200b',
    '\u202e',
    '臺',
    '台',
    '规',
    '\u0000',
    '\u001b',
    '\u0007',
  ],
};

/** A new random text made of dictionary tokens. */
function tokenText(random: Random, syntaxes: readonly Syntax[]): string {
  const count = 1 + randomInt(random, 4);
  let text = '';
  for (let i = 0; i < count; i++) text += pick(random, dictionaries[pick(random, [...syntaxes, 'values' as const])]);
  return text;
}

function splitLines(bytes: Buffer): Buffer[] {
  const lines: Buffer[] = [];
  let start = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === 0x0a) {
      lines.push(bytes.subarray(start, i + 1));
      start = i + 1;
    }
  }
  if (start < bytes.length) lines.push(bytes.subarray(start));
  return lines;
}

const interestingBytes = [0x00, 0x07, 0x0a, 0x0d, 0x09, 0x1b, 0x20, 0x22, 0x2c, 0x3a, 0x3b, 0x7f, 0x80, 0xc0, 0xff];

/** One structure-blind mutation of `bytes`; `encode` turns spliced text into the file's encoding. */
type ByteMutation = (bytes: Buffer, random: Random, tokens: () => Buffer) => Buffer;

const byteMutations: readonly ByteMutation[] = [
  function flipBit(bytes, random) {
    if (bytes.length === 0) return bytes;
    const copy = Buffer.from(bytes);
    const at = randomInt(random, copy.length);
    copy[at] = copy[at]! ^ (1 << randomInt(random, 8));
    return copy;
  },
  function setByte(bytes, random) {
    if (bytes.length === 0) return bytes;
    const copy = Buffer.from(bytes);
    copy[randomInt(random, copy.length)] = pick(random, interestingBytes);
    return copy;
  },
  function deleteRange(bytes, random) {
    const at = randomInt(random, bytes.length + 1);
    const length = 1 + randomInt(random, 16);
    return Buffer.concat([bytes.subarray(0, at), bytes.subarray(at + length)]);
  },
  function insertToken(bytes, random, tokens) {
    const at = randomInt(random, bytes.length + 1);
    return Buffer.concat([bytes.subarray(0, at), tokens(), bytes.subarray(at)]);
  },
  function insertTokenAtLineStart(bytes, random, tokens) {
    const lines = splitLines(bytes);
    const at = randomInt(random, lines.length + 1);
    return Buffer.concat([...lines.slice(0, at), tokens(), ...lines.slice(at)]);
  },
  function replaceWord(bytes, random, tokens) {
    // A run of bytes between spaces, quotes, colons or line ends: a key, a value or a cell.
    const text = bytes.toString('latin1');
    const words = [...text.matchAll(/[^\s:,"'\-[\]{}]+/g)];
    if (words.length === 0) return bytes;
    const word = pick(random, words);
    return Buffer.concat([bytes.subarray(0, word.index), tokens(), bytes.subarray(word.index + word[0].length)]);
  },
  function deleteLine(bytes, random) {
    const lines = splitLines(bytes);
    lines.splice(randomInt(random, lines.length), 1);
    return Buffer.concat(lines);
  },
  function duplicateLine(bytes, random) {
    const lines = splitLines(bytes);
    if (lines.length === 0) return bytes;
    const line = pick(random, lines);
    lines.splice(
      randomInt(random, lines.length + 1),
      0,
      line.at(-1) === 0x0a ? line : Buffer.concat([line, Buffer.from('\n')]),
    );
    return Buffer.concat(lines);
  },
  function swapLines(bytes, random) {
    const lines = splitLines(bytes);
    if (lines.length < 2) return bytes;
    const a = randomInt(random, lines.length);
    const b = randomInt(random, lines.length);
    [lines[a], lines[b]] = [lines[b]!, lines[a]!];
    return Buffer.concat(lines);
  },
  function longLine(bytes, random, tokens) {
    const at = randomInt(random, bytes.length + 1);
    const token = tokens();
    const times = Math.min(1 + randomInt(random, 5000), Math.floor(40_000 / Math.max(1, token.length)));
    return Buffer.concat([bytes.subarray(0, at), Buffer.alloc(token.length * times, token), bytes.subarray(at)]);
  },
  function deepNesting(bytes, random) {
    const depth = pick(random, [50, 500, 3000, 20_000]);
    const [open, close] = pick(random, [
      ['[', ']'],
      ['{a: ', '}'],
      ['- ', ''],
    ]);
    const at = randomInt(random, bytes.length + 1);
    return Buffer.concat([
      bytes.subarray(0, at),
      Buffer.from(open.repeat(depth) + 'x' + close.repeat(depth)),
      bytes.subarray(at),
    ]);
  },
  function addBom(bytes) {
    return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]);
  },
  function crlf(bytes) {
    return Buffer.from(bytes.toString('latin1').replace(/\r?\n/g, '\r\n'), 'latin1');
  },
  function truncate(bytes, random) {
    return bytes.subarray(0, randomInt(random, bytes.length + 1));
  },
];

/** Values of every shape a YAML field could be given in its place. */
function oddValue(random: Random, syntaxes: readonly Syntax[]): unknown {
  const text = () => tokenText(random, syntaxes);
  switch (randomInt(random, 12)) {
    case 0:
      return null;
    case 1:
      return pick(random, [true, false]);
    case 2:
      return pick(random, [0, -1, 1e21, Number.MAX_SAFE_INTEGER + 2, 0.5, Infinity, NaN]);
    case 3:
      return [];
    case 4:
      return {};
    case 5:
      return [text(), [text()]];
    case 6:
      return { [text()]: text(), name: text() };
    case 7:
      return text().repeat(1 + randomInt(random, 2000));
    case 8:
      return pick(random, dictionaries.values);
    default:
      return text();
  }
}

/**
 * Replaces one scalar of a YAML document (a value or a key) with a value of another shape, keeping
 * the rest of the file as it was; undefined when the text does not parse or holds no scalar.
 */
function replaceYamlValue(text: string, random: Random, syntaxes: readonly Syntax[]): string | undefined {
  let doc;
  try {
    doc = parseDocument(text);
  } catch {
    return undefined; // nested too deep for the parser's stack: a byte mutation instead
  }
  if (doc.errors.length > 0) return undefined;
  const paths: (string | number)[][] = [];
  visit(doc, {
    Scalar(key, _node, path) {
      const keys: (string | number)[] = [];
      for (let i = 1; i < path.length; i++) {
        const parent = path[i - 1];
        const node = path[i];
        if (isSeq(parent)) keys.push(parent.items.indexOf(node as never));
        else if (isMap(parent)) {
          const pair = node as { key?: unknown };
          keys.push(isScalar(pair.key) ? String(pair.key.value) : String(pair.key));
        }
      }
      // The scalar's own place: an index in a list; in a pair, the path already names the value.
      if (isSeq(path.at(-1))) keys.push(key as number);
      paths.push(keys);
    },
  });
  if (paths.length === 0) return undefined;
  const path = pick(random, paths);
  try {
    if (path.length > 0 && random() < 0.15 && typeof path.at(-1) === 'string') {
      // Rename the key: a misspelt field, or one from another part of the schema.
      const value = doc.getIn(path, true);
      doc.deleteIn(path);
      doc.setIn([...path.slice(0, -1), `${String(path.at(-1)).slice(1)}${text1(random)}`], value);
    } else {
      doc.setIn(path, doc.createNode(oddValue(random, syntaxes)));
    }
    return doc.toString({ lineWidth: 0 });
  } catch {
    return undefined;
  }
}

function text1(random: Random): string {
  return pick(random, ['', 's', '_', '-x', 'e']);
}

/** How a file is mutated: its syntaxes, whether it is YAML, and how text becomes its bytes. */
export interface MutationTarget {
  syntaxes: readonly Syntax[];
  yaml: boolean;
  encode: (text: string) => Buffer;
  decode: (bytes: Buffer) => string;
}

/** One to four stacked mutations of `bytes`. */
export function mutate(bytes: Buffer, target: MutationTarget, random: Random): Buffer {
  let result = bytes;
  const rounds = 1 + randomInt(random, 4);
  const tokens = () => target.encode(tokenText(random, target.syntaxes));
  for (let i = 0; i < rounds; i++) {
    if (target.yaml && random() < 0.35) {
      const replaced = replaceYamlValue(target.decode(result), random, target.syntaxes);
      if (replaced !== undefined) {
        result = target.encode(replaced);
        continue;
      }
    }
    result = pick(random, byteMutations)(result, random, tokens);
  }
  return result;
}
