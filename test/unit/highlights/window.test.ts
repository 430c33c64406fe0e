/** A long article registers only the mentions around the reader, and the window follows the reader's scrolling. */
import { afterEach, describe, expect, test, vi } from 'vitest';
import { buildTextIndex } from '../../../src/core/entities/text-index.js';
import { paintEntities } from '../../../src/content/paint-highlights.js';
import { WINDOW_AFTER, WINDOW_BEFORE, onScreen, windowAround, windowStale } from '../../../src/content/highlight-window.js';
import type { EntitySpan } from '../../../src/core/entities/find-entities.js';
import { loadPage } from '../../helpers.js';

/** A Highlight with the set operations the window uses. */
class SetHighlight extends Set<AbstractRange> {
  constructor(...ranges: AbstractRange[]) {
    super(ranges);
  }
}

const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(undefined)));
const LINE = 20;
let scrolled = 0;

/**
 * Layout by hand (happy-dom has none): a text is placed by the `data-y` of its element, plus, in an element marked
 * `data-lines` (one tall block, lines split by <br>), its line; less how far the page has scrolled. Text in an
 * element marked `data-hidden` has no box.
 */
function layOut(): void {
  vi.spyOn(Range.prototype, 'getBoundingClientRect').mockImplementation(function (this: Range) {
    const node = this.startContainer;
    const el = node.parentElement!;
    if (el.hasAttribute('data-hidden')) return { top: 0, bottom: 0, y: 0, height: 0, left: 0, right: 0, x: 0, width: 0, toJSON: () => ({}) } as DOMRect;
    const line = el.hasAttribute('data-lines') ? Math.floor(Array.prototype.indexOf.call(el.childNodes, node) / 2) : 0;
    const top = Number(el.getAttribute('data-y') ?? 0) + line * LINE - scrolled;
    return { top, bottom: top + 18, y: top, height: 18, left: 0, right: 100, x: 0, width: 100, toJSON: () => ({}) } as DOMRect;
  });
}

function paint(html: string) {
  const doc = loadPage(`<html><body><article id="a">${html}</article></body></html>`);
  const idx = buildTextIndex(doc.getElementById('a')!);
  const spans: EntitySpan[] = [];
  for (let at = idx.text.indexOf('Okada'); at >= 0; at = idx.text.indexOf('Okada', at + 1)) spans.push({ type: 'PER', text: 'Okada', start: at, end: at + 5 });
  const reg = new Map<string, SetHighlight>();
  const registry = { set: (k: string, v: unknown) => reg.set(k, v as SetHighlight), delete: (k: string) => reg.delete(k) };
  const painter = paintEntities(doc, idx, spans, { registry, Highlight: SetHighlight });
  // Which mentions are registered, by their index in the article.
  const registered = () => [...(reg.get('nl-per') ?? [])].map((r) => painter.mentions.findIndex((m) => m.range === r)).sort((a, b) => a - b);
  return { doc, painter, reg, registered };
}

const scrollTo = async (doc: Document, y: number) => {
  scrolled = y;
  doc.dispatchEvent(new Event('scroll'));
  await frame();
  await frame();
};
const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);

afterEach(() => {
  vi.restoreAllMocks();
  scrolled = 0;
});

describe('paintEntities on a long article', () => {
  test('registers the mentions around the reader, follows the scrolling, and stops following once cleared', async () => {
    layOut();
    const count = 300;
    const { doc, painter, reg, registered } = paint(Array.from({ length: count }, (_, i) => `<p data-y="${i * LINE}">Okada spoke ${i}.</p>`).join(''));
    expect(painter.mentions).toHaveLength(count); // all of them painted, as far as the legend and tooltips go
    expect(registered()).toEqual(range(0, WINDOW_BEFORE + WINDOW_AFTER));

    await scrollTo(doc, 250 * LINE); // paragraph 250 at the top of the viewport
    const at = onScreen(doc, painter.mentions);
    expect(at.first).toBe(250);
    const { from, to } = windowAround(at, count);
    expect(registered()).toEqual(range(from, to));
    expect(registered()).toContain(299);
    expect(registered()).not.toContain(0);

    const kept = reg.get('nl-per')!;
    const before = [...kept];
    painter.clear();
    expect(reg.size).toBe(0);
    await scrollTo(doc, 0);
    expect([...kept]).toEqual(before); // no longer following: the old window is left as it was
  });

  test('a resize (or zoom) that changes what is on screen moves the window too', async () => {
    layOut();
    const { doc, registered } = paint(Array.from({ length: 300 }, (_, i) => `<p data-y="${i * LINE}">Okada spoke ${i}.</p>`).join(''));
    scrolled = 290 * LINE; // as if the page reflowed: no scroll event
    doc.defaultView!.dispatchEvent(new Event('resize'));
    await frame();
    await frame();
    expect(registered()).toContain(299);
  });

  test('mentions in one tall block (lines split by <br>) are found by their own place on screen', async () => {
    layOut();
    const { doc, registered } = paint(`<div data-y="0" data-lines>${Array.from({ length: 300 }, (_, i) => `Okada spoke ${i}.`).join('<br>')}</div>`);
    await scrollTo(doc, 280 * LINE);
    expect(registered()).toContain(280);
    expect(registered()).toContain(299);
  });

  test('a long run of mentions without a box (hidden by the page) does not stop the search above the reader', () => {
    layOut();
    const paras = Array.from({ length: 500 }, (_, i) => `<p data-y="${i * LINE}"${i >= 240 && i < 280 ? ' data-hidden' : ''}>Okada spoke ${i}.</p>`).join('');
    const { doc, painter } = paint(paras);
    scrolled = 450 * LINE;
    expect(onScreen(doc, painter.mentions).first).toBe(450);
  });
});

describe('the window', () => {
  const at = (first: number, last = first + 30): { first: number; last: number } => ({ first, last });
  test('covers what is on screen and more on both sides, keeps its size near the ends, and moves only when it must', () => {
    const size = WINDOW_BEFORE + WINDOW_AFTER;
    expect(windowAround(at(0), 1000)).toEqual({ from: 0, to: size });
    expect(windowAround(at(500), 1000)).toEqual({ from: 500 - WINDOW_BEFORE, to: 530 + 1 + WINDOW_AFTER });
    expect(windowAround(at(980, 999), 1000)).toEqual({ from: 1000 - size, to: 1000 });
    // A screen holding more mentions than the window's size is covered whole.
    expect(windowAround(at(100, 700), 1000)).toEqual({ from: 100 - WINDOW_BEFORE, to: 701 + WINDOW_AFTER });
    const w = windowAround(at(500), 1000);
    expect(windowStale(w, at(500), 1000)).toBe(false);
    expect(windowStale(w, at(500, w.to - WINDOW_AFTER / 2 + 1), 1000)).toBe(true); // near its end
    expect(windowStale(w, at(w.from + WINDOW_BEFORE / 2 - 1), 1000)).toBe(true); // near its start
    expect(windowStale(w, at(500, w.to + 5), 1000)).toBe(true); // part of the screen outside it
    expect(windowStale(windowAround(at(0), 1000), at(0), 1000)).toBe(false); // at the top: nothing before
    expect(windowStale(windowAround(at(980, 999), 1000), at(980, 999), 1000)).toBe(false); // at the end: nothing after
  });
});

