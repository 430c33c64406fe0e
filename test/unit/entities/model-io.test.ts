import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { type NerModel, decodeModel, encodeModel } from '../../../src/core/entities/model-io';
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

  test('refuses a row whose label mask names a label past the label set', () => {
    const m: NerModel = { keys: Uint32Array.from([7]), weights: new Int16Array(NUM_LABELS), gazKeys: new Uint32Array(0), gazMasks: new Uint8Array(0) };
    m.weights[0] = 1;
    const bytes = encodeModel(m);
    // Header (16 bytes), one key varint (7), then the row's mask varint (1): set bit 20 instead (3-byte varint).
    const bad = Uint8Array.from([...bytes.subarray(0, 17), 0x81, 0x80, 0x40, ...bytes.subarray(18), 0]);
    expect(() => decodeModel(bad)).toThrow(/label mask/);
  });

  test('rejects bad magic and truncated data', () => {
    const bytes = encodeModel(tinyModel());
    const bad = bytes.slice();
    bad[0] ^= 0xff;
    expect(() => decodeModel(bad)).toThrow(/magic/);
    expect(() => decodeModel(bytes.subarray(0, bytes.length - 3))).toThrow();
  });
});
