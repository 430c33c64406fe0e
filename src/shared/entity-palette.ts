/**
 * Entity colours, shared by the page highlights and the popup legend. Okabe–Ito hues (distinguishable with the
 * common colour-vision deficiencies) as translucent backgrounds, so the page's own text colour stays readable on
 * light and dark pages. The four kinds of name also have an underline style each, so colour is never the only cue
 * between them. Eight types, five underline styles: no two types share both colour and underline, and dates and
 * times, which share a colour (both say when), differ by underline (double, dotted).
 */
import type { EntityType } from '../core/entities/find-entities.js';

export interface EntityStyle {
  /** Background tint (rgba). */
  background: string;
  /** Solid hue for the legend swatch and the underline. */
  hue: string;
  underline: 'solid' | 'dotted' | 'dashed' | 'wavy' | 'double';
}

export const ENTITY_STYLES: Record<EntityType, EntityStyle> = {
  PER: { hue: '#E69F00', background: 'rgba(230, 159, 0, 0.32)', underline: 'solid' },
  LOC: { hue: '#56B4E9', background: 'rgba(86, 180, 233, 0.32)', underline: 'dotted' },
  ORG: { hue: '#009E73', background: 'rgba(0, 158, 115, 0.28)', underline: 'dashed' },
  MISC: { hue: '#CC79A7', background: 'rgba(204, 121, 167, 0.28)', underline: 'wavy' },
  DATE: { hue: '#B8A800', background: 'rgba(240, 228, 66, 0.38)', underline: 'double' },
  TIME: { hue: '#B8A800', background: 'rgba(240, 228, 66, 0.38)', underline: 'dotted' },
  MONEY: { hue: '#0072B2', background: 'rgba(0, 114, 178, 0.24)', underline: 'double' },
  PERCENT: { hue: '#D55E00', background: 'rgba(213, 94, 0, 0.24)', underline: 'double' },
};

/** Display order in the legend. */
export const ENTITY_ORDER: readonly EntityType[] = ['PER', 'LOC', 'ORG', 'MISC', 'DATE', 'TIME', 'MONEY', 'PERCENT'];
