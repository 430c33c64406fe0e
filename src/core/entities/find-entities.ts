/**
 * Text → entity spans: tokenise, tag with the perceptron model (PER/LOC/ORG/MISC), make names consistent across the
 * document, then add DATE/TIME/MONEY/PERCENT from rules where no name was found. Strings only (STYLE.md §1): mapping
 * offsets onto DOM nodes is text-index.ts's job.
 */
import { findRuleSpans } from './rules';
import { namesApply } from './language';
import { TYPES, labelPos, labelType } from './perceptron';
import type { Tagger } from './tagger';
import { type Token, splitSentences, tokenize } from './tokenize';

/** Every entity type NewsLens highlights. */
export type EntityType = 'PER' | 'LOC' | 'ORG' | 'MISC' | 'DATE' | 'TIME' | 'MONEY' | 'PERCENT';
/** An entity: `text === source.slice(start, end)`. */
export type EntitySpan = { type: EntityType; text: string; start: number; end: number };

type NameSpan = { type: number; tokens: Token[]; sent: number; from: number; to: number };

// Capitalised words that are parts of names but do not name anything alone ("Ministry" from "Foreign Ministry").
const NOT_ALONE = new Set(
  ('the of and for de la le van von der du da al bin new north south east west central national international united ' +
    'republic democratic party ministry minister foreign prime president state states university city county house ' +
    'club bank group corp inc ltd co company association council committee union league cup open st mr mrs dr')
    .split(' '),
);

/**
 * Find entities in plain text. Spans are sorted by start and never overlap; model names win over rule matches.
 * The whole text is one document for the tagger's document-level features and for the consistency pass. `withNames`:
 * look for names (PER/LOC/ORG/MISC) at all; callers that know the text's declared language pass namesApply(text,
 * lang), decided once for a whole article (its parts must not each decide by their own script).
 */
export function findEntities(text: string, tagger: Tagger, withNames = namesApply(text)): EntitySpan[] {
  const out = withNames ? modelNames(text, tagger) : [];
  // Rules fill the gaps: a rule span overlapping any model name is dropped.
  const merged: EntitySpan[] = [];
  let k = 0;
  for (const r of findRuleSpans(text)) {
    while (k < out.length && out[k]!.end <= r.start) merged.push(out[k++]!);
    if (k < out.length && out[k]!.start < r.end) continue;
    merged.push({ type: r.type, text: text.slice(r.start, r.end), start: r.start, end: r.end });
  }
  while (k < out.length) merged.push(out[k++]!);
  return merged;
}

/** Names found by the model, made consistent across the text, sorted by start. */
function modelNames(text: string, tagger: Tagger): EntitySpan[] {
  const sentences = splitSentences(tokenize(text), text);
  const labels = tagger.labelSentences(sentences.map((s) => s.map((t) => t.text)));
  const names: NameSpan[] = [];
  sentences.forEach((s, si) => {
    const ls = labels[si]!;
    for (let i = 0; i < s.length; i++) {
      const l = ls[i]!;
      if (l === 0 || labelPos(l) === 1 || labelPos(l) === 2) continue; // B or U opens a name
      let j = i + 1;
      if (labelPos(l) === 0) while (j < s.length && ls[j] !== 0 && labelPos(ls[j]!) !== 0 && labelPos(ls[j]!) !== 3) j++;
      names.push({ type: labelType(l), tokens: s.slice(i, j), sent: si, from: i, to: j });
      i = j - 1;
    }
  });
  const consistent = makeConsistent(sentences, names);
  const out: EntitySpan[] = [];
  for (const n of consistent) {
    const start = n.tokens[0]!.start, end = n.tokens[n.tokens.length - 1]!.end;
    out.push({ type: TYPES[n.type]!, text: text.slice(start, end), start, end });
  }
  return out.sort((a, b) => a.start - b.start);
}

const key = (tokens: readonly Token[]): string => tokens.map((t) => t.text).join(' ');

/**
 * Document consistency. (1) A name string gets the type most of its mentions got. (2) A capitalised part of an
 * earlier multi-token name ("Okada" of "Katsuya Okada") takes that name's type wherever it appears, including where
 * the model missed it. Longer model spans are never cut.
 */
function makeConsistent(sentences: readonly Token[][], names: NameSpan[]): NameSpan[] {
  const votes = new Map<string, Int32Array>();
  for (const n of names) {
    const k = key(n.tokens);
    let v = votes.get(k);
    if (!v) votes.set(k, (v = new Int32Array(TYPES.length)));
    v[n.type]++;
  }
  const lowerSeen = new Set<string>();
  for (const s of sentences) for (const t of s) if (t.text === t.text.toLowerCase()) lowerSeen.add(t.text);
  // dict: token sequence → type; byFirst lets the scan try only entries starting with the current token.
  // Majority type per exact name string first; then parts of multi-token names (first name in document order wins).
  const dict = new Map<string, number>();
  for (const [k, v] of votes) {
    let best = 0;
    for (let t = 1; t < v.length; t++) if (v[t]! > v[best]!) best = t;
    dict.set(k, best);
  }
  const fromParts = new Set<string>();
  for (const n of names) {
    if (n.tokens.length < 2) continue;
    for (let a = 0; a < n.tokens.length; a++) {
      for (let b = a + 1; b <= n.tokens.length; b++) {
        if (b - a === n.tokens.length) continue;
        const part = n.tokens.slice(a, b);
        const first = part[0]!.text, last = part[part.length - 1]!.text;
        if (!/^\p{Lu}/u.test(first) || !/^\p{Lu}/u.test(last)) continue;
        const single = part.length === 1;
        if (single && (first.length < 2 || first.endsWith('.') || NOT_ALONE.has(first.toLowerCase()) || lowerSeen.has(first.toLowerCase()))) continue;
        // Parts of people's names are safe alone (surnames). A lone word of another name is not: "Japan" of
        // "Japan Airlines", "Tuesday" of "Tuesday Morning Corp".
        if (single && n.type !== 0) continue;
        const k = key(part);
        if (fromParts.has(k)) continue;
        dict.set(k, n.type);
        fromParts.add(k);
      }
    }
  }
  const byFirst = new Map<string, number[]>();
  for (const k of dict.keys()) {
    const first = k.split(' ', 1)[0]!;
    const lens = byFirst.get(first) ?? [];
    const len = k.split(' ').length;
    if (!lens.includes(len)) lens.push(len);
    byFirst.set(first, lens.sort((x, y) => y - x));
  }
  const bySent = new Map<number, NameSpan[]>();
  for (const n of names) (bySent.get(n.sent) ?? bySent.set(n.sent, []).get(n.sent)!).push(n);
  const out: NameSpan[] = [];
  sentences.forEach((s, si) => {
    const existing = bySent.get(si) ?? [];
    const owner = new Int32Array(s.length).fill(-1);
    existing.forEach((n, idx) => { for (let i = n.from; i < n.to; i++) owner[i] = idx; });
    const retype = existing.map((n) => n.type);
    const added: NameSpan[] = [];
    for (let i = 0; i < s.length; i++) {
      const lens = byFirst.get(s[i]!.text);
      if (!lens) continue;
      for (const len of lens) {
        if (i + len > s.length) continue;
        const k = key(s.slice(i, i + len));
        const t = dict.get(k);
        if (t === undefined) continue;
        const o = owner[i]!;
        const exact = o >= 0 && existing[o]!.from === i && existing[o]!.to === i + len;
        let free = true;
        for (let j = i; j < i + len; j++) if (owner[j]! >= 0) free = false;
        const word = s[i]!.text.toLowerCase();
        // A one-word name repeated from the model's own output is added only where it can't be a common word.
        if (!exact && len === 1 && (lowerSeen.has(word) || NOT_ALONE.has(word))) break;
        // Only a part of a person's name overrides the model's type for a mention: the model's own per-mention type
        // (with document history) beat majority voting on CoNLL valid, e.g. "MILWAUKEE" the team vs the city.
        if (exact && fromParts.has(k)) retype[o] = t;
        else if (free) added.push({ type: t, tokens: s.slice(i, i + len), sent: si, from: i, to: i + len });
        else continue;
        i += len - 1;
        break;
      }
    }
    existing.forEach((n, idx) => out.push({ ...n, type: retype[idx]! }));
    out.push(...added);
  });
  return out;
}
