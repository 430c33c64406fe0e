import { describe, expect, test } from 'vitest';
import { analyze } from '../../../src/core/clutter/analyze.js';
import { parse, repoFile } from '../../helpers.js';

const demo = () => parse(repoFile('examples/portal-article.html'));

describe('analyze on the demo portal page', () => {
  test('finds the article root holding every paragraph of the story', () => {
    const doc = demo();
    const { root } = analyze(doc);
    expect(root).not.toBeNull();
    const paragraphs = Array.from(doc.querySelectorAll('#article-text p'));
    expect(paragraphs.length).toBe(9);
    for (const p of paragraphs) expect(root!.contains(p)).toBe(true);
  });

  test('names each clutter block with the detector that explains it', () => {
    const doc = demo();
    const { findings } = analyze(doc);
    // The finding may name a wrapper of the block (a <tr> around a lone <td>): look for the one covering it.
    const covering = (el: Element) => findings.find((f) => f.element === el || f.element.contains(el))?.detector;
    const by = (sel: string) => covering(doc.querySelector(sel)!);
    expect(by('#toolbar')).toBe('tool-row-text');
    expect(by('#comments')).toBe('comments-prompt');
    const boxes = Array.from(doc.querySelectorAll('#right-column .box'));
    expect(boxes.map((b) => covering(b))).toEqual(['related-rail', 'related-rail', 'photo-rail', 'comments-prompt']);
    expect(by('#footer')).toBe('footer-landmark');
  });

  test('never hides the headline or any article paragraph', () => {
    const doc = demo();
    const { findings } = analyze(doc);
    const keep = [doc.querySelector('h1')!, ...Array.from(doc.querySelectorAll('#article-text p'))];
    for (const f of findings) for (const k of keep) expect(f.element.contains(k)).toBe(false);
  });

  test('is read-only: the document serialises the same before and after', () => {
    const doc = demo();
    const before = doc.documentElement.outerHTML;
    analyze(doc);
    expect(doc.documentElement.outerHTML).toBe(before);
  });

  test('a switched-off category is not reported', () => {
    const doc = demo();
    const { findings } = analyze(doc, { disabledCategories: new Set(['social']) });
    expect(findings.some((f) => f.category === 'social')).toBe(false);
    expect(findings.some((f) => f.category === 'related')).toBe(true);
  });
});

describe('analyze on pages without an article', () => {
  test.each([
    ['empty body', '<html><body></body></html>'],
    ['only links', `<body><ul>${'<li><a href="/x">A headline that is long enough</a></li>'.repeat(40)}</ul></body>`],
    ['no body text', '<html><head><title>x</title></head></html>'],
  ])('%s: no root, no off-article hiding', (_name, html) => {
    const { root, findings } = analyze(parse(html));
    expect(root).toBeNull();
    expect(findings.filter((f) => f.detector === 'off-article')).toEqual([]);
  });
});

describe('captions of the article\'s own pictures', () => {
  const page = `<html><body><article><h1>Harbour reopens</h1>
    <figure><img src="a.jpg"><figcaption id="cap">The harbour at dawn on Monday, after the storm. Photo: A. Lund</figcaption></figure>
    ${'<p>The harbour reopened on Monday after a week of repairs, officials said, and the first ferries left on time, with passengers, cars and freight.</p>'.repeat(5)}
  </article></body></html>`;

  test('are kept by default', () => {
    const doc = parse(page);
    const { findings } = analyze(doc);
    expect(findings.some((f) => f.element.contains(doc.getElementById('cap')))).toBe(false);
  });

  test('are hidden, as gallery, when the user switches keepArticleCaptions off', () => {
    const doc = parse(page);
    const { findings } = analyze(doc, { keepArticleCaptions: false });
    const f = findings.find((x) => x.element === doc.getElementById('cap'));
    expect(f?.detector).toBe('article-captions');
    expect(f?.category).toBe('gallery');
  });
});
