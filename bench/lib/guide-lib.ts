/**
 * guide's own modules, loaded from the compiled lib/ (what `bin/guide.js` runs), typed from src/
 * so that `npm run typecheck` works before lib/ is built.
 */

import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type * as BuildGuide from '../../src/pipeline/build-guide.js';
import type * as Prepare from '../../src/pipeline/prepare.js';
import type * as Dates from '../../src/catalogue/dates.js';
import type * as Select from '../../src/catalogue/select.js';
import type * as Validate from '../../src/catalogue/validate.js';
import type * as Edition from '../../src/io/edition.js';
import type * as ReadMarkdown from '../../src/model/read-markdown.js';
import type * as Render from '../../src/template/render.js';

/** The repository root (the folder holding package.json and the sample guide.yaml). */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The CLI entry point the benchmarks start as a fresh process. */
export const guideBin = path.join(repoRoot, 'bin/guide.js');

/** The lib/ modules the harness uses to render content for the other tools. */
export interface GuideLib {
  loadEdition: typeof Edition.loadEdition;
  validateCatalogue: typeof Validate.validateCatalogue;
  prepareBuild: typeof Prepare.prepareBuild;
  selectMeasures: typeof Select.selectMeasures;
  buildGuide: typeof BuildGuide.buildGuide;
  dateToInstant: typeof Dates.dateToInstant;
  editionDocMeta: typeof Render.editionDocMeta;
  readMarkdown: typeof ReadMarkdown.readMarkdown;
}

async function libModule<T>(relative: string): Promise<T> {
  return (await import(pathToFileURL(path.join(repoRoot, 'lib', relative)).href)) as T;
}

/** Imports the compiled modules; `npm run bench` builds lib/ first. */
export async function loadGuideLib(): Promise<GuideLib> {
  const [edition, validate, prepare, select, build, dates, render, reader] = await Promise.all([
    libModule<typeof Edition>('io/edition.js'),
    libModule<typeof Validate>('catalogue/validate.js'),
    libModule<typeof Prepare>('build/prepare.js'),
    libModule<typeof Select>('catalogue/select.js'),
    libModule<typeof BuildGuide>('build/build-guide.js'),
    libModule<typeof Dates>('catalogue/dates.js'),
    libModule<typeof Render>('template/render.js'),
    libModule<typeof ReadMarkdown>('model/read-markdown.js'),
  ]);
  return {
    loadEdition: edition.loadEdition,
    validateCatalogue: validate.validateCatalogue,
    prepareBuild: prepare.prepareBuild,
    selectMeasures: select.selectMeasures,
    buildGuide: build.buildGuide,
    dateToInstant: dates.dateToInstant,
    editionDocMeta: render.editionDocMeta,
    readMarkdown: reader.readMarkdown,
  };
}
