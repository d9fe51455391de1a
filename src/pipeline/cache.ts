/**
 * What one process keeps between documents, passed in explicitly so every stage stays a function
 * of its inputs: measure sections and chapter openings read (reading Markdown is a large step of
 * a build, and a batch's guides are made of the same sections), and the writers' own caches. Keys
 * are made of exactly what a cached value was made from, so an entry is never stale.
 *
 * Under the maps, `store` (the build cache on disk, when the run has one) keeps the same values
 * between runs, by the same keys made into `entryKey`s: a rebuild after one measure was edited
 * reads only that measure again.
 */

import { measureStatus } from '../catalogue/select.js';
import type { Catalogue, IsoDate, MeasureEntry } from '../catalogue/types.js';
import { entryKey, getJson, setJson, type EntryStore } from '../cache-store.js';
import { sha256Hex } from '../hash.js';
import { currentLanguage } from '../messages/language.js';
import { readFragment, type FragmentRead, type ReadOptions } from '../model/read-markdown.js';
import { createWriterCache, type WriterCache } from '../writers/cache.js';
import { LruMap } from '../lru.js';

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
  /** The build cache on disk, under the maps; none for `--no-cache` and the library's default. */
  readonly store: EntryStore | undefined;
}

/**
 * Far more entries than an edition has measures and chapter openings; bounded, so a long-lived
 * process (a preview, a script building many editions) does not grow without end. None for one
 * document: each section is read once, and keeping it (its Markdown with it) only pays when
 * another guide is made of it.
 */
const capacity = 2048;

/**
 * An empty cache; `oneDocument` when it serves a single document (see `WriterCache`), `store`
 * the build cache on disk under it.
 */
export function createPipelineCache(options: { oneDocument?: boolean; store?: EntryStore } = {}): PipelineCache {
  const fragmentCapacity = options.oneDocument === true ? 0 : capacity;
  return {
    measures: new LruMap(fragmentCapacity),
    fragments: new LruMap(fragmentCapacity),
    skeletons: new LruMap(2),
    writer: createWriterCache(options),
    inEffect: new WeakMap(),
    measureHashes: new WeakMap(),
    store: options.store,
  };
}

/**
 * Markdown read as `readFragment` reads it, from `map` (by the Markdown), else from the store (by
 * the Markdown, the options and the language diagnostics' file names are in), else read. Only a
 * clean read is kept: a read with diagnostics is read again each time, so they are reported in
 * full and name the guide they were found in.
 */
export function cachedRead(
  cache: PipelineCache,
  map: LruMap<string, FragmentRead>,
  markdown: string,
  options: ReadOptions,
): FragmentRead {
  let read = map.get(markdown);
  if (read !== undefined) return read;
  const key = cache.store && entryKey('fragment', currentLanguage(), JSON.stringify(options), markdown);
  read = key === undefined ? undefined : (getJson(cache.store, key) as FragmentRead | undefined);
  if (read === undefined) {
    read = readFragment(markdown, options);
    if (read.diagnostics.length > 0) return read;
    if (key !== undefined) setJson(cache.store, key, read);
  }
  map.set(markdown, read);
  return read;
}

/**
 * The key of a measure's section: the templates, theme and edition (`Prepared.hash`), the as-of
 * date and the measure as parsed, with its file; on disk also the language of the rendered
 * Markdown's name.
 */
export function measureKey(cache: PipelineCache, preparedHash: string, asOf: IsoDate, entry: MeasureEntry): string {
  return `${preparedHash}\u0000${asOf}\u0000${measureHash(cache, entry)}`;
}

/** A measure's section from the store, by `measureKey`. */
export function storedMeasure(cache: PipelineCache, key: string): CachedFragment | undefined {
  return getJson(cache.store, entryKey('measure', currentLanguage(), key)) as CachedFragment | undefined;
}

/** Keeps a measure's section in the store. */
export function storeMeasure(cache: PipelineCache, key: string, fragment: CachedFragment): void {
  setJson(cache.store, entryKey('measure', currentLanguage(), key), fragment);
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
