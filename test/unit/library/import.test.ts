// @vitest-environment node
/**
 * Importing a library file: the file is hostile input, so what is stored is sanitised like a save from a page
 * (DOMPurify on a jsdom window: on happy-dom it kept onerror attributes, see README), Markdown is rebuilt from the
 * sanitised HTML, and a file that is not a NewsLens library writes nothing.
 */
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { JSDOM } from 'jsdom';
import { afterEach, describe, expect, test } from 'vitest';
import { Library } from '../../../src/shared/library-db.js';
import { importLibraryFile, sanitizeImported } from '../../../src/library/import-file.js';
import { exportJson } from '../../../src/core/library/exchange.js';
import { makeRecord, type SavedArticle } from '../../../src/core/library/record.js';
import { toMarkdownFile } from '../../../src/core/library/exporters.js';
import { DANGEROUS, VECTORS } from '../../security/vectors.js';

const win = new JSDOM('<!doctype html><html><body></body></html>').window as unknown as Window;
const names: string[] = [];
const freshLibrary = () => {
  const name = `nl-import-${Date.now()}-${names.length}`;
  names.push(name);
  return new Library(name);
};
afterEach(async () => {
  for (const name of names.splice(0)) await Dexie.delete(name);
});

const PROSE = 'The harbour board met on Monday and agreed to dredge the channel before the autumn storms.';
const record = (url: string, html: string, over: Partial<SavedArticle> = {}): SavedArticle => ({
  ...makeRecord({ url, canonicalUrl: url, title: 'Harbour board', byline: '', published: '', siteName: 'Port News', lang: 'en', wordCount: 16, html, markdown: '<script>window.__nlCanary=1</script>', text: PROSE }, [], new Date('2026-05-01T00:00:00Z')),
  ...over,
});

describe('sanitizeImported', () => {
  test.each(VECTORS)('$name in an imported record is gone from its HTML and Markdown', ({ html }) => {
    const a = sanitizeImported(record('https://port.example/a', `<p>${PROSE}</p>${html}<p>${PROSE}</p>`), win);
    for (const [what, re] of DANGEROUS) {
      expect(re.test(a.html), `${what} in HTML: ${a.html}`).toBe(false);
      expect(re.test(a.markdown), `${what} in Markdown: ${a.markdown}`).toBe(false);
    }
    expect(a.html).toContain(PROSE);
    expect(toMarkdownFile(a)).toContain(PROSE);
  });

  test('text that reads like markup stays text in the Markdown (escaped "<"), in the body and the title', () => {
    const a = sanitizeImported(record('https://port.example/b', '<p>Type &lt;img src=x onerror=alert(1)&gt; here</p>', { title: '<script>alert(1)</script> news' }), win);
    expect(a.html).toBe('<p>Type &lt;img src=x onerror=alert(1)&gt; here</p>');
    expect(a.markdown).toContain('Type \\<img src=x onerror=alert(1)> here');
    expect(a.markdown).toContain('# \\<script>alert(1)\\</script> news');
    // The front matter holds the title as a YAML (JSON) string, metadata rather than Markdown; the body is checked.
    expect(a.markdown.replace(/^---\n[\s\S]*?\n---\n/, '')).not.toMatch(/(^|[^\\])<(img|script)/m);
  });

  test('a record with text but no usable HTML keeps its text as paragraphs', () => {
    const a = sanitizeImported(record('https://port.example/c', '<script>x()</script>', { text: 'First part <b>.\n\nSecond part.' }), win);
    expect(a.html).toBe('<p>First part &lt;b&gt;.</p><p>Second part.</p>');
  });
});

describe('importLibraryFile', () => {
  test('adds, updates and skips, storing sanitised records', async () => {
    const lib = freshLibrary();
    await lib.putAll([record('https://port.example/old', '<p>Old.</p>', { updatedAt: '2026-01-01T00:00:00.000Z' })]);
    const file = exportJson(
      [
        record('https://port.example/new', `<p>${PROSE}</p><img src=x onerror="window.__nlCanary=1">`),
        record('https://port.example/old', `<p>${PROSE}</p>`, { updatedAt: '2026-06-01T00:00:00.000Z', tags: ['ports'] }),
        record('https://port.example/older', '<p>x</p>', { canonicalUrl: 'ftp://nope', url: 'ftp://nope' }),
      ],
      new Date(),
    );
    expect(await importLibraryFile(file, lib, win)).toEqual({ ok: true, added: 1, updated: 1, skipped: 1 });
    const all = await lib.all();
    expect(all.map((a) => a.canonicalUrl).sort()).toEqual(['https://port.example/new', 'https://port.example/old']);
    for (const a of all) {
      expect(a.html).not.toMatch(/onerror|<script/i);
      expect(a.markdown).not.toMatch(/<script/i);
    }
    expect(all.find((a) => a.canonicalUrl.endsWith('/old'))?.tags).toEqual(['ports']);
    lib.close();
  });

  test.each([
    ['{"articles": [', /not a JSON file/],
    ['{"format":"newslens-library","version":2,"articles":{}}', /no "articles" list/],
  ])('a malformed file writes nothing and says why: %s', async (text, why) => {
    const lib = freshLibrary();
    await lib.putAll([record('https://port.example/kept', '<p>Kept.</p>')]);
    const before = await lib.all();
    const r = await importLibraryFile(text, lib, win);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(why);
    expect(await lib.all()).toEqual(before);
    lib.close();
  });
});
