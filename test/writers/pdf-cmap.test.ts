/**
 * The cmap reader `guide validate` checks characters with: it answers as fontkit does for the
 * bundled fonts, leaves what it does not read to fontkit, and validate reports a damaged font as
 * build does.
 */

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, it } from 'node:test';
import { CmapUnread, readCmapCoverage } from '../../src/writers/pdf/cmap.js';
import { create as createFont } from 'fontkit';
import { FontFace } from '../../src/writers/pdf/fonts.js';
import { fontInMemory } from '../helpers/font-source.js';
import { runCli } from '../helpers/cli.js';
import { copySampleEdition, editFile } from '../helpers/edition.js';

const require = createRequire(import.meta.url);
const bundled = [
  '@expo-google-fonts/noto-sans-tc/400Regular/NotoSansTC_400Regular.ttf',
  '@expo-google-fonts/noto-sans-tc/700Bold/NotoSansTC_700Bold.ttf',
  '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
];
const fontBytes = (name: string) => new Uint8Array(readFileSync(require.resolve(name)));

/** Where the cmap subtable fontkit would use starts, found by hand from the table directory. */
function unicodeSubtable(data: Uint8Array): number {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  for (let i = 0; i < view.getUint16(4); i++) {
    const entry = 12 + 16 * i;
    if (String.fromCharCode(...data.subarray(entry, entry + 4)) !== 'cmap') continue;
    const cmap = view.getUint32(entry + 8);
    for (let r = 0; r < view.getUint16(cmap + 2); r++) {
      const record = cmap + 4 + 8 * r;
      if (view.getUint16(record) === 3 && view.getUint16(record + 2) === 10) return cmap + view.getUint32(record + 4);
    }
  }
  throw new Error('no (3, 10) cmap subtable');
}

describe('font faces', () => {
  it('look up the advance widths and glyph ids fontkit gives, reading cmap and hmtx themselves', () => {
    // LibreOffice's OpenSymbol (CI installs LibreOffice for the DOCX tests) has fewer horizontal
    // metrics than glyphs: the rest advance as the last.
    const openSymbol = execFileSync('fc-match', ['-f', '%{file}', 'OpenSymbol'], { encoding: 'utf8' });
    const symbols = createFont(readFileSync(openSymbol)) as unknown as {
      numGlyphs: number;
      hhea: { numberOfMetrics: number };
    };
    assert.ok(symbols.hhea.numberOfMetrics < symbols.numGlyphs, openSymbol);
    for (const file of [...bundled.map((name) => require.resolve(name)), openSymbol]) {
      const data = new Uint8Array(readFileSync(file));
      const face = new FontFace(fontInMemory(data));
      const reference = createFont(Buffer.from(data));
      // The planes that hold characters at intervals, and all of the private use area (OpenSymbol's).
      const codePoints = [0x10ffff, 0xe0000];
      for (let cp = 0; cp < 0x30000; cp += cp >= 0xe000 && cp <= 0xf8ff ? 1 : 13) codePoints.push(cp);
      let mapped = 0;
      for (const cp of codePoints) {
        const glyph = reference.glyphForCodePoint(cp);
        const where = `${path.basename(file)} U+${cp.toString(16)}`;
        assert.equal(face.glyphId(cp), glyph.id, where);
        assert.equal(face.advance(cp), glyph.id === 0 ? Number.NaN : glyph.advanceWidth / reference.unitsPerEm, where);
        if (glyph.id !== 0) mapped++;
      }
      assert.ok(mapped > 150, `${path.basename(file)}: ${mapped} characters`);
    }
  });
});

describe('cmap reader', () => {
  for (const name of bundled) {
    it(`has exactly the code points fontkit maps to a glyph: ${path.basename(name)}`, () => {
      const data = fontBytes(name);
      const coverage = readCmapCoverage(data);
      const font = new FontFace(fontInMemory(data)).font;
      const differ: number[] = [];
      let covered = 0;
      // Every code point of the planes that hold characters; the rest of the range at intervals.
      for (let cp = 0; cp <= 0x10ffff; cp += cp < 0x30000 ? 1 : 97) {
        const has = coverage.has(cp);
        if (has !== font.hasGlyphForCodePoint(cp)) differ.push(cp);
        if (has) covered++;
      }
      assert.deepEqual(differ, []);
      assert.ok(covered > 10000, `${covered} code points covered`);
    });
  }

  it('leaves to fontkit a subtable format it does not read, and a cut-off file', () => {
    const data = fontBytes(bundled[0]!);
    const format6 = data.slice();
    new DataView(format6.buffer).setUint16(unicodeSubtable(format6), 6);
    assert.throws(() => readCmapCoverage(format6), CmapUnread);
    // A build looks such a font's characters up with fontkit.
    const face = new FontFace(fontInMemory(format6));
    const reference = createFont(Buffer.from(format6));
    for (const cp of [0x41, 0x3000, 0x4e2d, 0x1f600])
      assert.equal(face.glyphId(cp), reference.glyphForCodePoint(cp).id);
    assert.throws(() => readCmapCoverage(data.subarray(0, 4096)), CmapUnread);
    assert.throws(() => readCmapCoverage(new TextEncoder().encode('\0\x01\0\0 not really a font')), CmapUnread);
  });

  it('validate reports a damaged font as build does, with the reason fontkit gives', async () => {
    const dir = copySampleEdition('cmap');
    writeFileSync(path.join(dir, 'broken.ttf'), Buffer.from('\0\x01\0\0 not really a font', 'latin1'));
    editFile(
      path.join(dir, 'templates/theme.yaml'),
      '"@expo-google-fonts/noto-sans-tc/700Bold/NotoSansTC_700Bold.ttf"',
      'broken.ttf',
    );
    const validate = await runCli(['validate'], { cwd: dir });
    const build = await runCli(['build', '--format', 'pdf'], { cwd: dir });
    assert.equal(validate.code, 1);
    const fontError = (stderr: string) => stderr.split('\n').find((line) => line.includes('E-THEME-FONT'));
    assert.match(fontError(validate.stderr) ?? '', /fonts\.pdf\.bold: .*is damaged or is not a font/);
    assert.equal(fontError(validate.stderr), fontError(build.stderr));
  });
});
