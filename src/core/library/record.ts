/**
 * The saved article: one record per canonical URL, with everything needed to read, search and export it offline.
 * DOM-free: built from what the content script extracted and the background's entities.
 */
import type { EntitySpan } from '../entities/find-entities.js';

/** Version of the record shape (and of the JSON export); bump with a migration in migrate.ts. */
export const RECORD_VERSION = 2;

export interface SavedArticle {
  /** Stable id: a hash of the canonical URL, so re-saving the same article finds its record. */
  id: string;
  url: string;
  canonicalUrl: string;
  title: string;
  byline: string;
  published: string;
  siteName: string;
  lang: string;
  wordCount: number;
  readingMinutes: number;
  /** Sanitised article HTML (DOMPurify), sanitised again before it is shown. */
  html: string;
  markdown: string;
  text: string;
  entities: EntitySpan[];
  /** Distinct "TYPE:name" keys of the entities, for filtering and the IndexedDB multi-entry index. */
  entityKeys: string[];
  tags: string[];
  savedAt: string;
  updatedAt: string;
  version: number;
}

/** What the content script extracts from a page (a clone of it). */
export interface ExtractedArticle {
  url: string;
  canonicalUrl: string;
  title: string;
  byline: string;
  published: string;
  siteName: string;
  lang: string;
  wordCount: number;
  html: string;
  markdown: string;
  text: string;
}

const TRACKING = /^(?:utm_\w+|fbclid|gclid|mc_cid|mc_eid|ocid|cmpid|ref|ref_src|smid|sr_share)$/i;

/** The URL that identifies an article: canonical, without fragment, tracking parameters or trailing slash. */
export function canonicalKey(url: string): string {
  try {
    const u = new URL(url);
    u.hash = '';
    for (const k of [...u.searchParams.keys()]) if (TRACKING.test(k)) u.searchParams.delete(k);
    u.hostname = u.hostname.toLowerCase().replace(/^www\./, '');
    const s = u.toString();
    return s.endsWith('/') && u.pathname !== '/' ? s.slice(0, -1) : s;
  } catch {
    return url.trim();
  }
}

/** Record id from the canonical key (FNV-1a 64-bit as hex: short, stable, no crypto needed). */
export function recordId(key: string): string {
  let h1 = 0x811c9dc5, h2 = 0xcbf29ce4;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ (c * 31 + i), 0x01000193) >>> 0;
  }
  return h1.toString(16).padStart(8, '0') + h2.toString(16).padStart(8, '0');
}

/** Minutes to read at 230 words a minute, at least one. */
export function readingMinutes(words: number): number {
  return Math.max(1, Math.round(words / 230));
}

/** "PER:Katsuya Okada"-style keys, one per distinct name (dates and amounts are not filters). */
export function entityKeysOf(entities: readonly EntitySpan[]): string[] {
  const keys = new Set<string>();
  for (const e of entities) if (e.type === 'PER' || e.type === 'LOC' || e.type === 'ORG' || e.type === 'MISC') keys.add(`${e.type}:${e.text.replace(/\s+/g, ' ').trim()}`);
  return [...keys].sort();
}

/** Normalise user tags: trimmed, lower-cased, unique, no empties. */
export function cleanTags(tags: readonly string[]): string[] {
  return [...new Set(tags.map((t) => t.trim().toLowerCase().replace(/\s+/g, ' ')).filter(Boolean))].sort();
}

/**
 * A record for an extracted article. Re-saving an article already in the library keeps its id, tags and first
 * save time, and takes everything else from the new extraction.
 */
export function makeRecord(a: ExtractedArticle, entities: EntitySpan[], now: Date, existing?: SavedArticle): SavedArticle {
  const key = canonicalKey(a.canonicalUrl || a.url);
  return {
    id: existing?.id ?? recordId(key),
    url: a.url,
    canonicalUrl: key,
    title: a.title || a.url,
    byline: a.byline,
    published: a.published,
    siteName: a.siteName,
    lang: a.lang,
    wordCount: a.wordCount,
    readingMinutes: readingMinutes(a.wordCount),
    html: a.html,
    markdown: a.markdown,
    text: a.text,
    entities,
    entityKeys: entityKeysOf(entities),
    tags: existing?.tags ?? [],
    savedAt: existing?.savedAt ?? now.toISOString(),
    updatedAt: now.toISOString(),
    version: RECORD_VERSION,
  };
}
