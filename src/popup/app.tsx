/**
 * The popup: what NewsLens hid on this page, a switch for the tab and one per category.
 */
import { useEffect, useState } from 'preact/hooks';
import { CATEGORIES, type Category } from '../core/clutter/types.js';
import type { PageState, Result } from '../shared/messages.js';
import type { Connector } from './connector.js';
import { Switch } from './switch.js';
import { EntityLegend } from './entity-legend.js';

export function App({ connector }: { connector: Connector }) {
  const [state, setState] = useState<PageState | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

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

  return (
    <main class="popup" aria-busy={busy}>
      <header>
        <h1>NewsLens</h1>
        {state && <span class="host" title={state.url}>{state.host}</span>}
      </header>
      {error && (
        <p class="error" role="alert" id="error">
          {error}
        </p>
      )}
      {!state && !error && <p class="muted">Looking at the page…</p>}
      {state && (
        <>
          <p class="summary" id="summary" aria-live="polite">
            {state.enabled ? (
              <>
                <strong id="hidden-count">{state.hiddenCount}</strong> {state.hiddenCount === 1 ? 'element' : 'elements'} hidden
                {!state.isArticle && ' (no article found on this page)'}
              </>
            ) : (
              'Hiding is off on this tab.'
            )}
          </p>
          <Switch id="toggle-hiding" label="Declutter this tab" checked={state.enabled} disabled={busy} onChange={(on) => run(connector.setHidingEnabled(on))} />
          <fieldset class="categories" disabled={!state.enabled}>
            <legend>Hide on every site</legend>
            <ul>
              {CATEGORIES.map(({ id, label }) => (
                <li key={id}>
                  <label>
                    <input
                      type="checkbox"
                      data-category={id}
                      checked={!state.disabledCategories.includes(id)}
                      onChange={(e) => toggleCategory(id, (e.target as HTMLInputElement).checked)}
                    />
                    <span class="label">{label}</span>
                    <span class="count" aria-label={`${state.counts[id] ?? 0} found`}>{state.counts[id] ?? 0}</span>
                  </label>
                </li>
              ))}
            </ul>
            <label class="option">
              <input type="checkbox" id="hide-article-captions" checked={state.hideArticleCaptions} onChange={(e) => {
                  const hide = (e.target as HTMLInputElement).checked;
                  setState({ ...state, hideArticleCaptions: hide }); // follow the click at once
                  void run(connector.setArticleCaptionsHidden(hide));
                }} />
              <span>Also hide captions of the article's own pictures</span>
            </label>
          </fieldset>
          <EntityLegend
            state={state.entities}
            onToggle={(on) => run(connector.setHighlightsEnabled(on))}
            onType={(type, on) => {
              const hidden = state.entities.hiddenTypes.filter((t) => t !== type);
              setState({ ...state, entities: { ...state.entities, hiddenTypes: on ? hidden : [...hidden, type] } });
              void run(connector.setEntityTypeVisible(type, on));
            }}
          />
        </>
      )}
    </main>
  );
}
