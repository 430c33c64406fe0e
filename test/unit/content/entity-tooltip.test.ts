/** The keyboard tooltip of highlighted mentions (Alt+Shift+→/←) can be dismissed with Escape. */
import { expect, test, vi } from 'vitest';
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

test('the tooltip counts every mention of the same name and type, whatever its case (counted when it first shows)', () => {
  document.body.innerHTML = '<p>Solberg spoke. SOLBERG left Oslo. Solberg is a town too.</p>';
  const text = document.querySelector('p')!.firstChild! as Text;
  const mention = (type: EntityType, needle: string, from = 0) => {
    const start = text.data.indexOf(needle, from);
    const range = document.createRange();
    range.setStart(text, start);
    range.setEnd(text, start + needle.length);
    return { span: { type, text: needle, start, end: start + needle.length }, range };
  };
  // The third "Solberg" is a place: a name of another type is counted apart.
  const mentions = [mention('PER', 'Solberg'), mention('PER', 'SOLBERG'), mention('LOC', 'Oslo'), mention('LOC', 'Solberg', 30)];
  const tips = attachTooltips(document, mentions, () => new Set<EntityType>(['PER', 'LOC']));
  const tip = document.querySelector('nl-tooltip')!.shadowRoot!.querySelector<HTMLElement>('.tip')!;
  const step = () => key({ key: 'ArrowRight', altKey: true, shiftKey: true });
  step();
  expect(tip.textContent).toContain('“Solberg”');
  expect(tip.textContent).toMatch(/\b2\b/);
  step();
  step();
  expect(tip.textContent).toContain('“Oslo”');
  expect(tip.textContent).not.toMatch(/\b2\b/);
  step();
  expect(tip.textContent).toContain('“Solberg”');
  expect(tip.textContent).not.toMatch(/\b2\b/);
  tips.destroy();
});

test('the scroll that brings a stepped-to mention into view keeps its tooltip; a later scroll by the reader hides it', async () => {
  document.body.innerHTML = '<p>Ingrid Solberg met officials in Oslo.</p>';
  const text = document.querySelector('p')!.firstChild!;
  const range = document.createRange();
  range.setStart(text, 0);
  range.setEnd(text, 14);
  const tips = attachTooltips(document, [{ span: { type: 'PER' as EntityType, text: 'Ingrid Solberg', start: 0, end: 14 }, range }], () => new Set<EntityType>(['PER']));
  const tip = document.querySelector('nl-tooltip')!.shadowRoot!.querySelector<HTMLElement>('.tip')!;
  key({ key: 'ArrowRight', altKey: true, shiftKey: true });
  document.dispatchEvent(new Event('scroll'));
  expect(tip.hidden).toBe(false);
  await new Promise((resolve) => requestAnimationFrame(resolve));
  expect(tip.hidden).toBe(false);
  const now = performance.now();
  const later = vi.spyOn(performance, 'now').mockReturnValue(now + 5000);
  document.dispatchEvent(new Event('scroll'));
  expect(tip.hidden).toBe(true);
  later.mockRestore();
  tips.destroy();
});
