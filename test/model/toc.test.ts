import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Block, DocModel } from '../../src/model/doc-model.js';
import { tocEntries } from '../../src/model/transforms/toc.js';

const heading = (level: 1 | 2 | 3, id: string, title: string, toc = true): Block => ({
  type: 'heading',
  level,
  id,
  toc,
  children: [{ type: 'strong', children: [{ type: 'text', value: title }] }],
});

const model: DocModel = {
  meta: { title: '指南', author: '', subject: '', keywords: [], language: 'zh-Hant-TW', header: '' },
  sections: [
    { kind: 'cover', blocks: [heading(1, 'cover', '封面', false), { type: 'toc', title: '目錄' }] },
    {
      kind: 'body',
      blocks: [
        heading(1, 'tax', '減稅降費'),
        heading(2, 'vat', '增值稅減徵'),
        heading(3, 'vat-faq', '常見問題'),
        heading(3, 'vat-note', '說明', false),
        {
          type: 'list',
          ordered: false,
          start: 1,
          items: [{ children: [heading(2, 'in-list', '清單中')] }],
        },
        {
          type: 'table',
          variant: 'grid',
          columns: [1],
          header: [{ cells: [{ children: [heading(3, 'in-header', '表頭中')] }] }],
          rows: [{ cells: [{ children: [heading(2, 'in-cell', '表格中')] }] }],
        },
        heading(1, 'appendix', '附錄'),
      ],
    },
  ],
};

test('tocEntries: headings marked toc, in document order, nested ones included, titles without markup', () => {
  assert.deepEqual(tocEntries(model, 3), [
    { id: 'tax', level: 1, title: '減稅降費' },
    { id: 'vat', level: 2, title: '增值稅減徵' },
    { id: 'vat-faq', level: 3, title: '常見問題' },
    { id: 'in-list', level: 2, title: '清單中' },
    { id: 'in-header', level: 3, title: '表頭中' },
    { id: 'in-cell', level: 2, title: '表格中' },
    { id: 'appendix', level: 1, title: '附錄' },
  ]);
});

test('tocEntries: depth leaves out deeper headings', () => {
  assert.deepEqual(
    tocEntries(model, 2).map((entry) => entry.id),
    ['tax', 'vat', 'in-list', 'in-cell', 'appendix'],
  );
  assert.deepEqual(
    tocEntries(model, 1).map((entry) => entry.id),
    ['tax', 'appendix'],
  );
});
