/**
 * Tagged PDF (PDF/UA-1), PDF/A and print colours, read back by real readers: qpdf checks the
 * file and gives its objects (the structure tree, once per element), PDF.js gives each page's
 * structure tree, marked content and page labels, poppler says whether the file is tagged.
 * The tree is walked against the DocModel it was made from.
 */

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { getDocument, type PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { Block, DocModel, Table } from '../../src/model/doc-model.js';
import { eachBlock, plainText } from '../../src/model/visit.js';
import { writePdf, type PdfOutput, type PdfStandard } from '../../src/writers/pdf/index.js';
import { build, loadEdition } from '../../src/index.js';
import { UsageError } from '../../src/errors.js';
import { srgbProfile } from '../../src/io/resources.js';
import { kitchenSink } from '../fixtures/model/kitchen-sink.js';
import { runCli } from '../helpers/cli.js';
import { repoRoot } from '../helpers/paths.js';
import { squeeze } from '../helpers/readers.js';
import { sampleGuide } from '../helpers/sample.js';
import { fonts, theme } from '../helpers/theme.js';
import { parseTheme } from '../../src/pipeline/theme.js';

const themeText = readFileSync(join(repoRoot, 'templates/theme.yaml'), 'utf8');

const creationDate = new Date('2020-03-05T00:00:00Z');
const dir = mkdtempSync(join(tmpdir(), 'guide-tagged-'));
after(() => rmSync(dir, { recursive: true, force: true }));

async function writeFile(name: string, model: DocModel, output?: PdfOutput, modelTheme = theme): Promise<string> {
  const result = await writePdf(model, {
    theme: modelTheme,
    fonts,
    creationDate,
    ...(output ? { output } : {}),
  });
  const file = join(dir, name);
  writeFileSync(file, result.bytes);
  return file;
}

type QpdfObjects = Record<string, { value?: unknown; stream?: { dict: unknown } }>;
const objectsByFile = new Map<string, QpdfObjects>();

/** qpdf's JSON of every object of the file (object streams opened), stream data left out. */
function qpdfObjects(file: string): QpdfObjects {
  const known = objectsByFile.get(file);
  if (known) return known;
  const json = execFileSync('qpdf', ['--json', '--json-key=qpdf', '--json-stream-data=none', file], {
    maxBuffer: 256 * 1024 * 1024,
  });
  const objects = (JSON.parse(json.toString()) as { qpdf: [unknown, QpdfObjects] }).qpdf[1];
  objectsByFile.set(file, objects);
  return objects;
}

/** The text of each marked-content sequence, by PDF.js's id (`p12R_mc3`), on every page. */
async function markedTexts(pdf: PDFDocumentProxy): Promise<Map<string, string>> {
  const texts = new Map<string, string>();
  for (let n = 1; n <= pdf.numPages; n++) {
    const content = await (await pdf.getPage(n)).getTextContent({ includeMarkedContent: true });
    const open: string[] = [];
    for (const item of content.items) {
      if ('type' in item && item.type === 'beginMarkedContentProps' && item.id) open.push(item.id);
      else if ('type' in item && (item.type === 'beginMarkedContent' || item.type === 'beginMarkedContentProps'))
        open.push('');
      else if ('type' in item && item.type === 'endMarkedContent') open.pop();
      else if ('str' in item) {
        const id = open.findLast((entry) => entry !== '');
        if (id) texts.set(id, (texts.get(id) ?? '') + item.str);
      }
    }
  }
  return texts;
}

/** A structure element as qpdf reads it: type, children in order, and its own text. */
interface Element {
  type: string;
  kids: (Element | { text: string } | { annotation: string })[];
  alt?: string;
  scope?: string;
}

/** The structure tree, each element once, its marked content resolved to PDF.js's text. */
async function structureTree(file: string, pdf: PDFDocumentProxy): Promise<Element> {
  const objects = qpdfObjects(file);
  const value = (ref: string) => objects[`obj:${ref}`]?.value as Record<string, unknown>;
  const catalog = Object.values(objects).find(
    (o) => (o.value as Record<string, unknown> | undefined)?.['/Type'] === '/Catalog',
  )!.value as Record<string, unknown>;
  const texts = await markedTexts(pdf);
  const text = (page: string, mcid: number) => texts.get(`p${page.split(' ')[0]}R_mc${mcid}`) ?? '';
  const read = (ref: string): Element => {
    const dict = value(ref);
    const kids = dict['/K'] === undefined ? [] : Array.isArray(dict['/K']) ? dict['/K'] : [dict['/K']];
    const page = dict['/Pg'] as string | undefined;
    const element: Element = {
      type: String(dict['/S']).slice(1),
      kids: kids.map((kid: unknown) => {
        if (typeof kid === 'number') return { text: text(page!, kid) };
        if (typeof kid === 'string') return read(kid);
        const k = kid as Record<string, unknown>;
        if (k['/Type'] === '/MCR') return { text: text(k['/Pg'] as string, k['/MCID'] as number) };
        return { annotation: k['/Obj'] as string };
      }),
    };
    if (typeof dict['/Alt'] === 'string') element.alt = (dict['/Alt'] as string).replace(/^u:/, '');
    const attributes = dict['/A'] as Record<string, unknown> | undefined;
    if (attributes?.['/Scope']) element.scope = String(attributes['/Scope']).slice(1);
    return element;
  };
  const root = value(catalog['/StructTreeRoot'] as string);
  return read(root['/K'] as string);
}

/** Elements of `tree` in reading order (depth first). */
function elements(tree: Element): Element[] {
  const out: Element[] = [];
  const walk = (element: Element) => {
    out.push(element);
    for (const kid of element.kids) if ('type' in kid) walk(kid);
  };
  walk(tree);
  return out;
}

/** All text inside an element, in order. */
function textOf(element: Element): string {
  return element.kids.map((kid) => ('type' in kid ? textOf(kid) : 'text' in kid ? kid.text : '')).join('');
}

/** The DocModel's headings as a reader meets them: TOC titles are headings of the page. */
function modelHeadings(model: DocModel): { level: number; text: string }[] {
  const out: { level: number; text: string }[] = [];
  for (const section of model.sections) {
    for (const block of eachBlock(section.blocks)) {
      if (block.type === 'heading') out.push({ level: block.level, text: plainText(block.children) });
      else if (block.type === 'toc') out.push({ level: 1, text: block.title });
    }
  }
  return out;
}

function modelTables(model: DocModel): Table[] {
  const out: Table[] = [];
  for (const section of model.sections) {
    for (const block of eachBlock(section.blocks)) if (block.type === 'table') out.push(block);
  }
  return out;
}

/** Each page's content streams, as qpdf decodes them (one string of one byte per character). */
function pageContents(file: string): string[] {
  const json = execFileSync(
    'qpdf',
    ['--json', '--json-key=pages', '--json-key=qpdf', '--json-stream-data=inline', '--decode-level=generalized', file],
    { maxBuffer: 256 * 1024 * 1024 },
  );
  const parsed = JSON.parse(json.toString()) as {
    pages: { contents: string[] }[];
    qpdf: [unknown, Record<string, { stream?: { data?: string } }>];
  };
  const objects = parsed.qpdf[1];
  return parsed.pages.map((page) =>
    page.contents
      .map((ref) => Buffer.from(objects[`obj:${ref}`]!.stream!.data!, 'base64').toString('latin1'))
      .join('\n'),
  );
}

/** Painting operators (text, fills, strokes) outside any marked content, per page. */
function unmarkedPainting(content: string): number {
  let depth = 0;
  let unmarked = 0;
  for (const line of content.split('\n')) {
    const op = line.trim().split(/\s+/).pop();
    if (op === 'BDC' || op === 'BMC') depth++;
    else if (op === 'EMC') depth--;
    else if (depth === 0 && (op === 'Tj' || op === 'TJ' || op === 'f' || op === 'S' || op === 'B')) unmarked++;
    assert.ok(depth >= 0, 'EMC without BDC');
  }
  assert.equal(depth, 0, 'marked content left open');
  return unmarked;
}

describe('tagged PDF of the sample guide (PDF/UA-1, the default)', () => {
  let model: DocModel;
  let file: string;
  let pdf: PDFDocumentProxy;
  let tree: Element;

  before(async () => {
    const sample = await sampleGuide();
    model = sample.model;
    file = await writeFile('sample.pdf', model, undefined, sample.prepared.theme);
    pdf = await getDocument({ url: file, isEvalSupported: false }).promise;
    tree = await structureTree(file, pdf);
  });
  after(async () => {
    await pdf?.destroy();
  });

  it('qpdf --check finds no error, and poppler reads it as tagged PDF/UA-1', () => {
    const check = execFileSync('qpdf', ['--check', file]).toString();
    assert.match(check, /No syntax or stream encoding errors found/);
    const info = execFileSync('pdfinfo', [file]).toString();
    assert.match(info, /^Tagged:\s+yes$/m);
    const xmp = execFileSync('pdfinfo', ['-meta', file]).toString();
    assert.match(xmp, /<pdfuaid:part>1<\/pdfuaid:part>/);
    assert.doesNotMatch(xmp, /pdfaid:part/);
    assert.match(xmp, new RegExp(`<dc:title>.*${model.meta.title}`));
  });

  it('marks everything it paints: tagged content or artifact, sequences balanced on every page', () => {
    const pages = pageContents(file);
    assert.equal(pages.length, pdf.numPages);
    pages.forEach((content, i) => assert.equal(unmarkedPainting(content), 0, `page ${i + 1}`));
  });

  it('has the language, the title shown in the window, and MarkInfo', () => {
    const objects = qpdfObjects(file);
    const catalog = Object.values(objects).find(
      (o) => (o.value as Record<string, unknown> | undefined)?.['/Type'] === '/Catalog',
    )!.value as Record<string, unknown>;
    assert.equal(catalog['/Lang'], `u:${model.meta.language}`);
    const preferences = catalog['/ViewerPreferences'] as string;
    assert.deepEqual(objects[`obj:${preferences}`]!.value, { '/DisplayDocTitle': true });
    assert.deepEqual(objects[`obj:${catalog['/MarkInfo'] as string}`]!.value, { '/Marked': true });
  });

  it('the structure tree follows the DocModel: its headings as H1–H3 in order, each table a Table', () => {
    const all = elements(tree);
    assert.equal(tree.type, 'Document');
    const headings = all
      .filter((e) => /^H[1-3]$/.test(e.type))
      .map((e) => ({ level: Number(e.type[1]), text: textOf(e) }));
    const expected = modelHeadings(model);
    assert.equal(headings.length, expected.length);
    expected.forEach((heading, i) => {
      assert.equal(headings[i]!.level, heading.level, `heading ${i}: ${heading.text}`);
      assert.equal(squeeze(headings[i]!.text), squeeze(heading.text));
    });

    // PDF/UA: heading levels are never skipped on the way down.
    headings.forEach((heading, i) => assert.ok(heading.level <= (headings[i - 1]?.level ?? 0) + 1, heading.text));

    const tables = all.filter((e) => e.type === 'Table');
    const expectedTables = modelTables(model);
    assert.equal(tables.length, expectedTables.length);
    expectedTables.forEach((table, i) => {
      const rows = tables[i]!.kids.filter((kid): kid is Element => 'type' in kid);
      assert.ok(rows.every((row) => row.type === 'TR'));
      assert.equal(rows.length, table.header.length + table.rows.length);
      if (table.variant === 'card') {
        // A service card: each row's label heads its row, and reads as the model's label.
        table.rows.forEach((row, r) => {
          const cells = rows[r]!.kids as Element[];
          assert.equal(cells[0]!.type, 'TH');
          assert.equal(cells[0]!.scope, 'Row');
          assert.equal(cells[1]!.type, 'TD');
          assert.equal(squeeze(textOf(cells[0]!)), squeeze(plainText(paragraphsOf(row.cells[0]!.children))));
        });
      } else {
        // Header rows repeated on the pages a table runs onto are artifacts: each TH reads once.
        table.header.forEach((row, r) => {
          const cells = rows[r]!.kids as Element[];
          assert.ok(cells.every((cell) => cell.type === 'TH' && cell.scope === 'Column'));
          row.cells.forEach((cell, c) =>
            assert.equal(squeeze(textOf(cells[c]!)), squeeze(plainText(paragraphsOf(cell.children)))),
          );
        });
      }
    });
  });

  it('lists have items with their label as text; links hold their annotation; QR codes are figures naming their URL', () => {
    const all = elements(tree);
    const items = all.filter((e) => e.type === 'LI');
    assert.ok(items.length > 100);
    for (const item of items) {
      const [label, body] = item.kids as Element[];
      assert.equal(label!.type, 'Lbl');
      assert.match(textOf(label!), /^\s*(•|◦|・|\d+\.|\(\d+\))\s*$/);
      assert.equal(body!.type, 'LBody');
    }
    const links = all.filter((e) => e.type === 'Link');
    assert.ok(links.length > 100);
    for (const link of links) {
      assert.equal(link.kids.filter((kid) => 'annotation' in kid).length, 1);
      assert.notEqual(textOf(link).trim(), '');
    }
    const figures = all.filter((e) => e.type === 'Figure');
    assert.ok(figures.length > 0);
    for (const figure of figures) assert.match(figure.alt ?? '', /https?:\/\//);
    const toc = all.find((e) => e.type === 'TOC')!;
    assert.ok(toc.kids.length > 10 && toc.kids.every((kid) => 'type' in kid && kid.type === 'TOCI'));
  });

  it('PDF.js getStructTree returns every heading and link of each page, in reading order', async () => {
    const texts = await markedTexts(pdf);
    const headings: string[] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const pageTree = await page.getStructTree();
      let annotations = 0;
      const walk = (node: { role?: string; type?: string; id?: string; children?: unknown[] }): string => {
        if (node.type === 'content') return texts.get(node.id!) ?? '';
        if (node.type === 'object') {
          annotations++;
          return '';
        }
        const inner = (node.children ?? []).map((child) => walk(child as typeof node)).join('');
        if (/^H[1-3]$/.test(node.role ?? '') && inner !== '') headings.push(squeeze(inner));
        return inner;
      };
      walk(pageTree as never);
      const links = (await page.getAnnotations()).filter((a: { subtype: string }) => a.subtype === 'Link');
      assert.equal(annotations, links.length, `page ${n}: every link annotation is in the structure`);
    }
    assert.deepEqual(
      headings,
      modelHeadings(model).map((h) => squeeze(h.text)),
    );
  });

  it('page labels are the printed page numbers: 第N頁 is page N, the cover in roman numerals', async () => {
    const labels = (await pdf.getPageLabels())!;
    assert.equal(labels.length, pdf.numPages);
    let body = 0;
    for (let n = 1; n <= pdf.numPages; n++) {
      const content = await (await pdf.getPage(n)).getTextContent();
      const text = squeeze(content.items.map((item) => ('str' in item ? item.str : '')).join(''));
      const printed = /第(\d+)頁，共\d+頁/.exec(text)?.[1];
      if (printed === undefined) assert.match(labels[n - 1]!, /^[ivxl]+$/, `page ${n}`);
      else {
        body++;
        assert.equal(labels[n - 1], printed, `page ${n}`);
      }
    }
    assert.ok(body > 30);
  });

  it('running header and footer, and what continued tables repeat, are artifacts: read once or not at all', async () => {
    const read = squeeze(textOf(tree));
    assert.doesNotMatch(read, /第\d+頁，共\d+頁/);
    // The header is the guide's title: the cover has it once, as content; each page again, as artifact.
    assert.ok(read.split(squeeze(model.meta.header)).length - 1 <= 1);
    // Labels and captions repeated with 「（續）」 are on the pages, and not in the structure.
    const mark = squeeze(theme.table.continued);
    let shown = 0;
    for (let n = 1; n <= pdf.numPages; n++) {
      const content = await (await pdf.getPage(n)).getTextContent();
      shown += squeeze(content.items.map((item) => ('str' in item ? item.str : '')).join('')).split(mark).length - 1;
    }
    assert.ok(shown > 0, 'the sample has tables continued on a next page');
    assert.equal(read.split(mark).length - 1, 0);
  });
});

describe('PDF standards and print colours', () => {
  /** Colour operators of every page's content streams. */
  function colorOperators(file: string): string[] {
    return pageContents(file).flatMap((content) => content.match(/^[\d. ]+ (rg|RG|g|G|k|K)$/gm) ?? []);
  }

  it('--print sets text in 100% K (DeviceGray) and chromatic colours in CMYK, with no RGB left', async () => {
    const screen = colorOperators(await writeFile('screen.pdf', kitchenSink));
    assert.ok(screen.some((op) => / rg$/.test(op)));
    const print = colorOperators(await writeFile('print.pdf', kitchenSink, { standard: 'ua-1', print: true }));
    assert.deepEqual(
      print.filter((op) => / (rg|RG)$/.test(op)),
      [],
    );
    assert.ok(print.includes('0 g'), 'body text prints on the black plate alone');
    assert.ok(
      print.some((op) => /^[\d.]+ [\d.]+ [\d.]+ [\d.]+ k$/.test(op)),
      'the accent colour is CMYK',
    );
  });

  it('--pdf-standard a-2b writes an sRGB output intent and PDF/A-2b with PDF/UA-1 identification', async () => {
    const file = await writeFile('a2b.pdf', kitchenSink, {
      standard: 'a-2b',
      print: false,
      colorProfile: srgbProfile(),
    });
    assert.match(execFileSync('qpdf', ['--check', file]).toString(), /No syntax or stream encoding errors found/);
    const objects = qpdfObjects(file);
    const intent = Object.values(objects).find(
      (o) => (o.value as Record<string, unknown> | undefined)?.['/Type'] === '/OutputIntent',
    )?.value as Record<string, unknown>;
    assert.equal(intent['/S'], '/GTS_PDFA1');
    assert.equal(intent['/OutputConditionIdentifier'], 'u:sRGB IEC61966-2.1');
    const profile = objects[`obj:${intent['/DestOutputProfile'] as string}`]!.stream!.dict as Record<string, unknown>;
    assert.equal(profile['/N'], 3);
    const xmp = execFileSync('pdfinfo', ['-meta', file]).toString();
    assert.match(xmp, /<pdfaid:part>2<\/pdfaid:part>\s*<pdfaid:conformance>B<\/pdfaid:conformance>/);
    assert.match(xmp, /<pdfuaid:part>1<\/pdfuaid:part>/);
    assert.match(xmp, /<pdfaSchema:prefix>pdfuaid<\/pdfaSchema:prefix>/);
    assert.match(execFileSync('pdfinfo', [file]).toString(), /^Tagged:\s+yes$/m);
  });

  it('--pdf-standard none writes no structure tree and no identification', async () => {
    const file = await writeFile('none.pdf', kitchenSink, { standard: 'none', print: false });
    assert.match(execFileSync('pdfinfo', [file]).toString(), /^Tagged:\s+no$/m);
    assert.doesNotMatch(execFileSync('pdfinfo', ['-meta', file]).toString(), /pdfuaid|pdfaid/);
    assert.ok(unmarkedPainting(pageContents(file)[0]!) > 0, 'untagged text is painted outside marked content');
  });

  it('--print with PDF/A is refused before anything is built (exit 2), and so is the pair in theme.yaml', async () => {
    const out = join(dir, 'refused');
    const run = await runCli(['build', '--print', '--pdf-standard', 'a-2b', '--out', out, '--lang', 'en'], {
      cwd: repoRoot,
    });
    assert.equal(run.code, 2);
    assert.match(run.stderr, /--print cannot be combined with PDF\/A \(a-2b\)/);
    assert.match(run.stderr, /--pdf-standard ua-1/);
    const both = themeText.replace(/^pdf: .*$/m, 'pdf: { standard: a-2a, print: true }');
    assert.notEqual(both, themeText);
    const parsed = parseTheme('templates/theme.yaml', both);
    assert.equal(parsed.theme, undefined);
    const [problem] = parsed.diagnostics;
    assert.equal(problem?.code, 'E-THEME');
    assert.ok(problem.range, 'the diagnostic points at the pdf key');
  });
  it('the library takes the same options: pdfStandard checked, print with PDF/A refused', async () => {
    const edition = await loadEdition({ cwd: repoRoot });
    await assert.rejects(build(edition, { pdfStandard: 'a-3b' as PdfStandard }), UsageError);
    await assert.rejects(build(edition, { pdfStandard: 'a-2a', print: true }), /--print cannot be combined/);
  });
});

describe('tagged PDF: an element across pages', () => {
  it('is one element, its content on a later page named by marked-content references', async () => {
    const text = '臺資企業可以申請減免社會保險費用，並依規定辦理相關手續。'.repeat(100);
    const model: DocModel = {
      meta: kitchenSink.meta,
      sections: [
        {
          kind: 'body',
          blocks: [1, 2, 3].map(() => ({ type: 'paragraph', role: 'body', children: [{ type: 'text', value: text }] })),
        },
      ],
    };
    const file = await writeFile('across-pages.pdf', model);
    const pdf = await getDocument({ url: file, isEvalSupported: false }).promise;
    try {
      const paragraphs = elements(await structureTree(file, pdf)).filter((element) => element.type === 'P');
      assert.equal(paragraphs.length, 3);
      for (const paragraph of paragraphs) assert.equal(squeeze(textOf(paragraph)), text);
      // Content on the element's own page is named by its id alone, on another by an MCR.
      const references = Object.values(qpdfObjects(file)).flatMap(({ value }) => {
        const kids = (value as Record<string, unknown> | undefined)?.['/K'];
        return Array.isArray(kids) ? kids.filter((kid) => (kid as Record<string, unknown>)['/Type'] === '/MCR') : [];
      });
      assert.ok(references.length > 0);
      for (const reference of references) {
        assert.deepEqual(Object.keys(reference as object).sort(), ['/MCID', '/Pg', '/Type']);
      }
      assert.ok(pdf.numPages > 3);
    } finally {
      await pdf.destroy();
    }
  });
});

/** The paragraphs of a cell as one inline list (a card's label is one paragraph). */
function paragraphsOf(blocks: Block[]) {
  return blocks.flatMap((block) => (block.type === 'paragraph' ? block.children : []));
}
