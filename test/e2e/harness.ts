/**
 * End-to-end harness: Debian's Chromium driven by playwright-core with the built extension (dist/) loaded,
 * and a static server on 127.0.0.1 for fixture pages. Each test file launches one browser.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { chromium, type BrowserContext, type Worker, type Page } from 'playwright-core';

const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/lib/chromium/chromium', '/usr/bin/chromium-browser'];

/** Path of a Chromium binary, or a one-line error that says how to get one. */
export function chromiumPath(): string {
  const found = CANDIDATES.find((p) => p && fs.existsSync(p));
  if (!found) throw new Error('Chromium not found: install it with `apt-get install -y chromium`, or set CHROMIUM_PATH to a Chromium binary.');
  return found;
}

/** The built extension, or a one-line error saying to build it. */
export function distDir(dir = 'dist'): string {
  const abs = path.resolve(dir);
  if (!fs.existsSync(path.join(abs, 'manifest.json'))) throw new Error(`${dir}/manifest.json missing: run \`npm run build\` first.`);
  return abs;
}

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript', '.png': 'image/png', '.jpg': 'image/jpeg', '.gif': 'image/gif', '.svg': 'image/svg+xml' };

/** Serve files under the given roots (first match wins) on 127.0.0.1; missing files answer 404. */
export async function serveFiles(roots: string[]): Promise<{ url: string; close: () => Promise<void>; requests: string[] }> {
  const requests: string[] = [];
  const server = http.createServer((req, res) => {
    const rel = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname).replace(/^\/+/, '');
    requests.push(rel);
    for (const root of roots) {
      const file = path.resolve(root, rel);
      if (!file.startsWith(path.resolve(root))) break;
      if (fs.existsSync(file) && fs.statSync(file).isFile()) {
        res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
        fs.createReadStream(file).pipe(res);
        return;
      }
    }
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('not found');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  // Open keep-alive connections (a page still open) would hold close() until they time out.
  const close = () => new Promise<void>((r) => {
    server.close(() => r());
    server.closeAllConnections();
  });
  return { url: `http://127.0.0.1:${port}`, requests, close };
}

export interface Browser {
  context: BrowserContext;
  sw: Worker;
  extensionId: string;
  /** Open a page and wait until the content script has run (the root mark is set). */
  openArticle(url: string): Promise<Page>;
  /** Id of the active tab, as the extension sees it. */
  activeTabId(): Promise<number>;
  /** Bring `page` to the front and open the popup for its tab (as a page of its own: a test cannot click the toolbar). */
  openPopup(page: Page): Promise<{ popup: Page; tabId: number }>;
  close(): Promise<void>;
}

/** Launch headless Chromium with the extension in `dist` loaded in a fresh profile. */
export async function launch(dist = distDir()): Promise<Browser> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'nl-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: true,
    args: [
      `--disable-extensions-except=${dist}`,
      `--load-extension=${dist}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      // The machine has no internet: keep Chromium's own background traffic off (RECIPE/env notes).
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
  const sw = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  const extensionId = new URL(sw.url()).host;
  const activeTabId = () =>
    sw.evaluate(async () => {
      const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
      return tab.id!;
    });
  return {
    context,
    sw,
    extensionId,
    async openArticle(url) {
      const page = await context.newPage();
      await page.goto(url);
      await page.waitForSelector('html[data-nl]', { state: 'attached', timeout: 15_000 });
      return page;
    },
    activeTabId,
    async openPopup(page) {
      await page.bringToFront();
      const tabId = await activeTabId();
      const popup = await context.newPage();
      await popup.goto(`chrome-extension://${extensionId}/src/popup/index.html?tab=${tabId}`);
      return { popup, tabId };
    },
    async close() {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** A policy that forbids every script and load of the page's own (inline styles stay, so the page still looks right). */
export const STRICT_CSP = `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'none'; style-src 'unsafe-inline'">`;

/**
 * The demo page (examples/portal-article.html) with `head` put first in its <head>, written as `name` into a new
 * temporary folder, which is returned (serve it with serveFiles; remove it when done).
 */
export function demoPageWith(name: string, head: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nl-demo-'));
  fs.writeFileSync(path.join(dir, name), fs.readFileSync(path.resolve('examples/portal-article.html'), 'utf8').replace('<head>', `<head>\n${head}`));
  return dir;
}

