/**
 * Applies findings to the live page by marking, never by deleting: each hidden element gets
 * data-nl-hidden="<detector>" and data-nl-cat="<category>", and one stylesheet hides marked elements of the
 * enabled categories. Turning hiding off is one attribute on <html>; removing the marks restores the page exactly.
 */
import type { Category, Finding } from '../core/clutter/types.js';
import { CATEGORIES } from '../core/clutter/types.js';

export const ATTR_HIDDEN = 'data-nl-hidden';
export const ATTR_CATEGORY = 'data-nl-cat';
export const ATTR_OFF = 'data-nl-off';
/** On <html> while "show hidden" is on: marked elements are shown, outlined and labelled. */
export const ATTR_REVEAL = 'data-nl-reveal';
export const STYLE_ID = 'nl-declutter-style';

/** CSS hiding marked elements of every category not in `disabled`, unless <html> carries data-nl-off. */
export function stylesheetText(disabled: ReadonlySet<Category>): string {
  const cats = CATEGORIES.map((c) => c.id).filter((c) => !disabled.has(c));
  if (!cats.length) return '';
  const sel = cats.map((c) => `html:not([${ATTR_OFF}]):not([${ATTR_REVEAL}]) [${ATTR_HIDDEN}][${ATTR_CATEGORY}="${c}"]`).join(',\n');
  return `${sel} { display: none !important; }\n`;
}

/**
 * The one stylesheet NewsLens adds to a page, created on first use; its text follows the category switches.
 * `extra` carries the entity highlight rules while highlights are on.
 */
export function ensureStylesheet(doc: Document, disabled: ReadonlySet<Category>, extra = ''): HTMLStyleElement {
  let style = doc.getElementById(STYLE_ID) as HTMLStyleElement | null;
  if (!style) {
    style = doc.createElement('style');
    style.id = STYLE_ID;
    (doc.head ?? doc.documentElement).appendChild(style);
  }
  const text = stylesheetText(disabled) + extra;
  if (style.textContent !== text) style.textContent = text;
  return style;
}

/** Mark the findings' elements (first finding wins when an element is named twice). Returns those marked now. */
export function markFindings(findings: readonly Finding[]): Finding[] {
  const marked: Finding[] = [];
  for (const f of findings) {
    if (f.element.hasAttribute(ATTR_HIDDEN)) continue;
    f.element.setAttribute(ATTR_HIDDEN, f.detector);
    f.element.setAttribute(ATTR_CATEGORY, f.category);
    marked.push(f);
  }
  return marked;
}

/** Remove one element's mark. */
export function unmarkElement(el: Element): void {
  el.removeAttribute(ATTR_HIDDEN);
  el.removeAttribute(ATTR_CATEGORY);
}

/** Remove every mark and the stylesheet: the page is as it was before NewsLens ran. */
export function unmarkAll(doc: Document): void {
  for (const el of Array.from(doc.querySelectorAll(`[${ATTR_HIDDEN}]`))) {
    el.removeAttribute(ATTR_HIDDEN);
    el.removeAttribute(ATTR_CATEGORY);
  }
  doc.getElementById(STYLE_ID)?.remove();
  doc.documentElement.removeAttribute(ATTR_OFF);
  doc.documentElement.removeAttribute(ATTR_REVEAL);
}

/** Hiding on or off for the tab without touching the marks. */
export function setHidingOff(doc: Document, off: boolean): void {
  if (off) doc.documentElement.setAttribute(ATTR_OFF, '');
  else doc.documentElement.removeAttribute(ATTR_OFF);
}
