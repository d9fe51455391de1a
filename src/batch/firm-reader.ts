/**
 * Tailored guides → DocModel, reusing what was read. Reading Markdown is the slowest step of a
 * build (micromark), and most firms' guides are made of the same measure sections. So a guide is
 * rendered twice over: its skeleton (letter, contents, chapter openings) with a marker paragraph
 * where each measure goes, and each measure section on its own through the `measure` template.
 * Each section is read once per process, keyed by its Markdown, and its blocks are put in place
 * of the markers.
 *
 * A measure's number ("2.3") differs from firm to firm. Sections are rendered with a stand-in
 * number, and the real one is put into the blocks' text: only when the Markdown rendered with the
 * real number is exactly the stand-in's Markdown with the number put in (checked once for each
 * section and number), and the stand-in appears in the blocks as often as in the Markdown.
 *
 * The skeleton is read in parts, split at its top-level page breaks: micromark takes more than
 * twice as long over the whole as over its parts, and the parts that open the edition's chapters
 * recur from firm to firm (keyed with their markers numbered from 0), so they are kept too.
 *
 * The result must equal reading the whole guide at once. Where it could differ it is not used:
 * any diagnostic, a marker not at the top level, a duplicate heading id or a link to a heading
 * that is not there sends the guide through the whole-guide reader, whose diagnostics are the
 * ones to show. The first guide of every process is read both ways and compared; if the templates
 * arrange sections in a way this misses, nothing is reused for the rest of the run.
 *
 * Blocks are shared between the models of different firms: the writers only read the model.
 */

import { isDeepStrictEqual } from 'node:util';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Block, DocMeta, DocModel, Inline, Section } from '../model/doc-model.js';
import { dropIdleBreaks, readMarkdown } from '../model/read-markdown.js';
import { compileGuide, type CompiledGuide, type RenderResult, type TemplateSources } from '../template/render.js';
import { LruMap } from './lru.js';

/** The template a tailored guide starts from, and the one each measure section is rendered by. */
export const firmGuideTemplate = 'firm-guide';
const measureTemplate = 'measure';

const marker = (index: number) => `GUIDESLOT${index}X`;
const markerPattern = /^GUIDESLOT(\d+)X$/;
const markersInText = /GUIDESLOT(\d+)X/g;
const guard = 'GUIDEGUARDX';
/** Stands in for a measure's number: digits and dots, so the Markdown around it reads the same. */
const stand = '0.0.0';
/** The reader's words for a link to a missing heading: such links may point into another part. */
const missingLink = /^link to "#[^"]*", but no heading has that id/;
const noMeta: DocMeta = { title: '', author: '', subject: '', keywords: [], language: '', header: '' };
/**
 * Entries kept: far more than an edition has measures and chapter openings, far fewer than a
 * run has firms (whose letters are read once each).
 */
const cacheSize = 512;
/**
 * Skeleton parts met once, remembered by their text only: a part is kept once it recurs. Most
 * parts are one firm's own (its letter, its contents) and never recur; kept, each would live
 * through hundreds of firms and be collected with the old generation, where collecting costs most.
 */
const seenPartsSize = 64;

/** One guide read: its model, or the diagnostics and the Markdown they point into. */
export interface FirmRead {
  model?: DocModel;
  diagnostics: Diagnostic[];
  /** The whole guide's Markdown, when it was rendered (always when there are diagnostics). */
  markdown?: string;
}

interface CachedSection {
  blocks: Block[];
  /** Blocks holding the stand-in number: copied with the real one; the others are shared. */
  numbered: Set<number>;
  /** How often the stand-in occurs in the blocks' strings. */
  stands: number;
}

/** A skeleton part read: its sections, markers numbered from 0. */
type CachedPart = Section[];

/** Renders and reads tailored guides, one after another, in one process. */
export class FirmGuideReader {
  private readonly sections = new LruMap<string, CachedSection | null>(cacheSize);
  private readonly parts = new LruMap<string, CachedPart | null>(cacheSize);
  private readonly seenParts = new LruMap<string, true>(seenPartsSize);
  /** Stand-in Markdown → the numbers it was checked with. */
  private readonly checkedNumbers = new LruMap<string, Set<string>>(cacheSize);
  private checked = false;
  private reuse: boolean;

  private constructor(
    private readonly whole: CompiledGuide,
    private readonly skeleton: CompiledGuide | undefined,
    /** The contexts the skeleton's render passed to the measure template, by marker number. */
    private readonly slots: unknown[],
    private readonly markdownFile: string,
  ) {
    this.reuse = skeleton !== undefined;
  }

  /** Compiles the templates once; diagnostics instead when they have errors. */
  static create(
    sources: TemplateSources,
    markdownFile: string,
  ): { reader?: FirmGuideReader; diagnostics: Diagnostic[] } {
    const whole = compileGuide(sources, { entry: firmGuideTemplate });
    if (!whole.guide) return { diagnostics: whole.diagnostics };
    const slots: unknown[] = [];
    const skeleton = Object.hasOwn(sources, measureTemplate)
      ? compileGuide(sources, {
          entry: firmGuideTemplate,
          replace: { [measureTemplate]: (context) => `\n\n${marker(slots.push(context) - 1)}\n\n` },
        }).guide
      : undefined;
    return { reader: new FirmGuideReader(whole.guide, skeleton, slots, markdownFile), diagnostics: whole.diagnostics };
  }

  /** Counts for the benchmark and tests: sections and skeleton parts kept, and whether they are used. */
  get stats(): { sections: number; parts: number; reusing: boolean } {
    return { sections: this.sections.size, parts: this.parts.size, reusing: this.reuse };
  }

  /** Renders and reads the guide whose template data is `view`. */
  read(view: object, meta: DocMeta): FirmRead {
    if (!this.reuse) return this.readWhole(view, meta);
    const model = this.assemble(view, meta);
    if (model === undefined) return this.readWhole(view, meta);
    if (!this.checked) {
      this.checked = true;
      const whole = this.readWhole(view, meta);
      if (!whole.model || !isDeepStrictEqual(whole.model, model)) {
        this.reuse = false;
        return whole;
      }
    }
    return { model, diagnostics: [] };
  }

  /** Reads the guide whole, reusing nothing. */
  readWhole(view: object, meta: DocMeta): FirmRead {
    const rendered = this.whole.renderView(view);
    if (rendered.diagnostics.length > 0) return { diagnostics: rendered.diagnostics };
    const read = readMarkdown(rendered.markdown, meta, { file: this.markdownFile });
    return { model: read.model, diagnostics: read.diagnostics, markdown: rendered.markdown };
  }

  /** The guide put together from the skeleton's parts and the measure sections; undefined when it cannot be. */
  private assemble(view: object, meta: DocMeta): DocModel | undefined {
    this.slots.length = 0;
    const rendered = this.skeleton!.renderView(view);
    const slots = [...this.slots];
    if (rendered.diagnostics.length > 0) return undefined;

    const measures: Block[][] = [];
    for (const context of slots) {
      const blocks = this.section(context, view);
      if (blocks === undefined) return undefined;
      measures.push(blocks);
    }
    const used = new Set<number>();
    const sections: Section[] = [];
    const body = (): Block[] => {
      const last = sections.at(-1);
      if (last?.kind === 'body') return last.blocks;
      const fresh: Section = { kind: 'body', blocks: [] };
      sections.push(fresh);
      return fresh.blocks;
    };
    const parts = splitAtPageBreaks(rendered.markdown);
    for (const [index, text] of parts.entries()) {
      // The markers of a part are numbered from 0 in its key; `numbers` maps them back.
      const numbers: number[] = [];
      const key = text.replace(markersInText, (_, n: string) => marker(numbers.push(Number(n)) - 1));
      const part = this.part(key);
      if (part === null) return undefined;
      if (index > 0) body().push({ type: 'page-break' });
      for (const section of part) {
        if (section.kind === 'cover' && (index > 0 || sections.length > 0)) return undefined;
        const blocks =
          section.kind === 'cover' ? (sections.push({ kind: 'cover', blocks: [] }), sections.at(-1)!.blocks) : body();
        for (const block of section.blocks) {
          const slot = slotOf(block);
          if (slot === undefined) {
            blocks.push(block);
            continue;
          }
          const measure = numbers[slot];
          if (measure === undefined || measure >= measures.length || used.has(measure) || section.kind !== 'body') {
            return undefined;
          }
          used.add(measure);
          blocks.push(...measures[measure]!);
        }
      }
    }
    if (used.size !== measures.length) return undefined;
    const kept = sections
      .map((section) => ({ kind: section.kind, blocks: dropIdleBreaks(section.blocks) }))
      .filter((section) => section.blocks.length > 0);
    const model: DocModel = { meta, sections: kept };
    return headingsAndLinksHold(model) ? model : undefined;
  }

  private part(key: string): CachedPart | null {
    let part = this.parts.get(key);
    if (part !== undefined) return part;
    const read = readMarkdown(key, noMeta);
    part = read.diagnostics.some((d) => !missingLink.test(d.message)) ? null : read.model.sections;
    if (this.seenParts.get(key)) this.parts.set(key, part);
    else this.seenParts.set(key, true);
    return part;
  }

  /** One measure section's blocks, with its number, from the cache or read now. */
  private section(context: unknown, root: object): Block[] | undefined {
    const render = (data: unknown) => this.whole.renderPartial(measureTemplate, data, root);
    const number = (context as { number?: unknown } | null)?.number;
    if (typeof number === 'string' && number !== '') {
      const standIn = render({ ...(context as object), number: stand });
      if (standIn.diagnostics.length === 0 && this.takesNumber(standIn.markdown, number, () => render(context))) {
        const cached = this.cached(standIn.markdown);
        if (cached === null) return undefined;
        if (cached.stands === standIn.markdown.split(stand).length - 1) {
          return cached.blocks.map((block, i) => (cached.numbered.has(i) ? replaceText(block, stand, number) : block));
        }
      }
    }
    const real = render(context);
    if (real.diagnostics.length > 0) return undefined;
    return this.cached(real.markdown)?.blocks;
  }

  /** Whether rendering with `number` gives `standIn` with the number in the stand-in's place. */
  private takesNumber(standIn: string, number: string, renderReal: () => RenderResult): boolean {
    const numbers = this.checkedNumbers.get(standIn) ?? new Set<string>();
    if (numbers.has(number)) return true;
    const real = renderReal();
    if (real.diagnostics.length > 0 || standIn.replaceAll(stand, number) !== real.markdown) return false;
    numbers.add(number);
    this.checkedNumbers.set(standIn, numbers);
    return true;
  }

  private cached(markdown: string): CachedSection | null {
    let section = this.sections.get(markdown);
    if (section !== undefined) return section;
    section = readSection(markdown);
    this.sections.set(markdown, section);
    return section;
  }
}

/**
 * The Markdown split at `::pagebreak` lines that stand between blocks at the top level (a blank
 * line before, no open container directive); the break lines themselves are left out.
 */
function splitAtPageBreaks(markdown: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  let previousBlank = true;
  let at = 0;
  for (const line of markdown.split('\n')) {
    const end = at + line.length + 1;
    if (/^ {0,3}:{3,}\s*[A-Za-z]/.test(line)) depth++;
    else if (/^ {0,3}:{3,}\s*$/.test(line)) depth = Math.max(0, depth - 1);
    else if (depth === 0 && previousBlank && /^::pagebreak\s*$/.test(line)) {
      parts.push(markdown.slice(start, at));
      start = end;
    }
    previousBlank = line.trim() === '';
    at = end;
  }
  parts.push(markdown.slice(start));
  return parts;
}

// The guards keep page breaks at the section's ends: the reader drops breaks at a document's ends.
function readSection(markdown: string): CachedSection | null {
  const read = readMarkdown(`${guard}\n\n${markdown}\n\n${guard}`, noMeta);
  if (read.diagnostics.some((d) => !missingLink.test(d.message))) return null;
  const [section, ...more] = read.model.sections;
  if (!section || more.length > 0 || section.kind !== 'body') return null;
  const all = section.blocks;
  if (all.length < 2 || !isGuard(all[0]) || !isGuard(all.at(-1))) return null;
  const blocks = all.slice(1, -1);
  const counts = blocks.map((block) => countText(block, stand));
  return {
    blocks,
    numbered: new Set(counts.flatMap((count, i) => (count > 0 ? [i] : []))),
    stands: counts.reduce((sum, count) => sum + count, 0),
  };
}

function isGuard(block: Block | undefined): boolean {
  return (
    block?.type === 'paragraph' &&
    block.children.length === 1 &&
    block.children[0]!.type === 'text' &&
    block.children[0]!.value === guard
  );
}

function slotOf(block: Block): number | undefined {
  if (block.type !== 'paragraph' || block.children.length !== 1) return undefined;
  const only = block.children[0]!;
  const found = only.type === 'text' ? markerPattern.exec(only.value) : null;
  return found ? Number(found[1]) : undefined;
}

/** Every heading id once, and every `#id` link pointing at one. */
function headingsAndLinksHold(model: DocModel): boolean {
  const ids = new Set<string>();
  const links: string[] = [];
  let unique = true;
  const inlines = (list: readonly Inline[]) => {
    for (const inline of list) {
      if (inline.type === 'link') {
        if (inline.url.startsWith('#')) links.push(inline.url.slice(1));
        inlines(inline.children);
      } else if (inline.type === 'strong' || inline.type === 'emphasis') inlines(inline.children);
    }
  };
  const blocks = (list: readonly Block[]) => {
    for (const block of list) {
      switch (block.type) {
        case 'heading':
          if (ids.has(block.id)) unique = false;
          ids.add(block.id);
          inlines(block.children);
          break;
        case 'paragraph':
          inlines(block.children);
          break;
        case 'list':
          for (const item of block.items) blocks(item.children);
          break;
        case 'table':
          for (const row of [...block.header, ...block.rows]) for (const cell of row.cells) blocks(cell.children);
          break;
        case 'qr':
          inlines(block.label);
          break;
        default:
          break;
      }
    }
  };
  for (const section of model.sections) blocks(section.blocks);
  return unique && links.every((id) => ids.has(id));
}

/** How often `text` occurs in the block's strings (text, link targets, ids, URLs). */
function countText(block: Block, text: string): number {
  let count = 0;
  replaceText(block, text, text, () => count++);
  return count;
}

/** A deep copy of the block with `from` replaced by `to` in every string. */
function replaceText(block: Block, from: string, to: string, found: () => void = () => {}): Block {
  const copy = (value: unknown): unknown => {
    if (typeof value === 'string') {
      if (!value.includes(from)) return value;
      const pieces = value.split(from);
      for (let i = 1; i < pieces.length; i++) found();
      return pieces.join(to);
    }
    if (Array.isArray(value)) return value.map(copy);
    if (typeof value === 'object' && value !== null) {
      const out: Record<string, unknown> = {};
      for (const [key, item] of Object.entries(value)) out[key] = key === 'type' ? item : copy(item);
      return out;
    }
    return value;
  };
  return copy(block) as Block;
}
