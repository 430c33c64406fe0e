/**
 * Binary (de)serialisation of the NER model (`model/ner.bin`). Plain bytes, no compression of our own: the file is
 * gzipped in transit/at rest by whoever ships it, and the layout is column-wise so gzip sees homogeneous runs.
 *
 * Format 3 stores the arrays the tagger uses, so that loading is native copies of typed-array columns and three
 * running sums, with no work per key: a service worker that has just started runs its code uncompiled, and decoding
 * varints and building a hash table key by key took 50-125 ms there (a boxed number per 32-bit key). Little-endian,
 * after a 16-byte header (magic, version, label count, row count), one column after another:
 * - the key index (see perceptron.ts KeyIndex): 65,536 bucket sizes (1 byte each), then the low 16 bits of each key;
 * - every row's number of non-zero weights (1 byte each); then all their labels (1 byte each), row after row; then a
 *   u32 weight width (1 or 2 bytes) and all the weights (int8 or int16) in the same order;
 * - the gazetteer: a u32 count, its key index as above, and one type bit mask per entry.
 * A 2-byte column starts at an even offset (a zero pad byte before it when needed).
 */
import { KeyIndex, NUM_LABELS } from './perceptron';

/** Everything the tagger needs, in training's dense form. Holds feature hashes, weights and name hashes: no text. */
export type NerModel = {
  /** Feature hashes, strictly ascending. */
  keys: Uint32Array;
  /** `keys.length * NUM_LABELS` quantised weights; row r belongs to `keys[r]`. */
  weights: Int16Array;
  /** Gazetteer: token-sequence hashes (ascending) and their entity-type bit masks. */
  gazKeys: Uint32Array;
  gazMasks: Uint8Array;
};

/**
 * The model as the tagger holds it: row `index.get(key)`'s non-zero weights are `labels[rowStart[r] ..
 * rowStart[r + 1])` with `values[same range]` (a trained row has ~3.7 non-zero labels of 17).
 */
export type SparseModel = {
  index: KeyIndex;
  rowStart: Uint32Array;
  labels: Uint8Array;
  values: Int16Array;
  gazIndex: KeyIndex;
  gazMasks: Uint8Array;
};

const MAGIC = 0x4e4c4e31; // "NLN1"
const FORMAT_VERSION = 3;
/** Buckets of a key index (one per value of a key's top 16 bits). */
export const BUCKETS = 1 << 16;

/** Serialise a model (keys must be strictly ascending). */
export function encodeModel(model: NerModel): Uint8Array {
  const out: Uint8Array[] = [];
  let length = 0;
  const put = (b: Uint8Array): void => { out.push(b); length += b.length; };
  const u32 = (v: number): void => { const b = new Uint8Array(4); new DataView(b.buffer).setUint32(0, v >>> 0, true); put(b); };
  const pad = (): void => { if (length % 2) put(new Uint8Array(1)); };
  const keyIndex = (keys: Uint32Array): void => {
    const { sizes, lo } = KeyIndex.fromSortedKeys(keys).columns();
    const bytes = new Uint8Array(lo.length * 2), view = new DataView(bytes.buffer);
    lo.forEach((v, i) => view.setUint16(2 * i, v, true));
    put(sizes);
    pad();
    put(bytes);
  };
  u32(MAGIC);
  u32(FORMAT_VERSION);
  u32(NUM_LABELS);
  const n = model.keys.length;
  u32(n);
  keyIndex(model.keys);
  const rowLen = new Uint8Array(n), labels: number[] = [], values: number[] = [];
  for (let r = 0; r < n; r++)
    for (let l = 0; l < NUM_LABELS; l++) {
      const w = model.weights[r * NUM_LABELS + l]!;
      if (w) { rowLen[r]!++; labels.push(l); values.push(w); }
    }
  put(rowLen);
  put(Uint8Array.from(labels));
  const width = values.every((x) => x >= -128 && x <= 127) ? 1 : 2;
  u32(width);
  if (width === 1) put(new Uint8Array(Int8Array.from(values).buffer));
  else {
    const bytes = new Uint8Array(values.length * 2), view = new DataView(bytes.buffer);
    values.forEach((v, i) => view.setInt16(2 * i, v, true));
    pad();
    put(bytes);
  }
  u32(model.gazKeys.length);
  keyIndex(model.gazKeys);
  put(model.gazMasks);
  const result = new Uint8Array(length);
  let at = 0;
  for (const b of out) { result.set(b, at); at += b.length; }
  return result;
}

const truncated = (): Error => new Error('ner model: truncated');
const LITTLE_ENDIAN = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1;

/**
 * Reads the columns of a model file in order, each bounds-checked. Shared by decodeSparse and the WebAssembly
 * tagger's loader (wasm-tagger.ts), which reads the same file in place: one reader of the layout and its errors.
 */
export class Columns {
  pos = 0;
  constructor(private readonly b: Uint8Array) {}

  /** The header (magic, version, label count); returns the row count. */
  header(): number {
    if (this.u32() !== MAGIC) throw new Error('ner model: bad magic');
    const version = this.u32();
    if (version !== FORMAT_VERSION) throw new Error(`ner model: unsupported version ${version}`);
    if (this.u32() !== NUM_LABELS) throw new Error('ner model: label set mismatch');
    return this.count();
  }

  /** A u32 count of items of at least a byte each: more than the file holds means a cut or damaged file. */
  count(): number {
    const n = this.u32();
    if (n > this.b.length) throw truncated();
    return n;
  }

  /** The weight width that follows the labels: 1 or 2 bytes. */
  width(): 1 | 2 {
    const width = this.u32();
    if (width !== 1 && width !== 2) throw new Error(`ner model: bad weight width ${width}`);
    return width;
  }

  /** Skip to an even offset (a 2-byte column follows), checking the pad byte. */
  even(): void {
    if (this.pos % 2 && this.bytes(1)[0] !== 0) throw new Error('ner model: bad padding');
  }

  /** Step over the next `n` bytes; returns their offset in the file. */
  skip(n: number): number {
    if (n < 0 || this.pos + n > this.b.length) throw truncated();
    this.pos += n;
    return this.pos - n;
  }

  /** The file must end here. */
  end(): void {
    if (this.pos !== this.b.length) throw new Error('ner model: trailing bytes');
  }

  u32(): number {
    const b = this.b, p = this.pos;
    if (p + 4 > b.length) throw truncated();
    this.pos += 4;
    return (b[p]! | (b[p + 1]! << 8) | (b[p + 2]! << 16) | (b[p + 3]! << 24)) >>> 0;
  }

  bytes(n: number): Uint8Array {
    const at = this.skip(n);
    return this.b.subarray(at, at + n);
  }

  /** A copy of the next `n` bytes, as a plain Uint8Array (never a view of the caller's buffer, even from a Buffer). */
  copy(n: number): Uint8Array {
    return new Uint8Array(this.bytes(n));
  }

  /** A copy of `n` little-endian 16-bit values at the next even offset. */
  u16(n: number, signed: boolean): Uint16Array | Int16Array {
    this.even();
    const raw = this.bytes(2 * n);
    if (LITTLE_ENDIAN) {
      const copy = new Uint8Array(raw); // one native copy, aligned at 0 of its own buffer
      return signed ? new Int16Array(copy.buffer, 0, n) : new Uint16Array(copy.buffer, 0, n);
    }
    const out = signed ? new Int16Array(n) : new Uint16Array(n), view = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
    for (let i = 0; i < n; i++) out[i] = signed ? view.getInt16(2 * i, true) : view.getUint16(2 * i, true);
    return out;
  }

  keyIndex(n: number): KeyIndex {
    const start = KeyIndex.startsFromCounts(this.bytes(BUCKETS));
    if (start[BUCKETS] !== n) throw new Error('ner model: key index does not match the key count');
    return new KeyIndex(start, this.u16(n, false) as Uint16Array);
  }
}

/** Parse bytes written by `encodeModel` into the tagger's sparse form; throws a one-line error on bad or cut data. */
export function decodeSparse(b: Uint8Array): SparseModel {
  const c = new Columns(b);
  const n = c.header();
  const index = c.keyIndex(n);
  const rowLen = c.bytes(n);
  const rowStart = new Uint32Array(n + 1);
  let nnz = 0;
  for (let r = 0; r < n; r++) { rowStart[r] = nnz; nnz += rowLen[r]!; }
  rowStart[n] = nnz;
  const labels = c.copy(nnz);
  // A label past the label set would make scoring write outside a row's scores: refuse the file.
  for (let p = 0; p < nnz; p++) if (labels[p]! >= NUM_LABELS) throw new Error('ner model: bad label');
  const width = c.width();
  // Int16Array converts from Int8Array natively (the shipped model's case).
  let values: Int16Array;
  if (width === 1) {
    const raw = c.bytes(nnz);
    values = new Int16Array(new Int8Array(raw.buffer, raw.byteOffset, nnz));
  } else values = c.u16(nnz, true) as Int16Array;
  const g = c.count();
  const gazIndex = c.keyIndex(g);
  const gazMasks = c.copy(g);
  c.end();
  return { index, rowStart, labels, values, gazIndex, gazMasks };
}

/** A dense model (training's form) in the tagger's sparse form. */
export function toSparse(model: NerModel): SparseModel {
  const n = model.keys.length, w = model.weights;
  const rowStart = new Uint32Array(n + 1), labels: number[] = [], values: number[] = [];
  for (let r = 0; r < n; r++) {
    rowStart[r] = labels.length;
    for (let l = 0; l < NUM_LABELS; l++) if (w[r * NUM_LABELS + l]) { labels.push(l); values.push(w[r * NUM_LABELS + l]!); }
  }
  rowStart[n] = labels.length;
  return {
    index: KeyIndex.fromSortedKeys(model.keys), rowStart, labels: Uint8Array.from(labels), values: Int16Array.from(values),
    gazIndex: KeyIndex.fromSortedKeys(model.gazKeys), gazMasks: model.gazMasks,
  };
}

/** Parse bytes written by `encodeModel` into the dense form (training tools and tests). */
export function decodeModel(bytes: Uint8Array): NerModel {
  const s = decodeSparse(bytes);
  const keys = s.index.keys();
  const weights = new Int16Array(keys.length * NUM_LABELS);
  for (let r = 0; r < keys.length; r++)
    for (let p = s.rowStart[r]!; p < s.rowStart[r + 1]!; p++) weights[r * NUM_LABELS + s.labels[p]!] = s.values[p]!;
  return { keys, weights, gazKeys: s.gazIndex.keys(), gazMasks: s.gazMasks };
}
