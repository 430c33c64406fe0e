/**
 * Left-to-right NER tagger over a trained model. Per token it scores the 17 BILOU labels from static features plus
 * features of earlier decisions (previous two labels; labels given to the same word earlier in the document) and
 * extends a small beam of label paths under the BILOU transition constraints. Ratinov & Roth (2009) found such
 * history-based left-to-right decoding as good as Viterbi, and it is far cheaper with history features.
 */
import {
  type DocCaseStats, type History, type Lexicons, type PreparedSentence, MAX_DYNAMIC, PAD_SHAPE, docCaseStats, historyFeatures, labelPairFeatures, labelTokenFeatures, prepareSentence, remember,
} from './features';
import { type NerModel, type SparseModel, toSparse } from './model-io';
import { NEXT_LABELS, NUM_LABELS, WeightTable, labelPos, toIob2 } from './perceptron';
// Paths kept per token: 4 gained ~0.45 F1 over greedy on CoNLL valid; 8 gained nothing more (measured, see docs).
export const DEFAULT_BEAM = 4;

/** A ready tagger. */
export type Tagger = {
  /** What runs the scoring and beam: JavaScript (this file) or WebAssembly (wasm-tagger.ts); same labels. */
  readonly engine: 'js' | 'wasm';
  /**
   * IOB2 tags (`B-PER`, `I-ORG`, `O`…) for each token of each sentence. `docBoundaries` lists the indices of sentences
   * that start a new document (document-level features never cross one); without it all sentences are one document.
   */
  tagSentences(sentences: readonly (readonly string[])[], docBoundaries?: readonly number[]): string[][];
  /** Same as `tagSentences` but BILOU label ids (see perceptron.ts `LABELS`), for callers that want spans directly. */
  labelSentences(sentences: readonly (readonly string[])[], docBoundaries?: readonly number[]): Uint8Array[];
};

/** Lexicon lookups backed by the model's gazetteer table. */
export function modelLexicons(model: Pick<SparseModel, 'gazIndex' | 'gazMasks'>): Lexicons {
  // A typed key index (up to six probes per token: a JS Map of numbers was a fifth of tagging).
  const index = model.gazIndex, masks = model.gazMasks;
  return {
    gazetteer: (seq) => {
      const i = index.get(seq);
      return i < 0 ? 0 : masks[i]!;
    },
  };
}

/** Tagger options. `beam` = paths kept per token (1 = greedy); history features make exact Viterbi too costly. */
export type TaggerOptions = {
  beam?: number;
  /** Label tokens that can't start a name O without scoring them when no path is inside a name (default on). */
  gate?: boolean;
};
const ONLY_O = new Uint8Array(1);

/** Build a tagger from a decoded model (training passes its dense form). */
export function createTagger(m: SparseModel | NerModel, options: TaggerOptions = {}): Tagger {
  const model = 'weights' in m ? toSparse(m) : m;
  const table = new WeightTable(model.index, model.rowStart, model.labels, model.values);
  const lex = modelLexicons(model);
  const K = Math.max(1, options.beam ?? DEFAULT_BEAM);
  const gate = options.gate ?? true;
  const L = NUM_LABELS;
  const stat = new Int32Array(L);
  const dyn = new Uint32Array(MAX_DYNAMIC);
  // Beam state for the current and next position: path score, last two labels; plus back-pointers per position.
  let curScore = new Float64Array(K), curP1 = new Uint8Array(K), curP2 = new Uint8Array(K);
  let nxtScore = new Float64Array(K), nxtP1 = new Uint8Array(K), nxtP2 = new Uint8Array(K);
  const nxtParent = new Int32Array(K);
  // Scores of the label-pair features (previous label, the one before, both) for all 17×17 histories, once.
  const pairScores = new Int32Array(L * L * L);
  for (let p1 = 0; p1 < L; p1++)
    for (let p2 = 0; p2 < L; p2++) {
      const k = labelPairFeatures(p1, p2, dyn, 0);
      table.accumulate(dyn, 0, k, pairScores, (p1 * L + p2) * L);
    }
  // Per token, the (previous label × word/shape) scores, filled lazily for the previous labels the beam holds.
  const prevScores = new Int32Array(L * L);
  const prevStamp = new Int32Array(L).fill(-1);
  let stamp = 0;

  // Static scores that repeat across a document, cached (exact, no hashing of keys): the word-only features by word,
  // the 5-token shape-window features by the window's shapes. Together they are over half of a token's features.
  const uniCache = new Map<string, Int32Array>();
  const shapeCache = new Map<number, Int32Array>();
  const shapeIds = new Map<number, number>([[PAD_SHAPE, 0]]);
  const shapeId = (h: number): number => {
    let id = shapeIds.get(h);
    if (id === undefined) {
      if (shapeIds.size >= 256) return 256; // bounded: later new shapes are scored without the cache
      shapeIds.set(h, (id = shapeIds.size));
    }
    return id;
  };
  const CACHE_MAX = 50_000;
  /** The summed scores of features `s.feats[from..to)`, from `cache` under `key` or computed and stored there. */
  const cachedScores = <K>(cache: Map<K, Int32Array>, key: K, s: PreparedSentence, from: number, to: number): Int32Array => {
    let v = cache.get(key);
    if (!v) {
      v = new Int32Array(L);
      table.accumulate(s.feats, from, to, v);
      if (cache.size >= CACHE_MAX) cache.clear();
      cache.set(key, v);
    }
    return v;
  };
  const staticScores = (s: PreparedSentence, i: number): void => {
    stat.set(cachedScores(uniCache, s.words[i]!, s, s.offsets[i]!, s.uniEnd[i]!));
    // Five shape ids below 256 make an exact 40-bit key; a rare wider id just skips the cache.
    const sh = s.shape, n = s.n;
    const a = i >= 2 ? shapeId(sh[i - 2]!) : 0, b = i >= 1 ? shapeId(sh[i - 1]!) : 0, c = shapeId(sh[i]!);
    const d = i + 1 < n ? shapeId(sh[i + 1]!) : 0, e = i + 2 < n ? shapeId(sh[i + 2]!) : 0;
    if ((a | b | c | d | e) < 256) {
      const v = cachedScores(shapeCache, (((a * 256 + b) * 256 + c) * 256 + d) * 256 + e, s, s.shapeAt[i]!, s.shapeEnd[i]!);
      for (let l = 0; l < L; l++) stat[l] += v[l]!;
    } else table.accumulate(s.feats, s.shapeAt[i]!, s.shapeEnd[i]!, stat);
    table.accumulate(s.feats, s.uniEnd[i]!, s.shapeAt[i]!, stat);
    table.accumulate(s.feats, s.shapeEnd[i]!, s.offsets[i + 1]!, stat);
  };

  // Greedy decoding gets trapped inside an entity it opened by mistake (after B only I/L may follow), so a small
  // beam keeps a few alternatives. Static features are scored once per token and shared by all paths.
  const decode = (s: PreparedSentence, hist: History): Uint8Array => {
    const n = s.n;
    const labelAt = new Uint8Array(n * K), parentAt = new Int32Array(n * K);
    let c = 1;
    curScore[0] = 0; curP1[0] = 0; curP2[0] = 0;
    for (let i = 0; i < n; i++) {
      // A token that can't start a name ("the", "said", "3", ",") while no path is inside one can only be O, and O
      // adds the same static score to every path, so its static features needn't be scored at all.
      let onlyO = gate && !s.nameLike[i];
      for (let j = 0; onlyO && j < c; j++) if (curP1[j]! !== 0 && labelPos(curP1[j]!) < 2) onlyO = false;
      if (onlyO) stat[0] = 0;
      else {
        staticScores(s, i);
        table.accumulate(dyn, 0, historyFeatures(s, i, hist, dyn), stat);
      }
      stamp++;
      const lastOff = i === n - 1 ? L : 0;
      let m = 0;
      for (let j = 0; j < c; j++) {
        const p1 = curP1[j]!;
        if (prevStamp[p1] !== stamp) {
          prevStamp[p1] = stamp;
          prevScores.fill(0, p1 * L, (p1 + 1) * L);
          table.accumulate(dyn, 0, labelTokenFeatures(s, i, p1, dyn, 0), prevScores, p1 * L);
        }
        const pair = (p1 * L + curP2[j]!) * L, prev = p1 * L, base = curScore[j]!;
        const next = onlyO ? ONLY_O : NEXT_LABELS[lastOff + p1]!;
        for (let x = 0; x < next.length; x++) {
          const l = next[x]!;
          const score = base + stat[l]! + pairScores[pair + l]! + prevScores[prev + l]!;
          if (m === K && score <= nxtScore[m - 1]!) continue; // cheapest test first: can't enter a full beam
          // Paths ending in the same (label, previous label) have the same future: keep the better one only.
          let at = -1;
          for (let q = 0; q < m; q++) if (nxtP1[q] === l && nxtP2[q] === p1) { at = q; break; }
          if (at >= 0) {
            if (score <= nxtScore[at]!) continue;
            m--;
            for (let q = at; q < m; q++) { nxtScore[q] = nxtScore[q + 1]!; nxtP1[q] = nxtP1[q + 1]!; nxtP2[q] = nxtP2[q + 1]!; nxtParent[q] = nxtParent[q + 1]!; }
          }
          let q = m < K ? m++ : m - 1;
          while (q > 0 && nxtScore[q - 1]! < score) {
            nxtScore[q] = nxtScore[q - 1]!; nxtP1[q] = nxtP1[q - 1]!; nxtP2[q] = nxtP2[q - 1]!; nxtParent[q] = nxtParent[q - 1]!;
            q--;
          }
          nxtScore[q] = score; nxtP1[q] = l; nxtP2[q] = p1; nxtParent[q] = j;
        }
      }
      for (let q = 0; q < m; q++) { labelAt[i * K + q] = nxtP1[q]!; parentAt[i * K + q] = nxtParent[q]!; }
      const ts = curScore, t1 = curP1, t2 = curP2;
      curScore = nxtScore; curP1 = nxtP1; curP2 = nxtP2;
      nxtScore = ts; nxtP1 = t1; nxtP2 = t2;
      c = m;
    }
    const out = new Uint8Array(n);
    for (let i = n - 1, q = 0; i >= 0; i--) {
      out[i] = labelAt[i * K + q]!;
      q = parentAt[i * K + q]!;
    }
    // History is committed per sentence so every path of the beam sees the same document memory.
    for (let i = 0; i < n; i++) remember(s, i, out[i]!, hist);
    return out;
  };

  const labelSentences = (sentences: readonly (readonly string[])[], docBoundaries?: readonly number[]): Uint8Array[] =>
    labelByDocument(sentences, docBoundaries, (tokens, stats, hist) => decode(prepareSentence(tokens, stats, lex, true), hist));

  return {
    engine: 'js',
    labelSentences,
    tagSentences: (sentences, docBoundaries) => labelSentences(sentences, docBoundaries).map((l) => toIob2(l)),
  };
}

/**
 * Label sentences document by document (see Tagger): each document gets its case statistics and an empty label
 * history, and `label` is called for every non-empty sentence in order (both taggers share this walk).
 */
export function labelByDocument(
  sentences: readonly (readonly string[])[],
  docBoundaries: readonly number[] | undefined,
  label: (tokens: readonly string[], stats: DocCaseStats, hist: History) => Uint8Array,
): Uint8Array[] {
  const starts = [...new Set([0, ...(docBoundaries ?? []), sentences.length])].filter((x) => x <= sentences.length).sort((a, b) => a - b);
  const out: Uint8Array[] = [];
  for (let d = 0; d + 1 < starts.length; d++) {
    const docSents = sentences.slice(starts[d], starts[d + 1]);
    const stats = docCaseStats(docSents);
    const hist: History = new Map();
    for (const tokens of docSents) out.push(tokens.length ? label(tokens, stats, hist) : new Uint8Array(0));
  }
  return out;
}
