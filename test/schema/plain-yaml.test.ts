/**
 * The reader of the common YAML shape (src/schema/plain-yaml.ts) against yaml's parser: a file it
 * takes must read exactly as yaml reads it (values, node types, sources, formats, ranges), and a
 * file yaml warns about or refuses must be left to yaml. Checked on every YAML file of the project
 * and on thousands of variations of them, made by inserting, deleting, re-indenting and copying
 * characters and lines.
 */

import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { isMap, isPair, isScalar, isSeq, parseDocument, type Document } from 'yaml';
import { readPlainYaml } from '../../src/schema/plain-yaml.js';
import { repoRoot } from '../helpers/paths.js';

const options = { prettyErrors: false, uniqueKeys: true, strict: true } as const;

/** Comments, which the reader does not keep and nothing reads. */
const notCompared = new Set(['comment', 'commentBefore', 'spaceBefore']);

/** Everything a node holds but its comments, as plain values (numbers told from strings). */
function shape(node: unknown): unknown {
  if (node === null || node === undefined) return null;
  const own = (skip: string) =>
    Object.fromEntries(
      Object.keys(node)
        .filter((key) => key !== skip && !notCompared.has(key))
        .sort()
        .map((key) => [key, (node as Record<string, unknown>)[key]]),
    );
  if (isScalar(node)) {
    const { value } = node;
    return { scalar: typeof value === 'number' ? `number ${Object.is(value, -0) ? '-0' : value}` : value, ...own('value') };
  }
  if (isMap(node) || isSeq(node)) {
    const items = (node.items as unknown[]).map((item) => (isPair(item) ? [shape(item.key), shape(item.value)] : shape(item)));
    return { collection: isMap(node) ? 'map' : 'seq', ...own('items'), items };
  }
  assert.fail(`a node the reader does not make: ${String(node)}`);
}

const documentShape = (doc: Document) =>
  JSON.stringify({ contents: shape(doc.contents), range: doc.range, errors: doc.errors.length, warnings: doc.warnings.length });

/** Whether the reader took `text`; throws where it read it otherwise than yaml. */
function readsAsYaml(text: string): boolean {
  const plain = readPlainYaml(text, options);
  if (plain === undefined) return false;
  const yaml = parseDocument(text, options);
  assert.deepEqual([...yaml.errors, ...yaml.warnings], [], `taken, but yaml refuses it: ${JSON.stringify(text)}`);
  assert.equal(documentShape(plain), documentShape(yaml), `read otherwise than yaml: ${JSON.stringify(text)}`);
  assert.deepEqual(plain.toJS(), yaml.toJS());
  return true;
}

function yamlFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    if (['node_modules', 'lib', 'dist', '.git', '.guide-cache'].includes(entry.name)) return [];
    const file = path.join(folder, entry.name);
    if (entry.isDirectory()) return yamlFiles(file);
    return /\.ya?ml$/.test(entry.name) ? [file] : [];
  });
}

const projectTexts = yamlFiles(repoRoot).map((file) => ({ file: path.relative(repoRoot, file), text: readFileSync(file, 'utf8') }));

/** A small, seeded generator (mulberry32): the same variations on every run. */
function random(seed: number): (n: number) => number {
  let state = seed >>> 0;
  return (n) => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) % n;
  };
}

const inserted = [' ', ':', '-', '#', "'", '"', '[', ']', '{', '}', ',', '|', '>', '\n', 'a', '1', '  ', '\\', '&', '*', '!', '?', '%', '中', '：', 'true', 'null', '0x1', '.5', '~'];
const insertedLines = ['# c', '', '#', '- x', 'k: v', '|', '  y', '- k: [a, b]', 'n: 1.50'];

/** `text` changed in one to three places. */
function vary(text: string, pick: (n: number) => number): string {
  let varied = text;
  for (let edits = 1 + pick(3); edits > 0; edits--) {
    const at = pick(varied.length + 1);
    const lines = varied.split('\n');
    switch (pick(5)) {
      case 0:
        varied = varied.slice(0, at) + inserted[pick(inserted.length)] + varied.slice(at);
        break;
      case 1:
        varied = varied.slice(0, at) + varied.slice(at + 1 + pick(3));
        break;
      case 2: {
        const line = pick(lines.length);
        lines[line] = lines[line]!.replace(/^ {0,2}/, ' '.repeat(pick(5)));
        varied = lines.join('\n');
        break;
      }
      case 3:
        lines.splice(pick(lines.length), 0, lines[pick(lines.length)]!);
        varied = lines.join('\n');
        break;
      default:
        lines.splice(pick(lines.length + 1), 0, ' '.repeat(pick(7)) + insertedLines[pick(insertedLines.length)]);
        varied = lines.join('\n');
    }
  }
  return varied;
}

describe('the reader of the common YAML shape', () => {
  it("reads the project's YAML files as yaml does, and takes the sample edition's every file", () => {
    const taken = new Set(projectTexts.filter(({ text }) => readsAsYaml(text)).map(({ file }) => file));
    const sample = projectTexts
      .map(({ file }) => file)
      .filter((file) => file === 'guide.yaml' || file === path.join('templates', 'theme.yaml') || file.startsWith(`policies${path.sep}`));
    assert.ok(sample.length > 40);
    assert.deepEqual(sample.filter((file) => !taken.has(file)), []);
  });

  it('reads every variation of them it takes as yaml does, and leaves the rest to yaml', () => {
    let taken = 0;
    let runs = 0;
    for (const seed of [1, 2, 3]) {
      const pick = random(seed);
      for (let n = 0; n < 4000; n++, runs++) {
        if (readsAsYaml(vary(projectTexts[pick(projectTexts.length)]!.text, pick))) taken++;
      }
    }
    // Enough of them are taken for the comparison to mean something.
    assert.ok(taken > runs / 10, `only ${taken} of ${runs} taken`);
  });

  it('reads the shapes of measure files as yaml does', () => {
    const texts = [
      'id: a\ntitle: 標題 # 註\n',
      'n: 1\nf: 1.50\nx: 0x1F\no: 0o17\nb: true\nz: null\nt: ~\ninf: .inf\nd: 2020-03-05\n',
      'a: "q\\u00e9 \\"x\\" \\\\ \\/ \\t"\nb: \'it\'\'s\'\n',
      'c: |\n  x\n\n    y\n\nd: |-\n  z\n',
      'c: |\n  x\n   \n',
      'e: { from: 2020-02-01, until: 2020-06-30 }\nf: [a, "b", \'c\']\ng: []\nh: {}\n',
      'i: { name: 熱線, hours: 工作日 9:00–17:00, n: [1, { k: v }] }\n',
      'list:\n  - a\n  - name: b\n    note: c\n  - [1, two]\nsame:\n- x\n- y\n',
      'a:\n  b:\n    c: 1\n  # between\n  d: 2\n# end\n',
      '1: one\n2: two\n',
      '- a\n- b: c\n',
    ];
    for (const text of texts) assert.ok(readsAsYaml(text), JSON.stringify(text));
  });

  it('leaves to yaml what it does not follow or yaml refuses', () => {
    const texts = [
      'a: b\n  continued\n',
      'a: 1\na: 2\n',
      'a: &x 1\nb: *x\n',
      'a: !!binary x\n',
      'a:\tb\n',
      'a: b\r\n',
      '---\na: 1\n',
      'a: >\n  folded\n',
      'a: |+\n  kept\n\n',
      'a: |2\n  x\n',
      'a: "\\x41"\n',
      'a: "open\n',
      'a: [1, 2,]\n',
      'a:\n',
      'a: b: c\n',
      'a:\n  b: 1\n  # after its last entry\nc: 2\n',
      'a: 1\n  # indented at the end\n',
      '? complex\n: key\n',
      '"quoted key": 1\n',
      '  indented: root\n',
      `${'k'.repeat(1025)}: 1\n`,
    ];
    for (const text of texts) assert.equal(readPlainYaml(text, options), undefined, JSON.stringify(text));
  });

  it('gives yaml a file nested deeper than the stack goes', () => {
    const deep = `a: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`;
    assert.equal(readPlainYaml(deep, options), undefined);
  });
});
