/**
 * Which mentions are registered with the Highlight API at a time. Chromium's cost of painting custom highlights
 * grows with every range registered, wherever it is: on a 5,000-word article, 838 ranges made each repaint of the
 * page 10-17 ms instead of 0.3 (a page's own animation pays it every frame) and the first paint of them 11-24 ms;
 * 100 ranges, 3.5 ms (measured in headless Chromium, 2026-12-03). So a long article registers only the mentions
 * around the reader, those on screen and a few screens' worth on either side, and moves that window as the reader
 * scrolls or the window is resized.
 */
import type { Mention } from './paint-highlights.js';

/** A live Range over a mention (painted as a StaticRange), for geometry and point tests. */
export function liveRange(doc: Document, r: AbstractRange): Range {
  if (typeof (r as Range).getBoundingClientRect === 'function') return r as Range;
  const live = doc.createRange();
  live.setStart(r.startContainer, r.startOffset);
  live.setEnd(r.endContainer, r.endOffset);
  return live;
}

/** Mentions registered at least before the first one on screen and after the last (about two and four screens). */
export const WINDOW_BEFORE = 80;
export const WINDOW_AFTER = 160;

/** The part of the mentions on screen: [first, last], indices in document order. */
export type OnScreen = { first: number; last: number };

/**
 * The mentions on screen, by two binary searches over the mentions in document order (a few dozen box reads of the
 * mentions' own text, not of their blocks: one tall block can hold hundreds). Text without a box (hidden by the
 * page's own CSS) is judged by the next mention that has one; when none after it has, as below the screen.
 */
export function onScreen(doc: Document, mentions: readonly Mention[]): OnScreen {
  const height = doc.defaultView?.innerHeight ?? 0;
  // Each mention's box is read at most once per call: the probes of both searches can land in one run of hidden text.
  const read = new Map<number, DOMRect>();
  const rectOf = (k: number): DOMRect => {
    let r = read.get(k);
    if (!r) read.set(k, (r = liveRange(doc, mentions[k].range).getBoundingClientRect()));
    return r;
  };
  const box = (i: number): DOMRect | null => {
    for (let k = i; k < mentions.length; k++) {
      const r = rectOf(k);
      if (r.width > 0 || r.height > 0) return r;
    }
    return null;
  };
  // The first index in [0, n) for which `past` is false, `past` being false from some index on.
  const search = (past: (r: DOMRect | null) => boolean): number => {
    let lo = 0, hi = mentions.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (past(box(mid))) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const first = search((r) => !!r && r.bottom < 0);
  const last = Math.max(first, search((r) => !!r && r.top < height) - 1);
  return { first: Math.min(first, mentions.length - 1), last: Math.min(last, mentions.length - 1) };
}

/** The part of `count` mentions to register for a reader seeing `at`: [from, to). */
export function windowAround(at: OnScreen, count: number): { from: number; to: number } {
  let from = Math.max(0, at.first - WINDOW_BEFORE);
  let to = Math.min(count, at.last + 1 + WINDOW_AFTER);
  // Near either end of the article the window keeps its size on the other side.
  const size = Math.min(count, WINDOW_BEFORE + WINDOW_AFTER);
  if (to - from < size) {
    if (from === 0) to = Math.min(count, size);
    else from = Math.max(0, to - size);
  }
  return { from, to };
}

/**
 * Whether the window must move for a reader now seeing `at`: something on screen is outside it, or the reader has
 * come within half the window's reach of an edge it can move past.
 */
export function windowStale(w: { from: number; to: number }, at: OnScreen, count: number): boolean {
  if (at.first < w.from || at.last >= w.to) return true;
  return (w.from > 0 && at.first - w.from < WINDOW_BEFORE / 2) || (w.to < count && w.to - 1 - at.last < WINDOW_AFTER / 2);
}
