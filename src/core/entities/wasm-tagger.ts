/**
 * The tagger with its numeric half in WebAssembly (wasm/decode.as.ts, compiled to model/decode.wasm): same labels
 * as tagger.ts's `createTagger`, which stays the reference (training uses it, and it is the fallback where
 * WebAssembly cannot be compiled, e.g. a CSP without 'wasm-unsafe-eval'). Words stay here: their case, shapes and
 * unigram hashes come from features.ts `tokInfo` (cached per word), the document's case statistics and the label
 * history are Maps of this side. Per sentence this writes one record of hashes per token into the module's memory,
 * calls `decode`, and reads the labels back.
 */
import { type History, type Tok, docCaseStats, headlineOf, rememberWord, tokInfo, wordHistory } from './features';
import type { SparseModel } from './model-io';
import { type Tagger, type TaggerOptions, documents } from './tagger';
import { toIob2 } from './perceptron';

/** What decode.wasm exports (see wasm/decode.as.ts). */
type DecodeExports = {
  memory: WebAssembly.Memory;
  heapBase(): number;
  setModel(ks: number, kl: number, rs: number, lb: number, vl: number, gs: number, gl: number, gm: number): void;
  setWork(toks: number, uni: number, codes: number, out: number, labelAt: number, parentAt: number): void;
  decode(n: number, headline: number, beam: number, gate: number): void;
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

/** A tagger whose scoring and beam run in WebAssembly. Beams wider than the module's limit are refused. */
export function createWasmTagger(model: SparseModel, wasm: WebAssembly.Module, options: TaggerOptions = {}): Tagger {
  const x = new WebAssembly.Instance(wasm, {}).exports as unknown as DecodeExports;
  const K = Math.max(1, options.beam ?? DEFAULT_BEAM);
  if (K > x.maxBeam()) throw new Error(`beam ${K} is wider than the WebAssembly decoder's ${x.maxBeam()}`);
  const gate = options.gate ?? true ? 1 : 0;
  const mem = x.memory;
  let top = (x.heapBase() + 15) & ~15;
  /** Room for `bytes` at the top of memory (16-byte aligned), growing it as needed. */
  const reserve = (bytes: number): number => {
    const at = top;
    top = (top + bytes + 15) & ~15;
    if (top > mem.buffer.byteLength) mem.grow(Math.ceil((top - mem.buffer.byteLength) / PAGE));
    return at;
  };
  /** Copy a typed array into module memory; returns its address. */
  const place = (a: Int32Array | Uint32Array | Uint16Array | Uint8Array | Int16Array): number => {
    const at = reserve(a.byteLength);
    new Uint8Array(mem.buffer, at, a.byteLength).set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
    return at;
  };
  x.setModel(
    place(model.index.start), place(model.index.lo), place(model.rowStart), place(model.labels), place(model.values),
    place(model.gazIndex.start), place(model.gazIndex.lo), place(model.gazMasks),
  );
  // Per-sentence areas after the model, re-laid out (and memory grown) when a longer sentence comes.
  const workStart = top;
  let cap = 0, toks = 0, uni = 0, out = 0;
  let u32 = new Uint32Array(0), u8 = new Uint8Array(0);
  const ensure = (n: number): void => {
    if (n > cap) {
      cap = Math.max(n, 256);
      top = workStart;
      toks = reserve(cap * TOK * 4);
      uni = reserve(cap * MAX_UNI * 4);
      const codes = reserve(cap * 2);
      out = reserve(cap);
      x.setWork(toks, uni, codes, out, reserve(cap * K), reserve(cap * K * 4));
    }
    // Views of the current buffer: growing memory detaches the old one.
    if (u32.buffer !== mem.buffer) {
      u32 = new Uint32Array(mem.buffer);
      u8 = new Uint8Array(mem.buffer);
    }
  };

  const sentence = (tokens: readonly string[], stats: Map<string, number>, hist: History): Uint8Array => {
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

  const labelSentences = (sentences: readonly (readonly string[])[], docBoundaries?: readonly number[]): Uint8Array[] => {
    const res: Uint8Array[] = [];
    for (const docSents of documents(sentences, docBoundaries)) {
      const stats = docCaseStats(docSents);
      const hist: History = new Map();
      for (const tokens of docSents) res.push(tokens.length ? sentence(tokens, stats, hist) : new Uint8Array(0));
    }
    return res;
  };
  return { engine: 'wasm', labelSentences, tagSentences: (s, b) => labelSentences(s, b).map((l) => toIob2(l)) };
}
