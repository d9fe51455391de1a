/**
 * guide's own reading of static TrueType fonts (src/writers/pdf/sfnt.ts) against fontkit's: the
 * table directory, the facts a face needs, and the glyph boxes, on the theme's fonts (Noto Sans TC
 * and SC) and Liberation Sans (italic angles, another vendor); fonts it leaves to fontkit.
 */

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, it } from 'node:test';
import { create, type Font } from 'fontkit';
import { fontkitFacts, readStaticTrueType } from '../../src/writers/pdf/sfnt.js';
import { storedGlyphBox } from '../../src/writers/pdf/truetype-subset.js';
import { repoRoot } from '../helpers/paths.js';

const require = createRequire(path.join(repoRoot, 'package.json'));
const fontFiles = [
  '@expo-google-fonts/noto-sans-tc/400Regular/NotoSansTC_400Regular.ttf',
  '@expo-google-fonts/noto-sans-tc/700Bold/NotoSansTC_700Bold.ttf',
  '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
  '@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf',
  ...['Regular', 'Bold', 'Italic', 'BoldItalic'].map(
    (style) => `pdfjs-dist/standard_fonts/LiberationSans-${style}.ttf`,
  ),
].map((name) => ({ name, bytes: readFileSync(require.resolve(name)) }));

/** The parts of fontkit's font compared here, which its types leave out. */
interface FontkitInternals {
  directory: { tables: Record<string, { offset: number; length: number }> };
  numGlyphs: number;
  loca: { offsets: number[] };
}

describe('static TrueType fonts read without fontkit', () => {
  for (const { name, bytes } of fontFiles) {
    it(`reads ${path.basename(name)} as fontkit does`, () => {
      const read = readStaticTrueType(bytes);
      assert.ok(read, 'left to fontkit');
      const font: Font = create(bytes);
      const internals = font as unknown as FontkitInternals;
      for (const [tag, record] of Object.entries(internals.directory.tables)) {
        assert.deepEqual(read.directory.tables[tag], { offset: record.offset, length: record.length }, tag);
      }
      assert.deepEqual(read.facts, fontkitFacts(font));
      // The box stored with each glyph, as fontkit reads it (every 37th glyph, and the last); none
      // for an empty glyph (fontkit's stored box of one is the next glyph's, its outline's empty).
      const ids = [
        ...Array.from({ length: Math.ceil(internals.numGlyphs / 37) }, (_, i) => i * 37),
        internals.numGlyphs - 1,
      ];
      const { offsets } = internals.loca;
      for (const id of ids) {
        const box = storedGlyphBox(read, id);
        if (offsets[id] === offsets[id + 1]) {
          assert.equal(box, null, `glyph ${id}`);
          continue;
        }
        const { cbox } = font.getGlyph(id) as unknown as {
          cbox: { minX: number; minY: number; maxX: number; maxY: number };
        };
        assert.deepEqual(box, [cbox.minX, cbox.minY, cbox.maxX, cbox.maxY], `glyph ${id}`);
      }
      // The bullets' stored boxes are their outlines' boxes, which fontkit works out from the path.
      for (const bullet of ['•', '◦']) {
        const glyph = font.glyphForCodePoint(bullet.codePointAt(0)!);
        if (glyph.id === 0) continue;
        const { minX: x0, minY: y0, maxX: x1, maxY: y1 } = glyph.bbox;
        assert.deepEqual(storedGlyphBox(read, glyph.id), [x0, y0, x1, y1], bullet);
      }
    });
  }

  it('leaves to fontkit what it does not read', () => {
    const noto = fontFiles[0]!.bytes;
    const withTable = (from: string, to: string) => {
      const copy = Buffer.from(noto);
      const at = copy.indexOf(from, 12, 'latin1');
      assert.ok(at > 0 && at < 12 + 16 * copy.readUInt16BE(4));
      copy.write(to, at, 'latin1');
      return copy;
    };
    assert.equal(readStaticTrueType(withTable('BASE', 'fvar')), undefined, 'a variable font');
    assert.equal(readStaticTrueType(withTable('BASE', 'CFF ')), undefined, 'CFF outlines');
    assert.equal(readStaticTrueType(withTable('name', 'nam_')), undefined, 'no name table');
    // Tables fontkit reads otherwise: an OS/2 table of a later version, a name table of version 2,
    // a name record of platform 4, a PostScript name that is empty or starts with a byte-order mark.
    const tableAt = (bytes: Buffer, tag: string) => {
      const at = Array.from({ length: bytes.readUInt16BE(4) }, (_, i) => 12 + 16 * i).find(
        (entry) => bytes.toString('latin1', entry, entry + 4) === tag,
      )!;
      return { offset: bytes.readUInt32BE(at + 8), length: bytes.readUInt32BE(at + 12) };
    };
    const patched = (patch: (bytes: Buffer) => void) => {
      const copy = Buffer.from(noto);
      patch(copy);
      return copy;
    };
    const name = tableAt(noto, 'name').offset;
    const postscriptRecords = Array.from({ length: noto.readUInt16BE(name + 2) }, (_, i) => name + 6 + 12 * i).filter(
      (at) => noto.readUInt16BE(at + 6) === 6 && noto.readUInt16BE(at) === 3,
    );
    assert.ok(postscriptRecords.length > 0);
    const cases: [string, (bytes: Buffer) => void][] = [
      ['OS/2 version 6', (bytes) => bytes.writeUInt16BE(6, tableAt(bytes, 'OS/2').offset)],
      ['name version 2', (bytes) => bytes.writeUInt16BE(2, name)],
      ['a platform 4 record', (bytes) => bytes.writeUInt16BE(4, name + 6)],
      ['an empty name', (bytes) => postscriptRecords.forEach((at) => bytes.writeUInt16BE(0, at + 8))],
      [
        'a byte-order mark',
        (bytes) =>
          postscriptRecords.forEach((at) =>
            bytes.writeUInt16BE(0xfeff, name + bytes.readUInt16BE(name + 4) + bytes.readUInt16BE(at + 10)),
          ),
      ],
    ];
    for (const [what, patch] of cases) assert.equal(readStaticTrueType(patched(patch)), undefined, what);
    const otto = Buffer.from(noto);
    otto.write('OTTO', 0, 'latin1');
    assert.equal(readStaticTrueType(otto), undefined, 'an OpenType CFF signature');
    assert.equal(readStaticTrueType(noto.subarray(0, noto.length / 2)), undefined, 'a table past the end');
    assert.equal(readStaticTrueType(noto.subarray(0, 8)), undefined);
  });
});
