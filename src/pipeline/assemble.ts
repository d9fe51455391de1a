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
import type { TemplateSource } from '../template/errors.js';
import { markdownMessages as say } from '../messages/render.js';
import {
  cachedRead,
  measureKey,
  storedMeasure,
  storeMeasure,
  type CachedFragment,
  type PipelineCache,
} from './cache.js';
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

/**
 * Renders, reads and assembles the guide whose template data is `view`. `label` (a firm's id)
 * tells this guide's rendered Markdown from another's in diagnostics.
 */
export function assembleDocument(
  prepared: Prepared,
  view: GuideView,
  meta: DocMeta,
  cache: PipelineCache,
  label?: string,
): Assembled {
  return new Assembly(prepared, view, cache, label).run(meta);
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
    private readonly label: string | undefined,
  ) {
    this.measureRoot = { edition: view.edition, asOf: view.asOf };
  }

  run(meta: DocMeta): Assembled {
    const { prepared } = this;
    const calls: Call[] = [];
    const file = this.ownName(prepared.templates.sources[prepared.entry]!.file);
    const skeleton = this.keep(
      prepared.guide.renderView(this.view, (partial, context) => calls.push({ partial, context }) - 1),
    );
    if (skeleton === undefined) return this.result();
    // The skeleton is the guide's largest text (preface, appendices): `guide preview` rebuilds
    // after an edit to one measure with the same skeleton, so it is read once per text.
    const read = cachedRead(this.cache, this.cache.skeletons, skeleton, { file, slots: true });
    this.take(read, file, skeleton);
    const used = new Set<number>();
    const sections: Section[] = read.sections.map((section) => ({
      kind: section.kind,
      blocks: this.fill(section, calls, used, file),
    }));
    this.unfilled(calls, used, file);
    this.diagnostics.push(...checkAnchors(this.parts));
    if (hasErrors(this.diagnostics)) return this.result();
    return { ...this.result(), model: { meta, sections: normaliseSections(sections) } };
  }

  private result(): Assembled {
    return { diagnostics: this.diagnostics, rendered: this.rendered };
  }

  /** The name of Markdown rendered for this guide alone (its letter, its chapters' openings). */
  private ownName(template: string): string {
    return renderedName(this.label === undefined ? template : say.renderedFor({ template, label: this.label }));
  }

  /** The Markdown of a render; undefined (its diagnostics taken) when it failed. */
  private keep(result: RenderResult): string | undefined {
    if (result.diagnostics.length === 0) return result.markdown;
    this.diagnostics.push(...result.diagnostics);
    return undefined;
  }

  /**
   * A part read, named `file` in this guide: its diagnostics, its Markdown for code frames, and its
   * ids and links for the check across parts.
   */
  private take(read: FragmentRead, file: string, markdown: string): void {
    this.diagnostics.push(...read.diagnostics);
    this.parts.push({ file, anchors: read.anchors, links: read.links });
    this.rendered.set(file, markdown);
  }

  /** A section's blocks with each slot filled by its fragment's blocks; `used` records the calls filled. */
  private fill(section: FragmentSection, calls: readonly Call[], used: Set<number>, file: string): Block[] {
    if (section.slots.length === 0) return section.blocks;
    const blocks: Block[] = [];
    let next = 0;
    for (const slot of section.slots) {
      blocks.push(...section.blocks.slice(next, slot.at));
      next = slot.at;
      const call = calls[slot.n];
      // A slot line the templates did not leave (written into a text field) fills nothing.
      if (call === undefined || used.has(slot.n)) {
        this.slotProblem(file, say.orphanSlot({ n: slot.n }));
        continue;
      }
      used.add(slot.n);
      blocks.push(...this.fragment(call));
    }
    blocks.push(...section.blocks.slice(next));
    return blocks;
  }

  // A call whose slot line the reader never saw (inside a code block, or run into a paragraph)
  // would drop its section without a word.
  private unfilled(calls: readonly Call[], used: ReadonlySet<number>, file: string): void {
    for (const [n, call] of calls.entries()) {
      if (!used.has(n)) this.slotProblem(file, say.misplacedSection({ partial: call.partial }));
    }
  }

  private fragment(call: Call): Block[] {
    return call.partial === measurePartial ? this.measure(call.context as MeasureView) : this.other(call);
  }

  /** A chapter's opening (or another fragment partial): read once per Markdown text. */
  private other(call: Call): Block[] {
    const calls: Call[] = [];
    const file = this.ownName(this.prepared.templates.sources[call.partial]!.file);
    const markdown = this.keep(
      this.prepared.guide.renderPartial(
        call.partial,
        call.context,
        this.view,
        (partial, context) => calls.push({ partial, context }) - 1,
      ),
    );
    if (markdown === undefined) return [];
    const read = cachedRead(this.cache, this.cache.fragments, markdown, { file, slots: true });
    this.take(read, file, markdown);
    const used = new Set<number>();
    const blocks = this.bodyOf(read, file, (section) => this.fill(section, calls, used, file));
    this.unfilled(calls, used, file);
    return blocks;
  }

  /**
   * A measure section, read once per measure and numbered for this guide. Only a measure's own
   * view (a chapter's `{{#each measures}}`) is kept; any other data is read each time.
   */
  private measure(context: MeasureView): Block[] {
    const entry = this.prepared.measures.get(context.id);
    const own = entry !== undefined && context.file === entry.file;
    const key = own ? measureKey(this.cache, this.prepared.hash, this.view.asOf, entry) : undefined;
    let cached = key === undefined ? undefined : (this.cache.measures.get(key) ?? storedMeasure(this.cache, key));
    if (cached === undefined) {
      cached = this.readMeasure(context);
      if (cached === undefined) return [];
      if (key !== undefined && cached.read.diagnostics.length === 0) storeMeasure(this.cache, key, cached);
    }
    if (key !== undefined && cached.read.diagnostics.length === 0) this.cache.measures.set(key, cached);
    const file = cached.read.file!;
    this.take(cached.read, file, cached.markdown);
    const blocks = this.bodyOf(cached.read, file, (section) => section.blocks);
    return typeof context.number === 'string' ? numberFirstHeading(blocks, context.number) : blocks;
  }

  private readMeasure(context: MeasureView): CachedFragment | undefined {
    // The number is left out: it is the guide's, put in by numberFirstHeading.
    const measure: Partial<MeasureView> = { ...context };
    delete measure.number;
    const source = this.prepared.templates.sources[measurePartial]!;
    // The same text for every guide that has the measure, so one name serves them all.
    const file = renderedName(`${source.file}: ${context.id}`);
    const rendered = this.prepared.guide.renderPartial(measurePartial, measure, this.measureRoot);
    if (rendered.diagnostics.length > 0) {
      this.diagnostics.push(...rendered.diagnostics.map((d) => numberHint(d, source)));
      return undefined;
    }
    return { markdown: rendered.markdown, read: readFragment(rendered.markdown, { file }) };
  }

  /** A fragment's blocks: it must be body text, with no cover of its own. */
  private bodyOf(read: FragmentRead, file: string, blocksOf: (section: FragmentSection) => Block[]): Block[] {
    const blocks: Block[] = [];
    for (const section of read.sections) {
      if (section.kind === 'cover') {
        this.slotProblem(file, say.coverInSection());
        continue;
      }
      blocks.push(...blocksOf(section));
    }
    return blocks;
  }

  private slotProblem(file: string, message: string): void {
    this.diagnostics.push({
      code: 'E-TEMPLATE-DIRECTIVE',
      severity: 'error',
      message,
      file,
      hint: say.sectionHint(),
    });
  }
}

/** The name diagnostics give a template's rendered Markdown: held in memory, never written. */
function renderedName(what: string): string {
  return say.rendered({ what });
}

// A measure template written for an older guide prints its own number: the diagnostic points at
// a `number…` expression in it (read from the template, as the message is in the reader's language).
function numberHint(d: Diagnostic, source: TemplateSource): Diagnostic {
  const at = d.file === source.file ? d.range : undefined;
  if (at === undefined || !source.text.slice(at[0], at[1]).startsWith('number')) return d;
  return { ...d, hint: say.numberHint() };
}
