import { expect, test } from 'vitest';
import { ENTITY_ORDER, ENTITY_STYLES } from '../../../src/shared/entity-palette.js';

test('no two entity types look the same: each has its own pair of colour and underline', () => {
  const looks = ENTITY_ORDER.map((t) => `${ENTITY_STYLES[t].hue} ${ENTITY_STYLES[t].underline}`);
  expect(new Set(looks).size).toBe(ENTITY_ORDER.length);
});

test('the four kinds of name differ by underline too, so colour is never the only cue between them', () => {
  const underlines = (['PER', 'LOC', 'ORG', 'MISC'] as const).map((t) => ENTITY_STYLES[t].underline);
  expect(new Set(underlines).size).toBe(4);
});
