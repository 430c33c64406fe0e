/**
 * The golden pages in Chromium with the extension: what a reader sees. Every data-expect="keep" element is visible
 * and every data-expect="hide:*" block is not, after the content script has run.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launch, serveFiles, type Browser } from './harness.js';

const PAGES = path.resolve('test/pages');
const slugs = fs.readdirSync(PAGES).filter((d) => fs.existsSync(path.join(PAGES, d, 'source.html'))).sort();

let browser: Browser;
let server: Awaited<ReturnType<typeof serveFiles>>;

beforeAll(async () => {
  server = await serveFiles([PAGES]);
  browser = await launch();
  await browser.context.route((url) => url.hostname !== '127.0.0.1', (route) => route.abort());
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe.each(slugs)('%s in Chromium', (slug) => {
  test('article visible, clutter hidden', async () => {
    const page = await browser.openArticle(`${server.url}/${slug}/source.html`);
    const seen = await page.$$eval('[data-expect]', (els) =>
      els.map((e) => ({ expect: e.getAttribute('data-expect')!, visible: e.checkVisibility(), text: (e.textContent ?? '').trim().slice(0, 60) })),
    );
    const wrong = seen.filter((s) => (s.expect === 'keep') !== s.visible).map((s) => `${s.expect} but ${s.visible ? 'visible' : 'hidden'}: "${s.text}"`);
    expect(seen.length).toBeGreaterThan(0);
    expect(wrong).toEqual([]);
    await page.close();
  });
});
