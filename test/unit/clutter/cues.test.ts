import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { ALL_CUES, caseless, cueProblem, TEXT_CUE, INLINE_RELATED, AD_WORDS, FOOTER_TEXT } from '../../../src/core/clutter/cues.js';
import '../../../src/core/clutter/row-tests.js'; // these two register their cues in ALL_CUES
import '../../../src/core/clutter/structure.js';
import '../../../src/core/clutter/analyze.js'; // and everything the engine uses

// The project's cues, before the tests below make their own (one of them with needs left short on purpose).
const PROJECT_CUES = [...ALL_CUES];

describe('caseless cues', () => {
  test('match whatever the case of the text, in several scripts', () => {
    expect(TEXT_CUE.related.test('RELATED STORIES')).toBe(true);
    expect(TEXT_CUE.comments.test('Kommentare (12)')).toBe(true);
    expect(TEXT_CUE.comments.test('КОММЕНТАРИИ')).toBe(true);
    expect(TEXT_CUE.social.test('A+')).toBe(true);
    expect(TEXT_CUE.related.test('The related problem of the harbour')).toBe(false);
  });

  test('keep the u flag where the pattern needs it (\\p{L})', () => {
    expect(INLINE_RELATED.test('LIRE AUSSI notre enquête : le port')).toBe(true);
    expect(INLINE_RELATED.test('Lesen Sie auch Überraschung: mehr')).toBe(true);
  });

  test('find words outside ASCII as whole words (JavaScript\'s \\b knows only ASCII letters)', () => {
    expect(AD_WORDS.test('Реклама')).toBe(true);
    expect(AD_WORDS.test('Publicité – partenaire')).toBe(true);
    expect(AD_WORDS.test('Рекламаций нет')).toBe(false); // a longer word that starts the same
    expect(AD_WORDS.test('advertisements of the past')).toBe(false);
    expect(FOOTER_TEXT.test('© 2019 Le Monde. Tous droits réservés.')).toBe(true);
    const cue = caseless(/\bsuivant\b|\bsuite\b|\bé\b/i, ['suivant', 'suite', 'é']);
    expect(cue.test('Lire la suite')).toBe(true);
    expect(cue.test('la suiteé')).toBe(false);
    // Chinese and Japanese words end a word too (they had no boundary with the Latin-only ranges).
    const share = caseless(/^\W*(?:share|поделиться|分享|シェア)\b/i, ['share', 'поделиться', '分享', 'シェア']);
    for (const label of ['分享', '分享：', 'シェア', 'シェアする', 'Поделиться:']) expect(share.test(label), label).toBe(label !== 'シェアする');
  });

  test('say when a source or a need has an upper-case letter (it could never match lower-cased text), and no cue of ours has one', () => {
    expect(cueProblem(caseless(/^(?:News|more)$/i, ['news']))).toMatch(/upper-case/);
    expect(cueProblem(caseless(/^(?:Über|more)$/i, ['more']))).toMatch(/upper-case/);
    expect(cueProblem(caseless(/^\W+\d\S(?:more)$/i, ['more']))).toBeNull();
    expect(cueProblem(caseless(/^more$/i, ['More']))).toMatch(/not lower case/);
    expect(cueProblem(caseless(/^more$/i, ['more', '']))).toMatch(/empty/);
    // Every cue of the project: checked here rather than as the table is built, which every page would pay for.
    expect(PROJECT_CUES.length).toBeGreaterThanOrEqual(20);
    for (const cue of PROJECT_CUES) expect(cueProblem(cue)).toBeNull();
  });

  // The needs are a prefilter: a need missing from the list would make its words silently stop matching.
  test('every string a cue matches contains one of its needs (strings generated from each pattern)', () => {
    expect(PROJECT_CUES.length).toBeGreaterThanOrEqual(20);
    for (const cue of PROJECT_CUES) {
      // fast-check cannot generate \b; without it the pattern matches more strings, so the check is stricter.
      const loose = new RegExp(cue.source.replace(/\\\\|\\b/g, (m) => (m === '\\b' ? '' : m)));
      const found = fc.check(fc.property(fc.stringMatching(loose), (s) => cue.needs.some((n) => s.includes(n))), { numRuns: 3000, seed: 7 });
      expect(found.counterexample, `/${cue.source.slice(0, 60)}…/`).toBeNull();
    }
  });

  test('a text with none of the needs never reaches the pattern; one with a need is tested by it', () => {
    // The pattern matches "less", but "less" holds no need: the prefilter decides.
    expect(caseless(/^(?:more|less)$/, ['more']).test('Less')).toBe(false);
    expect(caseless(/^(?:more|less)$/, ['more', 'less']).test('Less')).toBe(true);
    expect(TEXT_CUE.comments.test('Comments (12)')).toBe(true);
    expect(TEXT_CUE.comments.test('Comments about the harbour at dawn')).toBe(false); // a need, but not the pattern
  });
});
