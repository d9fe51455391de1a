/**
 * The PDF font chain: each code point drawn with the first face that has it, fallback faces
 * opened only when needed, one embedded subset per face used, in the weight of the text.
 */

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import type { DocModel } from '../../src/model/doc-model.js';
import { openThemeFonts } from '../../src/pipeline/fonts.js';
import { createWriterCache } from '../../src/writers/cache.js';
import { drawnGlyphs, missingCodePoints, writePdf } from '../../src/writers/pdf/index.js';
import { drawingFaces } from '../../src/pipeline/font-faces.js';
import { kitchenSink } from '../fixtures/model/kitchen-sink.js';
import { repoRoot } from '../helpers/paths.js';
import { theme, themeSource } from '../helpers/theme.js';

/** A chain of its own per test: whether a fallback face was opened is the point. */
const freshFonts = () => openThemeFonts(repoRoot, theme, themeSource, false, drawingFaces()).fonts!;
const creationDate = new Date('2020-03-05T00:00:00Z');

const modelWith = (heading: string, text: string): DocModel => ({
  meta: kitchenSink.meta,
  sections: [
    {
      kind: 'body',
      blocks: [
        { type: 'heading', level: 2, id: 'firm', toc: false, children: [{ type: 'text', value: heading }] },
        { type: 'paragraph', role: 'body', children: [{ type: 'text', value: text }] },
      ],
    },
  ],
});

const dir = mkdtempSync(join(tmpdir(), 'guide-pdf-chain-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** pdffonts' font names of a PDF, subset tags included. */
function fontNames(bytes: Uint8Array, name: string): string[] {
  const file = join(dir, name);
  writeFileSync(file, bytes);
  return execFileSync('pdffonts', [file], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .slice(2)
    .map((line) => line.split(/\s+/)[0]!);
}

function pdfText(bytes: Uint8Array, name: string): string {
  const file = join(dir, name);
  writeFileSync(file, bytes);
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
}

describe('PDF font chain', () => {
  it('opens no fallback face for text the primary face has', async () => {
    const fonts = freshFonts();
    const result = await writePdf(modelWith('臺商精密機械（青島）有限公司', '歡迎來電諮詢。'), {
      theme,
      fonts,
      creationDate,
    });
    assert.equal(fonts.regular.isOpen(1), false);
    assert.equal(fonts.bold.isOpen(1), false);
    assert.deepEqual(
      fontNames(result.bytes, 'tc.pdf').map((n) => n.slice(7)),
      ['NotoSansTC-Bold', 'NotoSansTC-Regular'].sort(),
    );
  });

  it('draws what the primary face lacks with the fallback face of the same weight', async () => {
    const fonts = freshFonts();
    assert.deepEqual(missingCodePoints(fonts, '青岛潍坊陈规'), []);
    assert.equal(fonts.regular.indexOf('岛'.codePointAt(0)!), 1);
    assert.equal(fonts.regular.indexOf('青'.codePointAt(0)!), 0, 'TC has 青: it stays first');
    const result = await writePdf(modelWith('青岛海峡精密机械有限公司', '联系人：陈建国（潍坊）'), {
      theme,
      fonts,
      creationDate,
    });
    const names = fontNames(result.bytes, 'sc.pdf');
    assert.ok(
      names.every((n) => /^[A-Z]{6}\+/.test(n)),
      'subsets',
    );
    assert.deepEqual(names.map((n) => n.slice(7)).sort(), [
      'NotoSansSC-Bold',
      'NotoSansSC-Regular',
      'NotoSansTC-Bold',
      'NotoSansTC-Regular',
    ]);
    const text = pdfText(result.bytes, 'sc.pdf');
    assert.ok(text.includes('青岛海峡精密机械有限公司') && text.includes('联系人：陈建国（潍坊）'), text);
  });

  it('keeps fallback glyphs out of subsets shared between documents', async () => {
    const fonts = freshFonts();
    const cache = createWriterCache();
    const shared = drawnGlyphs(modelWith('潍坊', '青岛'), theme, fonts, cache);
    const regular = shared.regular ?? [];
    assert.ok(!regular.includes('岛'.codePointAt(0)!) && regular.includes('青'.codePointAt(0)!));
    const result = await writePdf(modelWith('潍坊', '青岛'), {
      theme,
      fonts,
      creationDate,
      sharedGlyphs: shared,
      cache,
    });
    assert.ok(pdfText(result.bytes, 'shared.pdf').includes('青岛'));
  });

  it('still misses a character no face of the chain has', () => {
    assert.deepEqual(missingCodePoints(freshFonts(), '岛\u{1F600}\u{E000}'), [0x1f600, 0xe000]);
  });
});
