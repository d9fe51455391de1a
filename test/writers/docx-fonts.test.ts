/**
 * The DOCX's fonts: the font table names the Traditional Chinese faces in order, and the embedded
 * faces are what Word embeds: obfuscated with the key the table gives, and, once restored, fonts
 * with a character map that draws every character of the document.
 */

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { create } from 'fontkit';
import type { Block, DocModel } from '../../src/model/doc-model.js';
import { createWriterCache } from '../../src/writers/cache.js';
import { subsetFontInRuns } from '../../src/writers/docx/font-subset.js';
import { obfuscateFont } from '../../src/writers/docx/fonts.js';
import { writeDocx } from '../../src/writers/docx/index.js';
import { FontFace } from '../../src/writers/pdf/fonts.js';
import { fontInMemory } from '../helpers/font-source.js';
import { kitchenSink } from '../fixtures/model/kitchen-sink.js';
import { docxParts, docxText } from '../helpers/readers.js';
import { fonts, theme } from '../helpers/theme.js';

const creationDate = new Date('2020-03-05T08:30:00Z');

describe('DOCX fonts', () => {
  // Subsetting takes a while: one document for the tests that read the embedded fonts.
  let embedded: Promise<Uint8Array> | undefined;
  const withFonts = () => (embedded ??= writeDocx(kitchenSink, { theme, creationDate, fonts }).then((r) => r.bytes));

  it('names Noto Sans TC, then Microsoft JhengHei, PingFang TC and Noto Sans CJK TC, in the font table and the runs', async () => {
    const bytes = await withFonts();
    const files = docxParts(bytes);
    const table = files.get('word/fontTable.xml')!.toString('utf8');
    const names = [...table.matchAll(/<w:font w:name="([^"]+)">/g)].map((m) => m[1]);
    assert.deepEqual(names.slice(0, 4), ['Noto Sans TC', 'Microsoft JhengHei', 'PingFang TC', 'Noto Sans CJK TC']);
    assert.match(table, /<w:font w:name="Noto Sans TC"><w:altName w:val="Microsoft JhengHei"\/>/);
    assert.match(
      table,
      /<w:font w:name="Microsoft JhengHei"><w:altName w:val="微軟正黑體"\/><w:panose1 w:val="020B0604030504040204"\/><w:charset w:val="88"\/>/,
    );
    const styles = files.get('word/styles.xml')!.toString('utf8');
    assert.match(
      styles,
      /<w:rFonts w:ascii="Noto Sans TC" w:cs="Noto Sans TC" w:eastAsia="Noto Sans TC" w:hAnsi="Noto Sans TC"/,
    );
    assert.match(
      styles,
      /w:styleId="Normal".*?<w:pPr><w:widowControl\/><w:overflowPunct\/><w:autoSpaceDE w:val="0"\/><w:autoSpaceDN w:val="0"\/>/,
    );
    const settings = files.get('word/settings.xml')!.toString('utf8');
    assert.match(settings, /<w:embedTrueTypeFonts\/><w:saveSubsetFonts\/><w:defaultTabStop/);
  });

  it('embeds subsets that draw every character of the document, obfuscated with the keys of the table', async () => {
    const bytes = await withFonts();
    const files = docxParts(bytes);
    const table = files.get('word/fontTable.xml')!.toString('utf8');
    const relationships = files.get('word/_rels/fontTable.xml.rels')!.toString('utf8');
    const text = docxText(bytes);
    for (const weight of ['Regular', 'Bold']) {
      const [, id, key] = table.match(new RegExp(`<w:embed${weight} r:id="([^"]+)" w:fontKey="([^"]+)"/>`))!;
      const target = relationships.match(new RegExp(`Id="${id}" [^>]*Target="([^"]+)"`))![1]!;
      const stored = files.get(`word/${target}`)!;
      assert.notEqual(stored.readUInt32BE(0), 0x00010000, 'the font is not obfuscated');
      // XOR twice with the same key gives the font back.
      const font = create(Buffer.from(obfuscateFont(stored, key!))) as unknown as {
        familyName: string;
        hasGlyphForCodePoint(cp: number): boolean;
      };
      assert.equal(font.familyName, 'Noto Sans TC');
      const missing = [...new Set(text)].filter(
        (char) => char.trim() !== '' && !font.hasGlyphForCodePoint(char.codePointAt(0)!),
      );
      assert.deepEqual(missing, [], `${weight} lacks characters of the document`);
    }
  });

  it('embeds the same bytes from a cache that made the subsets of other characters in between', async () => {
    const cache = createWriterCache();
    // A paragraph of characters the kitchen sink does not have.
    const [cover, ...rest] = kitchenSink.sections;
    const rare: Block = { type: 'paragraph', role: 'body', children: [{ type: 'text', value: '鑫淼犇' }] };
    const other: DocModel = { ...kitchenSink, sections: [{ ...cover!, blocks: [...cover!.blocks, rare] }, ...rest] };
    const first = (await writeDocx(kitchenSink, { theme, creationDate, fonts, cache })).bytes;
    const between = (await writeDocx(other, { theme, creationDate, fonts, cache })).bytes;
    const again = (await writeDocx(kitchenSink, { theme, creationDate, fonts, cache })).bytes;
    assert.equal(cache.docxFonts.get(fonts)?.size, 2, 'one set of subsets for each set of characters');
    const font = (bytes: Uint8Array) => docxParts(bytes).get('word/fonts/font1.odttf')!;
    assert.notDeepEqual(font(between), font(first), 'the other characters have subsets of their own');
    assert.deepEqual(Buffer.from(again), Buffer.from(first));
    assert.deepEqual(Buffer.from(first), Buffer.from(await withFonts()), 'as from a fresh cache');
  });

  it("with glyphs many documents share, holds them first in each font, before the document's own, as a fresh cache does", async () => {
    const text = docxText(await withFonts());
    // Common: most of the kitchen sink's characters, and one it does not use.
    const codePoints = [...new Set(text)].map((char) => char.codePointAt(0)!).filter((cp) => cp > 0x20);
    const common = [...codePoints.slice(0, Math.floor(codePoints.length * 0.8)), '鑫'.codePointAt(0)!];
    const sharedGlyphs = { regular: common.slice(0, 40), bold: common.slice(30) };
    const [cover, ...rest] = kitchenSink.sections;
    const rare: Block = { type: 'paragraph', role: 'body', children: [{ type: 'text', value: '淼犇' }] };
    const other: DocModel = { ...kitchenSink, sections: [{ ...cover!, blocks: [...cover!.blocks, rare] }, ...rest] };
    const cache = createWriterCache();
    const first = (await writeDocx(kitchenSink, { theme, creationDate, fonts, cache, sharedGlyphs })).bytes;
    const second = (await writeDocx(other, { theme, creationDate, fonts, cache, sharedGlyphs })).bytes;
    const fresh = (await writeDocx(other, { theme, creationDate, fonts, sharedGlyphs })).bytes;
    assert.deepEqual(Buffer.from(second), Buffer.from(fresh), 'as from a fresh cache');

    const key = docxParts(first)
      .get('word/fontTable.xml')!
      .toString('utf8')
      .match(/w:embedRegular [^>]*w:fontKey="([^"]+)"/)![1]!;
    const ascending = [...new Set(common)].sort((a, b) => a - b);
    const glyphData: Buffer[] = [];
    for (const [bytes, own] of [
      [first, ''],
      [second, '淼犇'],
    ] as const) {
      const file = obfuscateFont(docxParts(bytes).get('word/fonts/font1.odttf')!, key);
      const font = create(Buffer.from(file)) as unknown as {
        hasGlyphForCodePoint(cp: number): boolean;
        glyphForCodePoint(cp: number): { id: number };
        directory: { tables: Record<string, { offset: number }> };
        loca: { offsets: number[] };
      };
      const ids = ascending.map((cp) => font.glyphForCodePoint(cp).id);
      assert.deepEqual(
        ids,
        ascending.map((_, i) => i + 1),
        'the common glyphs come first, in order, after .notdef',
      );
      for (const char of new Set(text + own)) {
        if (char.trim() !== '') assert.ok(font.hasGlyphForCodePoint(char.codePointAt(0)!), `draws ${char}`);
      }
      // .notdef's and the common glyphs' data, to where the first of the document's own starts.
      const glyf = font.directory.tables.glyf!.offset;
      glyphData.push(Buffer.from(file.subarray(glyf, glyf + font.loca.offsets[ascending.length + 1]!)));
    }
    assert.deepEqual(glyphData[1], glyphData[0], 'the common glyphs are the same bytes in both fonts');
  });

  it('puts runs of glyphs and their components first, their data the same whatever follows (short loca offsets)', () => {
    // DejaVu Sans ExtraLight has short loca offsets and composite glyphs (accented letters,
    // ǖ built from ü, itself built from u and a dieresis).
    const file = execFileSync('fc-match', ['-f', '%{file}', 'DejaVu Sans:extralight'], { encoding: 'utf8' });
    const face = new FontFace(fontInMemory(readFileSync(file)));
    const codePoints = (text: string) => [...new Set(text)].map((char) => char.codePointAt(0)!).sort((a, b) => a - b);
    // Many documents' common characters, then one body's (ń built from n, which is in neither).
    const leading = [codePoints('Aaeé ǖÅ'), codePoints('bcń')];
    const runs = ['xyzñ', 'QÇ'].map((own) => {
      const made = subsetFontInRuns(face, leading, codePoints(own))!;
      const font = create(Buffer.from(made.bytes)) as unknown as {
        head: { indexToLocFormat: number };
        loca: { offsets: number[] };
        directory: { tables: Record<string, { offset: number }> };
        glyphForCodePoint(cp: number): { id: number };
      };
      assert.equal(font.head.indexToLocFormat, 0, 'short loca offsets');
      const [common, body] = made.runs as [{ start: number; end: number }, { start: number; end: number }];
      assert.equal(common.start, font.directory.tables.glyf!.offset);
      assert.equal(body.start, common.end);
      // The first of the body's glyphs starts where the common run ends; the document's own where the body's does.
      const firstBody = font.glyphForCodePoint(leading[1]![0]!).id;
      assert.equal(common.end - common.start, font.loca.offsets[firstBody]);
      const firstOwn = font.glyphForCodePoint(codePoints(own)[0]!).id;
      assert.equal(body.end - common.start, font.loca.offsets[firstOwn]);
      assert.ok(leading.flat().every((cp) => font.glyphForCodePoint(cp).id < firstOwn));
      return made.runs.map((run) => Buffer.from(made.bytes.subarray(run.start, run.end)));
    });
    assert.deepEqual(runs[1], runs[0]);
  });

  it('embeds nothing without the PDF faces to subset, and the table then points to none', async () => {
    const { bytes } = await writeDocx(kitchenSink, { theme, creationDate });
    const files = docxParts(bytes);
    assert.ok(![...files.keys()].some((name) => name.startsWith('word/fonts/')));
    assert.doesNotMatch(files.get('word/fontTable.xml')!.toString('utf8'), /w:embed/);
    assert.doesNotMatch(files.get('word/settings.xml')!.toString('utf8'), /embedTrueTypeFonts/);
  });
});
