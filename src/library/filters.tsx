/**
 * The library's sort and filters (site, tag, name, date saved), with counts from the cards. Kept apart from app.tsx,
 * which holds the state: this part only shows it and reports changes.
 */
import { useMemo } from 'preact/hooks';
import type { Card } from '../shared/library-db.js';
import { t, type MessageKey } from '../shared/i18n.js';

export type Sort = 'saved' | 'published' | 'title' | 'site';
export interface Filters { site: string; tag: string; entity: string; from: string; to: string }
export const NO_FILTERS: Filters = { site: '', tag: '', entity: '', from: '', to: '' };

function counts(values: string[]): [string, number][] {
  const m = new Map<string, number>();
  for (const v of values) m.set(v, (m.get(v) ?? 0) + 1);
  return [...m].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

export function FilterControls(props: { cards: Card[] | null; sort: Sort; onSort: (s: Sort) => void; filters: Filters; onFilters: (f: Filters) => void }) {
  const { cards, filters } = props;
  const sites = useMemo(() => counts((cards ?? []).map((c) => c.siteName).filter(Boolean)), [cards]);
  const tags = useMemo(() => counts((cards ?? []).flatMap((c) => c.tags)), [cards]);
  const names = useMemo(() => counts((cards ?? []).flatMap((c) => c.entityKeys)).slice(0, 200), [cards]);
  const setFilter = (k: keyof Filters, v: string) => props.onFilters({ ...filters, [k]: v });
  return (
    <>
      <label>
        {t('libSort')}
        <select id="sort" value={props.sort} onChange={(e) => props.onSort((e.target as HTMLSelectElement).value as Sort)}>
          {(['saved', 'published', 'title', 'site'] as Sort[]).map((s) => (
            <option value={s} key={s}>
              {t(`sort${s[0].toUpperCase()}${s.slice(1)}` as MessageKey)}
            </option>
          ))}
        </select>
      </label>
      {(
        [
          ['site', 'filterSite', sites],
          ['tag', 'filterTag', tags],
          ['entity', 'filterEntity', names],
        ] as const
      ).map(([key, label, options]) => (
        <label key={key}>
          {t(label)}
          <select id={`filter-${key}`} value={filters[key]} onChange={(e) => setFilter(key, (e.target as HTMLSelectElement).value)}>
            <option value="">{t('filterAny')}</option>
            {options.map(([v, n]) => (
              <option value={v} key={v}>
                {key === 'entity' ? v.slice(v.indexOf(':') + 1) : v} ({n})
              </option>
            ))}
          </select>
        </label>
      ))}
      <label>
        {t('filterFrom')}
        <input type="date" id="filter-from" value={filters.from} onChange={(e) => setFilter('from', (e.target as HTMLInputElement).value)} />
      </label>
      <label>
        {t('filterTo')}
        <input type="date" id="filter-to" value={filters.to} onChange={(e) => setFilter('to', (e.target as HTMLInputElement).value)} />
      </label>
      <button type="button" onClick={() => props.onFilters(NO_FILTERS)}>
        {t('filterClear')}
      </button>
    </>
  );
}
