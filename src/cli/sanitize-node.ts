/**
 * Sanitising in Node. DOMPurify is only reliable on a standards-complete DOM: on happy-dom it reports itself
 * supported but leaves event-handler attributes and javascript: links in place (checked: `<img onerror>` survived),
 * so the CLI sanitises in a jsdom window, DOMPurify's supported Node setup. Parsing stays on happy-dom.
 */
import { JSDOM } from 'jsdom';
import { sanitizedContent as sanitizedIn } from '../core/article/sanitize.js';

let win: Window | null = null;

function jsdomWindow(): Window {
  if (!win) win = new JSDOM('<!doctype html><body></body>').window as unknown as Window;
  return win;
}

/** Sanitised HTML, as a string and as a detached jsdom element (see sanitizedContent). */
export function sanitizedContent(html: string): { html: string; element: Element } {
  return sanitizedIn(html, jsdomWindow());
}
