/**
 * Furniture around the article that no detector named: decide what to keep next to the article (byline, date,
 * lead picture) and which category the rest belongs to, so the user can switch it back on by kind.
 */
import type { DetectorContext } from './detector-context.js';
import type { Category } from './types.js';
import { HINT, hintOf, type Cue } from './cues.js';

const ORDER: [Category, Cue][] = [
  ['consent', HINT.consent],
  ['comments', HINT.comments],
  ['newsletter', HINT.newsletter],
  ['social', HINT.social],
  ['gallery', HINT.gallery],
  ['related', HINT.related],
  ['ad', HINT.ad],
  ['footer', HINT.footer],
  ['nav', HINT.nav],
];

const TAG_CATEGORY: Record<string, Category> = { NAV: 'nav', FOOTER: 'footer', ASIDE: 'chrome', HEADER: 'chrome' };

/** Category of an off-article block, from its tag, then its class/id, then its shape. */
export function classifyOffArticle(el: Element, ctx: DetectorContext): Category {
  const byTag = TAG_CATEGORY[el.tagName];
  if (byTag && byTag !== 'chrome') return byTag;
  const hint = hintOf(el);
  if (hint) for (const [cat, re] of ORDER) if (re.test(hint)) return cat;
  const role = el.getAttribute('role');
  if (role === 'navigation') return 'nav';
  // A list of several short links and nothing else is a menu, in any language.
  const links = ctx.stats.linkCount(el);
  if (links >= 4 && ctx.stats.linkDensity(el) >= 0.8 && ctx.stats.textChars(el) / links <= 25) return 'nav';
  if (role === 'contentinfo') return 'footer';
  if (role === 'complementary') return 'chrome';
  return 'chrome';
}

/**
 * The lowest element holding both the headline and the article root, when that element is still "the article"
 * (not the whole page): what sits inside it beside the body is article furniture, not site furniture.
 */
export function articleContainer(ctx: DetectorContext): Element | null {
  const { root, title, stats } = ctx;
  if (!root) return null;
  if (!title) return root;
  let lca: Element | null = root;
  while (lca && !lca.contains(title)) lca = lca.parentElement;
  if (!lca || lca === stats.body) return root;
  // A container much bigger than the body is the page layout, not the article.
  return stats.textChars(lca) <= stats.textChars(root) * 1.5 + 1500 ? lca : root;
}

/** Kept beside the article: byline, dateline, standfirst, lead picture — short blocks near the headline. */
export function isArticleFurniture(el: Element, ctx: DetectorContext): boolean {
  const container = articleContainer(ctx);
  if (!container || container === ctx.root || !container.contains(el)) return false;
  const { stats, root } = ctx;
  const chars = stats.textChars(el);
  const before = ctx.side(el) === 'before';
  if (before) {
    if (chars <= 500 && stats.linkDensity(el) < 0.5) return true;
    if (el.tagName === 'FIGURE' || (chars <= 300 && el.querySelector('img, picture, video'))) return true;
    return HINT.byline.test(hintOf(el)) && chars <= 800;
  }
  // After the body inside the article: only more prose (a body split in two) stays.
  return stats.proseChars(el) >= 200 && stats.linkDensity(el) < 0.3;
}
