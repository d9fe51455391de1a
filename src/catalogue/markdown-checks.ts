/**
 * What `guide build` would refuse in a Markdown text field (links that are not http(s), raw HTML,
 * images), found by `guide validate` and reported at the field in the measure file rather than
 * at a line of the rendered guide; and lines that would open a heading or block, which a field
 * cannot (they print as typed), as warnings.
 */

import { isScalar, type Document, type Node } from 'yaml';
import { diagnostic, type Diagnostic, type Range } from '../diagnostics/diagnostic.js';
import type { DiagnosticCode } from '../diagnostics/codes.js';
import { catalogueMessages as say } from '../messages/catalogue.js';
import { parseMarkdown, type MdNode } from '../model/parse-markdown.js';
import { blockOpenings } from '../template/escape.js';

/** The measure fields the templates print as Markdown ({{{…}}}); `*` is every list item. */
const measureMarkdownFields: readonly (readonly (string | '*')[])[] = [
  ['summary'],
  ['content'],
  ['eligibility', '*'],
  ['steps', '*'],
  ['faq', '*', 'a'],
];

/** guide.yaml's Markdown fields. */
const editionMarkdownFields: readonly (readonly (string | '*')[])[] = [['preface'], ['categories', '*', 'intro']];

/** As the Markdown reader decides (model/read-markdown.ts): an http(s) address, or #id of a heading. */
function isAllowedUrl(url: string): boolean {
  return /^https?:\/\/[^\s/]+\S*$/i.test(url) || /^#.+$/.test(url);
}

/** Every scalar node at `path`, where `*` stands for each item of a list. */
function nodesAt(doc: Document, path: readonly (string | '*')[]): Node[] {
  let nodes: unknown[] = [doc.contents];
  for (const step of path) {
    const next: unknown[] = [];
    for (const node of nodes) {
      if (node === null || typeof node !== 'object' || !('items' in node)) continue;
      const items = (node as { items: unknown[] }).items;
      if (step === '*') next.push(...items.filter((item) => !(item && typeof item === 'object' && 'key' in item)));
      else {
        const pair = items.find(
          (item) =>
            item !== null && typeof item === 'object' && 'key' in item && isScalar(item.key) && item.key.value === step,
        ) as { value: unknown } | undefined;
        if (pair) next.push(pair.value);
      }
    }
    nodes = next;
  }
  return nodes.filter((node): node is Node => isScalar(node) && typeof node.value === 'string');
}

/**
 * Where `snippet` (a piece of the value) is written in the file: searched for within the node's
 * source, since block scalars and quotes make value offsets differ from file offsets. Falls back
 * to the start of the value.
 */
function locate(text: string, node: Node, snippet: string): Range {
  const [start, end] = node.range ? [node.range[0], node.range[1]] : [0, 0];
  const firstLine = snippet.split('\n')[0]!;
  const at = firstLine === '' ? -1 : text.slice(start, end).indexOf(firstLine);
  return at >= 0 ? [start + at, start + at + firstLine.length] : [start, Math.max(start + 1, end)];
}

function checkValue(file: string, text: string, node: Node, field: string, out: Diagnostic[]): void {
  const value = (node as unknown as { value: string }).value;
  // One warning per field, at its first such line: a pasted block of them is one mistake.
  const openings = blockOpenings(value);
  if (openings.length > 0) {
    const openers = [...new Set(openings.map((o) => o.opener.trim()))].join(' ');
    out.push(
      diagnostic('W-MARKDOWN-BLOCK', say.markdownBlock({ field, count: openings.length, openers }), {
        file,
        range: locate(text, node, openings[0]!.line),
        hint: say.markdownBlockHint(),
      }),
    );
  }
  if (!/[<[]/.test(value)) return; // no link, image or HTML can start without one
  const report = (code: DiagnosticCode, mdNode: MdNode, message: string, hint: string) => {
    const snippet = mdNode.range ? value.slice(mdNode.range[0], mdNode.range[1]) : '';
    out.push(diagnostic(code, message, { file, range: locate(text, node, snippet), hint }));
  };
  const visit = (mdNode: MdNode): void => {
    switch (mdNode.type) {
      case 'link':
        // A reference's URL is checked where it is defined.
        if (!mdNode.reference && !isAllowedUrl(mdNode.url)) {
          report('E-MARKDOWN-LINK', mdNode, say.markdownLink({ field, url: mdNode.url }), say.markdownLinkHint());
        }
        break;
      case 'definition':
        if (!isAllowedUrl(mdNode.url)) {
          report('E-MARKDOWN-LINK', mdNode, say.markdownLink({ field, url: mdNode.url }), say.markdownLinkHint());
        }
        break;
      case 'html':
        report(
          'E-MARKDOWN-HTML',
          mdNode,
          say.markdownHtml({ field, html: mdNode.value.split('\n')[0]! }),
          say.markdownHtmlHint(),
        );
        break;
      case 'image':
        report('E-MARKDOWN-IMAGE', mdNode, say.markdownImage({ field }), say.markdownImageHint());
        break;
      case 'list':
        for (const item of mdNode.items) item.forEach(visit);
        break;
    }
    if ('children' in mdNode) for (const child of mdNode.children) visit(child);
  };
  // As the value is on its own: CommonMark, without the templates' tables and directives.
  parseMarkdown(value, 'commonmark').forEach(visit);
}

function check(file: string, text: string, doc: Document, fields: readonly (readonly (string | '*')[])[]) {
  const out: Diagnostic[] = [];
  for (const path of fields) {
    for (const node of nodesAt(doc, path)) checkValue(file, text, node, path.filter((p) => p !== '*').join('.'), out);
  }
  return out;
}

/** Links, HTML and images in a measure's Markdown fields that `guide build` would refuse. */
export function measureMarkdownDiagnostics(file: string, text: string, doc: Document): Diagnostic[] {
  return check(file, text, doc, measureMarkdownFields);
}

/** The same for guide.yaml's preface and chapter intros. */
export function editionMarkdownDiagnostics(file: string, text: string, doc: Document): Diagnostic[] {
  return check(file, text, doc, editionMarkdownFields);
}
