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

function matches(c: CompiledDetector, el: Element, ctx: DetectorContext): string | false {
  const m = c.d.match;
  let reason = '';
  if (c.selector || m.hint) {
    const bySel = c.selector !== null && el.matches(c.selector);
    const byHint = !bySel && m.hint !== undefined && m.hint.test(hintOf(el));
    if (!bySel && !byHint) return false;
    reason = bySel ? 'selector' : `class/id "${hintOf(el).trim().slice(0, 40)}"`;
  }
  if (c.tags && !c.tags.has(el.tagName)) return false;
  if (m.label) {
    const label = ctx.label(el);
    if (!label || !m.label.test(label)) return false;
    reason = (reason ? reason + ', ' : '') + `label "${label.slice(0, 40)}"`;
  }
  if (m.test) {
    const r = m.test(el, ctx);
    if (!r) return false;
    reason = reason ? `${reason}, ${r}` : r;
  }
  return reason || 'matched';
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

  // Pass 1: the detector table over every measured element, skipping subtrees already hidden.
  const els = stats.elements;
  for (let i = 1; i < els.length; i++) {
    const el = els[i];
    if (hasHiddenAncestor(el, hidden, body)) continue;
    const rel = ctx.relation(el);
    for (const c of active) {
      if (c.d.scope === 'inside' && rel !== 'inside') continue;
      if (c.d.scope === 'outside' && rel !== 'outside') continue;
      const reason = matches(c, el, ctx);
      if (!reason) continue;
      const why = veto(el, c.d.id);
      if (why) {
        vetoes.push({ detector: c.d.id, element: el, reason: why });
        continue;
      }
      findings.push({ detector: c.d.id, category: c.d.category, element: el, reason });
      hidden.add(el);
      break;
    }
  }

  // Pass 2: furniture around an article (site header, rails, sidebars) that no detector named.
  if (root && !disabledIds?.has('off-article')) {
    for (let a: Element = root; a !== body && a.parentElement; a = a.parentElement) {
      for (const sib of Array.from(a.parentElement.children)) {
        if (sib === a || hidden.has(sib) || isMarkupHidden(sib) || !stats.has(sib)) continue;
        if (hasHiddenAncestor(sib, hidden, body)) continue;
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
    if (findings.some((f) => el.contains(f.element))) {
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

function hasHiddenAncestor(el: Element, hidden: Set<Element>, stop: Element): boolean {
  if (hidden.size === 0) return false;
  for (let p = el.parentElement; p && p !== stop; p = p.parentElement) if (hidden.has(p)) return true;
  return false;
}
