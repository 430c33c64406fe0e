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
/**
 * Containers publishers name as the article body (schema.org, WordPress, common CMS themes). A strong prior, not a
 * rule: a marked container still has to win the vote, but it may do so with little prose (a two-line post).
 */
const BODY_MARKER = /(?:^|\s)(?:entry-content|post-content|post-body|article-body|article__body|article-content|story-body|story-content|article-text|articletext|td-post-content|c-entry-content|body-content|news-body|content-body|articlebody|article_body|story_body|post-entry|single-post-content)(?:\s|$)/;

/** The element is marked as the article body by schema.org or a common body class/id. */
export function isBodyMarked(el: Element): boolean {
  if (el.getAttribute('itemprop') === 'articleBody') return true;
  const cls = (el.getAttribute('class') ?? '').toLowerCase();
  const id = (el.getAttribute('id') ?? '').toLowerCase();
  return BODY_MARKER.test(cls) || BODY_MARKER.test(id);
}

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
  if (isBodyMarked(el)) w += 40;
  const role = el.getAttribute('role');
  if (role === 'main' || role === 'article') w += 10;
  return w;
}

/** Candidate scores for every element that received votes. */
function scoreCandidates(stats: PageStats, strict: boolean): Map<Element, number> {
  const scores = new Map<Element, number>();
  const add = (el: Element | null, s: number) => {
    if (!el || !stats.has(el)) return;
    scores.set(el, (scores.get(el) ?? prior(el)) + s);
  };
  for (const b of stats.blocks()) {
    if (b.chars < 25 || NOT_A_PARAGRAPH.has(b.el.tagName)) continue;
    if (b.linkChars / b.chars > 0.5 || (strict && b.unlikely)) continue;
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

/**
 * The element most likely to hold the article body, or null for pages without enough prose.
 * First without the blocks inside comment/related/sidebar subtrees (they are prose too, and pull the choice
 * towards a column holding both); when that leaves too little, again with them (Readability retries the same way).
 */
export function findArticleRoot(stats: PageStats): Element | null {
  if (stats.proseChars(stats.body) < MIN_ARTICLE_PROSE) return null;
  const strict = pickRoot(stats, true);
  if (strict && stats.mainProseChars(strict) >= MIN_ARTICLE_PROSE) return strict;
  const loose = pickRoot(stats, false);
  if (!strict || !loose) return strict ?? loose;
  // A short article above a long comment thread: the loose choice is the column holding both. Keep the article.
  if (loose.contains(strict)) return strict;
  // Disjoint: the article itself sits in a block named like furniture ("share-enabled"); trust the bigger prose.
  return stats.proseChars(loose) > 2 * stats.mainProseChars(strict) ? loose : strict;
}

function pickRoot(stats: PageStats, strict: boolean): Element | null {
  const body = stats.body;
  const prose = (el: Element) => (strict ? stats.mainProseChars(el) : stats.proseChars(el));
  const scores = scoreCandidates(stats, strict);
  // A candidate must hold prose itself: a positive class name on a headline wrapper is not an article.
  const holdsProse = ([el]: [Element, number]) => prose(el) >= 140 || (isBodyMarked(el) && stats.textChars(el) >= 25);
  const ranked = [...scores].filter((c) => c[0] !== body && holdsProse(c)).sort((a, b) => b[1] - a[1]);
  // The body itself only when nothing inside it qualifies: a plain page whose paragraphs sit directly in <body>
  // (a personal site, a mailing-list archive) is an article too. It has no furniture beside it to hide.
  if (!ranked.length) return scores.has(body) && prose(body) >= MIN_ARTICLE_PROSE ? body : null;
  let [top, topScore] = ranked[0];

  // Several near-equal candidates (paragraphs split over sibling containers): take the ancestor holding them.
  // Each part must carry real prose: teaser boxes of other stories score alike by class name but are short.
  const topProse = prose(top);
  const alternatives = ranked.slice(1, 6).filter(([el, s]) => s >= topScore * 0.75 && !contains(el, top) && !contains(top, el) && prose(el) >= topProse * 0.4).map(([el]) => el);
  if (alternatives.length >= 2) {
    for (let p = top.parentElement; p && p !== body; p = p.parentElement) {
      if (alternatives.filter((a) => contains(p!, a)).length >= 2) {
        top = p;
        break;
      }
    }
  }
  // Widen through wrappers that add little: a subheading, a byline. Whole sibling stories are not little.
  for (let p = top.parentElement; p && p !== body; p = p.parentElement) {
    const gain = prose(p) - prose(top);
    const extra = stats.textChars(p) - stats.textChars(top);
    if (extra <= 0 || (extra <= Math.max(100, 0.15 * stats.textChars(top)) && gain >= 0.6 * extra && stats.linkDensity(p) < 0.35)) top = p;
    else break;
  }
  return prose(top) >= MIN_ARTICLE_PROSE / 2 || isBodyMarked(top) ? top : null;
}

/**
 * What separates the words of a title: white space, ASCII and Latin-1 punctuation and symbols, general and CJK
 * punctuation, full-width ASCII punctuation. Spelled as separators rather than as [^\p{L}\p{N}] because a \p class
 * needs the u flag, which made this the costliest regexp to compile at start-up (about 1 ms a page in Chromium);
 * and every other script's letters and combining marks stay inside their words.
 */
const TITLE_SEPARATORS = /[\s!-\/:-@[-`{-~\u00a0-\u00bf\u00d7\u00f7\u2000-\u206f\u2e00-\u2e7f\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65]+/;

/** Lower-cased word tokens of a title or heading. */
function titleWords(s: string): string[] {
  return s.toLowerCase().split(TITLE_SEPARATORS).filter(Boolean);
}

/** How well a heading's words match a title's: 2 × shared / (heading words + title words), 0..1 (Dice). */
function titleMatch(heading: readonly string[], title: readonly string[]): number {
  if (!heading.length || !title.length) return 0;
  const left = new Map<string, number>();
  for (const w of title) left.set(w, (left.get(w) ?? 0) + 1);
  let shared = 0;
  for (const w of heading) {
    const n = left.get(w) ?? 0;
    if (n > 0) {
      shared++;
      left.set(w, n - 1);
    }
  }
  return (2 * shared) / (heading.length + title.length);
}

/**
 * The headline: the h1 or h2 whose words best match the page's title (and og:title, which publishers usually give
 * without the site name), preferring an h1 and headings at or just before the article root. Word overlap rather than
 * "the title contains the heading": the site's own name is in every <title> ("September 2018 open thread - The
 * GiveWell Blog"), and so is a one-word heading such as "Reviews"; choosing those hid the real headline as
 * off-article furniture.
 */
export function findTitle(doc: Document, root: Element | null, pageTitle: string): Element | null {
  const og = doc.querySelector('meta[property="og:title"], meta[name="twitter:title"]')?.getAttribute('content') ?? '';
  const norm = (t: string) => t.toLowerCase().replace(/\s+/g, ' ').trim();
  const raw = [norm(pageTitle), norm(og)].filter(Boolean);
  const titles = raw.map(titleWords).filter((t) => t.length);
  // Scripts written without spaces ("独家北京举行会议" over an h1 "北京举行会议") make one long word: there, the share
  // of the title the heading's text covers stands in for word overlap.
  const covered = (text: string) => Math.max(0, ...raw.map((t) => (t.includes(text) ? text.length / t.length : text.includes(t) ? t.length / text.length : 0)));
  const headings = Array.from(doc.querySelectorAll('h1, h2'));
  // The heading nearest before the root: where a headline sits when the root holds only the body text.
  let lastBefore: Element | null = null;
  if (root) for (const h of headings) if (!contains(root, h) && h.compareDocumentPosition(root) & 4) lastBefore = h;
  let best: Element | null = null;
  let bestScore = 0;
  for (const h of headings) {
    const text = (h.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (text.length < 4 || text.length > 300) continue;
    const words = titleWords(text);
    const match = Math.max(covered(norm(text)), ...titles.map((t) => titleMatch(words, t)));
    // An h1 beats an h2 of the same words (a gallery's or a teaser's copy of the headline is often an h2).
    let score = (h.tagName === 'H1' ? 3 : 1) + 6 * match;
    // Position decides between headings that match the title; where none does, it barely counts (a page whose
    // headline is neither h1 nor h2 keeps its first h1 rather than the section heading nearest the root).
    let position = 0;
    if (root && (contains(root, h) || h === lastBefore)) position = 2;
    else if (root && h.compareDocumentPosition(root) & 4) position = 0.5; // before the root, further up (a site banner)
    score += match > 0 ? position : position / 4;
    if (score > bestScore) {
      best = h;
      bestScore = score;
    }
  }
  return best;
}
