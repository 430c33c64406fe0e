import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { decodeModel, decodeSparse, encodeModel, type SparseModel } from '../../../src/core/entities/model-io';
import { createTagger } from '../../../src/core/entities/tagger';
import { compileDecoder, loadWasmTagger } from '../../../src/core/entities/wasm-tagger';
import { loadTagger } from '../../../src/core/entities/load-model';
import { splitSentences, tokenize } from '../../../src/core/entities/tokenize';

const MODEL_PATH = path.resolve('src/core/entities/model/ner.bin');
const WASM_PATH = path.resolve('src/core/entities/model/decode.wasm');
let model: SparseModel;
const modelBytes = () => new Uint8Array(readFileSync(MODEL_PATH));
let decoder: WebAssembly.Module;
beforeAll(() => {
  model = decodeSparse(new Uint8Array(readFileSync(MODEL_PATH)));
  decoder = compileDecoder(new Uint8Array(readFileSync(WASM_PATH)));
});

const countNonZero = (w: Int16Array): number => w.reduce((n, x) => n + (x ? 1 : 0), 0);

/** Sentences of tokens from our own fixture pages' text (tags stripped): real news-like prose, headlines, bylines. */
function fixtureSentences(): string[][] {
  const dir = path.resolve('test/pages');
  const out: string[][] = [];
  for (const name of readdirSync(dir)) {
    for (const f of readdirSync(path.join(dir, name)).filter((x) => x.endsWith('.html'))) {
      const text = readFileSync(path.join(dir, name, f), 'utf8').replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>/gi, ' ').replace(/<[^>]+>/g, '\n').replace(/&[a-z]+;/g, ' ');
      out.push(...splitSentences(tokenize(text), text).map((s) => s.map((t) => t.text)));
    }
  }
  return out;
}

/** Deterministic token soup: names, lower-case words, numbers, punctuation, all-caps lines, very long sentences. */
function randomSentences(count: number, seed = 11): string[][] {
  let s = seed;
  const rnd = () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32);
  const words = ['Okada', 'Katsuya', 'said', 'the', 'Bank', 'of', 'England', 'New', 'York', 'Stock', 'Exchange', 'in', 'Moscow', ',', '.', '3.5', '1996',
    'percent', 'REUTERS', 'Jean-Pierre', "O'Neill", 'Müller', 'Łódź', '北京', 'on', 'Tuesday', 'United', 'Nations', 'Microsoft', 'Corp', '(', ')', 'and', 'Lavrov'];
  return Array.from({ length: count }, (_, i) => {
    const n = i % 17 === 0 ? 300 + Math.floor(rnd() * 500) : 1 + Math.floor(rnd() * 40);
    const sent = Array.from({ length: n }, () => words[Math.floor(rnd() * words.length)]!);
    return i % 9 === 0 ? sent.map((w) => w.toUpperCase()) : sent;
  });
}

describe('WebAssembly tagger', () => {
  test('read from ner.bin in place, it gives the JavaScript tagger\'s labels on fixture text and token soup (several documents, long sentences)', () => {
    const sentences = [...fixtureSentences(), [], ...randomSentences(120)];
    const bounds = [0, 40, 41, 200];
    const js = createTagger(model).labelSentences(sentences, bounds);
    const wasm = loadWasmTagger(modelBytes(), decoder).labelSentences(sentences, bounds);
    expect(sentences.length).toBeGreaterThan(300);
    expect(wasm.map((l) => [...l])).toEqual(js.map((l) => [...l]));
    // Not all O: the comparison covers names.
    expect(js.flatMap((l) => [...l]).filter((l) => l !== 0).length).toBeGreaterThan(200);
  });

  test('a model with two-byte weights loads from its file too (weights tripled: the same decisions)', () => {
    const dense = decodeModel(new Uint8Array(readFileSync(MODEL_PATH)));
    const tripled = encodeModel({ ...dense, weights: dense.weights.map((w) => w * 3) });
    expect(new DataView(tripled.buffer).getUint32(16 + 65536 + 2 * dense.keys.length + dense.keys.length + countNonZero(dense.weights), true)).toBe(2);
    const sentences = randomSentences(80, 9);
    expect(loadWasmTagger(tripled, decoder).tagSentences(sentences)).toEqual(createTagger(model).tagSentences(sentences));
  });

  test('a damaged file gets model-io\'s one-line error through loadTagger, whichever reader met it first', () => {
    const bytes = new Uint8Array(readFileSync(MODEL_PATH));
    const cases: [Uint8Array, RegExp][] = [
      [bytes.subarray(0, 100_000), /truncated|does not match/],
      [bytes.subarray(0, bytes.length - 1), /truncated|trailing|does not match/],
      [Uint8Array.from([...bytes, 0]), /trailing bytes/],
      [new Uint8Array(0), /truncated/],
    ];
    const badMagic = bytes.slice();
    badMagic[0] ^= 0xff;
    cases.push([badMagic, /bad magic/]);
    // The first label: after the header (16), the bucket sizes (65,536), the low halves (2n) and the row lengths (n).
    const n = new DataView(bytes.buffer, bytes.byteOffset).getUint32(12, true);
    const badLabel = bytes.slice();
    badLabel[16 + 65536 + 3 * n] = 17;
    cases.push([badLabel, /bad label/]);
    for (const [b, msg] of cases) {
      expect(() => loadWasmTagger(b, decoder)).toThrow();
      expect(() => loadTagger(b, decoder)).toThrow(msg);
    }
  });

  test.each([{ beam: 1 }, { beam: 8 }, { gate: false }])('same labels with options %o', (options) => {
    const sentences = randomSentences(60, 5);
    expect(loadWasmTagger(modelBytes(), decoder, options).tagSentences(sentences)).toEqual(createTagger(model, options).tagSentences(sentences));
  });

  test('loadTagger uses it when given the module, and falls back to JavaScript when it cannot be used', () => {
    const bytes = new Uint8Array(readFileSync(MODEL_PATH));
    expect(loadTagger(bytes, decoder).engine).toBe('wasm');
    expect(loadTagger(bytes).engine).toBe('js');
    // A valid module that lacks the decoder's exports, as a stand-in for one that cannot be instantiated.
    const empty = new WebAssembly.Module(new Uint8Array([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]));
    const fallback = loadTagger(bytes, empty);
    expect(fallback.engine).toBe('js');
    expect(fallback.tagSentences([['Okada', 'visited', 'Moscow', '.']])[0]).toEqual(createTagger(model).tagSentences([['Okada', 'visited', 'Moscow', '.']])[0]);
  });

  test('refuses a beam wider than the module supports, or not a whole number', () => {
    expect(() => loadWasmTagger(modelBytes(), decoder, { beam: 64 })).toThrow(/beam 64/);
    expect(() => loadWasmTagger(modelBytes(), decoder, { beam: 2.5 })).toThrow(/whole number/);
  });

  test('the committed decode.wasm is what the AssemblyScript source compiles to', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'nl-wasm-'));
    try {
      const out = path.join(dir, 'decode.wasm');
      // A child process: the compiler's loader does not run under the test DOM's fetch/Response.
      execFileSync(process.execPath, ['scripts/build-wasm.mjs', '--out', out], { stdio: 'pipe' });
      expect(readFileSync(out).equals(readFileSync(WASM_PATH))).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
