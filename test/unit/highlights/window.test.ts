/** A long article registers only the mentions around the reader, and the window follows the reader's scrolling. */
import { afterEach, describe, expect, test, vi } from 'vitest';
import { buildTextIndex } from '../../../src/core/entities/text-index.js';
import { paintEntities } from '../../../src/content/paint-highlights.js';
import { WINDOW_AFTER, WINDOW_BEFORE, windowAround, windowStale } from '../../../src/content/highlight-window.js';
import type { EntitySpan } from '../../../src/core/entities/find-entities.js';
import { loadPage } from '../../helpers.js';

/** A Highlight with the set operations the window uses. */
class SetHighlight extends Set<AbstractRange> {
  constructor(...ranges: AbstractRange[]) {
    super(ranges);
  }
}

const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(undefined)));

afterEach(() => vi.restoreAllMocks());

describe('paintEntities on a long article', () => {
  test('registers the mentions around the reader, follows the scrolling, and stops following once cleared', async () => {
    const count = 300;
    const doc = loadPage(`<html><body><article id="a">${Array.from({ length: count }, (_, i) => `<p data-y="${i * 20}">Okada spoke ${i}.</p>`).join('')}</article></body></html>`);
    // Layout by hand (happy-dom has none): paragraph i is 20 px below the one before, less how far the page scrolled.
    let scrolled = 0;
    vi.spyOn(Element.prototype, 'getBoundingClientRect').mockImplementation(function (this: Element) {
      const top = Number(this.closest('[data-y]')?.getAttribute('data-y') ?? 0) - scrolled;
      return { top, bottom: top + 18, y: top, height: 18, left: 0, right: 100, x: 0, width: 100, toJSON: () => ({}) } as DOMRect;
    });
    const idx = buildTextIndex(doc.getElementById('a')!);
    const spans: EntitySpan[] = [];
    for (let at = idx.text.indexOf('Okada'); at >= 0; at = idx.text.indexOf('Okada', at + 1)) spans.push({ type: 'PER', text: 'Okada', start: at, end: at + 5 });
    const reg = new Map<string, SetHighlight>();
    const registry = { set: (k: string, v: unknown) => reg.set(k, v as SetHighlight), delete: (k: string) => reg.delete(k) };
    // Which paragraphs have their mention registered.
    const registered = () => [...(reg.get('nl-per') ?? [])].map((r) => Number((r.startContainer.parentElement as Element).getAttribute('data-y')) / 20).sort((a, b) => a - b);

    const p = paintEntities(doc, idx, spans, { registry, Highlight: SetHighlight });
    expect(p.mentions).toHaveLength(count); // all of them painted, as far as the legend and tooltips go
    expect(registered()).toEqual(Array.from({ length: WINDOW_BEFORE + WINDOW_AFTER }, (_, i) => i));

    scrolled = 250 * 20; // paragraph 250 at the top of the viewport
    doc.dispatchEvent(new Event('scroll'));
    await frame();
    await frame();
    const { from, to } = windowAround(250, count);
    expect(registered()).toEqual(Array.from({ length: to - from }, (_, i) => from + i));
    expect(registered()).toContain(299);
    expect(registered()).not.toContain(0);

    p.clear();
    expect(reg.size).toBe(0);
    scrolled = 0;
    doc.dispatchEvent(new Event('scroll'));
    await frame();
    await frame();
    expect(reg.size).toBe(0);
  });
});

describe('the window', () => {
  test('keeps its size inside the article, and moves only when the reader nears an edge it can move past', () => {
    const size = WINDOW_BEFORE + WINDOW_AFTER;
    expect(windowAround(0, 1000)).toEqual({ from: 0, to: size });
    expect(windowAround(500, 1000)).toEqual({ from: 500 - WINDOW_BEFORE, to: 500 - WINDOW_BEFORE + size });
    expect(windowAround(999, 1000)).toEqual({ from: 1000 - size, to: 1000 });
    const w = windowAround(500, 1000);
    expect(windowStale(w, 500, 1000)).toBe(false);
    expect(windowStale(w, w.to - WINDOW_AFTER / 2 + 1, 1000)).toBe(true); // near the end of the window
    expect(windowStale(w, w.from + WINDOW_BEFORE / 2 - 1, 1000)).toBe(true); // near its start
    expect(windowStale(windowAround(0, 1000), 0, 1000)).toBe(false); // at the top of the article: nothing before
    expect(windowStale(windowAround(999, 1000), 999, 1000)).toBe(false); // at its end: nothing after
  });
});
