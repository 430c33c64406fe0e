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
    expect(labels).toEqual(['breadcrumb-trail', 'tool-row-text', 'comments-prompt', 'footer-landmark', 'off-article', 'off-article']);
    // One label per block the popup counts (a block inside another hidden block is neither counted nor labelled).
    expect(labels).toHaveLength(Number(await popup.textContent('#hidden-count')));
    // "Keep on this site" on the tool row keeps that element, whichever check finds it: an exception rule for this
    // host that the options page shows. (It used to stop the detector, and another one hid the row again.)
    await page.$$eval('nl-reveal', (hosts) => (hosts[0].shadowRoot!.querySelector('.tag[data-detector="tool-row-text"] button') as HTMLButtonElement).click());
    await expect.poll(async () => String((await browser.sw.evaluate(() => chrome.storage.local.get('nl.userRules')))['nl.userRules'] ?? '')).toMatch(/^127\.0\.0\.1#@#.+$/m);
    expect(await page.$eval('nl-toast', (h) => h.shadowRoot!.textContent)).toMatch(/Kept visible on this site.*127\.0\.0\.1#@#/);
    await popup.click('#show-hidden');
    await expect.poll(() => visible(page, '#toolbar')).toBe(true);
    expect(await page.$eval('#toolbar', (e) => e.closest('[data-nl-hidden]') === null)).toBe(true);
    expect(await visible(page, '#right-column .box')).toBe(false); // the rest is hidden again
    const opts = await optionsPage();
    expect(await opts.inputValue('#user-rules')).toMatch(/^127\.0\.0\.1#@#/m);
    await opts.close();
    // Reloaded, the row stays: the rule names it by something that survives a reload.
    await page.reload();
    await expect.poll(() => visible(page, '#right-column .box')).toBe(false); // hiding applied again
    expect(await visible(page, '#toolbar')).toBe(true);
    await browser.sw.evaluate(() => chrome.storage.local.remove(['nl.userRules', 'nl.userRulesCompiled']));
    await popup.close();
    await page.close();
  });

  test('checks stopped by an earlier version are named in words and can each be turned on again', async () => {
    await browser.sw.evaluate(() => chrome.storage.local.set({ 'nl.sites': { '127.0.0.1': { disabledDetectors: ['tool-row-text', 'breadcrumb-trail'] } } }));
    const opts = await optionsPage();
    const row = opts.locator('li[data-host="127.0.0.1"]');
    await expect.poll(() => row.textContent()).toMatch(/checks stopped:.*Share & tool bars \(tool-row-text\).*Navigation & breadcrumbs \(breadcrumb-trail\)/);
    await row.getByRole('button', { name: '127.0.0.1: Share & tool bars (tool-row-text): turn on again' }).click();
    type Sites = Record<string, { disabledDetectors?: string[] }>;
    await expect.poll(async () => ((await browser.sw.evaluate(() => chrome.storage.local.get('nl.sites')))['nl.sites'] as Sites)['127.0.0.1']?.disabledDetectors).toEqual(['breadcrumb-trail']);
    await expect.poll(() => row.textContent()).not.toContain('tool-row-text');
    await browser.sw.evaluate(() => chrome.storage.local.remove('nl.sites'));
    await opts.close();
  });
});
