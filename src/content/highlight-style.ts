/**
 * CSS for entity highlights: ::highlight(nl-<type>) for the Highlight API, and the same look for the <nl-entity>
 * fallback, with per-type switches as one attribute on <html>.
 */
import type { EntityType } from '../core/entities/find-entities.js';
import { ENTITY_ORDER, ENTITY_STYLES } from '../shared/entity-palette.js';
import { highlightName } from './paint-highlights.js';

let css = '';

/** The rules, built once (PageController asks for them on every page start with highlights on). */
export function highlightCss(): string {
  return (css ||= ENTITY_ORDER.map((t: EntityType) => {
    const s = ENTITY_STYLES[t];
    const look = `background-color: ${s.background}; text-decoration: underline ${s.underline} ${s.hue}; text-decoration-thickness: 2px; text-underline-offset: 2px;`;
    return [
      `::highlight(${highlightName(t)}) { ${look} }`,
      `nl-entity[data-type="${t}"] { ${look} color: inherit; }`,
      `html[data-nl-entities-off~="${t}"] nl-entity[data-type="${t}"] { background-color: transparent; text-decoration: none; }`,
    ].join('\n');
  }).join('\n'));
}
