import { describe, expect, test } from 'vitest';
import { readMeta, withoutBy, cleanTitle } from '../../../src/core/article/metadata.js';
import { parse } from '../../helpers.js';
import { metaBlocksIn } from '../../../src/core/article/furniture.js';

describe('readMeta', () => {
  test('prefers JSON-LD, then meta tags, and resolves the canonical URL', () => {
    const doc = parse(`<html lang="de"><head><title>Ignored - Site</title>
      <script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"LD headline","datePublished":"2024-05-01T10:00:00Z","author":[{"@type":"Person","name":"Ana Ruiz"},{"name":"Bo Li"}],"publisher":{"name":"LD Times"}}</script>
      <link rel="canonical" href="/story/1"></head><body></body></html>`);
    const m = readMeta(doc, 'https://news.example/a?utm=1', null);
    expect(m).toEqual({ title: 'LD headline', byline: 'Ana Ruiz, Bo Li', published: '2024-05-01T10:00:00Z', siteName: 'LD Times', lang: 'de', canonicalUrl: 'https://news.example/story/1' });
  });

  test('a byline keeps its names and loses its "By", whatever its source; "Von" and "Di" start surnames and stay', () => {
    const visible = parse('<body><h1>T</h1><p class="byline">By Ana Swanson</p></body>');
    expect(readMeta(visible, '', visible.querySelector('h1')).byline).toBe('Ana Swanson');
    const tagged = parse('<head><meta name="author" content="BY: JOHN DOE"></head><body></body>');
    expect(readMeta(tagged, '', null).byline).toBe('JOHN DOE');
    expect(withoutBy('par Marie Dupont')).toBe('Marie Dupont');
    for (const name of ['Von Miller', 'Di Maio', 'Byron Shaw', 'By', 'AF Smith', 'Por Vida']) expect(withoutBy(name)).toBe(name);
  });

  test('survives broken JSON-LD and falls back to meta tags and the host name', () => {
    const doc = parse(`<head><script type="application/ld+json">{broken</script><meta name="author" content="Kim Park"><meta property="article:published_time" content="2020-01-02"></head><body></body>`);
    const m = readMeta(doc, 'https://www.paper.example/x', null);
    expect(m.byline).toBe('Kim Park');
    expect(m.published).toBe('2020-01-02');
    expect(m.siteName).toBe('paper.example');
  });

  test('a byline written only as text under the headline gives its name part; a sentence starting "By" further down does not', () => {
    const doc = parse(`<body><article><header><h1>Harbour ferry returns</h1><p class="kicker">Transport</p>
      <div class="info">By <a href="/author/nadia/">Nadia Okafor</a> · March 2, 2026 · 3 min read</div></header>
      <p>By Tuesday the board had voted.</p></article></body>`);
    expect(readMeta(doc, '', doc.querySelector('h1')).byline).toBe('Nadia Okafor');
    const fr = parse(`<body><h1>Le tramway</h1><p>Par Claire Benhamou (Marseille, correspondante) · Publié le 14 octobre 2026</p></body>`);
    expect(readMeta(fr, '', fr.querySelector('h1')).byline).toBe('Claire Benhamou (Marseille, correspondante)');
    for (const line of ['by the river, water rose.', 'By Tuesday, 40 people had left.', 'By Tuesday the board had voted.', 'Di Maio ha detto no.', 'Von Montag an gilt die Regel.']) {
      const none = parse(`<body><h1>Floods</h1><p>${line}</p></body>`);
      expect(readMeta(none, '', none.querySelector('h1')).byline, line).toBe('');
    }
  });

  test('cleanTitle drops the site name tail', () => {
    expect(cleanTitle('Floods close three bridges in the city - Daily Paper', 'Daily Paper')).toBe('Floods close three bridges in the city');
    expect(cleanTitle('Short', 'X')).toBe('Short');
  });
});

describe('metaBlocksIn', () => {
  test('a byline line is furniture; a short sentence that starts with "By" or "Von" stays article text', () => {
    const doc = parse(`<body><article><p id="b">By Dana Whitfield · May 2, 2026</p><p id="c">By Tuesday, 40 people had left the valley.</p>
      <p id="d">Von Montag an gilt die neue Regel.</p><p id="e">By The Associated Press</p></article></body>`);
    const ids = metaBlocksIn(doc.querySelector('article')!).map((e) => e.id);
    expect(ids).toEqual(['b', 'e']);
  });
});
