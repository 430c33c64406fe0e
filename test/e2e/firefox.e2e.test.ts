/**
 * Firefox smoke test: Firefox ESR (Debian's firefox-esr) driven over WebDriver BiDi, with dist-firefox/ installed as
 * a temporary add-on: the content script runs and hides the demo page's share bar. (Playwright's Firefox does not
 * drive ESR; raw BiDi does — ../shared/RECIPE.md.) Skipped, saying so, where firefox-esr is not installed.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { demoPageWith, serveFiles, STRICT_CSP } from './harness.js';

const FIREFOX = [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox'].find((p) => p && fs.existsSync(p));
const DIST = path.resolve('dist-firefox');
// The add-on's moz-extension:// host, fixed through a pref so the test can open its pages.
const UUID = '6d1f0a52-3c2e-4d8b-9a51-0b7c2f4e8a19';
const GECKO_ID = 'newslens@newslens.invalid';

let firefox: ChildProcess | null = null;
let ws: WebSocket | null = null;
let server: Awaited<ReturnType<typeof serveFiles>> | null = null;
let strict = '';
let nextId = 1;
const pending = new Map<number, (msg: { result?: unknown; error?: string; message?: string }) => void>();

function send<T = Record<string, unknown>>(method: string, params: object): Promise<T> {
  const id = nextId++;
  ws!.send(JSON.stringify({ id, method, params }));
  return new Promise((resolve, reject) =>
    pending.set(id, (m) => (m.error ? reject(new Error(`${method}: ${m.error}: ${m.message}`)) : resolve(m.result as T))),
  );
}

beforeAll(async () => {
  if (!FIREFOX) return;
  if (!fs.existsSync(path.join(DIST, 'manifest.json'))) throw new Error('dist-firefox/ missing: run `npm run build:firefox` first.');
  // The demo page, and the same under a policy that forbids every script and load of the page's own.
  strict = demoPageWith('strict.html', STRICT_CSP);
  server = await serveFiles([path.resolve('examples'), strict]);
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'nl-ff-'));
  // BiDi on, and Firefox's own background traffic off (this machine is offline).
  fs.writeFileSync(
    path.join(profile, 'user.js'),
    [`extensions.webextensions.uuids", ${JSON.stringify(JSON.stringify({ [GECKO_ID]: UUID }))}`, 'remote.active-protocols", 1', 'browser.shell.checkDefaultBrowser", false', 'app.update.enabled", false', 'datareporting.policy.dataSubmissionEnabled", false', 'network.captive-portal-service.enabled", false', 'browser.safebrowsing.update.enabled", false', 'extensions.update.enabled", false', 'toolkit.telemetry.enabled", false']
      .map((p) => `user_pref("${p});`)
      .join('\n'),
  );
  firefox = spawn(FIREFOX, ['--headless', '--remote-debugging-port=0', '--profile', profile, '--no-remote'], { stdio: ['ignore', 'ignore', 'pipe'] });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('Firefox did not start WebDriver BiDi within 60 s')), 60_000);
    let buf = '';
    firefox!.stderr!.on('data', (d: Buffer) => {
      buf += d.toString();
      const m = /WebDriver BiDi listening on (ws:\/\/[^\s]+)/.exec(buf);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    firefox!.on('exit', (code) => reject(new Error(`Firefox exited (${code}) before BiDi started`)));
  });
  ws = new WebSocket(`${url}/session`);
  await new Promise((r, j) => {
    ws!.once('open', r);
    ws!.once('error', j);
  });
  ws.on('message', (data) => {
    const m = JSON.parse(String(data)) as { id?: number; result?: unknown; error?: string; message?: string };
    if (m.id !== undefined) pending.get(m.id)?.(m);
  });
  await send('session.new', { capabilities: {} });
}, 90_000);

afterAll(async () => {
  try {
    if (ws) await send('session.end', {}).catch(() => undefined);
  } finally {
    ws?.close();
    firefox?.kill();
    await server?.close();
    if (strict) fs.rmSync(strict, { recursive: true, force: true });
  }
});

test.skipIf(!FIREFOX)('Firefox ESR: the content script runs, hides the share bar and highlights people', async () => {
  await send('webExtension.install', { extensionData: { type: 'path', path: DIST } });
  const tree = await send<{ contexts: { context: string }[] }>('browsingContext.getTree', {});
  const context = tree.contexts[0].context;
  await send('browsingContext.navigate', { context, url: `${server!.url}/portal-article.html`, wait: 'complete' });
  let state = '';
  for (let i = 0; i < 50 && state !== 'none'; i++) {
    const r = await send<{ result?: { value?: string } }>('script.evaluate', {
      expression: "(() => { const el = document.querySelector('#toolbar'); const h = el && el.closest('[data-nl-hidden]'); return document.documentElement.hasAttribute('data-nl') && h ? getComputedStyle(h).display : 'not yet'; })()",
      target: { context },
      awaitPromise: false,
    });
    state = r.result?.value ?? '';
    if (state !== 'none') await new Promise((res) => setTimeout(res, 200));
  }
  expect(state).toBe('none');
  const paragraphVisible = await send<{ result?: { value?: boolean } }>('script.evaluate', { expression: "getComputedStyle(document.querySelector('#article-text p')).display !== 'none'", target: { context }, awaitPromise: false });
  expect(paragraphVisible.result?.value).toBe(true);
  // Entity highlights: the background (an event page in Firefox) loads the model and its WebAssembly decoder under
  // the extension's CSP, and the page gets people highlighted (the Highlight API, or the fallback's elements).
  let people = 0;
  for (let i = 0; i < 50 && people === 0; i++) {
    const r = await send<{ result?: { value?: number } }>('script.evaluate', {
      expression: "(globalThis.CSS && CSS.highlights && CSS.highlights.get('nl-per') ? CSS.highlights.get('nl-per').size : 0) + document.querySelectorAll('nl-entity[data-type=\"PER\"]').length",
      target: { context },
      awaitPromise: false,
    });
    people = r.result?.value ?? 0;
    if (people === 0) await new Promise((res) => setTimeout(res, 200));
  }
  expect(people).toBeGreaterThan(3);
}, 60_000);

test.skipIf(!FIREFOX)('Firefox ESR: saving imports the save module into the content script and stores the article, on a strict-CSP page', async () => {
  // Installed by the test above (same session: Vitest runs a file's tests in order); the article tab is the first
  // context.
  const tree = await send<{ contexts: { context: string }[] }>('browsingContext.getTree', {});
  const article = tree.contexts[0].context;
  await send('browsingContext.navigate', { context: article, url: `${server!.url}/strict.html`, wait: 'complete' });
  const { context: ext } = await send<{ context: string }>('browsingContext.create', { type: 'tab' });
  await send('browsingContext.navigate', { context: ext, url: `moz-extension://${UUID}/src/library/index.html`, wait: 'complete' });
  // What the popup's Save button sends, from an extension page: the background asks the tab's content script to
  // extract the article, which imports src/content/extract.js (a web-accessible module) on this first save.
  const r = await send<{ result?: { value?: unknown; type?: string } }>('script.evaluate', {
    expression: `(async () => {
      const me = await browser.tabs.getCurrent();
      const tab = (await browser.tabs.query({})).find((t) => t.id !== me.id);
      const res = await browser.runtime.sendMessage({ nl: 1, type: 'saveTab', args: { tabId: tab.id } });
      return JSON.stringify(res);
    })()`,
    target: { context: ext },
    awaitPromise: true,
  });
  if (r.result?.value === undefined) throw new Error(`evaluate: ${JSON.stringify(r).slice(0, 600)}`);
  const answer = JSON.parse(String(r.result?.value)) as { ok: boolean; value?: { title: string }; error?: string };
  expect(answer.error).toBeUndefined();
  expect(answer.ok).toBe(true);
  expect(answer.value?.title).toMatch(/Norway and Chile/);
}, 60_000);

