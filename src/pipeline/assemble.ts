/**
 * A guide put together from its parts. The entry template is rendered with a slot wherever it
 * calls a fragment partial (`{{> chapter}}`, `{{> measure}}`); each fragment is rendered and read
 * on its own and put in its slot. A measure section is read once per measure and kept in the
 * cache by what it was made from, then numbered for the guide it goes into; a chapter's opening
 * is kept by its Markdown, as it recurs from firm to firm. Ids and `#id` links are checked
 * across all the parts, and idle page breaks dropped, once the whole document stands.
 *
 * Blocks are shared between documents: the writers only read the model.
 */

import { hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import { checkAnchors, type AnchoredPart } from '../model/anchors.js';
import type { Block, DocMeta, DocModel, Section } from '../model/doc-model.js';
import { readFragment, type FragmentRead, type FragmentSection } from '../model/read-markdown.js';
import { normaliseSections } from '../model/transforms/normalise.js';
import { numberFirstHeading } from '../model/transforms/number-headings.js';
import type { RenderResult } from '../template/render.js';
import type { GuideView, MeasureView } from '../template/view.js';
import { measureHash, type CachedFragment, type PipelineCache } from './cache.js';
import type { Prepared } from './prepare.js';

/** Partials whose sections are rendered and read on their own. */
export const fragmentPartials = ['chapter', 'measure'] as const;

const measurePartial = 'measure';

/** A fragment partial's call, as the template layer handed it over. */
interface Call {
  partial: string;
  context: unknown;
}

/** The assembled guide, or what is wrong with it; `rendered` holds the Markdown the diagnostics point into. */
export interface Assembled {
  model?: DocModel;
  diagnostics: Diagnostic[];
  rendered: Map<string, string>;
}

/** Renders, reads and assembles the guide whose template data is `view`. */
export function assembleDocument(prepared: Prepared, view: GuideView, meta: DocMeta, cache: PipelineCache): Assembled {
  return new Assembly(prepared, view, cache).run(meta);
}

class Assembly {
  private readonly diagnostics: Diagnostic[] = [];
  private readonly parts: AnchoredPart[] = [];
  private readonly rendered = new Map<string, string>();
  /** What a measure section sees as `@root`: the edition and the date, the same in every guide. */
  private readonly measureRoot: object;

  constructor(
    private readonly prepared: Prepared,
    private readonly view: GuideView,
    private readonly cache: PipelineCache,
  ) {
    this.measureRoot = { edition: view.edition, asOf: view.asOf };
  }

  run(meta: DocMeta): Assembled {
    const { prepared } = this;
    const calls: Call[] = [];
    const file = renderedName(prepared.templates.sources[prepared.entry]!.file);
    const skeleton = this.keep(
      file,
      prepared.guide.renderView(this.view, (partial, context) => calls.push({ partial, context }) - 1),
    );
    if (skeleton === undefined) return this.result();
    const read = readFragment(skeleton, { file, slots: true });
    this.take(read, skeleton);
    const sections: Section[] = read.sections.map((section) => ({
      kind: section.kind,
      blocks: this.fill(section, calls, read),
    }));
    this.diagnostics.push(...checkAnchors(this.parts));
    if (hasErrors(this.diagnostics)) return this.result();
    return { ...this.result(), model: { meta, sections: normaliseSections(sections) } };
  }

  private result(): Assembled {
    return { diagnostics: this.diagnostics, rendered: this.rendered };
  }

  /** The Markdown of a render, kept for code frames; undefined (diagnostics taken) when it failed. */
  private keep(file: string, result: RenderResult): string | undefined {
    if (result.diagnostics.length > 0) {
      this.diagnostics.push(...result.diagnostics);
      return undefined;
    }
    this.rendered.set(file, result.markdown);
    return result.markdown;
  }

  /** A part read: its diagnostics, and its ids and links for the check across parts. */
  private take(read: FragmentRead, markdown: string): void {
    this.diagnostics.push(...read.diagnostics);
    this.parts.push(read);
    if (read.file !== undefined) this.rendered.set(read.file, markdown);
  }

  /** A section's blocks with each slot filled by its fragment's blocks. */
  private fill(section: FragmentSection, calls: readonly Call[], owner: FragmentRead): Block[] {
    if (section.slots.length === 0) return section.blocks;
    const blocks: Block[] = [];
    const used = new Set<number>();
    let next = 0;
    for (const slot of section.slots) {
      blocks.push(...section.blocks.slice(next, slot.at));
      next = slot.at;
      const call = calls[slot.n];
      // A slot line the templates did not leave (written into a text field) fills nothing.
      if (call === undefined || used.has(slot.n)) {
        this.slotProblem(owner, `a section slot (::slot{n="${slot.n}"}) that no template call left`);
        continue;
      }
      used.add(slot.n);
      blocks.push(...this.fragment(call));
    }
    blocks.push(...section.blocks.slice(next));
    return blocks;
  }

  private fragment(call: Call): Block[] {
    return call.partial === measurePartial ? this.measure(call.context as MeasureView) : this.other(call);
  }

  /** A chapter's opening (or another fragment partial): read once per Markdown text. */
  private other(call: Call): Block[] {
    const calls: Call[] = [];
    const file = renderedName(this.prepared.templates.sources[call.partial]!.file);
    const markdown = this.keep(
      file,
      this.prepared.guide.renderPartial(
        call.partial,
        call.context,
        this.view,
        (partial, context) => calls.push({ partial, context }) - 1,
      ),
    );
    if (markdown === undefined) return [];
    let read = this.cache.fragments.get(markdown);
    if (read === undefined) {
      read = readFragment(markdown, { file, slots: true });
      this.cache.fragments.set(markdown, read);
    }
    this.take(read, markdown);
    return this.bodyOf(read, (section) => this.fill(section, calls, read));
  }

  /** A measure section, read once per measure, numbered for this guide. */
  private measure(context: MeasureView): Block[] {
    const entry = this.prepared.measures.get(context.id);
    const key = entry && `${this.prepared.hash}\u0000${this.view.asOf}\u0000${measureHash(this.cache, entry)}`;
    let cached = key === undefined ? undefined : this.cache.measures.get(key);
    if (cached === undefined) {
      cached = this.readMeasure(context);
      if (cached === undefined) return [];
      if (key !== undefined) this.cache.measures.set(key, cached);
    }
    this.take(cached.read, cached.markdown);
    const blocks = this.bodyOf(cached.read, (section) => section.blocks);
    return numberFirstHeading(blocks, context.number);
  }

  private readMeasure(context: MeasureView): CachedFragment | undefined {
    // The number is left out: it is the guide's, put in by numberFirstHeading.
    const measure: Partial<MeasureView> = { ...context };
    delete measure.number;
    const source = this.prepared.templates.sources[measurePartial]!;
    const file = renderedName(`${source.file}: ${context.id}`);
    const rendered = this.prepared.guide.renderPartial(measurePartial, measure, this.measureRoot);
    if (rendered.diagnostics.length > 0) {
      this.diagnostics.push(...rendered.diagnostics.map(numberHint));
      return undefined;
    }
    return { markdown: rendered.markdown, read: readFragment(rendered.markdown, { file }) };
  }

  /** A fragment's blocks: it must be body text, with no cover of its own. */
  private bodyOf(read: FragmentRead, blocksOf: (section: FragmentSection) => Block[]): Block[] {
    const blocks: Block[] = [];
    for (const section of read.sections) {
      if (section.kind === 'cover') {
        this.slotProblem(read, '::::cover is inside a section template (chapter or measure)');
        continue;
      }
      blocks.push(...blocksOf(section));
    }
    return blocks;
  }

  private slotProblem(read: FragmentRead, message: string): void {
    this.diagnostics.push({
      code: 'E-TEMPLATE-DIRECTIVE',
      severity: 'error',
      message,
      ...(read.file !== undefined ? { file: read.file } : {}),
      hint: 'the cover belongs in guide.md.hbs or letter.md.hbs; slots are left by guide itself, never written',
    });
  }
}

/** The name diagnostics give a template's rendered Markdown: held in memory, never written. */
function renderedName(what: string): string {
  return `(rendered ${what})`;
}

// A measure template written for an older guide prints its own number.
function numberHint(d: Diagnostic): Diagnostic {
  if (!d.message.startsWith('"number')) return d;
  return {
    ...d,
    hint: 'guide numbers each measure heading itself: write "## {{title}} {{anchor id}}" in measure.md.hbs; other templates get the number as {{number}}',
  };
}
