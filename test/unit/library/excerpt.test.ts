/** Card excerpts end at a word, with an ellipsis when the text goes on. */
import { expect, test } from 'vitest';
import { excerptOf, EXCERPT_CHARS } from '../../../src/shared/library-db.js';

test('a long text is cut at a word boundary and ends with an ellipsis', () => {
  const text = 'Norwegian Fisheries Minister Ingrid Solberg told her Chilean counterpart that the government in Oslo would keep working to expand research and trade in the South Pacific, and would seek a joint position on deep-sea trawling, ministry officials said.';
  const e = excerptOf(text);
  expect(e.endsWith('…')).toBe(true);
  expect(e.length).toBeLessThanOrEqual(EXCERPT_CHARS + 1);
  const words = new Set(text.split(/\s+/).map((w) => w.replace(/[,.]$/, '')));
  for (const w of e.slice(0, -1).split(' ')) expect(words, w).toContain(w.replace(/[,.]$/, ''));
  expect(e).toBe('Norwegian Fisheries Minister Ingrid Solberg told her Chilean counterpart that the government in Oslo would keep working to expand research and trade in the South Pacific, and would seek a joint position on deep-sea…');
});

test('a short text is kept whole, whitespace folded, without an ellipsis', () => {
  expect(excerptOf('  Short\n\n story.  ')).toBe('Short story.');
});

test('one very long word is cut rather than dropped', () => {
  const e = excerptOf(`See ${'x'.repeat(400)}`, 50);
  expect(e).toBe(`See ${'x'.repeat(46)}…`);
});
