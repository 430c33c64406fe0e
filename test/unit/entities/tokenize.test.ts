import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { splitSentences, tokenize } from '../../../src/core/entities/tokenize';

const texts = (s: string): string[] => tokenize(s).map((t) => t.text);

describe('tokenize', () => {
  describe('splits like CoNLL-2003', () => {
    test.each([
      ["Japan's minister", ['Japan', "'s", 'minister']],
      ['Japan’s minister', ['Japan', '’s', 'minister']],
      ["They don't know", ['They', 'do', "n't", 'know']],
      ['the U.S. economy', ['the', 'U.S.', 'economy']],
      ['on 1996-08-22 at 22:03', ['on', '1996-08-22', 'at', '22:03']],
      ['"Yes," he said.', ['"', 'Yes', ',', '"', 'he', 'said', '.']],
      ['“Yes”, he said', ['“', 'Yes', '”', ',', 'he', 'said']],
      ['1,000 people paid $5.50', ['1,000', 'people', 'paid', '$', '5.50']],
      ['up 12% — a record', ['up', '12', '%', '—', 'a', 'record']],
      ['Mr. Smith and John J. Doe of Acme Corp.', ['Mr.', 'Smith', 'and', 'John', 'J.', 'Doe', 'of', 'Acme', 'Corp.']],
      ["O'Brien's AT&T long-standing", ["O'Brien", "'s", 'AT&T', 'long-standing']],
      ['東京 Zürich naïve Москва', ['東京', 'Zürich', 'naïve', 'Москва']],
    ])('%s', (input, expected) => {
      expect(texts(input)).toEqual(expected);
    });
  });

  test('keeps an emoji sequence together and never drops a non-space character', () => {
    const s = 'Fans 👨‍👩‍👧 cheered 🇯🇵👍🏽!';
    const toks = tokenize(s);
    expect(toks.map((t) => t.text)).toContain('👨‍👩‍👧');
    expect(toks.map((t) => t.text).join('')).toBe(s.replace(/\s/g, ''));
  });

  // Property: on any mix of messy real-world characters, offsets are exact, ordered and disjoint.
  const MESSY = [...'aZ09 .,;:\'"’“”‘—–-$€£%&@/()[]\n\t\u00a0\u200bÄßé東京Мо👍🏽🇯🇵‍'];
  test('offsets are exact on arbitrary messy text', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...MESSY), { maxLength: 80 }).map((a) => a.join('')), (s) => {
        let last = 0;
        for (const t of tokenize(s)) {
          expect(s.slice(t.start, t.end)).toBe(t.text);
          expect(t.start).toBeGreaterThanOrEqual(last);
          expect(t.end).toBeGreaterThan(t.start);
          last = t.end;
        }
      }),
      { numRuns: 300, seed: 7 },
    );
  });

  test('offsets are exact on an article-like paragraph', () => {
    const s = 'TOKYO (Reuters) — Japan’s FM Katsuya Okada said on Sept. 28, 2011: “We’ll see.” Shares fell 3.5% to ¥1,200…';
    for (const t of tokenize(s)) expect(s.slice(t.start, t.end)).toBe(t.text);
  });
});

describe('splitSentences', () => {
  test('ends sentences at final punctuation but not after abbreviations', () => {
    const s = 'Mr. Okada met Gen. Smith in the U.S. on Monday. They talked! "Fine," he said. Then he left.';
    const sents = splitSentences(tokenize(s)).map((x) => x.map((t) => t.text).join(' '));
    expect(sents).toEqual(['Mr. Okada met Gen. Smith in the U.S. on Monday .', 'They talked !', '" Fine , " he said .', 'Then he left .']);
  });

  test('a line break ends a sentence when the text is given', () => {
    const s = 'Japan continues to advance ties with Russia: FM\n\n22:03, June 10, 2010';
    expect(splitSentences(tokenize(s), s)).toHaveLength(2);
    expect(splitSentences(tokenize(s))).toHaveLength(1);
  });
});
