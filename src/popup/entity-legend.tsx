/**
 * The entity legend: a switch for highlights, then each type with its colour and underline, its count on this
 * page, and a checkbox to show or hide it.
 */
import type { EntityType } from '../core/entities/find-entities.js';
import type { EntityState } from '../shared/messages.js';
import { ENTITY_ORDER, ENTITY_STYLES } from '../shared/entity-palette.js';
import { Switch } from './switch.js';

const STATUS: Record<EntityState['status'], string> = {
  off: 'Highlights are off.',
  'no-article': 'No article found on this page.',
  loading: 'Finding names…',
  ready: '',
  error: 'Could not find names',
};

export function EntityLegend(props: { state: EntityState; onToggle: (on: boolean) => void; onType: (type: EntityType, on: boolean) => void }) {
  const { state } = props;
  // Times and percentages are rare; list a type when it occurs, or always for the four name types.
  const types = ENTITY_ORDER.filter((t) => (state.counts[t] ?? 0) > 0 || ['PER', 'LOC', 'ORG', 'MISC'].includes(t));
  const status = state.status === 'error' ? `${STATUS.error}: ${state.error ?? 'unknown error'}` : STATUS[state.status];
  return (
    <section class="entities" aria-labelledby="entities-title">
      <h2 id="entities-title">Names in this article</h2>
      <Switch id="toggle-highlights" label="Highlight people, places, organisations" checked={state.enabled} onChange={props.onToggle} />
      {status && (
        <p class="muted" id="entities-status" role="status">
          {status}
        </p>
      )}
      {state.enabled && state.status === 'ready' && (
        <ul class="legend">
          {types.map((t) => {
            const s = ENTITY_STYLES[t];
            return (
              <li key={t}>
                <label>
                  <input type="checkbox" data-entity-type={t} checked={!state.hiddenTypes.includes(t)} onChange={(e) => props.onType(t, (e.target as HTMLInputElement).checked)} />
                  <span class="swatch" aria-hidden="true" style={{ background: s.background, borderBottom: `2px ${s.underline === 'wavy' ? 'dotted' : s.underline} ${s.hue}` }} />
                  <span class="label">{s.label}</span>
                  <span class="count" data-entity-count={t} aria-label={`${state.counts[t] ?? 0} mentions`}>
                    {state.counts[t] ?? 0}
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
