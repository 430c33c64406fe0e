/**
 * The library in Chromium, as a reader uses it: save an article from the popup, find it in the library page by
 * search and by a name, read it, export Markdown, delete and undo, export and re-import the library.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { demoPageWith, launch, serveFiles, STRICT_CSP, type Browser } from './harness.js';

let browser: Browser;
let server: Awaited<ReturnType<typeof serveFiles>>;

beforeAll(async () => {
  server = await serveFiles([path.resolve('examples')]);
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function downloaded(page: Page, click: () => Promise<void>): Promise<{ name: string; text: string; path: string }> {
  const [d] = await Promise.all([page.waitForEvent('download'), click()]);
  const p = (await d.path())!;
  return { name: d.suggestedFilename(), text: fs.readFileSync(p, 'utf8'), path: p };
}

test('save from the popup, find, read, export, delete and undo, export and import', async () => {
  const article = await browser.openArticle(`${server.url}/portal-article.html`);
  const { popup, tabId } = await browser.openPopup(article);
  await popup.click('#save');
  await expect.poll(() => popup.textContent('#save-result'), { timeout: 15_000 }).toContain('Saved to your NewsLens library: Norway and Chile agree');
  // Saving again updates the same record.
  await popup.click('#save');
  await expect.poll(() => popup.textContent('#save-result'), { timeout: 15_000 }).toContain('Updated in your NewsLens library');

  const lib = await browser.context.newPage();
  await lib.goto(`chrome-extension://${browser.extensionId}/src/library/index.html`);
  await lib.waitForSelector('#articles .card');
  expect(await lib.$$eval('#articles .card', (c) => c.length)).toBe(1);
  expect(await lib.textContent('#articles .card .title')).toBe('Norway and Chile agree to widen fisheries cooperation: minister');

  // Full-text search (a word from the body) and a miss.
  await lib.fill('#search', 'salmon aquaculture');
  await expect.poll(() => lib.$$eval('#articles .card', (c) => c.length)).toBe(1);
  await lib.fill('#search', 'volcano');
  await expect.poll(() => lib.$$eval('#articles .card', (c) => c.length)).toBe(0);
  await lib.fill('#search', '');
  // Filter by a name the tagger found (names are stored just after the save is confirmed: reload until there).
  const entityOptions = async () => {
    await lib.reload();
    await lib.waitForSelector('#articles .card');
    return lib.$$eval('#filter-entity option', (o) => o.map((x) => (x as HTMLOptionElement).value));
  };
  await expect.poll(entityOptions, { timeout: 15_000 }).toContain('PER:Ingrid Solberg');
  await lib.selectOption('#filter-entity', 'PER:Ingrid Solberg');
  expect(await lib.$$eval('#articles .card', (c) => c.length)).toBe(1);

  // Read it: sanitised content with highlights, and tags.
  await lib.click('#articles .card .title');
  await lib.waitForSelector('#reader-body p');
  expect(await lib.textContent('#reader-body')).toContain('Statistics Norway in March');
  expect(await lib.$$eval('#reader-body script, #reader-body [onclick]', (e) => e.length)).toBe(0);
  await expect.poll(() => lib.evaluate(() => CSS.highlights.has('nl-per'))).toBe(true);
  await lib.fill('#tag-input', 'Fisheries');
  await lib.press('#tag-input', 'Enter');
  await lib.waitForSelector('.tags .tag');
  expect(await lib.textContent('.tags .tag')).toContain('fisheries');

  // Export Markdown: front matter then the article.
  const md = await downloaded(lib, () => lib.click('#export-md'));
  expect(md.name).toMatch(/\.md$/);
  expect(md.text).toMatch(/^---\ntitle: "Norway and Chile agree to widen fisheries cooperation: minister"\n/);
  expect(md.text).toContain('tags: ["fisheries"]');
  expect(md.text).toContain('Trade between the two countries reached 1.2 billion dollars');
  expect(md.text).not.toContain('Editor');

  // Several tags at once, separated by commas.
  await lib.fill('#tag-input', 'energy, policy');
  await lib.press('#tag-input', 'Enter');
  await expect.poll(() => lib.$$eval('.reader .tags .tag', (t) => t.map((x) => x.firstChild!.textContent))).toEqual(['energy', 'fisheries', 'policy']);
  // Escape leaves the article for the list, with the keyboard on the article's entry.
  const id = new URL(lib.url()).hash.slice(1);
  await lib.keyboard.press('Escape');
  await lib.waitForSelector('#articles .card');
  await expect.poll(() => lib.evaluate(() => document.activeElement?.closest('.card')?.getAttribute('data-id'))).toBe(id);

  // Delete, then undo: the keyboard lands on Undo, not on the page's body.
  await lib.click('#articles .card .title');
  await lib.waitForSelector('#reader-body p');
  await lib.click('#delete');
  await lib.waitForSelector('#undo');
  await expect.poll(() => lib.evaluate(() => document.activeElement?.id)).toBe('undo');
  await expect.poll(() => lib.$$eval('#articles .card', (c) => c.length)).toBe(0);
  await lib.click('#undo');
  await expect.poll(() => lib.$$eval('#articles .card', (c) => c.length)).toBe(1);

  // Export the library as JSON, delete everything, import it back: the article returns with its tag.
  const json = await downloaded(lib, () => lib.click('#export-json'));
  expect(JSON.parse(json.text)).toMatchObject({ format: 'newslens-library', version: 2 });
  await lib.check('#articles .card input[type="checkbox"]');
  await lib.evaluate(() => indexedDB.deleteDatabase('newslens-library'));
  await lib.reload();
  await lib.waitForSelector('#import-json', { state: 'attached' });
  await expect.poll(() => lib.$$eval('#articles .card', (c) => c.length)).toBe(0);
  await lib.setInputFiles('#import-json', json.path);
  await expect.poll(() => lib.textContent('#notice')).toContain('1 added, 0 updated, 0 skipped');
  expect(await lib.textContent('#articles .card .tags')).toContain('fisheries');
  // A malformed file changes nothing and says why.
  const bad = path.join(path.dirname(json.path), 'bad.json');
  fs.writeFileSync(bad, '{"format": "something else"}');
  await lib.setInputFiles('#import-json', bad);
  await expect.poll(() => lib.textContent('#notice')).toContain('Nothing was imported: not a NewsLens library export');
  expect(await lib.$$eval('#articles .card', (c) => c.length)).toBe(1);
  // The service worker's connection was closed when the page deleted the database: its next save reopens it and
  // finds the imported record (same canonical URL) instead of failing.
  await popup.click('#save');
  await expect.poll(() => popup.textContent('#save-result'), { timeout: 15_000 }).toContain('Updated in your NewsLens library');
  await lib.close();
  await popup.close();
  await article.close();
});

test('keyboard: the import control shows its focus ring; an unknown article leads back to the list', async () => {
  const lib = await browser.context.newPage();
  await lib.goto(`chrome-extension://${browser.extensionId}/src/library/index.html#no-such-article`);
  await lib.waitForSelector('#back');
  expect(await lib.textContent('main')).toContain('This article is not in the library.');
  await lib.focus('#back');
  await lib.keyboard.press('Enter');
  await lib.waitForSelector('#import-json', { state: 'attached' });
  // The real file input is an invisible 1×1 box: its visible label must show that it has the focus.
  const ring = () => lib.$eval('.file span', (s) => getComputedStyle(s).outlineStyle);
  expect(await ring()).toBe('none');
  await lib.focus('#export-zip');
  await lib.keyboard.press('Tab'); // "Export selection as EPUB" is disabled with nothing selected
  expect(await lib.evaluate(() => document.activeElement?.id)).toBe('import-json');
  expect(await ring()).toBe('solid');
  await lib.close();
});

test('a hostile import file runs nothing in the library page and its exports', async () => {
  const hostile = [
    '<p>The harbour board met on Monday and agreed to dredge the channel.</p>',
    '<img src="x" onerror="window.__nlCanary=1">',
    '<svg onload="window.__nlCanary=1"><circle r="5"/></svg>',
    '<a href="javascript:window.__nlCanary=1" id="js-link">click</a>',
    '<iframe srcdoc="<script>parent.__nlCanary=1</script>"></iframe>',
    '<math><mtext><table><mglyph><style><img src=x onerror="window.__nlCanary=1"></style></mglyph></table></mtext></math>',
    '<p>Type &lt;img src=x onerror=alert(1)&gt; to test.</p>',
  ].join('');
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'nl-hostile-')), 'hostile.json');
  fs.writeFileSync(
    file,
    JSON.stringify({
      format: 'newslens-library',
      version: 2,
      exportedAt: '2026-05-01T00:00:00.000Z',
      articles: [{ url: 'https://port.example/hostile', canonicalUrl: 'https://port.example/hostile', title: 'Harbour <img src=x onerror="window.__nlCanary=1">', html: hostile, markdown: '<script>window.__nlCanary=1</script>', text: 'The harbour board met.', updatedAt: '2026-05-01T00:00:00.000Z', savedAt: '2026-05-01T00:00:00.000Z' }],
    }),
  );
  const lib = await browser.context.newPage();
  await lib.goto(`chrome-extension://${browser.extensionId}/src/library/index.html`);
  await lib.waitForSelector('#import-json', { state: 'attached' });
  await lib.setInputFiles('#import-json', file);
  await expect.poll(() => lib.textContent('#notice')).toMatch(/1 added/);
  await lib.fill('#search', 'harbour board');
  await expect.poll(() => lib.$$eval('#articles .card', (c) => c.length)).toBe(1);
  await lib.click('#articles .card .title');
  await lib.waitForSelector('#reader-body p');
  await lib.waitForTimeout(300); // time for an onerror/onload to fire, were one left
  expect(await lib.evaluate(() => (window as { __nlCanary?: number }).__nlCanary)).toBeUndefined();
  expect(await lib.$$eval('#reader-body [onerror], #reader-body [onload], #reader-body script, #reader-body iframe, #reader-body svg, #reader-body math', (e) => e.length)).toBe(0);
  expect(await lib.$$eval('#reader-body a', (as) => as.map((a) => a.getAttribute('href') ?? ''))).not.toContainEqual(expect.stringMatching(/javascript:/i));
  expect(await lib.textContent('#reader-body')).toContain('Type <img src=x onerror=alert(1)> to test.');
  const html = await downloaded(lib, () => lib.click('#export-html'));
  // Handler-looking text survives only escaped ("&lt;img ... onerror"), never inside a tag.
  expect(html.text).not.toMatch(/<[^>]+\son[a-z]+\s*=|<script|<iframe|<svg|<math|href="\s*javascript:/i);
  expect(html.text).toContain('Type &lt;img src=x onerror=alert(1)&gt; to test.');
  const md = await downloaded(lib, () => lib.click('#export-md'));
  expect(md.text).toContain('Type \\<img src=x onerror=alert(1)> to test.');
  // Past the front matter (the title there is a quoted YAML string), no raw tag: "<" is escaped as "\<".
  expect(md.text.replace(/^---\n[\s\S]*?\n---\n/, '')).not.toMatch(/(^|[^\\])<(script|img)/m);
  await lib.close();
});

test('a page whose policy forbids every script and load still saves, and its own timeline shows nothing of ours', async () => {
  // The save module is imported by the content script from the extension, which the page's CSP does not govern.
  const dir = demoPageWith('strict.html', STRICT_CSP);
  const strict = await serveFiles([dir]);
  try {
    const article = await browser.openArticle(`${strict.url}/strict.html`);
    const { popup, tabId } = await browser.openPopup(article);
    await popup.click('#save');
    await expect.poll(() => popup.textContent('#save-result'), { timeout: 15_000 }).toMatch(/(Saved to|Updated in) your NewsLens library: Norway and Chile agree/);
    // The page cannot see that a file of the extension was loaded (which would tell it NewsLens is installed).
    const loaded = await article.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
    expect(loaded.filter((u) => !u.startsWith('http'))).toEqual([]);
    await popup.close();
    await article.close();
  } finally {
    await strict.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
