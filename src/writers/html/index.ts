/**
 * HTML writer: DocModel → one self-contained page for phones and the web (the office's website,
 * its WeChat official account, an email's link). Pure, like the other writers: the same model,
 * theme and date give the same bytes. The page needs nothing else: the stylesheet is inline, QR
 * codes are inline SVG, and it reads without script (one line of script only folds the table of
 * contents on phones).
 *
 * Every block and paragraph role maps to markup generically: a role this writer has no style for
 * still reaches the page, as a class, never dropped.
 */

import type { Block, DocModel, Inline, ListItem, Section, Table } from '../../model/doc-model.js';
import { plainText } from '../../model/visit.js';
import type { TocEntry } from '../../model/transforms/toc.js';
import { createWriterCache, type WriterCache } from '../cache.js';
import { qrMatrix, qrRuns } from '../pdf/qr.js';
import type { Theme } from '../theme.js';
import { classToken, escapeHtml, isSafeHref } from './escape.js';
import { narrowScreen, stylesheet } from './style.js';

export interface HtmlOptions {
  theme: Theme;
  /** The table of contents, as every writer lists it. */
  toc: readonly TocEntry[];
  /** Written as the page's date (`SOURCE_DATE_EPOCH` pins it). */
  creationDate: Date;
  /** QR symbols are shared with the PDF writer's cache. */
  cache?: WriterCache;
}

/** Writes the model as one HTML page, UTF-8. */
export function writeHtml(model: DocModel, options: HtmlOptions): Uint8Array {
  return new TextEncoder().encode(htmlPage(model, options));
}

/** The page as text. */
export function htmlPage(model: DocModel, options: HtmlOptions): string {
  const writer = new HtmlContext(options);
  const { meta } = model;
  const body = model.sections.map((section) => writer.section(section)).join('\n');
  const description = meta.subtitle ?? meta.subject;
  return `<!DOCTYPE html>
<html lang="${escapeHtml(meta.language)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(meta.title)}</title>
<meta name="description" content="${escapeHtml(description)}">
<meta name="author" content="${escapeHtml(meta.author)}">
<meta name="keywords" content="${escapeHtml(meta.keywords.join(','))}">
<meta name="date" content="${options.creationDate.toISOString()}">
<style>
${stylesheet(options.theme)}</style>
</head>
<body>
<div class="page">
${body}
</div>
</body>
</html>
`;
}

/** Writes blocks; keeps the last heading's text, which names the scrolling box of a table after it. */
class HtmlContext {
  private lastHeading = '';
  private tables = 0;
  private readonly cache: WriterCache;

  constructor(private readonly options: HtmlOptions) {
    this.cache = options.cache ?? createWriterCache({ oneDocument: true });
  }

  section(section: Section): string {
    const inner = this.blocks(section.blocks);
    // The cover is the page's header; the body its main content.
    return section.kind === 'cover'
      ? `<header class="cover">\n${inner}\n</header>`
      : `<main class="${classToken(section.kind)}">\n${inner}\n</main>`;
  }

  blocks(blocks: readonly Block[]): string {
    return blocks.map((block) => this.block(block)).join('\n');
  }

  block(block: Block): string {
    switch (block.type) {
      case 'heading': {
        this.lastHeading = plainText(block.children);
        const tag = `h${block.level}`;
        return `<${tag} id="${escapeHtml(block.id)}">${this.inlines(block.children)}</${tag}>`;
      }
      case 'paragraph':
        return `<p class="${classToken(block.role)}">${this.inlines(block.children)}</p>`;
      case 'list':
        return this.list(block.ordered, block.start, block.items);
      case 'table':
        return this.table(block);
      case 'page-break':
        return '<div class="page-break"></div>';
      case 'toc':
        return this.toc(block.title);
      case 'qr':
        return this.qr(block.url, block.label);
      case 'thematic-break':
        return '<hr>';
    }
  }

  private list(ordered: boolean, start: number, items: readonly ListItem[]): string {
    const tag = ordered ? 'ol' : 'ul';
    const startAttribute = ordered && start !== 1 ? ` start="${start}"` : '';
    const lis = items.map((item) => `<li>${this.cellOrItem(item.children)}</li>`).join('\n');
    return `<${tag}${startAttribute}>\n${lis}\n</${tag}>`;
  }

  /** A list item's or a cell's blocks; one body paragraph alone is set without <p> (a tight list). */
  private cellOrItem(blocks: readonly Block[]): string {
    const only = blocks.length === 1 ? blocks[0] : undefined;
    if (only?.type === 'paragraph' && only.role === 'body') return this.inlines(only.children);
    return this.blocks(blocks);
  }

  private table(table: Table): string {
    this.tables += 1;
    // Widths a template wrote (::::grid{columns}) are kept; estimated ones are left to the
    // browser, which measures the text (a phone number whole, not in a column sized for A4).
    const columns =
      table.variant === 'grid' && table.columnsFromContent !== true
        ? `<colgroup>${table.columns.map((width) => `<col style="width:${Math.round(width * 10000) / 100}%">`).join('')}</colgroup>`
        : '';
    const head =
      table.header.length === 0
        ? ''
        : `<thead>\n${table.header
            .map(
              (row) =>
                `<tr>${row.cells.map((cell) => `<th scope="col">${this.cellOrItem(cell.children)}</th>`).join('')}</tr>`,
            )
            .join('\n')}\n</thead>\n`;
    // A card's first cell labels its row; a grid's cells are data under their column heads.
    const rows = table.rows
      .map((row) => {
        const cells = row.cells.map((cell, index) =>
          table.variant === 'card' && index === 0
            ? `<th scope="row">${this.cellOrItem(cell.children)}</th>`
            : `<td>${this.cellOrItem(cell.children)}</td>`,
        );
        return `<tr>${cells.join('')}</tr>`;
      })
      .join('\n');
    const table_ = `<table class="${classToken(table.variant)}" style="--columns:${table.columns.length}">${columns}\n${head}<tbody>\n${rows}\n</tbody>\n</table>`;
    // A card's two columns wrap to any width. A grid wider than a phone scrolls in its own box,
    // which a keyboard can reach and a screen reader names after the heading above it.
    if (table.variant === 'card') return table_;
    const label = escapeHtml(this.lastHeading || `table ${this.tables}`);
    return `<div class="table-scroll" role="region" tabindex="0" aria-label="${label}">\n${table_}\n</div>`;
  }

  private toc(title: string): string {
    const entries = this.options.toc;
    let html = '';
    let depth = 0;
    // Nested lists follow the heading levels: a measure's entry sits inside its chapter's item.
    for (const entry of entries) {
      const level = Math.max(1, Math.min(entry.level, depth + 1));
      if (level > depth) html += '<ol>'.repeat(level - depth);
      else html += '</li>' + '</ol></li>'.repeat(depth - level);
      html += `\n<li class="toc-${level}"><a href="#${escapeHtml(entry.id)}">${escapeHtml(entry.title)}</a>`;
      depth = level;
    }
    if (depth > 0) html += '</li>' + '</ol></li>'.repeat(depth - 1) + '</ol>';
    // Open without script; on a phone the script folds it, so the guide starts on screen one.
    const fold = `<script>if(matchMedia(${JSON.stringify(narrowScreen)}).matches)document.currentScript.previousElementSibling.removeAttribute("open")</script>`;
    return `<nav class="toc" aria-label="${escapeHtml(title)}"><details open><summary>${escapeHtml(title)}</summary>${html}\n</details>${fold}</nav>`;
  }

  private qr(url: string, label: readonly Inline[]): string {
    const matrix = qrMatrix(url, this.cache);
    const quiet = 2;
    const side = matrix.size + quiet * 2;
    const path = qrRuns(matrix)
      .map((run) => `M${run.col + quiet} ${run.row + quiet}h${run.length}v1h-${run.length}z`)
      .join('');
    const text = this.inlines(label);
    const safe = isSafeHref(url);
    const caption = safe ? `<a href="${escapeHtml(url)}">${text}</a>` : text;
    return `<figure class="qr"><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${side} ${side}" role="img" aria-label="QR code: ${escapeHtml(url)}" shape-rendering="crispEdges"><rect width="${side}" height="${side}" fill="#fff"/><path d="${path}" fill="#000"/></svg><figcaption>${caption}<span class="qr-url">${escapeHtml(url)}</span></figcaption></figure>`;
  }

  private inlines(inlines: readonly Inline[]): string {
    return inlines.map((inline) => this.inline(inline)).join('');
  }

  private inline(inline: Inline): string {
    switch (inline.type) {
      case 'text':
        return escapeHtml(inline.value);
      case 'strong':
        return `<strong>${this.inlines(inline.children)}</strong>`;
      case 'emphasis':
        return `<em>${this.inlines(inline.children)}</em>`;
      case 'link':
        return isSafeHref(inline.url)
          ? `<a href="${escapeHtml(inline.url)}">${this.inlines(inline.children)}</a>`
          : this.inlines(inline.children);
      case 'break':
        return '<br>';
    }
  }
}
