/**
 * The NER model, loaded in the background on first use (never in a page's content-script start-up): 640 KB of
 * weights and its 5.8 KB WebAssembly decoder fetched from the extension package, laid out once, kept while the
 * service worker lives.
 */
import nerUrl from '../core/entities/model/ner.bin?url';
import decoderUrl from '../core/entities/model/decode.wasm?url';
import { loadTagger } from '../core/entities/load-model.js';
import { findEntities } from '../core/entities/find-entities.js';
import type { EntityResult } from '../shared/messages.js';
import type { Tagger } from '../core/entities/tagger.js';
import { DEFAULT_SETTINGS, enabledOn, readSettings, type Settings } from '../shared/settings.js';
import { shortestFirst } from './shortest-first.js';
import browser from '../shared/browser.js';

/** Longest text tagged in one request (a very long page is cut, not refused: ~100k words). */
export const MAX_ENTITY_TEXT = 600_000;

let tagger: Promise<Tagger> | null = null;

async function packaged(url: string, what: string): Promise<ArrayBuffer> {
  const r = await fetch(url);
  if (!r.ok) throw new Error(`${what} missing from the extension (${r.status})`);
  return r.arrayBuffer();
}

/**
 * The scoring half of the tagger as WebAssembly, compiled before its first call (the worker is often fresh, and
 * the JavaScript decoder then runs uncompiled: 3-5x slower). Null when it cannot be compiled (a browser without
 * WebAssembly, a CSP without 'wasm-unsafe-eval'): the JavaScript tagger gives the same labels.
 */
async function decoder(): Promise<WebAssembly.Module | null> {
  try {
    return await WebAssembly.compile(await packaged(decoderUrl, 'entity decoder'));
  } catch (e) {
    console.warn('NewsLens: entity tagger runs in JavaScript:', e);
    return null;
  }
}

/** The tagger, loading the model the first time it is asked for. */
export function getTagger(): Promise<Tagger> {
  if (!tagger) {
    tagger = Promise.all([packaged(nerUrl, 'entity model'), decoder()]).then(([buf, wasm]) => loadTagger(new Uint8Array(buf), wasm));
    tagger.catch(() => (tagger = null)); // a failed load may be retried
  }
  return tagger;
}

const queue = shortestFirst<Tagger, EntityResult>(getTagger);

/** Entities of a text (see shortest-first.ts for the order in which waiting texts are tagged). */
export function entitiesOf(text: string, names: boolean): Promise<EntityResult> {
  const cut = text.length > MAX_ENTITY_TEXT ? text.slice(0, MAX_ENTITY_TEXT) : text;
  return queue(cut, (t) => ({ spans: findEntities(cut, t, names), engine: t.engine }));
}

// Settings as last read, while this worker lives: every page start asks, and a storage read from the worker took
// 1-13 ms on the way to the page's highlights. Any change to storage drops the copy (it is read again on next use),
// and so does a failed read (its defaults are used once, not kept).
let settingsRead: Promise<Settings> | null = null;
browser.storage.onChanged.addListener(() => (settingsRead = null));
function currentSettings(): Promise<Settings> {
  if (!settingsRead) {
    const read = readSettings();
    settingsRead = read;
    read.catch(() => {
      if (settingsRead === read) settingsRead = null;
    });
  }
  return settingsRead.catch(() => ({ ...DEFAULT_SETTINGS }));
}

/**
 * A starting page's entities (see BackgroundProtocol.pageEntities): tagged only when the user has highlights on and
 * NewsLens runs on the page's site, else null without loading anything.
 */
export async function pageEntities(pageUrl: string | undefined, text: string, names: boolean): Promise<EntityResult | null> {
  if (!(await highlightsOn(pageUrl))) return null;
  return entitiesOf(text, names);
}

/**
 * A page is loading where highlights are on: start loading the model (see BackgroundProtocol.warmUp), so that a
 * worker stopped after 30 s idle starts and loads it while the page loads rather than after the page's analysis
 * asked for names (in three interleaved runs: the whole article painted 368-392 -> 250-343 ms after hiding; the
 * first highlights did not move beyond the noise). Costs nothing where the model is loaded already.
 */
export async function warmUp(pageUrl: string | undefined): Promise<null> {
  if (await highlightsOn(pageUrl)) getTagger().catch(() => undefined); // a failed load is retried by the next ask
  return null;
}

async function highlightsOn(pageUrl: string | undefined): Promise<boolean> {
  const settings = await currentSettings();
  let host = '';
  try {
    host = new URL(pageUrl ?? '').hostname;
  } catch {
    return false;
  }
  return settings.highlights && enabledOn(settings, host);
}
