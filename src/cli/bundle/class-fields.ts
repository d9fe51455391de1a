/**
 * Class fields as the packages wrote them, in the bundle. markdown-it ships its classes
 * compiled by Babel, which turns each field into a call of its helper
 * (`_defineProperty(this, "map", null)`): a property key conversion, an `in` test and a keyed
 * store, through one call site for every field of every class. V8 can make none of those
 * stores fast, and markdown-it makes a token object of twelve fields for every piece of Markdown
 * it reads: building those tokens was a third of reading the sample's Markdown from a cold start.
 * The bundle writes each such call as what the helper does, in place, so that the store is the
 * field's own, which V8 turns into a fast transition of the object's shape.
 */

import ts from 'typescript';

/**
 * Babel's helper, whole, as it defines a class field: `key` made a property key (which a string
 * already is), then defined where the object or its prototypes have it, else set.
 */
const babelHelper =
  /function (_defineProperty\d*)\((\w+), (\w+), (\w+)\) \{\s*return \(\3 = toPropertyKey\(\3\)\) in \2 \? Object\.defineProperty\(\2, \3, \{\s*value: \4,\s*enumerable: (?:!0|true),\s*configurable: (?:!0|true),\s*writable: (?:!0|true)\s*\}\) : \2\[\3\] = \4, \2;\s*\}/g;

/** A property name that can follow a dot. */
const plainName = /^[A-Za-z_$][\w$]*$/;

/** The constants each statement written holds: names the module must not use already. */
const target = 'classFieldTarget';
const value = 'classFieldValue';

/**
 * `source` (a package's module) with each statement `helper(this, "name", value);` of Babel's
 * class-field helper written as what the helper does:
 * `{ const classFieldTarget = this, classFieldValue = value; if ("name" in classFieldTarget)
 * Object.defineProperty(classFieldTarget, "name", { value: classFieldValue, enumerable: true,
 * configurable: true, writable: true }); else classFieldTarget.name = classFieldValue; }`, in
 * the same order (the object, then the value, then the test). Only in an ES module (strict, as
 * the helper is), where the helper is the one function of its name, no binding shadows `Object`,
 * the two constants' names are not used, and no `with` or `eval` could change what a name means;
 * any other module is returned as it is.
 */
export function classFieldsAsStores(source: string, file: string): string {
  const helpers = new Set([...source.matchAll(babelHelper)].map((match) => match[1]!));
  if (helpers.size === 0 || source.includes(target) || source.includes(value)) return source;
  const parsed = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
  if (!ts.isExternalModule(parsed) || !namesMeanWhatTheySay(parsed, helpers)) return source;
  const edits: { start: number; end: number; text: string }[] = [];
  const visit = (node: ts.Node): void => {
    const field = fieldDefinition(node, helpers);
    if (field) {
      const [, key, initial] = field.arguments;
      // The value may hold functions that define fields of their own: their statements are edited
      // too, inside this one's text.
      const inner = edits.length;
      visit(initial!);
      const valueText = withEdits(source, initial!.getStart(parsed), initial!.end, edits.splice(inner));
      const name = (key as ts.StringLiteral).text;
      const quoted = JSON.stringify(name);
      edits.push({
        start: node.getStart(parsed),
        end: node.end,
        text:
          `{ const ${target} = this, ${value} = ${valueText}; ` +
          `if (${quoted} in ${target}) Object.defineProperty(${target}, ${quoted}, ` +
          `{ value: ${value}, enumerable: true, configurable: true, writable: true }); ` +
          `else ${target}.${name} = ${value}; }`,
      });
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(parsed);
  return withEdits(source, 0, source.length, edits);
}

/**
 * Whether each helper name is bound once, by its top-level function, and `Object` by nothing of
 * the module's, with no `with` statement or `eval` call that could bind either otherwise.
 */
function namesMeanWhatTheySay(parsed: ts.SourceFile, helpers: ReadonlySet<string>): boolean {
  const watched = new Set([...helpers, 'Object']);
  const helperFunctions = parsed.statements.filter(
    (statement) => ts.isFunctionDeclaration(statement) && statement.name && helpers.has(statement.name.text),
  );
  if (helperFunctions.length !== helpers.size) return false;
  let sound = true;
  const visit = (node: ts.Node): void => {
    if (!sound) return;
    if (ts.isWithStatement(node)) sound = false;
    else if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'eval')
      sound = false;
    else if (ts.isIdentifier(node) && watched.has(node.text) && isBindingName(node))
      sound = helperFunctions.some((helper) => (helper as ts.FunctionDeclaration).name === node);
    ts.forEachChild(node, visit);
  };
  visit(parsed);
  return sound;
}

/** Whether `name` is where something binds it: a declaration's, a parameter's or an import's name. */
function isBindingName(name: ts.Identifier): boolean {
  const parent = name.parent;
  return (
    ((ts.isFunctionDeclaration(parent) ||
      ts.isFunctionExpression(parent) ||
      ts.isClassDeclaration(parent) ||
      ts.isClassExpression(parent) ||
      ts.isVariableDeclaration(parent) ||
      ts.isParameter(parent) ||
      ts.isBindingElement(parent) ||
      ts.isImportClause(parent) ||
      ts.isImportSpecifier(parent) ||
      ts.isNamespaceImport(parent) ||
      ts.isImportEqualsDeclaration(parent)) &&
      parent.name === name) ||
    (ts.isShorthandPropertyAssignment(parent) &&
      ts.isObjectLiteralExpression(parent.parent) &&
      isAssigned(parent.parent))
  );
}

/** Whether an object literal is a destructuring target (`({ Object } = …)`), which binds its names. */
function isAssigned(literal: ts.ObjectLiteralExpression): boolean {
  const parent = literal.parent;
  return (
    ts.isBinaryExpression(parent) && parent.left === literal && parent.operatorToken.kind === ts.SyntaxKind.EqualsToken
  );
}

/** The helper's call of a statement `helper(this, "name", value);`, when `node` is one. */
function fieldDefinition(node: ts.Node, helpers: ReadonlySet<string>): ts.CallExpression | undefined {
  if (!ts.isExpressionStatement(node) || !ts.isCallExpression(node.expression)) return undefined;
  const call = node.expression;
  const [object, key, initial] = call.arguments;
  const isField =
    ts.isIdentifier(call.expression) &&
    helpers.has(call.expression.text) &&
    call.questionDotToken === undefined &&
    call.arguments.length === 3 &&
    object!.kind === ts.SyntaxKind.ThisKeyword &&
    ts.isStringLiteral(key!) &&
    plainName.test(key.text) &&
    initial !== undefined &&
    !ts.isSpreadElement(initial);
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
