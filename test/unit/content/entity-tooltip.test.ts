/** The keyboard tooltip of highlighted mentions (Alt+Shift+→/←) can be dismissed with Escape. */
import { expect, test } from 'vitest';
import { attachTooltips } from '../../../src/content/entity-tooltip.js';
import type { EntityType } from '../../../src/core/entities/find-entities.js';

const key = (init: KeyboardEventInit) => document.dispatchEvent(new KeyboardEvent('keydown', { bubbles: true, cancelable: true, ...init }));

test('Escape hides the tooltip opened with Alt+Shift+→, and the next step shows it again', () => {
  document.body.innerHTML = '<p>Ingrid Solberg met officials in Oslo.</p>';
  const text = document.querySelector('p')!.firstChild!;
  const range = document.createRange();
  range.setStart(text, 0);
  range.setEnd(text, 14);
  const mentions = [{ span: { type: 'PER' as EntityType, text: 'Ingrid Solberg', start: 0, end: 14 }, range }];
  const tips = attachTooltips(document, mentions, () => new Set<EntityType>(['PER']));
  const shadow = document.querySelector('nl-tooltip')!.shadowRoot!;
  const tip = shadow.querySelector<HTMLElement>('.tip')!;
  const ring = shadow.querySelector<HTMLElement>('.ring')!;

  key({ key: 'ArrowRight', altKey: true, shiftKey: true });
  expect(tip.hidden).toBe(false);
  expect(tip.textContent).toContain('Ingrid Solberg');
  key({ key: 'Escape' });
  expect(tip.hidden).toBe(true);
  expect(ring.hidden).toBe(true);
  key({ key: 'ArrowRight', altKey: true, shiftKey: true });
  expect(tip.hidden).toBe(false);
  tips.destroy();
});
