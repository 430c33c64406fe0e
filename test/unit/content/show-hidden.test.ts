/** "Show what was hidden": labels sit beside what they label, in words a reader knows. */
import { describe, expect, test } from 'vitest';
import { placeLabel, showHidden } from '../../../src/content/show-hidden.js';
import type { Finding } from '../../../src/core/clutter/types.js';

const VIEW = { left: 0, width: 1000 };
const SIZE = { width: 200, height: 20 };

describe('placeLabel', () => {
  test('a block tall enough holds its label in its top-right corner: nothing above it is covered', () => {
    expect(placeLabel({ left: 100, top: 300, width: 600, height: 120 }, SIZE, VIEW, [])).toEqual({ left: 498, top: 302, ...SIZE });
  });

  test('a tall block whose corner is taken gets its label above', () => {
    const taken = { left: 498, top: 302, ...SIZE };
    expect(placeLabel({ left: 100, top: 300, width: 600, height: 120 }, SIZE, VIEW, [taken])).toEqual({ left: 100, top: 280, ...SIZE });
  });

  test('a one-line bar: just above it, clear of its content', () => {
    expect(placeLabel({ left: 100, top: 300, width: 600, height: 24 }, SIZE, VIEW, [])).toEqual({ left: 100, top: 280, ...SIZE });
  });

  test('goes below when the page has no room above', () => {
    expect(placeLabel({ left: 0, top: 5, width: 1000, height: 30 }, SIZE, VIEW, [])).toMatchObject({ top: 35 });
  });

  test('stays inside the viewport', () => {
    expect(placeLabel({ left: 950, top: 300, width: 40, height: 20 }, SIZE, VIEW, [])).toMatchObject({ left: 800 });
    expect(placeLabel({ left: -50, top: 300, width: 40, height: 20 }, SIZE, { left: 0, width: 1000 }, [])).toMatchObject({ left: 0 });
  });

  test('a label that would sit on another moves right past it', () => {
    const first = placeLabel({ left: 100, top: 300, width: 100, height: 20 }, SIZE, VIEW, []);
    const second = placeLabel({ left: 150, top: 300, width: 100, height: 20 }, SIZE, VIEW, [first]);
    expect(second.top).toBe(280);
    expect(second.left).toBeGreaterThanOrEqual(first.left + first.width);
  });
});

describe('showHidden labels', () => {
  test('name the category as the popup does, with the reason on hover and a localized button label', () => {
    document.body.innerHTML = '<div id="bar">Email | Print</div><p>Story</p>';
    const findings: Finding[] = [{ detector: 'tool-row-text', category: 'social', element: document.getElementById('bar')!, reason: '13 chars, 2/2 tool words' }];
    const reveal = showHidden(document, findings, { onDisable: () => {} });
    const tag = document.querySelector('nl-reveal')!.shadowRoot!.querySelector('.tag')!;
    const why = tag.querySelector('.why')!;
    expect(why.textContent).toBe('Share & tool bars');
    expect(why.getAttribute('title')).toBe('13 chars, 2/2 tool words');
    expect(tag.textContent).not.toContain('tool-row-text');
    expect(tag.querySelector('button')!.getAttribute('aria-label')).toBe('Keep this (Share & tool bars) visible on this site: adds an exception for it to your rules');
    reveal.destroy();
    expect(document.querySelector('nl-reveal')).toBeNull();
  });
});
