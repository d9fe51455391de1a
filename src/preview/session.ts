/**
 * What `guide preview` keeps between rebuilds, and one rebuild: the edition (or one firm's guide)
 * from its files to the HTML page, as `guide build` makes it. Kept between rebuilds: the pipeline
 * cache (each measure's section, rendered and read, by what it was made from: an edit to one
 * measure renders and reads that measure alone), each YAML file as parsed while its text is
 * unchanged (an edit to one measure parses that file alone), and the compiled templates, theme
 * and fonts while their texts are unchanged.
 */

import type { ParsedFiles } from '../catalogue/load.js';
import { validateCatalogue } from '../catalogue/validate.js';
import { hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import { diagnostic } from '../diagnostics/diagnostic.js';
import { loadEdition } from '../io/edition.js';
import { readOpenFontFilesWhole } from '../io/resources.js';
import { GuideInputError } from '../errors.js';
import { readRunFirmList } from '../batch/preflight.js';
import { matchFirm } from '../firms/match.js';
import type { DocModel } from '../model/doc-model.js';
import { tocEntries } from '../model/transforms/toc.js';
import { buildDocument, editionContent, firmContent, selectEdition } from '../pipeline/build-document.js';
import { createPipelineCache, type PipelineCache } from '../pipeline/cache.js';
import { checkSourceGlyphs } from '../pipeline/glyph-check.js';
import { prepare, type Prepared } from '../pipeline/prepare.js';
import { readTemplates, templateSourceTexts } from '../pipeline/templates.js';
import { resolveRequest, type BuildRequest } from '../pipeline/request.js';
import { writeDocument } from '../pipeline/write-document.js';
import { sha256Hex } from '../hash.js';
import type { OutputFormat } from '../writers/formats.js';
import { htmlPage } from '../writers/html/index.js';
import { previewMessages as say } from '../messages/preview.js';

/** Where the preview's guide comes from. */
export interface PreviewSource {
  cwd: string;
  config?: string;
  asOf?: string;
  /** A firm's tailored guide instead of the edition's: its id in the firm list `firms`. */
  firm?: { id: string; firms: string };
  /** Pins the pages' date (`SOURCE_DATE_EPOCH`), as for `guide build`. */
  pinnedDate?: Date;
}

/** The outcome of a rebuild. */
export interface PreviewState {
  /** The page, when the guide could be built; else the last page that could. */
  html?: string;
  model?: DocModel;
  diagnostics: Diagnostic[];
  /** The texts the diagnostics point into. */
  sources: Map<string, string>;
  /** The edition folder (diagnostics name files relative to it). */
  root?: string;
  /** Files to watch, absolute: guide.yaml, the measures, templates, theme, and the firm list. */
  watched: string[];
}

/** One preview's memory: rebuild it after every change. */
export class PreviewSession {
  private readonly cache: PipelineCache = createPipelineCache();
  /** Each YAML file as parsed, kept while its text is unchanged. */
  private readonly parsedFiles: ParsedFiles = new Map();
  private prepared: { key: string; prepared: Prepared } | undefined;
  private built: { model: DocModel; prepared: Prepared; request: BuildRequest } | undefined;
  private lastHtml: string | undefined;

  constructor(private readonly source: PreviewSource) {}

  /** Reads what changed and builds the page again. */
  async rebuild(): Promise<PreviewState> {
    const { source } = this;
    const loaded = await loadEdition(source.cwd, source.config, { parsedFiles: this.parsedFiles });
    const { root } = loaded;
    const sources = new Map(loaded.sources);
    const diagnostics: Diagnostic[] = validateCatalogue(loaded, source.asOf !== undefined ? { asOf: source.asOf } : {});
    const watched = [...loaded.sources.keys()].map((file) => `${root}/${file}`);
    const result = (): PreviewState => ({
      ...(this.lastHtml !== undefined ? { html: this.lastHtml } : {}),
      ...(this.built ? { model: this.built.model } : {}),
      diagnostics,
      sources,
      root,
      watched,
    });
    const catalogue = loaded.catalogue;
    if (!catalogue || hasErrors(diagnostics)) return result();
    const request = resolveRequest(catalogue.edition, {
      ...(source.asOf !== undefined ? { asOf: source.asOf } : {}),
      ...(source.pinnedDate ? { pinnedDate: source.pinnedDate } : {}),
    });
    const entry = source.firm ? 'firm-guide' : 'guide';
    const templates = readTemplates(root, catalogue, entry);
    for (const [file, text] of templateSourceTexts(templates)) {
      sources.set(file, text);
      watched.push(`${root}/${file}`);
    }
    // Templates, theme and fonts are compiled again only when their texts or guide.yaml changed.
    const key = sha256Hex(JSON.stringify([[...templateSourceTexts(templates)], catalogue.edition, entry]));
    let prepared: Prepared | undefined;
    if (this.prepared?.key === key) {
      prepared = {
        ...this.prepared.prepared,
        catalogue,
        measures: new Map(catalogue.measures.map((m) => [m.measure.id, m])),
      };
    } else {
      const made = prepare({ root, catalogue, templates, entry });
      diagnostics.push(...made.diagnostics);
      prepared = made.prepared;
      try {
        // A session builds again and again from the fonts it opened: the bytes read now, however
        // the files change after (a build reads them in part, and refuses one written to meanwhile).
        if (prepared) readOpenFontFilesWhole();
      } catch (error) {
        if (!(error instanceof GuideInputError)) throw error;
        diagnostics.push(...error.diagnostics);
        prepared = undefined;
      }
      if (prepared) this.prepared = { key, prepared };
    }
    if (!prepared || hasErrors(diagnostics)) return result();
    diagnostics.push(...checkSourceGlyphs(prepared.fonts, loaded, catalogue, request.asOf));
    if (hasErrors(diagnostics)) return result();

    let content;
    if (source.firm) {
      const { firmsFile, list } = await readRunFirmList(source.firm.firms, {
        cwd: source.cwd,
        root,
        edition: catalogue.edition,
        sheet: undefined,
      });
      watched.push(`${root}/${firmsFile}`);
      if (list.text !== undefined) sources.set(firmsFile, list.text);
      const row = list.rows.find((r) => r.firm.id === source.firm!.id);
      // The list as a whole must read; other firms' rows are `guide batch`'s business.
      diagnostics.push(...list.diagnostics.filter((d) => d.code === 'E-FIRMS-FILE'));
      if (!row) {
        diagnostics.push(
          diagnostic('E-FIRMS-FILE', say.noSuchFirm({ id: source.firm.id }), {
            file: firmsFile,
            hint: say.noSuchFirmHint(),
          }),
        );
        return result();
      }
      content = firmContent(catalogue, request, matchFirm(catalogue, row.firm, request.asOf), this.cache);
    } else {
      content = editionContent(selectEdition(catalogue, request));
    }
    const built = buildDocument(prepared, content, this.cache);
    diagnostics.push(...built.diagnostics);
    for (const [file, text] of built.rendered) sources.set(file, text);
    if (!built.model || hasErrors(diagnostics)) return result();
    this.built = { model: built.model, prepared, request };
    this.lastHtml = htmlPage(built.model, {
      theme: prepared.theme,
      toc: tocEntries(built.model, prepared.theme.toc.depth),
      creationDate: request.creationDate,
      cache: this.cache.writer,
    });
    return result();
  }

  /** The last guide that could be built, as a PDF or DOCX file; undefined when none could. */
  async file(format: Exclude<OutputFormat, 'html'>): Promise<Uint8Array | undefined> {
    if (!this.built) return undefined;
    const { model, prepared, request } = this.built;
    const [file] = await writeDocument(model, prepared, { ...request, formats: [format] }, this.cache.writer);
    return file?.bytes;
  }
}
