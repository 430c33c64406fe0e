/**
 * The options page: sites, categories, names, the user's rules and imported filter lists. Every change is saved at
 * once (rules on "Save") and open tabs apply it through storage.onChanged.
 */
import { useEffect, useState } from 'preact/hooks';
import { CATEGORIES, type Category } from '../core/clutter/types.js';
import { DETECTORS } from '../core/clutter/detectors.js';
import { loadSettings, saveSettings, type Settings } from '../shared/settings.js';
import { ENTITY_ORDER } from '../shared/entity-palette.js';
import { t, type MessageKey } from '../shared/i18n.js';
import { categoryKey } from '../popup/app.js';
import { RulesEditor } from './rules-editor.js';
import { FilterLists } from './filter-lists.js';
import browser from '../shared/browser.js';

const CATEGORY_OF = new Map<string, Category>(DETECTORS.map((d) => [d.id, d.category]));
CATEGORY_OF.set('off-article', 'chrome');
CATEGORY_OF.set('article-captions', 'gallery');

/** A stopped check in a reader's words: its category as the popup names it, the check's id for the curious. */
const detectorName = (id: string) => {
  const c = CATEGORY_OF.get(id);
  return c ? `${t(categoryKey(c))} (${id})` : id;
};

/** The origins the optional host permission covers (kept equal to background/save.ts). */
const EMBED_ORIGINS = ['http://*/*', 'https://*/*'];

export function Options() {
  const [s, setS] = useState<Settings | null>(null);
  const [notice, setNotice] = useState('');
  useEffect(() => {
    void loadSettings().then(setS);
  }, []);
  if (!s) return null;
  const save = async (patch: Partial<Settings>) => {
    setS({ ...s, ...patch });
    await saveSettings(patch);
  };
  const sites = Object.entries(s.sites).sort(([a], [b]) => a.localeCompare(b));
  return (
    <main class="options">
      <h1>{t('optTitle')}</h1>

      <section aria-labelledby="sites">
        <h2 id="sites">{t('optSites')}</h2>
        <label class="check">
          <input type="checkbox" id="default-enabled" checked={s.defaultEnabled} onChange={(e) => void save({ defaultEnabled: (e.target as HTMLInputElement).checked })} />
          {t('optDefaultOn')}
        </label>
        {sites.length === 0 ? (
          <p class="muted">{t('optSiteListEmpty')}</p>
        ) : (
          <ul class="sites">
            {sites.map(([host, site]) => (
              <li key={host} data-host={host}>
                <label class="check">
                  <input
                    type="checkbox"
                    checked={site.enabled ?? s.defaultEnabled}
                    aria-label={`${host}: ${site.enabled ?? s.defaultEnabled ? t('optSiteOn') : t('optSiteOff')}`}
                    onChange={(e) => void save({ sites: { ...s.sites, [host]: { ...site, enabled: (e.target as HTMLInputElement).checked } } })}
                  />
                  <span class="host">{host}</span>
                </label>
                {site.disabledDetectors?.length ? (
                  // Stopped by "Keep on this site" before it kept the element instead: each can be turned on again.
                  <span class="muted stopped">
                    {' '}
                    {t('optSiteDetectorsOff')}
                    {site.disabledDetectors.map((id) => (
                      <span key={id} class="stopped-check">
                        {detectorName(id)}{' '}
                        <button
                          type="button"
                          aria-label={`${host}: ${detectorName(id)}: ${t('optSiteDetectorOn')}`}
                          onClick={() => void save({ sites: { ...s.sites, [host]: { ...site, disabledDetectors: site.disabledDetectors!.filter((d) => d !== id) } } })}
                        >
                          {t('optSiteDetectorOn')}
                        </button>
                      </span>
                    ))}
                  </span>
                ) : null}
                <button
                  type="button"
                  onClick={() => {
                    const rest = { ...s.sites };
                    delete rest[host];
                    void save({ sites: rest });
                  }}
                >
                  {t('optForget')}
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="cats">
        <h2 id="cats">{t('optCategories')}</h2>
        <ul class="grid">
          {CATEGORIES.map(({ id }) => (
            <li key={id}>
              <label class="check">
                <input
                  type="checkbox"
                  data-category={id}
                  checked={!s.disabledCategories.includes(id)}
                  onChange={(e) => {
                    const rest = s.disabledCategories.filter((c) => c !== id);
                    void save({ disabledCategories: (e.target as HTMLInputElement).checked ? rest : [...rest, id] });
                  }}
                />
                {t(categoryKey(id))}
              </label>
            </li>
          ))}
        </ul>
        <label class="check">
          <input type="checkbox" checked={s.hideArticleCaptions} onChange={(e) => void save({ hideArticleCaptions: (e.target as HTMLInputElement).checked })} />
          {t('hideCaptions')}
        </label>
      </section>

      <section aria-labelledby="names">
        <h2 id="names">{t('optNames')}</h2>
        <label class="check">
          <input type="checkbox" checked={s.highlights} onChange={(e) => void save({ highlights: (e.target as HTMLInputElement).checked })} />
          {t('optHighlightsOn')}
        </label>
        <ul class="grid">
          {ENTITY_ORDER.map((type) => (
            <li key={type}>
              <label class="check">
                <input
                  type="checkbox"
                  checked={!s.hiddenEntityTypes.includes(type)}
                  onChange={(e) => {
                    const rest = s.hiddenEntityTypes.filter((x) => x !== type);
                    void save({ hiddenEntityTypes: (e.target as HTMLInputElement).checked ? rest : [...rest, type] });
                  }}
                />
                {t(`ent${type}` as MessageKey)}
              </label>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="library">
        <h2 id="library">{t('optLibrary')}</h2>
        <label class="check">
          <input
            type="checkbox"
            id="embed-images"
            checked={s.embedImages}
            onChange={async (e) => {
              const on = (e.target as HTMLInputElement).checked;
              // Fetching pictures needs host permissions, asked for only now and only if wanted (optional).
              const granted = !on || (await browser.permissions.request({ origins: EMBED_ORIGINS }).catch(() => false));
              setNotice(granted ? '' : t('optEmbedDenied'));
              void save({ embedImages: on && granted });
            }}
          />
          {t('optEmbed')}
        </label>
        {notice && (
          <p class="muted" role="status" id="embed-status">
            {notice}
          </p>
        )}
      </section>

      <section aria-labelledby="rules">
        <h2 id="rules">{t('optRules')}</h2>
        <RulesEditor text={s.userRules} onSave={(text, compiled) => save({ userRules: text, userRulesCompiled: compiled })} />
      </section>

      <section aria-labelledby="lists">
        <h2 id="lists">{t('optLists')}</h2>
        <FilterLists lists={s.filterLists} onChange={(filterLists) => save({ filterLists })} />
      </section>

      <p class="muted privacy">{t('optPrivacy')}</p>
    </main>
  );
}
