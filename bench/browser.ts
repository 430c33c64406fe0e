/**
 * npm run bench:browser [-- --data DIR] [--limit N]
 *
 * The extension in real headless Chromium on every benchmark page: the AEB F1 of what a reader sees
 * (document.body.innerText) with NewsLens hiding vs. the raw page (hiding switched off on the same load), the time
 * from content-script start to hiding applied, uncaught errors from our scripts, and the JS heap of the page.
 * Pages are served on 127.0.0.1; every request elsewhere is refused (the machine is offline anyway), so page
 * scripts run but fetch nothing. Needs `npm run build` first.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { launch, serveFiles } from '../test/e2e/harness.js';
import { loadPages, quantiles } from './lib/pages.js';
import { scoreCorpus, scorePage, type PageScore } from './lib/aeb-metric.js';
import type { PageState, Result } from '../src/shared/messages.js';

const { values } = parseArgs({ options: { data: { type: 'string', default: '../shared/data/aeb-dev' }, limit: { type: 'string' }, settle: { type: 'string', default: '400' }, verbose: { type: 'boolean' } } });
const dataDir = path.resolve(values.data!);
const pagesDir = fs.existsSync(path.join(dataDir, 'pages')) ? path.join(dataDir, 'pages') : dataDir;
const pages = loadPages(pagesDir, values.limit ? Number(values.limit) : Infinity);
const settleMs = Number(values.settle);

const server = await serveFiles([pagesDir]);
const browser = await launch();
await browser.context.route((url) => url.hostname !== '127.0.0.1', (route) => route.abort());

const withHiding: PageScore[] = [];
const raw: PageScore[] = [];
const times: number[] = [];
const engineTimes: number[] = [];
const heaps: { id: string; mb: number; elements: number }[] = [];
let ourErrors = 0;
const failures: string[] = [];
const extOrigin = `chrome-extension://${browser.extensionId}`;

async function send(tabId: number, type: string, args: object): Promise<PageState> {
  const r = (await browser.sw.evaluate(([id, t, a]) => chrome.tabs.sendMessage(id as number, { nl: 1, type: t, args: a }), [tabId, type, args] as const)) as Result<PageState>;
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

process.stderr.write(`bench:browser: ${pages.length} pages, Chromium with dist/ loaded\n`);
for (const [i, p] of pages.entries()) {
  const page = await browser.context.newPage();
  const cdp = await browser.context.newCDPSession(page);
  await cdp.send('Runtime.enable');
  await cdp.send('Performance.enable');
  cdp.on('Runtime.exceptionThrown', (e) => {
    const where = `${e.exceptionDetails.url ?? ''} ${e.exceptionDetails.exception?.description ?? ''}`;
    if (where.includes(extOrigin) || where.includes('content/index')) ourErrors++;
  });
  try {
    await page.goto(`${server.url}/${p.id}.html`, { waitUntil: 'load', timeout: 20_000 }).catch(() => undefined);
    await page.waitForSelector('html[data-nl]', { state: 'attached', timeout: 10_000 });
    await page.waitForTimeout(settleMs); // let late batches (MutationObserver) land
    await page.bringToFront();
    const tabId = await browser.activeTabId();
    const state = await send(tabId, 'getPageState', {});
    times.push(state.analyzeMs);
    engineTimes.push(state.engineMs);
    withHiding.push(scorePage(p.truth, await page.evaluate(() => document.body.innerText)));
    await send(tabId, 'setHidingEnabled', { on: false });
    raw.push(scorePage(p.truth, await page.evaluate(() => document.body.innerText)));
    if (values.verbose) {
      const w = withHiding[withHiding.length - 1], r = raw[raw.length - 1];
      console.log(`${p.id.slice(0, 10)} on P ${w.precision?.toFixed(2)} R ${w.recall?.toFixed(2)} | off P ${r.precision?.toFixed(2)} R ${r.recall?.toFixed(2)} | ${state.analyzeMs.toFixed(1)} ms (engine ${state.engineMs.toFixed(1)}) ${p.url.slice(0, 60)}`);
    }
    const metrics = await cdp.send('Performance.getMetrics').catch(() => null);
    const heap = metrics?.metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
    heaps.push({ id: p.id, mb: heap / 1e6, elements: await page.evaluate(() => document.getElementsByTagName('*').length) });
  } catch (e) {
    failures.push(`${p.id}: ${(e as Error).message.split('\n')[0]}`);
  }
  await page.close();
  if (process.stderr.isTTY) process.stderr.write(`\r[${i + 1}/${pages.length}]`);
}
if (process.stderr.isTTY) process.stderr.write('\n');
await browser.close();
await server.close();

const f3 = (x: number) => x.toFixed(3);
const a = scoreCorpus(withHiding), b = scoreCorpus(raw);
console.log(`\n## What a reader sees in Chromium (document.body.innerText vs AEB truth, ${withHiding.length} pages)\n`);
console.log('| page as shown | F1 | precision | recall |');
console.log('| --- | --- | --- | --- |');
console.log(`| raw page (hiding off) | ${f3(b.f1)} | ${f3(b.precision)} | ${f3(b.recall)} |`);
console.log(`| **NewsLens hiding on** | ${f3(a.f1)} | ${f3(a.precision)} | ${f3(a.recall)} |`);
const q = quantiles(times);
console.log(`\n## Content script: start to hiding applied (ms)\n`);
const qe = quantiles(engineTimes);
console.log('| measure | median | p95 | max | budget |\n| --- | --- | --- | --- | --- |');
console.log(`| start to hiding applied | ${q.median.toFixed(1)} | ${q.p95.toFixed(1)} | ${Math.max(...times).toFixed(1)} | median <= 15, p95 <= 50 |`);
console.log(`| of which analyze() | ${qe.median.toFixed(1)} | ${qe.p95.toFixed(1)} | ${Math.max(...engineTimes).toFixed(1)} | |`);
const largest = heaps.sort((x, y) => y.elements - x.elements)[0];
if (largest) console.log(`\nLargest page: ${largest.elements} elements, page JS heap ${largest.mb.toFixed(1)} MB (page + content script).`);
console.log(`Uncaught errors from NewsLens scripts: ${ourErrors}. Pages that failed to load or answer: ${failures.length}.`);
for (const f of failures) console.log(`  failed: ${f}`);
