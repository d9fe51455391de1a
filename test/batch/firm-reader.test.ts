import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { firmDocMeta } from '../../src/batch/build-firm.js';
import { FirmGuideReader, firmGuideTemplate } from '../../src/batch/firm-reader.js';
import { readBatchTemplates } from '../../src/batch/templates.js';
import type { Catalogue, FirmSize } from '../../src/catalogue/types.js';
import { buildFirmGuideView } from '../../src/firms/guide-view.js';
import { matchFirm } from '../../src/firms/match.js';
import type { Firm } from '../../src/firms/types.js';
import { loadEdition } from '../../src/io/edition.js';
import { readMarkdown } from '../../src/model/read-markdown.js';
import { compileGuide, type TemplateSources } from '../../src/template/render.js';
import { repoRoot } from '../helpers/paths.js';

const loaded = await loadEdition(repoRoot);
const catalogue = loaded.catalogue!;
const templates = readBatchTemplates(loaded.root, catalogue.edition);

/** Firms of every kind: each industry, size, exporter or not, one to three needs, or none. */
function firms(count: number): Firm[] {
  const industries = Object.keys(catalogue.edition.vocabularies.industries);
  const needs = Object.keys(catalogue.edition.vocabularies.needs);
  const sizes: FirmSize[] = ['micro', 'small', 'medium', 'large'];
  const cities = ['青島市', '煙臺市', '濰坊市', '濟南市'];
  return Array.from({ length: count }, (_, i) => ({
    id: `F${i}`,
    name: `臺資企業${i}號有限公司`,
    contact: i % 3 === 0 ? null : `聯繫人${i}`,
    email: null,
    city: i % 5 === 0 ? null : cities[i % cities.length]!,
    industries: i % 7 === 0 ? [] : [industries[i % industries.length]!],
    size: i % 6 === 0 ? null : sizes[i % sizes.length]!,
    exporter: i % 4 === 0 ? null : i % 2 === 0,
    needs:
      i % 9 === 0
        ? []
        : [...new Set([needs[i % needs.length]!, needs[(i * 5 + 2) % needs.length]!])].slice(0, 1 + (i % 3)),
  }));
}

function wholeRead(sources: TemplateSources, view: object, meta: ReturnType<typeof firmDocMeta>) {
  const rendered = compileGuide(sources, { entry: firmGuideTemplate }).guide!.renderView(view);
  assert.deepEqual(rendered.diagnostics, []);
  return readMarkdown(rendered.markdown, meta, { file: 'x.md' });
}

function compare(sources: TemplateSources, catalogueToUse: Catalogue, count: number) {
  const { reader } = FirmGuideReader.create(sources, 'x.md');
  assert.ok(reader);
  for (const firm of firms(count)) {
    const view = buildFirmGuideView(catalogueToUse, matchFirm(catalogueToUse, firm, '2020-03-05'), '2020-03-05');
    const meta = firmDocMeta(catalogueToUse, firm);
    const cached = reader.read(view, meta);
    const whole = wholeRead(sources, view, meta);
    assert.deepEqual(cached.diagnostics, whole.diagnostics, firm.id);
    assert.deepEqual(cached.model, whole.model, firm.id);
  }
  return reader;
}

describe('tailored guides read from cached measure sections', () => {
  it('give exactly the DocModel of reading the whole guide, for firms of every kind', () => {
    const reader = compare(templates.sources, catalogue, 60);
    // Each measure section was read once, with a stand-in number: no more sections than measures.
    assert.ok(reader.stats.reusing);
    assert.ok(reader.stats.sections <= catalogue.measures.length, String(reader.stats.sections));
  });

  it('keep page breaks a measure template puts at its start or end', () => {
    const sources = {
      ...templates.sources,
      measure: {
        ...templates.sources.measure!,
        text: `::pagebreak\n\n${templates.sources.measure!.text}\n::pagebreak\n`,
      },
    };
    const reader = compare(sources, catalogue, 12);
    assert.ok(reader.stats.reusing);
  });

  it('fall back to the real number when a template changes the number (chineseNumeral would not take a stand-in)', () => {
    const measure = templates.sources.measure!;
    const sources = {
      ...templates.sources,
      measure: { ...measure, text: measure.text.replace('## {{number}}', '## 第{{number}}項') },
    };
    const reader = compare(sources, catalogue, 12);
    assert.ok(reader.stats.reusing);
  });

  it('stop reusing sections when the templates wrap measures in a way reading them alone would change', () => {
    // Text straight before each measure: in the whole guide the measure's heading line becomes
    // part of that text; read alone, the section would start with a heading.
    const sources = {
      ...templates.sources,
      chapter: {
        ...templates.sources.chapter!,
        text: templates.sources.chapter!.text.replace('{{> measure}}', '見下：{{> measure}}'),
      },
    };
    const reader = compare(sources, catalogue, 8);
    assert.equal(reader.stats.reusing, false);
  });
});
