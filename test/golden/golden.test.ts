/**
 * Golden pages (test/pages/<category>--<case>/source.html), written by us and modelled on real page structures.
 * Each page says what a reader must keep and what must go, on the elements themselves:
 *   data-expect="keep"              never hidden (article paragraphs, the headline)
 *   data-expect="hide:<category>"   hidden, by a detector of that category
 * Beside each page, expected-findings.json and expected-article.txt pin the full result. A missing expectation
 * file is written and the test FAILS until it is reviewed and committed; UPDATE_GOLDEN=1 rewrites them (read the
 * diff before committing).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { readArticle, textPreview } from '../../src/core/article/read.js';
import { covering } from './covering.js';
import { parse } from '../helpers.js';

export const PAGES_DIR = path.resolve('test/pages');
const UPDATE = process.env.UPDATE_GOLDEN === '1';

export function goldenPages(): string[] {
  if (!fs.existsSync(PAGES_DIR)) return [];
  return fs.readdirSync(PAGES_DIR).filter((d) => fs.existsSync(path.join(PAGES_DIR, d, 'source.html'))).sort();
}

/** The page's declared URL (first-line JSON comment). */
function pageUrl(html: string): string {
  const m = /^<!--\s*(\{.*?\})\s*-->/s.exec(html);
  try {
    return m ? (JSON.parse(m[1]) as { url?: string }).url ?? '' : '';
  } catch {
    return '';
  }
}

/** A CSS path for failure messages: which element, where. */
function where(el: Element): string {
  const parts: string[] = [];
  for (let e: Element | null = el; e && e.tagName !== 'HTML'; e = e.parentElement) {
    const i = e.parentElement ? Array.from(e.parentElement.children).indexOf(e) + 1 : 1;
    parts.unshift(`${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''}:nth-child(${i})`);
  }
  return parts.join(' > ');
}

/** Compare with (or write) an expectation file. */
function golden(dir: string, name: string, actual: string): void {
  const file = path.join(dir, name);
  if (UPDATE || !fs.existsSync(file)) {
    fs.writeFileSync(file, actual);
    if (!UPDATE) throw new Error(`${path.relative(process.cwd(), file)} was missing and has been written: review it, then commit it`);
    return;
  }
  expect(actual, `${name} differs (UPDATE_GOLDEN=1 rewrites it; read the diff)`).toBe(fs.readFileSync(file, 'utf8'));
}

describe.each(goldenPages())('golden page %s', (slug) => {
  const dir = path.join(PAGES_DIR, slug);
  const html = fs.readFileSync(path.join(dir, 'source.html'), 'utf8');

  test('keeps every data-expect="keep" element and hides every data-expect="hide:*" block by its category', () => {
    const doc = parse(html);
    const { analysis } = readArticle(doc, pageUrl(html));
    const keep = Array.from(doc.querySelectorAll('[data-expect="keep"]'));
    const hide = Array.from(doc.querySelectorAll('[data-expect^="hide"]'));
    expect(keep.length, 'a golden page must mark what to keep').toBeGreaterThan(0);
    const problems: string[] = [];
    for (const el of keep) {
      const f = covering(analysis.findings, el);
      if (f) problems.push(`hidden but should stay: ${where(el)} "${textPreview(el, 50)}" (by ${f.detector}: ${f.reason})`);
    }
    for (const el of hide) {
      const want = el.getAttribute('data-expect')!.split(':')[1];
      const f = covering(analysis.findings, el);
      if (!f) problems.push(`visible but should be hidden as ${want}: ${where(el)} "${textPreview(el, 50)}"`);
      else if (want && f.category !== want) problems.push(`hidden as ${f.category} (${f.detector}) but should be ${want}: ${where(el)} "${textPreview(el, 40)}"`);
    }
    expect(problems).toEqual([]);
  });

  test('matches its expected findings and article text', () => {
    const doc = parse(html);
    const a = readArticle(doc, pageUrl(html));
    const findings = a.hidden.map((h) => ({ detector: h.detector, category: h.category, textPreview: h.textPreview }));
    golden(dir, 'expected-findings.json', JSON.stringify(findings, null, 1) + '\n');
    golden(dir, 'expected-article.txt', `${a.title}\n\n${a.text}\n`);
  });
});
