/**
 * The DOCX package shell (writers/docx/shell.ts), part by part, against golden files: the shell
 * of the bundled theme as a guide has it (a cover, then the body, fonts embedded), and one of a
 * theme that takes the other branches (a style that undoes a bold base, a first-line indent, a
 * size of 0, a footer without fields and with characters to escape, two body sections, fonts
 * not embedded). The shell was docx's until guide wrote it itself; these files were checked
 * part for part against docx's on 1,800 themes made at random (docs/decisions.md).
 */

import assert from 'node:assert/strict';
import { inflateRawSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import type { Section } from '../../src/model/doc-model.js';
import { createWriterCache } from '../../src/writers/cache.js';
import { packageShell, type PackageShell } from '../../src/writers/docx/shell.js';
import type { Theme } from '../../src/writers/theme.js';
import { assertGolden } from '../helpers/golden.js';
import { theme } from '../helpers/theme.js';

function shellOf(shellTheme: Theme, language: string, kinds: Section['kind'][], embed: boolean): PackageShell {
  const sections = kinds.map((kind) => ({ kind, blocks: [] }));
  return packageShell(shellTheme, { language } as never, sections, createWriterCache(), embed);
}

/** Every part's text, a tag a line, headed by its name, in the shell's order. */
function partsText(shell: PackageShell): string {
  return shell.entries
    .map((entry) => {
      assert.equal(entry.method, 8, entry.name);
      const text = inflateRawSync(entry.data).toString('utf8');
      assert.equal(text.length > 0 ? Buffer.byteLength(text) : 0, entry.size, entry.name);
      return `=== ${entry.name}\n${text.replaceAll('><', '>\n<')}\n`;
    })
    .join('');
}

const golden = (name: string) => fileURLToPath(new URL(`../golden/docx/shell-${name}.txt`, import.meta.url));

describe('DOCX package shell', () => {
  it("writes the bundled theme's shell as the golden file has it", () => {
    const shell = shellOf(theme, 'zh-Hant', ['cover', 'body'], true);
    assertGolden(golden('sample'), partsText(shell));
    assert.deepEqual(
      [...shell.texts.keys()],
      ['word/document.xml', 'word/_rels/document.xml.rels', 'word/header1.xml', 'word/footer1.xml'],
    );
  });

  it("writes another theme's shell, taking the other branches, as the golden file has it", () => {
    const varied = structuredClone(theme) as Theme & { paragraph: Record<string, { firstLineIndent?: number }> };
    varied.heading[2] = { ...varied.heading[2], bold: false, align: 'center', firstLineIndent: 2.5 };
    varied.paragraph.note = { ...varied.paragraph.note, size: 0.1, bold: true, align: 'right' };
    varied.table = { ...varied.table, fontSize: 0.2 };
    varied.running = { ...varied.running, footer: 'Page {page} of {pages} <& "Ltd">' };
    varied.fonts = { ...varied.fonts, docx: { ...varied.fonts.docx, latin: 'A & B', eastAsia: 'Microsoft JhengHei' } };
    varied.paragraph.body = { ...varied.paragraph.body, size: 12 };
    const shell = shellOf(varied, 'zh-Hans', ['body', 'body'], false);
    assertGolden(golden('varied'), partsText(shell));
    assert.deepEqual([...shell.texts.keys()].slice(2), ['word/header1.xml', 'word/footer1.xml']);
  });

  it('has no header, footer or body for a document without sections', () => {
    const text = partsText(shellOf(theme, 'en', [], true));
    assert.doesNotMatch(text, /header1|footer1|guide-section-body/);
    assert.match(text, /<w:body\/>/);
  });
});
