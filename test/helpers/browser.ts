/**
 * Debian's Chromium, driven by playwright-core: one browser per test file, closed by the
 * file's top-level `after` hook, with a fresh profile folder removed afterwards. No browser is downloaded.
 */

import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { repoRoot } from './paths.js';

export const chromiumPath = '/usr/bin/chromium';

/** Where tests leave screenshots for people to look at (gitignored). */
export const screenshotDir = path.join(repoRoot, 'test-output', 'screenshots');

/** A running browser and what closes it. */
export interface TestBrowser {
  /** Closes the browser and removes its profile; call it from the file's top-level `after`. */
  close(): Promise<void>;
  /** A page at this size (CSS pixels); closed with the browser. */
  page(width: number, height: number): Promise<Page>;
  /** Saves a screenshot as test-output/screenshots/<name>.png; returns its path. */
  screenshot(page: Page, name: string, options?: { fullPage?: boolean }): Promise<string>;
}

/** Starts Chromium headless for this test file; it is closed when the file's tests end. */
export async function launchBrowser(): Promise<TestBrowser> {
  const profile = mkdtempSync(path.join(tmpdir(), 'guide-chromium-'));
  const context: BrowserContext = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
    async page(width, height) {
      const page = await context.newPage();
      await page.setViewportSize({ width, height });
      return page;
    },
    async screenshot(page, name, options = {}) {
      mkdirSync(screenshotDir, { recursive: true });
      const file = path.join(screenshotDir, `${name}.png`);
      await page.screenshot({ path: file, fullPage: options.fullPage ?? false });
      return file;
    },
  };
}
