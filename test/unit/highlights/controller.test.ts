import { describe, expect, test } from 'vitest';
import { HighlightController, FIRST_PASS_CHARS, NEAR_PASS_AFTER_MS, nearReader } from '../../../src/content/highlights.js';
import { EARLY_TEXT_MAX, inArticle, worthTaggingEarly, type EarlyEntities } from '../../../src/content/early-entities.js';
import { buildTextIndex } from '../../../src/core/entities/text-index.js';
import type { EntitySpan } from '../../../src/core/entities/find-entities.js';
import type { EntityResult, Result } from '../../../src/shared/messages.js';
import { loadPage } from '../../helpers.js';

const PARA = 'Katsuya Okada met officials in Tokyo on Monday, and the talks went on late into the evening, aides said.';
const page = (paragraphs: number) => loadPage(`<html><body><article id="a">${`<p>${PARA}</p>`.repeat(paragraphs)}</article></body></html>`);

/** A stand-in tagger: every "Okada" is a person, every "Tokyo" a place, found by string search. */
function fakeTagger(calls: string[]) {
  return async (text: string): Promise<Result<EntitySpan[]>> => {
    calls.push(text);
    const spans: EntitySpan[] = [];
    for (const [type, word] of [['PER', 'Okada'], ['LOC', 'Tokyo']] as const) {
      for (let i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) spans.push({ type, text: word, start: i, end: i + word.length });
    }
    return { ok: true, value: spans.sort((a, b) => a.start - b.start) };
  };
}

/** A background answer as the protocol carries it (spans plus the engine that tagged them). */
const answer = async (r: Promise<Result<EntitySpan[]>>): Promise<Result<EntityResult>> => {
  const v = await r;
  return v.ok ? { ok: true, value: { spans: v.value, engine: 'wasm' } } : v;
};

function controller(doc: Document, findEntities: (text: string, names: boolean) => Promise<Result<EntitySpan[]>>, lang = '') {
  return new HighlightController({ doc, root: () => doc.getElementById('a'), findEntities: (t, n) => answer(findEntities(t, n)), lang: () => lang, setCss: () => {} }, true, new Set());
}

describe('highlights in two passes on a long article', () => {
  test('a short article is tagged once, as a whole', async () => {
    const doc = page(5);
    const calls: string[] = [];
    const c = controller(doc, fakeTagger(calls));
    await c.paint();
    expect(calls.length).toBe(1);
    expect(c.state().counts).toEqual({ PER: 5, LOC: 5 });
    expect(c.state().firstMs).toBe(c.state().ms);
  });

  test('a long article: first the blocks near the top, painted at the right places, then the whole text', async () => {
    const doc = page(200);
    const calls: string[] = [];
    const tag = fakeTagger(calls);
    // The test answers each request itself, in order, to look at the page in between.
    const pending: (() => void)[] = [];
    const c = controller(doc, (text) => new Promise((resolve) => pending.push(() => void tag(text).then(resolve))));
    const painting = c.paint();
    const whole = buildTextIndex(doc.getElementById('a')!).text;
    expect(calls.length).toBe(0);
    expect(pending.length).toBe(2); // both asked at once
    pending[0]();
    await new Promise((r) => setTimeout(r, 0));
    expect(whole.startsWith(calls[0])).toBe(true);
    expect(calls[0].length).toBeGreaterThanOrEqual(FIRST_PASS_CHARS);
    expect(calls[0].length).toBeLessThan(FIRST_PASS_CHARS + PARA.length + 2);
    const perBlock = Math.ceil(calls[0].length / (PARA.length + 1));
    expect(c.state().counts).toEqual({ PER: perBlock, LOC: perBlock });
    expect(c.state().status).toBe('loading');
    pending[1]();
    await painting;
    expect(calls[1]).toBe(whole);
    expect(c.state().counts).toEqual({ PER: 200, LOC: 200 });
    expect(c.state().status).toBe('ready');
    // Wrap mode (happy-dom has no Highlight API): every painted mention reads its own word, each painted once.
    const painted = Array.from(doc.querySelectorAll('nl-entity')).map((e) => `${e.getAttribute('data-type')}:${e.textContent}`);
    expect(new Set(painted)).toEqual(new Set(['PER:Okada', 'LOC:Tokyo']));
    expect(painted.length).toBe(400);
  });

  test('switching highlights off during the first pass leaves nothing painted', async () => {
    const doc = page(200);
    const before = doc.body.innerHTML;
    const calls: string[] = [];
    const tag = fakeTagger(calls);
    let asked = 0;
    const c = controller(doc, async (text) => {
      const n = asked++;
      const r = await tag(text);
      if (n === 0) await c.setEnabled(false); // the user switches off before the first answer is painted
      return r;
    });
    await c.paint();
    expect(asked).toBe(2);
    expect(c.state().counts).toEqual({});
    expect(c.state().status).toBe('off');
    expect(doc.body.innerHTML).toBe(before);
  });

  test('when the whole-article request fails, the first pass is taken down and the error shown', async () => {
    const doc = page(200);
    const before = doc.body.innerHTML;
    const calls: string[] = [];
    const tag = fakeTagger(calls);
    const css: boolean[] = [];
    let asked = 0;
    const c = new HighlightController(
      {
        doc,
        root: () => doc.getElementById('a'),
        findEntities: async (text) => answer(asked++ === 0 ? tag(text) : Promise.resolve({ ok: false, error: 'model missing' })),
        lang: () => '',
        setCss: (on) => css.push(on),
      },
      true,
      new Set(),
    );
    await c.paint();
    expect(c.state()).toMatchObject({ status: 'error', error: 'model missing', counts: {} });
    expect(c.state().firstMs).toBeUndefined();
    expect(css.at(-1)).toBe(false);
    expect(doc.body.innerHTML).toBe(before);
  });

  test('nearReader, scrolled down: starts at the first block not scrolled past, skipping text the page hides', () => {
    const doc = page(100);
    const paras = Array.from(doc.querySelectorAll('p'));
    // Every block 100 px tall; the reader has scrolled 4,000 px: blocks 0-38 are above the viewport. Blocks 20-30,
    // well above, are hidden by the page's CSS (empty boxes at 0,0): they must not pull the start back to them.
    paras.forEach((p, i) => {
      const hidden = i >= 20 && i <= 30;
      p.getBoundingClientRect = () => ({ top: hidden ? 0 : i * 100 - 4000, bottom: hidden ? 0 : i * 100 - 3900, width: hidden ? 0 : 600, height: hidden ? 0 : 100 }) as DOMRect;
    });
    Object.defineProperty(doc.defaultView!, 'scrollY', { value: 4000, configurable: true });
    const idx = buildTextIndex(doc.getElementById('a')!);
    const near = nearReader(doc, idx)!;
    const firstBlock = idx.text.slice(0, near.start).split('\n').length - 1;
    expect(firstBlock).toBeGreaterThanOrEqual(38);
    expect(firstBlock).toBeLessThanOrEqual(40);
    expect(near.start === 0 || idx.text[near.start - 1] === '\n').toBe(true);
    // At page start the scroll position is not read: the top comes first.
    expect(nearReader(doc, idx, false)!.start).toBe(0);
  });

  test('nearReader cuts at block boundaries and covers the article only when it is long', () => {
    const short = buildTextIndex(page(10).getElementById('a')!);
    expect(nearReader(page(10), short)).toBeNull();
    const doc = page(100);
    const idx = buildTextIndex(doc.getElementById('a')!);
    const near = nearReader(doc, idx)!;
    expect(near.start).toBe(0);
    expect(idx.text[near.end]).toBe('\n');
  });
});

describe('the page language reaches the legend', () => {
  test('a page declared in German reports that names were skipped; both passes of a long article are told the same', async () => {
    const doc = page(200);
    for (const [lang, skipped] of [['de', true], ['en', false]] as const) {
      const asked: boolean[] = [];
      const tag = fakeTagger([]);
      const c = controller(doc, (text, names) => (asked.push(names), tag(text)), lang);
      await c.paint(true);
      expect(c.state().namesSkipped).toBe(skipped);
      expect(asked).toEqual([!skipped, !skipped]);
    }
  });
});

describe('entities asked for at the page start, over the article before hiding', () => {
  /** A page with clutter around the article and a hidden block inside it, every block naming Okada and Tokyo. */
  const cluttered = () =>
    loadPage(`<html><body><nav><a href="/">Okada in Tokyo: more stories</a></nav>
      <article id="a"><p>${PARA}</p><div data-nl-hidden="inline-related">Read also: Okada visits Tokyo</div><p>${PARA}</p></article>
      <aside><p>${PARA}</p></aside></body></html>`);

  /** What the content script asks for when the analysis has found the root: its text, hidden blocks not yet left out. */
  const early = async (doc: Document, calls: string[], root = doc.getElementById('a')!): Promise<EarlyEntities> => {
    const index = buildTextIndex(root);
    return { root, index, indexMs: 1, answer: answer(fakeTagger(calls)(index.text)), names: true, pending: () => false };
  };

  test('inArticle keeps the spans inside the root and outside hidden blocks, at their article offsets', () => {
    const doc = cluttered();
    const pageIndex = buildTextIndex(doc.body);
    const article = buildTextIndex(doc.getElementById('a')!, (el) => el.hasAttribute('data-nl-hidden'));
    const spans: EntitySpan[] = [];
    for (let i = pageIndex.text.indexOf('Okada'); i >= 0; i = pageIndex.text.indexOf('Okada', i + 1)) spans.push({ type: 'PER', text: 'Okada', start: i, end: i + 5 });
    expect(spans.length).toBe(5); // menu, article x2, hidden line, aside
    const moved = inArticle(pageIndex, article, spans);
    expect(moved.length).toBe(2);
    for (const m of moved) expect(article.text.slice(m.start, m.end)).toBe('Okada');
    // A span that crosses from the article into what follows it is dropped, not cut.
    const end = pageIndex.text.indexOf(PARA, pageIndex.text.indexOf('Read also')) + PARA.length;
    expect(inArticle(pageIndex, article, [{ type: 'MISC', text: 'x', start: end - 5, end: end + 5 }])).toEqual([]);
  });

  test('the early answer is painted over the article only, and nothing is asked again', async () => {
    const doc = cluttered();
    const calls: string[] = [];
    const asked: string[] = [];
    const c = controller(doc, fakeTagger(asked));
    await c.paint(true, await early(doc, calls));
    expect(asked).toEqual([]);
    expect(calls.length).toBe(1);
    expect(calls[0]).toContain('Read also'); // tagged before hiding: the hidden line is dropped when painting
    expect(c.state()).toMatchObject({ status: 'ready', early: true, counts: { PER: 2, LOC: 2 } });
    expect(c.state().sinceStartMs).toBeGreaterThan(0);
    const painted = Array.from(doc.querySelectorAll('nl-entity'));
    expect(painted.every((e) => e.closest('#a') && !e.closest('[data-nl-hidden]'))).toBe(true);
  });

  test('an early answer of null (highlights off in the stored settings) falls back to asking for the article', async () => {
    const doc = cluttered();
    const asked: string[] = [];
    const c = controller(doc, fakeTagger(asked));
    const index = buildTextIndex(doc.body);
    await c.paint(true, { root: doc.body, index, indexMs: 1, answer: Promise.resolve({ ok: true, value: null }), names: true, pending: () => false });
    expect(asked).toEqual([buildTextIndex(doc.getElementById('a')!, (el) => el.hasAttribute('data-nl-hidden')).text]);
    expect(c.state()).toMatchObject({ status: 'ready', early: false, counts: { PER: 2, LOC: 2 } });
  });

  test('an early answer still on its way on a long article: the text near the reader is asked for after a moment and painted first', async () => {
    const doc = page(200);
    const asked: string[] = [];
    const c = controller(doc, fakeTagger(asked));
    const index = buildTextIndex(doc.body);
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const calls: string[] = [];
    let pending = true;
    const answered = held.then(() => answer(fakeTagger(calls)(index.text))).finally(() => (pending = false));
    const painting = c.paint(true, { root: doc.body, index, indexMs: 1, answer: answered, names: true, pending: () => pending });
    await new Promise((r) => setTimeout(r, NEAR_PASS_AFTER_MS / 2));
    expect(asked.length).toBe(0); // not at once: a warm background's answer is usually a few ms away
    await new Promise((r) => setTimeout(r, NEAR_PASS_AFTER_MS));
    expect(asked.length).toBe(1);
    expect(asked[0].length).toBeLessThan(FIRST_PASS_CHARS + PARA.length + 2);
    const perBlock = Math.ceil(asked[0].length / (PARA.length + 1));
    expect(c.state()).toMatchObject({ status: 'loading', counts: { PER: perBlock, LOC: perBlock } });
    release();
    await painting;
    expect(c.state()).toMatchObject({ status: 'ready', early: true, counts: { PER: 200, LOC: 200 } });
    expect(asked.length).toBe(1); // the whole article came from the page's start, not asked again
    expect(c.state().firstMs!).toBeLessThan(c.state().ms!);
  });

  test('only a page with prose, and not too long, is tagged at the start', () => {
    expect(worthTaggingEarly(buildTextIndex(page(8).body))).toBe(true);
    // A listing of short headlines (or a web app's UI) has as much text but no sentences.
    const listing = loadPage(`<html><body><ul>${'<li><a href="/x">Okada visits Tokyo for talks</a></li>'.repeat(100)}</ul></body></html>`);
    expect(buildTextIndex(listing.body).text.length).toBeGreaterThan(2000);
    expect(worthTaggingEarly(buildTextIndex(listing.body))).toBe(false);
    const huge = page(Math.ceil(EARLY_TEXT_MAX / PARA.length) + 10);
    expect(worthTaggingEarly(buildTextIndex(huge.body))).toBe(false);
  });

  test('an answer for an element that does not hold the article (the analysis ran again and found another root) is not used', async () => {
    const doc = cluttered();
    const asked: string[] = [];
    const c = controller(doc, fakeTagger(asked));
    await c.paint(true, await early(doc, [], doc.querySelector('aside')!));
    expect(asked.length).toBe(1);
    expect(c.state()).toMatchObject({ status: 'ready', early: false, counts: { PER: 2, LOC: 2 } });
  });

  test('an answer over the whole body (an element holding the article) is painted over the article only', async () => {
    const doc = cluttered();
    const asked: string[] = [];
    const c = controller(doc, fakeTagger(asked));
    await c.paint(true, await early(doc, [], doc.body));
    expect(asked).toEqual([]);
    expect(c.state()).toMatchObject({ status: 'ready', early: true, counts: { PER: 2, LOC: 2 } });
  });

  test('names decided differently before and after hiding: what the reader sees decides, and is asked for again', async () => {
    const doc = cluttered();
    const asked: string[] = [];
    const c = controller(doc, fakeTagger(asked));
    const e = await early(doc, []);
    await c.paint(true, { ...e, names: false }); // the text before hiding looked non-English, what is left is English
    expect(asked.length).toBe(1);
    expect(c.state()).toMatchObject({ status: 'ready', early: false, namesSkipped: false });
  });
});
