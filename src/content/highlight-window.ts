/**
 * Which mentions are registered with the Highlight API at a time. Chromium's cost of painting custom highlights
 * grows with every range registered, wherever it is: on a 5,000-word article, 838 ranges made each repaint of the
 * page 10-17 ms instead of 0.3 (a page's own animation pays it every frame) and the first paint of them 11-24 ms;
 * 100 ranges, 3.5 ms (measured in headless Chromium, 2026-12-03). So a long article registers only the mentions
 * around the reader, a few screens' worth, and moves that window as the reader scrolls.
 */
import type { Mention } from './paint-highlights.js';

/** Mentions registered before and after the first one on screen (about two and four screens of a news article). */
export const WINDOW_BEFORE = 80;
export const WINDOW_AFTER = 160;

/**
 * Index of the first mention not scrolled past (its text's box ends below the top of the viewport), by binary search
 * over the mentions in document order: a dozen box reads. Text the page's own CSS hides has an empty box at 0,0:
 * judged by the next mention that has a box.
 */
export function firstOnScreen(mentions: readonly Mention[]): number {
  const bottom = (i: number): number => {
    for (let k = i; k < Math.min(mentions.length, i + 20); k++) {
      const box = mentions[k].range.startContainer.parentElement?.getBoundingClientRect();
      if (box && (box.width > 0 || box.height > 0)) return box.bottom;
    }
    return 0;
  };
  let lo = 0, hi = mentions.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (bottom(mid) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The part of `mentions` to register around mention `at`: [from, to). */
export function windowAround(at: number, count: number): { from: number; to: number } {
  const from = Math.max(0, Math.min(at - WINDOW_BEFORE, count - WINDOW_BEFORE - WINDOW_AFTER));
  return { from, to: Math.min(count, from + WINDOW_BEFORE + WINDOW_AFTER) };
}

/** Whether the window must move for a reader now at mention `at`: past half its reach toward an edge it can move past. */
export function windowStale(w: { from: number; to: number }, at: number, count: number): boolean {
  return (w.from > 0 && at - w.from < WINDOW_BEFORE / 2) || (w.to < count && w.to - at < WINDOW_AFTER / 2);
}
