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
const TYPES = new Set(['PER', 'LOC', 'ORG', 'MISC', 'DATE', 'TIME', 'MONEY', 'PERCENT']);
const isSpan = (e: unknown): e is EntitySpan => {
  const s = e as Partial<EntitySpan> | null;
  return !!s && typeof s.text === 'string' && TYPES.has(s.type as string) && Number.isInteger(s.start) && Number.isInteger(s.end) && s.start! <= s.end!;
};

/** Bring any stored record (of any known version) to the current version. */
export function migrateRecord(raw: Raw): SavedArticle {
  const version = num(raw.version) || 1;
  const tagsRaw = raw.tags;
  const tags = Array.isArray(tagsRaw) ? cleanTags(tagsRaw.filter((x): x is string => typeof x === 'string')) : typeof tagsRaw === 'string' ? cleanTags(tagsRaw.split(',')) : [];
  // Records also come from import files: keep only well-formed spans and string keys (the page calls string
  // methods on them, and a span's offsets index into the text).
  const entities = Array.isArray(raw.entities) ? (raw.entities as unknown[]).filter(isSpan) : [];
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
    entityKeys: Array.isArray(raw.entityKeys) ? raw.entityKeys.filter((k): k is string => typeof k === 'string' && /^[A-Z]+:./.test(k)) : entityKeysOf(entities),
    tags,
    savedAt: str(raw.savedAt),
    updatedAt: str(raw.updatedAt) || str(raw.savedAt),
    version: RECORD_VERSION,
  };
}
