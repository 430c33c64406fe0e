/**
 * The entity legend: a switch for highlights, then each type with its colour and underline, its count on this
 * page, and a checkbox to show or hide it.
 */
import type { EntityType } from '../core/entities/find-entities.js';
import type { EntityState } from '../shared/messages.js';
import { ENTITY_ORDER, ENTITY_STYLES } from '../shared/entity-palette.js';
import { Switch } from './switch.js';
import { t, type MessageKey } from '../shared/i18n.js';

const STATUS: Record<EntityState['status'], MessageKey | null> = {
  off: 'entitiesOff',
  'no-article': 'entitiesNoArticle',
  loading: 'entitiesLoading',
  ready: null,
  error: 'entitiesError',
};

export function EntityLegend(props: { state: EntityState; onToggle: (on: boolean) => void; onType: (type: EntityType, on: boolean) => void }) {
  const { state } = props;
  // Times and percentages are rare; list a type when it occurs, or always for the four name types.
  const types = ENTITY_ORDER.filter((t) => (state.counts[t] ?? 0) > 0 || ['PER', 'LOC', 'ORG', 'MISC'].includes(t));
  const key = STATUS[state.status];
  const status = key ? t(key, state.error ?? '') : '';
  return (
    <section class="entities" aria-labelledby="entities-title">
      <h2 id="entities-title">{t('entitiesTitle')}</h2>
      <Switch id="toggle-highlights" label={t('entitiesSwitch')} checked={state.enabled} onChange={props.onToggle} />
      {status && (
        <p class="muted" id="entities-status" role="status">
          {status}
        </p>
      )}
      {state.enabled && state.status === 'ready' && state.namesSkipped && (
        <p class="muted" id="entities-language">
          {t('entitiesEnglishOnly')}
        </p>
      )}
      {state.enabled && state.status === 'ready' && (
        <ul class="legend">
          {types.map((type) => {
            const s = ENTITY_STYLES[type];
            return (
              <li key={type}>
                <label>
                  <input type="checkbox" data-entity-type={type} checked={!state.hiddenTypes.includes(type)} onChange={(e) => props.onType(type, (e.target as HTMLInputElement).checked)} />
                  <span class="swatch" aria-hidden="true" style={{ background: s.background, borderBottom: `2px ${s.underline === 'wavy' ? 'dotted' : s.underline} ${s.hue}` }} />
                  <span class="label">{t(`ent${type}` as MessageKey)}</span>
                  <span class="count" data-entity-count={type} aria-label={t('mentions', state.counts[type] ?? 0)}>
                    {state.counts[type] ?? 0}
                  </span>
                </label>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
