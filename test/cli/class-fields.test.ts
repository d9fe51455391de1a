/**
 * Babel's class-field helper calls, written as stores in the bundle (src/cli/bundle/class-fields.ts):
 * the objects made are the same, property for property, in the same order, with the same
 * attributes; a setter or a read-only property on a prototype is passed by as the helper passes it.
 */

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { runInNewContext } from 'node:vm';
import { describe, it } from 'node:test';
import { classFieldsAsStores } from '../../src/cli/bundle/class-fields.js';

/** Babel's helper and what it calls, as markdown-it's build holds them. */
const helpers = `
function _typeof(o) { "@babel/helpers - typeof"; return _typeof = "function" == typeof Symbol && "symbol" == typeof Symbol.iterator ? function(o) { return typeof o; } : function(o) { return o && "function" == typeof Symbol && o.constructor === Symbol && o !== Symbol.prototype ? "symbol" : typeof o; }, _typeof(o); }
function toPrimitive(t, r) {
	if ("object" != _typeof(t) || !t) return t;
	var e = t[Symbol.toPrimitive];
	if (void 0 !== e) { var i = e.call(t, r || "default"); if ("object" != _typeof(i)) return i; throw new TypeError("@@toPrimitive must return a primitive value."); }
	return ("string" === r ? String : Number)(t);
}
function toPropertyKey(t) {
	var i = toPrimitive(t, "string");
	return "symbol" == _typeof(i) ? i : i + "";
}
function _defineProperty(e, r, t) {
	return (r = toPropertyKey(r)) in e ? Object.defineProperty(e, r, {
		value: t,
		enumerable: !0,
		configurable: !0,
		writable: !0
	}) : e[r] = t, e;
}
`;

/** Classes as Babel writes them, and what they make, as plain data to compare. */
const classes = `
const order = [];
const value = (name, v) => (order.push(name), v);
class Base {
	set guarded(v) { order.push('setter called'); }
	get readOnly() { return 'prototype'; }
}
Object.defineProperty(Base.prototype, 'fixed', { value: 1, writable: false });
class Token extends Base {
	constructor(type) {
		super();
		_defineProperty(this, "map", value('map', null));
		_defineProperty(
			this,
			/** A comment, as markdown-it's build keeps its fields' */
			"type",
			value('type', type)
		);
		_defineProperty(this, "guarded", value('guarded', 'own'));
		_defineProperty(this, "readOnly", value('readOnly', 'own'));
		_defineProperty(this, "fixed", value('fixed', 2));
		_defineProperty(this, "make", () => {
			const inner = {};
			_defineProperty(inner, "kept", 1);
			return new (class { constructor() { _defineProperty(this, "nested", value('nested', this)); } })();
		});
		if (type) _defineProperty(this, "when", 1);
		const chained = _defineProperty(this, "chained", 3);
		_defineProperty(this, "dashed-name", 4);
	}
}
const token = new Token('text');
const nested = token.make();
const describe = (o) => Object.getOwnPropertyNames(o).map((name) => {
	const d = Object.getOwnPropertyDescriptor(o, name);
	return [name, typeof d.value === 'function' ? 'function' : d.value === o ? 'self' : d.value, d.enumerable, d.configurable, d.writable];
});
JSON.stringify({ token: describe(token), nested: describe(nested), order });
`;

/** An ES module's end: the rewrite takes modules only. */
const moduleEnd = '\nexport {};\n';

/** Runs a module's source as a strict script (as a module's code runs), its `export {}` left out. */
const run = (source: string) => runInNewContext(`"use strict";\n${source.replace(moduleEnd, '')}`) as string;

/** Runs `body` after the helper, both ways: what it returns, or the error it throws, and the log. */
function bothWays(body: string): [string, string] {
  const source = `${helpers}\nconst log = [];\nlet result;\ntry { result = (() => { ${body} })(); } catch (error) { result = error.name; }\nJSON.stringify({ result, log });${moduleEnd}`;
  const written = classFieldsAsStores(source, 'case.js');
  assert.notEqual(written, source);
  return [run(source), run(written)];
}

describe('class fields in the bundle', () => {
  it('are written as what the helper does, making the same objects', () => {
    const source = helpers + classes + moduleEnd;
    const written = classFieldsAsStores(source, 'fields.js');
    // Statements with a literal plain name on `this` only: not the helper's other uses.
    assert.equal((written.match(/classFieldValue = /g) ?? []).length, 8);
    assert.match(written, /_defineProperty\(inner, "kept", 1\)/);
    assert.match(written, /const chained = _defineProperty\(this, "chained", 3\)/);
    assert.match(written, /_defineProperty\(this, "dashed-name", 4\)/);
    assert.equal(run(written), run(source));
    const made = JSON.parse(run(written)) as { token: unknown[][]; order: string[] };
    // The prototype's setter is passed by and its read-only properties shadowed, as the helper does.
    assert.deepEqual(made.order, ['map', 'type', 'guarded', 'readOnly', 'fixed', 'nested']);
    assert.deepEqual(made.token.slice(0, 5), [
      ['map', null, true, true, true],
      ['type', 'text', true, true, true],
      ['guarded', 'own', true, true, true],
      ['readOnly', 'own', true, true, true],
      ['fixed', 2, true, true, true],
    ]);
  });

  it('takes the object before the value, and asks a proxy whether it has the name once', () => {
    // `this` before super() throws before the value is worked out.
    const [before, after] = bothWays(
      'class A {} class B extends A { constructor() { _defineProperty(this, "a", (log.push("value"), 1)); super(); } } new B(); return "made";',
    );
    assert.equal(after, before);
    assert.deepEqual(JSON.parse(after), { result: 'ReferenceError', log: [] });
    const [trapsBefore, trapsAfter] = bothWays(
      'const base = new Proxy({ a: 0 }, { has(target, key) { log.push(`has ${String(key)}`); return key in target; } });' +
        'function C() { _defineProperty(this, "a", 1); _defineProperty(this, "b", 2); } C.prototype = base;' +
        'const c = new C(); return Object.entries(Object.getOwnPropertyDescriptors(c)).map(([k, d]) => [k, d.value, d.writable]);',
    );
    assert.equal(trapsAfter, trapsBefore);
    assert.deepEqual(JSON.parse(trapsAfter).log, ['has a', 'has b']);
  });

  it('leaves any other module as it is', () => {
    const cases = {
      'no helper': classes + moduleEnd,
      'another helper': helpers.replace('in e ?', 'in e && false ?') + classes + moduleEnd,
      'a script, not a module': helpers + classes,
      'the name of a constant it writes in use': `${helpers}${classes}\nconst classFieldValue = 1;${moduleEnd}`,
      'the helper shadowed': `${helpers}function f(_defineProperty) { _defineProperty(this, "a", 1); }${moduleEnd}`,
      'the helper declared twice': `${helpers}${helpers}${classes}${moduleEnd}`,
      'Object bound': `${helpers}${classes}\nfunction g() { const Object = {}; return Object; }${moduleEnd}`,
      'Object destructured': `${helpers}${classes}\nlet Object; ({ Object } = globalThis);${moduleEnd}`,
      'a with statement': `${helpers}${classes}\nwith ({}) {}${moduleEnd}`,
      'an eval': `${helpers}${classes}\neval("1");${moduleEnd}`,
    };
    for (const [what, source] of Object.entries(cases))
      assert.equal(classFieldsAsStores(source, 'case.js'), source, what);
  });

  it("finds the helper in markdown-it's build", () => {
    const require = createRequire(import.meta.url);
    // The ES build the bundle takes, beside the CommonJS build `require` finds.
    const file = 'markdown-it.mjs';
    const source = readFileSync(path.join(path.dirname(require.resolve('markdown-it')), file), 'utf8');
    const written = classFieldsAsStores(source, file);
    assert.ok((written.match(/const classFieldTarget = this, classFieldValue = /g) ?? []).length > 40, file);
  });
});
