// @vitest-environment node
/** The library page opens on the newest page of cards, read alone, before every card is read. */
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterAll, expect, test } from 'vitest';
import { Library } from '../../../src/shared/library-db.js';
import { makeRecord } from '../../../src/core/library/record.js';

const name = `nl-cards-${Date.now()}`;
afterAll(() => Dexie.delete(name));

test('cards(limit) gives the newest saved first, cards() all of them', async () => {
  const lib = new Library(name);
  await lib.putAll(
    Array.from({ length: 70 }, (_, i) =>
      makeRecord({ url: `https://news.example/${i}`, canonicalUrl: '', title: `Story ${i}`, byline: '', published: '', siteName: 'Test Daily', lang: 'en', wordCount: 5, html: '<p>x</p>', markdown: 'x', text: 'x' }, [], new Date(Date.UTC(2026, 0, 1, 0, i))),
    ),
  );
  const head = await lib.cards(60);
  expect(head.map((c) => c.title).slice(0, 2)).toEqual(['Story 69', 'Story 68']);
  expect(head).toHaveLength(60);
  expect(await lib.cards()).toHaveLength(70);
  expect(await lib.count()).toBe(70);
  lib.close();
});
