/**
 * Label set, transition constraints and the inference-side weight table of the averaged perceptron.
 * Training (scripts/ner/trainer.ts) produces float weights; the shipped model holds them rounded to small integers
 * with one global scale (largest |w| → 127 by default), so scoring here is plain integer adds. The rounding did not
 * lower validation F1 (92.64 with |w| ≤ 2000, 92.73 with ≤ 127).
 */

/** Entity types the statistical model predicts, in label order. */
export const TYPES = ['PER', 'LOC', 'ORG', 'MISC'] as const;
/** One of the model's entity types. */
export type ModelType = (typeof TYPES)[number];
/** Number of entity types. */
export const NUM_TYPES = TYPES.length;

// BILOU (Ratinov & Roth 2009 found it beats IOB for greedy decoding): label 0 = O, then B,I,L,U for each type.
const POS = ['B', 'I', 'L', 'U'] as const;
/** Label strings, index = label id. */
export const LABELS: readonly string[] = ['O', ...TYPES.flatMap((t) => POS.map((p) => `${p}-${t}`))];
/** Number of labels (17). */
export const NUM_LABELS = LABELS.length;

/** Type index 0..3 of a label, -1 for O. */
export function labelType(label: number): number {
  return label === 0 ? -1 : ((label - 1) >> 2);
}
/** Position 0..3 (B, I, L, U) of a non-O label. */
export function labelPos(label: number): number {
  return (label - 1) & 3;
}

/**
 * May `cur` follow `prev`? Inside an entity (after B/I) only I/L of the same type; otherwise only O/B/U.
 * `last` forbids opening an entity on the final token of a sentence.
 */
export function allowed(prev: number, cur: number, last: boolean): boolean {
  const inside = prev !== 0 && labelPos(prev) < 2;
  if (inside) return cur !== 0 && labelType(cur) === labelType(prev) && labelPos(cur) >= 1 && labelPos(cur) <= 2 && (!last || labelPos(cur) === 2);
  if (cur === 0) return true;
  const p = labelPos(cur);
  return (p === 0 && !last) || p === 3;
}

/**
 * Labels that may follow `prev`, as lists: `NEXT_LABELS[(last ? NUM_LABELS : 0) + prev]`. Iterating these (9 or 2
 * labels) instead of testing all 17 keeps the beam loop short.
 */
export const NEXT_LABELS: readonly Uint8Array[] = Array.from({ length: 2 * NUM_LABELS }, (_, i) => {
  const last = i >= NUM_LABELS, prev = i % NUM_LABELS;
  const out: number[] = [];
  for (let c = 0; c < NUM_LABELS; c++) if (allowed(prev, c, last)) out.push(c);
  return Uint8Array.from(out);
});

/** Convert BILOU labels of one sentence to IOB2 strings. */
export function toIob2(labels: ArrayLike<number>): string[] {
  const out: string[] = [];
  for (let i = 0; i < labels.length; i++) {
    const l = labels[i]!;
    if (l === 0) { out.push('O'); continue; }
    const p = labelPos(l);
    out.push(`${p === 0 || p === 3 ? 'B' : 'I'}-${TYPES[labelType(l)]}`);
  }
  return out;
}

/** Convert IOB2 (or IOB1) tags to BILOU label ids; unknown types become O. */
export function fromIob(tags: readonly string[]): number[] {
  const type = (t: string): number => (t === 'O' ? -1 : (TYPES as readonly string[]).indexOf(t.slice(2)));
  return tags.map((tag, i) => {
    const ty = type(tag);
    if (ty < 0) return 0;
    const prev = i > 0 ? tags[i - 1]! : 'O';
    const next = i + 1 < tags.length ? tags[i + 1]! : 'O';
    const begins = tag[0] === 'B' || type(prev) !== ty;
    const ends = !(next[0] === 'I' && type(next) === ty);
    const pos = begins ? (ends ? 3 : 0) : ends ? 2 : 1;
    return 1 + ty * 4 + pos;
  });
}

/**
 * Strictly ascending 32-bit keys → their index, as buckets on the top 16 bits: `start[b] .. start[b + 1]` are the
 * keys whose top half is b, and `lo` holds their low halves (a bucket has under one key on average). The model file
 * stores exactly these arrays (bucket sizes and low halves), so loading builds nothing key by key: building a hash
 * table at load time took 16-54 ms in a service worker that had just started (its code not yet compiled, every key a
 * boxed number). For the weights it is also a third the size of that table (350 KB instead of 1 MB).
 */
export class KeyIndex {
  constructor(
    private readonly start: Int32Array,
    private readonly lo: Uint16Array,
  ) {}

  /** Bucket starts from per-bucket key counts (65,536 of them). */
  static startsFromCounts(counts: ArrayLike<number>): Int32Array {
    const start = new Int32Array(counts.length + 1);
    let sum = 0;
    for (let b = 0; b < counts.length; b++) { start[b] = sum; sum += counts[b]!; }
    start[counts.length] = sum;
    return start;
  }

  /** Build from strictly ascending keys (training, tests, encoding). */
  static fromSortedKeys(keys: ArrayLike<number>): KeyIndex {
    const counts = new Uint32Array(1 << 16), lo = new Uint16Array(keys.length);
    for (let i = 0; i < keys.length; i++) {
      if (keys[i] !== keys[i]! >>> 0 || (i > 0 && keys[i]! <= keys[i - 1]!)) throw new Error('KeyIndex: keys must be strictly ascending unsigned 32-bit integers');
      counts[keys[i]! >>> 16]!++;
      lo[i] = keys[i]! & 0xffff;
    }
    return new KeyIndex(KeyIndex.startsFromCounts(counts), lo);
  }

  /** What the model file stores (see model-io.ts): each bucket's size, one byte each, and the keys' low halves. */
  columns(): { sizes: Uint8Array; lo: Uint16Array } {
    const sizes = new Uint8Array(this.start.length - 1);
    for (let b = 0; b < sizes.length; b++) {
      const n = this.start[b + 1]! - this.start[b]!;
      if (n > 255) throw new Error('KeyIndex: more than 255 keys share their top 16 bits');
      sizes[b] = n;
    }
    return { sizes, lo: this.lo };
  }

  /** Index of a key, or -1. */
  get(key: number): number {
    const lo = this.lo, want = key & 0xffff, b = key >>> 16;
    for (let i = this.start[b]!, e = this.start[b + 1]!; i < e; i++) if (lo[i] === want) return i;
    return -1;
  }

  /** The keys, rebuilt (dense model, tests). */
  keys(): Uint32Array {
    const out = new Uint32Array(this.lo.length);
    for (let b = 0; b < this.start.length - 1; b++) for (let i = this.start[b]!; i < this.start[b + 1]!; i++) out[i] = ((b << 16) | this.lo[i]!) >>> 0;
    return out;
  }
}

/** Feature hash → sparse weight row (see SparseModel): a trained row has 3.7 non-zero labels out of 17 on average. */
export class WeightTable {
  constructor(private readonly index: KeyIndex, private readonly start: Uint32Array, private readonly labels: Uint8Array, private readonly values: Int16Array) {}

  /** Row index of a feature hash, or -1. */
  row(key: number): number {
    return this.index.get(key);
  }

  /** Add the rows of `feats[from..to)` into `scores[at .. at + NUM_LABELS)`. */
  accumulate(feats: ArrayLike<number>, from: number, to: number, scores: Int32Array, at = 0): void {
    const { start, labels, values } = this;
    for (let j = from; j < to; j++) {
      const r = this.row(feats[j]!);
      if (r < 0) continue;
      for (let p = start[r]!, e = start[r + 1]!; p < e; p++) scores[at + labels[p]!] += values[p]!;
    }
  }
}
