import { expect, test } from 'vitest';
import { countChars, PageStats } from '../../../src/core/clutter/page-stats.js';
import { parse } from '../../helpers.js';

test('characters: whitespace is not counted, Chinese, Japanese and Korean count double', () => {
  expect(countChars(' a b\u00a0c\u3000 ')).toBe(3);
  expect(countChars('北京 ok 한국')).toBe(4 + 2 + 4);
});

test('commas of several scripts and tool-row separators are counted per block and per subtree', () => {
  const doc = parse(`<html><body>
    <div id="row">Email | Print · Share • Save ∙ A+ ⋅ Forum</div>
    <p id="p">One, two，three、four، five <b>six, seven</b>.</p>
    <p id="plain">No marks at all here</p>
  </body></html>`);
  const stats = new PageStats(doc.body);
  const $ = (id: string) => doc.getElementById(id)!;
  expect(stats.separatorCount($('row'))).toBe(5);
  expect(stats.separatorCount($('p'))).toBe(0);
  expect(stats.separatorCount(doc.body)).toBe(5);
  const commas = new Map(Array.from(stats.blocks(), (b) => [b.el.id, b.commas]));
  expect(commas.get('p')).toBe(5); // the <b>'s comma belongs to its paragraph
  expect(commas.get('row')).toBe(0);
  expect(commas.get('plain')).toBe(0);
  expect(stats.textChars($('plain'))).toBe('Nomarksatallhere'.length);
});
