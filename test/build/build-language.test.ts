/**
 * `guide build` in the reader's language: template and theme errors with their hints in
 * Traditional Chinese under a Taiwan locale, and the summary of what was written in Simplified.
 */

import assert from 'node:assert/strict';
import { appendFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { runCli } from '../helpers/cli.js';
import { copySampleEdition } from '../helpers/edition.js';
import { repoRoot } from '../helpers/paths.js';

describe('guide build in the reader’s language', () => {
  it('reports template and theme errors in Traditional Chinese under LANG=zh_TW.UTF-8', async () => {
    const dir = copySampleEdition('language');
    appendFileSync(path.join(dir, 'templates/guide.md.hbs'), '\n{{> mesure}}\n');
    appendFileSync(path.join(dir, 'templates/measure.md.hbs'), '\n{{#if content}}\n');
    const theme = path.join(dir, 'templates/theme.yaml');
    writeFileSync(theme, readFileSync(theme, 'utf8').replace('accent: "#8b1a1a"', 'accent: crimson'));

    const run = await runCli(['build'], { cwd: dir, env: { LANG: 'zh_TW.UTF-8' } });
    assert.equal(run.code, 1);
    const out = run.stderr + run.stdout;
    assert.match(out, /templates\/guide\.md\.hbs:\d+:1 錯誤 E-TEMPLATE 沒有 \{\{> mesure\}\} 所需的「mesure」範本/);
    assert.match(out, /提示：是不是要寫 \{\{> measure\}\}？/);
    assert.match(out, /templates\/measure\.md\.hbs:\d+:1 錯誤 E-TEMPLATE \{\{#if\}\} 沒有結束/);
    assert.match(out, /提示：請在區塊結束處加上 \{\{\/if\}\}/);
    assert.match(out, /templates\/theme\.yaml:\d+:\d+ 錯誤 E-PATTERN/);
    assert.match(out, /3 個錯誤/);
    assert.match(out, /沒有寫入任何檔案/);
  });

  it('summarises the files written in Simplified Chinese', async () => {
    const out = mkdtempSync(path.join(tmpdir(), 'guide-language-out-'));
    const run = await runCli(['build', '--out', out], { cwd: repoRoot, env: { LANG: 'zh_CN.UTF-8' } });
    assert.equal(run.code, 0, run.stderr);
    const text = run.stderr + run.stdout;
    assert.match(text, /已写入 \S+\.pdf（\d+(\.\d)? [KM]B，\d+ 页）/);
    assert.match(text, /已写入 \S+\.docx（\d+(\.\d)? [KM]B）/);
    assert.match(text, /\d{4}-\d{2}-\d{2} 有效的措施 \d+ 项/);
    assert.doesNotMatch(text, /wrote|measures in effect|left out/);
  });
});
