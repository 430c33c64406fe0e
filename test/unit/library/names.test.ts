// @vitest-environment node
/**
 * Names are stored after the save is confirmed (the background tags the text once the record is written): they
 * land on the record and its card, a re-save keeps the previous names meanwhile, and names found in a text that
 * is no longer the record's (re-saved with new text, or deleted) are dropped.
 */
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, expect, test } from 'vitest';
import { Library } from '../../../src/shared/library-db.js';
import type { ExtractedArticle } from '../../../src/core/library/record.js';
import type { EntitySpan } from '../../../src/core/entities/find-entities.js';

const names: string[] = [];
const fresh = () => {
  const name = `nl-names-${Date.now()}-${names.length}`;
  names.push(name);
  return new Library(name);
};
afterEach(async () => {
  for (const name of names.splice(0)) await Dexie.delete(name);
});

const article = (text: string): ExtractedArticle => ({
  url: 'https://news.example/a', canonicalUrl: 'https://news.example/a', title: 'Talks', byline: '', published: '', siteName: 'Test Daily', lang: 'en',
  wordCount: text.split(' ').length, html: `<p>${text}</p>`, markdown: `${text}\n`, text,
});
const OKADA: EntitySpan[] = [{ type: 'PER', text: 'Katsuya Okada', start: 0, end: 13 }, { type: 'LOC', text: 'Moscow', start: 34, end: 40 }];

test('a save without names, then the names: on the record and on its card (filters and search)', async () => {
  const lib = fresh();
  const text = 'Katsuya Okada met Sergey Lavrov in Moscow.';
  const { record } = await lib.save(article(text), null);
  expect(record.entities).toEqual([]);
  expect(await lib.setEntities(record.id, text, OKADA)).toBe(true);
  expect((await lib.get(record.id))?.entities).toEqual(OKADA);
  expect((await lib.cards())[0].entityKeys).toEqual(['LOC:Moscow', 'PER:Katsuya Okada']);
  expect((await lib.get(record.id))?.updatedAt).toBe(record.updatedAt); // names are derived data, not an edit
  lib.close();
});

test('a re-save keeps the previous names until the new ones come; names of a replaced text are dropped', async () => {
  const lib = fresh();
  const first = 'Katsuya Okada met Sergey Lavrov in Moscow.';
  const { record } = await lib.save(article(first), null);
  await lib.setEntities(record.id, first, OKADA);
  const second = 'Katsuya Okada met Sergey Lavrov in Moscow on Friday.';
  const again = await lib.save(article(second), null);
  expect(again.record.entities).toEqual(OKADA);
  // A late answer for the first text must not land on the second.
  expect(await lib.setEntities(record.id, first, [])).toBe(false);
  expect((await lib.get(record.id))?.entities).toEqual(OKADA);
  lib.close();
});

test('names for a deleted article are dropped, not resurrecting it', async () => {
  const lib = fresh();
  const { record } = await lib.save(article('Okada spoke.'), null);
  await lib.delete([record.id]);
  expect(await lib.setEntities(record.id, 'Okada spoke.', OKADA)).toBe(false);
  expect(await lib.count()).toBe(0);
  lib.close();
});
