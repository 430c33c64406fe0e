import { describe, expect, test } from 'vitest';
import { analyze } from '../../../src/core/clutter/analyze.js';
import { findArticleRoot, findTitle } from '../../../src/core/clutter/article-root.js';
import { PageStats } from '../../../src/core/clutter/page-stats.js';
import { readArticle } from '../../../src/core/article/read.js';
import { parse } from '../../helpers.js';

const PARA = '<p>The council met on Tuesday in Oslo, and the minister said the budget, which had been delayed for months, would finally pass this week, officials said.</p>';
const paras = (n: number) => PARA.repeat(n);

describe('the article root', () => {
  test('paragraphs directly in <body> are the article (a plain page without wrappers)', () => {
    const doc = parse(`<html><head><title>Budget passes</title></head><body><h1>Budget passes</h1>${paras(6)}</body></html>`);
    expect(findArticleRoot(new PageStats(doc.body))).toBe(doc.body);
    const a = readArticle(doc, '');
    expect(a.text).toContain('The council met on Tuesday');
    expect(a.analysis.findings).toEqual([]);
  });

  test('a wrapper inside <body> still wins over the body', () => {
    const doc = parse(`<html><body><nav><a href="/">Home</a></nav><div id="story">${paras(6)}</div></body></html>`);
    expect(findArticleRoot(new PageStats(doc.body))?.id).toBe('story');
  });

  test('too little prose in <body> is still no article', () => {
    const doc = parse('<html><body><p>Hello</p></body></html>');
    expect(findArticleRoot(new PageStats(doc.body))).toBeNull();
  });
});

describe('the headline', () => {
  const page = (head: string, body: string) => parse(`<html><head>${head}</head><body>${body}</body></html>`);

  test('not the site name, although the title holds it too', () => {
    const doc = page(
      '<title>September 2018 open thread - The GiveWell Blog</title>',
      `<header><h1><a href="/">The GiveWell Blog</a></h1></header><main><h1 id="h">September 2018 open thread</h1><div class="entry">${paras(5)}</div></main>`,
    );
    const root = findArticleRoot(new PageStats(doc.body));
    expect(findTitle(doc, root, doc.title)?.id).toBe('h');
    // The real headline is kept on the page, not hidden as off-article furniture.
    const hidden = analyze(doc).findings.map((f) => f.element);
    expect(hidden.some((el) => el.contains(doc.getElementById('h')))).toBe(false);
  });

  test('not a one-word heading that the title happens to end with', () => {
    const doc = page(
      '<title>Atkins diet (14 days): lose up to 10 kg. Reviews</title>',
      `<div><h1 id="h">Atkins diet: lose up to 10 kilograms in 14 days</h1><div class="text">${paras(5)}</div><h1>Reviews</h1><p>Short.</p></div>`,
    );
    expect(findTitle(doc, findArticleRoot(new PageStats(doc.body)), doc.title)?.id).toBe('h');
  });

  test('og:title helps where <title> is only the site name; an h1 beats an h2 copy of the same words', () => {
    const doc = page(
      '<title>Daily Gazette</title><meta property="og:title" content="Power shutoff begins over fire danger">',
      `<article><header><h1 id="h">Power shutoff begins over fire danger</h1></header><div class="gallery"><h2>Power shutoff begins over fire danger</h2></div><section class="article-body">${paras(5)}</section></article>`,
    );
    expect(findTitle(doc, findArticleRoot(new PageStats(doc.body)), doc.title)?.id).toBe('h');
  });

  test('a title written without spaces still finds its headline inside it (CJK)', () => {
    const doc = page('<title>独家北京举行会议_新浪</title>', `<h1>新浪新闻中心</h1><div class="story"><h1 id="h">北京举行会议</h1>${paras(5)}</div>`);
    expect(findTitle(doc, findArticleRoot(new PageStats(doc.body)), doc.title)?.id).toBe('h');
  });

  test('where no heading matches the title, the first h1 rather than a section heading near the article', () => {
    const doc = page('<title>Something else entirely</title>', `<h1 id="h">Enter Media</h1><nav><h2>News by field</h2></nav><div class="story">${paras(5)}</div>`);
    expect(findTitle(doc, findArticleRoot(new PageStats(doc.body)), doc.title)?.id).toBe('h');
  });
});
