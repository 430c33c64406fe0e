/**
 * Hostile markup through the whole product in Chromium: a page full of script-injection vectors is decluttered,
 * saved and shown in the library's reader, and no vector ever runs in an extension page (a canary global stays
 * unset there), nor does anything dangerous reach the stored record.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { launch, serveFiles, type Browser } from './harness.js';
import { DANGEROUS, VECTORS } from '../security/vectors.js';

let browser: Browser;
let server: Awaited<ReturnType<typeof serveFiles>>;
const PROSE = 'The harbour board met on Tuesday and agreed, after a long debate, that the ferry terminal would be rebuilt, that fares would stay the same, and that work would start in May.';

beforeAll(async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nl-hostile-'));
  const body = VECTORS.map((v) => `<p>${PROSE}</p><div>${v.html}</div>`).join('\n');
  fs.writeFileSync(path.join(dir, 'hostile.html'), `<!doctype html><html><head><title>Harbour board decides - Hostile Daily</title></head><body><article><h1>Harbour board decides</h1>${`<p>${PROSE}</p>`.repeat(6)}${body}</article></body></html>`);
  server = await serveFiles([dir]);
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

test('a hostile page saved and read in the library runs nothing in the extension', async () => {
  const page = await browser.openArticle(`${server.url}/hostile.html`);
  const { popup, tabId } = await browser.openPopup(page);
  await popup.click('#save');
  await expect.poll(() => popup.textContent('#save-result'), { timeout: 15_000 }).toContain('Saved to your NewsLens library');

  const lib = await browser.context.newPage();
  const errors: string[] = [];
  lib.on('pageerror', (e) => errors.push(e.message));
  await lib.goto(`chrome-extension://${browser.extensionId}/src/library/index.html`);
  await lib.click('#articles .card .title');
  await lib.waitForSelector('#reader-body p');
  await lib.waitForTimeout(500); // give any injected handler (onerror, ontoggle...) the time to fire
  // The CSP (script-src 'self') would stop inline handlers anyway; the markup checks below are the sanitiser's proof.
  expect(await lib.evaluate(() => (window as unknown as { __nlCanary?: number }).__nlCanary)).toBeUndefined();
  expect(await popup.evaluate(() => (window as unknown as { __nlCanary?: number }).__nlCanary)).toBeUndefined();
  const shown = await lib.$eval('#reader-body', (e) => e.innerHTML);
  expect(DANGEROUS.filter(([, re]) => re.test(shown)).map(([what]) => what)).toEqual([]);
  const stored = await lib.evaluate(async () => {
    const db: IDBDatabase = await new Promise((res, rej) => {
      const r = indexedDB.open('newslens-library');
      r.onsuccess = () => res(r.result);
      r.onerror = () => rej(r.error);
    });
    const all: { html: string; markdown: string }[] = await new Promise((res) => {
      const req = db.transaction('articles').objectStore('articles').getAll();
      req.onsuccess = () => res(req.result);
    });
    db.close();
    return all.map((a) => a.html + '\n' + a.markdown).join('\n');
  });
  expect(stored).toContain('The harbour board met on Tuesday');
  expect(DANGEROUS.filter(([, re]) => re.test(stored)).map(([what]) => what)).toEqual([]);
  expect(errors).toEqual([]);
  await lib.close();
  await popup.close();
  await page.close();
});
