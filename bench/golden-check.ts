// What the golden harness would say about each page (FAIL lines only), without writing anything.
import fs from 'node:fs';
import { openDocument } from '../src/cli/dom.js';
import { readArticle, textPreview } from '../src/core/article/read.js';
import { covering } from '../test/golden/covering.js';
for (const slug of fs.readdirSync('test/pages').sort()) {
  const html = fs.readFileSync(`test/pages/${slug}/source.html`, 'utf8');
  const { document: doc } = openDocument(html);
  const a = readArticle(doc, 'https://x.example/');
  const cover = (el: Element) => covering(a.analysis.findings, el);
  const fails: string[] = [];
  for (const el of Array.from(doc.querySelectorAll('[data-expect]'))) {
    const want = el.getAttribute('data-expect')!;
    const f = cover(el);
    const ok = want === 'keep' ? !f : !!f && want.split(':')[1] === f.category;
    if (!ok) fails.push(`  ${want} -> ${f ? `${f.category}/${f.detector} (${f.reason.slice(0, 60)})` : 'visible'} | ${textPreview(el, 70)}`);
  }
  console.log(`${fails.length ? 'FAIL' : 'ok  '} ${slug}${fails.length ? '\n' + fails.join('\n') : ''}`);
}
