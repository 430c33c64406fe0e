/**
 * Saving a tab's article: the content script extracts it from a clone of the page, the background adds entities
 * (the model lives here) and writes the record in one IndexedDB transaction.
 */
import { entitiesOf } from './entity-service.js';
import { namesApply } from '../core/entities/language.js';
import { sendToTab } from '../shared/rpc.js';
import { Library } from '../shared/library-db.js';
import type { SaveResult } from '../shared/messages.js';
import browser from '../shared/browser.js';
import { loadSettings } from '../shared/settings.js';
import { embedImages } from '../core/library/embed-images.js';

/** Origins the optional host permission covers: the pictures of any http(s) page. */
export const EMBED_ORIGINS = ['http://*/*', 'https://*/*'];

let library: Library | null = null;

/**
 * Saves waiting for the database to open. IndexedDB waits silently while an upgrade is blocked by another
 * NewsLens page holding the old version, so these are failed with the reason instead of leaving the popup at
 * "Saving…" (the queued write still lands once that page closes; saving again then just updates it).
 */
const waiting = new Set<(e: Error) => void>();

function openLibrary(): Library {
  library ??= new Library(undefined, (message) => {
    for (const fail of waiting) fail(new Error(message));
  });
  return library;
}

/**
 * Extract the tab's article and save it (a re-save of the same canonical URL updates it); its names follow.
 * The reader's confirmation waits for the extraction and the write only: tagging a 10,000-word article takes
 * about as long again (bench:library), so the names are found after the reply and stored in a second step.
 */
export async function saveTab(tabId: number): Promise<SaveResult> {
  const extracted = await sendToTab(tabId, 'extractArticle', {});
  if (!extracted.ok) throw new Error(extracted.error);
  const library = openLibrary();
  let fail: (e: Error) => void = () => {};
  const blocked = new Promise<never>((_, reject) => waiting.add((fail = reject)));
  try {
    const { record, updated } = await Promise.race([library.save(extracted.value, null), blocked]);
    // A task of its own: tagging is synchronous work that would otherwise run in this microtask chain, before the
    // reply is posted.
    setTimeout(() => void findNames(library, record.id, record.text, record.lang), 0);
    setTimeout(() => void embedPictures(library, record.id, record.html), 0);
    return { id: record.id, title: record.title, updated };
  } finally {
    waiting.delete(fail);
  }
}

/**
 * Pictures inside the saved article, when the reader asked for it in the settings and granted the permission to
 * fetch them (optional host permissions). The article is saved with links first; the embedded copy replaces it.
 */
async function embedPictures(library: Library, id: string, html: string): Promise<void> {
  try {
    const { embedImages: wanted } = await loadSettings();
    if (!wanted || !(await browser.permissions.contains({ origins: EMBED_ORIGINS }))) return;
    const r = await embedImages(html, (url) => fetch(url, { credentials: 'omit', referrerPolicy: 'no-referrer' }));
    if (r.embedded) await library.setEmbeddedHtml(id, html, r.html);
  } catch {
    // The article is saved with links to its pictures; nothing is lost.
  }
}

/** Names of a saved article, stored once found. They are a bonus: a model that fails to load only leaves them out. */
async function findNames(library: Library, id: string, text: string, lang: string): Promise<void> {
  try {
    await library.setEntities(id, text, (await entitiesOf(text, namesApply(text, lang))).spans);
  } catch {
    // The article itself is saved; filters and search by name just miss this one.
  }
}
