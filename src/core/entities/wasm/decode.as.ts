/**
 * AssemblyScript (compiled by `npm run build:wasm` to ../model/decode.wasm): the numeric half of the tagger in
 * tagger.ts — gazetteer matches, feature hashing, weight lookup and beam decoding — for one sentence at a time.
 * Why: in a browser the tagger mostly runs in a service worker that Chrome restarts after 30 s idle, so the
 * JavaScript decoder ran uncompiled or half-compiled for most articles (3-5x slower than warm); WebAssembly is
 * compiled before its first call. Words stay in JavaScript (strings, Unicode case, caches): the caller writes per
 * token the hashes tokInfo() computed, and reads the labels back. The two must give identical labels: bench:entities
 * compares them on all of CoNLL valid, a unit test on our fixture text and random token soup. Template ids and
 * constants mirror features.ts and perceptron.ts.
 *
 * Memory: the caller lays out the model's columns and the per-sentence records from heapBase() on (see
 * wasm-tagger.ts); the fixed scratch below is static data.
 */

const L: i32 = 17; // labels: O, then B/I/L/U per type (perceptron.ts)
const NUM_TYPES: i32 = 4;
const MAX_K: i32 = 16;
const MAX_GAZ_LEN: i32 = 6;
/** u32 fields per token record: lower, sh, lwh, cap, nameLike, dc, uniFrom, uniTo, histN, hist×3. */
const TOK: i32 = 12;
const PAD_LOWER: u32 = 0x1234567;
const PAD_SHAPE: u32 = 0x7654321;

// Template ids (features.ts `T`).
const Wm1: u32 = 4, Wp1: u32 = 5, Wm2: u32 = 6, Wp2: u32 = 7, Wm1W0: u32 = 8, W0Wp1: u32 = 9;
const Shm1: u32 = 14, Shp1: u32 = 15, Shm2: u32 = 16, Shp2: u32 = 17, Shm1Sh0: u32 = 18, Sh0Shp1: u32 = 19, Shm1Sh0Shp1: u32 = 20;
const Sh0Wm1: u32 = 21, Sh0Wp1: u32 = 22, First: u32 = 23, Headline: u32 = 24, HeadlineW0: u32 = 25, DocCase: u32 = 26;
const Gaz: u32 = 27, GazCap: u32 = 28, GazM1: u32 = 29, GazP1: u32 = 30, Pt1: u32 = 32, Pt2: u32 = 33, Pt1Pt2: u32 = 34;
const Pt1W0: u32 = 35, Pt1Sh0: u32 = 36;

// Model columns (model-io.ts SparseModel) and per-sentence areas, set by the caller.
let kStart: usize = 0, kLo: usize = 0, rowStart: usize = 0, labs: usize = 0, vals: usize = 0;
let gStart: usize = 0, gLo: usize = 0, gMask: usize = 0;
/** Weights are 16-bit (true) or the file's own signed bytes (false: the shipped model; not widened at load). */
let wide: bool = true;
let toks: usize = 0, uni: usize = 0, codes: usize = 0, out: usize = 0, labelAt: usize = 0, parentAt: usize = 0;

const stat = memory.data(L * 4, 16);
// A token's features besides its unigrams: 15 window, 3 sentence, 1 document case, up to 16 gazetteer, 3 history.
const feats = memory.data(64 * 4, 16);
const dyn = memory.data(8 * 4, 16);
const gazHash = memory.data(MAX_GAZ_LEN * 4, 16);
const pairScores = memory.data(L * L * L * 4, 16);
const prevScores = memory.data(L * L * 4, 16);
const prevStamp = memory.data(L * 4, 16);
/** Labels allowed after each label: row (last ? L : 0) + prev holds nextLen[row] labels. */
const nextList = memory.data(2 * L * L, 16);
const nextLen = memory.data(2 * L, 16);
// Two beams (current and next), swapped per token: scores, last label, the one before, parent path.
const scoreA = memory.data(MAX_K * 8, 16), scoreB = memory.data(MAX_K * 8, 16);
const p1A = memory.data(MAX_K, 16), p1B = memory.data(MAX_K, 16);
const p2A = memory.data(MAX_K, 16), p2B = memory.data(MAX_K, 16);
const parent = memory.data(MAX_K * 4, 16);
let stamp: i32 = 0;

export function heapBase(): usize {
  return __heap_base;
}

/** Murmur3 finaliser over a template id and a value (features.ts `mix`). */
// @ts-ignore: decorator
@inline function mix(a: u32, b: u32): u32 {
  let h: u32 = ((a ^ 0x9e3779b9) * 0x85ebca6b) ^ b;
  h ^= h >>> 16;
  h *= 0x85ebca6b;
  h ^= h >>> 13;
  h *= 0xc2b2ae35;
  h ^= h >>> 16;
  return h;
}

/** KeyIndex.get: buckets on the top 16 bits, low halves scanned. */
// @ts-ignore: decorator
@inline function lookup(start: usize, lo: usize, key: u32): i32 {
  const want = <u16>(key & 0xffff), b = <usize>(key >>> 16);
  const e = load<i32>(start + ((b + 1) << 2));
  for (let i = load<i32>(start + (b << 2)); i < e; i++) if (load<u16>(lo + (<usize>i << 1)) == want) return i;
  return -1;
}

/** WeightTable.accumulate: add the rows of the hashes `[from, to)` (u32) into `scores` (17 i32). */
function accumulate(fs: usize, from: i32, to: i32, scores: usize): void {
  for (let j = from; j < to; j++) {
    const r = lookup(kStart, kLo, load<u32>(fs + (<usize>j << 2)));
    if (r < 0) continue;
    const e = load<u32>(rowStart + (<usize>(r + 1) << 2));
    for (let p = load<u32>(rowStart + (<usize>r << 2)); p < e; p++) {
      const a = scores + (<usize>load<u8>(labs + p) << 2);
      store<i32>(a, load<i32>(a) + (wide ? <i32>load<i16>(vals + (<usize>p << 1)) : <i32>load<i8>(vals + <usize>p)));
    }
  }
}

// @ts-ignore: decorator
@inline function labelPos(l: i32): i32 {
  return (l - 1) & 3;
}
// @ts-ignore: decorator
@inline function labelType(l: i32): i32 {
  return l == 0 ? -1 : (l - 1) >> 2;
}

function allowed(prev: i32, cur: i32, last: bool): bool {
  const inside = prev != 0 && labelPos(prev) < 2;
  if (inside) return cur != 0 && labelType(cur) == labelType(prev) && labelPos(cur) >= 1 && labelPos(cur) <= 2 && (!last || labelPos(cur) == 2);
  if (cur == 0) return true;
  const p = labelPos(cur);
  return (p == 0 && !last) || p == 3;
}

/** Point at the model's columns; precompute the label-pair scores and the transition lists. */
export function setModel(ks: usize, kl: usize, rs: usize, lb: usize, vl: usize, w16: bool, gs: usize, gl: usize, gm: usize): void {
  kStart = ks; kLo = kl; rowStart = rs; labs = lb; vals = vl; wide = w16; gStart = gs; gLo = gl; gMask = gm;
  memory.fill(pairScores, 0, L * L * L * 4);
  for (let a = 0; a < L; a++)
    for (let b = 0; b < L; b++) {
      store<u32>(dyn, mix(Pt1, a));
      store<u32>(dyn, mix(Pt2, b), 4);
      store<u32>(dyn, mix(mix(Pt1Pt2, a), b), 8);
      accumulate(dyn, 0, 3, pairScores + (<usize>((a * L + b) * L) << 2));
    }
  for (let row = 0; row < 2 * L; row++) {
    const last = row >= L, prev = row % L;
    let k = 0;
    for (let c = 0; c < L; c++) if (allowed(prev, c, last)) store<u8>(nextList + row * L + k++, <u8>c);
    store<u8>(nextLen + row, <u8>k);
  }
  for (let l = 0; l < L; l++) store<i32>(prevStamp + (l << 2), -1);
}

/** Point at the per-sentence areas (token records, unigram hashes, gazetteer codes, output, back-pointers). */
export function setWork(t: usize, u: usize, c: usize, o: usize, la: usize, pa: usize): void {
  toks = t; uni = u; codes = c; out = o; labelAt = la; parentAt = pa;
}

// @ts-ignore: decorator
@inline function field(i: i32, f: i32): u32 {
  return load<u32>(toks + (<usize>(i * TOK + f) << 2));
}

/** Gazetteer matches per token as 16-bit masks (features.ts gazetteerCodes). */
function gazetteerCodes(n: i32): void {
  memory.fill(codes, 0, <usize>n << 1);
  for (let i = 0; i < n; i++) {
    let h: u32 = 0, m = 0;
    for (; m < MAX_GAZ_LEN && i + m < n; m++) {
      h = mix(h, field(i + m, 2));
      store<u32>(gazHash + (<usize>m << 2), h);
    }
    for (let len = m; len >= 1; len--) {
      const gi = lookup(gStart, gLo, load<u32>(gazHash + (<usize>(len - 1) << 2)));
      if (gi < 0) continue;
      const mask = <i32>load<u8>(gMask + <usize>gi);
      if (!mask) continue;
      for (let t = 0; t < NUM_TYPES; t++) {
        if (!(mask & (1 << t)) || (<i32>load<u16>(codes + (<usize>i << 1)) & (15 << (t * 4)))) continue;
        for (let k = 0; k < len; k++) {
          const a = codes + (<usize>(i + k) << 1);
          const pos = len == 1 ? 3 : k == 0 ? 0 : k == len - 1 ? 2 : 1;
          const bits: i32 = <i32>load<u16>(a) | (1 << (t * 4 + pos));
          store<u16>(a, <u16>bits);
        }
      }
    }
  }
}

/** Features of the current token besides its unigrams, in `feats[0 .. nf)`. */
let nf: usize = 0;
// @ts-ignore: decorator
@inline function push(feature: u32): void {
  store<u32>(feats + (nf++ << 2), feature);
}

/** Static scores of token i into `stat` (features.ts prepareSentence, in any order: scores are integer sums). */
function staticScores(i: i32, n: i32, headline: u32): void {
  memory.fill(stat, 0, L * 4);
  accumulate(uni, <i32>field(i, 6), <i32>field(i, 7), stat);
  const w = field(i, 0), sh = field(i, 1), cap = field(i, 3), dc = field(i, 5);
  const wm1 = i >= 1 ? field(i - 1, 0) : PAD_LOWER, wm2 = i >= 2 ? field(i - 2, 0) : PAD_LOWER;
  const wp1 = i + 1 < n ? field(i + 1, 0) : PAD_LOWER, wp2 = i + 2 < n ? field(i + 2, 0) : PAD_LOWER;
  const sm1 = i >= 1 ? field(i - 1, 1) : PAD_SHAPE, sm2 = i >= 2 ? field(i - 2, 1) : PAD_SHAPE;
  const sp1 = i + 1 < n ? field(i + 1, 1) : PAD_SHAPE, sp2 = i + 2 < n ? field(i + 2, 1) : PAD_SHAPE;
  nf = 0;
  push(mix(Wm1, wm1));
  push(mix(Wp1, wp1));
  push(mix(Wm2, wm2));
  push(mix(Wp2, wp2));
  push(mix(mix(Wm1W0, wm1), w));
  push(mix(mix(W0Wp1, w), wp1));
  push(mix(Shm1, sm1));
  push(mix(Shp1, sp1));
  push(mix(Shm2, sm2));
  push(mix(Shp2, sp2));
  push(mix(mix(Shm1Sh0, sm1), sh));
  push(mix(mix(Sh0Shp1, sh), sp1));
  push(mix(mix(mix(Shm1Sh0Shp1, sm1), sh), sp1));
  push(mix(mix(Sh0Wm1, sh), wm1));
  push(mix(mix(Sh0Wp1, sh), wp1));
  if (i == 0) push(mix(First, sh));
  if (headline) {
    push(mix(Headline, sh));
    push(mix(HeadlineW0, w));
  }
  push(mix(mix(mix(DocCase, dc), sh), (i == 0 ? 1 : 0) | (headline << 1)));
  for (let m = <u32>load<u16>(codes + (<usize>i << 1)), code: u32 = 0; m; m >>>= 1, code++)
    if (m & 1) {
      push(mix(Gaz, code));
      push(mix(mix(GazCap, code), cap | (headline << 1)));
    }
  if (i > 0) for (let m = <u32>load<u16>(codes + (<usize>(i - 1) << 1)), code: u32 = 0; m; m >>>= 1, code++) if (m & 1) push(mix(GazM1, code));
  if (i + 1 < n) for (let m = <u32>load<u16>(codes + (<usize>(i + 1) << 1)), code: u32 = 0; m; m >>>= 1, code++) if (m & 1) push(mix(GazP1, code));
  // Document history (computed by the caller: it is fixed while a sentence is decoded).
  const hn = field(i, 8);
  for (let j: u32 = 0; j < hn; j++) push(field(i, 9 + <i32>j));
  accumulate(feats, 0, <i32>nf, stat);
}

/** Copy path `from` of the next beam (score, last two labels, parent) into slot `to`. */
// @ts-ignore: decorator
@inline function moveSlot(score: usize, p1: usize, p2: usize, to: i32, from: i32): void {
  store<f64>(score + (<usize>to << 3), load<f64>(score + (<usize>from << 3)));
  store<u8>(p1 + to, load<u8>(p1 + from));
  store<u8>(p2 + to, load<u8>(p2 + from));
  store<i32>(parent + (<usize>to << 2), load<i32>(parent + (<usize>from << 2)));
}

/**
 * Decode one sentence of `n` token records with a beam of `K` paths (tagger.ts `decode`, same order of ties);
 * the labels go to `out`. `gate`: tokens that can't start a name are O while no path is inside a name.
 */
export function decode(n: i32, headline: u32, K: i32, gate: bool): void {
  gazetteerCodes(n);
  let curScore = scoreA, curP1 = p1A, curP2 = p2A;
  let nxtScore = scoreB, nxtP1 = p1B, nxtP2 = p2B;
  let c = 1;
  store<f64>(curScore, 0);
  store<u8>(curP1, 0);
  store<u8>(curP2, 0);
  for (let i = 0; i < n; i++) {
    let onlyO = gate && field(i, 4) == 0;
    for (let j = 0; onlyO && j < c; j++) {
      const p = <i32>load<u8>(curP1 + j);
      if (p != 0 && labelPos(p) < 2) onlyO = false;
    }
    if (onlyO) store<i32>(stat, 0);
    else staticScores(i, n, headline);
    stamp++;
    const lastRow = i == n - 1 ? L : 0;
    const w = field(i, 0), sh = field(i, 1);
    let m = 0;
    for (let j = 0; j < c; j++) {
      const p1 = <i32>load<u8>(curP1 + j);
      const prev = prevScores + (<usize>(p1 * L) << 2);
      if (load<i32>(prevStamp + (<usize>p1 << 2)) != stamp) {
        store<i32>(prevStamp + (<usize>p1 << 2), stamp);
        memory.fill(prev, 0, L * 4);
        store<u32>(dyn, mix(mix(Pt1W0, p1), w));
        store<u32>(dyn, mix(mix(Pt1Sh0, p1), sh), 4);
        accumulate(dyn, 0, 2, prev);
      }
      const pair = pairScores + (<usize>((p1 * L + <i32>load<u8>(curP2 + j)) * L) << 2);
      const base = load<f64>(curScore + (<usize>j << 3));
      const row = lastRow + p1;
      const count = onlyO ? 1 : <i32>load<u8>(nextLen + row);
      for (let x = 0; x < count; x++) {
        const l = onlyO ? 0 : <i32>load<u8>(nextList + row * L + x);
        const score = base + <f64>load<i32>(stat + (<usize>l << 2)) + <f64>load<i32>(pair + (<usize>l << 2)) + <f64>load<i32>(prev + (<usize>l << 2));
        if (m == K && score <= load<f64>(nxtScore + (<usize>(m - 1) << 3))) continue;
        let at = -1;
        for (let q = 0; q < m; q++) if (<i32>load<u8>(nxtP1 + q) == l && <i32>load<u8>(nxtP2 + q) == p1) { at = q; break; }
        if (at >= 0) {
          if (score <= load<f64>(nxtScore + (<usize>at << 3))) continue;
          m--;
          for (let q = at; q < m; q++) moveSlot(nxtScore, nxtP1, nxtP2, q, q + 1);
        }
        let q = m < K ? m++ : m - 1;
        while (q > 0 && load<f64>(nxtScore + (<usize>(q - 1) << 3)) < score) {
          moveSlot(nxtScore, nxtP1, nxtP2, q, q - 1);
          q--;
        }
        store<f64>(nxtScore + (<usize>q << 3), score);
        store<u8>(nxtP1 + q, <u8>l);
        store<u8>(nxtP2 + q, <u8>p1);
        store<i32>(parent + (<usize>q << 2), j);
      }
    }
    for (let q = 0; q < m; q++) {
      store<u8>(labelAt + <usize>(i * K + q), load<u8>(nxtP1 + q));
      store<i32>(parentAt + (<usize>(i * K + q) << 2), load<i32>(parent + (<usize>q << 2)));
    }
    const ts = curScore, t1 = curP1, t2 = curP2;
    curScore = nxtScore; curP1 = nxtP1; curP2 = nxtP2;
    nxtScore = ts; nxtP1 = t1; nxtP2 = t2;
    c = m;
  }
  for (let i = n - 1, q = 0; i >= 0; i--) {
    store<u8>(out + <usize>i, load<u8>(labelAt + <usize>(i * K + q)));
    q = load<i32>(parentAt + (<usize>(i * K + q) << 2));
  }
}

// Loading (wasm-tagger.ts loadWasmTagger): the model file is copied into memory as it is and read in place (one-byte
// weights included), and the loops over its columns run here rather than in JavaScript that has not been compiled
// yet (a worker that has just started). Every new page of memory costs a page fault, which is not free either.

/** Running sums of `n` one-byte counts into `n + 1` i32 starts (KeyIndex.startsFromCounts, rowStart); the total. */
export function starts(counts: usize, n: i32, out: usize): i32 {
  let sum = 0;
  for (let b = 0; b < n; b++) {
    store<i32>(out + (<usize>b << 2), sum);
    sum += <i32>load<u8>(counts + <usize>b);
  }
  store<i32>(out + (<usize>n << 2), sum);
  return sum;
}

/** The largest of `n` bytes (0 when n is 0): a label past the label set makes the file invalid. */
export function maxByte(p: usize, n: i32): i32 {
  let m: u8 = 0;
  for (let i = 0; i < n; i++) {
    const v = load<u8>(p + <usize>i);
    if (v > m) m = v;
  }
  return <i32>m;
}

/** Limits the caller must respect. */
export function maxBeam(): i32 {
  return MAX_K;
}
