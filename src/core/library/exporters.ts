/**
 * Exports of saved articles: Markdown with YAML front matter, a self-contained HTML file, a zip of Markdown files,
 * and EPUB 3 (zip built with fflate; no eval, no remote resources). The HTML inside is already sanitised; EPUB needs
 * XHTML, which the caller makes (the library page serialises with XMLSerializer).
 */
import { strToU8, zipSync, type Zippable } from 'fflate';
import { frontMatter } from '../article/markdown.js';
import type { SavedArticle } from './record.js';

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** A file name from a title: readable, safe on every OS, unique enough with the id. */
export function fileName(a: SavedArticle, ext: string): string {
  const base = a.title.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^\w\s-]/g, '').trim().replace(/\s+/g, '-').slice(0, 60).toLowerCase() || 'article';
  return `${base}-${a.id.slice(0, 6)}.${ext}`;
}

/** Markdown with YAML front matter (title, url, byline, published, site, tags, saved). */
export function toMarkdownFile(a: SavedArticle): string {
  const fm = frontMatter({ title: a.title, url: a.canonicalUrl || a.url, byline: a.byline, published: a.published, site: a.siteName, tags: a.tags, saved: a.savedAt });
  const body = a.markdown.replace(/^---\n[\s\S]*?\n---\n\n?/, ''); // the saved Markdown carries its own front matter
  return `${fm}\n${body.trim()}\n`;
}

const READING_CSS = `body{margin:0;background:#fff;color:#1d232b;font:18px/1.6 Georgia,serif}article{max-width:40em;margin:2em auto;padding:0 1em}
img{max-width:100%;height:auto}.meta{color:#5a6570;font:15px/1.4 system-ui,sans-serif}
@media (prefers-color-scheme:dark){body{background:#1c2127;color:#e8edf2}.meta{color:#a3afbb}a{color:#8cb8e6}}`;

/** One article as a standalone HTML file, readable offline; a CSP forbids any script. */
export function toHtmlFile(a: SavedArticle): string {
  const meta = [a.byline, a.siteName, a.published].filter(Boolean).map(escapeHtml).join(' · ');
  return `<!doctype html>
<html lang="${escapeHtml(a.lang || 'en')}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src * data:; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width">
<title>${escapeHtml(a.title)}</title>
<style>${READING_CSS}</style>
</head>
<body>
<article>
<h1>${escapeHtml(a.title)}</h1>
<p class="meta">${meta}</p>
${a.html}
<p class="meta">Source: <a href="${escapeHtml(a.canonicalUrl || a.url)}">${escapeHtml(a.canonicalUrl || a.url)}</a> · saved ${escapeHtml(a.savedAt.slice(0, 10))} with NewsLens</p>
</article>
</body>
</html>
`;
}

/** Many articles as a zip of Markdown files. */
export function toMarkdownZip(articles: readonly SavedArticle[]): Uint8Array {
  const files: Zippable = {};
  for (const a of articles) files[fileName(a, 'md')] = strToU8(toMarkdownFile(a));
  return zipSync(files, { level: 6 });
}

/** Articles as one EPUB 3 book. `toXhtml` turns sanitised HTML into well-formed XHTML body content. */
export function toEpub(articles: readonly SavedArticle[], opts: { title: string; now: Date; toXhtml: (html: string) => string }): Uint8Array {
  const id = `urn:newslens:${articles.map((a) => a.id).join('-').slice(0, 64)}`;
  const chapters = articles.map((a, i) => ({ a, file: `a${i + 1}.xhtml` }));
  const xhtml = (title: string, body: string, lang: string) =>
    `<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html>\n<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" lang="${escapeHtml(lang)}" xml:lang="${escapeHtml(lang)}"><head><meta charset="utf-8"/><title>${escapeHtml(title)}</title></head><body>${body}</body></html>`;
  const files: Zippable = {
    // The mimetype entry must come first and be stored uncompressed (EPUB OCF).
    mimetype: [strToU8('application/epub+zip'), { level: 0 }],
    'META-INF/container.xml': strToU8(
      '<?xml version="1.0" encoding="utf-8"?>\n<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles></container>',
    ),
    'OEBPS/nav.xhtml': strToU8(
      xhtml(opts.title, `<nav epub:type="toc"><h1>${escapeHtml(opts.title)}</h1><ol>${chapters.map((c) => `<li><a href="${c.file}">${escapeHtml(c.a.title)}</a></li>`).join('')}</ol></nav>`, 'en'),
    ),
  };
  for (const { a, file } of chapters) {
    const meta = [a.byline, a.siteName, a.published].filter(Boolean).map(escapeHtml).join(' · ');
    files[`OEBPS/${file}`] = strToU8(xhtml(a.title, `<h1>${escapeHtml(a.title)}</h1><p>${meta}</p>${opts.toXhtml(a.html)}<p>${escapeHtml(a.canonicalUrl || a.url)}</p>`, a.lang || 'en'));
  }
  const modified = opts.now.toISOString().replace(/\.\d{3}Z$/, 'Z');
  files['OEBPS/content.opf'] = strToU8(`<?xml version="1.0" encoding="utf-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="uid"><metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
<dc:identifier id="uid">${escapeHtml(id)}</dc:identifier><dc:title>${escapeHtml(opts.title)}</dc:title><dc:language>${escapeHtml(articles[0]?.lang || 'en')}</dc:language><meta property="dcterms:modified">${modified}</meta></metadata>
<manifest><item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>${chapters.map((c, i) => `<item id="c${i + 1}" href="${c.file}" media-type="application/xhtml+xml"/>`).join('')}</manifest>
<spine>${chapters.map((_, i) => `<itemref idref="c${i + 1}"/>`).join('')}</spine></package>`);
  return zipSync(files, { level: 6 });
}
