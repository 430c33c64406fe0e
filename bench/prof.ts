// Ad-hoc profiler for the declutter engine: average ms per page of each phase over the first 60 aeb-dev pages.
import fs from 'node:fs';
import { openDocument } from '../src/cli/dom.js';
import { analyze } from '../src/core/clutter/analyze.js';
import { readArticle } from '../src/core/article/read.js';
import { PageStats } from '../src/core/clutter/page-stats.js';
import { findArticleRoot } from '../src/core/clutter/article-root.js';
const dir = '../shared/data/aeb-dev/pages/';
const files = fs.readdirSync(dir).filter((f) => f.endsWith('.html')).slice(0, 60);
const docs = files.map((f) => openDocument(fs.readFileSync(dir + f, 'utf8')).document);
const time = (name: string, f: (d: Document) => unknown) => {
  let best = Infinity;
  for (let r = 0; r < 3; r++) {
    const t = performance.now();
    for (const d of docs) f(d);
    best = Math.min(best, (performance.now() - t) / docs.length);
  }
  console.log(name.padEnd(10), best.toFixed(1), 'ms/page');
};
time('stats', (d) => new PageStats(d.body));
time('root', (d) => findArticleRoot(new PageStats(d.body)));
time('analyze', (d) => analyze(d));
time('read', (d) => readArticle(d, ''));
if (process.argv.includes('--profile')) for (let r = 0; r < 5; r++) for (const d of docs) readArticle(d, '');
