/**
 * Article metadata from the places publishers put it, most reliable first: JSON-LD, Open Graph / meta tags,
 * microdata, then the visible page (headline element, byline blocks, <time>).
 */

import { bylineName } from './furniture.js';
import { boundedText } from '../clutter/detector-context.js';

/** What we know about an article besides its body. Empty strings when unknown. */
export interface ArticleMeta {
  title: string;
  byline: string;
  /** ISO 8601 when the page gives a machine-readable date, else the page's own wording. */
  published: string;
  siteName: string;
  lang: string;
  /** The page's canonical URL (rel=canonical / og:url), resolved against the page URL. */
  canonicalUrl: string;
}

type Json = Record<string, unknown>;

const clean = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

/** The page's <meta> values by property/name/itemprop, first one wins (collected once: one pass, not one query per key). */
const metaCache = new WeakMap<Document, Map<string, string>>();
function metaMap(doc: Document): Map<string, string> {
  let m = metaCache.get(doc);
  if (!m) {
    m = new Map();
    // The whole document: microdata puts <meta itemprop="datePublished"> inside the article body.
    for (const el of Array.from(doc.getElementsByTagName('meta'))) {
      const v = clean(el.getAttribute('content'));
      if (!v) continue;
      for (const a of ['property', 'name', 'itemprop']) {
        const k = el.getAttribute(a);
        if (k && !m.has(k)) m.set(k, v);
      }
    }
    metaCache.set(doc, m);
  }
  return m;
}

/** First element of a tag that satisfies `pred` (getElementsByTagName: far cheaper than a selector on big pages). */
export function firstByTag(doc: Document, tag: string, pred: (el: Element) => boolean): Element | null {
  for (const el of Array.from(doc.getElementsByTagName(tag))) if (pred(el)) return el;
  return null;
}

const BYLINE_CLASS = /(?:^|\s)(?:byline|author-name)(?:\s|$)/;

/** A visible byline: rel=author link, itemprop=author, or a .byline / .author-name block. */
function bylineElement(doc: Document): Element | null {
  const a = firstByTag(doc, 'a', (el) => el.getAttribute('rel') === 'author');
  if (a) return a;
  for (const el of Array.from(doc.getElementsByTagName('*'))) {
    if (el.getAttribute('itemprop') === 'author' || BYLINE_CLASS.test(el.getAttribute('class') ?? '')) return el;
  }
  return null;
}

/**
 * A byline written only as text just after the headline ("By Nadia Okafor · March 2, 2026"), no markup naming it:
 * its name part. The article text leaves such a line out, so without this the byline would be lost altogether.
 */
function bylineLine(headline: Element | null): string {
  if (!headline) return '';
  let scope: Element = headline;
  for (let k = 0; k < 3 && scope.parentElement && scope.tagName !== 'BODY'; k++) scope = scope.parentElement;
  let seen = 0;
  for (const el of Array.from(scope.getElementsByTagName('*'))) {
    // Only what follows the headline (FOLLOWING = 4; its own descendants excluded), and only the next few blocks.
    if (!(headline.compareDocumentPosition(el) & 4) || headline.contains(el)) continue;
    if (++seen > 40) break;
    if (el.childElementCount > 6) continue;
    // Bounded: the blocks after the headline include the article's whole body wrapper.
    const text = clean(boundedText(el, 300));
    const name = text && text.length <= 150 ? bylineName(text) : null;
    if (name) return name.slice(0, 200);
  }
  return '';
}

function meta(doc: Document, ...keys: string[]): string {
  const m = metaMap(doc);
  for (const k of keys) {
    const v = m.get(k);
    if (v) return v;
  }
  return '';
}

/** Every JSON-LD object on the page, flattened out of arrays and @graph. Malformed blocks are ignored. */
function jsonLd(doc: Document): Json[] {
  const out: Json[] = [];
  const visit = (v: unknown, depth: number) => {
    if (depth > 4 || !v || typeof v !== 'object') return;
    if (Array.isArray(v)) return v.forEach((x) => visit(x, depth + 1));
    const o = v as Json;
    out.push(o);
    if (o['@graph']) visit(o['@graph'], depth + 1);
  };
  for (const s of Array.from(doc.getElementsByTagName('script'))) {
    if (s.getAttribute('type') !== 'application/ld+json') continue;
    try {
      visit(JSON.parse(s.textContent ?? ''), 0);
    } catch {
      /* publishers ship broken JSON-LD often; other sources still apply */
    }
  }
  return out;
}

const ARTICLE_TYPES = /Article|BlogPosting|Report|NewsArticle|WebPage/;

function names(v: unknown): string {
  if (!v) return '';
  if (typeof v === 'string') return clean(v);
  if (Array.isArray(v)) return v.map(names).filter(Boolean).join(', ');
  if (typeof v === 'object') return clean(String((v as Json).name ?? ''));
  return '';
}

function resolve(href: string, base: string): string {
  if (!href) return '';
  try {
    return new URL(href, base || undefined).href;
  } catch {
    return href;
  }
}

/** Strip " - Site Name" / " | Site" tails that publishers add to <title>. */
export function cleanTitle(raw: string, siteName: string): string {
  const t = clean(raw);
  const parts = t.split(/\s+[|\-–—:·»]\s+/);
  if (parts.length < 2) return t;
  const site = siteName.toLowerCase();
  const kept = parts.filter((p) => p.toLowerCase() !== site);
  const longest = kept.reduce((a, b) => (b.length > a.length ? b : a), '');
  return longest.split(/\s+/).length >= 3 ? longest : t;
}

/**
 * The names of a byline without its "By" ("By Ana Swanson", "BY: JOHN DOE", "par Marie Dupont"): the field holds
 * names, and the library's cards and the Markdown front matter put their own words around them. Not "von" or "di",
 * which start surnames too (Von Miller, Di Maio).
 */
export function withoutBy(byline: string): string {
  // "By" in any case; the others only as the lower-case prepositions they are ("AF Smith" is a name).
  return byline.replace(/^(?:[Bb][Yy]|par|por|door|av|af)\s*:?\s+(?=\S)/, '');
}

/** Read metadata from a document; `url` is the page address (for relative canonical links and the site name). */
export function readMeta(doc: Document, url: string, headline: Element | null): ArticleMeta {
  const ld = jsonLd(doc);
  const art = ld.find((o) => ARTICLE_TYPES.test(String(o['@type'] ?? '')) && (o.headline || o.datePublished)) ?? {};
  let host = '';
  try {
    host = new URL(url).hostname.replace(/^www\./, '');
  } catch {
    /* no usable URL: the site name stays from the page */
  }
  const siteName = meta(doc, 'og:site_name', 'application-name') || names((art as Json).publisher) || host;
  const title =
    clean(headline?.textContent) || clean(String((art as Json).headline ?? '')) || meta(doc, 'og:title', 'twitter:title') || cleanTitle(doc.title, siteName);
  const byline = withoutBy(
    names((art as Json).author) ||
      meta(doc, 'author', 'article:author', 'byl', 'dc.creator', 'parsely-author', 'sailthru.author') ||
      clean(bylineElement(doc)?.textContent).slice(0, 200) ||
      bylineLine(headline),
  );
  const timeEl = firstByTag(doc, 'time', (el) => el.hasAttribute('datetime'));
  const published =
    clean(String((art as Json).datePublished ?? '')) ||
    meta(doc, 'article:published_time', 'datePublished', 'pubdate', 'publishdate', 'date', 'dc.date', 'sailthru.date', 'parsely-pub-date') ||
    clean(timeEl?.getAttribute('datetime'));
  const lang = clean(doc.documentElement?.getAttribute('lang')) || meta(doc, 'og:locale', 'language').replace('_', '-');
  const canonical = firstByTag(doc, 'link', (el) => el.getAttribute('rel') === 'canonical')?.getAttribute('href') || meta(doc, 'og:url');
  return { title, byline, published, siteName, lang, canonicalUrl: resolve(clean(canonical), url) || url };
}
