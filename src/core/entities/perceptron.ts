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
 * 32-bit key → its index in the array it was built from, by open addressing on a power-of-two table (a JS Map of
 * 100k+ numbers is slower and much larger in memory). Used for the weight rows and the gazetteer.
 */
export class KeyIndex {
  // Interleaved [key, index + 1] pairs: one probe touches one cache line (0 = empty slot).
  private readonly slots: Uint32Array;
  private readonly mask: number;

  constructor(keys: ArrayLike<number>) {
    let size = 1;
    while (size < keys.length * 2) size <<= 1;
    this.slots = new Uint32Array(size * 2);
    this.mask = size - 1;
    for (let r = 0; r < keys.length; r++) {
      let slot = keys[r]! & this.mask;
      while (this.slots[slot * 2 + 1] !== 0) slot = (slot + 1) & this.mask;
      this.slots[slot * 2] = keys[r]!;
      this.slots[slot * 2 + 1] = r + 1;
    }
  }

  /** Index of a key, or -1. */
  get(key: number): number {
    const slots = this.slots;
    let slot = key & this.mask;
    for (;;) {
      const r = slots[slot * 2 + 1]!;
      if (r === 0 || slots[slot * 2] === key) return r - 1;
      slot = (slot + 1) & this.mask;
    }
  }
}

/** Feature hash → sparse weight row (see SparseModel): a trained row has 3.7 non-zero labels out of 17 on average. */
export class WeightTable {
  private readonly index: KeyIndex;

  constructor(keys: Uint32Array, private readonly start: Uint32Array, private readonly labels: Uint8Array, private readonly values: Int16Array) {
    this.index = new KeyIndex(keys);
  }

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
