/**
 * The HTML writer on small models: each block maps to its markup, text is escaped, a paragraph
 * role the writer does not know still reaches the page, and the sample's page is reproducible and
 * links every measure by its id.
 */

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Block, DocModel, ParagraphRole } from '../../src/model/doc-model.js';
import { tocEntries } from '../../src/model/transforms/toc.js';
import { htmlPage } from '../../src/writers/html/index.js';
import { sampleGuide } from '../helpers/sample.js';
import { theme } from '../helpers/theme.js';

const creationDate = new Date(Date.UTC(2020, 2, 5));

function page(blocks: Block[], cover: Block[] = []): string {
  const model: DocModel = {
    meta: {
      title: '指南 <測試>',
      author: '辦公室',
      subject: '主題',
      keywords: [],
      language: 'zh-Hant-TW',
      header: '指南',
    },
    sections: [...(cover.length > 0 ? [{ kind: 'cover' as const, blocks: cover }] : []), { kind: 'body', blocks }],
  };
  return htmlPage(model, { theme, toc: tocEntries(model, 2), creationDate });
}

const text = (value: string) => [{ type: 'text' as const, value }];

describe('the HTML writer', () => {
  it('escapes every text and attribute a user wrote', () => {
    const html = page([
      { type: 'heading', level: 2, id: 'a"b', children: text('<script>alert(1)</script>'), toc: true },
      {
        type: 'paragraph',
        role: 'body',
        children: [{ type: 'link', url: 'https://example.org/?a=1&b="2"', children: text('x & y') }],
      },
    ]);
    assert.doesNotMatch(html, /<script>alert/);
    assert.match(html, /<title>指南 &lt;測試&gt;<\/title>/);
    assert.match(html, /<h2 id="a&quot;b">&lt;script&gt;alert\(1\)&lt;\/script&gt;<\/h2>/);
    assert.match(html, /<a href="https:\/\/example\.org\/\?a=1&amp;b=&quot;2&quot;">x &amp; y<\/a>/);
  });

  it('prints a link it may not follow as text', () => {
    const html = page([
      {
        type: 'paragraph',
        role: 'body',
        children: [{ type: 'link', url: 'javascript:alert(1)', children: text('點我') }],
      },
    ]);
    assert.doesNotMatch(html, /javascript:/);
    assert.match(html, /<p class="body">點我<\/p>/);
  });

  it('keeps a paragraph role it does not know, as a class', () => {
    const html = page([{ type: 'paragraph', role: 'signature' as ParagraphRole, children: text('山東省委臺港澳辦') }]);
    assert.match(html, /<p class="signature">山東省委臺港澳辦<\/p>/);
  });

  it('sets cards as row-headed tables, grids with column heads in a scrolling box, lists as lists', () => {
    const cell = (value: string) => ({
      children: [{ type: 'paragraph' as const, role: 'body' as const, children: text(value) }],
    });
    const html = page([
      { type: 'heading', level: 1, id: 'c', children: text('章'), toc: true },
      {
        type: 'table',
        variant: 'card',
        columns: [0.2, 0.8],
        header: [],
        rows: [{ cells: [cell('收費標準'), cell('不收費')] }],
      },
      {
        type: 'table',
        variant: 'grid',
        columns: [0.25, 0.75],
        header: [{ cells: [cell('部門'), cell('電話')] }],
        rows: [{ cells: [cell('熱線'), cell('12345')] }],
      },
      {
        type: 'list',
        ordered: true,
        start: 3,
        items: [{ children: [{ type: 'paragraph', role: 'body', children: text('第三步') }] }],
      },
      { type: 'qr', url: 'https://example.org/', label: text('網上辦理') },
    ]);
    assert.match(html, /<tr><th scope="row">收費標準<\/th><td>不收費<\/td><\/tr>/);
    assert.match(html, /<div class="table-scroll" role="region" tabindex="0" aria-label="章">\n<table class="grid"/);
    assert.match(html, /<th scope="col">部門<\/th>/);
    // Widths a template wrote are kept; estimated ones are the browser's to find.
    assert.match(html, /<colgroup><col style="width:25%"><col style="width:75%"><\/colgroup>/);
    assert.match(html, /<ol start="3">\n<li>第三步<\/li>/);
    assert.match(html, /<figure class="qr"><svg [^>]*role="img"[^>]*>.*<path d="M/);
    assert.match(html, /<a href="https:\/\/example\.org\/">網上辦理<\/a>/);
  });

  it('writes the sample with the same bytes twice, linking every measure by its id', async () => {
    const { model, prepared } = await sampleGuide();
    const options = { theme: prepared.theme, toc: tocEntries(model, prepared.theme.toc.depth), creationDate };
    const first = htmlPage(model, options);
    assert.equal(htmlPage(model, options), first);
    assert.match(first, /^<!DOCTYPE html>\n<html lang="zh-Hant-TW">/);
    const measures = [...first.matchAll(/<h2 id="([^"]+)">/g)].map((match) => match[1]!);
    assert.ok(measures.includes('tax-small-scale-vat'));
    for (const id of measures) assert.ok(first.includes(`<a href="#${id}">`), `no TOC link to #${id}`);
    assert.match(first, /<nav class="toc" aria-label="目錄"><details open><summary>目錄<\/summary>/);
  });
});
