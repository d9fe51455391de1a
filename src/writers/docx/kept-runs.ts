/**
 * A single build's DOCX body kept in the build cache from one `guide build` to the next, run by
 * run: a run is the blocks from a heading or page break to the next (a measure, a chapter's head).
 * Writing the body's XML was ~70 ms of a rebuild after an edit to one measure (CPU profile), and
 * the edit changes the run that measure is in. Each run is kept by its blocks, the theme, whether
 * fonts are embedded, whether content came before it and the document's state before it
 * (`DocxContext.state`), as a batch's bodies are (kept-bodies.ts); the build's runs are one entry
 * (../kept-entries.ts), by the primary faces, and a run is kept only when its characters are all
 * in the primary regular face (a fallback face names the runs of the others).
 */

import type { EntryStore } from '../../cache-store.js';
import type { Block, Section } from '../../model/doc-model.js';
import type { WriterCache } from '../cache.js';
import { KeptRecords } from '../kept-entries.js';
import { sectionKey } from '../kept-sections.js';
import type { PdfFonts } from '../pdf/fonts.js';
import type { ContextAdditions, DocxContext } from './content.js';
import type { ListInstance } from './numbering.js';

/** A run's XML as UTF-8, the characters it prints, and what writing it added to the document. */
export interface KeptRun {
  readonly xml: Uint8Array;
  readonly codePoints: readonly number[];
  readonly added: ContextAdditions;
}

/** What a record holds besides its XML and pictures, as JSON. */
interface RunFacts {
  codePoints: number[];
  links: string[];
  lists: ListInstance[];
  /** Each picture's size in EMUs and the length of its PNG, which follow the XML in order. */
  images: [number, number][];
}

/** The runs one build wrote or took, and those the build before kept, by the same fonts. */
export class KeptRuns extends KeptRecords<KeptRun> {
  constructor(store: EntryStore, fonts: PdfFonts) {
    super(store, 'docx-runs', fonts);
  }

  /** The length of the run's facts, the facts, the XML and its pictures. */
  protected encode(run: KeptRun): readonly Uint8Array[] {
    const facts: RunFacts = {
      codePoints: [...run.codePoints],
      links: [...run.added.links],
      lists: [...run.added.lists],
      images: run.added.images.map(({ emus, png }) => [emus, png.length]),
    };
    const json = Buffer.from(JSON.stringify(facts), 'utf8');
    const factsLength = new Uint8Array(4);
    new DataView(factsLength.buffer).setUint32(0, json.length);
    return [factsLength, json, run.xml, ...run.added.images.map(({ png }) => png)];
  }

  protected decode(record: Uint8Array): KeptRun | undefined {
    if (record.length < 4) return undefined;
    const factsEnd = 4 + new DataView(record.buffer, record.byteOffset, 4).getUint32(0);
    const facts =
      factsEnd <= record.length ? runFacts(new TextDecoder().decode(record.subarray(4, factsEnd))) : undefined;
    if (!facts) return undefined;
    // The pictures end the record; the XML is what lies between the facts and them.
    let pictures = 0;
    for (const [, length] of facts.images) pictures += length;
    let at = record.length - pictures;
    if (at < factsEnd) return undefined;
    const xml = record.subarray(factsEnd, at);
    const images: { png: Uint8Array; emus: number }[] = [];
    for (const [emus, length] of facts.images) {
      images.push({ png: record.subarray(at, at + length), emus });
      at += length;
    }
    return { xml, codePoints: facts.codePoints, added: { links: facts.links, lists: facts.lists, images } };
  }

  protected sizeOf(run: KeptRun): number {
    let size = 64 + 8 * run.codePoints.length + run.xml.length;
    for (const link of run.added.links) size += link.length;
    for (const { png } of run.added.images) size += 16 + png.length;
    return KeptRecords.recordSize(size + 32 * run.added.lists.length);
  }
}

/** A record's facts, or undefined when they are not of their shape. */
function runFacts(json: string): RunFacts | undefined {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return undefined;
  }
  const facts = value as Partial<RunFacts> | null;
  const count = (n: unknown) => Number.isInteger(n) && (n as number) >= 0;
  const valid =
    typeof facts === 'object' &&
    facts !== null &&
    Array.isArray(facts.codePoints) &&
    facts.codePoints.every((cp) => count(cp) && cp <= 0x10ffff) &&
    Array.isArray(facts.links) &&
    facts.links.every((link) => typeof link === 'string') &&
    Array.isArray(facts.lists) &&
    facts.lists.every(
      (list) =>
        typeof list === 'object' &&
        list !== null &&
        count(list.numId) &&
        typeof list.ordered === 'boolean' &&
        count(list.level) &&
        count(list.start),
    ) &&
    Array.isArray(facts.images) &&
    facts.images.every((image) => Array.isArray(image) && image.length === 2 && image.every(count));
  return valid ? (facts as RunFacts) : undefined;
}

/** The kept runs a single build with the build cache writes its body with; undefined for any other. */
export function keptRunsOf(cache: WriterCache, fonts: PdfFonts | undefined): KeptRuns | undefined {
  if (cache.keptDocxRuns === null || cache.store === undefined || fonts === undefined) return undefined;
  let kept = cache.keptDocxRuns.get(fonts);
  if (!kept) cache.keptDocxRuns.set(fonts, (kept = new KeptRuns(cache.store, fonts)));
  return kept;
}

/**
 * A section's blocks in runs: a new run at each page break or heading that follows content (a
 * heading after a page break stays in the run the break starts, which it starts a page for).
 */
function runsOf(blocks: readonly Block[]): Block[][] {
  const runs: Block[][] = [[]];
  for (const [i, block] of blocks.entries()) {
    const starts = block.type === 'page-break' || block.type === 'heading';
    if (starts && i > 0 && blocks[i - 1]!.type !== 'page-break') runs.push([]);
    runs.at(-1)!.push(block);
  }
  return runs;
}

/**
 * `section`'s body XML, run by run as `write` writes a run (given whether content came before
 * it, adding the characters it prints to the set given), or as the build before wrote it from the
 * same blocks in the same state of the document and setting. The characters go into `used` when
 * fonts are embedded.
 */
export function keptRunsXml(
  kept: KeptRuns,
  section: Section,
  ctx: DocxContext,
  fonts: PdfFonts,
  embed: boolean,
  used: Set<number>,
  write: (blocks: readonly Block[], after: boolean, used: Set<number>) => Uint8Array[],
): Uint8Array[] {
  const pieces: Uint8Array[] = [];
  let after = false;
  for (const blocks of runsOf(section.blocks)) {
    const key = sectionKey(ctx.cache.digests, [ctx.theme, JSON.stringify([embed, after, ctx.state()])], blocks);
    let run = kept.get(key);
    if (run !== undefined) ctx.replay(run.added);
    else {
      const mark = ctx.mark();
      const own = new Set<number>();
      run = { xml: Buffer.concat(write(blocks, after, own)), codePoints: [...own], added: ctx.addedSince(mark) };
      if (run.codePoints.every((cp) => fonts.regular.indexOf(cp) === 0)) kept.set(key, run);
    }
    if (embed) for (const cp of run.codePoints) used.add(cp);
    pieces.push(run.xml);
    after ||= run.xml.length > 0;
  }
  return pieces;
}
