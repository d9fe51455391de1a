/**
 * What one process keeps between documents, passed in explicitly so every stage stays a function
 * of its inputs: measure sections and chapter openings read (micromark is the slowest step of a
 * build, and a batch's guides are made of the same sections), and the writers' own caches. Keys
 * are made of exactly what a cached value was made from, so an entry is never stale.
 */

import { measureStatus } from '../catalogue/select.js';
import type { Catalogue, IsoDate, MeasureEntry } from '../catalogue/types.js';
import { sha256Hex } from '../hash.js';
import type { FragmentRead } from '../model/read-markdown.js';
import { createWriterCache, type WriterCache } from '../writers/cache.js';
import { LruMap } from './lru.js';

/** A fragment as rendered and read. */
export interface CachedFragment {
  /** Its Markdown, for code frames when it has diagnostics. */
  markdown: string;
  read: FragmentRead;
}

export interface PipelineCache {
  /** Measure sections, by the templates' hash, the measure's content and the as-of date. */
  readonly measures: LruMap<string, CachedFragment>;
  /** Other fragments (a chapter's opening), by their Markdown. */
  readonly fragments: LruMap<string, FragmentRead>;
  /**
   * Guides' skeletons (the entry template's Markdown around the fragments), by their Markdown:
   * the last few only, as each firm's differs (its letter) and a skeleton is large.
   */
  readonly skeletons: LruMap<string, FragmentRead>;
  /** What the writers keep between documents: set lines, font subsets, QR codes, DOCX shells. */
  readonly writer: WriterCache;
  /** How many measures of a catalogue are in effect, by as-of date (a firm's letter says it). */
  readonly inEffect: WeakMap<Catalogue, Map<IsoDate, number>>;
  /** Content hash of each measure (see `measureHash`), made once per parsed measure. */
  readonly measureHashes: WeakMap<MeasureEntry, string>;
}

/**
 * Far more entries than an edition has measures and chapter openings; bounded, so a long-lived
 * process (a preview, a script building many editions) does not grow without end. None for one
 * document: each section is read once, and keeping it (its Markdown with it) only pays when
 * another guide is made of it.
 */
const capacity = 2048;

/** An empty cache; `oneDocument` when it serves a single document (see `WriterCache`). */
export function createPipelineCache(options: { oneDocument?: boolean } = {}): PipelineCache {
  const fragmentCapacity = options.oneDocument === true ? 0 : capacity;
  return {
    measures: new LruMap(fragmentCapacity),
    fragments: new LruMap(fragmentCapacity),
    skeletons: new LruMap(2),
    writer: createWriterCache(options),
    inEffect: new WeakMap(),
    measureHashes: new WeakMap(),
  };
}

/** The hash of a measure as parsed, with its file: all that its section prints of it. */
export function measureHash(cache: PipelineCache, entry: MeasureEntry): string {
  let hash = cache.measureHashes.get(entry);
  if (hash === undefined)
    cache.measureHashes.set(entry, (hash = sha256Hex(JSON.stringify([entry.file, entry.measure]))));
  return hash;
}

/** How many of the catalogue's measures are in effect on `asOf`, counted once. */
export function measuresInEffect(cache: PipelineCache, catalogue: Catalogue, asOf: IsoDate): number {
  let byDate = cache.inEffect.get(catalogue);
  if (byDate === undefined) cache.inEffect.set(catalogue, (byDate = new Map()));
  let count = byDate.get(asOf);
  if (count === undefined) {
    count = catalogue.measures.filter((entry) => measureStatus(entry.measure, asOf) === 'active').length;
    byDate.set(asOf, count);
  }
  return count;
}
