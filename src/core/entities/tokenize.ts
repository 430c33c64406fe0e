/**
 * CoNLL-like tokeniser for real article text. The tagger was trained on Reuters text tokenised PTB-style, so we
 * reproduce that split ("Japan's" → "Japan" "'s", "U.S." one token, "1996-08-22" one token, quotes/commas apart),
 * keeping char offsets into the original string so entities can be painted back onto the page.
 */

/** A token with offsets into the original text (`end` exclusive): `text.slice(start, end) === token.text`. */
export type Token = { text: string; start: number; end: number };

// Defined once up here so the scanner does not rebuild regexes per call (RDB's REGEXPS block).
const TOKEN_RE = new RegExp(
  [
    // URLs and e-mail addresses stay whole: splitting them would give the tagger nonsense "words".
    String.raw`https?:\/\/[^\s<>"“”‘’]*[^\s<>"“”‘’.,;:!?)\]]`,
    String.raw`[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}`,
    // Initialisms with dots: U.S., U.N., a.m., N.J. (CoNLL keeps them as one token).
    String.raw`(?:\p{L}\.){2,}(?!\p{L})`,
    // Words and numbers. Joiners are kept inside when flanked by word chars: 1996-08-22, 1,000, 22:03, AT&T, O'Brien.
    String.raw`[\p{L}\p{M}\p{N}]+(?:(?:[-&.\u2010\u2011]|(?<=\p{N})[,:/](?=\p{N})|['’](?=\p{L}))[\p{L}\p{M}\p{N}]+)*`,
    // Multi-char punctuation that CoNLL keeps together.
    String.raw`\.{2,}|-{2,}|[!?]{2,}`,
    // Emoji sequences (ZWJ families, flags with variation selectors) as one token.
    String.raw`\p{Extended_Pictographic}(?:[\u{FE0F}\u{1F3FB}-\u{1F3FF}]|\u200D\p{Extended_Pictographic})*`,
    String.raw`\p{Regional_Indicator}{2}`,
    // Anything else that is not a space: one code point per token.
    String.raw`[^\s\u200B-\u200D\u2060\u00AD]`,
  ].join('|'),
  'gu',
);

// "n't" and "'s" etc. are separate tokens in CoNLL ("Japan 's", "do n't").
const CLITIC_RE = /^(.+?)(n['’]t|['’](?:s|re|ve|ll|d|m))$/iu;

// Abbreviations that keep their final period (so a sentence does not end on "Mr." or "Corp.").
const ABBREVIATIONS = new Set(
  ('mr mrs ms dr st jr sr corp inc ltd co cos bros plc gen sen rep gov lt col capt sgt prof rev hon mt ft ave blvd ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec vs no nos vol fig est dept univ assn ' +
    'ala ariz ark calif colo conn del fla ga ill ind kan ky la md mass mich minn miss mo mont neb nev okla ore pa ' +
    'tenn tex va vt wash wis wyo')
    .split(' '),
);

// Words that start a new sentence even right after "U.S." or "Inc.".
const SENTENCE_STARTERS = new Set(
  'the a an he she it they we i but in this that there his her its their if on at for as after when while however'.split(' '),
);

/**
 * Split `text` into tokens. Never throws: any code point that is not a space ends up in some token, and offsets are
 * always valid UTF-16 indices into `text`.
 */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  TOKEN_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TOKEN_RE.exec(text)) !== null) {
    let word = m[0];
    const start = m.index;
    let end = start + word.length;
    if (text.charCodeAt(end) === 46 /* . */ && !word.includes('.') && /^\p{L}/u.test(word)) {
      // Keep the period of an abbreviation or of a single-letter initial ("John J. Smith", "Mr.").
      // (A letter right after the period can't occur here: the word pattern joins "a.b" into one token.)
      if (ABBREVIATIONS.has(word.toLowerCase()) || /^\p{Lu}$/u.test(word)) {
        word += '.';
        end += 1;
        TOKEN_RE.lastIndex = end;
      }
    }
    // Most tokens have no apostrophe: testing for one first skips a u-flag regexp run per token.
    const clitic = word.includes("'") || word.includes('’') ? CLITIC_RE.exec(word) : null;
    if (clitic && clitic[1] && /\p{L}$/u.test(clitic[1])) {
      const cut = start + clitic[1].length;
      out.push({ text: clitic[1], start, end: cut });
      out.push({ text: word.slice(clitic[1].length), start: cut, end });
    } else {
      out.push({ text: word, start, end });
    }
  }
  return out;
}

/** Whether `text` holds a line break in [from, to), the space between two tokens (read in place, not sliced). */
function breaksLine(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (text.charCodeAt(k) === 10) return true;
  return false;
}

const CLOSERS = new Set(['”', '’', ')', ']', '»', '›']);
const isCloser = (tok: Token, prev: Token): boolean =>
  CLOSERS.has(tok.text) || ((tok.text === '"' || tok.text === "'") && tok.start === prev.end);

/**
 * Group tokens into sentences. A sentence ends after `.`/`!`/`?`/`...` (plus closing quotes/brackets) when the next
 * token looks like a sentence start; abbreviation tokens such as "Mr." end one only before an obvious starter word.
 * With `text`, a line break between two tokens also ends a sentence (headlines, datelines, list items).
 */
export function splitSentences(tokens: readonly Token[], text?: string): Token[][] {
  const out: Token[][] = [];
  let cur: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i]!;
    cur.push(tok);
    const next = tokens[i + 1];
    if (!next) break;
    if (text !== undefined && breaksLine(text, tok.end, next.start)) {
      out.push(cur);
      cur = [];
      continue;
    }
    const t = tok.text;
    let ends = false;
    if (t === '.' || t === '!' || t === '?' || t === '…' || /^(?:\.{2,}|[!?]{2,})$/.test(t)) {
      // Keep closing quotes/brackets with the sentence they close. A straight quote is ambiguous: it closes only
      // when it touches the punctuation ('said."' vs '! "Fine').
      let j = i;
      while (tokens[j + 1] && isCloser(tokens[j + 1]!, tokens[j]!)) j++;
      while (i < j) cur.push(tokens[++i]!);
      const after = tokens[i + 1];
      ends = !after || /^[\p{Lu}\p{N}"“‘'(\[]/u.test(after.text) || (text !== undefined && breaksLine(text, tokens[i]!.end, after.start));
    } else if (t.length > 1 && t.endsWith('.') && /\p{L}/u.test(t)) {
      ends = SENTENCE_STARTERS.has(next.text.toLowerCase()) && /^\p{Lu}/u.test(next.text);
    }
    if (ends) {
      out.push(cur);
      cur = [];
    }
  }
  if (cur.length) out.push(cur);
  return out;
}
