/**
 * The library page: search, filters and sort over every saved article; select to export; open one to read.
 * Cards render first; the search index is built right after, in chunks.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Card, Library } from '../shared/library-db.js';
import type { SavedArticle } from '../core/library/record.js';
import { exportJson } from '../core/library/exchange.js';
import { toEpub, toMarkdownZip } from '../core/library/exporters.js';
import { t } from '../shared/i18n.js';
import { LibrarySearch } from './search.js';
import { Reader } from './reader.js';
import { download } from './download.js';
import { importLibraryFile } from './import-file.js';
import { toXhtml } from './xhtml.js';
import { FilterControls, NO_FILTERS, type Filters, type Sort } from './filters.js';

const PAGE = 60;

export function LibraryApp({ library }: { library: Library }) {
  const [cards, setCards] = useState<Card[] | null>(null);
  const [query, setQuery] = useState('');
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [sort, setSort] = useState<Sort>('saved');
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [open, setOpen] = useState<SavedArticle | null | undefined>(undefined);
  const [message, setMessage] = useState<{ text: string; undo?: SavedArticle[] } | null>(null);
  const [search] = useState(() => new LibrarySearch());
  const [indexed, setIndexed] = useState(false);
  /** Cards rendered: the first page at once, more on request (a long list must not delay the first paint). */
  const [limit, setLimit] = useState(PAGE);

  const fail = (e: unknown) => setMessage({ text: t('storageError', e instanceof Error ? e.message : String(e)) });
  /** While opening: the library's size, when only its newest page of cards is read yet. */
  const [partialOf, setPartialOf] = useState<number | null>(null);
  const reload = async (firstPage = false) => {
    if (firstPage) {
      // The newest screenful first (the default order), so a big library shows at once; every card, which
      // filters, sort, counts and search need, follows right after.
      const [head, total] = await Promise.all([library.cards(PAGE), library.count()]);
      performance.mark('nl-library-cards-read');
      if (head.length < total) {
        setPartialOf(total);
        setCards(head);
        await new Promise((r) => setTimeout(r, 0));
      }
    }
    const c = await library.cards();
    performance.mark('nl-library-all-cards');
    setPartialOf(null);
    setCards(c);
    setIndexed(false);
    // After the list is on screen: the search texts, then the index, in chunks.
    await new Promise((r) => setTimeout(r, 0));
    await search.build(c, await library.texts());
    setIndexed(true);
  };
  useEffect(() => {
    // Before the first read opens the database: an upgrade waiting on another page says so instead of hanging.
    library.onBlocked = (text) => setMessage({ text });
    reload(true).catch(fail);
    const route = () => {
      const id = location.hash.slice(1);
      if (!id) return setOpen(undefined);
      library.get(id).then((a) => setOpen(a ?? null), fail);
    };
    route();
    addEventListener('hashchange', route);
    return () => removeEventListener('hashchange', route);
  }, []);

  // Marks for the benchmark (bench/library.ts): first list render, search index ready, time per search.
  useEffect(() => {
    if (cards) performance.mark('nl-library-rendered');
  }, [cards !== null]);
  useEffect(() => {
    if (indexed) performance.mark('nl-library-indexed');
  }, [indexed]);

  const shown = useMemo(() => {
    if (!cards) return [];
    let list = cards;
    if (query.trim() && indexed) {
      const t0 = performance.now();
      const order = new Map(search.search(query.trim()).map((id, i) => [id, i]));
      performance.measure('nl-search', { start: t0, end: performance.now() });
      list = list.filter((c) => order.has(c.id)).sort((a, b) => order.get(a.id)! - order.get(b.id)!);
    }
    const f = filters;
    list = list.filter((c) => (!f.site || c.siteName === f.site) && (!f.tag || c.tags.includes(f.tag)) && (!f.entity || c.entityKeys.includes(f.entity)) && (!f.from || c.savedAt >= f.from) && (!f.to || c.savedAt.slice(0, 10) <= f.to));
    if (query.trim() && indexed) return list; // relevance order
    const by: Record<Sort, (a: Card, b: Card) => number> = {
      saved: (a, b) => b.savedAt.localeCompare(a.savedAt),
      published: (a, b) => (b.published || '').localeCompare(a.published || ''),
      title: (a, b) => a.title.localeCompare(b.title),
      site: (a, b) => a.siteName.localeCompare(b.siteName) || b.savedAt.localeCompare(a.savedAt),
    };
    return [...list].sort(by[sort]);
  }, [cards, query, filters, sort, indexed]);

  // Keyboard focus must not fall to <body> when the view changes under it: back from an article, to its entry in
  // the list (once: a later change of the list, by typing a search, must not pull focus away from the search box);
  // after Delete, to Undo.
  const returnTo = useRef<string | null>(null);
  const undoButton = useRef<HTMLButtonElement>(null);
  const focusUndo = useRef(false);
  useEffect(() => {
    if (open) returnTo.current = open.id;
    if (open !== undefined || !returnTo.current || !cards || partialOf !== null) return;
    document.querySelector<HTMLElement>(`#articles li[data-id="${CSS.escape(returnTo.current)}"] .title`)?.focus();
    returnTo.current = null;
  }, [open, shown, partialOf]);
  useEffect(() => {
    if (!focusUndo.current || !undoButton.current) return;
    undoButton.current.focus();
    // Deleting the open article goes on to the list, which renders an Undo of its own: focus that one too.
    if (open === undefined) focusUndo.current = false;
  });
  // Escape leaves an article (or the "not in the library" page) for the list, as the Back button does.
  useEffect(() => {
    if (open === undefined) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !e.defaultPrevented) location.hash = '';
    };
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  }, [open === undefined]);

  const remove = async (ids: string[]) => {
    try {
      const gone = await library.delete(ids);
      for (const id of ids) search.remove(id);
      setCards((cards ?? []).filter((c) => !ids.includes(c.id)));
      setSelected(new Set());
      returnTo.current = null; // its entry is gone: focus goes to Undo
      focusUndo.current = true;
      setMessage({ text: t('deleted', gone.map((a) => a.title).join('”, “')), undo: gone });
      if (open && ids.includes(open.id)) location.hash = '';
    } catch (e) {
      fail(e);
    }
  };
  const undo = async (records: SavedArticle[]) => {
    try {
      await library.putAll(records);
      returnTo.current = records[0]?.id ?? null; // Undo disappears: focus the restored entry
      setMessage(null);
      await reload();
    } catch (e) {
      fail(e);
    }
  };
  const importFile = async (file: File) => {
    try {
      const r = await importLibraryFile(await file.text(), library, window);
      if (!r.ok) return setMessage({ text: t('importFailed', r.error) });
      setMessage({ text: t('importDone', r.added, r.updated, r.skipped) });
      await reload();
    } catch (e) {
      fail(e);
    }
  };
  const exportAll = async (kind: 'json' | 'zip') => {
    try {
      const all = await library.all();
      const stamp = new Date().toISOString().slice(0, 10);
      if (kind === 'json') download(`newslens-library-${stamp}.json`, exportJson(all, new Date()), 'application/json');
      else download(`newslens-library-${stamp}.zip`, toMarkdownZip(all), 'application/zip');
    } catch (e) {
      fail(e);
    }
  };
  const exportEpub = async () => {
    try {
      const chosen = await library.getMany([...selected]);
      download(`newslens-${new Date().toISOString().slice(0, 10)}.epub`, toEpub(chosen, { title: t('libTitle'), now: new Date(), toXhtml }), 'application/epub+zip');
    } catch (e) {
      fail(e);
    }
  };

  const notice = message && (
    <div class="notice" role="status" id="notice">
      {message.text}{' '}
      {message.undo && (
        <button type="button" id="undo" ref={undoButton} onClick={() => void undo(message.undo!)}>
          {t('undo')}
        </button>
      )}
    </div>
  );

  if (open !== undefined) {
    return (
      <main class="library">
        {notice}
        {open === null ? (
          <>
            <p>{t('notFound')}</p>
            <button type="button" id="back" onClick={() => (location.hash = '')}>
              ← {t('back')}
            </button>
          </>
        ) : (
          <Reader
            article={open}
            onBack={() => (location.hash = '')}
            onDelete={() => void remove([open.id])}
            onTags={(next) =>
              void library.setTags(open.id, next).then((a) => {
                if (!a) return;
                setOpen(a);
                void reload();
              }, fail)
            }
          />
        )}
      </main>
    );
  }

  return (
    <main class="library">
      <header class="lib-head">
        <h1>{t('libTitle')}</h1>
        <input type="search" id="search" placeholder={t('libSearch')} aria-label={t('libSearch')} value={query} onInput={(e) => setQuery((e.target as HTMLInputElement).value)} />
        <p class="muted" id="count" aria-live="polite">
          {partialOf !== null ? t('libCount', partialOf, partialOf) : cards ? t('libCount', shown.length, cards.length) : ''} {cards && !indexed && query ? t('libIndexing') : ''}
        </p>
      </header>
      {notice}
      <div class="lib-body">
        <aside class="filters" aria-label={t('libFilters')}>
          <FilterControls cards={cards} sort={sort} onSort={setSort} filters={filters} onFilters={setFilters} />
          <hr />
          <button type="button" id="export-json" onClick={() => void exportAll('json')}>
            {t('exportJson')}
          </button>
          <button type="button" id="export-zip" onClick={() => void exportAll('zip')}>
            {t('exportZip')}
          </button>
          <button type="button" id="export-epub" disabled={selected.size === 0} onClick={() => void exportEpub()}>
            {t('exportEpub')} {selected.size ? `(${selected.size})` : ''}
          </button>
          <label class="file">
            <span>{t('importJson')}</span>
            <input
              type="file"
              id="import-json"
              accept=".json,application/json"
              onChange={(e) => {
                const f = (e.target as HTMLInputElement).files?.[0];
                if (f) void importFile(f);
                (e.target as HTMLInputElement).value = '';
              }}
            />
          </label>
        </aside>
        <section class="list" aria-label={t('libTitle')}>
          {cards && cards.length === 0 && <p class="muted">{t('libEmpty')}</p>}
          {cards && cards.length > 0 && shown.length === 0 && <p class="muted">{t('libNoMatch')}</p>}
          {shown.length > 0 && (
            <label class="select-all">
              <input type="checkbox" checked={shown.every((c) => selected.has(c.id))} onChange={(e) => setSelected((e.target as HTMLInputElement).checked ? new Set(shown.map((c) => c.id)) : new Set())} />
              {t('libSelectAll')} {selected.size ? `· ${t('libSelected', selected.size)}` : ''}
            </label>
          )}
          <ul id="articles">
            {shown.slice(0, limit).map((c) => (
              <li key={c.id} class="card" data-id={c.id}>
                <input
                  type="checkbox"
                  aria-label={t('libSelect', c.title)}
                  checked={selected.has(c.id)}
                  onChange={() => {
                    const next = new Set(selected);
                    if (next.has(c.id)) next.delete(c.id);
                    else next.add(c.id);
                    setSelected(next);
                  }}
                />
                <div>
                  <a class="title" href={`#${c.id}`}>
                    {c.title}
                  </a>
                  <p class="meta">
                    {[c.siteName, c.byline, c.published.slice(0, 10), t('readMinutes', c.readingMinutes), t('savedOn', c.savedAt.slice(0, 10))].filter(Boolean).join(' · ')}
                  </p>
                  <p class="excerpt">{c.excerpt}</p>
                  {c.tags.length > 0 && <p class="tags">{c.tags.map((x) => <span class="tag" key={x}>{x}</span>)}</p>}
                </div>
              </li>
            ))}
          </ul>
          {shown.length > limit && (
            <button type="button" id="more" onClick={() => setLimit(limit + PAGE * 4)}>
              {t('showMore', shown.length - limit)}
            </button>
          )}
        </section>
      </div>
    </main>
  );
}
