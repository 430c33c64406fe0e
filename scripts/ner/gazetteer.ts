/**
 * Gazetteer harvested from the training data's gold entity names. Only hashes of the lower-cased token sequences and
 * a type mask ship, never the names or any sentence. During training each document sees a leave-one-document-out
 * view (a name counts only if some *other* document has it), so the model learns how far a gazetteer hit can be
 * trusted for a name it has not seen in this document, the situation at run time.
 */
import { iobChunks, type ConllDocument } from '../../src/core/entities/conll';
import { MAX_GAZ_LEN, seqHash, type Lexicons } from '../../src/core/entities/features';
import { NUM_TYPES, TYPES } from '../../src/core/entities/perceptron';

/** Gazetteer with per-document views for training and the full table for the model. */
export type Gazetteer = {
  /** Type mask for `seq` as seen from document `doc` (its own names removed). */
  leaveOneOut(doc: number, seq: number): number;
  keys: Uint32Array;
  masks: Uint8Array;
};

/** Hash of a name as the tagger computes it when matching (see features.ts gazetteerCodes). */
export function nameHash(tokens: readonly string[]): number {
  let h = 0;
  for (const t of tokens) h = seqHash(h, t.toLowerCase());
  return h;
}

/** Collect names per type with the number of documents they occur in. */
export function buildGazetteer(docs: readonly ConllDocument[], minDocs = 1): Gazetteer {
  const docCounts = new Map<number, Int32Array>();
  const own: Map<number, number>[] = [];
  docs.forEach((doc) => {
    const mine = new Map<number, number>();
    for (const s of doc.sentences) {
      for (const c of iobChunks(s.tags)) {
        const t = (TYPES as readonly string[]).indexOf(c.type);
        if (t < 0 || c.end - c.start > MAX_GAZ_LEN) continue;
        const h = nameHash(s.tokens.slice(c.start, c.end));
        mine.set(h, (mine.get(h) ?? 0) | (1 << t));
      }
    }
    for (const [h, mask] of mine) {
      let counts = docCounts.get(h);
      if (!counts) docCounts.set(h, (counts = new Int32Array(NUM_TYPES)));
      for (let t = 0; t < NUM_TYPES; t++) if (mask & (1 << t)) counts[t]++;
    }
    own.push(mine);
  });
  const keys = [...docCounts.keys()].sort((a, b) => a - b);
  const full = keys.map((h) => {
    const c = docCounts.get(h)!;
    let m = 0;
    for (let t = 0; t < NUM_TYPES; t++) if (c[t]! >= minDocs) m |= 1 << t;
    return m;
  });
  const kept = keys.map((k, i) => [k, full[i]!] as const).filter(([, m]) => m !== 0);
  return {
    keys: Uint32Array.from(kept.map(([k]) => k)),
    masks: Uint8Array.from(kept.map(([, m]) => m)),
    leaveOneOut(doc, seq) {
      const c = docCounts.get(seq);
      if (!c) return 0;
      const mine = own[doc]!.get(seq) ?? 0;
      let m = 0;
      for (let t = 0; t < NUM_TYPES; t++) if (c[t]! - ((mine >> t) & 1) >= minDocs) m |= 1 << t;
      return m;
    },
  };
}

/** Lexicons for training document `doc`: the leave-one-out gazetteer. */
export function trainingLexicons(gaz: Gazetteer): (doc: number) => Lexicons {
  return (doc) => ({ gazetteer: (seq) => gaz.leaveOneOut(doc, seq) });
}
