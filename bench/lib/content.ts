/**
 * The same content for every tool: an edition loaded, validated and rendered with guide's own
 * modules into the Markdown our templates produce (for pandoc) and the DocModel (for Typst).
 * Nothing here is timed; it prepares the inputs the timed runs read.
 */

import type { GuideFile } from '../../src/pipeline/write-document.js';
import type { OutputFormat } from '../../src/writers/formats.js';
import type { DocModel } from '../../src/model/doc-model.js';
import type { GuideLib } from './guide-lib.js';

/** One edition, rendered once, plus what an in-process build needs. */
export interface EditionContent {
  /** Markdown as guide's templates render it (with guide's directives). */
  markdown: string;
  /** The same Markdown with the directives turned into plain pandoc Markdown; see `toPandocMarkdown`. */
  pandocMarkdown: string;
  model: DocModel;
  /** Measures in the guide (in effect on the edition date). */
  measures: number;
  /** Builds the guide in this process with templates and fonts already loaded (a batch run's per-guide cost). */
  /** One in-process build, as a batch builds each guide: templates compiled, fonts open, sections cached. */
  build(formats: readonly OutputFormat[]): Promise<GuideFile[]>;
}

const rowPattern = /^:{3,}row\[(.*)\]\s*$/;
const fencePattern = /^:{3,}[A-Za-z-]*(\{[^}]*\})?\s*$/;
const leafPattern = /^::(pagebreak|toc)\b.*$/;
const qrPattern = /::qr\[([^\]]*)\]\{url="([^"]*)"\}/g;

/**
 * guide's Markdown with its directives written as plain Markdown, so pandoc sees ordinary
 * headings, paragraphs and lists: container fences (`::::card`, `:::lead`, …) go, a card row
 * `:::row[label]` becomes a bold label paragraph above its content (a pipe table cannot hold
 * the lists rows contain), `::qr[label]{url}` becomes a link, and `::toc`/`::pagebreak` go
 * (pandoc is run with `--toc`). Heading ids `{#id}` are pandoc syntax already.
 */
export function toPandocMarkdown(markdown: string): string {
  const out: string[] = [];
  for (const line of markdown.split('\n')) {
    const row = rowPattern.exec(line);
    if (row) {
      out.push(`**${row[1]}**`, '');
      continue;
    }
    if (fencePattern.test(line) || leafPattern.test(line)) {
      out.push('');
      continue;
    }
    out.push(line.replace(qrPattern, (_match, label: string, url: string) => `[${label}](${url})`));
  }
  return out.join('\n').replace(/\n{3,}/g, '\n\n');
}

/** Loads, validates and renders the edition in `dir`; throws if it has errors (the generator's bug). */
export async function renderEdition(lib: GuideLib, dir: string): Promise<EditionContent> {
  const loaded = await lib.loadEdition(dir);
  const diagnostics = lib.validateCatalogue(loaded);
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (!loaded.catalogue || errors.length > 0) {
    throw new Error(`edition in ${dir} is invalid: ${errors.map((d) => `${d.file}: ${d.message}`).join('; ')}`);
  }
  const catalogue = loaded.catalogue;
  const templates = lib.readTemplates(loaded.root, catalogue, 'guide');
  const { prepared } = lib.prepare({ root: loaded.root, catalogue, templates, entry: 'guide' });
  if (!prepared) throw new Error(`edition in ${dir}: templates or theme are invalid`);
  const request = lib.resolveRequest(catalogue.edition);
  const selection = lib.selectEdition(catalogue, request);
  // The whole guide's Markdown, measure sections inline, for pandoc.
  const rendered = prepared.guide.render(selection);
  const cache = lib.createPipelineCache();
  const model = lib.buildDocument(prepared, lib.editionContent(selection), cache).model!;
  return {
    markdown: rendered.markdown,
    pandocMarkdown: toPandocMarkdown(rendered.markdown),
    model,
    measures: selection.chapters.reduce((n, chapter) => n + chapter.measures.length, 0),
    build: async (formats) => {
      const built = lib.buildDocument(prepared, lib.editionContent(selection), cache);
      return lib.writeDocument(built.model!, prepared, { ...request, formats: [...formats] }, cache.writer);
    },
  };
}
