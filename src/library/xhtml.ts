/**
 * Stored article HTML -> XHTML body content for EPUB. The HTML is sanitised again on the way (as the reading view
 * does: a record may come from an old version or a file), straight into nodes, then serialised as XML.
 */
import { sanitizeToFragment } from '../core/article/sanitize.js';

/** Well-formed XHTML of (re-sanitised) article HTML, parsed and serialised by the browser itself. */
export function toXhtml(html: string): string {
  const s = new XMLSerializer();
  return Array.from(sanitizeToFragment(html, window).childNodes, (n) => s.serializeToString(n)).join('');
}
