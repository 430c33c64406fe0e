/**
 * The tagger with its numeric half in WebAssembly (wasm/decode.as.ts, compiled to model/decode.wasm): same labels
 * as tagger.ts's `createTagger`, which stays the reference (training uses it, and it is the fallback where
 * WebAssembly cannot be compiled, e.g. a CSP without 'wasm-unsafe-eval'). Words stay here: their case, shapes and
 * unigram hashes come from features.ts `tokInfo` (cached per word), the document's case statistics and the label
 * history are Maps of this side. Per sentence this writes one record of hashes per token into the module's memory,
 * calls `decode`, and reads the labels back.
 */
import { type History, type Tok, headlineOf, rememberWord, tokInfo, wordHistory } from './features';
import { BUCKETS, FORMAT_VERSION, MAGIC, type SparseModel } from './model-io';
import { type Tagger, type TaggerOptions, labelByDocument } from './tagger';
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
const DEFAULT_BEAM = 4;

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

  /** Copy bytes (of any typed array) into memory; returns their address. */
  place(a: ArrayBufferView): number {
    const at = this.reserve(a.byteLength);
    new Uint8Array(this.x.memory.buffer, at, a.byteLength).set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
    return at;
  }
}

/** A tagger over a decoded model (tests compare it with the TypeScript tagger on the same model). */
export function createWasmTagger(model: SparseModel, module: WebAssembly.Module, options: TaggerOptions = {}): Tagger {
  const heap = new Heap(module);
  checkBeam(heap.x, options);
  heap.x.setModel(
    heap.place(model.index.start), heap.place(model.index.lo), heap.place(model.rowStart), heap.place(model.labels), heap.place(model.values), 1,
    heap.place(model.gazIndex.start), heap.place(model.gazIndex.lo), heap.place(model.gazMasks),
  );
  return taggerOn(heap, options);
}

/**
 * A tagger straight from the bytes of `ner.bin` (model-io.ts, format 3): the file is copied into the module's memory
 * once, its columns are read where they lie, and its loops (running sums, the label check) run compiled. Throws on anything the file's
 * layout does not allow; the caller then decodes it with model-io.ts, which says what is wrong.
 */
export function loadWasmTagger(bytes: Uint8Array, module: WebAssembly.Module, options: TaggerOptions = {}): Tagger {
  const heap = new Heap(module);
  const x = heap.x;
  checkBeam(x, options);
  const file = heap.place(bytes);
  const end = bytes.length;
  let pos = 0;
  const need = (n: number): number => {
    if (n < 0 || pos + n > end) throw new Error('ner model: truncated');
    const at = pos;
    pos += n;
    return file + at;
  };
  const u32 = (): number => {
    const at = need(4) - file;
    return (bytes[at]! | (bytes[at + 1]! << 8) | (bytes[at + 2]! << 16) | (bytes[at + 3]! << 24)) >>> 0;
  };
  const even = (): void => {
    if (pos % 2 && bytes[need(1) - file] !== 0) throw new Error('ner model: bad padding');
  };
  // The key index: bucket starts by running sums here; the low halves are read where they lie (little-endian, even).
  const keyIndex = (count: number): { start: number; lo: number } => {
    const start = heap.reserve((BUCKETS + 1) * 4);
    if (x.starts(need(BUCKETS), BUCKETS, start) !== count) throw new Error('ner model: key index does not match the key count');
    even();
    return { start, lo: need(2 * count) };
  };
  if (u32() !== MAGIC || u32() !== FORMAT_VERSION || u32() !== NUM_LABELS) throw new Error('ner model: bad header');
  const n = u32();
  if (n > end) throw new Error('ner model: truncated');
  const keys = keyIndex(n);
  const rowStart = heap.reserve((n + 1) * 4);
  const nnz = x.starts(need(n), n, rowStart);
  const labels = need(nnz);
  if (x.maxByte(labels, nnz) >= NUM_LABELS) throw new Error('ner model: bad label');
  const width = u32();
  if (width !== 1 && width !== 2) throw new Error('ner model: bad weight width');
  if (width === 2) even();
  const values = need(nnz * width);
  const g = u32();
  if (g > end) throw new Error('ner model: truncated');
  const gaz = keyIndex(g);
  const masks = need(g);
  if (pos !== end) throw new Error('ner model: trailing bytes');
  x.setModel(keys.start, keys.lo, rowStart, labels, values, width === 2 ? 1 : 0, gaz.start, gaz.lo, masks);
  return taggerOn(heap, options);
}

function checkBeam(x: DecodeExports, options: TaggerOptions): void {
  const K = options.beam ?? DEFAULT_BEAM;
  if (!Number.isInteger(K)) throw new Error(`beam ${K} is not a whole number`);
  if (K > x.maxBeam()) throw new Error(`beam ${K} is wider than the WebAssembly decoder's ${x.maxBeam()}`);
}

/** The tagger over a heap whose model is set: per-sentence areas after the model, laid out again for longer sentences. */
function taggerOn(heap: Heap, options: TaggerOptions): Tagger {
  const { x } = heap;
  const mem = x.memory;
  const K = Math.max(1, options.beam ?? DEFAULT_BEAM);
  const gate = options.gate ?? true ? 1 : 0;
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
    x.decode(n, headlineOf(info) ? 1 : 0, K, gate);
    const labels = u8.slice(out, out + n);
    for (let i = 0; i < n; i++) if (info[i]!.nameLike) rememberWord(info[i]!.lower, labels[i]!, hist);
    return labels;
  };

  const labelSentences = (sentences: readonly (readonly string[])[], docBoundaries?: readonly number[]): Uint8Array[] =>
    labelByDocument(sentences, docBoundaries, sentence);
  return { engine: 'wasm', labelSentences, tagSentences: (s, b) => labelSentences(s, b).map((l) => toIob2(l)) };
}
