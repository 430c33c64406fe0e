/**
 * CoNLL-2003 reading and conlleval-style scoring, shared by `scripts/train-ner.ts`, `bench/entities.ts` and tests.
 * Strings in, numbers out: no `fs` here, so the scorer also runs in the browser and in unit tests.
 */

/** One sentence: tokens with their gold IOB tags (same length). */
export type ConllSentence = { tokens: string[]; tags: string[] };
/** One document: the sentences between two `-DOCSTART-` lines. */
export type ConllDocument = { sentences: ConllSentence[] };

/**
 * Parse CoNLL text (`token POS chunk NER` per line, blank line between sentences, `-DOCSTART-` between documents).
 * Only the first and last columns are kept: at run time we only have tokens, so POS/chunk must not leak into features.
 */
export function parseConll(text: string): ConllDocument[] {
  const docs: ConllDocument[] = [];
  let doc: ConllDocument | null = null;
  let sent: ConllSentence = { tokens: [], tags: [] };
  const flush = (): void => {
    if (sent.tokens.length === 0) return;
    if (!doc) docs.push((doc = { sentences: [] }));
    doc.sentences.push(sent);
    sent = { tokens: [], tags: [] };
  };
  for (const rawLine of text.split('\n')) {
    const line = rawLine.trim();
    if (line === '') { flush(); continue; }
    const cols = line.split(/\s+/);
    if (cols[0] === '-DOCSTART-') {
      flush();
      docs.push((doc = { sentences: [] }));
      continue;
    }
    sent.tokens.push(cols[0]!);
    sent.tags.push(cols[cols.length - 1]!);
  }
  flush();
  return docs.filter((d) => d.sentences.length > 0);
}

/** An entity chunk over token indices `[start, end)`. */
export type Chunk = { type: string; start: number; end: number };

/**
 * Chunks of an IOB tag sequence, with conlleval's rules: an `I-X` after `O` or after another type starts a chunk,
 * so IOB1 and sloppy predictions are scored the way the official perl script scores them.
 */
export function iobChunks(tags: readonly string[]): Chunk[] {
  const out: Chunk[] = [];
  let cur: Chunk | null = null;
  for (let i = 0; i < tags.length; i++) {
    const tag = tags[i]!;
    const prefix = tag[0];
    const type = tag.length > 2 ? tag.slice(2) : '';
    const continues = cur !== null && (prefix === 'I' || prefix === 'L') && cur.type === type;
    if (continues) { cur!.end = i + 1; continue; }
    if (cur) { out.push(cur); cur = null; }
    if (prefix === 'B' || prefix === 'I' || prefix === 'U' || prefix === 'L' || prefix === 'S' || prefix === 'E') {
      cur = { type, start: i, end: i + 1 };
    }
  }
  if (cur) out.push(cur);
  return out;
}

/** Precision/recall/F1 with the counts they came from. */
export type Prf = { precision: number; recall: number; f1: number; gold: number; predicted: number; correct: number };
/** Per-type scores plus the micro average over the chosen type set. */
export type IobScore = { byType: Record<string, Prf>; micro: Prf };

function prf(gold: number, predicted: number, correct: number): Prf {
  const precision = predicted ? correct / predicted : 0;
  const recall = gold ? correct / gold : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1, gold, predicted, correct };
}

/**
 * Entity-level exact-match scoring (conlleval): a predicted chunk counts only if its type and both bounds match.
 * `gold`/`pred` are per-sentence tag arrays; `types` picks which types enter the micro average (all by default).
 */
export function scoreIob(gold: readonly (readonly string[])[], pred: readonly (readonly string[])[], types?: readonly string[]): IobScore {
  if (gold.length !== pred.length) throw new Error(`scoreIob: ${gold.length} gold vs ${pred.length} predicted sentences`);
  const counts = new Map<string, { g: number; p: number; c: number }>();
  const bump = (t: string): { g: number; p: number; c: number } => {
    let e = counts.get(t);
    if (!e) counts.set(t, (e = { g: 0, p: 0, c: 0 }));
    return e;
  };
  for (let s = 0; s < gold.length; s++) {
    const g = iobChunks(gold[s]!);
    const p = iobChunks(pred[s]!);
    const goldKeys = new Set(g.map((c) => `${c.type}:${c.start}:${c.end}`));
    for (const c of g) bump(c.type).g++;
    for (const c of p) {
      const e = bump(c.type);
      e.p++;
      if (goldKeys.has(`${c.type}:${c.start}:${c.end}`)) e.c++;
    }
  }
  const byType: Record<string, Prf> = {};
  for (const t of [...counts.keys()].sort()) {
    const e = counts.get(t)!;
    byType[t] = prf(e.g, e.p, e.c);
  }
  const chosen = types ?? Object.keys(byType);
  let g = 0, p = 0, c = 0;
  for (const t of chosen) {
    const e = counts.get(t);
    if (e) { g += e.g; p += e.p; c += e.c; }
  }
  return { byType, micro: prf(g, p, c) };
}
