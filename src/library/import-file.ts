/**
 * Import of a library file on the library page. A file is as hostile as a web page (anyone can write one), so a
 * record from it is made as safe as a save from a page before it is stored: its HTML sanitised by DOMPurify, its
 * Markdown rebuilt from that HTML (a crafted file could otherwise carry raw HTML into Markdown exports). Parsing,
 * validation and the merge are DOM-free (core/library/exchange.ts); this is the DOM half.
 */
import { sanitizeToFragment } from '../core/article/sanitize.js';
import { toMarkdown } from '../core/article/markdown.js';
import { mergeImport, parseImport } from '../core/library/exchange.js';
import type { SavedArticle } from '../core/library/record.js';
import type { Library } from '../shared/library-db.js';

/** What an import did, or why it did nothing. */
export type ImportOutcome = { ok: true; added: number; updated: number; skipped: number } | { ok: false; error: string };

/** A record read from a file, sanitised in `win` (the library page's window) as a save would be. */
export function sanitizeImported(a: SavedArticle, win: Window): SavedArticle {
  const doc = win.document;
  const holder = doc.createElement('div');
  holder.appendChild(sanitizeToFragment(a.html, win));
  if (!holder.textContent?.trim() && a.text.trim()) {
    // Only text survived (or was given): paragraphs of it, built as text nodes, never parsed as markup.
    holder.replaceChildren(...a.text.split(/\n{2,}/).filter((p) => p.trim()).map((p) => Object.assign(doc.createElement('p'), { textContent: p.trim() })));
  }
  const markdown = toMarkdown(holder, { title: a.title, url: a.canonicalUrl || a.url, byline: a.byline, published: a.published, site: a.siteName });
  // Reading innerHTML serialises what DOMPurify kept; nothing is parsed from it here.
  return { ...a, html: holder.innerHTML, markdown };
}

/**
 * Validate a library file, merge it by canonical URL and write the new and newer records in one transaction.
 * A file that is not a NewsLens library writes nothing and says why.
 */
export async function importLibraryFile(text: string, library: Library, win: Window): Promise<ImportOutcome> {
  const parsed = parseImport(text);
  if (!parsed.ok) return parsed;
  const report = mergeImport(await library.byCanonical(), parsed.articles);
  await library.putAll([...report.added, ...report.updated].map((a) => sanitizeImported(a, win)));
  return { ok: true, added: report.added.length, updated: report.updated.length, skipped: report.unchanged + parsed.skipped.length };
}
