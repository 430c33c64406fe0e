/**
 * Whether to look for names (PER/LOC/ORG/MISC) in a text. The model was trained on English news (CoNLL-2003): on
 * other languages it labels capitalised words at random (Russian surnames as places, every German noun as a name),
 * which is worse than no highlights. Dates, money and percentages come from rules and are found regardless.
 */

/** Characters sampled to decide the script of a text without a declared language. */
const SAMPLE = 20_000;

/**
 * True for English text: a declared language (`lang`, e.g. the page's <html lang>) must be English; without one,
 * Latin letters must be at least as many as letters of other scripts.
 */
export function namesApply(text: string, lang = ''): boolean {
  const declared = lang.trim().toLowerCase();
  // "und" (undetermined), "mul" (several), "zxx" (no language) declare nothing: the script decides.
  if (declared && !/^(?:und|mul|zxx)(?:$|[-_])/.test(declared)) return /^en(?:$|[-_])/.test(declared);
  let latin = 0, other = 0;
  for (let i = 0, end = Math.min(text.length, SAMPLE); i < end; i++) {
    const c = text.charCodeAt(i);
    const lower = c | 32;
    // Latin: ASCII, Latin-1 and Extended-A/B letters, Latin Extended Additional (Vietnamese).
    if ((lower >= 97 && lower <= 122) || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) || (c >= 0x1e00 && c <= 0x1eff)) latin++;
    // Letters of other scripts; not punctuation, symbols, CJK punctuation, surrogates (emoji) or variation selectors.
    else if (c >= 0x370 && !(c >= 0x2000 && c <= 0x2bff) && !(c >= 0x3000 && c <= 0x303f) && !(c >= 0xd800 && c <= 0xdfff) && !(c >= 0xfe00 && c <= 0xfe0f)) other++;
  }
  return latin >= other;
}
