import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { type NerModel, decodeModel, decodeSparse, encodeModel } from '../../../src/core/entities/model-io';
import { NUM_LABELS } from '../../../src/core/entities/perceptron';

const MODEL_PATH = path.resolve('src/core/entities/model/ner.bin');

function tinyModel(): NerModel {
  const weights = new Int16Array(3 * NUM_LABELS);
  weights[0] = 5; weights[NUM_LABELS + 3] = -32767; weights[2 * NUM_LABELS + 16] = 32767; weights[2 * NUM_LABELS] = -1;
  return {
    keys: Uint32Array.from([7, 1000, 0xffffffff]),
    weights,
    gazKeys: Uint32Array.from([3, 0x80000000]),
    gazMasks: Uint8Array.from([1, 12]),
  };
}

describe('encodeModel/decodeModel', () => {
  test('round-trips keys, sparse weights (incl. extremes) and the gazetteer', () => {
    const m = tinyModel();
    expect(decodeModel(encodeModel(m))).toEqual(m);
  });

  test('weights that fit a byte are stored one byte each, and still round-trip', () => {
    const m = tinyModel();
    m.weights.set([127, -128, 3], NUM_LABELS);
    m.weights[0] = 0; m.weights[NUM_LABELS + 3] = 0; m.weights[2 * NUM_LABELS + 16] = 0; m.weights[2 * NUM_LABELS] = -1;
    const bytes = encodeModel(m);
    expect(bytes.length).toBeLessThan(encodeModel(tinyModel()).length);
    expect(decodeModel(bytes)).toEqual(m);
  });

  test('the shipped model decodes and re-encodes to the same bytes', () => {
    const bytes = new Uint8Array(readFileSync(MODEL_PATH));
    const m = decodeModel(bytes);
    expect(m.keys.length).toBeGreaterThan(1000);
    for (let i = 1; i < m.keys.length; i++) expect(m.keys[i]! > m.keys[i - 1]!).toBe(true);
    // Buffer.equals: a deep toEqual over 500 kB of bytes takes seconds.
    expect(Buffer.from(encodeModel(m)).equals(Buffer.from(bytes))).toBe(true);
  });

  test('two-byte weights decode the same from a Node Buffer at an odd offset', () => {
    const bytes = encodeModel(tinyModel());
    const buf = Buffer.alloc(bytes.length + 3);
    buf.set(bytes, 3);
    expect(decodeModel(buf.subarray(3))).toEqual(tinyModel());
  });

  test('one-byte weights decode the same from a Node Buffer at an odd offset, and never alias it', () => {
    const m = tinyModel();
    m.weights.fill(0);
    m.weights[3] = 5; m.weights[NUM_LABELS + 16] = -7; m.weights[2 * NUM_LABELS] = 127;
    const bytes = encodeModel(m);
    const buf = Buffer.alloc(bytes.length + 3);
    buf.set(bytes, 3);
    const view = buf.subarray(3);
    const decoded = decodeModel(view);
    expect(decoded).toEqual(m);
    const sparse = decodeSparse(view);
    view.fill(0); // the caller reuses its buffer
    expect(sparse.index.get(1000)).toBe(1);
    expect(Array.from(sparse.values)).toEqual([5, -7, 127]);
    expect(Array.from(sparse.gazMasks)).toEqual([1, 12]);
  });

  test('refuses a weight whose label is past the label set', () => {
    const m: NerModel = { keys: Uint32Array.from([7]), weights: new Int16Array(NUM_LABELS), gazKeys: new Uint32Array(0), gazMasks: new Uint8Array(0) };
    m.weights[3] = 1;
    const bytes = encodeModel(m);
    // Header (16), bucket sizes (65,536), one low half (2), the row's weight count (1), then its one label.
    const at = 16 + 65536 + 2 + 1;
    expect(bytes[at]).toBe(3);
    const bad = bytes.slice();
    bad[at] = NUM_LABELS;
    expect(() => decodeModel(bad)).toThrow(/bad label/);
  });

  test('keys far apart and sharing a bucket are all found', async () => {
    const { KeyIndex } = await import('../../../src/core/entities/perceptron');
    const keys = Uint32Array.from([0, 1, 0xffff, 0x10000, 0x12345678, 0x1234ffff, 0x80000000, 0xfffffffe, 0xffffffff]);
    const fromFile = decodeModel(encodeModel({ keys, weights: new Int16Array(keys.length * NUM_LABELS).fill(1), gazKeys: keys, gazMasks: new Uint8Array(keys.length) }));
    expect(fromFile.keys).toEqual(keys);
    const index = KeyIndex.fromSortedKeys(keys);
    keys.forEach((k, i) => expect(index.get(k)).toBe(i));
    for (const k of [2, 0xfffe, 0x10001, 0x12345679, 0x7fffffff, 0xfffffffd]) expect(index.get(k)).toBe(-1);
  });

  test('rejects bad magic and truncated data', () => {
    const bytes = encodeModel(tinyModel());
    const bad = bytes.slice();
    bad[0] ^= 0xff;
    expect(() => decodeModel(bad)).toThrow(/magic/);
    expect(() => decodeModel(bytes.subarray(0, bytes.length - 3))).toThrow();
  });
});
