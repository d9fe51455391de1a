/**
 * A batch's section bodies written once and taken again (see ../kept-sections.ts): each block's
 * XML (and, for a batch's firms, deflated), the characters it prints, and what writing it added to
 * the document (links, pictures, lists), which a document that takes it adds in turn. A single
 * build writes each section once and keeps none.
 */

import type { Section } from '../../model/doc-model.js';
import type { WriterCache } from '../cache.js';
import { KeptWhenMetAgain, sectionKey } from '../kept-sections.js';
import type { PdfFonts } from '../pdf/fonts.js';
import type { ContextAdditions, DocxContext } from './content.js';
import { deflateToByteBoundary } from './zip.js';

/** Bodies kept per fonts: a batch's, one for each set of measures and needs that recurs. */
const KEPT_BODIES = 16;

/** A section's body: its blocks' XML as UTF-8, the characters it prints, what it added. */
export interface KeptBody {
  readonly xml: Uint8Array;
  readonly codePoints: readonly number[];
  readonly added: ContextAdditions;
  /** `xml` deflated as a run of document.xml's, made when a batch's firm first needs it (`deflatedRun`). */
  deflated?: Uint8Array;
}

/**
 * `section`'s body XML, as `write` writes it (adding the characters it prints to the set given),
 * or as written before from the same blocks in the same state of the document (`DocxContext.state`)
 * and setting (the theme; whether fonts are embedded). The characters go into `used`.
 */
export function keptBody(
  kept: KeptWhenMetAgain<KeptBody>,
  section: Section,
  ctx: DocxContext,
  embed: boolean,
  used: Set<number>,
  write: (used: Set<number>) => Uint8Array[],
): KeptBody {
  const key = sectionKey(ctx.cache.digests, [ctx.theme, JSON.stringify([embed, ctx.state()])], section.blocks);
  let body = kept.get(key);
  if (body !== undefined) ctx.replay(body.added);
  else {
    const mark = ctx.mark();
    const own = new Set<number>();
    // Kept as one buffer: small Buffers are views of the slabs of Node's Buffer pool, each of
    // which a kept piece would keep whole.
    body = { xml: Buffer.concat(write(own)), codePoints: [...own], added: ctx.addedSince(mark) };
    kept.set(key, body);
  }
  for (const cp of body.codePoints) used.add(cp);
  return body;
}

/**
 * The body's XML deflated as a run of document.xml (`deflateToByteBoundary`): made once for all
 * the documents that take the body. A copy of its own: zlib hands a short result out as a view of
 * its 16 KB output chunk, which a kept run would keep whole.
 */
export function deflatedRun(body: KeptBody): Uint8Array {
  return (body.deflated ??= new Uint8Array(deflateToByteBoundary(body.xml)));
}

/** The batch's bodies written with `fonts`; null when the cache serves a single document. */
export function keptBodiesOf(cache: WriterCache, fonts: PdfFonts): KeptWhenMetAgain<KeptBody> | null {
  if (!cache.docxBodies) return null;
  let bodies = cache.docxBodies.get(fonts);
  if (!bodies) cache.docxBodies.set(fonts, (bodies = new KeptWhenMetAgain(KEPT_BODIES)));
  return bodies;
}
