/**
 * Paints entity mentions over the article. Default: the CSS Custom Highlight API, one Highlight per type, so the
 * page DOM is never touched. Fallback (no CSS.highlights): each mention's text is wrapped in an <nl-entity>
 * element, and clearing restores every split text node exactly (HYP highlighter.ts does the same dance).
 * On a long article only the mentions around the reader are registered (highlight-window.ts says why and which).
 * This is the only file that uses CSS.highlights.
 */
import type { EntitySpan, EntityType } from '../core/entities/find-entities.js';
import type { TextIndex } from '../core/entities/text-index.js';
import { WINDOW_AFTER, WINDOW_BEFORE, onScreen, windowAround, windowStale } from './highlight-window.js';

/** The part of HighlightRegistry we use: injectable so tests run without the API (happy-dom has none). */
export interface HighlightRegistryLike {
  set(name: string, highlight: unknown): unknown;
  delete(name: string): boolean;
}
type HighlightCtor = new (...ranges: AbstractRange[]) => unknown;

/**
 * A painted mention: its span and where it is in the page. With the Highlight API the range is a StaticRange: a
 * live Range per mention (hundreds on a long article) would be updated by the browser on every DOM change the page
 * makes for as long as the highlights stay. `liveRange` makes a Range when one is needed (tooltip geometry).
 */
export interface Mention {
  span: EntitySpan;
  range: AbstractRange;
}

export { liveRange } from './highlight-window.js';

export interface Painter {
  readonly mode: 'highlight-api' | 'wrap';
  readonly mentions: readonly Mention[];
  /** Show only these types (others stay painted but invisible). */
  setVisibleTypes(types: ReadonlySet<EntityType>): void;
  /** Remove every highlight; in wrap mode the page's text nodes are restored exactly. */
  clear(): void;
}

export const HIGHLIGHT_PREFIX = 'nl-';
export const highlightName = (t: EntityType) => `${HIGHLIGHT_PREFIX}${t.toLowerCase()}`;

export interface PaintOptions {
  registry?: HighlightRegistryLike | null;
  Highlight?: HighlightCtor | null;
}

/** The browser's registry and constructor, when the Highlight API exists. */
function nativeApi(doc: Document): { registry: HighlightRegistryLike; Highlight: HighlightCtor } | null {
  const win = doc.defaultView as (Window & { Highlight?: HighlightCtor }) | null;
  const css = win && (win as unknown as { CSS?: { highlights?: HighlightRegistryLike } }).CSS;
  if (css?.highlights && win?.Highlight) return { registry: css.highlights, Highlight: win.Highlight };
  return null;
}

/** Paint `spans` (offsets into `index.text`) onto the document. */
export function paintEntities(doc: Document, index: TextIndex, spans: readonly EntitySpan[], options: PaintOptions = {}): Painter {
  const api = options.registry && options.Highlight ? { registry: options.registry, Highlight: options.Highlight } : options.registry === null ? null : nativeApi(doc);
  const StaticRangeCtor = api ? (doc.defaultView as (Window & { StaticRange?: typeof StaticRange }) | null)?.StaticRange : undefined;
  const mentions: Mention[] = [];
  for (const span of spans) {
    const a = index.locate(span.start, 'start'), b = index.locate(span.end, 'end');
    if (!a || !b) continue;
    // Guard against a page that changed between indexing and painting: paint only what still reads the same.
    if (a.node === b.node && StaticRangeCtor) {
      if (b.offset - a.offset !== span.text.length || !a.node.data.startsWith(span.text, a.offset)) continue;
      mentions.push({ span, range: new StaticRangeCtor({ startContainer: a.node, startOffset: a.offset, endContainer: b.node, endOffset: b.offset }) });
      continue;
    }
    const range = index.range(doc, span.start, span.end);
    if (range && range.toString() === span.text) mentions.push({ span, range });
  }
  return api ? paintWithApi(doc, mentions, api.registry, api.Highlight) : paintByWrapping(doc, mentions);
}

function byType(mentions: readonly Mention[]): Map<EntityType, AbstractRange[]> {
  const m = new Map<EntityType, AbstractRange[]>();
  for (const { span, range } of mentions) {
    const list = m.get(span.type);
    if (list) list.push(range);
    else m.set(span.type, [range]);
  }
  return m;
}

/** A registered Highlight's set of ranges, as far as the window below changes it. */
type RangeSet = { add(range: AbstractRange): unknown; clear(): void };

function paintWithApi(doc: Document, mentions: Mention[], registry: HighlightRegistryLike, Highlight: HighlightCtor): Painter {
  const windowed = mentions.length > WINDOW_BEFORE + WINDOW_AFTER;
  const view = doc.defaultView;
  let window = { from: 0, to: mentions.length };
  // At the top of the page the reader is at the first mentions: no layout is read (it is not clean after hiding).
  if (windowed) window = windowAround(view && view.scrollY > 0 ? onScreen(doc, mentions) : { first: 0, last: 0 }, mentions.length);
  const groups = byType(mentions.slice(window.from, window.to));
  const highlights = new Map<EntityType, RangeSet>();
  // Every type of the article gets its Highlight, empty when no mention of it is in the window yet.
  for (const { span } of mentions) if (!highlights.has(span.type)) highlights.set(span.type, new Highlight(...(groups.get(span.type) ?? [])) as RangeSet);
  let visible = new Set(highlights.keys());
  // A long article: registered mentions follow the reader (see highlight-window.ts), checked once per frame of scrolling.
  let frame = 0;
  const article = mentions[0]?.range.startContainer;
  const follow = (e: Event) => {
    // Another element scrolling (a carousel, a ticker) moves nothing of the article.
    const by = e.target as Node | null;
    if (frame || (by && by !== doc && by !== doc.documentElement && by.nodeType === 1 && article && !by.contains(article))) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      const at = onScreen(doc, mentions);
      if (!windowStale(window, at, mentions.length)) return;
      window = windowAround(at, mentions.length);
      for (const h of highlights.values()) h.clear();
      for (let i = window.from; i < window.to; i++) highlights.get(mentions[i].span.type)!.add(mentions[i].range);
    });
  };
  // Capture: scrolling inside an element (an article in a scrolling pane) does not bubble to the document. A resize
  // (or zoom) changes what is on screen without scrolling.
  if (windowed) {
    doc.addEventListener('scroll', follow, { capture: true, passive: true });
    view?.addEventListener('resize', follow, { passive: true });
  }
  const apply = () => {
    for (const [type, h] of highlights) {
      if (visible.has(type)) registry.set(highlightName(type), h);
      else registry.delete(highlightName(type));
    }
  };
  apply();
  return {
    mode: 'highlight-api',
    mentions,
    setVisibleTypes(types) {
      visible = new Set(types);
      apply();
    },
    clear() {
      if (windowed) {
        doc.removeEventListener('scroll', follow, { capture: true });
        view?.removeEventListener('resize', follow);
      }
      if (frame) cancelAnimationFrame(frame);
      for (const type of highlights.keys()) registry.delete(highlightName(type));
    },
  };
}

/** One text-node split made while wrapping, undone in reverse order. */
interface Split {
  node: Text;
  original: string;
  added: Node[];
}

function paintByWrapping(doc: Document, mentions: Mention[]): Painter {
  const splits: Split[] = [];
  const wrappers: Element[] = [];
  // Last mention first: splitting a text node keeps its prefix in place, so earlier offsets stay valid.
  const ordered = [...mentions].sort((a, b) => b.span.start - a.span.start);
  for (const m of ordered) {
    const { startContainer, startOffset, endContainer, endOffset } = m.range;
    // Wrap single-node mentions only; a mention across elements (rare: "<b>New</b> York") stays unpainted.
    if (startContainer !== endContainer || startContainer.nodeType !== 3) continue;
    const node = startContainer as Text;
    const original = node.data;
    const after = node.splitText(endOffset);
    const middle = node.splitText(startOffset);
    const wrap = doc.createElement('nl-entity');
    wrap.setAttribute('data-type', m.span.type);
    middle.parentNode!.insertBefore(wrap, middle);
    wrap.appendChild(middle);
    splits.push({ node, original, added: [wrap, after] });
    wrappers.push(wrap);
    const live = doc.createRange();
    live.selectNodeContents(wrap);
    m.range = live;
  }
  const root = doc.documentElement;
  return {
    mode: 'wrap',
    mentions,
    setVisibleTypes(types) {
      const off = ['PER', 'LOC', 'ORG', 'MISC', 'DATE', 'TIME', 'MONEY', 'PERCENT'].filter((t) => !types.has(t as EntityType));
      if (off.length) root.setAttribute('data-nl-entities-off', off.join(' '));
      else root.removeAttribute('data-nl-entities-off');
    },
    clear() {
      for (let i = splits.length - 1; i >= 0; i--) {
        const s = splits[i];
        for (const n of s.added) n.parentNode?.removeChild(n);
        s.node.data = s.original;
      }
      splits.length = 0;
      root.removeAttribute('data-nl-entities-off');
    },
  };
}
