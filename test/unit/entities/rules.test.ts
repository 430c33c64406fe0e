import { describe, expect, test, vi } from 'vitest';
import fc from 'fast-check';
import { RULES, findRuleSpans, ruleSpans } from '../../../src/core/entities/rules';

const found = (s: string): [string, string][] => findRuleSpans(s).map((r) => [r.type, s.slice(r.start, r.end)]);

describe('findRuleSpans', () => {
  test.each([
    ['22:03, June 10, 2010', [['TIME', '22:03'], ['DATE', 'June 10, 2010']]],
    ['It closed on Sept. 28, 2011.', [['DATE', 'Sept. 28, 2011']]],
    ['Filed 2010-06-10 and 10/06/2010', [['DATE', '2010-06-10'], ['DATE', '10/06/2010']]],
    ['on Thursday, June 10, 2010 at 10 a.m.', [['DATE', 'Thursday, June 10, 2010'], ['TIME', '10 a.m.']]],
    ['a $5 million deal and £23.99 each', [['MONEY', '$5 million'], ['MONEY', '£23.99']]],
    ['up 40 percent, or 12%, or 3.5 per cent', [['PERCENT', '40 percent'], ['PERCENT', '12%'], ['PERCENT', '3.5 per cent']]],
    ['He paid 300 yen and US$ 40', [['MONEY', '300 yen'], ['MONEY', 'US$ 40']]],
    ['le 10 juin 2010, am 10. Juni 2010, el 5 de mayo de 2011', [['DATE', '10 juin 2010'], ['DATE', '10. Juni 2010'], ['DATE', '5 de mayo de 2011']]],
    // As before the rule lost its u flag: case-insensitive across accents (FÉVRIER), and a month must end at a
    // non-letter (no "10 maio" in "10 maioria").
    ['LE 3 FÉVRIER 2011, am 4. März, 10 maioria, 7 août', [['DATE', '3 FÉVRIER 2011'], ['DATE', '4. März'], ['DATE', '7 août']]],
    ['since 1996, yesterday', [['DATE', '1996'], ['DATE', 'yesterday']]],
  ])('%s', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  describe('leaves ordinary words alone', () => {
    test.each(['She may march in May.', 'He scored 3 goals in 90 minutes', 'Section 12.5 of the text'])('%s', (text) => {
      expect(found(text)).toEqual([]);
    });
  });

  test('spans are sorted and disjoint', () => {
    const spans = findRuleSpans('Monday, June 10, 2010 22:03 GMT $5m 12% Tuesday');
    for (let i = 1; i < spans.length; i++) expect(spans[i]!.start).toBeGreaterThanOrEqual(spans[i - 1]!.end);
  });
});

describe('rules split for cheap compiling give the spans of their one-regexp form', () => {
  const NUM = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;
  const CURRENCY_WORD = String.raw`(?:dollars?|euros?|pounds?(?: sterling)?|yen|yuan|renminbi|rupees?|francs?|marks?|roubles?|rubles?|pesos?|cents?|pence|won|lira|rand|dinars?|riyals?|shekels?)`;
  // The money-word rule as one pattern (its form before it was split into the currency word and the amount before it).
  const whole = new RegExp(String.raw`\b(?:${NUM})(?:\s?(?:hundred|thousand|million|billion|trillion))?\s${CURRENCY_WORD}\b`, 'gi');
  const rule = RULES.find((r) => r.before)!;
  const wholeSpans = (text: string) => [...text.matchAll(whole)].map((m) => ({ type: 'MONEY', start: m.index, end: m.index + m[0].length }));

  // Text made of the pieces that decide these matches: digits and separators, spaces, scale and currency words in
  // any case, other words, and a currency word's neighbours ("pounds sterling", "per cent").
  const pieces = ['1', '5', '0', '12', '1,000', '2.5', ',', '.', ',00', ' ', '  ', '\n', '\u00a0', 'million', 'Million', 'billion', 'hundred', 'thousand', 'dollars', 'Dollar', 'pounds', ' sterling', 'pound', 'won', 'cents', 'per cent', 'percent', 'yen', 'YEN', 'euro', 'A', 'x', '_', '$', 'marks', 'market', 'rand', 'brand', 'the', '-'];
  const texts = fc.array(fc.constantFrom(...pieces), { maxLength: 30 }).map((xs) => xs.join(''));

  test('on random text of amounts, scale and currency words', () => {
    fc.assert(fc.property(texts, (text) => {
      expect(ruleSpans(rule, text)).toEqual(wholeSpans(text));
    }), { numRuns: 5000, seed: 11 });
  });

  test('on amounts far longer than the window the amount is looked for in', () => {
    for (const text of [`${'9'.repeat(100)} million dollars`, `x ${'1,000'.repeat(30)} euros`, `${'5'.repeat(70)}million yen and 3 won`, `A${'1'.repeat(80)} dollars`])
      expect(ruleSpans(rule, text)).toEqual(wholeSpans(text));
  });

  test('the ISO-code rule runs only on text holding a code, and finds what it did', () => {
    const iso = RULES.find((r) => r.note.startsWith('USD 5 million'))!;
    expect(ruleSpans(iso, 'It cost USD 5 million.')).toHaveLength(1);
    expect(found('It cost USD 5 million, or 4 million EUR.')).toEqual([['MONEY', 'USD 5 million'], ['MONEY', '4 million EUR']]);
    // Without a code in the text the rule's regexp is not run at all (so never compiled in a fresh worker).
    const exec = vi.spyOn(iso.re, 'exec');
    expect(ruleSpans(iso, 'It cost 5 million, about the same.')).toEqual([]);
    expect(exec).not.toHaveBeenCalled();
    exec.mockRestore();
  });
});

describe('needs', () => {
  // fast-check cannot generate \b or \B; without them a pattern matches more strings, so the check is stricter. Nor
  // can it use the i flag: a case-insensitive pattern's matches are its case-sensitive ones with any letters' case
  // changed, so those are generated, then their case changed at random.
  test.each(RULES.filter((r) => r.needs).map((r) => [r.note, r] as const))('every match of "%s" holds what the rule needs', (_, rule) => {
    const loose = new RegExp(rule.re.source.replaceAll('\\b', '').replaceAll('\\B', ''), rule.re.flags.replace(/[gi]/g, ''));
    const anyCase = rule.re.flags.includes('i');
    const strings = fc.tuple(fc.stringMatching(loose), fc.array(fc.boolean(), { minLength: 64, maxLength: 64 })).map(([s, up]) =>
      anyCase ? [...s].map((c, i) => (up[i % 64] ? c.toUpperCase() : c.toLowerCase())).join('') : s,
    );
    fc.assert(fc.property(strings, (s) => rule.needs!.test(s)), { numRuns: 2000, seed: 5 });
  });
});
