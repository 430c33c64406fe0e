/**
 * Binary (de)serialisation of the NER model (`model/ner.bin`). Plain bytes, no compression of our own: the file is
 * gzipped in transit/at rest by whoever ships it, and the layout is column-wise (all key deltas, then all masks, then
 * all weights) so gzip sees long homogeneous runs. Weights are stored raw at 1 byte each when they fit (the shipped
 * model's do: they are quantised to ±127), else 2: a service worker that has just started decodes them with one
 * native copy instead of ~180k varint reads. Uses only typed arrays, so it runs in Node and in the browser.
 */
import { NUM_LABELS } from './perceptron';

/** Everything the tagger needs. Holds feature hashes, weights and name hashes: no CoNLL text. */
export type NerModel = {
  /** Feature hashes, strictly ascending. */
  keys: Uint32Array;
  /** `keys.length * NUM_LABELS` quantised weights; row r belongs to `keys[r]`. */
  weights: Int16Array;
  /** Gazetteer: token-sequence hashes (ascending) and their entity-type bit masks. */
  gazKeys: Uint32Array;
  gazMasks: Uint8Array;
};

const MAGIC = 0x4e4c4e31; // "NLN1"
const FORMAT_VERSION = 2;

class Writer {
  private buf = new Uint8Array(1 << 16);
  length = 0;
  private ensure(n: number): void {
    if (this.length + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.length + n) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.length));
    this.buf = next;
  }
  u32(v: number): void {
    this.ensure(4);
    new DataView(this.buf.buffer).setUint32(this.length, v >>> 0, true);
    this.length += 4;
  }
  varint(v: number): void {
    this.ensure(5);
    v >>>= 0;
    while (v >= 0x80) { this.buf[this.length++] = (v & 0x7f) | 0x80; v >>>= 7; }
    this.buf[this.length++] = v;
  }
  bytes(b: Uint8Array): void {
    this.ensure(b.length);
    this.buf.set(b, this.length);
    this.length += b.length;
  }
  result(): Uint8Array {
    return this.buf.slice(0, this.length);
  }
}

/** Int16 values as little-endian bytes, whatever the machine's byte order. */
function littleEndian16(values: Int16Array): Uint16Array {
  const out = new Uint16Array(values.length);
  const view = new DataView(out.buffer);
  for (let i = 0; i < values.length; i++) view.setInt16(i * 2, values[i]!, true);
  return out;
}

/** Serialise a model. Zero weights are dropped per row through a label bit mask. */
export function encodeModel(model: NerModel): Uint8Array {
  const w = new Writer();
  w.u32(MAGIC);
  w.u32(FORMAT_VERSION);
  w.u32(NUM_LABELS);
  const n = model.keys.length;
  w.u32(n);
  let prev = 0;
  for (let r = 0; r < n; r++) { w.varint(model.keys[r]! - prev); prev = model.keys[r]!; }
  for (let r = 0; r < n; r++) {
    let mask = 0;
    for (let l = 0; l < NUM_LABELS; l++) if (model.weights[r * NUM_LABELS + l]) mask |= 1 << l;
    w.varint(mask);
  }
  const nz = model.weights.filter((x) => x !== 0);
  const width = nz.every((x) => x >= -128 && x <= 127) ? 1 : 2;
  w.u32(width);
  w.bytes(width === 1 ? new Uint8Array(Int8Array.from(nz).buffer) : new Uint8Array(littleEndian16(nz).buffer));
  w.u32(model.gazKeys.length);
  prev = 0;
  for (let i = 0; i < model.gazKeys.length; i++) { w.varint(model.gazKeys[i]! - prev); prev = model.gazKeys[i]!; }
  w.bytes(model.gazMasks);
  return w.result();
}

/**
 * The model as the tagger holds it: row r's non-zero weights are `labels[rowStart[r] .. rowStart[r + 1])` with
 * `values[same range]` (a trained row has ~3.7 non-zero labels of 17). Decoded straight from the file's sparse form.
 */
export type SparseModel = {
  keys: Uint32Array;
  rowStart: Uint32Array;
  labels: Uint8Array;
  values: Int16Array;
  gazKeys: Uint32Array;
  gazMasks: Uint8Array;
};

const truncated = (): Error => new Error('ner model: truncated');

/*
 * The decoder is a few small loops, each in its own function, with the varint read inline. It runs once per
 * service-worker start, cold: a Reader method per value and `2 ** shift` made it 240 ms in Chromium's service
 * worker, and one function holding every loop was deoptimised at each new loop (no type feedback yet).
 */

/** `n` little-endian base-128 values from `pos` into `out` (as running sums when `delta`); returns the next pos. */
function readVarints(b: Uint8Array, pos: number, n: number, out: Uint32Array, delta: boolean): number {
  const len = b.length;
  let prev = 0;
  for (let i = 0; i < n; i++) {
    let v = 0, shift = 0, x: number;
    do {
      if (pos >= len) throw truncated();
      if (shift > 28) throw new Error('ner model: malformed number');
      x = b[pos++]!;
      v |= (x & 0x7f) << shift;
      shift += 7;
    } while (x & 0x80);
    v >>>= 0;
    out[i] = delta ? (prev = (prev + v) >>> 0) : v;
  }
  return pos;
}

/** Row starts and label ids from the rows' label bit masks. */
function expandMasks(masks: Uint32Array): { rowStart: Uint32Array; labels: Uint8Array } {
  const n = masks.length;
  const rowStart = new Uint32Array(n + 1);
  let nnz = 0;
  for (let r = 0; r < n; r++) {
    rowStart[r] = nnz;
    for (let m = masks[r]!; m; m &= m - 1) nnz++;
  }
  rowStart[n] = nnz;
  const labels = new Uint8Array(nnz);
  for (let r = 0, p = 0; r < n; r++) for (let l = 0, m = masks[r]!; m; l++, m >>>= 1) if (m & 1) labels[p++] = l;
  return { rowStart, labels };
}

function readInt16LE(b: Uint8Array, pos: number, n: number): Int16Array {
  const view = new DataView(b.buffer, b.byteOffset + pos, 2 * n);
  const out = new Int16Array(n);
  for (let i = 0; i < n; i++) out[i] = view.getInt16(2 * i, true);
  return out;
}

function u32At(b: Uint8Array, pos: number): number {
  if (pos + 4 > b.length) throw truncated();
  return (b[pos]! | (b[pos + 1]! << 8) | (b[pos + 2]! << 16) | (b[pos + 3]! << 24)) >>> 0;
}

/** Parse bytes written by `encodeModel` into the tagger's sparse form; throws on a wrong magic/version or truncation. */
export function decodeSparse(b: Uint8Array): SparseModel {
  if (u32At(b, 0) !== MAGIC) throw new Error('ner model: bad magic');
  const version = u32At(b, 4);
  if (version !== FORMAT_VERSION) throw new Error(`ner model: unsupported version ${version}`);
  if (u32At(b, 8) !== NUM_LABELS) throw new Error('ner model: label set mismatch');
  const n = u32At(b, 12);
  if (n > b.length) throw truncated();
  const keys = new Uint32Array(n);
  let pos = readVarints(b, 16, n, keys, true);
  const masks = new Uint32Array(n);
  pos = readVarints(b, pos, n, masks, false);
  // A label bit past the label set would make scoring write outside a row's scores: refuse the file.
  for (let r = 0; r < n; r++) if (masks[r]! >>> NUM_LABELS) throw new Error('ner model: bad label mask');
  const { rowStart, labels } = expandMasks(masks);
  const nnz = labels.length, width = u32At(b, pos);
  pos += 4;
  if (width !== 1 && width !== 2) throw new Error(`ner model: bad weight width ${width}`);
  if (pos + nnz * width > b.length) throw truncated();
  // Int16Array converts from Int8Array natively (the shipped model); 2-byte values are read as little-endian.
  const values = width === 1 ? new Int16Array(new Int8Array(b.buffer, b.byteOffset + pos, nnz)) : readInt16LE(b, pos, nnz);
  pos += nnz * width;
  const g = u32At(b, pos);
  if (g > b.length) throw truncated();
  const gazKeys = new Uint32Array(g);
  pos = readVarints(b, pos + 4, g, gazKeys, true);
  if (pos + g > b.length) throw truncated();
  const gazMasks = new Uint8Array(b.subarray(pos, pos + g)); // a copy, and a Uint8Array even when b is a Buffer
  if (pos + g !== b.length) throw new Error('ner model: trailing bytes');
  return { keys, rowStart, labels, values, gazKeys, gazMasks };
}

/** A dense model (training's form) in the tagger's sparse form. */
export function toSparse(model: NerModel): SparseModel {
  const n = model.keys.length, w = model.weights;
  const masks = new Uint32Array(n);
  for (let r = 0; r < n; r++) for (let l = 0; l < NUM_LABELS; l++) if (w[r * NUM_LABELS + l]) masks[r]! |= 1 << l;
  const { rowStart, labels } = expandMasks(masks);
  const values = new Int16Array(labels.length);
  for (let r = 0; r < n; r++) for (let p = rowStart[r]!; p < rowStart[r + 1]!; p++) values[p] = w[r * NUM_LABELS + labels[p]!]!;
  return { keys: model.keys, rowStart, labels, values, gazKeys: model.gazKeys, gazMasks: model.gazMasks };
}

/** Parse bytes written by `encodeModel` into the dense form (training tools and tests). */
export function decodeModel(bytes: Uint8Array): NerModel {
  const s = decodeSparse(bytes);
  const weights = new Int16Array(s.keys.length * NUM_LABELS);
  for (let r = 0; r < s.keys.length; r++)
    for (let p = s.rowStart[r]!; p < s.rowStart[r + 1]!; p++) weights[r * NUM_LABELS + s.labels[p]!] = s.values[p]!;
  return { keys: s.keys, weights, gazKeys: s.gazKeys, gazMasks: s.gazMasks };
}
