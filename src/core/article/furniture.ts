/**
 * Article furniture inside the article root: captions, the headline's header block, bylines and datelines.
 * It stays on the page and in saved HTML; it is left out of the body *text* (what the CLI prints, what the AEB
 * benchmark scores, what entity recognition reads), because it is not what the article says.
 */

const CAPTION_CLASS = /caption|photo-?credit|image-?credit|(?:^|[\s_-])credits?(?:$|[\s_-])/i;
const META_CLASS = /(?:^|[\s_-])(?:byline|bylines|author|authors|author-?name|dateline|timestamp|published|pubdate|date|datetime|time|post-?meta|entry-?meta|article-?meta|meta|posted-?on|updated)(?:$|[\s_-])/i;

/** Picture captions and credits (figcaption, or blocks whose class says caption/credit). */
export function captionsIn(root: Element): Element[] {
  const out: Element[] = Array.from(root.querySelectorAll('figcaption'));
  for (const el of Array.from(root.querySelectorAll('[class*="caption" i], [class*="credit" i]'))) {
    if (CAPTION_CLASS.test(el.getAttribute('class') ?? '') && (el.textContent ?? '').length < 600) out.push(el);
  }
  return out;
}

/**
 * The headline's own block when the headline sits inside the root: climb from the headline while the ancestor
 * is still small (headline, standfirst, byline), stopping below the root.
 */
export function headerBlockIn(root: Element, title: Element | null): Element | null {
  if (!title || !root.contains(title) || title === root) return null;
  let block: Element = title;
  for (let p = title.parentElement; p && p !== root; p = p.parentElement) {
    if ((p.textContent ?? '').length > 600) break;
    block = p;
  }
  return block;
}

/** Short blocks named byline / author / date / meta. */
export function metaBlocksIn(root: Element): Element[] {
  const out: Element[] = [];
  for (const el of Array.from(root.querySelectorAll('[class], time, address'))) {
    if (el.tagName === 'P' && !META_CLASS.test(el.getAttribute('class') ?? '')) continue;
    const isMeta = el.tagName === 'TIME' || el.tagName === 'ADDRESS' || META_CLASS.test(el.getAttribute('class') ?? '');
    if (isMeta && (el.textContent ?? '').trim().length <= 250) out.push(el);
  }
  return out;
}

/** Everything inside the root that is not body text. */
export function furnitureIn(root: Element, title: Element | null): Element[] {
  const header = headerBlockIn(root, title);
  return [...captionsIn(root), ...metaBlocksIn(root), ...(header ? [header] : [])];
}
