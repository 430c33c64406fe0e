/**
 * Entity highlights in Chromium: the demo page gets highlights for its people, places and organisations through the
 * CSS Custom Highlight API (the DOM is not touched), and the popup legend switches a type off and on.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { launch, serveFiles, type Browser } from './harness.js';

let browser: Browser;
let server: Awaited<ReturnType<typeof serveFiles>>;

beforeAll(async () => {
  server = await serveFiles([path.resolve('examples')]);
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Texts of the ranges in one named highlight, read from the page's own world. */
const highlighted = (page: Page, name: string) =>
  page.evaluate((n) => {
    const h = CSS.highlights.get(n);
    // Mentions are StaticRanges (no live updates); read their text through a live Range.
    const text = (r: AbstractRange) => {
      const live = document.createRange();
      live.setStart(r.startContainer, r.startOffset);
      live.setEnd(r.endContainer, r.endOffset);
      return live.toString();
    };
    return h ? [...(h as unknown as Set<AbstractRange>)].map(text) : null;
  }, name);

test('people, places and organisations of the demo article are highlighted; a type can be switched off and on', async () => {
  const page = await browser.openArticle(`${server.url}/portal-article.html`);
  const html = await page.content();
  await expect.poll(() => highlighted(page, 'nl-per'), { timeout: 15_000 }).not.toBeNull();
  const people = (await highlighted(page, 'nl-per'))!;
  const places = (await highlighted(page, 'nl-loc'))!;
  const orgs = (await highlighted(page, 'nl-org'))!;
  expect(people).toEqual(expect.arrayContaining(['Ingrid Solberg', 'Camila Reyes', 'Anders Lunde', 'Solberg', 'Reyes']));
  expect(places).toEqual(expect.arrayContaining(['Oslo', 'Santiago', 'Rome', 'Bergen', 'New York']));
  expect(orgs).toEqual(expect.arrayContaining(['Food and Agriculture Organization', 'European Union', 'United Nations']));
  // Only the article is painted: nothing from the hidden rails ("Premier visits Hungary...").
  expect([...people, ...places, ...orgs]).not.toContain('Hungary');
  // The Highlight API paints without changing the page's DOM.
  expect(await page.$$eval('nl-entity', (e) => e.length)).toBe(0);
  expect(html.length).toBeGreaterThan(0);

  await page.bringToFront();
  const tabId = await browser.activeTabId();
  // The tagger's scoring ran in WebAssembly: the extension's CSP allows compiling its own module (a CSP without
  // 'wasm-unsafe-eval' would silently fall back to the slower JavaScript tagger).
  const state = (await browser.sw.evaluate((id) => chrome.tabs.sendMessage(id, { nl: 1, type: 'getPageState', args: {} }), tabId)) as { ok: boolean; value: { entities: { engine?: string; early?: boolean } } };
  expect(state.value.entities.engine).toBe('wasm');
  // They came from the page's start (the whole page's text, tagged while the page was analysed), and the rails'
  // names in that text were left out above.
  expect(state.value.entities.early).toBe(true);
  const popup = await browser.context.newPage();
  await popup.goto(`chrome-extension://${browser.extensionId}/src/popup/index.html?tab=${tabId}`);
  await popup.waitForSelector('[data-entity-count="PER"]');
  expect(Number(await popup.textContent('[data-entity-count="PER"]'))).toBe(people.length);
  await popup.uncheck('input[data-entity-type="PER"]');
  await expect.poll(() => highlighted(page, 'nl-per')).toBeNull();
  expect(await highlighted(page, 'nl-loc')).not.toBeNull();
  await popup.check('input[data-entity-type="PER"]');
  await expect.poll(() => highlighted(page, 'nl-per')).not.toBeNull();
  // Highlights off altogether, and back on.
  await popup.click('#toggle-highlights');
  await expect.poll(() => highlighted(page, 'nl-loc')).toBeNull();
  await popup.click('#toggle-highlights');
  await expect.poll(() => highlighted(page, 'nl-loc'), { timeout: 15_000 }).not.toBeNull();
  await popup.close();
  await page.close();
});

test('hovering a mention shows its type and how often it occurs', async () => {
  const page = await browser.openArticle(`${server.url}/portal-article.html`);
  await expect.poll(() => highlighted(page, 'nl-per'), { timeout: 15_000 }).not.toBeNull();
  const box = await page.evaluate(() => {
    const live = (x: AbstractRange) => {
      const r = document.createRange();
      r.setStart(x.startContainer, x.startOffset);
      r.setEnd(x.endContainer, x.endOffset);
      return r;
    };
    const r = [...(CSS.highlights.get('nl-per') as unknown as Set<AbstractRange>)].map(live).find((x) => x.toString() === 'Ingrid Solberg')!;
    const b = r.getBoundingClientRect();
    return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
  });
  const tip = () => page.evaluate(() => {
    const t = document.querySelector('nl-tooltip')?.shadowRoot?.querySelector('.tip') as HTMLElement | null;
    return t && !t.hidden ? t.textContent : null;
  });
  await page.mouse.move(box.x, box.y);
  await expect.poll(tip).toMatch(/^Person · “Ingrid Solberg” · once in this article$/);
  await page.mouse.move(2, 2);
  await expect.poll(tip).toBeNull();
  // Keyboard: Alt+Shift+→ steps to the first mention and shows its tooltip.
  await page.keyboard.press('Alt+Shift+ArrowRight');
  await expect.poll(tip).toMatch(/ · “.+” · (once|\d+ times) in this article$/);
  await page.close();
});

test('highlights switched off in the settings and on again: the next page gets them from its start', async () => {
  const settings = await browser.context.newPage();
  await settings.goto(`chrome-extension://${browser.extensionId}/src/options/index.html`);
  // A fresh background, which has read no settings yet (it keeps them while it lives).
  const cdp = await browser.context.newCDPSession(settings);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  const setHighlights = (on: boolean) => settings.evaluate((v) => chrome.storage.local.set({ 'nl.highlights': v }), on);
  // Asked from the extension page: the harness's handle on the background is gone with the worker stopped above.
  const entities = async (page: Page) => {
    await page.bringToFront();
    const res = (await settings.evaluate(async () => {
      const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
      return chrome.tabs.sendMessage(tab!.id!, { nl: 1, type: 'getPageState', args: {} });
    })) as { value: { entities: { status: string; early?: boolean } } };
    return res.value.entities;
  };
  await setHighlights(false);
  const off = await browser.openArticle(`${server.url}/portal-article.html`);
  await expect.poll(async () => (await entities(off)).status).toBe('off');
  expect(await highlighted(off, 'nl-per')).toBeNull();
  await off.close();
  // The background read "off" for that page: the change below must reach it, or this page's early answer would be
  // "highlights off", and its names would come only from a second request after hiding.
  await setHighlights(true);
  const on = await browser.openArticle(`${server.url}/portal-article.html`);
  await expect.poll(async () => (await entities(on)).status, { timeout: 15_000 }).toBe('ready');
  expect((await entities(on)).early).toBe(true);
  expect(await highlighted(on, 'nl-per')).not.toBeNull();
  await on.close();
  await settings.close();
});

test('a long article registers the mentions around the reader, and they follow the scrolling', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nl-long-'));
  const paras = Array.from({ length: 400 }, (_, i) => `<p id="p${i}">In paragraph ${i}, Ingrid Solberg met officials of the United Nations in Oslo, as the talks went on.</p>`).join('\n');
  fs.writeFileSync(path.join(dir, 'long.html'), `<!doctype html><html lang="en"><head><title>Talks in Oslo</title></head><body><article><h1>Talks in Oslo</h1>${paras}</article></body></html>`);
  const long = await serveFiles([dir]);
  try {
    const page = await browser.openArticle(`${long.url}/long.html`);
    await page.bringToFront();
    await expect.poll(() => highlighted(page, 'nl-per'), { timeout: 15_000 }).not.toBeNull();
    // Paragraph numbers of the registered mentions of one type, read in the page.
    const paragraphs = (name: string) => page.evaluate((n) => {
      const h = CSS.highlights.get(n) as unknown as Set<AbstractRange> | undefined;
      return [...(h ?? [])].map((r) => Number((r.startContainer.parentElement!.closest('p') as HTMLElement).id.slice(1)));
    }, name);
    const people = await paragraphs('nl-per');
    expect(people).toContain(0);
    expect(people.length).toBeGreaterThan(20);
    expect(people).not.toContain(399); // far below the reader: not registered yet
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await expect.poll(async () => (await paragraphs('nl-per')).includes(399)).toBe(true);
    expect(await paragraphs('nl-per')).not.toContain(0);
    expect(await paragraphs('nl-loc')).toContain(399);
    await page.close();
  } finally {
    await long.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
