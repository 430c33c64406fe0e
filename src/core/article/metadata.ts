/**
 * Article metadata from the places publishers put it, most reliable first: JSON-LD, Open Graph / meta tags,
 * microdata, then the visible page (headline element, byline blocks, <time>).
 */

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

function meta(doc: Document, ...keys: string[]): string {
  for (const k of keys) {
    const el = doc.querySelector(`meta[property="${k}"], meta[name="${k}"], meta[itemprop="${k}"]`);
    const v = clean(el?.getAttribute('content'));
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
  for (const s of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
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
  const byline =
    names((art as Json).author) ||
    meta(doc, 'author', 'article:author', 'byl', 'dc.creator', 'parsely-author', 'sailthru.author') ||
    clean(doc.querySelector('[rel="author"], [itemprop="author"], .byline, .author-name')?.textContent).slice(0, 200);
  const timeEl = doc.querySelector('time[datetime]');
  const published =
    clean(String((art as Json).datePublished ?? '')) ||
    meta(doc, 'article:published_time', 'datePublished', 'pubdate', 'publishdate', 'date', 'dc.date', 'sailthru.date', 'parsely-pub-date') ||
    clean(timeEl?.getAttribute('datetime'));
  const lang = clean(doc.documentElement?.getAttribute('lang')) || meta(doc, 'og:locale', 'language').replace('_', '-');
  const canonical = doc.querySelector('link[rel="canonical"]')?.getAttribute('href') || meta(doc, 'og:url');
  return { title, byline, published, siteName, lang, canonicalUrl: resolve(clean(canonical), url) || url };
}
