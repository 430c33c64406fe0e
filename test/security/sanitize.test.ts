// @vitest-environment node
/**
 * Everything NewsLens saves or exports is sanitised: each hostile vector, inside a real article, goes through
 * the same path as `newslens read --format html|markdown`, and nothing dangerous survives.
 */
import { describe, expect, test } from 'vitest';
import { openDocument } from '../../src/cli/dom.js';
import { readArticle } from '../../src/core/article/read.js';
import { sanitizedArticle } from '../../src/cli/read-command.js';
import { DANGEROUS, VECTORS } from './vectors.js';

const PROSE = 'The council met on Tuesday to discuss the budget for the coming year, and members agreed that schools, roads and the harbour would receive more money than last year.';

/** An article page with the vector after four paragraphs of prose (a vector may swallow what follows it). */
export function articleWith(vector: string): string {
  return `<!doctype html><html><head><title>Council budget - Test Daily</title></head><body><article><h1>Council budget</h1>
<p>${PROSE}</p><p>${PROSE}</p><p>${PROSE}</p><p>${PROSE}</p><div class="body-extra">${vector}</div><p>${PROSE}</p></article></body></html>`;
}

async function render(html: string): Promise<{ html: string; markdown: string }> {
  const page = openDocument(html);
  const a = readArticle(page.document, 'https://news.example/a');
  const safe = await sanitizedArticle(a);
  return { html: safe.html, markdown: safe.markdown() };
}

describe.each(VECTORS)('hostile vector: $name', ({ html }) => {
  test('sanitised HTML and Markdown carry nothing dangerous, and the article survives', async () => {
    const out = await render(articleWith(html));
    for (const [what, re] of DANGEROUS) {
      expect(re.test(out.html), `${what} in HTML: ${out.html.slice(0, 300)}`).toBe(false);
      expect(re.test(out.markdown), `${what} in Markdown`).toBe(false);
    }
    expect(out.html).toContain('The council met on Tuesday');
    expect(out.html).not.toContain('__nlCanary=1"');
  });
});

test('the DANGEROUS patterns catch every raw vector (so the test above can fail)', () => {
  const missed = VECTORS.filter((v) => !DANGEROUS.some(([, re]) => re.test(v.html)) && !/__nlCanary/.test(v.html));
  expect(missed.map((v) => v.name)).toEqual([]);
  const undetected = VECTORS.filter((v) => !DANGEROUS.some(([, re]) => re.test(v.html)));
  // Vectors whose danger only shows after parsing (entities, breakouts) are caught by the canary check instead.
  expect(undetected.length).toBeLessThan(VECTORS.length / 3);
});
