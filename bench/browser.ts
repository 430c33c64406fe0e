/**
 * npm run bench:browser [-- --data DIR] [--limit N] [--dist DIR (an already built extension, for A/B runs)]
 *
 * The extension in real headless Chromium on every benchmark page: the AEB F1 of what a reader sees
 * (document.body.innerText) with NewsLens hiding vs. the raw page (hiding switched off on the same load), the time
 * from the main content script's injection (Chromium injecting it and V8 compiling it, from a trace) to hiding
 * applied, beside our whole main-thread time before hiding (the document_start script that reads the settings
 * added), uncaught errors from our scripts, and the JS heap of the page.
 * Pages are served on 127.0.0.1; every request elsewhere is refused (the machine is offline anyway), so page
 * scripts run but fetch nothing. Needs `npm run build` first.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { parseArgs } from 'node:util';
import { distDir, launch, serveFiles } from '../test/e2e/harness.js';
import { loadPages, quantiles } from './lib/pages.js';
import { scoreCorpus, scorePage, type PageScore } from './lib/aeb-metric.js';
import { startTrace } from './lib/trace.js';
import type { PageState, Result } from '../src/shared/messages.js';

const { values } = parseArgs({ options: { data: { type: 'string', default: '../shared/data/aeb-dev' }, limit: { type: 'string' }, settle: { type: 'string', default: '400' }, verbose: { type: 'boolean' }, dist: { type: 'string', default: 'dist' } } });
const dataDir = path.resolve(values.data!);
const pagesDir = fs.existsSync(path.join(dataDir, 'pages')) ? path.join(dataDir, 'pages') : dataDir;
const pages = loadPages(pagesDir, values.limit ? Number(values.limit) : Infinity);
const settleMs = Number(values.settle);

const server = await serveFiles([pagesDir]);
const browser = await launch(distDir(values.dist));
await browser.context.route((url) => url.hostname !== '127.0.0.1' && url.protocol !== 'chrome-extension:', (route) => route.abort());

const withHiding: PageScore[] = [];
const raw: PageScore[] = [];
const times: number[] = [];
const engineTimes: number[] = [];
const compileTimes: number[] = [];
const prefetchTimes: number[] = [];
const setupTimes: number[] = [];
const ourTimes: number[] = [];
const injectedIds: string[] = [];
let settingsEarly = 0;
const injectedTimes: number[] = [];
const cpuTimes: number[] = [];
const cpuWalls: number[] = [];
const floorTimes: number[] = [];
const heaps: { id: string; mb: number; elements: number }[] = [];
let ourErrors = 0;
const failures: string[] = [];
const extOrigin = `chrome-extension://${browser.extensionId}`;

async function send(tabId: number, type: string, args: object): Promise<PageState> {
  const r = (await browser.sw.evaluate(([id, t, a]) => chrome.tabs.sendMessage(id as number, { nl: 1, type: t, args: a }), [tabId, type, args] as const)) as Result<PageState>;
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

process.stderr.write(`bench:browser: ${pages.length} pages, Chromium with ${values.dist} loaded\n`);
/**
 * One page: load, let NewsLens hide, score what a reader sees with hiding on and off. `pageScripts` false runs the
 * page with its own scripts disabled (CDP Emulation.setScriptExecutionDisabled; the content script still runs).
 */
async function measure(p: (typeof pages)[number], pageScripts: boolean, job: Job): Promise<void> {
  const page = await browser.context.newPage();
  job.page = page;
  const cdp = await browser.context.newCDPSession(page);
  const url = `${server.url}/${p.id}.html`;
  try {
    await cdp.send('Runtime.enable');
    await cdp.send('Performance.enable');
    if (!pageScripts) await cdp.send('Emulation.setScriptExecutionDisabled', { value: true });
    const trace = await startTrace(cdp);
    cdp.on('Runtime.exceptionThrown', (e) => {
      const where = `${e.exceptionDetails.url ?? ''} ${e.exceptionDetails.exception?.description ?? ''}`;
      // Our files at the extension's origin, or the save module at its per-session URL (same path, another host).
      if (where.includes(extOrigin) || where.includes('/src/content/')) ourErrors++;
    });
    await page.goto(url, { waitUntil: 'load', timeout: 20_000 }).catch(() => undefined);
    await page.waitForSelector('html[data-nl]', { state: 'attached', timeout: 10_000 }).catch(() => undefined);
    await page.waitForTimeout(settleMs); // let late batches (MutationObserver) land
    const { setup, compile, prefetch, cpu, wall } = await trace.ourScripts();
    // Some saved pages send themselves to their live site (a script setting location): offline that ends on an
    // error page. Those are measured again with the page's scripts off.
    if (page.url() !== url) throw new NavigatedAway(page.url());
    await page.bringToFront();
    const tabId = await browser.activeTabId();
    const state = await send(tabId, 'getPageState', {});
    const floor = await floorWalk(cdp);
    const on = scorePage(p.truth, await page.evaluate(() => document.body.innerText));
    await send(tabId, 'setHidingEnabled', { on: false });
    const off = scorePage(p.truth, await page.evaluate(() => document.body.innerText));
    if (page.url() !== url) throw new NavigatedAway(page.url());
    // Both views or neither: a page that navigates itself away between the two must not count on one side only.
    // Nothing at all from a measure given up on (no answer in time): the page is measured again.
    if (job.abandoned) return;
    withHiding.push(on);
    raw.push(off);
    if (floor !== null) floorTimes.push(floor); // the same pages as the start-up figures
    times.push(state.analyzeMs);
    if (setup !== null && compile !== null && prefetch !== null) {
      setupTimes.push(setup);
      compileTimes.push(compile);
      prefetchTimes.push(prefetch);
      injectedTimes.push(setup + compile + state.analyzeMs);
      // Thread time stands for our work only when hiding was applied in the script's first run (settings there,
      // nothing awaited): otherwise the page's own tasks ran on the thread in between.
      if (cpu !== undefined && wall !== undefined && state.settingsEarly) {
        cpuTimes.push(cpu);
        cpuWalls.push(wall);
      }
      injectedIds.push(p.id);
      ourTimes.push(prefetch + setup + compile + state.analyzeMs);
    }
    engineTimes.push(state.engineMs);
    if (state.settingsEarly) settingsEarly++;
    if (values.verbose) {
      console.log(`${p.id.slice(0, 10)} on P ${on.precision?.toFixed(2)} R ${on.recall?.toFixed(2)} | off P ${off.precision?.toFixed(2)} R ${off.recall?.toFixed(2)} | ${state.analyzeMs.toFixed(1)} ms (engine ${state.engineMs.toFixed(1)})${pageScripts ? '' : ' [page scripts off]'} ${p.url.slice(0, 60)}`);
    }
    const metrics = await cdp.send('Performance.getMetrics').catch(() => null);
    const heap = metrics?.metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
    const elements = await page.evaluate(() => document.getElementsByTagName('*').length).catch(() => 0);
    if (!job.abandoned) heaps.push({ id: p.id, mb: heap / 1e6, elements });
  } catch (e) {
    // A page that left for its live site mid-measure (its content script gone: "receiving end does not exist").
    if (page.url() !== url) throw new NavigatedAway(page.url());
    throw e;
  } finally {
    await page.close();
  }
}

class NavigatedAway extends Error {}

/**
 * The floor under any engine that reads the page from a content script: one walk over every element and text node,
 * counting text characters and nothing else, as fresh code in a fresh isolated world (what a content script is on
 * its first run: the first touch of each node from a world creates its JS wrapper, and that dominates the walk).
 */
const FLOOR_WALK = `(() => {
  const t0 = performance.now();
  let chars = 0;
  const stack = [document.body];
  while (stack.length) {
    const el = stack.pop();
    const kids = el.childNodes;
    for (let i = 0; i < kids.length; i++) {
      const n = kids[i];
      if (n.nodeType === 3) { const t = n.nodeValue; for (let c = 0; c < t.length; c++) if (t.charCodeAt(c) > 32) chars++; }
      else if (n.nodeType === 1 && n.tagName !== 'SCRIPT' && n.tagName !== 'STYLE') stack.push(n);
    }
  }
  return [performance.now() - t0, chars];
})()`;

async function floorWalk(cdp: import('playwright-core').CDPSession): Promise<number | null> {
  try {
    const { frameTree } = await cdp.send('Page.getFrameTree');
    const { executionContextId } = await cdp.send('Page.createIsolatedWorld', { frameId: frameTree.frame.id, worldName: `nl-floor-${Date.now()}` });
    const r = await cdp.send('Runtime.evaluate', { expression: FLOOR_WALK, contextId: executionContextId, returnByValue: true });
    return (r.result.value as [number, number])[0];
  } catch {
    return null;
  }
}

/** A page that stops answering (an evaluate or a message that never returns) fails after this long, not the run. */
const PAGE_LIMIT_MS = 60_000;
/** One measure: its tab, and whether it was given up on (its tab is then closed, so it cannot go on using a core). */
type Job = { page: import('playwright-core').Page | null; abandoned: boolean };
function limited(p: (typeof pages)[number], pageScripts: boolean): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const job: Job = { page: null, abandoned: false };
  const late = new Promise<never>((_, reject) => (timer = setTimeout(() => {
    job.abandoned = true;
    void job.page?.close().catch(() => undefined);
    reject(new PageTimeout(`no answer within ${PAGE_LIMIT_MS / 1000} s`));
  }, PAGE_LIMIT_MS)));
  return Promise.race([measure(p, pageScripts, job), late]).finally(() => clearTimeout(timer));
}
class PageTimeout extends Error {}

const scriptsOff: string[] = [];
/** Pages whose own scripts kept the tab from answering (space.com's, in some runs): measured again with them off. */
const stalled: string[] = [];
for (const [i, p] of pages.entries()) {
  if (values.verbose) process.stderr.write(`[${i + 1}/${pages.length}] ${p.id}\n`);
  try {
    await limited(p, true);
  } catch (e) {
    try {
      const timedOut = e instanceof PageTimeout;
      if (!(e instanceof NavigatedAway) && !timedOut && !/navigation/.test((e as Error).message)) throw e;
      await limited(p, false);
      scriptsOff.push(p.id);
      if (timedOut) stalled.push(p.id);
    } catch (e2) {
      failures.push(`${p.id}: ${(e2 as Error).message.split('\n')[0]}`);
      if (values.verbose) process.stderr.write(`  failed: ${(e2 as Error).message.split('\n')[0]}\n`);
    }
  }
  if (process.stderr.isTTY) process.stderr.write(`\r[${i + 1}/${pages.length}]`);
}
if (process.stderr.isTTY) process.stderr.write('\n');

/**
 * The same pages again, one after another in one tab: a reader going from article to article on one site (these
 * are all served from 127.0.0.1). Chromium keeps the tab's renderer process for a same-site navigation, and V8 its
 * compiled code and regexps; a page of another site gets a fresh process, as in the pass above. Timing only.
 */
const sameTab: number[] = [];
const sameTabOurs: number[] = [];
const sameTabCompile: number[] = [];
const sameTabIds = new Set<string>();
{
  const tab = await browser.context.newPage();
  for (const p of pages) {
    if (scriptsOff.includes(p.id) || failures.some((f) => f.startsWith(`${p.id}:`))) continue; // they leave for their live site
    const url = `${server.url}/${p.id}.html`;
    // A CDP session per page (the tab and its process stay): a page that fails cannot leave a trace running.
    const cdp = await browser.context.newCDPSession(tab);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('no answer')), PAGE_LIMIT_MS)));
    try {
      await Promise.race([late, (async () => {
        const trace = await startTrace(cdp);
        await tab.goto(url, { waitUntil: 'load', timeout: 20_000 }).catch(() => undefined);
        await tab.waitForFunction(() => document.documentElement.hasAttribute('data-nl'), null, { timeout: 10_000 });
        await tab.waitForTimeout(settleMs);
        const { setup, compile, prefetch } = await trace.ourScripts();
        if (tab.url() !== url) return;
        await tab.bringToFront();
        const state = await send(await browser.activeTabId(), 'getPageState', {});
        if (setup !== null && compile !== null && prefetch !== null) {
          sameTab.push(setup + compile + state.analyzeMs);
          sameTabOurs.push(prefetch + setup + compile + state.analyzeMs);
          sameTabCompile.push(compile);
          sameTabIds.add(p.id);
        }
      })()]);
    } catch {
      // A page that does not answer here was reported by the first pass; the next one is measured as usual.
    } finally {
      clearTimeout(timer);
      await cdp.detach().catch(() => undefined);
    }
  }
}
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
console.log(`\n## Content script: start-up to hiding applied (ms)\n`);
const qe = quantiles(engineTimes);
console.log('| measure | median | p95 | max | budget |\n| --- | --- | --- | --- | --- |');
if (injectedTimes.length) {
  const row = (label: string, xs: number[], budget = '') => {
    const qx = quantiles(xs);
    console.log(`| ${label} | ${qx.median.toFixed(1)} | ${qx.p95.toFixed(1)} | ${Math.max(...xs).toFixed(1)} | ${budget} |`);
  };
  row(`**both scripts' injection and run to hiding applied**: the document_start script + the main script from its injection (${ourTimes.length} pages; the task that receives the settings between them is not counted)`, ourTimes, 'median <= 15, p95 <= 50');
  row('of which the document_start script asking for the settings (trace: its injection)', prefetchTimes);
  row('**main script injected to hiding applied** (the wait a reader has once the page is ready)', injectedTimes, 'median <= 15, p95 <= 50');
  row('of which Chromium injecting it (trace: InjectJs before it runs)', setupTimes);
  row('of which V8 compiling it (trace)', compileTimes);
  if (cpuTimes.length) {
    row(`the same from the trace (${cpuTimes.length} pages where hiding was applied in the script's first run): wall time from its injection to the script's mark at hiding`, cpuWalls);
    row('of which the main thread on a CPU (its thread time over the same span; the rest is off-CPU: waiting for a core, or blocked)', cpuTimes);
  }
}
console.log(`| start to hiding applied (the script's own clock, from its first line) | ${q.median.toFixed(1)} | ${q.p95.toFixed(1)} | ${Math.max(...times).toFixed(1)} | |`);
console.log(`| of which analyze() | ${qe.median.toFixed(1)} | ${qe.p95.toFixed(1)} | ${Math.max(...engineTimes).toFixed(1)} | |`);
if (floorTimes.length) {
  const qf = quantiles(floorTimes);
  console.log(`| floor: one walk over every node, counting characters, fresh code in a fresh isolated world | ${qf.median.toFixed(1)} | ${qf.p95.toFixed(1)} | ${Math.max(...floorTimes).toFixed(1)} | |`);
  console.log(`\nanalyze() is ${(qe.median / qf.median).toFixed(1)}x the floor at the median (${(qe.p95 / qf.p95).toFixed(1)}x at p95); start to hiding applied ${(q.median / qf.median).toFixed(1)}x (${(q.p95 / qf.p95).toFixed(1)}x). The floor is what reading every node once costs on this machine before any heuristic, measured on the settled page: it leaves out loading the script, which start to hiding includes, so these ratios overstate our own overhead rather than understate it.`);
}
if (sameTab.length) {
  const qs = quantiles(sameTab), qo = quantiles(sameTabOurs), qc = quantiles(sameTabCompile);
  const fresh = quantiles(injectedIds.flatMap((id, k) => (sameTabIds.has(id) ? [injectedTimes[k]!] : [])));
  console.log(`\nThe same pages one after another in one tab (a reader going from article to article on one site; ${sameTab.length} pages): main script injected to hiding applied ${qs.median.toFixed(1)} / ${qs.p95.toFixed(1)} ms (median / p95; the same ${sameTab.length} pages in fresh tabs above: ${fresh.median.toFixed(1)} / ${fresh.p95.toFixed(1)}), V8 compiling it ${qc.median.toFixed(1)} / ${qc.p95.toFixed(1)}, both scripts' injection and run ${qo.median.toFixed(1)} / ${qo.p95.toFixed(1)}. Chromium keeps the renderer process for a same-site navigation, and V8 its compiled code and regexps; a page of another site starts fresh, as in the table.`);
}
console.log(`\nSettings there when the page was ready (read at document_start) on ${settingsEarly} of ${times.length} pages; on the others they were awaited after the analysis.`);
const contentDir = path.join(distDir(values.dist), 'src/content');
const gzipped = (file: string) => zlib.gzipSync(fs.readFileSync(path.join(contentDir, file)), { level: 9 }).length / 1024;
if (fs.existsSync(path.join(contentDir, 'index.js'))) {
  const main = gzipped('index.js'), early = fs.existsSync(path.join(contentDir, 'prefetch.js')) ? gzipped('prefetch.js') : 0;
  console.log(`\nContent scripts: ${(main + early).toFixed(1)} KB gzipped (main ${main.toFixed(1)}, document_start ${early.toFixed(1)}; budget 60 KB; the entity model and the save module, loaded on a save, are not in them).`);
}
const largest = heaps.sort((x, y) => y.elements - x.elements)[0];
if (largest) console.log(`\nLargest page: ${largest.elements} elements, page JS heap ${largest.mb.toFixed(1)} MB (page + content script).`);
console.log(`Uncaught errors from NewsLens scripts: ${ourErrors}. Pages that failed to load or answer: ${failures.length}.`);
if (stalled.length) console.log(`Pages that did not answer within ${PAGE_LIMIT_MS / 1000} s with their own scripts on, and did with them off (measured so, below): ${stalled.length} (${stalled.map((id) => id.slice(0, 10)).join(', ')}).`);
if (scriptsOff.length) console.log(`Pages measured with their own scripts off (they navigate to their live site, or stalled as above): ${scriptsOff.length} (${scriptsOff.map((id) => id.slice(0, 10)).join(', ')}).`);
for (const f of failures) console.log(`  failed: ${f}`);
