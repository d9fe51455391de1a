/**
 * Subsets copied from a TrueType font's own bytes have exactly the bytes of fontkit's subsets of
 * the same glyphs, in the same order: the guide's fonts (simple glyphs only) and OpenSymbol,
 * which LibreOffice brings and which has composite glyphs, whose components are renumbered.
 */

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { create, type Font } from 'fontkit';
import { TrueTypeSubset } from '../../src/writers/pdf/truetype-subset.js';
import { fonts } from '../helpers/theme.js';

/** A few runs of glyph ids, with repeats, drawn from a fixed seed. */
function glyphLists(glyphCount: number, lists: number): number[][] {
  let seed = 20200305;
  const next = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  return Array.from({ length: lists }, (_, i) =>
    Array.from({ length: i === 0 ? 1 : 1 + next(800) }, () => next(glyphCount)),
  );
}

/** The number of glyphs in `font` (fontkit's typings leave it out). */
function glyphCount(font: Font): number {
  return (font as unknown as { numGlyphs: number }).numGlyphs;
}

/** Whether `id` is a composite glyph (negative contour count). */
function isComposite(font: Font, id: number): boolean {
  const raw = font as unknown as {
    loca: { offsets: number[] };
    _getTableStream(tag: string): { pos: number; readInt16BE(): number };
  };
  const { offsets } = raw.loca;
  if (offsets[id + 1]! <= offsets[id]!) return false;
  const stream = raw._getTableStream('glyf');
  stream.pos += offsets[id]!;
  return stream.readInt16BE() < 0;
}

function assertSameAsFontkit(font: Font, lists: readonly number[][]): void {
  for (const ids of lists) {
    const theirs = font.createSubset();
    const ours = TrueTypeSubset.for(font)!;
    for (const id of ids) assert.equal(ours.includeGlyph(id), theirs.includeGlyph(id));
    assert.deepEqual(Buffer.from(ours.encode()), Buffer.from(theirs.encode()));
  }
}

describe('TrueType subsets', () => {
  it("match fontkit's bytes for the guide's regular and bold faces", () => {
    for (const face of [fonts.regular.primary, fonts.bold.primary]) {
      assertSameAsFontkit(face.font, glyphLists(glyphCount(face.font), 6));
    }
  });

  it("match fontkit's bytes for composite glyphs, their components renumbered", () => {
    const file = execFileSync('fc-match', ['-f', '%{file}', 'OpenSymbol'], { encoding: 'utf8' });
    const font = create(readFileSync(file)) as Font;
    const composites = Array.from({ length: glyphCount(font) }, (_, id) => id).filter((id) => isComposite(font, id));
    assert.ok(composites.length > 0, `${file} has composite glyphs`);
    assertSameAsFontkit(font, [composites, ...glyphLists(glyphCount(font), 4), [...composites].reverse()]);
  });

  it('include the components of the glyphs so far before the next glyph when asked, the data of those glyphs then fixed', () => {
    const file = execFileSync('fc-match', ['-f', '%{file}', 'OpenSymbol'], { encoding: 'utf8' });
    const font = create(readFileSync(file)) as Font;
    const composite = Array.from({ length: glyphCount(font) }, (_, id) => id).find((id) => isComposite(font, id))!;
    const simple = Array.from({ length: glyphCount(font) }, (_, id) => id).filter((id) => !isComposite(font, id));
    const glyphData = (next: number[]) => {
      const subset = TrueTypeSubset.for(font)!;
      subset.includeGlyph(composite);
      subset.includeComponents();
      const count = subset.glyphCount;
      for (const id of next) subset.includeGlyph(id);
      const sub = create(Buffer.from(subset.encode())) as unknown as { loca: { offsets: number[] } } & Font;
      assert.equal(glyphCount(sub), count + next.length);
      const glyf = (sub as unknown as { directory: { tables: { glyf: { offset: number } } } }).directory.tables.glyf
        .offset;
      return Buffer.from(subset.encode()).subarray(glyf, glyf + sub.loca.offsets[count]!);
    };
    const alone = glyphData([]);
    assert.ok(alone.length > 0);
    assert.deepEqual(glyphData(simple.slice(100, 140)), alone);
    assert.deepEqual(glyphData(simple.slice(300, 301)), alone);
  });

  it('are not made for a font without TrueType outlines', () => {
    const file = execFileSync('fc-match', ['-f', '%{file}', 'Noto Sans CJK TC'], { encoding: 'utf8' });
    const font = create(readFileSync(file)) as Font & { fonts?: Font[] };
    // Debian's Noto CJK is a collection of CFF fonts.
    const face = font.fonts ? font.fonts[0]! : font;
    assert.equal(TrueTypeSubset.for(face), undefined);
  });
});
