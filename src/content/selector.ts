/**
 * A CSS selector for one element, for rules saved from the page (the picker's "hide", show-hidden's "keep"). The
 * rule applies to every page of the site, so the selector must name the element by something that survives a
 * reload and another article: ids and classes that do not look generated, and never position alone.
 */

// Ids and classes that look generated (hashes, long digit runs) change on the next deploy: avoid them.
const stable = (name: string) => !/\d{3,}|^css-|^[a-z]{1,3}-[a-z0-9]{5,}$|[A-Z].*[0-9]|__[a-z0-9]{5,}$/.test(name);

/**
 * A selector that matches `el` alone on this page, as short as we can make it. It climbs from the element until the
 * chain is unique and holds an id or class somewhere (or reaches <body>): `tr:nth-of-type(3)` may be unique on
 * this page, but on the site's next article it names whatever row is third.
 */
export function selectorFor(el: Element): string {
  const doc = el.ownerDocument;
  const esc = (s: string) => (globalThis.CSS?.escape ? globalThis.CSS.escape(s) : s.replace(/[^\w-]/g, '\\$&'));
  const unique = (sel: string) => {
    try {
      return doc.querySelectorAll(sel).length === 1;
    } catch {
      return false;
    }
  };
  const parts: string[] = [];
  let named = false; // some part of the chain has an id or a class
  for (let e: Element | null = el; e && e !== doc.documentElement; e = e.parentElement) {
    const id = e.id && stable(e.id) ? `#${esc(e.id)}` : '';
    if (id && unique([id, ...parts].join(' > '))) return [id, ...parts].join(' > ');
    // An id that repeats (sloppy pages) still narrows: kept beside the tag and classes.
    const classes = Array.from(e.classList).filter(stable).slice(0, 2).map((c) => `.${esc(c)}`).join('');
    named ||= id !== '' || classes !== '';
    let part = e.tagName.toLowerCase() + id + classes;
    const siblings = e.parentElement ? Array.from(e.parentElement.children).filter((s) => s.tagName === e!.tagName) : [];
    if (siblings.length > 1 && !classes && !id) part += `:nth-of-type(${siblings.indexOf(e) + 1})`;
    parts.unshift(part);
    if ((named || e === doc.body) && unique(parts.join(' > '))) return parts.join(' > ');
  }
  return parts.join(' > ');
}
