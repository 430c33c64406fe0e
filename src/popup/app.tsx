/**
 * The popup: what NewsLens did on this page and the switches to change it — this site, this tab, each category,
 * names — plus the picker, "show hidden" and the way to the settings.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { CATEGORIES, type Category } from '../core/clutter/types.js';
import type { PageState, Result } from '../shared/messages.js';
import { t, type MessageKey } from '../shared/i18n.js';
import type { Connector } from './connector.js';
import { Switch } from './switch.js';
import { EntityLegend } from './entity-legend.js';

/** Message key of a category's label ("social" -> "catSocial"). */
export const categoryKey = (c: Category) => `cat${c[0].toUpperCase()}${c.slice(1)}` as MessageKey;

export function App({ connector }: { connector: Connector }) {
  const [state, setState] = useState<PageState | null>(null);
  const quietIds = useRef<Set<Category> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<{ ok: boolean; text: string; id?: string } | null>(null);
  const [saving, setSaving] = useState(false);
  const save = async () => {
    setSaving(true);
    const r = await connector.saveArticle();
    setSaving(false);
    setSaved(r.ok ? { ok: true, id: r.value.id, text: t(r.value.updated ? 'savedUpdated' : 'savedNew', r.value.title) } : { ok: false, text: t('saveFailed', r.error) });
  };

  const apply = (r: Result<PageState>) => {
    if (r.ok) {
      setState(r.value);
      setError(null);
    } else setError(r.error);
  };
  useEffect(() => {
    void connector.getPageState().then(apply);
  }, [connector]);

  const run = async (p: Promise<Result<PageState>>) => {
    setBusy(true);
    apply(await p);
    setBusy(false);
  };
  /** Flip a category at once (the checkbox must not lag behind the click), then take the page's answer. */
  const toggleCategory = (id: Category, on: boolean) => {
    if (state) {
      const disabled = state.disabledCategories.filter((c) => c !== id);
      setState({ ...state, disabledCategories: on ? disabled : [...disabled, id] });
    }
    void run(connector.setCategoryEnabled(id, on));
  };

  // Categories with something found here, or switched off (so it can be switched on again), are listed; the rest fold.
  // Decided once per popup: a box switched inside the fold stays where the reader's focus is.
  if (state && !quietIds.current) {
    quietIds.current = new Set(CATEGORIES.filter(({ id }) => !(state.counts[id] ?? 0) && !state.disabledCategories.includes(id)).map(({ id }) => id));
  }
  const shown = CATEGORIES.filter(({ id }) => !quietIds.current?.has(id));
  const quiet = CATEGORIES.filter(({ id }) => quietIds.current?.has(id));
  const categoryRow = ({ id }: { id: Category }) => (
    <li key={id}>
      <label>
        <input type="checkbox" data-category={id} checked={!state!.disabledCategories.includes(id)} onChange={(e) => toggleCategory(id, (e.target as HTMLInputElement).checked)} />
        <span class="label">{t(categoryKey(id))}</span>
        <span class="count" aria-label={t('foundCount', state!.counts[id] ?? 0)}>
          {state!.counts[id] ?? 0}
        </span>
      </label>
    </li>
  );
  return (
    <main class="popup" aria-busy={busy}>
      <header>
        <h1>{t('extName')}</h1>
        {state && <span class="host" title={state.url}>{state.host}</span>}
      </header>
      {error && (
        // A page NewsLens does not run on (about:blank, the browser's own pages, the web store) is not a failure.
        <p {...(error === t('notRunning') ? { class: 'muted', role: 'status' } : { class: 'error', role: 'alert' })} id="error">
          {error}
        </p>
      )}
      {!state && !error && <p class="muted">{t('popupLooking')}</p>}
      {state && (
        <>
          <Switch id="toggle-site" label={t('siteSwitch')} checked={state.siteEnabled} disabled={busy} onChange={(on) => run(connector.setSiteEnabled(on))} />
          {!state.siteEnabled && <p class="summary muted" id="summary">{t('siteOff')}</p>}
          {state.siteEnabled && (
            <>
              <p class="summary" id="summary" aria-live="polite">
                {state.enabled ? (
                  <>
                    <strong id="hidden-count">{state.hiddenCount}</strong> {t(state.hiddenCount === 1 ? 'hiddenCountOne' : 'hiddenCountOther')}
                    {!state.isArticle && ` ${t('noArticle')}`}
                  </>
                ) : (
                  t('hidingOffTab')
                )}
              </p>
              <Switch id="toggle-hiding" label={t('tabSwitch')} checked={state.enabled} disabled={busy} onChange={(on) => run(connector.setHidingEnabled(on))} />
              <div class="save">
                <button type="button" id="save" class="primary" disabled={saving || !state.isArticle} onClick={() => void save()}>
                  {saving ? t('saving') : t('saveButton')}
                </button>
                {saved && (
                  <p id="save-result" role="status" class={saved.ok ? 'ok' : 'error'}>
                    {saved.text}{' '}
                    {saved.ok && (
                      <button type="button" class="link" id="open-saved" onClick={() => connector.openLibrary(saved.id)}>
                        {t('openLibrary')}
                      </button>
                    )}
                  </p>
                )}
              </div>
              <div class="actions">
                <button type="button" id="pick" onClick={() => void connector.startPicker().then(() => window.close())}>
                  {t('pickElement')}
                </button>
                <button
                  type="button"
                  id="show-hidden"
                  aria-pressed={state.revealing ?? false}
                  onClick={() => {
                    // The page owns the mode (it outlives the popup): start from its answer, follow the click at once.
                    const on = !state.revealing;
                    setState({ ...state, revealing: on });
                    void run(connector.setShowHidden(on));
                  }}
                >
                  {t('showHidden')}
                </button>
              </div>
              <fieldset class="categories" disabled={!state.enabled}>
                <legend>{t('categoriesLegend')}</legend>
                <ul>{shown.map(categoryRow)}</ul>
                {quiet.length > 0 && (
                  // Categories with nothing found here, switched on: one line until asked for (the popup stays under
                  // the 600 px Chrome gives it).
                  <details class="quiet">
                    <summary>{t('categoriesQuiet', quiet.length)}</summary>
                    <ul>{quiet.map(categoryRow)}</ul>
                  </details>
                )}
                <label class="option">
                  <input
                    type="checkbox"
                    id="hide-article-captions"
                    checked={state.hideArticleCaptions}
                    onChange={(e) => {
                      const hide = (e.target as HTMLInputElement).checked;
                      setState({ ...state, hideArticleCaptions: hide }); // follow the click at once
                      void run(connector.setArticleCaptionsHidden(hide));
                    }}
                  />
                  <span>{t('hideCaptions')}</span>
                </label>
              </fieldset>
              <EntityLegend
                state={state.entities}
                onToggle={(on) => run(connector.setHighlightsEnabled(on))}
                onType={(type, on) => {
                  const hidden = state.entities.hiddenTypes.filter((x) => x !== type);
                  setState({ ...state, entities: { ...state.entities, hiddenTypes: on ? hidden : [...hidden, type] } });
                  void run(connector.setEntityTypeVisible(type, on));
                }}
              />
            </>
          )}
        </>
      )}
      <footer class="links">
        <button type="button" class="link" id="open-library" onClick={() => connector.openLibrary()}>
          {t('openLibrary')}
        </button>{' '}
        <button type="button" class="link" id="open-options" onClick={() => connector.openOptions()}>
          {t('openOptions')}
        </button>
      </footer>
    </main>
  );
}
