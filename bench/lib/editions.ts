/**
 * Editions of any size for the growth benchmarks, made from the sample: the sample's guide.yaml
 * and templates, and its measures in effect on the edition date, cloned with new ids (and a
 * numbered title) until there are as many as asked. Clones keep each measure's shape (fields,
 * lengths, lists), so cost per measure stays comparable across sizes.
 */

import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { MeasureEntry } from '../../src/catalogue/types.js';
import { repoRoot, type GuideLib } from './guide-lib.js';

/** A generated edition on disk. */
export interface GeneratedEdition {
  /** Folder holding guide.yaml. */
  dir: string;
  /** Measures written; all are in effect on the edition date. */
  measures: number;
}

/**
 * The sample's in-effect measures, taken one from each chapter in turn, so that the first N of
 * them cover every chapter (a 26-measure edition has all seven, not just the first four).
 */
async function sampleMeasures(lib: GuideLib): Promise<MeasureEntry[]> {
  const loaded = await lib.loadEdition(repoRoot);
  if (!loaded.catalogue) throw new Error('the sample edition does not load; run `guide validate`');
  const selection = lib.selectEdition(loaded.catalogue, lib.resolveRequest(loaded.catalogue.edition));
  const chapters = selection.chapters.map((chapter) => chapter.measures.map((m) => m.entry));
  const interleaved: MeasureEntry[] = [];
  for (let i = 0; interleaved.length < chapters.flat().length; i++) {
    for (const chapter of chapters) if (i < chapter.length) interleaved.push(chapter[i]!);
  }
  return interleaved;
}

/** The measure file's text with a new id (the file name follows) and a numbered title. */
function cloneMeasure(text: string, id: string, copy: number): string {
  let out = text.replace(/^id: .*$/m, `id: ${id}`);
  out = out.replace(/^title: (.*)$/m, (_line, title: string) => `title: ${title.trim()}（之${copy}）`);
  if (!out.includes(`id: ${id}`)) throw new Error(`could not rewrite the id of ${id}`);
  return out;
}

/**
 * Writes an edition of `count` measures into `dir` (which must not exist yet or be empty):
 * guide.yaml and templates/ copied from the sample, measures in `policies/<category>/`.
 */
export async function generateEdition(lib: GuideLib, dir: string, count: number): Promise<GeneratedEdition> {
  const sample = await sampleMeasures(lib);
  mkdirSync(dir, { recursive: true });
  cpSync(path.join(repoRoot, 'guide.yaml'), path.join(dir, 'guide.yaml'));
  cpSync(path.join(repoRoot, 'templates'), path.join(dir, 'templates'), { recursive: true });
  // Measure files point at the JSON Schema by a relative path; keep it resolvable.
  cpSync(path.join(repoRoot, 'schema'), path.join(dir, 'schema'), { recursive: true });
  for (let i = 0; i < count; i++) {
    const entry = sample[i % sample.length]!;
    const copy = Math.floor(i / sample.length) + 1;
    const text = readFileSync(path.join(repoRoot, entry.file), 'utf8');
    const id = copy === 1 ? entry.measure.id : `${entry.measure.id}-${copy}`;
    const folder = path.join(dir, 'policies', entry.measure.category);
    mkdirSync(folder, { recursive: true });
    writeFileSync(path.join(folder, `${id}.yaml`), copy === 1 ? text : cloneMeasure(text, id, copy));
  }
  return { dir, measures: count };
}
