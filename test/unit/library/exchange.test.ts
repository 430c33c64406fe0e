// @vitest-environment node
import { describe, expect, test } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import { exportJson, mergeImport, parseImport } from '../../../src/core/library/exchange.js';
import { makeRecord, type SavedArticle } from '../../../src/core/library/record.js';
import { toEpub, toHtmlFile, toMarkdownFile, toMarkdownZip } from '../../../src/core/library/exporters.js';

const rec = (url: string, title: string, updated: string, tags: string[] = []): SavedArticle => ({
  ...makeRecord({ url, canonicalUrl: url, title, byline: 'By Ruth Okonjo', published: '2026-04-18', siteName: 'Garden Letters', lang: 'en', wordCount: 300, html: '<p>Tomatoes split after rain.</p>', markdown: 'Tomatoes split after rain.\n', text: 'Tomatoes split after rain.' }, [], new Date(updated)),
  tags,
});

describe('JSON export and import', () => {
  test('round trip: an export parses back to the same records', () => {
    const a = [rec('https://garden.example/a', 'A', '2026-01-01T00:00:00Z', ['veg']), rec('https://garden.example/b', 'B', '2026-01-02T00:00:00Z')];
    const parsed = parseImport(exportJson(a, new Date('2026-02-01T00:00:00Z')));
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(parsed.articles).toEqual(a);
  });

  test.each([
    ['{ truncated', /not a JSON file/],
    ['[1,2,3]', /not a NewsLens library export/],
    ['{"format":"something-else","articles":[]}', /not a NewsLens library export/],
    ['{"format":"newslens-library","version":99,"articles":[]}', /newer NewsLens/],
    ['{"format":"newslens-library","version":2}', /no "articles" list/],
  ])('a malformed file is refused as a whole: %s', (text, why) => {
    const r = parseImport(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(why);
  });

  test('bad records inside a good file are skipped with a reason', () => {
    const good = rec('https://garden.example/a', 'A', '2026-01-01T00:00:00Z');
    const text = JSON.stringify({ format: 'newslens-library', version: 2, exportedAt: '', articles: [good, 'nope', { ...good, canonicalUrl: 'ftp://x', url: 'ftp://x' }, { ...good, title: '' }] });
    const r = parseImport(text);
    expect(r.ok && r.articles.length).toBe(1);
    expect(r.ok && r.skipped.map((s) => s.reason)).toEqual(['not an object', 'no http(s) URL', 'no title']);
  });

  test('merge by canonical URL: new added, newer updated (tags joined), older left alone', () => {
    const old = rec('https://garden.example/a', 'A', '2026-01-01T00:00:00Z', ['mine']);
    const kept = rec('https://garden.example/b', 'B', '2026-03-01T00:00:00Z');
    const existing = new Map([old, kept].map((a) => [a.canonicalUrl, a]));
    const incoming = [rec('https://garden.example/a', 'A2', '2026-02-01T00:00:00Z', ['theirs']), rec('https://garden.example/b', 'B old', '2026-01-01T00:00:00Z'), rec('https://garden.example/c', 'C', '2026-01-01T00:00:00Z')];
    const m = mergeImport(existing, incoming);
    expect(m.added.map((a) => a.title)).toEqual(['C']);
    expect(m.updated.map((a) => [a.title, a.tags, a.id])).toEqual([['A2', ['mine', 'theirs'], old.id]]);
    expect(m.unchanged).toBe(1);
  });
});

describe('exporters', () => {
  const a = rec('https://garden.example/why-tomatoes-split', 'Why my tomatoes split: "rain" & <sun>', '2026-04-18T00:00:00Z', ['veg']);

  test('Markdown file has YAML front matter with escaped values, then the body', () => {
    const md = toMarkdownFile(a);
    expect(md).toMatch(/^---\ntitle: "Why my tomatoes split: \\"rain\\" & <sun>"\nurl: "https:\/\/garden.example\/why-tomatoes-split"\n/);
    expect(md).toContain('tags: ["veg"]');
    expect(md.trim().endsWith('Tomatoes split after rain.')).toBe(true);
  });

  test('HTML file is standalone, escapes metadata and forbids scripts by CSP', () => {
    const html = toHtmlFile(a);
    expect(html).toContain("default-src 'none'");
    expect(html).toContain('<title>Why my tomatoes split: &quot;rain&quot; &amp; &lt;sun&gt;</title>');
    expect(html).not.toMatch(/<script/i);
  });

  test('zip of Markdown files and EPUB are valid zips with the expected entries', () => {
    const zip = unzipSync(toMarkdownZip([a]));
    expect(Object.keys(zip)).toEqual([expect.stringMatching(/^why-my-tomatoes-split-rain-sun-[0-9a-f]{6}\.md$/)]);
    const epub = unzipSync(toEpub([a], { title: 'My articles', now: new Date('2026-05-01T00:00:00Z'), toXhtml: (h) => h }));
    expect(Object.keys(epub)[0]).toBe('mimetype');
    expect(strFromU8(epub.mimetype)).toBe('application/epub+zip');
    expect(Object.keys(epub)).toEqual(expect.arrayContaining(['META-INF/container.xml', 'OEBPS/content.opf', 'OEBPS/nav.xhtml', 'OEBPS/a1.xhtml']));
    expect(strFromU8(epub['OEBPS/a1.xhtml'])).toContain('<p>Tomatoes split after rain.</p>');
  });
});
