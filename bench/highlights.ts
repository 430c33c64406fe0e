/**
 * npm run bench:highlights [-- --words 5000] [--runs 5]
 *
 * Entity highlights in real Chromium on a generated 5,000-word article: time from asking for entities to the first
 * highlights painted (the text near the reader) and to the whole article painted (text index + message to the
 * background + tagging + painting), first run (model load included) and later runs, plus the number of mentions
 * painted. Needs `npm run build` first.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { launch, serveFiles } from '../test/e2e/harness.js';
import { quantiles } from './lib/pages.js';
import type { PageState, Result } from '../src/shared/messages.js';
import { generateArticle } from './lib/generate.js';

const { values } = parseArgs({ options: { words: { type: 'string', default: '5000' }, runs: { type: 'string', default: '5' } } });
const WORDS = Number(values.words);
const RUNS = Number(values.runs);

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nl-hl-'));
const html = generateArticle(WORDS);
fs.writeFileSync(path.join(dir, 'long.html'), html);
const server = await serveFiles([dir]);
const browser = await launch();
const results: { ms: number; firstMs: number; mentions: number }[] = [];
for (let r = 0; r < RUNS; r++) {
  const page = await browser.openArticle(`${server.url}/long.html`);
  await page.bringToFront();
  const tabId = await browser.activeTabId();
  let state: PageState | null = null;
  for (let tries = 0; tries < 200; tries++) {
    const res = (await browser.sw.evaluate((id) => chrome.tabs.sendMessage(id, { nl: 1, type: 'getPageState', args: {} }), tabId)) as Result<PageState>;
    if (res.ok && (res.value.entities.status === 'ready' || res.value.entities.status === 'error')) {
      state = res.value;
      break;
    }
    await page.waitForTimeout(50);
  }
  if (!state || state.entities.status !== 'ready') throw new Error(`highlights not ready: ${JSON.stringify(state?.entities)}`);
  const mentions = Object.values(state.entities.counts).reduce((a, b) => a + (b ?? 0), 0);
  results.push({ ms: state.entities.ms ?? NaN, firstMs: state.entities.firstMs ?? NaN, mentions });
  console.log(`run ${r + 1}: first highlights ${state.entities.firstMs?.toFixed(1)} ms, all ${state.entities.ms?.toFixed(1)} ms ${JSON.stringify(state.entities.timings)}`);
  await page.close();
}
await browser.close();
await server.close();
fs.rmSync(dir, { recursive: true, force: true });

const later = results.slice(1);
const q = later.length ? quantiles(later.map((r) => r.ms)) : { median: NaN, p95: NaN };
const qf = later.length ? quantiles(later.map((r) => r.firstMs)) : { median: NaN, p95: NaN };
console.log(`\n## Entity highlights in Chromium: ${WORDS}-word generated article, ${results[0].mentions} mentions painted\n`);
console.log('First highlights: the text near the reader (about 3,000 characters) tagged and painted. All: the whole');
console.log('article tagged as one document and painted (index + tag in the background + paint). Target: < 50 ms.\n');
console.log('| run | first highlights on screen, ms | whole article, ms |');
console.log('| --- | --- | --- |');
console.log(`| first (model loaded in this run) | ${results[0].firstMs.toFixed(1)} | ${results[0].ms.toFixed(1)} |`);
console.log(`| later runs, median of ${later.length} | ${qf.median.toFixed(1)} | ${q.median.toFixed(1)} |`);
console.log(`| later runs, max | ${Math.max(...later.map((r) => r.firstMs)).toFixed(1)} | ${Math.max(...later.map((r) => r.ms)).toFixed(1)} |`);
