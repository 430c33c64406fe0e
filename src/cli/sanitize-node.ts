/**
 * Sanitising in Node. DOMPurify is only reliable on a standards-complete DOM: on happy-dom it reports itself
 * supported but leaves event-handler attributes and javascript: links in place (checked: `<img onerror>` survived),
 * so the CLI sanitises in a jsdom window, DOMPurify's supported Node setup. Parsing stays on happy-dom.
 */
import { JSDOM } from 'jsdom';
import { sanitizeHtml } from '../core/article/sanitize.js';

let win: Window | null = null;

function jsdomWindow(): Window {
  if (!win) win = new JSDOM('<!doctype html><body></body>').window as unknown as Window;
  return win;
}

/** Sanitised HTML string. */
export function sanitizeInNode(html: string): string {
  return sanitizeHtml(html, jsdomWindow());
}

/** Sanitised HTML parsed into a detached element (for turndown). */
export function sanitizedElement(html: string): Element {
  const w = jsdomWindow();
  const holder = w.document.createElement('div');
  // Already sanitised by DOMPurify just above; jsdom runs no scripts (runScripts is off by default).
  holder.innerHTML = sanitizeInNode(html);
  return holder;
}
