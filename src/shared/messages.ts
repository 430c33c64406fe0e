/**
 * The one message protocol between the extension's contexts. Each direction is an interface whose methods
 * name the message, their parameter its payload and their return type the reply. Nothing crosses as `any`.
 */
import type { Category } from '../core/clutter/types.js';
import type { EntitySpan, EntityType } from '../core/entities/find-entities.js';
import type { ExtractedArticle } from '../core/library/record.js';

/** A reply that can fail without throwing across contexts. */
export type Result<T, E = string> = { ok: true; value: T } | { ok: false; error: E };

/** What the popup shows about a tab. */
export interface PageState {
  url: string;
  host: string;
  /** NewsLens runs on this site (per-site switch, else the global default). */
  siteEnabled: boolean;
  /** Hiding is on for this tab. */
  enabled: boolean;
  /** An article body was found (off-article furniture is hidden only then). */
  isArticle: boolean;
  /** Number of hidden elements, all categories. */
  hiddenCount: number;
  /** Hidden elements per category (before per-category switches apply). */
  counts: Partial<Record<Category, number>>;
  /** Categories the user switched off (their elements stay visible). */
  disabledCategories: Category[];
  /** Captions of the article's own pictures are hidden too (a setting; default false). */
  hideArticleCaptions: boolean;
  /**
   * "Show what was hidden" is on in this tab, so a reopened popup shows its button pressed. Optional because
   * PageController.state() builds the rest without knowing that mode: content/index.ts, which owns it, adds it.
   */
  revealing?: boolean;
  /** Milliseconds from content-script start to hiding applied. */
  analyzeMs: number;
  /** Of which the declutter engine itself (analyze()). */
  engineMs: number;
  /** The settings were there when the page was ready (read at document_start), not awaited after the analysis. */
  settingsEarly?: boolean;
  entities: EntityState;
}

/** Entities of a text, and what ran the tagger's scoring (WebAssembly, or the JavaScript fallback). */
export interface EntityResult {
  spans: EntitySpan[];
  engine: 'wasm' | 'js';
}

/** Entity highlights on a page, for the popup legend. */
export interface EntityState {
  /** Highlights are switched on (remembered for all sites). */
  enabled: boolean;
  status: 'off' | 'no-article' | 'loading' | 'ready' | 'error';
  error?: string;
  /** Mentions per type on this page. */
  counts: Partial<Record<EntityType, number>>;
  /** Types the user switched off (remembered). */
  hiddenTypes: EntityType[];
  /**
   * Milliseconds from asking for entities to highlights painted, and its parts. When the page's start asked for them
   * during its analysis (`early`), from hiding applied to highlights painted: what highlights add to the wait.
   */
  ms?: number;
  /** The entities were asked for at the page's start, over the article's text, and tagged during the analysis. */
  early?: boolean;
  /** Milliseconds from the content script's start to these highlights painted (early answers only). */
  sinceStartMs?: number;
  /**
   * Milliseconds from the same start as `ms` to the end of the main thread's work for the browser's next frame after
   * the whole article's highlights were registered: `ms` stops when our code is done, this includes the browser
   * painting them (and waiting for the frame; rasterising and compositing come after). Unset in a background tab.
   */
  shownMs?: number;
  /** Milliseconds to the first highlights on screen (the first pass near the reader on a long article). */
  firstMs?: number;
  /** The page is not in English: names (PER/LOC/ORG/MISC) were not looked for, only dates, money and percentages. */
  namesSkipped?: boolean;
  /**
   * Of `ms`: text index, waiting for the whole article's entities (the first pass painted meanwhile), painting. For
   * an early answer, `index` is the article's text index made during the analysis (not part of `ms`).
   */
  timings?: { index: number; tag: number; paint: number };
  /** What ran the tagger's scoring for the last answer: WebAssembly, or JavaScript where the browser refused it. */
  engine?: 'wasm' | 'js';
}

/** Popup -> content script (browser.tabs.sendMessage). */
export interface ContentProtocol {
  /** Current state of the page. */
  getPageState(args: Record<string, never>): PageState;
  /** Turn hiding on or off for this tab (restores the page exactly when off). */
  setHidingEnabled(args: { on: boolean }): PageState;
  /** Show or hide one category on this tab; the choice is remembered for all sites. */
  setCategoryEnabled(args: { category: Category; on: boolean }): PageState;
  /** Hide (or keep) the captions of the article's own pictures; remembered for every site. */
  setArticleCaptionsHidden(args: { hide: boolean }): PageState;
  /** NewsLens on or off on this site (remembered); off restores the page exactly. */
  setSiteEnabled(args: { on: boolean }): PageState;
  /** Start the element picker ("Hide an element"); resolves when it starts, the rule is saved when the user picks. */
  startPicker(args: Record<string, never>): void;
  /** Show everything NewsLens hid, outlined and labelled with the detector or rule (on), or hide it again (off). */
  setShowHidden(args: { on: boolean }): PageState;
  /** The article of this page, read from a clone of it (the page is not touched): sanitised HTML, Markdown, text. */
  extractArticle(args: Record<string, never>): ExtractedArticle;
  /** Show a short notice on the page (a save from a shortcut or the context menu). */
  notify(args: { message: string }): void;
  /** Entity highlights on or off (remembered for all sites); resolves once painted or cleared. */
  setHighlightsEnabled(args: { on: boolean }): PageState;
  /** Show or hide one entity type's highlights (remembered). */
  setEntityTypeVisible(args: { type: EntityType; on: boolean }): PageState;
}

/** Content script / popup -> background (browser.runtime.sendMessage). */
export interface BackgroundProtocol {
  /** The content script reports its state so the toolbar badge can show the hidden count. */
  pageStateChanged(args: { hiddenCount: number; enabled: boolean }): void;
  /** Entities of an article's text (the model lives in the background, loaded on first use). */
  /** `names`: look for names too (false on a non-English article: dates, money, percentages only). */
  findEntities(args: { text: string; names: boolean }): EntityResult;
  /**
   * A page is starting: if highlights are on for the sender's site, load the model and tag `text` (the article's
   * text, read as soon as the analysis found the article; '' for none) while the page's content script finishes its
   * analysis. Null when highlights are off there (nothing loaded, nothing tagged).
   */
  pageEntities(args: { text: string; names: boolean }): EntityResult | null;
  /**
   * A page is loading (its document_start script asks, once it has the settings): if highlights are on for the
   * sender's site, start loading the model now, so tagging its article does not wait for it. Answers at once.
   */
  warmUp(args: Record<string, never>): null;
  /** Save the article of a tab to the library; re-saving the same article updates it and keeps its tags. */
  saveTab(args: { tabId: number }): SaveResult;
}

/** What a save did. */
export interface SaveResult {
  id: string;
  title: string;
  /** The article was in the library already (same canonical URL): updated, tags kept. */
  updated: boolean;
}

/** The envelope every message travels in; `nl` tells our messages from anyone else's. */
export interface Envelope<P, K extends keyof P = keyof P> {
  nl: 1;
  type: K;
  args: P[K] extends (a: infer A) => unknown ? A : never;
}

/** Handlers for a protocol: same names, may be async. */
export type Handlers<P> = {
  [K in keyof P]: P[K] extends (a: infer A) => infer R ? (args: A, sender: { tabId?: number; url?: string }) => R | Promise<R> : never;
};

/** Type guard for our envelopes. */
export function isEnvelope(m: unknown): m is { nl: 1; type: string; args: unknown } {
  return typeof m === 'object' && m !== null && (m as { nl?: unknown }).nl === 1 && typeof (m as { type?: unknown }).type === 'string';
}
