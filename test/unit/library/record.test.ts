// @vitest-environment node
/** The saved record: identity by canonical URL, tags, names, reading time, and migration of older shapes. */
import { describe, expect, test } from 'vitest';
import { RECORD_VERSION, canonicalKey, cleanTags, entityKeysOf, makeRecord, readingMinutes, recordId, type ExtractedArticle } from '../../../src/core/library/record.js';
import { migrateRecord } from '../../../src/core/library/migrate.js';

describe('canonicalKey', () => {
  test.each([
    ['https://www.News.example/a/b/?utm_source=x&utm_medium=y#comments', 'https://news.example/a/b'],
    ['https://news.example/a?id=7&fbclid=abc', 'https://news.example/a?id=7'],
    ['https://news.example/', 'https://news.example/'],
    ['https://news.example/story?page=2', 'https://news.example/story?page=2'],
    ['not a url ', 'not a url'],
  ])('%s -> %s', (url, key) => expect(canonicalKey(url)).toBe(key));

  test('the record id follows the key: same article, same id; another article, another id', () => {
    expect(recordId(canonicalKey('https://www.news.example/a?utm_campaign=z'))).toBe(recordId(canonicalKey('https://news.example/a')));
    expect(recordId('https://news.example/a')).not.toBe(recordId('https://news.example/b'));
    expect(recordId('https://news.example/a')).toMatch(/^[0-9a-f]{16}$/);
  });
});

describe('record fields', () => {
  test('tags are trimmed, lower-cased, unique and sorted', () => expect(cleanTags([' Japan ', 'japan', '', 'Foreign  policy'])).toEqual(['foreign policy', 'japan']));
  test('reading time is at least one minute at 230 words a minute', () => expect([0, 100, 230, 2300].map(readingMinutes)).toEqual([1, 1, 1, 10]));
  test('entity keys: one per distinct name, without dates and amounts', () =>
    expect(
      entityKeysOf([
        { type: 'PER', text: 'Katsuya  Okada', start: 0, end: 14 },
        { type: 'PER', text: 'Katsuya Okada', start: 20, end: 33 },
        { type: 'LOC', text: 'Tokyo', start: 40, end: 45 },
        { type: 'DATE', text: 'Monday', start: 50, end: 56 },
      ]),
    ).toEqual(['LOC:Tokyo', 'PER:Katsuya Okada']));

  const extracted: ExtractedArticle = { url: 'https://news.example/a?utm_source=x', canonicalUrl: '', title: '', byline: 'B', published: '', siteName: 'S', lang: 'en', wordCount: 460, html: '<p>x</p>', markdown: 'x', text: 'x' };
  test('a new record: canonical URL from the page URL when none was declared, title falls back to the URL', () => {
    const r = makeRecord(extracted, [], new Date('2026-01-01T00:00:00Z'));
    expect(r).toMatchObject({ canonicalUrl: 'https://news.example/a', title: extracted.url, readingMinutes: 2, tags: [], savedAt: '2026-01-01T00:00:00.000Z', version: RECORD_VERSION });
  });
  test('a re-save keeps id, tags and first save time, and takes the rest from the new extraction', () => {
    const first = { ...makeRecord(extracted, [], new Date('2026-01-01T00:00:00Z')), tags: ['mine'] };
    const again = makeRecord({ ...extracted, title: 'New title' }, [], new Date('2026-02-01T00:00:00Z'), first);
    expect(again).toMatchObject({ id: first.id, tags: ['mine'], savedAt: first.savedAt, updatedAt: '2026-02-01T00:00:00.000Z', title: 'New title' });
  });
});

describe('migrateRecord', () => {
  test('a version-1 record gets tags as a list, entity keys, reading time and updatedAt', () => {
    const v1 = { id: 'x', url: 'https://a.example/1', canonicalUrl: 'https://a.example/1', title: 'T', wordCount: 700, tags: 'Politics, europe,,', entities: [{ type: 'ORG', text: 'NATO', start: 0, end: 4 }], savedAt: '2025-01-01T00:00:00.000Z', html: '<p>NATO</p>', text: 'NATO' };
    expect(migrateRecord(v1)).toMatchObject({ tags: ['europe', 'politics'], entityKeys: ['ORG:NATO'], readingMinutes: 3, updatedAt: '2025-01-01T00:00:00.000Z', lang: '', version: RECORD_VERSION });
  });
  test('junk inside a record (from an import file) is dropped field by field, never kept as is', () => {
    const r = migrateRecord({ version: 2, id: 'y', title: 42, tags: ['ok', { no: 1 }, 7], entities: [{ type: 'PER', text: 'Ann', start: 0, end: 3 }, { type: 'EVIL', text: 'x', start: 0, end: 1 }, { type: 'LOC', text: 'y' }, null], entityKeys: ['PER:Ann', 5, 'bad'] });
    expect(r).toMatchObject({ title: '', tags: ['ok'], entities: [{ type: 'PER', text: 'Ann', start: 0, end: 3 }], entityKeys: ['PER:Ann'], wordCount: 0, readingMinutes: 1 });
  });
  test('a current record passes through unchanged', () => {
    const r = makeRecord({ url: 'https://a.example/2', canonicalUrl: 'https://a.example/2', title: 'T', byline: '', published: '', siteName: '', lang: 'de', wordCount: 10, html: '<p>t</p>', markdown: 't', text: 't' }, [{ type: 'LOC', text: 'Bonn', start: 0, end: 4 }], new Date('2026-01-01T00:00:00Z'));
    expect(migrateRecord(r as unknown as Record<string, unknown>)).toEqual(r);
  });
});
