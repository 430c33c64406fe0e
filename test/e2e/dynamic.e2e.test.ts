/**
 * Clutter inserted after load is caught by the content script's MutationObserver, and the page's own scripts keep
 * working while NewsLens runs.
 */
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { launch, serveFiles, type Browser } from './harness.js';

let browser: Browser;
let server: Awaited<ReturnType<typeof serveFiles>>;

beforeAll(async () => {
  server = await serveFiles([path.resolve('test/e2e/fixtures')]);
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

test('a newsletter box added during start-up, late share bar, appended related feed and consent banner are hidden; the article and page scripts are not affected', async () => {
  const page = await browser.openArticle(`${server.url}/dynamic.html`);
  // #early-newsletter arrives while the content script reads its settings, after its first analysis of the page.
  for (const sel of ['#early-newsletter', '#late-share', '#late-related', '#late-consent']) {
    await page.waitForSelector(sel, { state: 'attached' });
    await expect.poll(() => page.$eval(sel, (e) => e.checkVisibility()), { timeout: 5000 }).toBe(false);
  }
  // The share bar lands in a placeholder that was already hidden as a share slot; either way it is 'social'.
  const expected: Record<string, string> = { '#early-newsletter': 'newsletter', '#late-share': 'social', '#late-related': 'related', '#late-consent': 'consent' };
  for (const sel of Object.keys(expected)) {
    expect(await page.$eval(sel, (e) => e.closest('[data-nl-hidden]')?.getAttribute('data-nl-cat')), sel).toBe(expected[sel]);
  }
  for (const id of ['p1', 'p2', 'p3', 'p4', 'p5']) expect(await page.$eval(`#${id}`, (e) => e.checkVisibility())).toBe(true);
  // The page's listeners still run (dispatched from the page, since the widget may be hidden as furniture).
  await page.$eval('#counter', (b) => (b as HTMLButtonElement).click());
  await page.$eval('#counter', (b) => (b as HTMLButtonElement).click());
  expect(await page.textContent('#counter')).toBe('2');
  await page.close();
});
