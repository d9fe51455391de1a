/**
 * The real templates on a small edition, read into the DocModel and compared with the golden
 * files: test/golden/model/small.json (the contract with the writers) and small.md (the Markdown,
 * to see what a template change did). `UPDATE_GOLDEN=1` rewrites both; review the diff.
 */

import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { selectMeasures } from '../src/catalogue/select.js';
import { buildDocument, editionContent } from '../src/pipeline/build-document.js';
import { createPipelineCache } from '../src/pipeline/cache.js';
import { prepare } from '../src/pipeline/prepare.js';
import { readTemplates } from '../src/pipeline/templates.js';
import { readTemplateFolder } from '../src/io/resources.js';
import { compileGuide, type TemplateSources } from '../src/template/render.js';
import { smallCatalogue } from './fixtures/template/small-edition.js';
import { assertGolden } from './helpers/golden.js';
import { repoRoot } from './helpers/paths.js';

const goldenDir = path.join(repoRoot, 'test/golden/model');

/** The bundled templates, as an edition without its own folder gets them. */
function realTemplates(): TemplateSources {
  return readTemplateFolder(repoRoot, 'templates', false).sources;
}

/** The small edition through the pipeline: sections assembled and numbered, as the writers get it. */
function smallModel() {
  const templates = readTemplates(repoRoot, smallCatalogue, 'guide');
  const { prepared, diagnostics } = prepare({ root: repoRoot, catalogue: smallCatalogue, templates, entry: 'guide' });
  assert.deepEqual(diagnostics, []);
  const selection = selectMeasures(smallCatalogue, { asOf: smallCatalogue.edition.date });
  const built = buildDocument(prepared!, editionContent(selection), createPipelineCache());
  return { model: built.model!, diagnostics: built.diagnostics };
}

test('the small edition renders and reads to the golden DocModel', () => {
  const selection = selectMeasures(smallCatalogue, { asOf: smallCatalogue.edition.date });
  assert.deepEqual(
    selection.chapters.map((chapter) =>
      chapter.measures.map((measure) => `${measure.number} ${measure.entry.measure.id}`),
    ),
    [['1.1 tax-small-scale-vat', '1.2 tax-loss-carryforward'], ['2.1 finance-loan-deferral']],
  );

  // The whole guide's Markdown, every section inline, to see what a template change did.
  const rendered = compileGuide(realTemplates()).guide!.render(selection);
  assert.deepEqual(rendered.diagnostics, []);
  assertGolden(path.join(goldenDir, 'small.md'), rendered.markdown);

  const { model, diagnostics } = smallModel();
  assert.deepEqual(diagnostics, []);
  assertGolden(path.join(goldenDir, 'small.json'), `${JSON.stringify(model, null, 2)}\n`);
});

test('the small edition model has what the writers rely on', () => {
  const { model } = smallModel();
  assert.deepEqual(
    model.sections.map((section) => section.kind),
    ['cover', 'body'],
  );

  const body = model.sections[1]!.blocks;
  const headings = body.flatMap((block) =>
    block.type === 'heading' ? [`${block.level} ${block.id} ${block.toc}`] : [],
  );
  assert.deepEqual(headings, [
    '1 preface true',
    '1 chapter-tax true',
    '2 tax-small-scale-vat true',
    '3 tax-small-scale-vat-content false',
    '2 tax-loss-carryforward true',
    '3 tax-loss-carryforward-faq false',
    '1 chapter-finance true',
    '2 finance-loan-deferral true',
    '1 appendix-hotlines true',
    '1 appendix-documents true',
    '1 appendix-needs true',
  ]);
  assert.ok(!JSON.stringify(model).includes('trade-expired-measure'), 'the expired measure is left out');
  assert.ok(!JSON.stringify(body).includes('外貿外資'), 'a chapter without measures is left out');

  const cards = body.filter((block) => block.type === 'table' && block.variant === 'card');
  assert.equal(cards.length, 3);
  const qr = JSON.stringify(cards[0]).match(/"type":"qr","url":"([^"]+)"/);
  assert.equal(qr?.[1], 'https://etax.test.chinatax.gov.cn/?a=1&b=2');
});
