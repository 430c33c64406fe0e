/**
 * The library's IndexedDB, through Dexie: the only file that touches it. Two tables: `articles` holds whole records
 * (read one at a time, to show or export), `cards` holds the light part every list and search needs, so a library
 * of thousands opens without reading every article's HTML. Saves are transactions over both tables: a failure
 * leaves neither half-written. Schema versions upgrade in place, migrating every record (migrate.ts).
 */
import Dexie, { type Table } from 'dexie';
import { migrateRecord } from '../core/library/migrate.js';
import { cleanTags, entityKeysOf, makeRecord, canonicalKey, type ExtractedArticle, type SavedArticle } from '../core/library/record.js';
import type { EntitySpan } from '../core/entities/find-entities.js';

/** What lists, filters and search need of an article. */
export interface Card {
  id: string;
  canonicalUrl: string;
  title: string;
  byline: string;
  published: string;
  siteName: string;
  savedAt: string;
  updatedAt: string;
  wordCount: number;
  readingMinutes: number;
  tags: string[];
  entityKeys: string[];
  excerpt: string;
}

/** The start of an article's text, kept apart from the cards: search needs it, the first list render does not. */
export interface SearchText {
  id: string;
  text: string;
}

/** Characters of article text kept on the card for search. */
export const SEARCH_TEXT_CHARS = 4000;

export function cardOf(a: SavedArticle): Card {
  return {
    id: a.id,
    canonicalUrl: a.canonicalUrl,
    title: a.title,
    byline: a.byline,
    published: a.published,
    siteName: a.siteName,
    savedAt: a.savedAt,
    updatedAt: a.updatedAt,
    wordCount: a.wordCount,
    readingMinutes: a.readingMinutes,
    tags: a.tags,
    entityKeys: a.entityKeys,
    excerpt: excerptOf(a.text),
  };
}

/** Characters of text on a card, at most (before the ellipsis). */
export const EXCERPT_CHARS = 220;

/**
 * The start of an article for its card: whitespace folded, cut at the last word boundary within `max` characters
 * and ended with "…" when cut, so a card never ends mid-word as if the article did.
 */
export function excerptOf(text: string, max = EXCERPT_CHARS): string {
  // Fold only a bounded head: the full text of a long article is not needed for a 220-character excerpt.
  const folded = text.slice(0, max * 4).replace(/\s+/g, ' ').trim();
  if (folded.length <= max) return text.length > max * 4 ? `${folded}…` : folded; // a head of mostly whitespace
  const space = folded.lastIndexOf(' ', max);
  // One word longer than half the excerpt (a URL, a run of CJK without spaces): cut it rather than show a stub.
  // Never between the two halves of a surrogate pair (an emoji, a rare CJK character).
  const cut = space > max / 2 ? space : /[\ud800-\udbff]/.test(folded.charAt(max - 1)) ? max - 1 : max;
  const head = folded.slice(0, cut);
  return `${head.replace(/[\s,;:–—-]+$/, '')}…`;
}

const searchTextOf = (a: SavedArticle): SearchText => ({ id: a.id, text: a.text.slice(0, SEARCH_TEXT_CHARS) });

/** A storage failure, in words a reader can act on. */
export class LibraryError extends Error {}

/** Shown while an upgrade of the library waits for another NewsLens page to let go of the old version. */
export const BLOCKED_MESSAGE =
  'The NewsLens library is being upgraded, but another NewsLens page still has the old version open. Close or reload other NewsLens library tabs; the library opens as soon as they are closed. Nothing was lost.';

/** Turn Dexie/IndexedDB errors into clear messages (quota, blocked upgrade, version, closed database). */
export function describeDbError(e: unknown): LibraryError {
  const err = e as { name?: string; inner?: { name?: string }; message?: string };
  const name = err?.inner?.name ?? err?.name ?? '';
  if (/Quota/i.test(name) || /quota/i.test(err?.message ?? '')) {
    return new LibraryError('Your browser has no room left for the NewsLens library. Nothing was saved. Delete some articles or free disk space, then try again.');
  }
  if (/Version|Upgrade|Blocked/i.test(name)) {
    return new LibraryError('The NewsLens library is being upgraded in another tab or window. Close other NewsLens library tabs, then try again. Nothing was lost.');
  }
  if (/DatabaseClosed|OpenFailed|InvalidState/i.test(name)) {
    return new LibraryError(`The NewsLens library could not be opened (${name}). Nothing was lost; reload the page to try again.`);
  }
  return new LibraryError(`The NewsLens library could not complete this (${name || 'error'}: ${err?.message ?? String(e)}).`);
}

class LibraryDb extends Dexie {
  articles!: Table<SavedArticle, string>;
  cards!: Table<Card, string>;
  texts!: Table<SearchText, string>;

  constructor(name: string) {
    super(name);
    // Version 1: the first library; tags were one comma-separated string, no cards table.
    this.version(1).stores({ articles: 'id, canonicalUrl, savedAt, siteName' });
    // Version 2: records migrated in place, cards table built from them, indexes for tags and entities.
    this.version(2)
      // canonicalUrl is not declared unique: a v1 library holding two records of one URL must still upgrade
      // (a failed unique index would abort the upgrade); save() keeps one record per URL from here on.
      .stores({ articles: 'id, canonicalUrl, savedAt, updatedAt, siteName', cards: 'id, canonicalUrl, savedAt, published, siteName, title, *tags, *entityKeys', texts: 'id' })
      .upgrade(async (tx) => {
        const migrated = (await tx.table('articles').toArray()).map((raw: Record<string, unknown>) => migrateRecord(raw));
        await tx.table('articles').bulkPut(migrated);
        await tx.table('cards').bulkPut(migrated.map(cardOf));
        await tx.table('texts').bulkPut(migrated.map(searchTextOf));
      });
  }
}

export const LIBRARY_DB_NAME = 'newslens-library';

/** The library, for the service worker (saves) and the library page (everything else). */
export class Library {
  private db: LibraryDb;
  /**
   * Called with a message for the reader when this connection's upgrade waits for another NewsLens page still
   * holding the old version open (IndexedDB then waits, silently, until that page closes).
   */
  onBlocked?: (message: string) => void;

  /** @param name database name (tests use their own) */
  constructor(name = LIBRARY_DB_NAME, onBlocked?: (message: string) => void) {
    this.db = new LibraryDb(name);
    this.onBlocked = onBlocked;
    // Another tab upgrades or deletes the database: close here so it is not blocked. Auto-reopen stays on: the
    // service worker lives on after a library page deleted or upgraded the database, and its next save must
    // reopen rather than fail with DatabaseClosedError (a page running older code then gets a VersionError,
    // which describeDbError explains).
    this.db.on('versionchange', () => {
      this.db.close({ disableAutoOpen: false });
      return false;
    });
    this.db.on('blocked', (ev) => {
      // Dexie also fires this for a blocked delete (newVersion null); only an upgrade concerns the reader.
      if (ev.newVersion) this.onBlocked?.(BLOCKED_MESSAGE);
    });
  }

  private async run<T>(f: () => Promise<T>): Promise<T> {
    try {
      return await f();
    } catch (e) {
      throw e instanceof LibraryError ? e : describeDbError(e);
    }
  }

  /**
   * Save an extracted article; an article already saved (same canonical URL) is updated and keeps its tags.
   * `entities` null means its names are not known yet (the background finds them after confirming the save and
   * stores them with setEntities); a re-saved article keeps its previous names until then.
   */
  save(extracted: ExtractedArticle, entities: EntitySpan[] | null, now = new Date()): Promise<{ record: SavedArticle; updated: boolean }> {
    return this.run(() =>
      this.db.transaction('rw', this.db.articles, this.db.cards, this.db.texts, async () => {
        const existing = await this.db.articles.where('canonicalUrl').equals(canonicalKey(extracted.canonicalUrl || extracted.url)).first();
        const record = makeRecord(extracted, entities ?? existing?.entities ?? [], now, existing);
        await this.db.articles.put(record);
        await this.db.cards.put(cardOf(record));
        await this.db.texts.put(searchTextOf(record));
        return { record, updated: existing !== undefined };
      }),
    );
  }

  /**
   * Store the names found in a saved article's `text`. Skipped (false) when the article was deleted or re-saved
   * with another text in the meantime: names must index into the text they were found in.
   */
  setEntities(id: string, text: string, entities: EntitySpan[]): Promise<boolean> {
    return this.run(() =>
      this.db.transaction('rw', this.db.articles, this.db.cards, async () => {
        const a = await this.db.articles.get(id);
        if (!a || a.text !== text) return false;
        const next = { ...a, entities, entityKeys: entityKeysOf(entities) };
        await this.db.articles.put(next);
        await this.db.cards.put(cardOf(next));
        return true;
      }),
    );
  }

  /**
   * Replace a saved article's HTML with the same HTML whose pictures are embedded. Skipped (false) when the article
   * was deleted or re-saved with other HTML in the meantime.
   */
  setEmbeddedHtml(id: string, previousHtml: string, html: string): Promise<boolean> {
    return this.run(() =>
      this.db.transaction('rw', this.db.articles, async () => {
        const a = await this.db.articles.get(id);
        if (!a || a.html !== previousHtml) return false;
        await this.db.articles.put({ ...a, html });
        return true;
      }),
    );
  }

  /** Put whole records (import, undo of a delete) in one transaction. */
  putAll(records: readonly SavedArticle[]): Promise<void> {
    return this.run(() =>
      this.db.transaction('rw', this.db.articles, this.db.cards, this.db.texts, async () => {
        await this.db.articles.bulkPut([...records]);
        await this.db.cards.bulkPut(records.map(cardOf));
        await this.db.texts.bulkPut(records.map(searchTextOf));
      }),
    );
  }

  /** Every card (or the first `limit`), newest saved first. */
  cards(limit = Infinity): Promise<Card[]> {
    return this.run(() => {
      const newest = this.db.cards.orderBy('savedAt').reverse();
      return (Number.isFinite(limit) ? newest.limit(limit) : newest).toArray();
    });
  }

  /** Search texts of every article (read after the first render). */
  texts(): Promise<SearchText[]> {
    return this.run(() => this.db.texts.toArray());
  }

  get(id: string): Promise<SavedArticle | undefined> {
    return this.run(() => this.db.articles.get(id));
  }

  getMany(ids: readonly string[]): Promise<SavedArticle[]> {
    return this.run(async () => (await this.db.articles.bulkGet([...ids])).filter((a): a is SavedArticle => !!a));
  }

  all(): Promise<SavedArticle[]> {
    return this.run(() => this.db.articles.toArray());
  }

  /** Map of canonical URL -> record, for merging an import. */
  async byCanonical(): Promise<Map<string, SavedArticle>> {
    return new Map((await this.all()).map((a) => [a.canonicalUrl, a]));
  }

  async setTags(id: string, tags: readonly string[]): Promise<SavedArticle | undefined> {
    return this.run(() =>
      this.db.transaction('rw', this.db.articles, this.db.cards, async () => {
        const a = await this.db.articles.get(id);
        if (!a) return undefined;
        const next = { ...a, tags: cleanTags(tags), updatedAt: new Date().toISOString() };
        await this.db.articles.put(next);
        await this.db.cards.put(cardOf(next));
        return next;
      }),
    );
  }

  /** Delete and hand back the records, so the caller can offer an undo (putAll). */
  async delete(ids: readonly string[]): Promise<SavedArticle[]> {
    return this.run(() =>
      this.db.transaction('rw', this.db.articles, this.db.cards, this.db.texts, async () => {
        const gone = (await this.db.articles.bulkGet([...ids])).filter((a): a is SavedArticle => !!a);
        await this.db.articles.bulkDelete([...ids]);
        await this.db.cards.bulkDelete([...ids]);
        await this.db.texts.bulkDelete([...ids]);
        return gone;
      }),
    );
  }

  count(): Promise<number> {
    return this.run(() => this.db.cards.count());
  }

  close(): void {
    this.db.close();
  }
}
