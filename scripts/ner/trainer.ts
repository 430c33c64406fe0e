/**
 * Averaged-perceptron trainer for the greedy BILOU tagger in src/core/entities. Uses the very same feature code as
 * the run-time tagger; history features are fed the model's own predictions during training (not the gold labels),
 * so training sees the kind of mistakes it will have to recover from at run time.
 */
import type { ConllDocument } from '../../src/core/entities/conll';
import {
  type History, type Lexicons, type PreparedSentence, MAX_DYNAMIC, docCaseStats, historyFeatures, labelFeatures, prepareSentence, remember,
} from '../../src/core/entities/features';
import { NUM_LABELS, fromIob } from '../../src/core/entities/perceptron';
import type { NerModel } from '../../src/core/entities/model-io';

/** Seeded PRNG (mulberry32): same seed → same shuffles → byte-identical model. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type TrainSentence = { prep: PreparedSentence; ids: Int32Array; gold: number[] };
type TrainDoc = TrainSentence[];

/** Growable averaged-perceptron weights over dense feature ids; rows are allocated on first update. */
class AvgWeights {
  rowOf = new Int32Array(1 << 20).fill(-1);
  w = new Float64Array(NUM_LABELS << 16);
  total = new Float64Array(NUM_LABELS << 16);
  stamp = new Float64Array(1 << 16);
  rows = 0;

  score(id: number, scores: Float64Array): void {
    const r = id < this.rowOf.length ? this.rowOf[id]! : -1;
    if (r < 0) return;
    const b = r * NUM_LABELS;
    for (let l = 0; l < NUM_LABELS; l++) scores[l] += this.w[b + l]!;
  }

  update(id: number, label: number, delta: number, now: number): void {
    if (id >= this.rowOf.length) {
      const next = new Int32Array(Math.max(id + 1, this.rowOf.length * 2)).fill(-1);
      next.set(this.rowOf);
      this.rowOf = next;
    }
    let r = this.rowOf[id]!;
    if (r < 0) {
      r = this.rowOf[id] = this.rows++;
      if (this.rows > this.stamp.length) {
        const grow = <A extends Float64Array>(a: A, n: number): A => { const x = new Float64Array(n) as A; x.set(a); return x; };
        this.stamp = grow(this.stamp, this.stamp.length * 2);
        this.w = grow(this.w, this.w.length * 2);
        this.total = grow(this.total, this.total.length * 2);
      }
      this.stamp[r] = now;
    }
    const b = r * NUM_LABELS;
    const dt = now - this.stamp[r]!;
    if (dt) for (let l = 0; l < NUM_LABELS; l++) this.total[b + l] += dt * this.w[b + l]!;
    this.stamp[r] = now;
    this.w[b + label] += delta;
  }

  /** Averaged weights of a row at time `now`. */
  averaged(id: number, now: number, out: Float64Array): boolean {
    const r = id < this.rowOf.length ? this.rowOf[id]! : -1;
    if (r < 0) return false;
    const b = r * NUM_LABELS;
    const dt = now - this.stamp[r]!;
    for (let l = 0; l < NUM_LABELS; l++) out[l] = (this.total[b + l]! + dt * this.w[b + l]!) / now;
    return true;
  }
}

/** Options for `Trainer`. */
export type TrainOptions = { seed: number; minCount: number };

/** Holds prepared training data and weights; call `epoch()` repeatedly, then `snapshot()` to get a model. */
export class Trainer {
  private readonly ids = new Map<number, number>();
  private readonly keyOf: number[] = [];
  private readonly docs: TrainDoc[] = [];
  private readonly weights = new AvgWeights();
  private readonly random: () => number;
  private now = 1;

  constructor(docs: readonly ConllDocument[], lexFor: (doc: number) => Lexicons, opts: TrainOptions) {
    this.random = rng(opts.seed);
    // Count static features first so one-off features (a typo seen once) never get a weight row.
    const counts = new Map<number, number>();
    const prepared = docs.map((doc, d) => {
      const stats = docCaseStats(doc.sentences.map((s) => s.tokens));
      const lex = lexFor(d);
      return doc.sentences.map((s) => {
        const prep = prepareSentence(s.tokens, stats, lex);
        for (const f of prep.feats) counts.set(f, (counts.get(f) ?? 0) + 1);
        return { prep, gold: fromIob(s.tags) };
      });
    });
    for (const doc of prepared) {
      this.docs.push(doc.map(({ prep, gold }) => {
        const ids = new Int32Array(prep.feats.length);
        for (let j = 0; j < ids.length; j++) ids[j] = counts.get(prep.feats[j]!)! >= opts.minCount ? this.idOf(prep.feats[j]!) : -1;
        return { prep, ids, gold };
      }));
    }
  }

  private idOf(key: number): number {
    let id = this.ids.get(key);
    if (id === undefined) {
      this.ids.set(key, (id = this.keyOf.length));
      this.keyOf.push(key);
    }
    return id;
  }

  /** One pass over the shuffled documents; returns the token error rate. */
  epoch(): number {
    const order = this.docs.map((_, i) => i);
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(this.random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    const scores = new Float64Array(NUM_LABELS);
    const dyn = new Uint32Array(MAX_DYNAMIC);
    const dynIds = new Int32Array(MAX_DYNAMIC);
    let errors = 0, tokens = 0;
    for (const d of order) {
      const hist: History = new Map();
      for (const s of this.docs[d]!) {
        let prev1 = 0, prev2 = 0;
        const predicted = new Uint8Array(s.prep.n);
        for (let i = 0; i < s.prep.n; i++) {
          scores.fill(0);
          const from = s.prep.offsets[i]!, to = s.prep.offsets[i + 1]!;
          for (let j = from; j < to; j++) if (s.ids[j]! >= 0) this.weights.score(s.ids[j]!, scores);
          let k = labelFeatures(s.prep, i, prev1, prev2, dyn);
          k += historyFeatures(s.prep, i, hist, dyn.subarray(k));
          for (let j = 0; j < k; j++) this.weights.score((dynIds[j] = this.idOf(dyn[j]!)), scores);
          // Unconstrained argmax: the BILOU constraints are applied only when decoding (tagger.ts beam).
          let pred = 0;
          for (let l = 1; l < NUM_LABELS; l++) if (scores[l]! > scores[pred]!) pred = l;
          const gold = s.gold[i]!;
          if (pred !== gold) {
            errors++;
            for (let j = from; j < to; j++) {
              if (s.ids[j]! < 0) continue;
              this.weights.update(s.ids[j]!, gold, 1, this.now);
              this.weights.update(s.ids[j]!, pred, -1, this.now);
            }
            for (let j = 0; j < k; j++) {
              this.weights.update(dynIds[j]!, gold, 1, this.now);
              this.weights.update(dynIds[j]!, pred, -1, this.now);
            }
          }
          this.now++;
          tokens++;
          predicted[i] = pred;
          prev2 = prev1;
          prev1 = pred;
        }
        // Same as the tagger: document history is committed once the sentence is done.
        for (let i = 0; i < s.prep.n; i++) remember(s.prep, i, predicted[i]!, hist);
      }
    }
    return errors / tokens;
  }

  /**
   * Averaged weights quantised with one global scale (`quantMax` = largest |weight|); rows whose largest |weight| is
   * below `minRowMax` after quantising are dropped (all-zero rows always are).
   */
  snapshot(quantMax: number, minRowMax = 1): Pick<NerModel, 'keys' | 'weights'> {
    const avg = new Float64Array(NUM_LABELS);
    let maxAbs = 0;
    for (let id = 0; id < this.keyOf.length; id++) {
      if (!this.weights.averaged(id, this.now, avg)) continue;
      for (let l = 0; l < NUM_LABELS; l++) maxAbs = Math.max(maxAbs, Math.abs(avg[l]!));
    }
    const scale = quantMax / (maxAbs || 1);
    const rows: { key: number; q: Int16Array }[] = [];
    for (let id = 0; id < this.keyOf.length; id++) {
      if (!this.weights.averaged(id, this.now, avg)) continue;
      const q = new Int16Array(NUM_LABELS);
      let rowMax = 0;
      for (let l = 0; l < NUM_LABELS; l++) rowMax = Math.max(rowMax, Math.abs((q[l] = Math.round(avg[l]! * scale))));
      if (rowMax >= minRowMax) rows.push({ key: this.keyOf[id]!, q });
    }
    rows.sort((a, b) => a.key - b.key);
    // Two features hashing to the same key (rare): merge by summing, keeping keys unique for the binary format.
    const keys: number[] = [];
    const weights: number[] = [];
    for (const r of rows) {
      if (keys.length && keys[keys.length - 1] === r.key) {
        const b = weights.length - NUM_LABELS;
        for (let l = 0; l < NUM_LABELS; l++) weights[b + l] = Math.max(-32767, Math.min(32767, weights[b + l]! + r.q[l]!));
        continue;
      }
      keys.push(r.key);
      weights.push(...r.q);
    }
    return { keys: Uint32Array.from(keys), weights: Int16Array.from(weights) };
  }
}
