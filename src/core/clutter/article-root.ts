/**
 * Finds the element that holds the article body. Paragraph-like blocks vote for their ancestors (the idea of
 * Readability's _grabArticle, reimplemented over PageStats so no text is read twice), then the winner is widened
 * while its parent adds prose rather than furniture.
 */
import { PageStats } from './page-stats.js';
import { NEGATIVE_HINT, POSITIVE_HINT, hintOf } from './cues.js';

/** Below this much prose the page is not treated as an article: no off-article hiding. */
export const MIN_ARTICLE_PROSE = 400;

const TAG_PRIOR: Record<string, number> = {
  ARTICLE: 10, MAIN: 5, DIV: 5, SECTION: 3, TD: 3, PRE: 3, BLOCKQUOTE: 3,
  FORM: -3, OL: -3, UL: -3, DL: -3, DD: -3, DT: -3, LI: -3, ADDRESS: -3,
  H1: -5, H2: -5, H3: -5, H4: -5, H5: -5, H6: -5, TH: -5, HEADER: -5, FOOTER: -10, NAV: -20, ASIDE: -15,
};
const NOT_A_PARAGRAPH = new Set(['H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'A', 'BUTTON', 'LABEL', 'TH']);

/** Readability-style vote weight of one paragraph. */
function paragraphScore(chars: number, commas: number): number {
  return 1 + commas + Math.min(Math.floor(chars / 100), 3);
}

function prior(el: Element): number {
  const hint = hintOf(el);
  let w = TAG_PRIOR[el.tagName] ?? 0;
  if (hint) {
    if (NEGATIVE_HINT.test(hint)) w -= 25;
    if (POSITIVE_HINT.test(hint)) w += 25;
  }
  if (el.getAttribute('itemprop') === 'articleBody') w += 50;
  const role = el.getAttribute('role');
  if (role === 'main' || role === 'article') w += 10;
  return w;
}

/** Candidate scores for every element that received votes. */
function scoreCandidates(stats: PageStats): Map<Element, number> {
  const scores = new Map<Element, number>();
  const add = (el: Element | null, s: number) => {
    if (!el || !stats.has(el)) return;
    scores.set(el, (scores.get(el) ?? prior(el)) + s);
  };
  for (const b of stats.blocks()) {
    if (b.chars < 25 || NOT_A_PARAGRAPH.has(b.el.tagName)) continue;
    if (b.linkChars / b.chars > 0.5) continue;
    const s = paragraphScore(b.chars - b.linkChars, b.commas);
    // A container that holds prose directly (text + <br>, 2010-style <td>) is a candidate itself.
    if (b.el.tagName !== 'P' && b.chars >= 200) add(b.el, s);
    let el: Element | null = b.el.parentElement;
    for (let level = 0; el && level < 5 && el !== stats.body.parentElement; level++, el = el.parentElement) {
      add(el, s / (level === 0 ? 1 : level === 1 ? 2 : level * 3));
    }
  }
  for (const [el, s] of scores) scores.set(el, s * (1 - stats.linkDensity(el)));
  return scores;
}

function contains(a: Element, b: Element): boolean {
  return a === b || a.contains(b);
}

/** The element most likely to hold the article body, or null for pages without enough prose. */
export function findArticleRoot(stats: PageStats): Element | null {
  const body = stats.body;
  if (stats.proseChars(body) < MIN_ARTICLE_PROSE) return null;
  const scores = scoreCandidates(stats);
  const ranked = [...scores].filter(([el]) => el !== body).sort((a, b) => b[1] - a[1]);
  if (!ranked.length) return null;
  let [top, topScore] = ranked[0];

  // Several near-equal candidates (paragraphs split over sibling containers): take the ancestor holding them.
  const alternatives = ranked.slice(1, 6).filter(([, s]) => s >= topScore * 0.75).map(([el]) => el);
  if (alternatives.length >= 2) {
    for (let p = top.parentElement; p && p !== body; p = p.parentElement) {
      if (alternatives.filter((a) => contains(p!, a)).length >= 2) {
        top = p;
        break;
      }
    }
  }
  // Widen while the parent is (almost) the same content: a wrapper around the top candidate.
  for (let p = top.parentElement; p && p !== body; p = p.parentElement) {
    const gain = stats.proseChars(p) - stats.proseChars(top);
    const extra = stats.textChars(p) - stats.textChars(top);
    if (extra <= 0 || (gain >= 0.6 * extra && stats.linkDensity(p) < 0.35)) top = p;
    else break;
  }
  topScore = scores.get(top) ?? topScore;
  return stats.proseChars(top) >= MIN_ARTICLE_PROSE / 2 ? top : null;
}

/**
 * The headline: the h1 (or, failing that, h2) whose text best matches the document's title,
 * preferring headings that come before or at the start of the article root.
 */
export function findTitle(doc: Document, root: Element | null, pageTitle: string): Element | null {
  const norm = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();
  const want = norm(pageTitle);
  let best: Element | null = null;
  let bestScore = 0;
  for (const tag of ['h1', 'h2']) {
    for (const h of Array.from(doc.getElementsByTagName(tag))) {
      const text = norm(h.textContent ?? '');
      if (text.length < 4 || text.length > 300) continue;
      let score = tag === 'h1' ? 2 : 1;
      if (want && (want.includes(text) || text.includes(want))) score += 5;
      if (root && !contains(root, h) && h.compareDocumentPosition(root) & 4) score += 2; // before the root
      if (root && contains(root, h)) score += 1;
      if (score > bestScore) {
        best = h;
        bestScore = score;
      }
    }
    if (best && bestScore >= 5) break;
  }
  return best;
}
