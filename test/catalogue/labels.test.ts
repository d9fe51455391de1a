/**
 * guide.yaml `labels`: an edition words channel types and statuses its own way (an edition for
 * Taiwan readers says 線上辦理, 臨櫃辦理); absent keys keep today's wording; a misspelt key or an
 * empty label is an error.
 */

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultLabels } from '../../src/catalogue/labels.js';
import { loadCatalogue, type SourceReader } from '../../src/catalogue/load.js';
import { selectMeasures } from '../../src/catalogue/select.js';
import { validateCatalogue } from '../../src/catalogue/validate.js';
import { readTemplateFolder } from '../../src/io/resources.js';
import { compileGuide, type TemplateSources } from '../../src/template/render.js';
import { repoRoot } from '../helpers/paths.js';

const guide = (labels: string) => `title: 測試指南
edition: 第1版
date: 2020-03-05
publisher: 測試辦公室
categories: [{ id: tax, title: 減稅降費 }]
${labels}`;

const measure = `id: tax-a
title: 測試措施
category: tax
summary: 摘要
authority: 稅務局
basis: [{ title: 文件 }]
effective: { from: 2020-03-01 }
eligibility: [所有企業]
channels:
  - { type: online, name: 電子稅務局, url: "https://etax.example.gov.cn/" }
  - { type: window, name: 辦稅服務廳 }
  - { type: mail, name: 郵寄受理點 }
fee: 不收費
contacts: [{ name: 熱線, phone: "12366" }]
reviewed: 2020-03-05
`;

function memoryReader(files: Record<string, string>): SourceReader {
  return {
    async read(file) {
      const content = files[file];
      return content === undefined ? { kind: 'missing' } : { kind: 'ok', bytes: new TextEncoder().encode(content) };
    },
    async list() {
      return Object.keys(files).filter((f) => f.startsWith('policies/'));
    },
  };
}

async function load(labels: string) {
  const loaded = await loadCatalogue(
    memoryReader({ 'guide.yaml': guide(labels), 'policies/tax-a.yaml': measure }),
    '/edition',
  );
  return { loaded, diagnostics: validateCatalogue(loaded) };
}

/** The bundled templates, as an edition without its own folder gets them. */
function realTemplates(): TemplateSources {
  return readTemplateFolder(repoRoot, 'templates', false).sources;
}

/** The 辦理方式 row of the measure, as the bundled templates render it. */
async function channelRow(labels: string): Promise<string> {
  const { loaded, diagnostics } = await load(labels);
  assert.deepEqual(
    diagnostics.filter((d) => d.severity === 'error'),
    [],
  );
  const { guide: compiled, diagnostics: compileProblems } = compileGuide(realTemplates());
  assert.deepEqual(compileProblems, []);
  const catalogue = loaded.catalogue!;
  const rendered = compiled!.render(selectMeasures(catalogue, { asOf: catalogue.edition.date }));
  assert.deepEqual(rendered.diagnostics, []);
  const row = /:::row\[辦理方式\]\n([\s\S]*?)\n:::/.exec(rendered.markdown);
  assert.ok(row, 'the measure has a 辦理方式 row');
  return row[1]!;
}

describe('guide.yaml labels', () => {
  it('an edition for Taiwan readers says 線上辦理 and 臨櫃辦理 in the 辦理方式 row; the keys it leaves out keep their wording', async () => {
    assert.equal(
      await channelRow('labels: { online: 線上辦理, window: 臨櫃辦理 }\n'),
      [
        '- ::qr[線上辦理：電子稅務局]{url="https://etax.example.gov.cn/"}',
        '- 臨櫃辦理：辦稅服務廳',
        '- 郵寄辦理：郵寄受理點',
      ].join('\n'),
    );
  });

  it('without labels the wording is as before: 網上辦理, 窗口辦理, 郵寄辦理', async () => {
    assert.equal(
      await channelRow(''),
      [
        '- ::qr[網上辦理：電子稅務局]{url="https://etax.example.gov.cn/"}',
        '- 窗口辦理：辦稅服務廳',
        '- 郵寄辦理：郵寄受理點',
      ].join('\n'),
    );
    const { loaded } = await load('');
    assert.deepEqual(loaded.catalogue!.edition.labels, defaultLabels);
  });

  it('a status label is reworded in the 有效期 row', async () => {
    const { loaded } = await load('labels: { active: 有效中 }\n');
    const { guide: compiled } = compileGuide(realTemplates());
    const catalogue = loaded.catalogue!;
    const { markdown } = compiled!.render(selectMeasures(catalogue, { asOf: catalogue.edition.date }));
    assert.match(markdown, /:::row\[有效期\]\n2020年3月1日起長期有效（有效中）\n:::/);
  });

  it('a misspelt label key is E-FIELD-UNKNOWN with the key it meant', async () => {
    const { loaded } = await load('labels: { online: 線上辦理, windw: 臨櫃辦理 }\n');
    assert.equal(loaded.catalogue, undefined);
    const problems = loaded.diagnostics.map((d) => [d.code, d.message, d.hint]);
    assert.deepEqual(problems, [
      ['E-FIELD-UNKNOWN', 'unknown field "windw" (did you mean "window"?) in labels', 'rename it to "window"'],
    ]);
  });

  it('an empty label is an error', async () => {
    const { loaded } = await load('labels: { online: "" }\n');
    assert.equal(loaded.catalogue, undefined);
    assert.deepEqual(
      loaded.diagnostics.map((d) => [d.code, d.message]),
      [['E-EMPTY', 'labels.online is empty']],
    );
  });
});
