import { describe, expect, test, vi } from 'vitest';
import { buildTextIndex } from '../../../src/core/entities/text-index.js';
import { liveRange, paintEntities } from '../../../src/content/paint-highlights.js';
import type { EntitySpan } from '../../../src/core/entities/find-entities.js';
import { loadPage } from '../../helpers.js';

const HTML = '<html><body><article id="a"><p>Katsuya <b>Okada</b> met Sergey Lavrov in Moscow.</p><p>Okada said Japan and Russia would talk.</p></article></body></html>';

function spansFor(text: string, items: [EntitySpan['type'], string, number?][]): EntitySpan[] {
  return items.map(([type, t, nth = 0]) => {
    let start = -1;
    for (let i = 0; i <= nth; i++) start = text.indexOf(t, start + 1);
    return { type, text: t, start, end: start + t.length };
  });
}

describe('paintEntities with the Highlight API', () => {
  test('one highlight per type; switching a type off deletes its highlight; clear removes all', () => {
    const doc = loadPage(HTML);
    const idx = buildTextIndex(doc.getElementById('a')!);
    const spans = spansFor(idx.text, [['PER', 'Katsuya Okada'], ['PER', 'Sergey Lavrov'], ['LOC', 'Moscow'], ['PER', 'Okada', 1], ['LOC', 'Japan'], ['LOC', 'Russia']]);
    const reg = new Map<string, { ranges: AbstractRange[] }>();
    const registry = { set: vi.fn((k: string, v: unknown) => reg.set(k, v as { ranges: AbstractRange[] })), delete: vi.fn((k: string) => reg.delete(k)) };
    class FakeHighlight {
      ranges: AbstractRange[];
      constructor(...r: AbstractRange[]) {
        this.ranges = r;
      }
    }
    const before = doc.documentElement.outerHTML;
    const p = paintEntities(doc, idx, spans, { registry, Highlight: FakeHighlight });
    expect(p.mode).toBe('highlight-api');
    expect([...reg.keys()].sort()).toEqual(['nl-loc', 'nl-per']);
    expect(reg.get('nl-per')!.ranges.map((r) => liveRange(doc, r).toString())).toEqual(['Katsuya Okada', 'Sergey Lavrov', 'Okada']);
    expect(doc.documentElement.outerHTML).toBe(before); // the page is not touched
    p.setVisibleTypes(new Set(['LOC']));
    expect([...reg.keys()]).toEqual(['nl-loc']);
    p.clear();
    expect(reg.size).toBe(0);
  });

  test('a span whose text no longer matches the page is not painted', () => {
    const doc = loadPage(HTML);
    const idx = buildTextIndex(doc.getElementById('a')!);
    const p = paintEntities(doc, idx, [{ type: 'PER', text: 'Someone Else', start: 0, end: 12 }], { registry: { set: () => 0, delete: () => true }, Highlight: class {} });
    expect(p.mentions).toEqual([]);
  });
});

describe('paintEntities fallback (no Highlight API)', () => {
  test('wraps mentions in <nl-entity> and unwraps to the exact original DOM', () => {
    const doc = loadPage(HTML);
    const before = doc.documentElement.outerHTML;
    const article = doc.getElementById('a')!;
    const textNodesBefore = article.querySelectorAll('*').length;
    const idx = buildTextIndex(article);
    const spans = spansFor(idx.text, [['PER', 'Katsuya'], ['PER', 'Okada'], ['PER', 'Sergey Lavrov'], ['LOC', 'Moscow'], ['PER', 'Okada', 1], ['LOC', 'Japan'], ['LOC', 'Russia']]);
    const p = paintEntities(doc, idx, spans, { registry: null });
    expect(p.mode).toBe('wrap');
    const wrapped = Array.from(doc.querySelectorAll('nl-entity'), (e) => `${e.getAttribute('data-type')}:${e.textContent}`);
    expect(wrapped).toEqual(['PER:Katsuya', 'PER:Okada', 'PER:Sergey Lavrov', 'LOC:Moscow', 'PER:Okada', 'LOC:Japan', 'LOC:Russia']);
    expect(article.textContent).toBe('Katsuya Okada met Sergey Lavrov in Moscow.Okada said Japan and Russia would talk.');
    p.setVisibleTypes(new Set(['PER']));
    expect(doc.documentElement.getAttribute('data-nl-entities-off')).toContain('LOC');
    p.clear();
    expect(doc.documentElement.outerHTML).toBe(before);
    expect(article.querySelectorAll('*').length).toBe(textNodesBefore);
    // Text nodes are the very same objects, with their original data (no normalize() merging).
    expect(Array.from(article.querySelector('p')!.childNodes, (n) => n.textContent)).toEqual(['Katsuya ', 'Okada', ' met Sergey Lavrov in Moscow.']);
  });
});
