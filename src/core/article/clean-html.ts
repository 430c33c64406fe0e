/**
 * A detached copy of the article with clutter left out, links made absolute and active content dropped.
 * This is structure cleaning, not the security boundary: everything saved is also passed through DOMPurify
 * (see sanitize.ts) before it is stored or shown.
 */

const DROP_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'IFRAME', 'OBJECT', 'EMBED', 'FORM', 'INPUT', 'BUTTON', 'SELECT', 'TEXTAREA', 'LINK', 'META', 'BASE', 'SVG', 'svg', 'CANVAS']);
const KEEP_ATTRS = new Set(['href', 'src', 'alt', 'title', 'colspan', 'rowspan', 'datetime', 'lang', 'dir', 'cite', 'width', 'height']);
const URL_ATTRS = new Set(['href', 'src', 'cite']);

/** Pairs each element of `orig` with the element at the same place in `copy` (a deep clone of it). */
function mapClone(orig: Element, copy: Element, wanted: ReadonlySet<Element>): Map<Element, Element> {
  const out = new Map<Element, Element>();
  const stack: [Element, Element][] = [[orig, copy]];
  while (stack.length) {
    const [o, c] = stack.pop()!;
    if (wanted.has(o)) out.set(o, c);
    const oc = o.children, cc = c.children;
    for (let i = 0; i < oc.length && i < cc.length; i++) stack.push([oc[i], cc[i]]);
  }
  return out;
}

/** Options for cleanArticleElement. */
export interface CleanOptions {
  /** Elements of the source document to leave out (hidden clutter, the headline). */
  skip: ReadonlySet<Element>;
  /** Base for relative URLs. */
  baseUrl: string;
}

/** A cleaned, detached deep copy of `root`. The source document is not modified. */
export function cleanArticleElement(root: Element, { skip, baseUrl }: CleanOptions): Element {
  const copy = root.cloneNode(true) as Element;
  for (const c of mapClone(root, copy, skip).values()) if (c !== copy) c.remove();
  const all = [copy, ...Array.from(copy.getElementsByTagName('*'))];
  for (const el of all) {
    if (DROP_TAGS.has(el.tagName) || el.hasAttribute('hidden')) {
      el.remove();
      continue;
    }
    // Lazy-loaded pictures keep their real address in data-src / data-original.
    if (el.tagName === 'IMG' && !el.getAttribute('src')) {
      const lazy = el.getAttribute('data-src') ?? el.getAttribute('data-original') ?? el.getAttribute('data-lazy-src');
      if (lazy) el.setAttribute('src', lazy);
    }
    for (const attr of Array.from(el.attributes)) {
      const name = attr.name.toLowerCase();
      if (!KEEP_ATTRS.has(name)) el.removeAttribute(attr.name);
      else if (URL_ATTRS.has(name)) el.setAttribute(attr.name, absolute(attr.value, baseUrl));
    }
  }
  // Comments carry nothing for a reader (and sometimes conditional markup).
  const walker = copy.ownerDocument.createTreeWalker(copy, 128 /* SHOW_COMMENT */);
  const comments: Node[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) comments.push(n);
  for (const n of comments) n.parentNode?.removeChild(n);
  return copy;
}

function absolute(href: string, base: string): string {
  const v = href.trim();
  if (!v || v.startsWith('#')) return v;
  try {
    return new URL(v, base || undefined).href;
  } catch {
    return v;
  }
}
