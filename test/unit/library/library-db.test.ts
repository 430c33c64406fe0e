// @vitest-environment node
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, test } from 'vitest';
import { Library, describeDbError } from '../../../src/shared/library-db.js';
import type { ExtractedArticle } from '../../../src/core/library/record.js';

let n = 0;
const names: string[] = [];
const freshName = () => {
  const name = `nl-test-${Date.now()}-${n++}`;
  names.push(name);
  return name;
};
afterEach(async () => {
  for (const name of names.splice(0)) await Dexie.delete(name);
});

const article = (url: string, title: string, text = 'Katsuya Okada met Sergey Lavrov in Moscow on Thursday.'): ExtractedArticle => ({
  url, canonicalUrl: url, title, byline: 'By A. Writer', published: '2026-03-01', siteName: 'Test Daily', lang: 'en', wordCount: text.split(' ').length,
  html: `<p>${text}</p>`, markdown: `${text}\n`, text,
});

describe('Library (IndexedDB through Dexie)', () => {
  test('saves, lists newest first, and re-saving the same canonical URL updates the record and keeps its tags', async () => {
    const lib = new Library(freshName());
    const first = await lib.save(article('https://news.example/a?utm_source=x', 'First'), [{ type: 'PER', text: 'Katsuya Okada', start: 0, end: 13 }], new Date('2026-03-01T10:00:00Z'));
    expect(first.updated).toBe(false);
    await lib.setTags(first.record.id, ['Japan', ' diplomacy ', 'japan']);
    await lib.save(article('https://news.example/b', 'Second'), [], new Date('2026-03-02T10:00:00Z'));
    const again = await lib.save(article('https://www.news.example/a#comments', 'First, updated'), [], new Date('2026-03-03T10:00:00Z'));
    expect(again.updated).toBe(true);
    expect(again.record.id).toBe(first.record.id);
    expect(again.record.tags).toEqual(['diplomacy', 'japan']);
    expect(again.record.savedAt).toBe('2026-03-01T10:00:00.000Z');
    const cards = await lib.cards();
    expect(cards.map((c) => c.title)).toEqual(['Second', 'First, updated']);
    expect(await lib.count()).toBe(2);
    lib.close();
  });

  test('delete hands back the records, and putting them back restores them exactly', async () => {
    const lib = new Library(freshName());
    const { record } = await lib.save(article('https://news.example/c', 'Third'), []);
    const gone = await lib.delete([record.id]);
    expect(await lib.get(record.id)).toBeUndefined();
    await lib.putAll(gone);
    expect(await lib.get(record.id)).toEqual(record);
    lib.close();
  });

  test('a quota error during a save leaves no half-written record and says so', async () => {
    const lib = new Library(freshName());
    const db = (lib as unknown as { db: { cards: { put: (...a: unknown[]) => Promise<unknown> } } }).db;
    db.cards.put = () => Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
    await expect(lib.save(article('https://news.example/q', 'Quota'), [])).rejects.toThrow(/no room left/);
    expect(await lib.all()).toEqual([]);
    lib.close();
  });

  test('upgrading a version-1 library keeps every record and migrates it', async () => {
    const name = freshName();
    const v1 = new Dexie(name);
    v1.version(1).stores({ articles: 'id, canonicalUrl, savedAt, siteName' });
    await v1.table('articles').bulkPut([
      { id: 'a1', url: 'https://news.example/1', canonicalUrl: 'https://news.example/1', title: 'Old one', byline: '', published: '', siteName: 'Old Daily', wordCount: 460, html: '<p>x</p>', markdown: 'x', text: 'x', entities: [], tags: 'Politics, europe ,', savedAt: '2025-01-01T00:00:00.000Z' },
      // Two v1 records of one URL must not make the upgrade fail.
      { id: 'a2', url: 'https://news.example/2', canonicalUrl: 'https://news.example/2', title: 'Dup', byline: '', published: '', siteName: 'Old Daily', wordCount: 10, html: '<p>y</p>', markdown: 'y', text: 'y', entities: [], tags: '', savedAt: '2025-01-02T00:00:00.000Z' },
      { id: 'a3', url: 'https://news.example/2', canonicalUrl: 'https://news.example/2', title: 'Dup', byline: '', published: '', siteName: 'Old Daily', wordCount: 10, html: '<p>y</p>', markdown: 'y', text: 'y', entities: [], tags: '', savedAt: '2025-01-03T00:00:00.000Z' },
    ]);
    v1.close();
    const lib = new Library(name);
    const a = await lib.get('a1');
    expect(a).toMatchObject({ title: 'Old one', tags: ['europe', 'politics'], readingMinutes: 2, version: 2, updatedAt: '2025-01-01T00:00:00.000Z' });
    expect((await lib.cards()).map((c) => c.id).sort()).toEqual(['a1', 'a2', 'a3']);
    lib.close();
  });

  test.each([
    [{ name: 'QuotaExceededError' }, /no room left/],
    [{ name: 'AbortError', inner: { name: 'QuotaExceededError' } }, /no room left/],
    [{ name: 'VersionError' }, /being upgraded in another tab/],
    [{ name: 'DatabaseClosedError' }, /could not be opened/],
  ])('storage error %j becomes a clear message', (err, message) => {
    expect(describeDbError(err).message).toMatch(message);
  });
});
