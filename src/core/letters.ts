/**
 * Roughly a letter of lower-cased text, or of any text in a case-insensitive (i flag) pattern, as a character-class
 * body: ASCII, Latin-1 and Latin Extended letters (not × ÷), Greek, Cyrillic, Latin Extended Additional and Greek
 * Extended, kana, CJK ideographs and Hangul. Not \p{L}: other scripts (Hebrew, Arabic, Indic...) and letters beyond the
 * BMP are left out, and a few non-letters inside these blocks are in (Greek ";" U+037E and "·" U+0387, "・" U+30FB,
 * Yijing hexagrams, Cyrillic combining marks). Spelled as ranges because a \p class needs the u flag, and with it a
 * pattern takes milliseconds to compile on first use (the clutter cues that use it took 3-10 ms each, about 30 ms of
 * every page's start-up in Chromium; as ranges, 0.1-0.3 ms).
 */
export const LOWER_LETTERS = 'a-z\\u00b5\\u00df-\\u00f6\\u00f8-\\u024f\\u0370-\\u052f\\u1e00-\\u1fff\\u3040-\\u30ff\\u3400-\\u9fff\\uac00-\\ud7af';
