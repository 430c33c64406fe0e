/**
 * npm run bench:declutter [-- --data DIR] [--limit N] [--reps N] [--per-page FILE]
 *
 * One run, one table: AEB F1 / precision / recall / accuracy for NewsLens, Mozilla Readability and Defuddle run live
 * on the same parsed documents, beside the published baselines; then analysis time per page (parse excluded) with
 * ratios. Our scorer is cross-checked against ../shared/tools/aeb-score.mjs in the same run.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { Readability } from '@mozilla/readability';
import Defuddle from 'defuddle';
import { openDocument } from '../src/cli/dom.js';
import { readArticle } from '../src/core/article/read.js';
import { visibleText } from '../src/core/article/visible-text.js';
import { loadPages, quantiles } from './lib/pages.js';
import { scoreCorpus, scorePage, type CorpusScore } from './lib/aeb-metric.js';

const { values } = parseArgs({
  options: {
    data: { type: 'string', default: '../shared/data/aeb-dev' },
    limit: { type: 'string' },
    reps: { type: 'string', default: '3' },
    'per-page': { type: 'string' },
    only: { type: 'string' },
  },
});
const dataDir = path.resolve(values.data!);
const pagesDir = fs.existsSync(path.join(dataDir, 'pages')) ? path.join(dataDir, 'pages') : dataDir;
const reps = Math.max(1, Number(values.reps));
const pages = loadPages(pagesDir, values.limit ? Number(values.limit) : Infinity);
if (!pages.length) throw new Error(`no pages in ${pagesDir}`);

/** Text of an HTML fragment, by the same block-aware walk for every tool (no tool loses paragraph breaks). */
function htmlText(html: string): string {
  const page = openDocument(`<!doctype html><body>${html}</body>`);
  const text = visibleText(page.document.body);
  void page.close();
  return text;
}

interface Tool {
  name: string;
  /** Analyse the document; returns the raw output (timed) and a function turning it into text (not timed). */
  run(doc: Document, url: string): () => string;
  /** Needs its own copy of the document (mutates it): the copy is made before the clock starts. */
  mutates: boolean;
}

const ALL_TOOLS: Tool[] = [
  {
    // Analysis + body text. The clean HTML copy is built on demand (contentElement()), not here.
    name: 'NewsLens',
    mutates: false,
    run: (doc, url) => {
      const a = readArticle(doc, url);
      return () => a.text;
    },
  },
  {
    name: 'Readability',
    mutates: true,
    run: (doc) => {
      const r = new Readability(doc).parse();
      return () => (r?.content ? htmlText(r.content) : '');
    },
  },
  {
    name: 'Defuddle',
    mutates: true,
    run: (doc, url) => {
      const r = new Defuddle(doc, { url }).parse();
      return () => (r?.content ? htmlText(r.content) : '');
    },
  },
];
const TOOLS = ALL_TOOLS.filter((t) => !values.only || values.only.split(',').includes(t.name));

// Silence the libraries' own console chatter (Defuddle logs per page) while measuring.
const quiet = <T>(f: () => T): T => {
  const { log, warn, error, info, debug } = console;
  console.log = console.warn = console.error = console.info = console.debug = () => {};
  try {
    return f();
  } finally {
    Object.assign(console, { log, warn, error, info, debug });
  }
};

const texts: Record<string, Record<string, string>> = Object.fromEntries(TOOLS.map((t) => [t.name, {}]));
const times: Record<string, number[]> = Object.fromEntries(TOOLS.map((t) => [t.name, []]));
const failures: Record<string, number> = Object.fromEntries(TOOLS.map((t) => [t.name, 0]));

process.stderr.write(`bench:declutter: ${pages.length} pages from ${pagesDir}, ${reps} timed run(s) per tool and page\n`);
const started = Date.now();
for (const [i, page] of pages.entries()) {
  const parsed = openDocument(page.html);
  const doc = parsed.document;
  for (const tool of TOOLS) {
    const runs: number[] = [];
    for (let r = 0; r < reps; r++) {
      const input = tool.mutates ? (doc.cloneNode(true) as Document) : doc;
      try {
        const t0 = performance.now();
        const toText = quiet(() => tool.run(input, page.url));
        runs.push(performance.now() - t0);
        if (r === 0) texts[tool.name][page.id] = toText();
      } catch {
        if (r === 0) {
          failures[tool.name]++;
          texts[tool.name][page.id] = '';
        }
      }
    }
    if (runs.length) times[tool.name].push(quantiles(runs).median);
  }
  await parsed.close();
  if (process.stderr.isTTY) process.stderr.write(`\r[${i + 1}/${pages.length}]`);
}
if (process.stderr.isTTY) process.stderr.write('\n');

// Quality: live tools and published baselines through the same scorer.
const rows: { name: string; score: CorpusScore; note: string }[] = [];
for (const tool of TOOLS) {
  const score = scoreCorpus(pages.map((p) => scorePage(p.truth, texts[tool.name][p.id] ?? '')));
  rows.push({ name: tool.name, score, note: `live${failures[tool.name] ? `, ${failures[tool.name]} failed` : ''}` });
}
const baselineDir = path.join(dataDir, 'baselines');
if (fs.existsSync(baselineDir)) {
  for (const f of fs.readdirSync(baselineDir).filter((x) => x.endsWith('.json')).sort()) {
    const j = JSON.parse(fs.readFileSync(path.join(baselineDir, f), 'utf8')) as Record<string, { articleBody?: string }>;
    const score = scoreCorpus(pages.map((p) => scorePage(p.truth, j[p.id]?.articleBody ?? '')));
    rows.push({ name: f.replace(/\.json$/, ''), score, note: 'published output' });
  }
}
rows.sort((a, b) => b.score.f1 - a.score.f1);
const f3 = (x: number) => x.toFixed(3);
console.log(`\n## Article extraction quality (AEB metric, ${pages.length} pages)\n`);
console.log('| tool | F1 | precision | recall | accuracy | source |');
console.log('| --- | --- | --- | --- | --- | --- |');
for (const r of rows) console.log(`| ${r.name === 'NewsLens' ? '**NewsLens**' : r.name} | ${f3(r.score.f1)} | ${f3(r.score.precision)} | ${f3(r.score.recall)} | ${f3(r.score.accuracy)} | ${r.note} |`);

// Speed: per-page analysis time on the same DOMs.
console.log(`\n## Analysis time per page (parse excluded; median of ${reps} run(s) per page)\n`);
console.log('| tool | median ms | p95 ms | median vs NewsLens | p95 vs NewsLens |');
console.log('| --- | --- | --- | --- | --- |');
const ours = times.NewsLens ? quantiles(times.NewsLens) : null;
for (const tool of TOOLS) {
  const q = quantiles(times[tool.name]);
  const ratio = (a: number, b: number) => (ours ? `${(a / b).toFixed(2)}x` : 'n/a');
  console.log(`| ${tool.name} | ${q.median.toFixed(2)} | ${q.p95.toFixed(2)} | ${ours ? ratio(q.median, ours.median) : ''} | ${ours ? ratio(q.p95, ours.p95) : ''} |`);
}

// Cross-check with the reference scorer (same ground truth, same predictions).
const reference = path.resolve(dataDir, '../../tools/aeb-score.mjs');
if (fs.existsSync(reference) && texts.NewsLens) {
  const ref = (await import(pathToFileURL(reference).href)) as { evaluate: (gt: Record<string, string>, pred: Record<string, string>, n: number) => { f1: number; precision: number; recall: number; accuracy: number } };
  const gt = Object.fromEntries(pages.map((p) => [p.id, p.truth]));
  const m = ref.evaluate(gt, texts.NewsLens, 0);
  const mine = rows.find((r) => r.name === 'NewsLens')!.score;
  const agree = [m.f1 - mine.f1, m.precision - mine.precision, m.recall - mine.recall, m.accuracy - mine.accuracy].every((d) => Math.abs(d) < 1e-9);
  console.log(`\nReference scorer (${path.relative(process.cwd(), reference)}) on NewsLens: F1 ${f3(m.f1)} P ${f3(m.precision)} R ${f3(m.recall)} acc ${f3(m.accuracy)} -> ${agree ? 'agrees' : 'DISAGREES'} with ours`);
  if (!agree) process.exitCode = 1;
}

if (values['per-page']) {
  const per = pages.map((p) => ({ id: p.id, url: p.url, ...Object.fromEntries(TOOLS.map((t) => [t.name, scorePage(p.truth, texts[t.name][p.id] ?? '')])) }));
  fs.mkdirSync(path.dirname(path.resolve(values['per-page'])), { recursive: true });
  fs.writeFileSync(values['per-page'], JSON.stringify(per, null, 1));
}
process.stderr.write(`done in ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
