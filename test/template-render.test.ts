import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { selectMeasures } from '../src/catalogue/select.js';
import type { Diagnostic } from '../src/diagnostics/diagnostic.js';
import { positionAt } from '../src/diagnostics/format.js';
import { compileGuide } from '../src/template/render.js';
import type { TemplateSources } from '../src/template/render.js';
import { smallCatalogue } from './fixtures/template/small-edition.js';

const selection = selectMeasures(smallCatalogue, { asOf: smallCatalogue.edition.date });

/** Sources from `{ name: text }`, each in templates/<name>.md.hbs. */
function sources(texts: Record<string, string>): TemplateSources {
  return Object.fromEntries(
    Object.entries(texts).map(([name, text]) => [name, { file: `templates/${name}.md.hbs`, text }]),
  );
}

function render(texts: Record<string, string>) {
  const { guide, diagnostics } = compileGuide(sources(texts));
  return guide ? guide.render(selection) : { markdown: '', diagnostics };
}

/** The one diagnostic of a failed render, with where it points as line:column and the text there. */
function failure(texts: Record<string, string>) {
  const result = render(texts);
  assert.equal(result.markdown, '');
  assert.equal(result.diagnostics.length, 1, JSON.stringify(result.diagnostics));
  const diagnostic = result.diagnostics[0]!;
  const text = diagnostic.file ? texts[diagnostic.file.replace(/^templates\/|\.md\.hbs$/g, '')]! : '';
  const [start, end] = diagnostic.range ?? [0, 0];
  const { line, column } = positionAt(text, start);
  return { diagnostic, at: `${line}:${column}`, text: text.slice(start, end) };
}

function assertNoStack(diagnostic: Diagnostic): void {
  assert.doesNotMatch(`${diagnostic.message}\n${diagnostic.hint ?? ''}`, /\n\s+at |node_modules|\.js:\d+/);
}

describe('rendering', () => {
  test('{{value}} is plain text, escaped for Markdown; {{{value}}} is Markdown as written', () => {
    const { markdown, diagnostics } = render({
      guide: '{{#each chapters}}{{#each measures}}{{authority}}\n{{{summary}}}\n{{/each}}{{/each}}',
    });
    assert.deepEqual(diagnostics, []);
    assert.match(markdown, /人民銀行測試中心支行 \\\| 銀保監局/);
    assert.match(markdown, /減按\*\*1%\*\*徵收率/);
  });

  test('partials, helpers and @root work together', () => {
    const { markdown, diagnostics } = render({
      guide: '{{#each chapters}}{{> chapter}}{{/each}}',
      chapter:
        '# 第{{chineseNumeral number}}章　{{category.title}} {{anchor id}}\n{{#each measures}}{{> measure}}{{/each}}',
      measure:
        '## {{number}}　{{title}} {{anchor id}}\n{{period effective}}；{{audienceText audience all="各類企業"}}；{{@root.asOf}}\n',
    });
    assert.deepEqual(diagnostics, []);
    assert.equal(
      markdown,
      '# 第一章　減稅降費 {#chapter-tax}\n' +
        '## 1.1　小規模納稅人增值稅減徵 {#tax-small-scale-vat}\n2020年3月1日至2020年5月31日；規模：小微型企業；2020-03-05\n' +
        '## 1.2　困難行業企業虧損結轉年限延長至8年 {#tax-loss-carryforward}\n2020年1月1日起長期有效；各類企業；2020-03-05\n' +
        '# 第二章　金融支持 {#chapter-finance}\n' +
        '## 2.1　中小微企業貸款延期還本付息 {#finance-loan-deferral}\n2020年1月25日至2020年6月30日；行業：製造業、食品；規模：中小微型企業；出口企業；2020-03-05\n',
    );
  });

  test('Markdown-building helpers escape their inputs and are not escaped again', () => {
    const { markdown, diagnostics } = render({
      guide:
        '{{link "a*b" "https://x.test/(1)"}} {{ref "chapter-tax" "1.1" "　" "[x]"}} {{#with edition}}{{attr title}}{{/with}}',
    });
    assert.deepEqual(diagnostics, []);
    assert.equal(
      markdown,
      '[a\\*b](<https://x.test/(1)>) [1.1　\\[x\\]](#chapter-tax) 測試省貫徹落實「26條措施」辦事指南',
    );
  });

  test('each measure helper, through a template', () => {
    const { markdown, diagnostics } = render({
      guide: [
        '{{#each chapters}}{{#each measures}}{{#if (lookup faq 0)}}',
        '{{#each basis}}{{basisText this}}{{/each}}',
        '{{#each channels}}{{channelLabel type}} {{/each}}',
        '{{#each contacts}}{{formatPhone phone}} {{/each}}',
        '{{statusLabel status}}',
        '- {{#indent 2}}{{{faq.0.a}}}{{/indent}}',
        '{{/if}}{{/each}}{{/each}}',
        '{{#each chapters}}{{#each measures}}{{#each materials}}{{materialText this}} {{/each}}{{/each}}{{/each}}',
      ].join('\n'),
    });
    assert.deepEqual(diagnostics, []);
    assert.equal(
      markdown,
      [
        '',
        '《關於支持新型冠狀病毒感染的肺炎疫情防控有關稅收政策的公告》（財政部 稅務總局公告2020年第8號，2020年2月6日）',
        '免申即享 ',
        '12366 0531-86061234 ',
        '現行有效',
        '- 以財政部、稅務總局公告2020年第8號所列**四大類**行業為準，',
        '  主營業務收入佔收入總額50%以上。',
        '',
        '增值稅納稅申報表（小規模納稅人適用）（1份） 延期還本付息申請書 營業執照副本影本（1份，加蓋公章） ',
      ].join('\n'),
    );
  });

  test('one compiled guide renders many selections', () => {
    const { guide, diagnostics } = compileGuide(sources({ guide: '{{#each chapters}}{{category.id}} {{/each}}' }));
    assert.deepEqual(diagnostics, []);
    assert.equal(guide!.render(selection).markdown, 'tax finance ');
    const financeOnly = selectMeasures(smallCatalogue, { asOf: '2020-03-05', categories: ['finance'] });
    assert.equal(guide!.render(financeOnly).markdown, 'finance ');
  });

  test('templates cannot write to the console', () => {
    const { diagnostic, text } = failure({ guide: 'x\n{{log "hello"}}' });
    assert.equal(diagnostic.code, 'E-TEMPLATE');
    assert.equal(text, 'log');
  });
});

describe('template errors', () => {
  test('an unclosed block is reported at its opening tag', () => {
    const { diagnostic, at, text } = failure({ guide: '# 指南\n\n{{#each chapters}}\n{{category.title}}\n' });
    assert.equal(diagnostic.code, 'E-TEMPLATE');
    assert.equal(diagnostic.file, 'templates/guide.md.hbs');
    assert.equal(at, '3:1');
    assert.equal(text, '{{#each chapters}}');
    assert.equal(diagnostic.message, '{{#each}} is not closed');
    assertNoStack(diagnostic);
  });

  test('a syntax error is reported at the token that breaks it', () => {
    const { diagnostic, at, text } = failure({ guide: 'line one\n第二行 {{edition.title}}}\n' });
    assert.equal(at, '2:20');
    assert.equal(text, '}}}');
    assert.match(diagnostic.message, /^template syntax error: found \}\}\} where \}\}/);
    assertNoStack(diagnostic);
  });

  test('a block closed by the wrong name', () => {
    const { diagnostic, at } = failure({ guide: 'a\n  {{#if edition.subtitle}}x{{/each}}' });
    assert.equal(at, '2:6');
    assert.equal(diagnostic.message, '{{#if}} is closed by {{/each}}');
  });

  test('syntax errors in several templates are all reported', () => {
    const result = render({ guide: '{{> cover}}{{#if x}}', cover: '{{title' });
    assert.deepEqual(
      result.diagnostics.map((d) => d.file),
      ['templates/guide.md.hbs', 'templates/cover.md.hbs'],
    );
  });

  test('a missing variable is an error at its name, in the partial that has it, with a suggestion', () => {
    const texts = {
      guide: '{{#each chapters}}\n{{> chapter}}\n{{/each}}',
      chapter: '# {{category.title}}\n\n{{#each measures}}\n## {{number}}　{{titel}}\n{{/each}}\n',
    };
    const { diagnostic, at, text } = failure(texts);
    assert.equal(diagnostic.file, 'templates/chapter.md.hbs');
    assert.equal(at, '4:17');
    assert.equal(text, 'titel');
    assert.equal(diagnostic.message, '"titel" is not defined here');
    assert.equal(diagnostic.hint, 'did you mean "title"?');
    assertNoStack(diagnostic);
  });

  test('a missing name in a helper or block argument is an error too', () => {
    const inIf = failure({ guide: '{{#each chapters}}{{#each measures}}{{#if contnet}}x{{/if}}{{/each}}{{/each}}' });
    assert.equal(inIf.text, 'contnet');
    assert.equal(inIf.diagnostic.hint, 'did you mean "content"?');
    const inHelper = failure({ guide: 'x {{chineseDate edition.dat}}' });
    assert.equal(inHelper.at, '1:17');
    assert.equal(inHelper.text, 'edition.dat');
  });

  test('an empty optional value printed without {{#if}} is an error, not empty text', () => {
    const { diagnostic, text } = failure({
      guide: '{{#each chapters}}{{#each measures}}{{time_limit}}{{/each}}{{/each}}',
    });
    assert.equal(text, '{{time_limit}}');
    assert.match(diagnostic.message, /the field is optional, so print it inside \{\{#if …\}\}/);
  });

  test('a missing helper is an error at its name', () => {
    const { diagnostic, at, text } = failure({ guide: '\n{{chineseDat edition.date}}' });
    assert.equal(at, '2:3');
    assert.equal(text, 'chineseDat');
    assert.equal(diagnostic.hint, 'did you mean "chineseDate"?');
  });

  test('a helper given the wrong value is an error at the helper call', () => {
    const { diagnostic, at, text } = failure({ guide: 'a\nb {{chineseDate edition.title}}' });
    assert.equal(at, '2:3');
    assert.equal(text, '{{chineseDate edition.title}}');
    assert.match(diagnostic.message, /expected a date like 2020-03-01/);
  });

  // fuzz finding 005: basisText given the measure itself crashed on its missing url.
  test('a helper given an object without the fields it reads is an error at the call, with a hint', () => {
    const { diagnostic, at, text } = failure({
      guide: '{{#each chapters}}{{#each measures}}\n- {{basisText this}}{{/each}}{{/each}}',
    });
    assert.equal(diagnostic.code, 'E-TEMPLATE');
    assert.equal(at, '2:3');
    assert.equal(text, '{{basisText this}}');
    assert.equal(diagnostic.message, 'basisText needs a basis entry ({ title, number, date, url })');
    assert.match(diagnostic.hint ?? '', /one entry with these fields/);
    const material = failure({ guide: '{{#each chapters}}{{materialText category}}{{/each}}' });
    assert.equal(material.diagnostic.message, 'materialText needs a material ({ name, copies, note })');
    assertNoStack(diagnostic);
  });

  test('a partial with no template is an error at the call, with a suggestion', () => {
    const result = render({ guide: 'x\n{{> chaptr}}', chapter: 'c' });
    assert.equal(result.diagnostics.length, 1);
    const [diagnostic] = result.diagnostics;
    assert.deepEqual(diagnostic!.range, [2, 14]);
    assert.equal(diagnostic!.message, 'there is no template "chaptr" for {{> chaptr}}');
    assert.equal(diagnostic!.hint, 'did you mean {{> chapter}}?');
  });

  test('a partial that includes itself is an error at the call that closes the loop', () => {
    const result = render({ guide: '{{> chapter}}', chapter: 'c {{> measure}}', measure: 'm\n{{> chapter}}' });
    assert.equal(result.diagnostics.length, 1);
    const [diagnostic] = result.diagnostics;
    assert.equal(diagnostic!.file, 'templates/measure.md.hbs');
    assert.deepEqual(diagnostic!.range, [2, 15]);
    assert.equal(diagnostic!.message, '{{> chapter}} includes itself (chapter → measure → chapter)');
  });

  test('inline partials count as templates', () => {
    assert.deepEqual(render({ guide: '{{#*inline "x"}}X{{/inline}}{{> x}}' }), { markdown: 'X', diagnostics: [] });
  });

  test('without a guide template there is nothing to render', () => {
    const result = render({ cover: 'x' });
    assert.equal(result.diagnostics[0]?.code, 'E-TEMPLATE');
    assert.match(result.diagnostics[0]!.message, /no "guide" template/);
  });
});
