/**
 * Class fields as the packages wrote them, in the bundle. markdown-it and docx ship their classes
 * compiled by Babel, which turns each field into a call of its helper
 * (`_defineProperty(this, "map", null)`): a property key conversion, an `in` test and a keyed
 * store, through one call site for every field of every class. V8 can make none of those
 * stores fast, and markdown-it makes a token object of twelve fields for every piece of Markdown
 * it reads: building those tokens was a third of reading the sample's Markdown from a cold start.
 * The bundle writes each such call as the field's own store, which V8 turns into a fast
 * transition of the object's shape, with the same result: what the helper does, as a statement.
 */

import ts from 'typescript';

/**
 * Babel's helper, whole, as it defines a class field (`key` made a property key, which a string
 * already is; defined where the object or its prototypes have it, else set).
 */
const babelHelper =
  /function (_defineProperty\d*)\((\w+), (\w+), (\w+)\) \{\s*return \(\3 = toPropertyKey\(\3\)\) in \2 \? Object\.defineProperty\(\2, \3, \{\s*value: \4,\s*enumerable: (?:!0|true),\s*configurable: (?:!0|true),\s*writable: (?:!0|true)\s*\}\) : \2\[\3\] = \4, \2;\s*\}/g;

/** A property name that can follow a dot. */
const plainName = /^[A-Za-z_$][\w$]*$/;

/**
 * `source` (a module of a package) with each statement `helper(this, "name", value);` of Babel's
 * class-field helper written as `{ const classFieldValue = value; if ("name" in this)
 * helper(this, "name", classFieldValue); else this.name = classFieldValue; }`: the value first,
 * then the helper where the name is on the object or its prototypes (where a store could meet a
 * setter), a store where it is not (which adds the property as the helper's own store did).
 * Returns `source` unchanged when it holds no such helper.
 */
export function classFieldsAsStores(source: string, file: string): string {
  const helpers = new Set([...source.matchAll(babelHelper)].map((match) => match[1]!));
  if (helpers.size === 0) return source;
  const parsed = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, false, ts.ScriptKind.JS);
  const edits: { start: number; end: number; text: string }[] = [];
  const visit = (node: ts.Node): void => {
    const field = fieldDefinition(node, helpers);
    if (field) {
      const [, key, value] = field.arguments;
      // The value may hold functions that define fields of their own: their statements are edited
      // too, inside this one's text.
      const inner = edits.length;
      visit(value!);
      const valueText = withEdits(source, value!.getStart(parsed), value!.end, edits.splice(inner));
      const name = (key as ts.StringLiteral).text;
      const helper = (field.expression as ts.Identifier).text;
      edits.push({
        start: node.getStart(parsed),
        end: node.end,
        text:
          `{ const classFieldValue = ${valueText}; ` +
          `if (${JSON.stringify(name)} in this) ${helper}(this, ${JSON.stringify(name)}, classFieldValue); ` +
          `else this.${name} = classFieldValue; }`,
      });
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(parsed);
  return withEdits(source, 0, source.length, edits);
}

/** The helper's call of a statement `helper(this, "name", value);`, when `node` is one. */
function fieldDefinition(node: ts.Node, helpers: ReadonlySet<string>): ts.CallExpression | undefined {
  if (!ts.isExpressionStatement(node) || !ts.isCallExpression(node.expression)) return undefined;
  const call = node.expression;
  const [target, key, value] = call.arguments;
  const isField =
    ts.isIdentifier(call.expression) &&
    helpers.has(call.expression.text) &&
    call.arguments.length === 3 &&
    target!.kind === ts.SyntaxKind.ThisKeyword &&
    ts.isStringLiteral(key!) &&
    plainName.test(key.text) &&
    value !== undefined &&
    !ts.isSpreadElement(value);
  return isField ? call : undefined;
}

/** `source` from `start` to `end`, with `edits` (in order, within it) applied. */
function withEdits(
  source: string,
  start: number,
  end: number,
  edits: readonly { start: number; end: number; text: string }[],
): string {
  let text = '';
  let at = start;
  for (const edit of edits) {
    text += source.slice(at, edit.start) + edit.text;
    at = edit.end;
  }
  return text + source.slice(at, end);
}
