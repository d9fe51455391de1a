/**
 * The bundle's stand-ins (src/cli/bundle/stand-ins.ts) for packages guide imports but calls seldom
 * or never: each loads its package only when called, then gives what the package gives. And the
 * equivalents: node's zlib in place of tiny-inflate, giving what tiny-inflate gives; nothing in
 * place of source-map, without which handlebars' templates give the same text.
 */

import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync, deflateRawSync, deflateSync } from 'node:zlib';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, it } from 'node:test';
import { transformSync } from 'esbuild';
import type * as YamlPackage from 'yaml';
import { standInFilter, standInSource, standsIn } from '../../src/cli/bundle/stand-ins.js';
import { repoRoot } from '../helpers/paths.js';

const require = createRequire(path.join(repoRoot, 'package.json'));
const execFileAsync = promisify(execFile);

/** The stand-in for `specifier` as the bundle holds it: a CommonJS module (make.ts `asCommonJs`). */
function commonJsStandIn(specifier: string, file: string): string {
  return transformSync(standInSource(specifier, file), { format: 'cjs' }).code;
}

/** The stand-in for `specifier` as a module of its own, required, with the file it stands for. */
function standIn(specifier: string, from: string): { module: Record<string, unknown>; file: string } {
  const file = createRequire(require.resolve(from)).resolve(specifier);
  const dir = mkdtempSync(path.join(tmpdir(), 'guide-stand-in-'));
  const at = path.join(dir, 'stand-in.cjs');
  writeFileSync(at, commonJsStandIn(specifier, file));
  return { module: require(at) as Record<string, unknown>, file };
}

describe('bundle stand-ins', () => {
  it('are what the bundle replaces, and nothing else', () => {
    assert.ok(standInFilter.test('brotli/decompress.js'));
    assert.ok(standInFilter.test('@noble/ciphers/aes'));
    assert.ok(!standInFilter.test('brotli/decompress.jsx'));
    assert.ok(!standInFilter.test('@noble/ciphers/aes/extra'));
    assert.ok(standInFilter.test('yaml'));
    assert.ok(!standInFilter.test('yaml/util'));
    assert.ok(standInFilter.test('tiny-inflate'));
    assert.ok(standsIn('yaml', path.join(repoRoot, 'lib/catalogue/load.js')));
    const fontkit = path.join(repoRoot, 'node_modules/fontkit/dist/main.cjs');
    assert.ok(standsIn('brotli/decompress.js', fontkit));
    // child_process only where commander imports it: guide's own modules run git with it.
    const commander = path.join(repoRoot, 'node_modules/commander/lib/command.js');
    assert.ok(standsIn('node:child_process', commander));
    assert.ok(!standsIn('node:child_process', path.join(repoRoot, 'lib/io/git.js')));
    assert.ok(!standsIn('node:fs', commander));
    // source-map only where handlebars requires it.
    const codeGen = path.join(repoRoot, 'node_modules/handlebars/dist/cjs/handlebars/compiler/code-gen.js');
    assert.ok(standsIn('source-map', codeGen));
    assert.ok(!standsIn('source-map', commander));
  });

  it('give handlebars no source-map, and the templates it compiles give the same text', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'guide-stand-in-'));
    try {
      const equivalent = path.join(dir, 'source-map.cjs');
      writeFileSync(equivalent, standInSource('source-map', 'source-map'));
      // A template with what handlebars aliases when SourceNode is there (helpers called more than
      // once, strict lookups, blocks, a partial), compiled and run, in a process of its own.
      const script = [
        `const Handlebars = require(${JSON.stringify(require.resolve('handlebars'))});`,
        'const env = Handlebars.create();',
        "env.registerHelper('upper', (text) => String(text).toUpperCase());",
        "env.registerHelper('pair', (a, b) => `${a}/${b}`);",
        "env.registerPartial('row', '{{upper name}} {{pair name phone}}');",
        'const template = env.compile(',
        "  '{{#each rows}}{{> row}}|{{upper name}}|{{#if phone}}{{pair @index phone}}{{else}}-{{/if}}\\n{{/each}}{{upper title}}',",
        '  { strict: true, noEscape: true },',
        ');',
        "const data = { title: 'guide', rows: [{ name: 'a', phone: '1' }, { name: 'b', phone: '' }] };",
        "const code = env.precompile('{{upper a}}{{upper a}}', { strict: true });",
        'console.log(JSON.stringify({ text: template(data), aliased: /alias1=/.test(code) }));',
      ].join('\n');
      // In place of source-map, as the bundle has it: handlebars' require of it gets the equivalent.
      const hook = path.join(dir, 'hook.cjs');
      writeFileSync(
        hook,
        "const Module = require('node:module'); const resolve = Module._resolveFilename;" +
          `Module._resolveFilename = function (request, ...rest) { return request === 'source-map' ? ${JSON.stringify(equivalent)} : resolve.call(this, request, ...rest); };`,
      );
      const run = async (...flags: string[]) =>
        JSON.parse((await execFileAsync(process.execPath, [...flags, '-e', script])).stdout) as {
          text: string;
          aliased: boolean;
        };
      const [withSourceMap, without] = [await run(), await run('--require', hook)];
      // Without SourceNode, handlebars writes each expression where it is used rather than once.
      assert.deepEqual([withSourceMap.aliased, without.aliased], [true, false]);
      assert.equal(withSourceMap.text, 'A a/1|A|0/1\nB b/|B|-\nGUIDE');
      assert.equal(without.text, withSourceMap.text);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("load child_process only when called, and spawn as it does (commander's executable subcommands)", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'guide-stand-in-'));
    const at = path.join(dir, 'stand-in.cjs');
    writeFileSync(at, commonJsStandIn('node:child_process', 'node:child_process'));
    // A process of its own, so that nothing else has loaded child_process before the stand-in.
    const probe = [
      `const { spawn } = require(${JSON.stringify(at)});`,
      "const before = process.moduleLoadList.includes('NativeModule child_process');",
      "const child = spawn(process.execPath, ['-e', 'process.exit(7)'], { stdio: 'inherit' });",
      "child.on('exit', (code) => console.log(JSON.stringify({ before, code })));",
    ].join('\n');
    const { stdout } = await execFileAsync(process.execPath, ['-e', probe]);
    assert.deepEqual(JSON.parse(stdout), { before: false, code: 7 });
  });

  it("load brotli only when called, and decompress as brotli does (fontkit's WOFF2 fonts)", async () => {
    const { module, file } = standIn('brotli/decompress.js', 'fontkit');
    assert.equal(require.cache[file], undefined, 'loaded before it was called');
    const text = Buffer.from('臺資企業 '.repeat(200));
    const decompress = module['default'] as (bytes: Uint8Array) => Uint8Array;
    assert.ok(Buffer.from(decompress(brotliCompressSync(text))).equals(text));
    assert.ok(require.cache[file], 'not loaded when called');
  });

  it("load AES only when called, and encrypt as it does (pdfkit's encrypted PDFs)", async () => {
    const { module, file } = standIn('@noble/ciphers/aes', 'pdfkit');
    assert.equal(require.cache[file], undefined, 'loaded before it was called');
    const [key, iv, data] = [new Uint8Array(16).fill(7), new Uint8Array(16).fill(9), new Uint8Array(40).fill(1)];
    type Cipher = (key: Uint8Array, iv?: Uint8Array) => { encrypt(data: Uint8Array): Uint8Array };
    const [cbc, ecb] = [(module['cbc'] as Cipher)(key, iv).encrypt(data), (module['ecb'] as Cipher)(key).encrypt(data)];
    assert.ok(require.cache[file], 'not loaded when called');
    const real = require(file) as { cbc: Cipher; ecb: Cipher };
    assert.deepEqual(cbc, real.cbc(key, iv).encrypt(data));
    assert.deepEqual(ecb, real.ecb(key).encrypt(data));
  });

  it('load yaml only when called, and read and write YAML as yaml does (files the build cache has not kept)', async () => {
    const { module, file } = standIn('yaml', 'yaml');
    assert.equal(require.cache[file], undefined, 'loaded before it was called');
    const text = 'title: 臺資企業\nsteps:\n  - 申請\n  - &a 辦理\n  - *a\n';
    const standInYaml = module as unknown as typeof YamlPackage;
    const doc = standInYaml.parseDocument(text);
    assert.ok(require.cache[file], 'not loaded when called');
    const real = require(file) as typeof YamlPackage;
    const expected = real.parseDocument(text);
    assert.deepEqual(doc.toJS(), expected.toJS());
    assert.equal(standInYaml.stringify(doc.toJS()), real.stringify(expected.toJS()));
    // The node tests and the visitor answer for the real package's nodes.
    const steps = doc.get('steps') as YamlPackage.YAMLSeq;
    assert.ok(standInYaml.isMap(doc.contents) && standInYaml.isCollection(steps) && standInYaml.isSeq(steps));
    assert.ok(standInYaml.isScalar(steps.items[0]) && standInYaml.isAlias(steps.items[2]));
    assert.ok(standInYaml.isNode(steps) && !standInYaml.isNode('steps'));
    assert.ok(standInYaml.isPair((doc.contents as YamlPackage.YAMLMap).items[0]));
    const seen: string[] = [];
    standInYaml.visit(doc, { Scalar: (_key, node) => void seen.push(String(node.value)) });
    assert.deepEqual(seen, ['title', '臺資企業', 'steps', '申請', '辦理']);
  });

  it('load fontkit only when called, and pass the call on (faces the build cache does not answer for)', async () => {
    const { module, file } = standIn('fontkit', 'fontkit');
    assert.equal(require.cache[file], undefined, 'loaded before it was called');
    const font = require.resolve('@expo-google-fonts/noto-sans-tc/400Regular/NotoSansTC_400Regular.ttf');
    type Create = (bytes: Uint8Array) => { postscriptName: string };
    const opened = (module['create'] as Create)(readFileSync(font));
    assert.ok(require.cache[file], 'not loaded when called');
    assert.equal(opened.postscriptName, 'NotoSansTC-Regular');
    // Later calls go to fontkit's own function.
    assert.equal(module['create'], (require(file) as { create: Create }).create);
  });

  it("inflate with node's zlib what tiny-inflate inflates, returning the same (the Unicode tables of linebreak and fontkit)", () => {
    type Inflate = (source: Uint8Array, dest: Uint8Array) => Uint8Array;
    const tinyInflate = createRequire(require.resolve('unicode-trie'))('tiny-inflate') as Inflate;
    assert.ok(standsIn('tiny-inflate', require.resolve('unicode-trie')));
    const dir = mkdtempSync(path.join(tmpdir(), 'guide-stand-in-'));
    try {
      const at = path.join(dir, 'inflate.cjs');
      writeFileSync(at, standInSource('tiny-inflate', 'tiny-inflate'));
      const inflate = require(at) as Inflate;
      // A table as unicode-trie keeps one: deflated twice, unpacked into a buffer of its full length.
      const table = Buffer.from(Array.from({ length: 40_000 }, (_, i) => ((i * 7919) % 13 === 0 ? i % 251 : 0)));
      const twice = deflateRawSync(deflateRawSync(table));
      const unpack = (fn: Inflate) => fn(fn(twice, new Uint8Array(table.length)), new Uint8Array(table.length));
      const [ours, theirs] = [unpack(inflate), unpack(tinyInflate)];
      assert.ok(Buffer.from(ours).equals(table));
      // unicode-trie reads the result's whole buffer: the same length, not a view into a larger one.
      assert.equal(ours.buffer.byteLength, theirs.buffer.byteLength);
      // The first pass fills less than its buffer: both give a copy of the part filled.
      const once = deflateRawSync(table);
      const [short, tinyShort] = [
        inflate(twice, new Uint8Array(table.length)),
        tinyInflate(twice, new Uint8Array(table.length)),
      ];
      assert.deepEqual([short.length, short.buffer.byteLength], [once.length, once.length]);
      assert.ok(Buffer.from(short).equals(Buffer.from(tinyShort)));
      // Too small a buffer: both fill it with what fits.
      const [cut, tinyCut] = [inflate(once, new Uint8Array(1000)), tinyInflate(once, new Uint8Array(1000))];
      assert.ok(Buffer.from(cut).equals(Buffer.from(tinyCut)) && Buffer.from(cut).equals(table.subarray(0, 1000)));
      // fontkit's WOFF tables: zlib's stream without its 2-byte head, the checksum after the end.
      const woff = deflateSync(table).subarray(2);
      assert.ok(Buffer.from(inflate(woff, new Uint8Array(table.length))).equals(table));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
