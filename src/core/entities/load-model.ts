/**
 * Model bytes → ready tagger. The caller fetches the bytes its own way (background: `fetch` of the packaged files,
 * CLI/tests: `readFileSync`), which keeps this file free of `fs` and browser globals (STYLE.md §1).
 */
import { decodeSparse } from './model-io';
import { type Tagger, createTagger } from './tagger';
import { createWasmTagger } from './wasm-tagger';

/**
 * Decode `ner.bin` and build a tagger (17-23 ms cold in Node; do it once and reuse the tagger). Given the compiled
 * `decode.wasm` module, the scoring runs in WebAssembly (`tagger.engine === 'wasm'`); without it, or if it cannot be
 * instantiated, in JavaScript. The labels are the same either way.
 */
export function loadTagger(bytes: Uint8Array, decoder?: WebAssembly.Module | null): Tagger {
  const model = decodeSparse(bytes);
  if (decoder) {
    try {
      return createWasmTagger(model, decoder);
    } catch {
      // Falls through: the JavaScript tagger gives the same labels, only slower while cold.
    }
  }
  return createTagger(model);
}
