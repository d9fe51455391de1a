/**
 * The theme's font chain: characters Noto Sans TC lacks (Simplified-only ones in firms' legal
 * names) are drawn with Noto Sans SC, embedded as a second subset and named in the DOCX; only a
 * character no font of the chain has is E-GLYPH-MISSING. Read back with poppler.
 */

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { runCli } from '../helpers/cli.js';
import { copySampleEdition, editFile } from '../helpers/edition.js';

/** The line and column where `needle` first occurs in a file, as diagnostics print them. */
function locate(file: string, needle: string): string {
  const lines = readFileSync(file, 'utf8').split('\n');
  const line = lines.findIndex((l) => l.includes(needle));
  return `${line + 1}:${[...lines[line]!.slice(0, lines[line]!.indexOf(needle))].length + 1}`;
}

/** Embedded fonts as pdffonts lists them: name, whether embedded and whether a subset. */
function embeddedFonts(pdf: string): { name: string; embedded: boolean; subset: boolean }[] {
  const lines = execFileSync('pdffonts', [pdf], { encoding: 'utf8' }).trim().split('\n').slice(2);
  return lines.map((line) => {
    const [name, ...rest] = line.trim().split(/\s+/);
    const flags = rest.slice(-5, -2);
    return { name: name!, embedded: flags[0] === 'yes', subset: flags[1] === 'yes' };
  });
}

const legalNames = ['青岛海峡精密机械有限公司', '潍坊规纳电子有限公司'];

describe('font chain', () => {
  it('a batch prints firms named 青岛… and 潍坊… with Noto Sans SC for what TC lacks, in PDF and DOCX', async () => {
    const dir = copySampleEdition('fontchain');
    writeFileSync(
      path.join(dir, 'firms.csv'),
      [
        '編號,企業名稱,聯繫人,電子郵箱,所在城市,行業,規模,是否出口,困難訴求',
        `CN-0001,${legalNames[0]},陈建国,chen@example.com,青島市,裝備製造,中型,是,融資困難`,
        `CN-0002,${legalNames[1]},王应,wang@example.com,濰坊市,電子資訊,小型,否,用工緊張`,
      ].join('\n') + '\n',
    );
    const run = await runCli(['batch', '--firms', 'firms.csv', '--jobs', '1'], { cwd: dir });
    assert.equal(run.code, 0, run.stderr);
    assert.doesNotMatch(run.stderr, /E-GLYPH-MISSING/);
    assert.match(run.stderr, /built 2, 0 up to date, 0 failed/);

    for (const [index, name] of legalNames.entries()) {
      const folder = path.join(dir, 'dist/firms', `CN-000${index + 1}`);
      const files = readdirSync(folder);
      const pdf = path.join(
        folder,
        files.find((f) => f.endsWith('.pdf'))!,
      );
      const text = execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' });
      assert.ok(text.includes(name), `${name} is in the PDF's text`);
      const fonts = embeddedFonts(pdf);
      const families = new Set(fonts.map((f) => f.name.replace(/^[A-Z]{6}\+/, '')));
      assert.ok(families.has('NotoSansTC-Regular') && families.has('NotoSansSC-Regular'), [...families].join(', '));
      assert.ok(
        fonts.every((f) => f.embedded && f.subset && /^[A-Z]{6}\+/.test(f.name)),
        'every font is an embedded subset',
      );

      const docx = path.join(
        folder,
        files.find((f) => f.endsWith('.docx'))!,
      );
      const xml = execFileSync('unzip', ['-p', docx, 'word/document.xml'], { encoding: 'utf8' });
      // The name is cut into runs; the runs with 岛/潍 name the fallback font, the others do not.
      const lacking = index === 0 ? '岛' : '潍';
      assert.match(
        xml,
        new RegExp(`<w:rFonts w:eastAsia="Microsoft YaHei"/></w:rPr><w:t xml:space="preserve">[^<]*${lacking}`),
      );
      assert.doesNotMatch(xml, /w:eastAsia="Microsoft YaHei"\/><\/w:rPr><w:t xml:space="preserve">[^<]*有限公司/);
    }
    const contact = execFileSync(
      'pdftotext',
      [
        '-enc',
        'UTF-8',
        path.join(
          dir,
          'dist/firms/CN-0001',
          readdirSync(path.join(dir, 'dist/firms/CN-0001')).find((f) => f.endsWith('.pdf'))!,
        ),
        '-',
      ],
      { encoding: 'utf8' },
    );
    assert.ok(contact.includes('陈建国'), 'the contact prints');
  });

  it('a measure with 青岛 潍坊 陈 规 builds; a character in no font is E-GLYPH-MISSING with the chain hint', async () => {
    const dir = copySampleEdition('fontchain');
    const measure = path.join(dir, 'policies/tax/tax-small-scale-vat.yaml');
    editFile(measure, /^authority: (.*)$/m, 'authority: 青岛市潍坊市陈规办公室');
    const ok = await runCli(['build', '--format', 'pdf'], { cwd: dir });
    assert.equal(ok.code, 0, ok.stderr);
    const pdf = path.join(
      dir,
      'dist',
      readdirSync(path.join(dir, 'dist')).find((f) => f.endsWith('.pdf'))!,
    );
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' });
    assert.ok(text.includes('青岛市潍坊市陈规办公室'));
    const manifest = JSON.parse(readFileSync(path.join(dir, 'dist/manifest.json'), 'utf8')) as {
      inputs: { files: { path: string }[] };
    };
    assert.ok(
      manifest.inputs.files.some((input) => input.path.includes('NotoSansSC_400Regular')),
      'the fallback font this build read is listed among its inputs',
    );

    editFile(measure, /^title: (.*)$/m, 'title: $1\u{E000}');
    {
      const run = await runCli(['build', '--format', 'pdf'], { cwd: dir });
      assert.equal(run.code, 1);
      assert.ok(
        run.stderr.includes(
          `policies/tax/tax-small-scale-vat.yaml:${locate(measure, '\u{E000}')} error E-GLYPH-MISSING title: the character`,
        ),
        run.stderr,
      );
      assert.match(run.stderr, /add a font that has it to the chain \(fonts\.pdf\.fallback in templates\/theme\.yaml/);
      assert.doesNotMatch(run.stderr, /[岛潍陈规]/u, 'the Simplified characters are drawable');
    }
    {
      // validate finds it first, at the same place, in the reader's language.
      const run = await runCli(['validate', '--lang', 'zh-Hans'], { cwd: dir });
      assert.equal(run.code, 1);
      const glyphErrors = run.stderr.split('\n').filter((line) => line.includes('E-GLYPH-MISSING'));
      assert.deepEqual(glyphErrors, [
        `policies/tax/tax-small-scale-vat.yaml:${locate(measure, '\u{E000}')} 错误 E-GLYPH-MISSING title：字符 "\u{E000}" (U+E000) 无法显示：主题中没有任何字体有这个字形`,
      ]);
      assert.match(run.stderr, /提示：主题的字体链中没有字体包含它：请把含有这个字符的字体加入字体链/);
    }
  });

  it('the sample guide reads no fallback font', async () => {
    const dir = copySampleEdition('fontchain');
    const run = await runCli(['build', '--format', 'pdf'], { cwd: dir });
    assert.equal(run.code, 0, run.stderr);
    const manifest = readFileSync(path.join(dir, 'dist/manifest.json'), 'utf8');
    assert.doesNotMatch(manifest, /noto-sans-sc/);
    const pdf = path.join(
      dir,
      'dist',
      readdirSync(path.join(dir, 'dist')).find((f) => f.endsWith('.pdf'))!,
    );
    assert.ok(embeddedFonts(pdf).every((f) => f.name.includes('NotoSansTC')));
  });

  it('a DOCX fallback list that does not match the PDF one is E-THEME', async () => {
    const dir = copySampleEdition('fontchain');
    editFile(path.join(dir, 'templates/theme.yaml'), 'eastAsiaFallback: [Microsoft YaHei]', 'eastAsiaFallback: []');
    const run = await runCli(['build'], { cwd: dir });
    assert.equal(run.code, 1);
    assert.match(run.stderr, /templates\/theme\.yaml:\d+:\d+ error E-THEME fonts: /);
    assert.match(
      run.stderr,
      /name one DOCX font in fonts\.docx\.eastAsiaFallback for each entry of fonts\.pdf\.fallback/,
    );
  });

  it('a fallback font path that names no file is E-THEME-FONT at once; a damaged one when first needed', async () => {
    const dir = copySampleEdition('fontchain');
    const theme = path.join(dir, 'templates/theme.yaml');
    editFile(theme, '"@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf"', 'fonts/sc-bold.ttf');
    const missing = await runCli(['build', '--format', 'pdf'], { cwd: dir });
    assert.equal(missing.code, 1);
    assert.match(
      missing.stderr,
      new RegExp(
        `templates/theme\\.yaml:${locate(theme, 'fonts/sc-bold.ttf')} error E-THEME-FONT fonts\\.pdf\\.fallback\\[1\\]\\.bold: font "fonts/sc-bold\\.ttf" cannot be used: there is no such file`,
      ),
    );

    mkdirSync(path.join(dir, 'fonts'));
    cpSync(path.join(dir, 'guide.yaml'), path.join(dir, 'fonts/sc-bold.ttf'));
    const unused = await runCli(['build', '--format', 'pdf'], { cwd: dir });
    assert.equal(unused.code, 0, 'a guide that needs no fallback font does not read it');
    editFile(path.join(dir, 'policies/tax/tax-small-scale-vat.yaml'), /^authority: (.*)$/m, 'authority: 青岛市税务局');
    const damaged = await runCli(['build', '--format', 'pdf'], { cwd: dir });
    assert.equal(damaged.code, 1);
    assert.match(
      damaged.stderr,
      /templates\/theme\.yaml:\d+:\d+ error E-THEME-FONT fonts\.pdf\.fallback\[1\]\.bold: "fonts\/sc-bold\.ttf" is not a TrueType or OpenType font/,
    );
  });
});
