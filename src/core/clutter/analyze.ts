/**
 * The declutter engine: measure the page once, find the article, run the detector table over every element,
 * then name the furniture around the article. Read-only: it returns Findings and never touches the DOM.
 */
import { PageStats, isMarkupHidden } from './page-stats.js';
import { findArticleRoot, findTitle } from './article-root.js';
import { DetectorContext } from './detector-context.js';
import { DETECTORS, type Detector } from './detectors.js';
import { hintOf } from './cues.js';
import { classifyOffArticle, isArticleFurniture } from './off-article.js';
import type { AnalyzeOptions, Analysis, Finding, Veto } from './types.js';

/** An element holding more than this share of the article's prose is never hidden (the safety valve). */
export const MAX_HIDDEN_PROSE_SHARE = 0.15;

interface CompiledDetector {
  d: Detector;
  tags: Set<string> | null;
  selector: string | null;
}

const COMPILED: CompiledDetector[] = (DETECTORS as readonly Detector[]).map((d) => ({
  d,
  tags: d.match.tags ? new Set(d.match.tags) : null,
  selector: d.match.selectors ? d.match.selectors.join(',') : null,
}));

/** Whether a detector row matches an element; cheapest checks first. Returns the reason or false. */
function matches(c: CompiledDetector, el: Element, ctx: DetectorContext, selected: Map<CompiledDetector, Set<Element>>): string | false {
  const m = c.d.match;
  if (c.tags && !c.tags.has(el.tagName)) return false;
  const reasons: string[] = [];
  if (m.maxChars !== undefined) {
    const n = ctx.stats.textChars(el);
    if (n > m.maxChars) return false;
    reasons.push(`${n} chars`);
  }
  if (m.maxProse !== undefined) {
    const n = ctx.stats.proseChars(el);
    if (n > m.maxProse) return false;
    if (n) reasons.push(`prose ${n} chars`);
  }
  if (c.selector || m.hint) {
    const bySel = c.selector !== null && selected.get(c)!.has(el);
    const byHint = !bySel && m.hint !== undefined && m.hint.test(hintOf(el));
    if (!bySel && !byHint) return false;
    reasons.unshift(bySel ? `selector ${c.selector!.slice(0, 40)}` : `class/id "${hintOf(el).trim().slice(0, 40)}"`);
  }
  if (m.label) {
    const label = ctx.label(el);
    if (!label || !m.label.test(label)) return false;
    reasons.unshift(`label "${label.slice(0, 40)}"`);
  }
  if (m.test) {
    const r = m.test(el, ctx);
    if (!r) return false;
    reasons.push(r);
  }
  return reasons.join(', ') || 'matched';
}

/** Analyse a document: where the article is and what around and inside it is clutter. */
export function analyze(doc: Document, options: AnalyzeOptions = {}): Analysis {
  const body = doc.body;
  if (!body) return { root: null, title: null, findings: [], vetoes: [] };
  const stats = new PageStats(body);
  const root = findArticleRoot(stats);
  const title = findTitle(doc, root, doc.title ?? '');
  const ctx = new DetectorContext(stats, root, title);
  const findings: Finding[] = [];
  const vetoes: Veto[] = [];
  const hidden = new Set<Element>();
  const rootProse = root ? stats.proseChars(root) : 0;
  const disabledCats = options.disabledCategories;
  const disabledIds = options.disabledDetectors;
  const active = COMPILED.filter((c) => !disabledCats?.has(c.d.category) && !disabledIds?.has(c.d.id));

  const protectedEl = (el: Element) => el === body || (root !== null && el.contains(root)) || (title !== null && el.contains(title));

  /** The safety valve: a finding that would hide article prose is turned into a veto. */
  const veto = (el: Element, detector: string): string | null => {
    if (protectedEl(el)) return 'holds the article or its headline';
    if (root && ctx.relation(el) === 'inside' && stats.proseChars(el) > Math.max(200, rootProse * MAX_HIDDEN_PROSE_SHARE)) {
      return `holds ${stats.proseChars(el)} of ${rootProse} article prose chars`;
    }
    void detector;
    return null;
  };

  // Selector rows are answered by one querySelectorAll each, not by Element.matches on every element.
  const selected = new Map<CompiledDetector, Set<Element>>();
  for (const c of active) if (c.selector) selected.set(c, new Set(Array.from(body.querySelectorAll(c.selector))));

  // Pass 1: the detector table over every measured element, skipping subtrees already hidden.
  const els = stats.elements;
  for (let i = 1; i < els.length; i++) {
    const el = els[i];
    const rel = ctx.relation(el);
    for (const c of active) {
      if (c.d.scope === 'inside' && rel !== 'inside') continue;
      if (c.d.scope === 'outside' && rel !== 'outside') continue;
      const reason = matches(c, el, ctx, selected);
      if (!reason) continue;
      const why = veto(el, c.d.id);
      if (why) {
        vetoes.push({ detector: c.d.id, element: el, reason: why });
        continue;
      }
      findings.push({ detector: c.d.id, category: c.d.category, element: el, reason });
      hidden.add(el);
      i = stats.subtreeEnd(el); // its subtree is hidden with it
      break;
    }
  }

  // Pass 2: furniture around an article (site header, rails, sidebars) that no detector named.
  if (root && !disabledIds?.has('off-article')) {
    for (let a: Element = root; a !== body && a.parentElement; a = a.parentElement) {
      for (const sib of Array.from(a.parentElement.children)) {
        if (sib === a || hidden.has(sib) || isMarkupHidden(sib) || !stats.has(sib)) continue;
        offArticle(sib);
      }
    }
  }

  function offArticle(el: Element): void {
    if (title && el.contains(title)) {
      // The headline's own block: keep the headline and what belongs with it, look at the rest.
      for (const c of Array.from(el.children)) if (!hidden.has(c) && stats.has(c) && c !== title) offArticle(c);
      return;
    }
    if (stats.textChars(el) === 0 && !el.querySelector('img, iframe, video')) return; // nothing a reader sees
    // Part of it is already named by a detector: name the rest piece by piece, so each keeps its own category.
    if (findings.some((f) => stats.contains(el, f.element))) {
      for (const c of Array.from(el.children)) if (!hidden.has(c) && stats.has(c)) offArticle(c);
      return;
    }
    if (isArticleFurniture(el, ctx)) return;
    const category = classifyOffArticle(el, ctx);
    if (disabledCats?.has(category)) return;
    const why = veto(el, 'off-article');
    if (why) return;
    // Prose that is not comments or teasers, as much as half the article's: maybe the article itself.
    if (root && stats.mainProseChars(el) >= Math.max(400, stats.mainProseChars(root) * 0.5)) {
      vetoes.push({ detector: 'off-article', element: el, reason: `holds ${stats.mainProseChars(el)} prose chars: maybe article` });
      return;
    }
    findings.push({ detector: 'off-article', category, element: el, reason: 'outside the article' });
    hidden.add(el);
  }

  return { root, title, findings, vetoes };
}
