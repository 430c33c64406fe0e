// @vitest-environment node
/**
 * The library's database across other connections: an upgrade blocked by a page still holding the old version
 * reaches the reader as a message (IndexedDB itself just waits), and a connection closed because another page
 * deleted or upgraded the database reopens on its next use (the service worker outlives library pages).
 */
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, expect, test, vi } from 'vitest';
import { BLOCKED_MESSAGE, Library } from '../../../src/shared/library-db.js';
import type { ExtractedArticle } from '../../../src/core/library/record.js';

const names: string[] = [];
const freshName = () => {
  const name = `nl-upgrade-${Date.now()}-${names.length}`;
  names.push(name);
  return name;
};
afterEach(async () => {
  for (const name of names.splice(0)) await Dexie.delete(name);
});

const article = (url: string): ExtractedArticle => ({
  url, canonicalUrl: url, title: 'A title', byline: '', published: '', siteName: 'Test Daily', lang: 'en', wordCount: 3,
  html: '<p>Some saved text.</p>', markdown: 'Some saved text.\n', text: 'Some saved text.',
});

test('an upgrade blocked by an old connection tells the reader, then finishes when that connection closes', async () => {
  const name = freshName();
  const old = new Dexie(name);
  old.version(1).stores({ articles: 'id, canonicalUrl, savedAt, siteName' });
  // An old page that does not let go when asked (returning false stops Dexie's default close).
  old.on('versionchange', () => false);
  await old.table('articles').put({ id: 'v1', url: 'https://news.example/v1', canonicalUrl: 'https://news.example/v1', title: 'Kept', tags: 'a,b', html: '<p>x</p>', text: 'x', savedAt: '2025-01-01T00:00:00.000Z' });

  const messages: string[] = [];
  const lib = new Library(name, (m) => messages.push(m));
  const cards = lib.cards();
  await vi.waitFor(() => expect(messages).toEqual([BLOCKED_MESSAGE]));
  expect(BLOCKED_MESSAGE).toMatch(/another NewsLens page still has the old version open/);
  old.close();
  expect((await cards).map((c) => [c.id, c.tags])).toEqual([['v1', ['a', 'b']]]);
  lib.close();
});

test('after another page deletes the database, the next save reopens it instead of failing', async () => {
  const name = freshName();
  const lib = new Library(name);
  await lib.save(article('https://news.example/a'), []);
  await Dexie.delete(name); // what the library page's "start afresh" or a test does; our connection is asked to close
  const again = await lib.save(article('https://news.example/a'), []);
  expect(again.updated).toBe(false);
  expect(await lib.count()).toBe(1);
  lib.close();
});
