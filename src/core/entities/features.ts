/**
 * Feature extraction for the NER perceptron, shared by training (scripts/train-ner.ts) and tagging (tagger.ts) so
 * the two can never drift apart. Features are 32-bit hashes of (template, value): no feature strings are built or
 * shipped, and the model stores only hashes. Tokens only: no POS/chunk columns (we don't have them at run time).
 */
import { NUM_TYPES, labelType } from './perceptron';

/** What the extractor needs from the model besides weights: the gazetteer. */
export interface Lexicons {
  /** Bit mask of entity types (bit t = type t) known for a token-sequence hash (see `seqHash`), 0 if none. */
  gazetteer(seq: number): number;
}

/** A sentence with its static (history-free) features precomputed. */
export type PreparedSentence = {
  n: number;
  /** Static feature hashes of token i are `feats[offsets[i] .. offsets[i+1])`. */
  feats: Uint32Array;
  offsets: Uint32Array;
  /** Hash of the lower-cased word, the key for document history. */
  word: Uint32Array;
  /** Short shape hash, reused by history conjunctions. */
  shape: Uint32Array;
  /** 1 when the token could be a name (has an upper-case letter or a caseless letter). */
  nameLike: Uint8Array;
  /** The tokens themselves. */
  words: readonly string[];
  /**
   * Within token i's features, `[offsets[i], uniEnd[i])` depend on the word alone and `[shapeAt[i], shapeEnd[i])`
   * on the shapes of tokens i-2..i+2 alone (`shape`, `PAD_SHAPE` outside the sentence); the rest on wider context.
   * The tagger caches the scores of those two runs, which repeat across a document. (Scores are sums of integer
   * weights, so the order of a token's features does not matter; gazetteer features come in code order.)
   */
  uniEnd: Uint32Array;
  shapeAt: Uint32Array;
  shapeEnd: Uint32Array;
};

// Longest gazetteer entry (in tokens) we try to match; longer CoNLL names are rare and costly to try.
export const MAX_GAZ_LEN = 6;

/** FNV-1a over UTF-16 code units. */
export function strHash(s: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Murmur3 finaliser: spreads bits so (template, value) pairs don't collide in the weight table. */
export function mix(a: number, b: number): number {
  let h = (Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ b) >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Hash of a token sequence for gazetteer lookup (lower-cased, so headlines in capitals still match). */
export function seqHash(prev: number, lowerWord: string): number {
  return mix(prev, strHash(lowerWord));
}

/** Lower-case and map digits to 0, so "1996" and "2010" share features. */
export function normWord(w: string): string {
  return w.toLowerCase().replace(/[0-9]/g, '0');
}

/** Word shape: X/x/d per char class, other chars kept; `short` collapses repeats ("Xxxxx" → "Xx"). */
export function wordShape(w: string, short: boolean): string {
  let out = '';
  let last = '';
  for (const ch of w) {
    let c: string;
    if (ch >= '0' && ch <= '9') c = 'd';
    else if (ch !== ch.toLowerCase()) c = 'X';
    else if (ch !== ch.toUpperCase()) c = 'x';
    else if (/\p{L}/u.test(ch)) c = 'a'; // caseless script (CJK, Arabic…)
    else c = ch;
    if (short ? c === last : out.length >= 8) continue;
    out += c;
    last = c;
  }
  return out;
}

// Template ids. Append only: changing an id changes every hash and invalidates ner.bin.
const enum T {
  Bias = 1, W0, Raw0, Wm1, Wp1, Wm2, Wp2, Wm1W0, W0Wp1, Pre, Suf, Sh0, ShL0, Shm1, Shp1, Shm2, Shp2, Shm1Sh0, Sh0Shp1,
  Shm1Sh0Shp1, Sh0Wm1, Sh0Wp1, First, Headline, HeadlineW0, DocCase, Gaz, GazCap, GazM1,
  GazP1, Len, Pt1, Pt2, Pt1Pt2, Pt1W0, Pt1Sh0, Hist, HistSh0, HistLast, AllCapsDoc,
}

/**
 * Cached per-word facts; `lw` is the plain lower-case form (gazetteer, doc case), `uni` its unigram features.
 * `cased`/`upper`: has cased letters / is all upper-case (isHeadline); `caseBit`: what the word adds to the document's
 * case statistics (0 when its first letter is caseless).
 */
export type Tok = {
  lower: number; lwh: number; sh: number; shL: number; word: string; lw: string; cap: number; nameLike: number; uni: Uint32Array;
  cased: number; upper: number; caseBit: number;
};
/** Shape hash standing for "no token" before the start or after the end of a sentence. */
export const PAD_SHAPE = 0x7654321;
const PAD: Tok = { lower: 0x1234567, lwh: 0, sh: PAD_SHAPE, shL: 0x7654321, word: '', lw: '', cap: 0, nameLike: 0, uni: new Uint32Array(0), cased: 0, upper: 0, caseBit: 0 };

/**
 * Per-document facts computed before tagging: how each lower-cased word is cased where case is informative
 * (not sentence-initial, not in an all-caps headline). "Brussels" in the body tells us "BRUSSELS" in the dateline is
 * a name; "the" lower-case elsewhere tells us "The" at sentence start is not.
 */
export type DocCaseStats = Map<string, number>;

/** True for a sentence that is (mostly) upper-case, e.g. a Reuters headline or a shouted sports table line. */
export function isHeadline(tokens: readonly string[]): boolean {
  return headlineOf(tokens.map(tokInfo));
}

export function headlineOf(info: readonly Tok[]): boolean {
  let letters = 0, upper = 0;
  for (const t of info) {
    letters += t.cased; // no cased letters: punctuation, numbers, caseless scripts
    upper += t.upper;
  }
  return letters >= 2 && upper / letters > 0.7;
}

/** Collect case statistics for a document (bit 1 = seen lower, 2 = seen capitalised, 4 = seen all caps). */
export function docCaseStats(sentences: readonly (readonly string[])[]): DocCaseStats {
  const stats: DocCaseStats = new Map();
  for (const s of sentences) {
    const info = s.map(tokInfo);
    if (headlineOf(info)) continue;
    for (let i = 1; i < info.length; i++) {
      const t = info[i]!;
      if (t.caseBit) stats.set(t.lw, (stats.get(t.lw) ?? 0) | t.caseBit);
    }
  }
  return stats;
}

// Word-level facts and unigram feature hashes depend only on the word string, and news text repeats words a lot,
// so they are cached across calls (bounded, cleared when full) instead of recomputed per token.
const TOK_CACHE = new Map<string, Tok>();
const TOK_CACHE_MAX = 50_000;

/** A word's cached facts and unigram feature hashes. */
export function tokInfo(w: string): Tok {
  const hit = TOK_CACHE.get(w);
  if (hit) return hit;
  const lw = normWord(w);
  const c0 = w.charAt(0);
  const cap = c0 !== c0.toLowerCase() ? 1 : 0;
  const lower = strHash(lw), sh = strHash(wordShape(w, true)), shL = strHash(wordShape(w, false));
  const uni: number[] = [T.Bias, mix(T.W0, lower), mix(T.Raw0, strHash(w.replace(/[0-9]/g, '0'))), mix(T.Sh0, sh), mix(T.ShL0, shL)];
  // Affixes: names share endings (-ski, -ov, -shire, -burg) even when the word itself is unseen.
  let ph = 0x811c9dc5, sf = 0x811c9dc5;
  const L = lw.length;
  for (let k = 0; k < 5 && k < L; k++) {
    ph = Math.imul(ph ^ lw.charCodeAt(k), 0x01000193) >>> 0;
    sf = Math.imul(sf ^ lw.charCodeAt(L - 1 - k), 0x01000193) >>> 0;
    if (k < 4 && L > k + 1) uni.push(mix(T.Pre + k * 64, ph));
    if (L > k + 1) uni.push(mix(T.Suf + k * 64, sf));
  }
  uni.push(mix(mix(T.Len, Math.min(L, 12)), cap));
  const nameLike = cap || /^[^\p{Ll}\p{N}\p{P}\p{S}]/u.test(w) ? 1 : 0;
  const lwPlain = w.toLowerCase(), upPlain = w.toUpperCase();
  const cased = lwPlain === upPlain ? 0 : 1;
  const upper = cased && w !== lwPlain && w === upPlain ? 1 : 0;
  const caseBit = c0.toLowerCase() === c0.toUpperCase() ? 0 : w === lwPlain ? 1 : w === upPlain && w.length > 1 ? 4 : cap ? 2 : 1;
  const tok: Tok = { lower, lwh: strHash(lwPlain), sh, shL, word: w, lw: lwPlain, cap, nameLike, uni: Uint32Array.from(uni), cased, upper, caseBit };
  if (TOK_CACHE.size >= TOK_CACHE_MAX) TOK_CACHE.clear();
  TOK_CACHE.set(w, tok);
  return tok;
}

let scratch = new Uint32Array(1 << 14);

/**
 * Precompute the static features of one sentence. `stats` is the document's case statistics; `lex` supplies
 * the gazetteer (training swaps in a leave-one-document-out gazetteer). With `borrow`, `feats` is a view of a buffer
 * the next call overwrites (the tagger decodes each sentence before preparing the next; training keeps them all).
 */
export function prepareSentence(tokens: readonly string[], stats: DocCaseStats, lex: Lexicons, borrow = false): PreparedSentence {
  const n = tokens.length;
  const info = tokens.map(tokInfo);
  const at = (i: number): Tok => (i >= 0 && i < n ? info[i]! : PAD);
  const headline = headlineOf(info) ? 1 : 0;
  const gaz = gazetteerCodes(info, lex);
  // Written into a reused buffer and copied out once: pushing into a number[] and converting was a fifth of tagging.
  // A token has at most 15 word, 7 shape, 12 context and 16 gazetteer features (one code per type and position).
  if (scratch.length < n * 64) scratch = new Uint32Array(n * 64);
  const f = scratch;
  let k = 0;
  const offsets = new Uint32Array(n + 1);
  const word = new Uint32Array(n);
  const shape = new Uint32Array(n);
  const nameLike = new Uint8Array(n);
  const uniEnd = new Uint32Array(n);
  const shapeAt = new Uint32Array(n);
  const shapeEnd = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const t = info[i]!;
    const p1 = at(i - 1), p2 = at(i - 2), n1 = at(i + 1), n2 = at(i + 2);
    word[i] = t.lower;
    shape[i] = t.sh;
    nameLike[i] = t.nameLike;
    for (let j = 0; j < t.uni.length; j++) f[k++] = t.uni[j]!;
    uniEnd[i] = k;
    f[k++] = mix(T.Wm1, p1.lower); f[k++] = mix(T.Wp1, n1.lower); f[k++] = mix(T.Wm2, p2.lower); f[k++] = mix(T.Wp2, n2.lower);
    f[k++] = mix(mix(T.Wm1W0, p1.lower), t.lower); f[k++] = mix(mix(T.W0Wp1, t.lower), n1.lower);
    shapeAt[i] = k;
    f[k++] = mix(T.Shm1, p1.sh); f[k++] = mix(T.Shp1, n1.sh); f[k++] = mix(T.Shm2, p2.sh); f[k++] = mix(T.Shp2, n2.sh);
    f[k++] = mix(mix(T.Shm1Sh0, p1.sh), t.sh); f[k++] = mix(mix(T.Sh0Shp1, t.sh), n1.sh);
    f[k++] = mix(mix(mix(T.Shm1Sh0Shp1, p1.sh), t.sh), n1.sh);
    shapeEnd[i] = k;
    f[k++] = mix(mix(T.Sh0Wm1, t.sh), p1.lower); f[k++] = mix(mix(T.Sh0Wp1, t.sh), n1.lower);
    if (i === 0) f[k++] = mix(T.First, t.sh);
    if (headline) { f[k++] = mix(T.Headline, t.sh); f[k++] = mix(T.HeadlineW0, t.lower); }
    // How this word is cased elsewhere in the document (0 = never seen in an informative position).
    const dc = stats.get(t.lw) ?? 0;
    f[k++] = mix(mix(mix(T.DocCase, dc), t.sh), (i === 0 ? 1 : 0) | (headline << 1));
    for (let m = gaz[i]!, code = 0; m; m >>>= 1, code++) if (m & 1) { f[k++] = mix(T.Gaz, code); f[k++] = mix(mix(T.GazCap, code), t.cap | (headline << 1)); }
    if (i > 0) for (let m = gaz[i - 1]!, code = 0; m; m >>>= 1, code++) if (m & 1) f[k++] = mix(T.GazM1, code);
    if (i + 1 < n) for (let m = gaz[i + 1]!, code = 0; m; m >>>= 1, code++) if (m & 1) f[k++] = mix(T.GazP1, code);
    offsets[i + 1] = k;
  }
  return { n, feats: borrow ? f.subarray(0, k) : f.slice(0, k), offsets, word, shape, nameLike, words: tokens, uniEnd, shapeAt, shapeEnd };
}

/**
 * Gazetteer matches per token as a bit mask: bit `type * 4 + position` (position 0 B, 1 I, 2 L, 3 U), from the
 * longest entry of each type that covers the token (so a token has at most one position per type). Multi-token
 * entries are what word features can't capture ("New York Stock Exchange"). Masks, not arrays per token: this runs
 * for every sentence of every page, and its small allocations were a tenth of tagging time.
 */
function gazetteerCodes(info: readonly Tok[], lex: Lexicons): Uint16Array {
  const n = info.length;
  const codes = new Uint16Array(n);
  const hs = GAZ_HASHES;
  for (let i = 0; i < n; i++) {
    let h = 0, m = 0;
    for (; m < MAX_GAZ_LEN && i + m < n; m++) hs[m] = h = mix(h, info[i + m]!.lwh); // == seqHash(h, lw)
    for (let len = m; len >= 1; len--) {
      const mask = lex.gazetteer(hs[len - 1]!);
      if (!mask) continue;
      for (let t = 0; t < NUM_TYPES; t++) {
        // Bits 4t..4t+3 of a token: it is already inside an entry of type t.
        if (!(mask & (1 << t)) || codes[i]! & (15 << (t * 4))) continue;
        for (let k = 0; k < len; k++) codes[i + k]! |= 1 << (t * 4 + (len === 1 ? 3 : k === 0 ? 0 : k === len - 1 ? 2 : 1));
      }
    }
  }
  return codes;
}
const GAZ_HASHES = new Uint32Array(MAX_GAZ_LEN);

/** Per-document memory of labels given to each word so far ("extended prediction history"). */
export type History = Map<number, { counts: Int32Array; last: number }>;

/** Keys of the features of the two previous labels alone (17×17 values, so the tagger can precompute them). */
export function labelPairFeatures(prev1: number, prev2: number, out: Uint32Array, k: number): number {
  out[k++] = mix(T.Pt1, prev1);
  out[k++] = mix(T.Pt2, prev2);
  out[k++] = mix(mix(T.Pt1Pt2, prev1), prev2);
  return k;
}

/** Keys of the previous label conjoined with the current word and shape. */
export function labelTokenFeatures(s: PreparedSentence, i: number, prev1: number, out: Uint32Array, k: number): number {
  out[k++] = mix(mix(T.Pt1W0, prev1), s.word[i]!);
  out[k++] = mix(mix(T.Pt1Sh0, prev1), s.shape[i]!);
  return k;
}

/** All features that depend on the previous two decisions (training uses this; the tagger splits it for speed). */
export function labelFeatures(s: PreparedSentence, i: number, prev1: number, prev2: number, out: Uint32Array): number {
  return labelTokenFeatures(s, i, prev1, out, labelPairFeatures(prev1, prev2, out, 0));
}

/**
 * Document history features: the type earlier mentions of this word got in this document ("extended prediction
 * history", Ratinov & Roth 2009). History is committed per sentence, so these are fixed while a sentence is decoded.
 */
export function historyFeatures(s: PreparedSentence, i: number, hist: History, out: Uint32Array): number {
  return s.nameLike[i] ? wordHistory(s.word[i]!, s.shape[i]!, hist, out, 0) : 0;
}

/** History features of a name-like word (hash `word`, shape hash `shape`) written at `out[k..]`; returns the count. */
export function wordHistory(word: number, shape: number, hist: History, out: Uint32Array, k: number): number {
  const h = hist.get(word);
  if (!h) return 0;
  let best = 0;
  for (let t = 1; t <= NUM_TYPES; t++) if (h.counts[t]! > h.counts[best]!) best = t;
  out[k] = mix(T.Hist, best);
  out[k + 1] = mix(mix(T.HistSh0, best), shape);
  out[k + 2] = mix(T.HistLast, h.last);
  return 3;
}

/** Record the label given to token i in the document history. */
export function remember(s: PreparedSentence, i: number, label: number, hist: History): void {
  if (s.nameLike[i]) rememberWord(s.word[i]!, label, hist);
}

/** Record the label given to a name-like word (hash `w`) in the document history. */
export function rememberWord(w: number, label: number, hist: History): void {
  let h = hist.get(w);
  if (!h) hist.set(w, (h = { counts: new Int32Array(NUM_TYPES + 1), last: 0 }));
  h.counts[labelType(label) + 1]!++;
  h.last = label;
}

/** Room for label or history features per token. */
export const MAX_DYNAMIC = 8;
