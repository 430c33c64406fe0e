/**
 * Full-text search over the library's cards (title, start of the text, tags, names, site, byline) with MiniSearch.
 * The index is built in chunks after the list has rendered, so a big library opens at once and search follows.
 */
import MiniSearch from 'minisearch';
import type { Card, SearchText } from '../shared/library-db.js';

type Doc = { id: string; title: string; text: string; tags: string; names: string; site: string; byline: string };

const toDoc = (c: Card, text: string): Doc => ({
  id: c.id,
  title: c.title,
  text,
  tags: c.tags.join(' '),
  names: c.entityKeys.map((k) => k.slice(k.indexOf(':') + 1)).join(' · '),
  site: c.siteName,
  byline: c.byline,
});

export class LibrarySearch {
  private index = new MiniSearch<Doc>({ fields: ['title', 'text', 'tags', 'names', 'site', 'byline'], storeFields: [], idField: 'id' });
  ready = false;

  /** Index cards in chunks; resolves when all are searchable. */
  async build(cards: readonly Card[], texts: readonly SearchText[]): Promise<void> {
    const byId = new Map(texts.map((x) => [x.id, x.text]));
    this.index.removeAll();
    await this.index.addAllAsync(cards.map((c) => toDoc(c, byId.get(c.id) ?? '')), { chunkSize: 250 });
    this.ready = true;
  }

  remove(id: string): void {
    if (this.index.has(id)) this.index.discard(id);
  }

  /** Ids of matching articles, best first. */
  search(query: string): string[] {
    return this.index.search(query, { prefix: true, fuzzy: 0.15, combineWith: 'AND', boost: { title: 3, names: 2, tags: 2 } }).map((r) => String(r.id));
  }
}
