/**
 * What the fuzzer mutates and what it runs on each mutant. A case is one file of a small copy of
 * the sample edition (guide.yaml, templates/, three measures, a firm list), replaced by a mutant,
 * and one `guide` command run in that folder.
 */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeXlsx } from '../test/batch/xlsx-fixture.js';
import type { MutationTarget } from './mutate.js';

/** The repository: the sample edition and the firm fixtures are read from here. */
export const repoRoot = new URL('..', import.meta.url).pathname;

/** The sample edition's files every case starts from: few measures, so a build takes about a second. */
export const editionFiles = [
  'guide.yaml',
  'templates',
  'policies/tax/tax-small-scale-vat.yaml',
  'policies/finance/finance-loan-deferral.yaml',
  'policies/investment/m26-01-equipment-rd.yaml',
] as const;

/** A command run on a case; `writes` is the folder that must hold a file of `extension` after exit 0. */
export interface Command {
  argv: readonly string[];
  weight: number;
  writes?: { dir: string; extension: string };
  /** Exit 0 must print something (an explanation). */
  prints?: boolean;
}

export interface Target extends MutationTarget {
  name: string;
  /** The file's path in the case folder. */
  path: string;
  /** The file before mutation, in its on-disk form (for XLSX, tab-separated text made into a workbook). */
  seed: Buffer;
  /** The bytes written to `path` for a mutant. */
  materialise: (bytes: Buffer) => Buffer;
  commands: readonly Command[];
}

const utf8 = { encode: (text: string) => Buffer.from(text, 'utf8'), decode: (bytes: Buffer) => bytes.toString('utf8') };

let gbTable: Map<string, Buffer> | undefined;

/** GB18030 bytes of `text` (the two-byte part of the code, which holds every Chinese character of our fixtures). */
function encodeGb18030(text: string): Buffer {
  if (!gbTable) {
    gbTable = new Map();
    const decoder = new TextDecoder('gb18030');
    for (let lead = 0x81; lead <= 0xfe; lead++) {
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        if (trail === 0x7f) continue;
        const bytes = Buffer.from([lead, trail]);
        const char = decoder.decode(bytes);
        if (char.length === 1 && char !== '\ufffd' && !gbTable.has(char)) gbTable.set(char, bytes);
      }
    }
  }
  const parts: Buffer[] = [];
  for (const char of text) {
    if (char.codePointAt(0)! < 0x80) parts.push(Buffer.from(char, 'latin1'));
    else parts.push(gbTable.get(char) ?? Buffer.from(char, 'utf8'));
  }
  return Buffer.concat(parts);
}

const gb18030 = { encode: encodeGb18030, decode: (bytes: Buffer) => new TextDecoder('gb18030').decode(bytes) };

const identity = (bytes: Buffer) => bytes;

/** Tab-separated text → a one-sheet workbook; a row per line, a cell per tab. */
function tsvToXlsx(bytes: Buffer): Buffer {
  const rows = bytes
    .toString('utf8')
    .split('\n')
    .map((line) => line.split('\t').map((cell) => (/^-?\d+(\.\d+)?$/.test(cell) ? Number(cell) : cell)));
  return Buffer.from(makeXlsx([{ name: '名單', rows }]));
}

const read = (path: string) => readFileSync(join(repoRoot, path));

function firmCsv(): string {
  // The header and two firms: batch builds a guide for each, so a short list keeps a case fast.
  return read('test/fixtures/firms/firms.csv').toString('utf8').split('\n').slice(0, 3).join('\n') + '\n';
}

const validate: Command = { argv: ['validate'], weight: 6 };
const build: Command = { argv: ['build', '--format', 'pdf'], weight: 1, writes: { dir: 'dist', extension: '.pdf' } };

function batchCommands(list: string, firm: string): Command[] {
  return [
    { argv: ['batch', '--firms', list, '--explain', firm], weight: 4, prints: true },
    {
      argv: ['batch', '--firms', list, '--format', 'pdf', '--jobs', '1'],
      weight: 1,
      writes: { dir: 'dist/firms', extension: '.pdf' },
    },
  ];
}

/** Every target; each runs at least once in a run, then they are drawn at random. */
export const targets: readonly Target[] = [
  {
    name: 'measure',
    path: 'policies/tax/tax-small-scale-vat.yaml',
    seed: read('policies/tax/tax-small-scale-vat.yaml'),
    syntaxes: ['yaml', 'markdown'],
    yaml: true,
    ...utf8,
    materialise: identity,
    commands: [validate, build],
  },
  {
    name: 'guide.yaml',
    path: 'guide.yaml',
    seed: read('guide.yaml'),
    syntaxes: ['yaml', 'markdown'],
    yaml: true,
    ...utf8,
    materialise: identity,
    commands: [validate, build],
  },
  ...['measure.md.hbs', 'cover.md.hbs', 'guide.md.hbs', 'letter.md.hbs'].map((name): Target => ({
    name: `templates/${name}`,
    path: `templates/${name}`,
    seed: read(`templates/${name}`),
    syntaxes: ['handlebars', 'markdown'],
    yaml: false,
    ...utf8,
    materialise: identity,
    // The letter only appears in a firm's guide.
    commands: name === 'letter.md.hbs' ? batchCommands('firms.csv', 'TW-0001').slice(1) : [build],
  })),
  {
    name: 'templates/theme.yaml',
    path: 'templates/theme.yaml',
    seed: read('templates/theme.yaml'),
    syntaxes: ['yaml'],
    yaml: true,
    ...utf8,
    materialise: identity,
    commands: [build],
  },
  {
    name: 'firms.csv (UTF-8)',
    path: 'firms.csv',
    seed: Buffer.from(firmCsv(), 'utf8'),
    syntaxes: ['csv', 'markdown'],
    yaml: false,
    ...utf8,
    materialise: identity,
    commands: batchCommands('firms.csv', 'TW-0001'),
  },
  {
    name: 'firms.csv (GB18030)',
    path: 'firms.csv',
    seed: read('test/fixtures/firms/firms-gb18030.csv'),
    syntaxes: ['csv', 'markdown'],
    yaml: false,
    ...gb18030,
    materialise: identity,
    commands: batchCommands('firms.csv', 'GB-001'),
  },
  {
    name: 'firms.yaml',
    path: 'firms.yaml',
    seed: read('test/fixtures/firms/firms.yaml'),
    syntaxes: ['yaml', 'csv'],
    yaml: true,
    ...utf8,
    materialise: identity,
    commands: batchCommands('firms.yaml', 'YM-001'),
  },
  {
    name: 'firms.xlsx',
    path: 'firms.xlsx',
    seed: Buffer.from(firmCsv().replace(/,/g, '\t'), 'utf8'),
    syntaxes: ['csv', 'markdown'],
    yaml: false,
    ...utf8,
    materialise: tsvToXlsx,
    commands: batchCommands('firms.xlsx', 'TW-0001'),
  },
];
