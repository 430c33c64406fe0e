import { describe, expect, test } from 'vitest';
import { buildTextIndex } from '../../../src/core/entities/text-index.js';
import { loadPage, parse } from '../../helpers.js';

const body = (html: string) => parse(`<body>${html}</body>`).body;

describe('buildTextIndex', () => {
  test('joins text nodes, separates blocks with a newline, skips scripts and skipped subtrees', () => {
    const b = body('<p>Katsuya <b>Okada</b> met</p><p>Sergey Lavrov.</p><script>var x = "Moscow";</script><div class="hide"><p>Hidden Name</p></div><p>In Tokyo.</p>');
    const idx = buildTextIndex(b, (el) => el.classList.contains('hide'));
    expect(idx.text).toBe('Katsuya Okada met\nSergey Lavrov.\nIn Tokyo.');
  });

  test.each([
    ['Katsuya Okada'],
    ['Okada'],
    ['Sergey Lavrov'],
    ['Tokyo'],
    ['met'],
  ])('range(%s).toString() is the indexed text', (needle) => {
    const doc = loadPage('<body><p>Katsuya <b>Okada</b> met</p><p>Sergey Lavrov.</p><p>In Tokyo.</p></body>'); // happy-dom ranges need the window's document
    const idx = buildTextIndex(doc.body);
    const start = idx.text.indexOf(needle);
    const r = idx.range(doc, start, start + needle.length)!;
    expect(r.toString()).toBe(needle);
  });

  test('offsets on the inserted block separator do not resolve to a node', () => {
    const b = body('<p>One</p><p>Two</p>');
    const idx = buildTextIndex(b);
    expect(idx.text).toBe('One\nTwo');
    expect(idx.locate(3, 'end')).toMatchObject({ offset: 3 });
    expect(idx.locate(4, 'start')).toMatchObject({ offset: 0 });
  });
});

describe('locate', () => {
  // Spans are located in text order while painting (a remembered node is tried first): any order gives the same points.
  test('gives the same point for any offset whatever was asked before (in order, backwards, at random)', () => {
    const paras = Array.from({ length: 40 }, (_, i) => `<p>Para ${i} <b>bold ${i}</b> and <i>it</i>${i % 3 ? '' : '<span></span>'} end.</p>`).join('');
    const idx = buildTextIndex(body(paras));
    // The expected point, found without locate: the last node starting at or before the offset.
    const expected = (offset: number, bias: 'start' | 'end') => {
      let i = -1;
      for (let k = 0; k < idx.starts.length; k++) if (idx.starts[k] <= offset) i = k;
      if (bias === 'end' && i > 0 && idx.starts[i] === offset) i--;
      if (i < 0) return null;
      const within = offset - idx.starts[i];
      return within > idx.nodes[i].data.length ? null : { node: idx.nodes[i], offset: within };
    };
    const offsets = Array.from({ length: idx.text.length + 1 }, (_, i) => i);
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const shuffled = [...offsets].sort(() => random() - 0.5);
    for (const order of [offsets, [...offsets].reverse(), shuffled])
      for (const o of order)
        for (const bias of ['start', 'end'] as const) {
          const got = idx.locate(o, bias), want = expected(o, bias);
          expect(got && { node: got.node, offset: got.offset }, `offset ${o} ${bias}`).toEqual(want);
        }
  });
});
