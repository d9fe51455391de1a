/** YAML text → a document whose nodes keep their source ranges, or diagnostics in plain words. */

import { isAlias, isCollection, isNode, isPair, parseDocument, visit, type Document, type Node } from 'yaml';
import { diagnostic, type Diagnostic, type Range } from '../diagnostics/diagnostic.js';
import { keyboardTrapDiagnostics } from './keyboard-traps.js';
import { readPlainYaml } from './plain-yaml.js';
import { yamlMessages as say } from '../messages/schema.js';
import { yamlSyntaxDiagnostics } from './yaml-errors.js';

const yamlOptions = { prettyErrors: false, uniqueKeys: true, strict: true } as const;

/** Enough for anchors staff might use for a shared contact; far below an alias bomb. */
const maxAliasCount = 100;

/**
 * Deeper than any measure file, guide.yaml or firm list needs (they nest five or six levels);
 * shallow enough that no recursive walk over the document can run out of stack.
 */
export const maxNestingDepth = 64;

/** The first node nested deeper than `maxNestingDepth`, found without recursion. */
function tooDeep(doc: Document): Node | undefined {
  const stack: [unknown, number][] = [[doc.contents, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (!isCollection(node)) continue;
    if (depth > maxNestingDepth) return node;
    for (const item of node.items as unknown[]) {
      if (isPair(item)) stack.push([item.key, depth + 1], [item.value, depth + 1]);
      else stack.push([item, depth + 1]);
    }
  }
  return undefined;
}

function lineOf(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/**
 * Text → YAML document, with syntax errors, duplicate keys, alias bombs and explicit tags reported
 * as diagnostics. Returns no document when it cannot be trusted.
 */
export function parseYaml(file: string, text: string): { doc?: Document; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  let doc: Document;
  try {
    doc = readPlainYaml(text, yamlOptions) ?? parseDocument(text, yamlOptions);
  } catch (error) {
    // yaml's parser recurses once per level: thousands of levels run out of stack.
    if (!(error instanceof RangeError)) throw error;
    return { diagnostics: [depthDiagnostic(file, text, undefined)] };
  }
  // The same overflow in flow collections ([[[…]]]) is caught by yaml and reported as an error.
  if (doc.errors.some((e) => e.message.includes('Maximum call stack size exceeded')))
    return { diagnostics: [depthDiagnostic(file, text, undefined)] };
  // A Chinese-keyboard mistake is named for what it is; the parser's own complaint about the same
  // line ("holds ': '") would only mislead, so it is dropped.
  const traps = keyboardTrapDiagnostics(file, text);
  const trapLines = new Set(traps.map((d) => lineOf(text, d.range![0])));
  diagnostics.push(...traps);
  diagnostics.push(
    ...yamlSyntaxDiagnostics(file, text, doc.errors).filter((d) => !trapLines.has(lineOf(text, d.range![0]))),
  );
  if (diagnostics.length > 0) {
    diagnostics.sort((a, b) => a.range![0] - b.range![0]);
    return { diagnostics };
  }

  const deep = tooDeep(doc);
  if (deep) return { diagnostics: [depthDiagnostic(file, text, deep.range?.[0])] };

  let firstAlias: Range | undefined;
  let unknownAlias = false;
  visit(doc, (_key, node) => {
    if (isAlias(node) && !firstAlias && node.range) firstAlias = [node.range[0], node.range[1]];
    // yaml would report it below as a ReferenceError, which reads like an alias bomb.
    if (isAlias(node) && node.resolve(doc) === undefined) {
      unknownAlias = true;
      const range: Range = node.range ? [node.range[0], node.range[1]] : [0, 0];
      diagnostics.push(
        diagnostic('E-YAML-ALIAS-UNKNOWN', say.aliasUnknown({ alias: node.source }), {
          file,
          range,
          hint: say.aliasUnknownHint({ alias: node.source }),
        }),
      );
    }
    if (!isNode(node)) return;
    const tag = (node as Node).tag;
    // Implicit types carry no tag; only an explicit `!x` or `!!x` in the file sets one.
    if (tag !== undefined && tag !== 'tag:yaml.org,2002:str') {
      const written = tag.replace('tag:yaml.org,2002:', '!!');
      const valueStart = (node as Node).range?.[0] ?? 0;
      // The node's range starts at its value; the tag is written just before it.
      const tagStart = Math.max(0, text.lastIndexOf(written, valueStart));
      diagnostics.push(
        diagnostic('E-YAML-TAG', say.tag({ tag: written }), {
          file,
          range: [tagStart, tagStart + written.length],
          hint: say.tagHint(),
        }),
      );
    }
  });
  // Only a file with aliases can be a bomb; yaml's own counter stops the expansion early.
  if (firstAlias && !unknownAlias) {
    try {
      doc.toJS({ maxAliasCount });
    } catch (error) {
      if (!(error instanceof ReferenceError)) throw error;
      diagnostics.push(
        diagnostic('E-YAML-ALIAS', say.aliasBomb(), {
          file,
          range: firstAlias,
          hint: say.aliasBombHint({ max: maxAliasCount }),
        }),
      );
    }
  }
  return diagnostics.length > 0 ? { diagnostics } : { doc, diagnostics };
}

/** Nested too deep: at the first node past the limit, or at the first line nested deeper than it. */
function depthDiagnostic(file: string, text: string, at: number | undefined): Diagnostic {
  const start = at ?? Math.max(0, text.search(new RegExp(`^(?:[ \\t]*-[ \\t]+){${maxNestingDepth}}|[[{]{${maxNestingDepth}}`, 'm')));
  return diagnostic('E-YAML-DEPTH', say.tooDeep({ max: maxNestingDepth }), {
    file,
    range: [start, start + 1],
    hint: say.tooDeepHint(),
  });
}
