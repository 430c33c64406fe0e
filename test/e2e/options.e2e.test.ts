/**
 * User control in Chromium: a rule typed in the options page hides its element on reload, a site switched off
 * shows the untouched page, the picker turns a click into a site rule that the options page shows, and "show
 * hidden" reveals what was hidden with the detector's name.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { launch, serveFiles, type Browser } from './harness.js';

let browser: Browser;
let server: Awaited<ReturnType<typeof serveFiles>>;
const visible = (page: Page, sel: string) => page.$eval(sel, (el) => el.checkVisibility());

beforeAll(async () => {
  server = await serveFiles([path.resolve('examples')]);
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function popupFor(page: Page): Promise<Page> {
  const { popup, tabId } = await browser.openPopup(page);
  await popup.waitForSelector('#toggle-site');
  return popup;
}

async function optionsPage(): Promise<Page> {
  const p = await browser.context.newPage();
  await p.goto(`chrome-extension://${browser.extensionId}/src/options/index.html`);
  await p.waitForSelector('#user-rules');
  return p;
}

describe('options, rules and picker', () => {
  test('a user rule typed in the options page hides its element on reload; a bad line is refused with a reason', async () => {
    const opts = await optionsPage();
    await opts.fill('#user-rules', '127.0.0.1##.title\nthis is not a rule');
    await opts.waitForSelector('#rules-problems li[data-line="2"]');
    expect(await opts.isDisabled('#save-rules')).toBe(true);
    await opts.fill('#user-rules', '127.0.0.1##.dateline\n! the dateline is noise to me');
    await opts.click('#save-rules');
    await expect.poll(() => opts.textContent('#rules-status')).toContain('1 rules');
    const page = await browser.openArticle(`${server.url}/portal-article.html`);
    expect(await visible(page, '.dateline')).toBe(false);
    expect(await page.$eval('.dateline', (e) => e.closest('[data-nl-hidden]')?.getAttribute('data-nl-hidden'))).toBe('user-rule');
    // Clearing the rules in the options page shows it again in the open tab, without a reload.
    await opts.fill('#user-rules', '');
    await opts.click('#save-rules');
    await expect.poll(() => visible(page, '.dateline')).toBe(true);
    await opts.close();
    await page.close();
  });

  test('a site switched off is left exactly as it was, and switching it on again hides clutter again', async () => {
    const page = await browser.openArticle(`${server.url}/portal-article.html`);
    const popup = await popupFor(page);
    await popup.click('#toggle-site');
    await popup.waitForSelector('#toggle-site[aria-checked="false"]');
    expect(await page.$$eval('[data-nl-hidden]', (e) => e.length)).toBe(0);
    expect(await visible(page, '#toolbar')).toBe(true);
    const reloaded = await browser.openArticle(`${server.url}/portal-article.html`);
    expect(await reloaded.$$eval('[data-nl-hidden]', (e) => e.length)).toBe(0);
    await popup.click('#toggle-site');
    await popup.waitForSelector('#toggle-site[aria-checked="true"]');
    await expect.poll(() => visible(page, '#toolbar')).toBe(false);
    await popup.close();
    await page.close();
    await reloaded.close();
  });

  test('the picker turns a click into a site rule that the options page shows', async () => {
    const page = await browser.openArticle(`${server.url}/portal-article.html`);
    const popup = await popupFor(page);
    await popup.click('#pick');
    await page.waitForSelector('nl-picker', { state: 'attached' });
    const box = await page.$eval('.dateline', (e) => {
      const r = e.getBoundingClientRect();
      return { x: r.left + 5, y: r.top + r.height / 2 };
    });
    await page.mouse.move(box.x, box.y);
    await page.mouse.click(box.x, box.y);
    await expect.poll(() => visible(page, '.dateline')).toBe(false);
    const stored = await browser.sw.evaluate(() => chrome.storage.local.get('nl.userRules'));
    expect(String(stored['nl.userRules'])).toMatch(/^127\.0\.0\.1##.*dateline/m);
    const opts = await optionsPage();
    expect(await opts.inputValue('#user-rules')).toMatch(/127\.0\.0\.1##.*dateline/);
    // Undo from the options page: remove the line.
    await opts.fill('#user-rules', '');
    await opts.click('#save-rules');
    await expect.poll(() => visible(page, '.dateline')).toBe(true);
    await opts.close();
    await page.close();
  });

  test('show hidden reveals hidden blocks with the detector that hid them, and can keep one on this site', async () => {
    const page = await browser.openArticle(`${server.url}/portal-article.html`);
    const popup = await popupFor(page);
    await popup.click('#show-hidden');
    await expect.poll(() => visible(page, '#toolbar')).toBe(true);
    const labels = await page.$$eval('nl-reveal', (hosts) => Array.from(hosts[0].shadowRoot!.querySelectorAll('.tag'), (t) => t.getAttribute('data-detector')));
    expect(labels).toEqual(expect.arrayContaining(['tool-row-text', 'related-rail', 'photo-rail']));
    // "Keep on this site" on the tool row: its detector is switched off for this host.
    await page.$$eval('nl-reveal', (hosts) => (hosts[0].shadowRoot!.querySelector('.tag[data-detector="tool-row-text"] button') as HTMLButtonElement).click());
    type Sites = Record<string, { disabledDetectors?: string[] }>;
    await expect.poll(async () => ((await browser.sw.evaluate(() => chrome.storage.local.get('nl.sites')))['nl.sites'] as Sites | undefined)?.['127.0.0.1']?.disabledDetectors).toEqual(['tool-row-text']);
    await popup.click('#show-hidden');
    // The detector no longer fires on this site (another one may still name the row as page furniture).
    await expect.poll(() => page.$eval('#toolbar', (e) => e.closest('[data-nl-hidden]')?.getAttribute('data-nl-hidden') ?? 'visible')).not.toBe('tool-row-text');
    expect(await visible(page, '#right-column .box')).toBe(false); // the rest is hidden again
    await browser.sw.evaluate(() => chrome.storage.local.remove('nl.sites'));
    await popup.close();
    await page.close();
  });
});
