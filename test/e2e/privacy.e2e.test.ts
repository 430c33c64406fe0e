/**
 * Privacy: with NewsLens running on an article (declutter, highlights, the model loading in the background) and
 * its popup open, every network request seen is the page's own (127.0.0.1) or a file of the extension package.
 * Requests are collected over CDP from the page, the popup and the service worker.
 */
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { CDPSession } from 'playwright-core';
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

test('the extension itself sends nothing over the network', async () => {
  const urls: { from: string; url: string }[] = [];
  const record = (from: string) => (e: { request: { url: string } }) => urls.push({ from, url: e.request.url });

  // The service worker: attach over the browser session (Playwright exposes no page-like session for it).
  const bsession = await browser.context.browser()!.newBrowserCDPSession();
  const { targetInfos } = await bsession.send('Target.getTargets');
  const sw = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${browser.extensionId}/`));
  expect(sw).toBeTruthy();
  const { sessionId } = await bsession.send('Target.attachToTarget', { targetId: sw!.targetId, flatten: false });
  bsession.on('Target.receivedMessageFromTarget', (e) => {
    const msg = JSON.parse(e.message) as { method?: string; params?: { request: { url: string } } };
    if (msg.method === 'Network.requestWillBeSent') record('service worker')(msg.params!);
  });
  await bsession.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id: 1, method: 'Network.enable' }) });

  const page = await browser.context.newPage();
  const pcdp: CDPSession = await browser.context.newCDPSession(page);
  await pcdp.send('Network.enable');
  pcdp.on('Network.requestWillBeSent', record('page'));
  await page.goto(`${server.url}/portal-article.html`);
  await page.waitForSelector('html[data-nl]', { state: 'attached' });
  // Wait for highlights: the entity model is fetched by the service worker from the extension package.
  await expect.poll(() => page.evaluate(() => CSS.highlights.has('nl-per')), { timeout: 15_000 }).toBe(true);

  await page.bringToFront();
  const tabId = await browser.activeTabId();
  const popup = await browser.context.newPage();
  const ppcdp = await browser.context.newCDPSession(popup);
  await ppcdp.send('Network.enable');
  ppcdp.on('Network.requestWillBeSent', record('popup'));
  await popup.goto(`chrome-extension://${browser.extensionId}/src/popup/index.html?tab=${tabId}`);
  await popup.waitForSelector('#hidden-count');

  const own = (u: string) => u.startsWith(`${server.url}/`) || u.startsWith(`chrome-extension://${browser.extensionId}/`) || u.startsWith('data:');
  expect(urls.length).toBeGreaterThan(0);
  expect(urls.filter((r) => !own(r.url))).toEqual([]);
  // The model did travel, from the package to the worker.
  expect(urls.some((r) => r.from === 'service worker' && /\.bin$/.test(r.url))).toBe(true);
  await popup.close();
  await page.close();
});
