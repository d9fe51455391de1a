/**
 * The Typst comparison: the same guide written as a Typst document and compiled to PDF with
 * `@myriaddreamin/typst-ts-node-compiler` (Typst's compiler as a native Node addon), with the
 * same Noto Sans TC TTFs guide uses.
 *
 * The Typst source is generated from the DocModel guide's reader builds from the Selection, so
 * both PDFs hold the same text: cover, TOC, chapter and measure headings, paragraphs, lists,
 * each measure's two-column service card and the appendix tables, with the same page size,
 * margins, font sizes, running header and "第 N 頁，共 M 頁" footer. Typst has no built-in QR
 * code, so a QR block is its label and URL as text (guide draws a QR image there).
 *
 * The compiler is optional: the harness never installs it and reports the rows "not measured"
 * when it is absent.
 */

import { createRequire } from 'node:module';
import path from 'node:path';
import type { Block, DocModel, Inline, ParagraphRole, Table } from '../../src/model/doc-model.js';
import { repoRoot } from './guide-lib.js';

/** The npm package that provides the comparison. */
export const typstPackage = '@myriaddreamin/typst-ts-node-compiler';

/** The part of the compiler's API the benchmark uses. */
interface TypstCompileResult {
  readonly result: unknown;
  hasError(): boolean;
  printErrors(): void;
}

/** A Typst compiler with fonts loaded; reused across documents in one process. */
export interface TypstCompiler {
  compile(options: { mainFileContent: string }): TypstCompileResult;
  pdf(document: unknown): Buffer;
  evictCache(maxAge: number): void;
}

interface TypstModule {
  NodeCompiler: { create(args?: { fontArgs?: { fontPaths: string[] }[] }): TypstCompiler };
}

const require = createRequire(path.join(repoRoot, 'package.json'));

/**
 * Folders (besides the repository) to look for optional comparison packages in, from
 * `BENCH_NODE_PATH` (separated by ":"): a `npm install --no-save` in the working tree is undone
 * by the next `npm install` or `npm ci`, so the tools can live in a folder of their own.
 */
function extraPaths(): string[] {
  return (process.env.BENCH_NODE_PATH ?? '').split(path.delimiter).filter(Boolean);
}

/** Where the compiler package resolves (the repository's node_modules, then `BENCH_NODE_PATH`), or why it does not. */
export function findTypst(): { module: string; version: string } | { missing: string } {
  try {
    const module = require.resolve(typstPackage, { paths: [repoRoot, ...extraPaths()] });
    // The native binary comes in a per-platform optional dependency; loading proves it is there.
    require(module);
    const manifest = require(path.join(path.dirname(module), 'package.json')) as { version: string };
    return { module, version: manifest.version };
  } catch (error) {
    const reason = (error as Error).message.split('\n')[0]!;
    return { missing: `${typstPackage} is not installed or does not load (${reason})` };
  }
}

/** The folders holding the Noto Sans TC regular and bold TTFs (the fonts guide's theme names). */
export function typstFontDirs(): string[] {
  return ['400Regular/NotoSansTC_400Regular.ttf', '700Bold/NotoSansTC_700Bold.ttf'].map((file) =>
    path.dirname(require.resolve(`@expo-google-fonts/noto-sans-tc/${file}`)),
  );
}

/** A compiler with the fonts loaded, for in-process (warm) timings. */
export function createTypstCompiler(module: string): TypstCompiler {
  const typst = require(module) as TypstModule;
  return typst.NodeCompiler.create({ fontArgs: [{ fontPaths: typstFontDirs() }] });
}

/** Compiles `source` to PDF bytes with `compiler`; throws on a Typst error. */
export function compileTypst(compiler: TypstCompiler, source: string): Buffer {
  const compiled = compiler.compile({ mainFileContent: source });
  if (compiled.hasError() || !compiled.result) {
    compiled.printErrors();
    throw new Error('Typst could not compile the generated document');
  }
  return compiler.pdf(compiled.result);
}

/**
 * What a fresh process runs for the cold Typst timing, the counterpart of `guide build`: load
 * the addon, open the fonts, compile the .typ file and write the PDF. Plain CommonJS for
 * `node -e`, so no TypeScript loader's start-up is counted against Typst.
 * Arguments: module path, .typ file, .pdf file, font folders.
 */
export const typstColdScript = [
  "const fs = require('node:fs');",
  'const [module, input, output, ...fontPaths] = process.argv.slice(1);',
  'const compiler = require(module).NodeCompiler.create({ fontArgs: [{ fontPaths }] });',
  "const compiled = compiler.compile({ mainFileContent: fs.readFileSync(input, 'utf8') });",
  'if (compiled.hasError() || !compiled.result) { compiled.printErrors(); process.exit(1); }',
  'fs.writeFileSync(output, compiler.pdf(compiled.result));',
].join('\n');

/** A Typst string literal: Typst's escapes are JSON's, except `\u{…}` for other code points. */
function str(text: string): string {
  let out = '"';
  for (const c of text) {
    const code = c.codePointAt(0)!;
    if (c === '\\' || c === '"') out += `\\${c}`;
    else if (c === '\n') out += '\\n';
    else if (c === '\t') out += '\\t';
    else if (code < 0x20) out += `\\u{${code.toString(16)}}`;
    else out += c;
  }
  return `${out}"`;
}

function inlines(children: readonly Inline[]): string {
  return children
    .map((inline) => {
      switch (inline.type) {
        case 'text':
          return `#${str(inline.value)}`;
        case 'strong':
          return `#strong[${inlines(inline.children)}]`;
        case 'emphasis':
          return `#emph[${inlines(inline.children)}]`;
        case 'link':
          return inline.url.startsWith('#')
            ? `#link(label(${str(inline.url.slice(1))}))[${inlines(inline.children)}]`
            : `#link(${str(inline.url)})[${inlines(inline.children)}]`;
        case 'break':
          return '#linebreak()';
      }
    })
    .join('');
}

/** Paragraph roles as Typst text settings (guide's theme values). */
const roleStyle: Record<ParagraphRole, string> = {
  body: '',
  lead: 'fill: rgb("#333333")',
  note: 'size: 8.5pt, fill: rgb("#666666")',
  title: 'size: 26pt, weight: "bold", fill: rgb("#8b1a1a")',
  subtitle: 'size: 16pt, fill: rgb("#333333")',
  'cover-meta': 'size: 12pt, fill: rgb("#333333")',
  letter: '',
  signature: '',
};
const centred: ReadonlySet<ParagraphRole> = new Set(['title', 'subtitle', 'cover-meta']);

function table(block: Table): string {
  const columns = block.columns.map((width) => `${Math.round(width * 1000)}fr`).join(', ');
  const cell = (children: readonly Block[]) => `[${blocks(children)}]`;
  const header = block.header.length
    ? `table.header(${block.header.flatMap((row) => row.cells.map((c) => cell(c.children))).join(', ')}), `
    : '';
  const rows = block.rows.flatMap((row) => row.cells.map((c) => cell(c.children))).join(', ');
  const fill = block.variant === 'card' ? '(x, _) => if x == 0 { rgb("#f5f0f0") }' : 'none';
  return `#table(columns: (${columns}), inset: 5pt, stroke: 0.5pt + rgb("#b3b3b3"), fill: ${fill}, ${header}${rows})\n\n`;
}

function blocks(list: readonly Block[]): string {
  return list.map(block).join('');
}

function block(node: Block): string {
  switch (node.type) {
    case 'heading':
      return `#heading(level: ${node.level}, outlined: ${node.toc})[${inlines(node.children)}] #label(${str(node.id)})\n\n`;
    case 'paragraph': {
      const style = roleStyle[node.role];
      const text = style ? `#text(${style})[${inlines(node.children)}]` : inlines(node.children);
      return centred.has(node.role) ? `#align(center)[${text}]\n\n` : `${text}\n\n`;
    }
    case 'list': {
      const items = node.items.map((item) => `[${blocks(item.children)}]`).join(', ');
      return node.ordered ? `#enum(start: ${node.start}, ${items})\n\n` : `#list(${items})\n\n`;
    }
    case 'table':
      return table(node);
    case 'page-break':
      return '#pagebreak(weak: true)\n\n';
    case 'toc':
      return `#outline(title: [${inlines([{ type: 'text', value: node.title }])}], depth: 2)\n\n`;
    case 'qr':
      return `${inlines(node.label)} #text(size: 8.5pt, fill: rgb("#666666"))[#${str(node.url)}]\n\n`;
    case 'thematic-break':
      return '#line(length: 100%, stroke: 0.5pt + rgb("#b3b3b3"))\n\n';
  }
}

/** The whole guide as a Typst document: page set-up from guide's theme, then each section. */
export function docModelToTypst(model: DocModel): string {
  const out = [
    '#set document(title: ' + str(model.meta.title) + ')',
    '#set page(paper: "a4", margin: (top: 72pt, right: 62pt, bottom: 68pt, left: 62pt))',
    '#set text(font: "Noto Sans TC", size: 10.5pt, lang: "zh", region: "tw", fill: rgb("#1f1f1f"))',
    // guide's line height 1.7 (1.55 in tables) is baseline to baseline; Typst's leading is the gap.
    '#set par(justify: true, leading: 0.95em, spacing: 1.2em)',
    '#show heading.where(level: 1): set text(size: 18pt, fill: rgb("#8b1a1a"))',
    '#show heading.where(level: 2): set text(size: 13.5pt)',
    '#show heading.where(level: 3): set text(size: 11pt, fill: rgb("#8b1a1a"))',
    '#show table: set text(size: 9.5pt)',
    '#show table: set par(leading: 0.8em)',
    '',
  ];
  let counted = false;
  for (const section of model.sections) {
    if (section.kind === 'body' && !counted) {
      counted = true;
      // Body pages are numbered from 1 and carry the running header and "第 N 頁，共 M 頁".
      out.push(
        '#set page(' +
          `header: align(right, text(size: 8.5pt, fill: rgb("#666666"))[#${str(model.meta.header)}]), ` +
          'footer: context align(center, text(size: 8.5pt, fill: rgb("#666666"))[' +
          '第 #counter(page).display() 頁，共 #counter(page).final().first() 頁]))',
        '#counter(page).update(1)',
        '',
      );
    }
    out.push(blocks(section.blocks));
  }
  return out.join('\n');
}
