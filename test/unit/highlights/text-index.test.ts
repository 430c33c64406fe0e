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
