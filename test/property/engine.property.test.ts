/**
 * Property-based tests (fast-check) on random DOM trees built from news-page parts: the engine never throws,
 * never hides <body>, the article root or the headline, a second run marks nothing new (idempotent), and
 * unmarking restores the serialised page exactly.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { analyze } from '../../src/core/clutter/analyze.js';
import { ensureStylesheet, markFindings, unmarkAll } from '../../src/content/hide.js';
import { readArticle } from '../../src/core/article/read.js';

const TAGS = ['div', 'section', 'article', 'aside', 'nav', 'footer', 'header', 'main', 'p', 'span', 'ul', 'li', 'a', 'h1', 'h2', 'h3', 'figure', 'figcaption', 'table', 'td', 'form', 'button', 'em', 'b'];
const CLASSES = ['', 'share', 'share-tools', 'related', 'comments', 'ad', 'ad-slot', 'nav', 'menu', 'footer', 'content', 'article-body', 'entry-content', 'sidebar', 'newsletter', 'cookie-banner', 'caption', 'byline', 'post', 'card', 'widget', 'promo'];
const WORDS = ['Share', 'Email', 'Print', '|', 'Related', 'Comments', 'Advertisement', 'Subscribe', 'Forum', 'Most read', 'Do you have anything to say?'];
const SENTENCE = fc.constantFrom(
  'The council agreed on Tuesday, after a long debate, that the harbour would be rebuilt by 2028.',
  'Residents said the plan, which costs 40 million euros, would bring jobs, ferries and new shops to the town.',
  'Ministers from Norway and Chile met in Oslo to discuss fishing quotas, research and trade.',
  'Short line.',
);

type Node = { tag: string; cls: string; text: string; kids: Node[] };

const nodeArb: fc.Arbitrary<Node> = fc.letrec((tie) => ({
  node: fc.record({
    tag: fc.constantFrom(...TAGS),
    cls: fc.constantFrom(...CLASSES),
    text: fc.oneof(fc.constant(''), fc.constantFrom(...WORDS), SENTENCE),
    kids: fc.oneof({ depthSize: 'small', withCrossShrink: true }, fc.constant([]), fc.array(tie('node') as fc.Arbitrary<Node>, { maxLength: 5 })),
  }),
})).node as fc.Arbitrary<Node>;

function render(n: Node): string {
  const attrs = (n.cls ? ` class="${n.cls}"` : '') + (n.tag === 'a' ? ' href="/x"' : '');
  return `<${n.tag}${attrs}>${n.text}${n.kids.map(render).join('')}</${n.tag}>`;
}

function load(nodes: Node[]): Document {
  document.open();
  document.write(`<!doctype html><html><head><title>Random page</title></head><body>${nodes.map(render).join('')}</body></html>`);
  document.close();
  return document;
}

const pageArb = fc.array(nodeArb, { minLength: 1, maxLength: 6 });

describe('declutter engine on random pages', () => {
  test('never throws, never hides body, the article root or the headline', () => {
    fc.assert(
      fc.property(pageArb, (nodes) => {
        const doc = load(nodes);
        const a = analyze(doc);
        for (const f of a.findings) {
          expect(f.element).not.toBe(doc.body);
          if (a.root) expect(f.element === a.root || f.element.contains(a.root)).toBe(false);
          if (a.title) expect(f.element.contains(a.title)).toBe(false);
        }
        expect(() => readArticle(doc, 'https://news.example/x')).not.toThrow();
      }),
      { numRuns: 150 },
    );
  });

  test('a second run over the marked page marks nothing new', () => {
    fc.assert(
      fc.property(pageArb, (nodes) => {
        const doc = load(nodes);
        markFindings(analyze(doc).findings);
        const again = markFindings(analyze(doc).findings);
        expect(again.map((f) => f.element.outerHTML.slice(0, 80))).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  test('unmarking restores the serialised page exactly', () => {
    fc.assert(
      fc.property(pageArb, (nodes) => {
        const doc = load(nodes);
        const before = doc.documentElement.outerHTML;
        markFindings(analyze(doc).findings);
        ensureStylesheet(doc, new Set());
        unmarkAll(doc);
        expect(doc.documentElement.outerHTML).toBe(before);
      }),
      { numRuns: 150 },
    );
  });
});
