/** YAML text → a document whose nodes keep their source ranges, or diagnostics in plain words. */

import { isAlias, isNode, parseDocument, visit, type Document, type Node } from 'yaml';
import { diagnostic, type Diagnostic, type Range } from '../diagnostics/diagnostic.js';
import { keyboardTrapDiagnostics } from './keyboard-traps.js';
import { yamlMessages as say } from '../messages/schema.js';
import { yamlSyntaxDiagnostics } from './yaml-errors.js';

/** Enough for anchors staff might use for a shared contact; far below an alias bomb. */
const maxAliasCount = 100;

function lineOf(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/**
 * Text → YAML document, with syntax errors, duplicate keys, alias bombs and explicit tags reported
 * as diagnostics. Returns no document when it cannot be trusted.
 */
export function parseYaml(file: string, text: string): { doc?: Document; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true, strict: true });
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

  let firstAlias: Range | undefined;
  visit(doc, (_key, node) => {
    if (isAlias(node) && !firstAlias && node.range) firstAlias = [node.range[0], node.range[1]];
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
  if (firstAlias) {
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
