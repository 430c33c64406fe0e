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

describe('onRoot', () => {
  test('is called once, with the root the analysis returns', () => {
    const doc = demo();
    const seen: (Element | null)[] = [];
    const result = analyze(doc, { onRoot: (root) => seen.push(root) });
    expect(result.root).not.toBeNull();
    expect(seen).toEqual([result.root]);
  });

  test('is called with null on a document without a body', () => {
    const doc = parse('<html><body><p>x</p></body></html>');
    doc.body.remove();
    expect(doc.body).toBeNull();
    const seen: (Element | null)[] = [];
    analyze(doc, { onRoot: (r) => seen.push(r) });
    expect(seen).toEqual([null]);
  });

  test('is called with null on a page without an article', () => {
    const seen: (Element | null)[] = [];
    analyze(parse(`<body><ul>${'<li><a href="/x">A headline that is long enough</a></li>'.repeat(40)}</ul></body>`), { onRoot: (r) => seen.push(r) });
    expect(seen).toEqual([null]);
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

describe('an article split over sibling sections', () => {
  // Modelled on a magazine layout: the story in two "chunks" with a full-width ad row between them and an ad slot
  // inside the first chunk. The root is the bigger chunk; the first one must stay visible, ad slot aside.
  const para = (n: number, word: string) =>
    Array.from({ length: n }, (_, i) => `<p id="${word}${i}">The ${word} section goes on with paragraph ${i + 1}, in which the reporter explains, with figures, names and dates, what the company told its users and why it matters to them.</p>`).join('');
  const page = `<html><head><title>How analytics changed the app</title></head><body>
    <nav><a href="/">Home</a> <a href="/business">Business</a> <a href="/culture">Culture</a> <a href="/gear">Gear</a></nav>
    <article><header><h1>How analytics changed the app</h1></header>
      <div class="chunks">
        <div class="grid grid-margins"><div class="grid--item body">${para(4, 'first')}<div class="ad ad--in-content"></div></div></div>
        <div class="row full-bleed-ad">Advertisement</div>
        <div class="grid grid-margins"><div class="grid--item body">${para(9, 'second')}</div></div>
      </div>
    </article>
    <footer>© 2019 The Magazine. All rights reserved.</footer></body></html>`;

  test('keeps every paragraph of the smaller section and still hides its ad slot', () => {
    const doc = parse(page);
    const { findings, vetoes } = analyze(doc);
    const hidden = (el: Element) => findings.some((f) => f.element === el || f.element.contains(el));
    for (const p of Array.from(doc.querySelectorAll('p'))) expect(hidden(p), p.id).toBe(false);
    expect(hidden(doc.querySelector('.ad--in-content')!)).toBe(true);
    expect(vetoes.some((v) => v.detector === 'off-article' && v.reason.includes('maybe article'))).toBe(true);
  });
});

describe('consent dialogs and what only looks like one', () => {
  const article = `<article><h1>Harbour reopens</h1>${'<p>The harbour at Bergen reopened on Monday after repairs to the quay took longer than planned, officials said.</p>'.repeat(8)}</article>`;
  const covering = (doc: Document, findings: ReturnType<typeof analyze>['findings'], sel: string) =>
    findings.find((f) => f.element === doc.querySelector(sel) || f.element.contains(doc.querySelector(sel)!))?.detector;

  test('a dialog with consent wording and an answer button is a consent dialog, however it is named', () => {
    const doc = parse(`<html><body>${article}<div id="dlg"><p>We use cookies to improve your experience. Read our cookie policy.</p><button>Reject all</button><button>Accept all</button></div></body></html>`);
    expect(covering(doc, analyze(doc).findings, '#dlg')).toBe('consent-text');
  });

  test('a footer linking to a cookie policy beside a search button is not taken for one', () => {
    const doc = parse(`<html><body>${article}<div id="foot"><form><input name="q"><button>Search</button></form><a href="/cookies">Cookie policy</a> <a href="/terms">Terms</a></div></body></html>`);
    expect(covering(doc, analyze(doc).findings, '#foot')).not.toBe('consent-text');
  });
});
