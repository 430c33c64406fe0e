/**
 * Model bytes → ready tagger. The caller fetches the bytes its own way (background: `fetch` of the packaged files,
 * CLI/tests: `readFileSync`), which keeps this file free of `fs` and browser globals (STYLE.md §1).
 */
import { decodeSparse } from './model-io';
import { type Tagger, createTagger } from './tagger';
import { loadWasmTagger } from './wasm-tagger';

/**
 * Build a tagger from `ner.bin`. Given the compiled `decode.wasm` module, the model is laid out in the module's
 * memory and the scoring runs in WebAssembly (`tagger.engine === 'wasm'`); without it, or if it cannot be
 * instantiated, the model is decoded for the TypeScript tagger. The labels are the same either way. A damaged file
 * throws model-io.ts's one-line error whichever way it was read.
 */
export function loadTagger(bytes: Uint8Array, decoder?: WebAssembly.Module | null): Tagger {
  if (decoder) {
    try {
      return loadWasmTagger(bytes, decoder);
    } catch (e) {
      // decodeSparse below says what is wrong with a damaged file. A sound file the WebAssembly side refused is a
      // bug or a browser limit: it still gets the TypeScript tagger (same labels), and says so.
      const tagger = createTagger(decodeSparse(bytes));
      console.warn(`NewsLens: entity tagger runs in JavaScript (${e instanceof Error ? e.message : String(e)})`);
      return tagger;
    }
  }
  return createTagger(decodeSparse(bytes));
}
