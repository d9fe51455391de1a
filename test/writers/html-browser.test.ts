/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// Code passed to page.evaluate runs in the browser: the DOM types are for it.

/**
 * The sample's HTML page in a real browser (Debian's Chromium) at a phone's size and a desktop's:
 * nothing wider than the screen, every measure in the TOC and the body, every anchor lands, text
 * and tap targets large enough, and axe-core finds no serious or critical violation. Screenshots
 * are left in test-output/screenshots/ for people to look at.
 */

import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { launchBrowser, type TestBrowser } from '../helpers/browser.js';
import { runCli } from '../helpers/cli.js';
import { repoRoot } from '../helpers/paths.js';

const axeScript = path.join(repoRoot, 'node_modules', 'axe-core', 'axe.min.js');

let browser: TestBrowser;
let pageUrl: string;
let html: string;
let measures: { id: string; title: string }[];
let out: string;

after(async () => {
  await browser?.close();
  if (out !== undefined) rmSync(out, { recursive: true, force: true });
});

before(async () => {
  out = mkdtempSync(path.join(tmpdir(), 'guide-html-'));
  const run = await runCli(['build', '--config', path.join(repoRoot, 'guide.yaml'), '--format', 'html', '--out', out], {
    cwd: tmpdir(),
    env: { SOURCE_DATE_EPOCH: '1583366400' },
  });
  assert.equal(run.code, 0, run.stderr);
  const file = readdirSync(out).find((name) => name.endsWith('.html'))!;
  html = readFileSync(path.join(out, file), 'utf8');
  pageUrl = pathToFileURL(path.join(out, file)).href;
  const manifest = JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8'));
  measures = manifest.measures.included;
  assert.ok(measures.length > 20);
  browser = await launchBrowser();
});

/** Opens the page; on a phone the TOC starts folded, so it is unfolded as a reader would. */
async function open(width: number, height: number): Promise<Page> {
  const page = await browser.page(width, height);
  await page.goto(pageUrl);
  const folded = await page.$eval('nav.toc details', (details) => !(details as HTMLDetailsElement).open);
  assert.equal(folded, width < 640, `TOC folded at ${width} px`);
  if (folded) await page.click('nav.toc summary');
  return page;
}

describe('the HTML page in Chromium', () => {
  it('is self-contained: one file, no request to another host, readable without script', () => {
    assert.match(html, /^<!DOCTYPE html>\n<html lang="zh-Hant-TW">/);
    assert.doesNotMatch(html, /<(link|img|iframe)\b|src=|@import|url\(/i);
    // The only script folds the TOC on phones.
    assert.equal(html.match(/<script>/g)?.length, 1);
  });

  for (const [width, height] of [
    [375, 812],
    [1280, 800],
  ] as const) {
    it(`reads at ${width}×${height}`, async () => {
      const page = await open(width, height);
      const overflow = await page.evaluate(() => ({
        scrollWidth: document.scrollingElement!.scrollWidth,
        innerWidth: window.innerWidth,
      }));
      assert.ok(overflow.scrollWidth <= overflow.innerWidth, `page ${overflow.scrollWidth} px wide`);

      // Every measure: an entry in the TOC and a heading in the body, both shown.
      for (const { id, title } of measures) {
        const seen = await page.evaluate(
          ({ id, title }) => {
            const link = document.querySelector(`nav.toc a[href="#${CSS.escape(id)}"]`);
            const heading = document.getElementById(id);
            // No named functions in here: tsx would wrap them in a helper the page does not have.
            const [toc, body] = [link, heading].map(
              (el) =>
                el !== null &&
                el.checkVisibility() &&
                el.getBoundingClientRect().width > 0 &&
                (el.textContent ?? '').includes(title),
            );
            return { toc, body: body === true && heading?.tagName === 'H2' };
          },
          { id, title },
        );
        assert.deepEqual(seen, { toc: true, body: true }, `${id} ${title}`);
      }

      const dangling = await page.evaluate(() =>
        [...document.querySelectorAll('a[href^="#"]')]
          .map((a) => decodeURIComponent(a.getAttribute('href')!.slice(1)))
          .filter((id) => document.getElementById(id) === null),
      );
      assert.deepEqual(dangling, []);
      // Following an anchor brings its heading to the top of the screen.
      const target = measures[Math.floor(measures.length / 2)]!;
      await page.click(`nav.toc a[href="#${target.id}"]`);
      const top = await page.$eval(`[id="${target.id}"]`, (el) => el.getBoundingClientRect().top);
      assert.ok(top >= 0 && top < 40, `heading at ${top} px after following its TOC entry`);

      const smallText = await page.evaluate(() =>
        [...document.querySelectorAll('main p:not(.note), main li, main td, main th')]
          .map((el) => parseFloat(getComputedStyle(el).fontSize))
          .filter((size) => size < 16),
      );
      assert.deepEqual(smallText, []);
      // Links set on their own (TOC entries, a channel's QR link) and the TOC's fold: 44 px tall.
      const smallTargets = await page.evaluate(() =>
        [...document.querySelectorAll('nav.toc summary, nav.toc a, figure.qr a')]
          .map((el) => ({ text: el.textContent, height: el.getBoundingClientRect().height }))
          .filter((target) => target.height < 44),
      );
      assert.deepEqual(smallTargets, []);

      // Screenshots: the TOC, a service card, a wide table.
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.$eval('nav.toc', (el) => el.scrollIntoView());
      await browser.screenshot(page, `html-${width}-toc`);
      await page.$eval('table.card', (el) => el.scrollIntoView());
      await browser.screenshot(page, `html-${width}-card`);
      await page.$eval('.table-scroll', (el) => el.scrollIntoView());
      await browser.screenshot(page, `html-${width}-wide-table`);
      await page.close();
    });
  }

  it('keeps a wide table in its own scrolling box on a phone', async () => {
    const page = await open(375, 812);
    const boxes = await page.$$eval('.table-scroll', (els) =>
      els.map((el) => ({ client: el.clientWidth, scroll: el.scrollWidth, overflow: getComputedStyle(el).overflowX })),
    );
    assert.ok(boxes.length > 0);
    assert.ok(
      boxes.some((box) => box.scroll > box.client),
      'the sample has a table wider than a phone',
    );
    for (const box of boxes) assert.equal(box.overflow, 'auto');
    await page.close();
  });

  for (const width of [375, 1280]) {
    it(`has no serious or critical axe-core violation at ${width} px`, async () => {
      const page = await open(width, 800);
      await page.addScriptTag({ path: axeScript });
      const violations = await page.evaluate(async () => {
        const axe = (
          window as unknown as {
            axe: { run(): Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }> };
          }
        ).axe;
        const result = await axe.run();
        return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length }));
      });
      const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      assert.deepEqual(serious, [], JSON.stringify(violations));
      await page.close();
    });
  }
});
