/**
 * Binary (de)serialisation of the NER model (`model/ner.bin`). Plain bytes, no compression of our own: the file is
 * gzipped in transit/at rest by whoever ships it, and the layout is column-wise (all key deltas, then all masks, then
 * all weights) so gzip sees long homogeneous runs. Uses only Uint8Array/DataView, so it runs in Node and in the browser.
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
const FORMAT_VERSION = 1;

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

class Reader {
  private pos = 0;
  private readonly view: DataView;
  constructor(private readonly buf: Uint8Array) {
    this.view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  }
  u32(): number {
    if (this.pos + 4 > this.buf.length) throw new Error('ner model: truncated');
    const v = this.view.getUint32(this.pos, true);
    this.pos += 4;
    return v;
  }
  varint(): number {
    let v = 0, shift = 0, b: number;
    do {
      if (this.pos >= this.buf.length) throw new Error('ner model: truncated');
      b = this.buf[this.pos++]!;
      v += (b & 0x7f) * 2 ** shift;
      shift += 7;
    } while (b & 0x80);
    return v >>> 0;
  }
  atEnd(): boolean {
    return this.pos === this.buf.length;
  }
  bytes(n: number): Uint8Array {
    if (this.pos + n > this.buf.length) throw new Error('ner model: truncated');
    const out = this.buf.subarray(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }
}

const zigzag = (v: number): number => ((v << 1) ^ (v >> 31)) >>> 0;
const unzigzag = (v: number): number => (v >>> 1) ^ -(v & 1);

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
  for (let i = 0; i < model.weights.length; i++) if (model.weights[i]) w.varint(zigzag(model.weights[i]!));
  w.u32(model.gazKeys.length);
  prev = 0;
  for (let i = 0; i < model.gazKeys.length; i++) { w.varint(model.gazKeys[i]! - prev); prev = model.gazKeys[i]!; }
  w.bytes(model.gazMasks);
  return w.result();
}

/** Parse bytes written by `encodeModel`; throws on a wrong magic/version or truncated data. */
export function decodeModel(bytes: Uint8Array): NerModel {
  const r = new Reader(bytes);
  if (r.u32() !== MAGIC) throw new Error('ner model: bad magic');
  const version = r.u32();
  if (version !== FORMAT_VERSION) throw new Error(`ner model: unsupported version ${version}`);
  if (r.u32() !== NUM_LABELS) throw new Error('ner model: label set mismatch');
  const n = r.u32();
  const keys = new Uint32Array(n);
  let prev = 0;
  for (let i = 0; i < n; i++) keys[i] = prev = (prev + r.varint()) >>> 0;
  const masks = new Uint32Array(n);
  for (let i = 0; i < n; i++) masks[i] = r.varint();
  const weights = new Int16Array(n * NUM_LABELS);
  for (let i = 0; i < n; i++)
    for (let l = 0; l < NUM_LABELS; l++) if (masks[i]! & (1 << l)) weights[i * NUM_LABELS + l] = unzigzag(r.varint());
  const g = r.u32();
  const gazKeys = new Uint32Array(g);
  prev = 0;
  for (let i = 0; i < g; i++) gazKeys[i] = prev = (prev + r.varint()) >>> 0;
  const gazMasks = r.bytes(g).slice();
  if (!r.atEnd()) throw new Error('ner model: trailing bytes');
  return { keys, weights, gazKeys, gazMasks };
}
