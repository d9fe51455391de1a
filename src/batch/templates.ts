/**
 * The templates a batch run renders with: the edition's templates folder (or guide's own when it
 * has none, as `guide build` does), plus guide's own tailored-guide templates when the edition's
 * folder predates them, so an edition with its own measure and chapter templates needs no new
 * file to use `guide batch`.
 */

import path from 'node:path';
import type { Edition } from '../catalogue/types.js';
import { bundledTemplatesDir, readTemplateFolder } from '../io/resources.js';
import type { TemplateSources } from '../template/render.js';
import { firmGuideTemplate } from './firm-reader.js';

/** Templates only tailored guides use. */
const firmTemplates = [firmGuideTemplate, 'letter'];

/** Template sources and theme.yaml of a batch run, paths relative to the edition folder. */
export function readBatchTemplates(
  root: string,
  edition: Edition,
): { sources: TemplateSources; theme: { file: string; text: string } } {
  const bundled = readTemplateFolder(root, path.relative(root, bundledTemplatesDir));
  let folder = readTemplateFolder(root, edition.templates);
  if (Object.keys(folder.sources).length === 0) folder = bundled;
  const sources: TemplateSources = { ...folder.sources };
  for (const name of firmTemplates) {
    if (!Object.hasOwn(sources, name) && bundled.sources[name]) sources[name] = bundled.sources[name];
  }
  return { sources, theme: folder.theme ?? bundled.theme! };
}
