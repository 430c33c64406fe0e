import { describe, expect, test } from 'vitest';
import { findRuleSpans } from '../../../src/core/entities/rules';

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
