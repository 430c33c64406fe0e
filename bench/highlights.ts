/**
 * npm run bench:highlights [-- --words 5000] [--runs 5] [--stopped 3] [--dist DIR (an already built extension)]
 *
 * Entity highlights in real Chromium on a generated 5,000-word article. A starting page asks for the entities of its
 * whole text before its analysis, and the background tags them meanwhile: the figures are the time from hiding
 * applied to the whole article's highlights painted (what highlights add to the reader's wait), the time from the
 * content script's start to them (with hiding's own time beside it), and the number of mentions painted. Should the
 * early answer be missing (highlights off in the stored settings), the page asks after hiding, in two passes, and
 * the first pass is timed too. Three cases: the first page of the run (the
 * model loads, the tagger runs cold), later pages (the background warm from the pages before), and pages opened
 * right after the background service worker was stopped, as Chrome stops it after 30 s idle: what a reader usually
 * gets, who opens an article every few minutes (worker start, model load and a cold tagger included).
 * Needs `npm run build` first.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { distDir, launch, serveFiles } from '../test/e2e/harness.js';
import { quantiles } from './lib/pages.js';
import type { PageState, Result } from '../src/shared/messages.js';
import { generateArticle } from './lib/generate.js';

const { values } = parseArgs({ options: { words: { type: 'string', default: '5000' }, runs: { type: 'string', default: '5' }, stopped: { type: 'string', default: '3' }, dist: { type: 'string', default: 'dist' } } });
const WORDS = Number(values.words);
const RUNS = Number(values.runs);
const STOPPED = Number(values.stopped);

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nl-hl-'));
const html = generateArticle(WORDS);
fs.writeFileSync(path.join(dir, 'long.html'), html);
const server = await serveFiles([dir]);
const articleUrl = `${server.url}/long.html`;
const browser = await launch(distDir(values.dist));
// Page states are asked for from an extension page (chrome.tabs reaches the content script directly), not through
// the service worker, which this benchmark stops.
const helper = await browser.context.newPage();
await helper.goto(`chrome-extension://${browser.extensionId}/src/options/index.html`);
const helperCdp = await browser.context.newCDPSession(helper);
await helperCdp.send('ServiceWorker.enable');

type Run = { ms: number; firstMs: number; shown: number; mentions: number; sinceStart: number; hiding: number; early: boolean };
async function run(label: string): Promise<Run> {
  const page = await browser.openArticle(articleUrl);
  await page.bringToFront();
  // The active tab: without the tabs permission, tabs cannot be found by URL.
  const tabId = await helper.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]!.id!);
  let state: PageState | null = null;
  for (let tries = 0; tries < 200; tries++) {
    const res = (await helper.evaluate((id) => chrome.tabs.sendMessage(id, { nl: 1, type: 'getPageState', args: {} }), tabId)) as Result<PageState>;
    // Ready, and the frame after it drawn (shownMs): the page is in front, so its animation frames run.
    if (res.ok && ((res.value.entities.status === 'ready' && res.value.entities.shownMs !== undefined) || res.value.entities.status === 'error')) {
      state = res.value;
      break;
    }
    await page.waitForTimeout(50);
  }
  if (!state || state.entities.status !== 'ready') throw new Error(`highlights not ready: ${JSON.stringify(state?.entities)}`);
  const mentions = Object.values(state.entities.counts).reduce((a, b) => a + (b ?? 0), 0);
  console.log(`${label}: ${state.entities.ms?.toFixed(1)} ms after hiding (first ${state.entities.firstMs?.toFixed(1)}, frame painted ${state.entities.shownMs?.toFixed(1)}), ${state.entities.sinceStartMs?.toFixed(1) ?? "–"} ms from start (hiding ${state.analyzeMs.toFixed(1)}) ${JSON.stringify(state.entities.timings)}${state.entities.early ? "" : " [asked after hiding]"}`);
  await page.close();
  return { ms: state.entities.ms ?? NaN, firstMs: state.entities.firstMs ?? NaN, shown: state.entities.shownMs ?? NaN, mentions, sinceStart: state.entities.sinceStartMs ?? NaN, hiding: state.analyzeMs, early: state.entities.early ?? false };
}

const results: Run[] = [];
for (let r = 0; r < RUNS; r++) results.push(await run(`run ${r + 1}`));
const stopped: Run[] = [];
for (let r = 0; r < STOPPED; r++) {
  await helperCdp.send('ServiceWorker.stopAllWorkers');
  await helper.waitForTimeout(300);
  stopped.push(await run(`after the background was stopped ${r + 1}`));
}
await browser.close();
await server.close();
fs.rmSync(dir, { recursive: true, force: true });

const med = (xs: number[]) => quantiles(xs).median.toFixed(1);
const row = (label: string, rs: Run[]): string => {
  if (!rs.length) return `| ${label} | – | – | – | – | – |`;
  const early = rs.filter((r) => r.early).length;
  return `| ${label} | ${med(rs.map((r) => r.ms))} (max ${Math.max(...rs.map((r) => r.ms)).toFixed(1)}) | ${med(rs.map((r) => r.shown))} | ${med(rs.map((r) => r.firstMs))} | ${med(rs.map((r) => r.sinceStart))} (hiding ${med(rs.map((r) => r.hiding))}) | ${early}/${rs.length} |`;
};
console.log(`\n## Entity highlights in Chromium: ${WORDS}-word generated article, ${results[0].mentions} mentions painted\n`);
console.log('After hiding: from hiding applied to the whole article\'s highlights painted. From start: from the content');
console.log('script\'s start to the same moment (hiding\'s own time in brackets). Frame painted: from hiding applied to the end of');
console.log('the main thread\'s work for the next frame after the whole article\'s highlights were registered (the browser\'s');
console.log('painting of them included; rasterising and compositing follow).');
console.log('Early: answers asked for at the page\'s start. Target: < 50 ms.\n');
console.log('| page | after hiding, ms: median (max) | frame painted, ms | first highlights, ms | from start, ms (hiding) | early |');
console.log('| --- | --- | --- | --- | --- | --- |');
console.log(row('first of the run (model loaded in this run)', results.slice(0, 1)));
console.log(row(`later pages, background warm (${results.length - 1})`, results.slice(1)));
console.log(row(`right after the background was stopped (${stopped.length}): worker start, model load, cold tagger`, stopped));
