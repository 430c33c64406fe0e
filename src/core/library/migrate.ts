/**
 * Records written by earlier versions, brought up to the current shape. Version 1 (the first library release) kept
 * tags as one comma-separated string and had no entityKeys, lang or readingMinutes; version 2 has them. Every
 * field a later version adds gets a default here, so an upgrade never drops a record.
 */
import { RECORD_VERSION, cleanTags, entityKeysOf, readingMinutes, type SavedArticle } from './record.js';
import type { EntitySpan } from '../entities/find-entities.js';

type Raw = Record<string, unknown>;

const str = (v: unknown) => (typeof v === 'string' ? v : '');
const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

/** Bring any stored record (of any known version) to the current version. */
export function migrateRecord(raw: Raw): SavedArticle {
  const version = num(raw.version) || 1;
  const tagsRaw = raw.tags;
  const tags = Array.isArray(tagsRaw) ? cleanTags(tagsRaw.map(String)) : typeof tagsRaw === 'string' ? cleanTags(tagsRaw.split(',')) : [];
  const entities = Array.isArray(raw.entities) ? (raw.entities as EntitySpan[]).filter((e) => e && typeof e.text === 'string' && typeof e.type === 'string') : [];
  const wordCount = num(raw.wordCount);
  return {
    id: str(raw.id),
    url: str(raw.url),
    canonicalUrl: str(raw.canonicalUrl) || str(raw.url),
    title: str(raw.title),
    byline: str(raw.byline),
    published: str(raw.published),
    siteName: str(raw.siteName),
    lang: version >= 2 ? str(raw.lang) : '',
    wordCount,
    readingMinutes: version >= 2 && num(raw.readingMinutes) ? num(raw.readingMinutes) : readingMinutes(wordCount),
    html: str(raw.html),
    markdown: str(raw.markdown),
    text: str(raw.text),
    entities,
    entityKeys: Array.isArray(raw.entityKeys) ? (raw.entityKeys as string[]) : entityKeysOf(entities),
    tags,
    savedAt: str(raw.savedAt),
    updatedAt: str(raw.updatedAt) || str(raw.savedAt),
    version: RECORD_VERSION,
  };
}
