/**
 * The library as a versioned JSON file, and back: validation that explains what is wrong, and a merge by canonical
 * URL that reports what was added, updated and skipped. A file that is not a NewsLens library changes nothing.
 */
import { RECORD_VERSION, canonicalKey, cleanTags, recordId, type SavedArticle } from './record.js';
import { migrateRecord } from './migrate.js';

export const EXPORT_FORMAT = 'newslens-library';

export interface LibraryFile {
  format: typeof EXPORT_FORMAT;
  version: number;
  exportedAt: string;
  articles: SavedArticle[];
}

/** The whole library as a JSON file's text. */
export function exportJson(articles: readonly SavedArticle[], now: Date): string {
  const file: LibraryFile = { format: EXPORT_FORMAT, version: RECORD_VERSION, exportedAt: now.toISOString(), articles: [...articles] };
  return JSON.stringify(file, null, 1);
}

export type ParsedImport = { ok: true; articles: SavedArticle[]; skipped: { index: number; reason: string }[] } | { ok: false; error: string };

/** Read an import file's text. Fails as a whole (and says why) when it is not a NewsLens library at all. */
export function parseImport(text: string): ParsedImport {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return { ok: false, error: `not a JSON file (${(e as Error).message.split('\n')[0]})` };
  }
  if (!data || typeof data !== 'object' || (data as { format?: unknown }).format !== EXPORT_FORMAT) {
    return { ok: false, error: 'not a NewsLens library export (the "format" field is missing or different)' };
  }
  const f = data as Partial<LibraryFile>;
  if (typeof f.version !== 'number' || f.version < 1) return { ok: false, error: 'the file has no valid version number' };
  if (f.version > RECORD_VERSION) return { ok: false, error: `the file was made by a newer NewsLens (format version ${f.version}, this one reads up to ${RECORD_VERSION})` };
  if (!Array.isArray(f.articles)) return { ok: false, error: 'the file has no "articles" list' };
  const articles: SavedArticle[] = [];
  const skipped: { index: number; reason: string }[] = [];
  f.articles.forEach((raw, index) => {
    if (!raw || typeof raw !== 'object') return skipped.push({ index, reason: 'not an object' });
    const r = migrateRecord({ version: f.version, ...(raw as unknown as Record<string, unknown>) });
    if (!r.canonicalUrl || !/^https?:\/\//i.test(r.canonicalUrl)) return skipped.push({ index, reason: 'no http(s) URL' });
    if (!r.title.trim()) return skipped.push({ index, reason: 'no title' });
    if (!r.html && !r.text) return skipped.push({ index, reason: 'no content' });
    const key = canonicalKey(r.canonicalUrl);
    articles.push({ ...r, canonicalUrl: key, id: recordId(key), savedAt: r.savedAt || new Date(0).toISOString() });
  });
  return { ok: true, articles, skipped };
}

export interface MergeReport {
  added: SavedArticle[];
  updated: SavedArticle[];
  /** Already in the library and not newer. */
  unchanged: number;
}

/**
 * What an import does to the library: new URLs are added; a known URL is updated when the file's copy is newer
 * (tags from both kept); otherwise left alone.
 */
export function mergeImport(existing: ReadonlyMap<string, SavedArticle>, incoming: readonly SavedArticle[]): MergeReport {
  const report: MergeReport = { added: [], updated: [], unchanged: 0 };
  const seen = new Map(existing);
  for (const a of incoming) {
    const old = seen.get(a.canonicalUrl);
    if (!old) {
      report.added.push(a);
      seen.set(a.canonicalUrl, a);
    } else if (a.updatedAt > old.updatedAt) {
      const merged = { ...a, id: old.id, savedAt: old.savedAt < a.savedAt ? old.savedAt : a.savedAt, tags: cleanTags([...old.tags, ...a.tags]) };
      report.updated.push(merged);
      seen.set(a.canonicalUrl, merged);
    } else report.unchanged++;
  }
  return report;
}
