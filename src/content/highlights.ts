/**
 * Entity highlights on the live page: index the visible article text, ask the background for entities (the model
 * loads there, on first use), paint them and attach tooltips. Everything it adds is undone by clear().
 */
import { namesApply } from '../core/entities/language.js';
import type { EntitySpan, EntityType } from '../core/entities/find-entities.js';
import { buildTextIndex, type TextIndex } from '../core/entities/text-index.js';
import type { EntityResult, EntityState, Result } from '../shared/messages.js';
import { ATTR_HIDDEN } from './hide.js';
import { paintEntities, type Painter } from './paint-highlights.js';
import { attachTooltips, type TooltipController } from './entity-tooltip.js';
import { scriptStart } from './clock.js';
import { inArticle, type EarlyEntities } from './early-entities.js';

export interface HighlightDeps {
  doc: Document;
  /** The article root of the current analysis (null: not an article page, nothing to highlight). */
  root: () => Element | null;
  /** `names`: look for names too (decided once per article, see namesApply). */
  findEntities: (text: string, names: boolean) => Promise<Result<EntityResult>>;
  /** The page's declared language (<html lang>), '' when none: names are looked for in English only. */
  lang: () => string;
  /** Called when the highlight CSS must be in (true) or out of (false) the page's stylesheet. */
  setCss: (on: boolean) => void;
}

export class HighlightController {
  private painter: Painter | null = null;
  private tooltips: TooltipController | null = null;
  private status: EntityState['status'] = 'off';
  private error: string | undefined;
  private ms: number | undefined;
  private firstMs: number | undefined;
  private timings: EntityState['timings'];
  private namesSkipped = false;
  private engine: EntityState['engine'];
  private early = false;
  private sinceStartMs: number | undefined;
  private shownMs: number | undefined;
  private generation = 0;

  constructor(
    private readonly deps: HighlightDeps,
    public enabled: boolean,
    private hidden: Set<EntityType>,
  ) {}

  state(): EntityState {
    const counts: Partial<Record<EntityType, number>> = {};
    for (const m of this.painter?.mentions ?? []) counts[m.span.type] = (counts[m.span.type] ?? 0) + 1;
    return { enabled: this.enabled, status: this.status, error: this.error, counts, hiddenTypes: [...this.hidden], ms: this.ms, firstMs: this.firstMs, timings: this.timings, namesSkipped: this.namesSkipped, engine: this.engine, early: this.early, sinceStartMs: this.sinceStartMs, shownMs: this.shownMs };
  }

  /**
   * Paint (again) for the current article; a newer call supersedes an older one still waiting for entities.
   * A long article is done in two passes: first the text where the reader is (about two screens), painted as soon
   * as it is tagged, then the whole article as one document (names made consistent across it), which replaces the
   * first paint. The tagger in a background worker that has just started runs cold and takes hundreds of ms on a
   * long article; the first pass puts highlights where the reader looks in a fraction of that. `pageStart`: the
   * page has just loaded, the reader is at its top (reading the scroll position would force a layout right after
   * hiding changed the page's styles: 20-30 ms on a news page). `early`: the entities the page's start asked for
   * (see EarlyEntities); when they came, they are painted in one pass and nothing is asked again.
   */
  async paint(pageStart = false, early?: EarlyEntities): Promise<void> {
    if (!this.enabled) return this.clear();
    // Paint is replaced, the stylesheet is left as it is: its highlight rules stay while highlights are on (inert
    // without painted highlights), as a stylesheet change restyles the whole page (2 ms of a 5,000-word article's paint).
    this.generation++;
    this.removePaint();
    const root = this.deps.root();
    if (!root) {
      this.status = 'no-article';
      return;
    }
    const gen = ++this.generation;
    this.status = 'loading';
    this.ms = this.firstMs = this.timings = this.sinceStartMs = this.shownMs = undefined;
    this.early = false;
    const t0 = performance.now();
    // Only what a reader sees: hidden clutter is left out of the text, so it is never highlighted.
    const index = buildTextIndex(root, (el) => el.hasAttribute(ATTR_HIDDEN));
    const t1 = performance.now();
    const names = namesApply(index.text, this.deps.lang());
    this.namesSkipped = !names;
    // Names decided on the text before hiding and after can differ (a long block in another script hidden as clutter,
    // on a page without <html lang>): what the reader sees decides, so such a page asks again.
    // Early entities of an element that does not hold this root are not used (defensive: a later analysis of a page
    // changed in ways the start's observer does not watch, such as attributes, may choose another root).
    if (early?.index.text && early.root.contains(root) && early.names === names && (await this.paintEarly(early, index, names, gen, t0))) return;
    if (gen !== this.generation || !this.enabled) return;
    const near = nearReader(this.deps.doc, index, !pageStart);
    // Both requests at once: the background answers them in order, and tags the whole text while this page paints
    // the first answer.
    const firstAsked = near ? this.deps.findEntities(index.text.slice(near.start, near.end), names) : null;
    const wholeAsked = this.deps.findEntities(index.text, names);
    if (near && firstAsked) {
      const first = await firstAsked;
      if (gen !== this.generation || !this.enabled) return;
      if (first.ok) this.showNear(index, near, first.value.spans, t0);
    }
    const r = await wholeAsked;
    const t2 = performance.now();
    if (gen !== this.generation || !this.enabled) return;
    if (!r.ok) {
      this.removePaint();
      this.deps.setCss(false);
      this.firstMs = undefined;
      this.status = 'error';
      this.error = r.error;
      return;
    }
    this.show(index, r.value.spans);
    this.finish(r.value.engine);
    this.timeShown(gen, t0);
    const t3 = performance.now();
    this.ms = t3 - t0;
    this.firstMs ??= this.ms;
    this.timings = { index: t1 - t0, tag: t2 - t1, paint: t3 - t2 };
  }

  /**
   * Paint the entities the page's start asked for; false when there are none to paint (null: highlights were off in
   * the stored settings when the page started; or the background failed), and the caller asks for the article.
   * When they are still on their way after NEAR_PASS_AFTER_MS (a background that has just started loads the model,
   * then tags the whole article cold: hundreds of ms), the text near the reader is asked for too and painted first:
   * the background tags the shortest waiting text first (see shortest-first.ts), so it overtakes the whole text.
   */
  private async paintEarly(early: EarlyEntities, index: TextIndex, names: boolean, gen: number, t0: number): Promise<boolean> {
    const live = () => gen === this.generation && this.enabled;
    let whole = false;
    const near = nearReader(this.deps.doc, index, false);
    // A warm background has the answer on its way already (it waits behind the page's rendering after hiding): the
    // text near the reader is asked for only when it has not come a little later.
    const timer = near
      ? setTimeout(() => {
          if (!live() || whole || !early.pending()) return;
          void this.deps.findEntities(index.text.slice(near.start, near.end), names).then((first) => {
            if (live() && !whole && first.ok) this.showNear(index, near, first.value.spans, t0);
          }, () => undefined);
        }, NEAR_PASS_AFTER_MS)
      : undefined;
    const r = await early.answer;
    whole = true;
    clearTimeout(timer);
    if (!live() || !r.ok || !r.value) return !live();
    const t1 = performance.now();
    // A first pass painted by wrapping split the text nodes: restore them before reading offsets through them.
    this.removePaint();
    this.show(index, inArticle(early.index, index, r.value.spans));
    this.finish(r.value.engine);
    this.timeShown(gen, t0);
    const t2 = performance.now();
    this.ms = t2 - t0;
    this.firstMs ??= this.ms;
    this.timings = { index: early.indexMs, tag: t1 - t0, paint: t2 - t1 };
    this.early = true;
    this.sinceStartMs = t2 - scriptStart;
    return true;
  }

  /** Paint a first pass: spans of the text near the reader, whose offsets start at `near.start` of the article's. */
  private showNear(index: TextIndex, near: { start: number }, spans: readonly EntitySpan[], t0: number): void {
    this.show(index, spans.map((e) => ({ ...e, start: e.start + near.start, end: e.end + near.start })));
    this.firstMs = performance.now() - t0;
  }

  /**
   * Note when the browser has painted what show() registered: a task posted from the next animation frame runs after
   * that frame's rendering, the painting of the highlights included (tens of ms for hundreds of mentions).
   */
  private timeShown(gen: number, t0: number): void {
    const win = this.deps.doc.defaultView;
    if (!win?.requestAnimationFrame) return;
    win.requestAnimationFrame(() => setTimeout(() => {
      if (gen === this.generation) this.shownMs = performance.now() - t0;
    }, 0));
  }

  private finish(engine: EntityState['engine']): void {
    this.engine = engine;
    this.status = 'ready';
    this.error = undefined;
  }

  /** Replace what is painted (if anything) with these spans, in one synchronous step: no frame without highlights. */
  private show(index: TextIndex, spans: EntitySpan[]): void {
    this.removePaint();
    this.deps.setCss(true);
    this.painter = paintEntities(this.deps.doc, index, spans);
    this.painter.setVisibleTypes(this.visibleTypes());
    this.tooltips = attachTooltips(this.deps.doc, this.painter.mentions, () => this.visibleTypes());
  }

  private removePaint(): void {
    this.tooltips?.destroy();
    this.tooltips = null;
    this.painter?.clear();
    this.painter = null;
  }

  /** Remove every highlight and tooltip from the page. */
  clear(): void {
    this.generation++;
    this.removePaint();
    this.deps.setCss(false);
    this.status = this.enabled ? this.status : 'off';
  }

  async setEnabled(on: boolean): Promise<void> {
    this.enabled = on;
    if (on) await this.paint();
    else this.clear();
  }

  setTypeVisible(type: EntityType, on: boolean): void {
    if (on) this.hidden.delete(type);
    else this.hidden.add(type);
    this.painter?.setVisibleTypes(this.visibleTypes());
  }

  hiddenTypes(): EntityType[] {
    return [...this.hidden];
  }

  private visibleTypes(): Set<EntityType> {
    const all: EntityType[] = ['PER', 'LOC', 'ORG', 'MISC', 'DATE', 'TIME', 'MONEY', 'PERCENT'];
    return new Set(all.filter((t) => !this.hidden.has(t)));
  }
}

/** How long an early answer may take before the text near the reader is asked for on its own. */
export const NEAR_PASS_AFTER_MS = 30;

/** Text a first pass covers: about two screens of an article column. */
export const FIRST_PASS_CHARS = 3000;

/**
 * The part of a long article's text where the reader is: from the first text node not yet scrolled past, whole
 * blocks of about FIRST_PASS_CHARS; null when the article is short enough to be done in one pass. Without
 * `readScroll`, or at the top of the page, it reads no layout; scrolled down, a binary search reads a dozen boxes.
 */
export function nearReader(doc: Document, index: TextIndex, readScroll = true): { start: number; end: number } | null {
  const { text, nodes, starts } = index;
  if (text.length <= FIRST_PASS_CHARS * 1.5 || !nodes.length) return null;
  let first = 0;
  if (readScroll && (doc.defaultView?.scrollY ?? 0) > 0) {
    let lo = 0, hi = nodes.length - 1;
    // Text the page's own CSS hides has an empty box at 0,0: judge by the next text that has a box.
    const boxBottom = (i: number): number => {
      for (let k = i; k < Math.min(nodes.length, i + 20); k++) {
        const box = nodes[k].parentElement?.getBoundingClientRect();
        if (box && (box.width > 0 || box.height > 0)) return box.bottom;
      }
      return 0;
    };
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (boxBottom(mid) < 0) lo = mid + 1;
      else hi = mid;
    }
    first = lo;
  }
  // Whole blocks: the text index puts "\n" between blocks, so no sentence is cut in two.
  const start = starts[first] === 0 ? 0 : text.lastIndexOf('\n', starts[first]) + 1;
  const cut = text.indexOf('\n', start + FIRST_PASS_CHARS);
  const end = cut < 0 ? text.length : cut;
  return end - start >= text.length ? null : { start, end };
}
