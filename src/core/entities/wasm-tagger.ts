/**
 * The tagger with its numeric half in WebAssembly (wasm/decode.as.ts, compiled to model/decode.wasm): same labels
 * as tagger.ts's `createTagger`, which stays the reference (training uses it, and it is the fallback where
 * WebAssembly cannot be compiled, e.g. a CSP without 'wasm-unsafe-eval'). Words stay here: their case, shapes and
 * unigram hashes come from features.ts `tokInfo` (cached per word), the document's case statistics and the label
 * history are Maps of this side. Per sentence this writes one record of hashes per token into the module's memory,
 * calls `decode`, and reads the labels back.
 */
import { type History, type Tok, headlineOf, rememberWord, tokInfo, wordHistory } from './features';
import { BUCKETS, Columns } from './model-io';
import { DEFAULT_BEAM, type Tagger, type TaggerOptions, labelByDocument } from './tagger';
import { NUM_LABELS, toIob2 } from './perceptron';

/** What decode.wasm exports (see wasm/decode.as.ts). */
type DecodeExports = {
  memory: WebAssembly.Memory;
  heapBase(): number;
  setModel(ks: number, kl: number, rs: number, lb: number, vl: number, wide: number, gs: number, gl: number, gm: number): void;
  setWork(toks: number, uni: number, codes: number, out: number, labelAt: number, parentAt: number): void;
  decode(n: number, headline: number, beam: number, gate: number): void;
  starts(counts: number, n: number, out: number): number;
  maxByte(p: number, n: number): number;
  maxBeam(): number;
};

/** u32 fields per token record (decode.as.ts TOK). */
const TOK = 12;
/** Most unigram hashes a word has (features.ts tokInfo: 5 + 4 prefixes + 5 suffixes + length). */
const MAX_UNI = 15;
const PAGE = 65536;

/** Compile the module; throws where WebAssembly is unavailable or refused (the caller falls back to JavaScript). */
export function compileDecoder(wasm: Uint8Array<ArrayBuffer>): WebAssembly.Module {
  return new WebAssembly.Module(wasm);
}

/** An instance and a bump allocator over its memory (16-byte aligned, growing the memory as needed). */
class Heap {
  readonly x: DecodeExports;
  top: number;
  constructor(module: WebAssembly.Module) {
    this.x = new WebAssembly.Instance(module, {}).exports as unknown as DecodeExports;
    this.top = (this.x.heapBase() + 15) & ~15;
  }

  reserve(bytes: number): number {
    const at = this.top, mem = this.x.memory;
    this.top = (this.top + bytes + 15) & ~15;
    if (this.top > mem.buffer.byteLength) mem.grow(Math.ceil((this.top - mem.buffer.byteLength) / PAGE));
    return at;
  }

  /** Copy bytes into memory; returns their address. */
  place(a: Uint8Array): number {
    const at = this.reserve(a.byteLength);
    new Uint8Array(this.x.memory.buffer, at, a.byteLength).set(a);
    return at;
  }
}

/**
 * A tagger straight from the bytes of `ner.bin` (model-io.ts, format 3, read with its own column reader): the file is
 * copied into the module's memory once, its columns are used where they lie, and the loops over them (running sums,
 * the label check) run compiled. Throws model-io's one-line error on a damaged file, as decodeSparse would.
 */
export function loadWasmTagger(bytes: Uint8Array, module: WebAssembly.Module, options: TaggerOptions = {}): Tagger {
  const heap = new Heap(module);
  const x = heap.x;
  const K = Math.max(1, options.beam ?? DEFAULT_BEAM); // as the TypeScript tagger reads it
  if (!Number.isInteger(K)) throw new Error(`beam ${K} is not a whole number of paths`);
  if (K > x.maxBeam()) throw new Error(`beam ${K} is wider than the WebAssembly decoder's ${x.maxBeam()}`);
  const file = heap.place(bytes);
  const c = new Columns(bytes);
  const at = (n: number): number => file + c.skip(n);
  // A key index: bucket starts by running sums here; the low halves are used where they lie (little-endian, even).
  const keyIndex = (count: number): { start: number; lo: number } => {
    const start = heap.reserve((BUCKETS + 1) * 4);
    if (x.starts(at(BUCKETS), BUCKETS, start) !== count) throw new Error('ner model: key index does not match the key count');
    c.even();
    return { start, lo: at(2 * count) };
  };
  const n = c.header();
  const keys = keyIndex(n);
  const rowStart = heap.reserve((n + 1) * 4);
  const nnz = x.starts(at(n), n, rowStart);
  const labels = at(nnz);
  // A label past the label set would make scoring write outside a row's scores: refuse the file.
  if (x.maxByte(labels, nnz) >= NUM_LABELS) throw new Error('ner model: bad label');
  const width = c.width();
  if (width === 2) c.even();
  const values = at(nnz * width);
  const g = c.count();
  const gaz = keyIndex(g);
  const masks = at(g);
  c.end();
  x.setModel(keys.start, keys.lo, rowStart, labels, values, width === 2 ? 1 : 0, gaz.start, gaz.lo, masks);
  return taggerOn(heap, K, options.gate ?? true);
}

/** The tagger over a heap whose model is set: per-sentence areas after the model, laid out again for longer sentences. */
function taggerOn(heap: Heap, K: number, gate: boolean): Tagger {
  const { x } = heap;
  const mem = x.memory;
  const workStart = heap.top;
  let cap = 0, toks = 0, uni = 0, out = 0;
  let u32 = new Uint32Array(0), u8 = new Uint8Array(0);
  const ensure = (n: number): void => {
    if (n > cap) {
      cap = Math.max(n, 256);
      heap.top = workStart;
      toks = heap.reserve(cap * TOK * 4);
      uni = heap.reserve(cap * MAX_UNI * 4);
      const codes = heap.reserve(cap * 2);
      out = heap.reserve(cap);
      x.setWork(toks, uni, codes, out, heap.reserve(cap * K), heap.reserve(cap * K * 4));
    }
    // Views of the current buffer: growing memory detaches the old one.
    if (u32.buffer !== mem.buffer) {
      u32 = new Uint32Array(mem.buffer);
      u8 = new Uint8Array(mem.buffer);
    }
  };

  const sentence = (tokens: readonly string[], stats: ReadonlyMap<string, number>, hist: History): Uint8Array => {
    const n = tokens.length;
    ensure(n);
    const info: Tok[] = tokens.map(tokInfo);
    let u = 0;
    const ub = uni >> 2;
    for (let i = 0; i < n; i++) {
      const t = info[i]!, r = (toks >> 2) + i * TOK;
      u32[r] = t.lower; u32[r + 1] = t.sh; u32[r + 2] = t.lwh; u32[r + 3] = t.cap; u32[r + 4] = t.nameLike;
      u32[r + 5] = stats.get(t.lw) ?? 0;
      u32[r + 6] = u;
      u32.set(t.uni, ub + u);
      u += t.uni.length;
      u32[r + 7] = u;
      // History is fixed while a sentence is decoded (committed below), so its features are known up front.
      u32[r + 8] = t.nameLike ? wordHistory(t.lower, t.sh, hist, u32, r + 9) : 0;
    }
    x.decode(n, headlineOf(info) ? 1 : 0, K, gate ? 1 : 0);
    const labels = u8.slice(out, out + n);
    for (let i = 0; i < n; i++) if (info[i]!.nameLike) rememberWord(info[i]!.lower, labels[i]!, hist);
    return labels;
  };

  const labelSentences = (sentences: readonly (readonly string[])[], docBoundaries?: readonly number[]): Uint8Array[] =>
    labelByDocument(sentences, docBoundaries, sentence);
  return { engine: 'wasm', labelSentences, tagSentences: (s, b) => labelSentences(s, b).map((l) => toIob2(l)) };
}
