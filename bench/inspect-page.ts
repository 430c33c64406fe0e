/**
 * npx tsx bench/inspect-page.ts ID [--data DIR]: why NewsLens scored what it did on one benchmark page.
 * Prints the article root's path, the findings, and the output's paragraphs marked + (in truth) or - (not in truth),
 * then truth sentences we missed.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openDocument } from '../src/cli/dom.js';
import { readArticle } from '../src/core/article/read.js';
import { scorePage, tokenize } from './lib/aeb-metric.js';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { data: { type: 'string', default: '../shared/data/aeb-dev/pages' } } });
const dir = path.resolve(values.data!);
const id = fs.readdirSync(dir).find((f) => f.startsWith(positionals[0]) && f.endsWith('.html'))!.slice(0, -5);
const truth = JSON.parse(fs.readFileSync(path.join(dir, id + '.json'), 'utf8')) as { url: string; articleBody: string };
const page = openDocument(fs.readFileSync(path.join(dir, id + '.html'), 'utf8'));
const a = readArticle(page.document, truth.url);

function cssPath(el: Element | null): string {
  const parts: string[] = [];
  for (let e = el; e && e.tagName !== 'HTML'; e = e.parentElement) {
    const cls = (e.getAttribute('class') ?? '').trim().split(/\s+/).filter(Boolean).slice(0, 2).join('.');
    parts.unshift(e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (cls ? '.' + cls : ''));
  }
  return parts.join(' > ');
}

console.log(truth.url);
console.log('root:', cssPath(a.analysis.root));
console.log('title:', cssPath(a.analysis.title));
for (const f of a.analysis.findings) console.log(`  hidden ${f.detector} (${f.category}) ${cssPath(f.element).slice(-80)} :: ${(f.element.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 70)} [${f.reason}]`);
for (const v of a.analysis.vetoes) console.log(`  VETO ${v.detector} ${cssPath(v.element).slice(-60)}: ${v.reason}`);
const s = scorePage(truth.articleBody, a.text);
console.log(`P ${s.precision?.toFixed(3)} R ${s.recall?.toFixed(3)}`);
const truthTokens = ' ' + tokenize(truth.articleBody).join(' ') + ' ';
console.log('--- output paragraphs (+ in truth, - not) ---');
for (const p of a.text.split(/\n+/)) {
  const t = tokenize(p).join(' ');
  if (!t) continue;
  console.log(`${truthTokens.includes(' ' + t + ' ') ? '+' : '-'} ${p.slice(0, 160)}`);
}
const outTokens = ' ' + tokenize(a.text).join(' ') + ' ';
console.log('--- truth paragraphs missing from output ---');
for (const p of truth.articleBody.split(/\n+/)) {
  const t = tokenize(p).join(' ');
  if (t && !outTokens.includes(' ' + t + ' ')) console.log(`! ${p.slice(0, 160)}`);
}
await page.close();
