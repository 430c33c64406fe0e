/**
 * The article for the library, read from a clone of the live page (never the page itself): metadata, body text,
 * HTML sanitised by DOMPurify in this window, and Markdown made from that sanitised HTML.
 */
import { readArticle } from '../core/article/read.js';
import { sanitizedContent } from '../core/article/sanitize.js';
import { toMarkdown } from '../core/article/markdown.js';
import type { ExtractedArticle } from '../core/library/record.js';

export function extractArticle(doc: Document, url: string): ExtractedArticle {
  const clone = doc.cloneNode(true) as Document;
  const a = readArticle(clone, url);
  const content = a.contentElement();
  if (!content || !a.text.trim()) throw new Error('No article was found on this page to save.');
  // Markdown from the sanitised DOM (detached: not in the page, nothing in it runs).
  const { html, element } = sanitizedContent(content.outerHTML, window);
  const markdown = toMarkdown(element, { title: a.title, url: a.canonicalUrl || a.url, byline: a.byline, published: a.published, site: a.siteName });
  return { url: a.url || url, canonicalUrl: a.canonicalUrl || url, title: a.title, byline: a.byline, published: a.published, siteName: a.siteName, lang: a.lang, wordCount: a.wordCount, html, markdown, text: a.text };
}
