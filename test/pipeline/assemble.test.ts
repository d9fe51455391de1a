/**
 * Guides assembled from fragments: a measure section read once and reused gives the same model
 * as one read fresh, headings carry the guide's numbers, and slots cannot be forged.
 */

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Catalogue, FirmSize } from '../../src/catalogue/types.js';
import { matchFirm } from '../../src/firms/match.js';
import type { Firm } from '../../src/firms/types.js';
import { loadEdition } from '../../src/io/edition.js';
import type { Block, DocModel } from '../../src/model/doc-model.js';
import { buildDocument, editionContent, firmContent, selectEdition } from '../../src/pipeline/build-document.js';
import { createPipelineCache } from '../../src/pipeline/cache.js';
import { prepare } from '../../src/pipeline/prepare.js';
import { readTemplates, type EntryTemplate, type TemplateInputs } from '../../src/pipeline/templates.js';
import { resolveRequest } from '../../src/pipeline/request.js';
import { repoRoot } from '../helpers/paths.js';

const loaded = await loadEdition(repoRoot);
const catalogue = loaded.catalogue!;
const request = resolveRequest(catalogue.edition, { document: 'firm' });

function prepared(
  entry: EntryTemplate,
  edit: (templates: TemplateInputs) => TemplateInputs = (t) => t,
  cat = catalogue,
) {
  const result = prepare({
    root: loaded.root,
    catalogue: cat,
    templates: edit(readTemplates(loaded.root, cat, entry)),
    entry,
  });
  assert.deepEqual(result.diagnostics, []);
  return result.prepared!;
}

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
    honorific: null,
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

type Heading = Extract<Block, { type: 'heading' }>;

function headings(model: DocModel, level: number): string[] {
  return model.sections
    .flatMap((section) => section.blocks)
    .filter((block): block is Heading => block.type === 'heading' && block.level === level)
    .map((heading) => heading.children.map((inline) => (inline.type === 'text' ? inline.value : '')).join(''));
}

describe('guides assembled from fragments', () => {
  it('give the same model from cached sections as from sections read fresh, for firms of every kind', () => {
    const firmPrepared = prepared('firm-guide');
    const warm = createPipelineCache();
    for (const firm of firms(40)) {
      const content = firmContent(catalogue, request, matchFirm(catalogue, firm, request.asOf), warm);
      const cached = buildDocument(firmPrepared, content, warm);
      const fresh = buildDocument(firmPrepared, content, createPipelineCache());
      assert.deepEqual(cached.diagnostics, [], firm.id);
      assert.deepEqual(cached.model, fresh.model, firm.id);
    }
    assert.ok(warm.measures.size > 0 && warm.measures.size <= catalogue.measures.length);
  });

  it('number each measure heading as the selection numbers it', () => {
    const selection = selectEdition(catalogue, request);
    const built = buildDocument(prepared('guide'), editionContent(selection), createPipelineCache());
    const expected = selection.chapters.flatMap((chapter) =>
      chapter.measures.map((measure) => `${measure.number}\u3000${measure.entry.measure.title}`),
    );
    const measureHeadings = headings(built.model!, 2).filter((text) => /^\d+\.\d+\u3000/.test(text));
    assert.deepEqual(measureHeadings, expected);
  });

  it('number a firm’s measures by its own chapters: the needs chapter first', () => {
    const firm = firms(2)[1]!;
    const match = matchFirm(catalogue, firm, request.asOf);
    assert.ok(match.answering.length > 0, 'the firm reports a need some measure answers');
    const cache = createPipelineCache();
    const built = buildDocument(prepared('firm-guide'), firmContent(catalogue, request, match, cache), cache);
    const titles = headings(built.model!, 2);
    assert.equal(titles[0], `1.1\u3000${match.answering[0]!.measure.title}`);
  });

  it('report a slot line written into the edition’s text instead of filling it', () => {
    const forged: Catalogue = {
      ...catalogue,
      edition: { ...catalogue.edition, preface: `${catalogue.edition.preface ?? ''}\n\n::slot{n="0"}\n` },
    };
    const guide = prepared('guide', (t) => t, forged);
    const built = buildDocument(guide, editionContent(selectEdition(forged, request)), createPipelineCache());
    assert.equal(built.model, undefined);
    assert.ok(
      built.diagnostics.some((d) => d.code === 'E-TEMPLATE-DIRECTIVE' && /slot/.test(d.message)),
      JSON.stringify(built.diagnostics),
    );
  });

  it('say how to fix a measure template that prints its own number', () => {
    const guide = prepared('guide', (templates) => ({
      ...templates,
      sources: {
        ...templates.sources,
        measure: {
          ...templates.sources['measure']!,
          text: templates.sources['measure']!.text.replace('## {{title}}', '## {{number}}　{{title}}'),
        },
      },
    }));
    const built = buildDocument(guide, editionContent(selectEdition(catalogue, request)), createPipelineCache());
    const problem = built.diagnostics.find((d) => d.code === 'E-TEMPLATE');
    assert.ok(problem, JSON.stringify(built.diagnostics));
    assert.equal(problem.file, 'templates/measure.md.hbs');
    assert.match(problem.hint ?? '', /numbers each measure heading itself/);
  });

  it('refuse a section called with arguments: it is read once for every call', () => {
    const result = prepare({
      root: loaded.root,
      catalogue,
      entry: 'guide',
      templates: editTemplate(
        readTemplates(loaded.root, catalogue, 'guide'),
        'chapter',
        '{{> measure}}',
        '{{> measure compact=true}}',
      ),
    });
    const problem = result.diagnostics.find((d) => d.code === 'E-TEMPLATE');
    assert.ok(problem, JSON.stringify(result.diagnostics));
    assert.equal(problem.file, 'templates/chapter.md.hbs');
    assert.match(problem.message, /takes no arguments/);
  });

  it('report a measure section put twice into one guide (its heading ids repeat)', () => {
    const guide = prepared('guide', (templates) =>
      editTemplate(templates, 'chapter', '{{> measure}}', '{{> measure}}\n\n{{> measure}}'),
    );
    const built = buildDocument(guide, editionContent(selectEdition(catalogue, request)), createPipelineCache());
    assert.equal(built.model, undefined);
    assert.ok(
      built.diagnostics.some((d) => /two headings have the id/.test(d.message)),
      JSON.stringify(built.diagnostics.slice(0, 3)),
    );
  });
});

function editTemplate(templates: TemplateInputs, name: string, from: string, to: string): TemplateInputs {
  const source = templates.sources[name]!;
  assert.ok(source.text.includes(from), `${from} is not in ${name}`);
  return {
    ...templates,
    sources: { ...templates.sources, [name]: { ...source, text: source.text.replace(from, to) } },
  };
}
