/**
 * The declutter engine: measure the page once, find the article, run the detector table over every element,
 * then name the furniture around the article. Read-only: it returns Findings and never touches the DOM.
 */
import { PageStats, isMarkupHidden } from './page-stats.js';
import { findArticleRoot, findTitle } from './article-root.js';
import { DetectorContext } from './detector-context.js';
import { DETECTORS, type Detector } from './detectors.js';
import { hintOf, type Cue } from './cues.js';
import { classifyOffArticle, isArticleFurniture } from './off-article.js';
import { captionsIn } from '../article/furniture.js';
import type { AnalyzeOptions, Analysis, Finding, Veto } from './types.js';
import { selectorPrefilter } from './selector-prefilter.js';


/** An element holding more than this share of the article's prose is never hidden (the safety valve). */
export const MAX_HIDDEN_PROSE_SHARE = 0.15;

/**
 * A table row ready for the loop over elements. Every field is present whatever the row uses, so the loop reads
 * one object shape: the table's own `match` literals come in a dozen shapes, and reading them made each property
 * access in matches() megamorphic (it was the engine's hottest function in Chromium, warm).
 */
interface CompiledDetector {
  d: Detector;
  /** Position in the table: index into a run's selector hits. */
  index: number;
  tags: Set<string> | null;
  selector: string | null;
  maxChars: number;
  checksChars: boolean;
  maxProse: number;
  checksProse: boolean;
  hint: Cue | null;
  label: Cue | null;
  test: NonNullable<Detector['match']['test']> | null;
}

const COMPILED: CompiledDetector[] = (DETECTORS as readonly Detector[]).map((d, index) => ({
  d,
  index,
  tags: d.match.tags ? new Set(d.match.tags) : null,
  selector: d.match.selectors ? d.match.selectors.join(',') : null,
  maxChars: d.match.maxChars ?? Infinity,
  checksChars: d.match.maxChars !== undefined,
  maxProse: d.match.maxProse ?? Infinity,
  checksProse: d.match.maxProse !== undefined,
  hint: d.match.hint ?? null,
  label: d.match.label ?? null,
  test: d.match.test ?? null,
}));
/** Rules out elements no selector row can match (see selector-prefilter.ts; a unit test keeps it non-null). */
const SELECTOR_PREFILTER = selectorPrefilter(COMPILED.flatMap((c) => (c.selector ? [c.selector] : [])));

/**
 * Whether a detector row matches an element; cheapest checks first. Returns the reason or false. This runs for
 * every (element, row) pair, so nothing is allocated until every check has passed: building the reason strings
 * up front was a large share of the engine's garbage. `selected[c.index]`: the row's selector hits in this run.
 */
function matches(c: CompiledDetector, el: Element, ctx: DetectorContext, selected: (Set<Element> | null)[]): string | false {
  if (c.tags !== null && !c.tags.has(el.tagName)) return false;
  let chars = -1, prose = 0;
  if (c.checksChars) {
    chars = ctx.stats.textChars(el);
    if (chars > c.maxChars) return false;
  }
  if (c.checksProse) {
    prose = ctx.stats.proseChars(el);
    if (prose > c.maxProse) return false;
  }
  let bySel = false, byHint = false;
  if (c.selector !== null || c.hint !== null) {
    bySel = c.selector !== null && selected[c.index]!.has(el);
    byHint = !bySel && c.hint !== null && c.hint.test(hintOf(el));
    if (!bySel && !byHint) return false;
  }
  let label = '';
  if (c.label !== null) {
    label = ctx.label(el);
    if (!label || !c.label.test(label)) return false;
  }
  let tested: string | false = '';
  if (c.test !== null) {
    tested = c.test(el, ctx);
    if (!tested) return false;
  }
  const reasons: string[] = [];
  if (c.label !== null) reasons.push(`label "${label.slice(0, 40)}"`);
  if (bySel) reasons.push(`selector ${c.selector!.slice(0, 40)}`);
  else if (byHint) reasons.push(`class/id "${hintOf(el).trim().slice(0, 40)}"`);
  if (chars >= 0) reasons.push(`${chars} chars`);
  if (prose) reasons.push(`prose ${prose} chars`);
  if (tested) reasons.push(tested);
  return reasons.join(', ') || 'matched';
}

/** Everything one run of the detectors shares. */
interface Run {
  stats: PageStats;
  ctx: DetectorContext;
  body: Element;
  root: Element | null;
  title: Element | null;
  /** Prose of the article root, for the safety valve (kept from the full analysis when re-running on new nodes). */
  rootProse: number;
  active: CompiledDetector[];
  options: AnalyzeOptions;
  findings: Finding[];
  vetoes: Veto[];
  hidden: Set<Element>;
}

function newRun(doc: Document, scope: Element, root: Element | null, title: Element | null, rootProse: number, options: AnalyzeOptions, stats = new PageStats(scope)): Run {
  const active = COMPILED.filter((c) => !options.disabledCategories?.has(c.d.category) && !options.disabledDetectors?.has(c.d.id));
  return { stats, ctx: new DetectorContext(stats, root, title), body: doc.body!, root, title, rootProse, active, options, findings: [], vetoes: [], hidden: new Set() };
}

/** The safety valve: reasons an element must stay visible, or null. */
function vetoReason(run: Run, el: Element): string | null {
  const { body, root, title, stats, ctx, rootProse } = run;
  if (el === body || (root !== null && el.contains(root)) || (title !== null && el.contains(title))) return 'holds the article or its headline';
  if (root && ctx.relation(el) === 'inside' && stats.proseChars(el) > Math.max(200, rootProse * MAX_HIDDEN_PROSE_SHARE)) {
    return `holds ${stats.proseChars(el)} of ${rootProse} article prose chars`;
  }
  return null;
}

/** Pass 1: the detector table over every measured element of the run's scope, skipping hidden subtrees. */
function runTable(run: Run, includeScope: boolean): void {
  const { stats, ctx, active } = run;
  // Selector rows: Element.matches with all of them on each measured element the prefilter lets through, then
  // once per row on the few hits. One querySelectorAll was slower in happy-dom (a DOM walk and
  // a DOMTokenList per element for each comma-separated part: a quarter of the CLI's analysis time), and measured
  // elements already leave out hidden subtrees the table never looks at.
  const selected: (Set<Element> | null)[] = COMPILED.map(() => null);
  const selectorRows = active.filter((c) => c.selector);
  for (const c of selectorRows) selected[c.index] = new Set();
  if (selectorRows.length) {
    const all = selectorRows.map((c) => c.selector).join(',');
    for (const el of stats.elements) {
      if (SELECTOR_PREFILTER && !SELECTOR_PREFILTER(el, hintOf(el))) continue;
      if (!el.matches(all)) continue;
      for (const c of selectorRows) if (el.matches(c.selector!)) selected[c.index]!.add(el);
    }
  }
  // Rows an element can meet, by what is known before any row runs: its tag, its text length against each row's
  // maxChars, whether it has a class/id hint or a selector hit, and where it is. Most elements are short leaves
  // without a hint and meet a handful of rows instead of all ~40: in a browser's first run of the content script
  // (cold code, no JIT yet) each call costs microseconds, and this loop was half of the start-up time.
  const candidates = new Set<Element>();
  for (const set of selected) if (set) for (const el of set) candidates.add(el);
  const limits = [...new Set(active.flatMap((c) => (c.checksChars ? [c.maxChars] : [])))].sort((a, b) => a - b);
  const rowLists = new Map<string, CompiledDetector[]>();
  const rowsFor = (tag: string, chars: number, named: boolean, rel: string) => {
    let bucket = 0;
    while (bucket < limits.length && limits[bucket] < chars) bucket++;
    const key = `${tag} ${bucket} ${named ? 1 : 0} ${rel}`;
    let rows = rowLists.get(key);
    if (!rows) {
      rows = active.filter((c) => {
        if (c.tags && !c.tags.has(tag)) return false;
        if (c.maxChars < chars) return false;
        if ((c.d.scope === 'inside' || c.d.scope === 'outside') && c.d.scope !== rel) return false;
        // A row that needs a selector hit or a hint cannot match an element with neither.
        return named || !(c.selector || c.hint) || (c.hint !== null && c.hint.test(''));
      });
      rowLists.set(key, rows);
    }
    return rows;
  };
  const els = stats.elements;
  for (let i = includeScope ? 0 : 1; i < els.length; i++) {
    const el = els[i];
    const chars = stats.textChars(el);
    // No attribute, no text, no picture: no row can name it (most wrappers and spacers).
    if (!el.hasAttributes() && chars === 0 && stats.mediaCount(el) === 0) continue;
    const rows = rowsFor(el.tagName, chars, hintOf(el) !== '' || candidates.has(el), ctx.relation(el));
    for (const c of rows) {
      const reason = matches(c, el, ctx, selected);
      if (!reason) continue;
      const why = vetoReason(run, el);
      if (why) {
        run.vetoes.push({ detector: c.d.id, element: el, reason: why });
        continue;
      }
      run.findings.push({ detector: c.d.id, category: c.d.category, element: el, reason });
      run.hidden.add(el);
      i = stats.subtreeEnd(el); // its subtree is hidden with it
      break;
    }
  }
}

/** Tags whose content is by definition not the story, however much prose they hold. */
const NEVER_STORY = new Set(['ASIDE', 'NAV', 'FOOTER']);

/** Pass 2 for one block beside the article's ancestor chain: furniture no detector named. */
function offArticle(run: Run, el: Element): void {
  const { stats, ctx, title, root, hidden, findings } = run;
  if (title && el.contains(title)) {
    // The headline's own block: keep the headline and what belongs with it, look at the rest.
    for (const c of Array.from(el.children)) if (!hidden.has(c) && stats.has(c) && c !== title) offArticle(run, c);
    return;
  }
  if (stats.textChars(el) === 0 && stats.mediaCount(el) === 0 && !el.getElementsByTagName('iframe').length) return; // nothing a reader sees
  // Prose that is not comments or teasers, a quarter of the article's or more: maybe the article itself, or a part of
  // it the root left out (a story split into sections between full-width figures). Half let aeb-dev pages lose
  // the first section of their text in the browser; the CLI's output (the root's text) is the same either way.
  // Checked before going piece by piece: an ad inside such a section must not turn its paragraphs into pieces,
  // each under the quarter (Wired lost a third of its article that way). The table still hides the ad itself.
  // An <aside>, <nav> or <footer> says by its tag that it is not the story (PolitiFact's sidebar of explainers).
  if (root && !NEVER_STORY.has(el.tagName) && stats.mainProseChars(el) >= Math.max(400, run.rootProse * 0.25)) {
    run.vetoes.push({ detector: 'off-article', element: el, reason: `holds ${stats.mainProseChars(el)} prose chars: maybe article` });
    return;
  }
  // Part of it is already named by a detector: name the rest piece by piece, so each keeps its own category.
  if (findings.some((f) => stats.contains(el, f.element))) {
    for (const c of Array.from(el.children)) if (!hidden.has(c) && stats.has(c)) offArticle(run, c);
    collapseShell(run, el);
    return;
  }
  if (isArticleFurniture(el, ctx)) return;
  const category = classifyOffArticle(el, ctx);
  if (run.options.disabledCategories?.has(category)) return;
  if (vetoReason(run, el)) return;
  findings.push({ detector: 'off-article', category, element: el, reason: 'outside the article' });
  hidden.add(el);
}

/**
 * A block whose every piece is now hidden (a menu cell and a date cell of one table) is hidden too, so no empty
 * shell (a coloured bar, a bordered box) is left on the page. It takes the category of its biggest piece.
 */
function collapseShell(run: Run, el: Element): void {
  const { stats, findings } = run;
  const inner = findings.filter((f) => stats.contains(el, f.element));
  const covered = inner.reduce((n, f) => n + stats.textChars(f.element), 0);
  const media = inner.reduce((n, f) => n + stats.mediaCount(f.element), 0);
  if (!inner.length || covered < stats.textChars(el) || media < stats.mediaCount(el) || vetoReason(run, el)) return;
  const biggest = inner.reduce((a, b) => (stats.textChars(b.element) > stats.textChars(a.element) ? b : a));
  findings.push({ detector: 'off-article', category: biggest.category, element: el, reason: 'every part of it is hidden' });
  run.hidden.add(el);
}

/** True when el sits directly beside the article's ancestor chain (a sibling of the root or of one of its ancestors). */
function besideChain(root: Element, el: Element): boolean {
  const parent = el.parentElement;
  return parent !== null && parent !== root && !root.contains(parent) && parent.contains(root) && !el.contains(root);
}

/** Analyse a document: where the article is and what around and inside it is clutter. */
export function analyze(doc: Document, options: AnalyzeOptions = {}): Analysis {
  const body = doc.body;
  if (!body) {
    options.onRoot?.(null);
    return { root: null, title: null, findings: [], vetoes: [], rootProse: 0 };
  }
  const stats = new PageStats(body);
  const root = findArticleRoot(stats);
  options.onRoot?.(root);
  const title = findTitle(doc, root, doc.title ?? '');
  const run = newRun(doc, body, root, title, root ? stats.mainProseChars(root) : 0, options, stats);
  runTable(run, false);
  if (root && !options.disabledDetectors?.has('off-article')) {
    for (let a: Element = root; a !== body && a.parentElement; a = a.parentElement) {
      for (const sib of Array.from(a.parentElement.children)) {
        if (sib === a || run.hidden.has(sib) || isMarkupHidden(sib) || !stats.has(sib)) continue;
        offArticle(run, sib);
      }
    }
  }
  // Captions of the article's own pictures are kept unless the user asks otherwise (a setting, not clutter).
  if (root && options.keepArticleCaptions === false && !options.disabledCategories?.has('gallery')) {
    for (const el of captionsIn(root)) {
      if (run.findings.some((f) => f.element === el || f.element.contains(el))) continue;
      run.findings.push({ detector: 'article-captions', category: 'gallery', element: el, reason: 'caption of the article\'s own picture (setting)' });
    }
  }
  return { root, title, findings: run.findings, vetoes: run.vetoes, rootProse: run.rootProse };
}

/** The article root found earlier is gone from the page: analyse the page again from scratch. */
export function needsFullAnalysis(previous: Analysis): boolean {
  return previous.root !== null && !previous.root.isConnected;
}

/**
 * Analyse nodes added after the first analysis (lazy share bars, infinite related feeds, consent pop-ups) against
 * that analysis's article root: the table over the new subtree, and off-article furniture when the new node sits
 * beside the article. Elements already hidden (or inside hidden ones) are skipped by the caller.
 */
export function analyzeAdded(el: Element, previous: Analysis, options: AnalyzeOptions = {}): Finding[] {
  const doc = el.ownerDocument;
  if (!doc.body || isMarkupHidden(el)) return [];
  // The article itself was replaced (a client-side re-render): judging new nodes against a detached root would
  // hide the new article as "outside". The caller re-analyses the page instead (see needsFullAnalysis).
  if (previous.root && !previous.root.isConnected) return [];
  const run = newRun(doc, el, previous.root, previous.title, previous.rootProse, options);
  runTable(run, true);
  const { root } = previous;
  if (root && !run.hidden.has(el) && besideChain(root, el) && !options.disabledDetectors?.has('off-article')) offArticle(run, el);
  return run.findings;
}
