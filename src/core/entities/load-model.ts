/**
 * Model bytes → ready tagger. The caller fetches the bytes its own way (content script: `fetch(chrome.runtime.getURL(
 * 'ner.bin'))`, CLI/tests: `readFileSync`), which keeps this file free of `fs` and browser globals (STYLE.md §1).
 */
import { decodeSparse } from './model-io';
import { type Tagger, createTagger } from './tagger';

/** Decode `ner.bin` and build a tagger (17-23 ms cold in Node; do it once and reuse the tagger). */
export function loadTagger(bytes: Uint8Array): Tagger {
  return createTagger(decodeSparse(bytes));
}
