/**
 * npm run bench:highlights [-- --words 5000] [--runs 5]
 *
 * Entity highlights in real Chromium on a generated 5,000-word article: time from asking for entities to
 * highlights painted (text index + message to the background + tagging + painting), first run (model load
 * included) and later runs, plus the number of mentions painted. Needs `npm run build` first.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { launch, serveFiles } from '../test/e2e/harness.js';
import { quantiles } from './lib/pages.js';
import type { PageState, Result } from '../src/shared/messages.js';

const { values } = parseArgs({ options: { words: { type: 'string', default: '5000' }, runs: { type: 'string', default: '5' } } });
const WORDS = Number(values.words);
const RUNS = Number(values.runs);

/** A deterministic news-like article: invented people and companies, real places, dates and amounts. */
export function generateArticle(words: number, seed = 7): string {
  let s = seed;
  const rnd = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
  const people = ['Ingrid Solberg', 'Camila Reyes', 'Tomasz Nowak', 'Amara Okafor', 'Hiroshi Tanaka', 'Lena Fischer', 'Rahul Mehta', 'Sofia Marquez'];
  const places = ['Oslo', 'Santiago', 'Warsaw', 'Lagos', 'Osaka', 'Hamburg', 'Mumbai', 'Valencia', 'Brazil', 'Canada'];
  const orgs = ['the European Union', 'the United Nations', 'Nordlink Shipping', 'the World Bank', 'Helix Energy', 'the Bank of England'];
  const verbs = ['said', 'told reporters', 'announced', 'warned', 'confirmed', 'argued'];
  const tails = [
    'that talks would resume after the summer break',
    'that the agreement would cut costs for exporters',
    'that the project had been delayed by a shortage of steel',
    'that regional governments would receive more support',
    'that the decision followed months of consultation with unions',
  ];
  const sentence = () => {
    const kind = rnd();
    if (kind < 0.4) return `${pick(people)} ${pick(verbs)} in ${pick(places)} on ${pick(['Monday', 'Tuesday', 'March 3', 'June 25, 2019'])} ${pick(tails)}.`;
    if (kind < 0.7) return `Officials at ${pick(orgs)} ${pick(verbs)} ${pick(tails)}, according to ${pick(people).split(' ')[1]}.`;
    return `The plan, worth ${pick(['$4 million', '12 billion euros', '£350,000'])}, would raise output by ${pick(['4 percent', '12%', '0.5 percent'])} in ${pick(places)}.`;
  };
  const paras: string[] = [];
  let count = 0;
  while (count < words) {
    const p: string[] = [];
    for (let i = 0; i < 4; i++) p.push(sentence());
    const text = p.join(' ');
    count += text.split(/\s+/).length;
    paras.push(`<p>${text}</p>`);
  }
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Generated long read - Bench Times</title></head>
<body><header><nav><a href="/">Home</a> <a href="/world">World</a></nav></header>
<main><article><h1>Generated long read</h1><div class="article-body">${paras.join('\n')}</div></article>
<aside class="related"><h2>Related</h2><ul><li><a href="/a">Other story one</a></li><li><a href="/b">Other story two</a></li></ul></aside></main>
<footer>© Bench Times</footer></body></html>`;
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nl-hl-'));
const html = generateArticle(WORDS);
fs.writeFileSync(path.join(dir, 'long.html'), html);
const server = await serveFiles([dir]);
const browser = await launch();
const results: { ms: number; mentions: number }[] = [];
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
  results.push({ ms: state.entities.ms ?? NaN, mentions });
  console.log(`run ${r + 1}: ${JSON.stringify(state.entities.timings)}`);
  await page.close();
}
await browser.close();
await server.close();
fs.rmSync(dir, { recursive: true, force: true });

const later = results.slice(1).map((r) => r.ms);
const q = later.length ? quantiles(later) : { median: NaN, p95: NaN };
console.log(`\n## Entity highlights in Chromium: ${WORDS}-word generated article, ${results[0].mentions} mentions painted\n`);
console.log('| run | ms (index + tag in background + paint) | target |');
console.log('| --- | --- | --- |');
console.log(`| first (model loaded in this run) | ${results[0].ms.toFixed(1)} | |`);
console.log(`| later runs, median of ${later.length} | ${q.median.toFixed(1)} | < 50 |`);
console.log(`| later runs, max | ${Math.max(...later).toFixed(1)} | |`);
