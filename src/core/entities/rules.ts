/**
 * DATE / TIME / MONEY / PERCENT spans by regular expressions over raw text. These are closed classes with regular
 * surface forms, so rules beat a statistical model here (and CoNLL-2003 has no labels for them anyway).
 */

import { LOWER_LETTERS } from '../letters';

/** Entity types found by rules. */
export type RuleType = 'DATE' | 'TIME' | 'MONEY' | 'PERCENT';
/** A rule match: `text.slice(start, end)` is the matched text. */
export type RuleSpan = { type: RuleType; start: number; end: number };

// English months; "May" and "March" are also a verb/name/noun, so they count only next to a day or year (below).
const EN_MONTH = String.raw`(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|Aug(?:ust|\.)?|Sep(?:t(?:ember|\.)?|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)`;
const EN_MONTH_SAFE = String.raw`(?:January|February|April|June|July|August|September|October|November|December)`;
const WEEKDAY = String.raw`(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)`;
// French, German, Spanish, Italian, Portuguese, Dutch month names: cheap coverage for foreign-language articles.
// Only used after a day number ("10 juin 2010", "10. Juni", "10 de junio de 2010"), since several are English words.
const OTHER_MONTH = [
  'janvier février mars avril mai juin juillet août septembre octobre novembre décembre',
  'januar februar märz april mai juni juli august september oktober november dezember',
  'enero febrero marzo abril mayo junio julio agosto septiembre setiembre octubre noviembre diciembre',
  'gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre',
  'janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro',
  'januari februari maart april mei juni juli augustus september oktober november december',
].join(' ').split(' ').filter((m, i, all) => all.indexOf(m) === i).join('|');

const DAY = String.raw`(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?`;
const YEAR = String.raw`(?:1[6-9]|20)\d\d`;
const NUM = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;
const SCALE = String.raw`(?:\s?(?:hundred|thousand|million|billion|trillion|mln|bln|bn|m|k)\b)?`;
const CURRENCY_WORD = String.raw`(?:dollars?|euros?|pounds?(?: sterling)?|yen|yuan|renminbi|rupees?|francs?|marks?|roubles?|rubles?|pesos?|cents?|pence|won|lira|rand|dinars?|riyals?|shekels?)`;
const ISO_CCY = String.raw`(?:USD|EUR|GBP|JPY|CNY|CHF|CAD|AUD|INR|RUB|HKD)`;

/**
 * A rule: every match of `re` is a span. Two refinements keep patterns cheap to compile, which Chromium does on a
 * pattern's first use in every new worker (a number followed by a long word alternation took 7-14 ms there, where
 * each half alone took under 1 ms):
 * - `needs`: a pattern every match contains; `re` runs only on text where it occurs (most articles quote no ISO codes;
 *   of the 116 aeb-dev pages, 66 hold no time of day, 71 no currency sign, 84 no percentage).
 * - `before`: `re` finds the end of a span, and a span is there only where `before`, a pattern ending in `$`, matches
 *   the text just before it; the span starts where `before`'s match does (see spanBefore for why that equals one
 *   regexp of the two in a row).
 */
export type Rule = { type: RuleType; re: RegExp; note: string; needs?: RegExp; before?: RegExp };

/** One rule per row: type, pattern and why it is there (§2 of STYLE.md: rules are data). */
export const RULES: readonly Rule[] = [
  { type: 'DATE', note: 'ISO date 2010-06-10', re: new RegExp(String.raw`\b${YEAR}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])\b`, 'g') },
  { type: 'DATE', note: 'numeric date 10/06/2010, 10.06.2010', re: new RegExp(String.raw`\b(?:[0-3]?\d)[/.](?:[01]?\d)[/.]${YEAR}\b`, 'g') },
  { type: 'DATE', note: 'June 10, 2010 / Sept. 28 / June 2010 / Thursday, June 10', re: new RegExp(String.raw`\b(?:${WEEKDAY},?\s)?${EN_MONTH}(?:\s${DAY}(?:,?\s${YEAR})?|,?\s${YEAR})(?![\w])`, 'g') },
  { type: 'DATE', note: '10 June 2010 / 10th of June', re: new RegExp(String.raw`\b(?:${WEEKDAY},?\s)?${DAY}(?:\sof)?\s${EN_MONTH}(?:,?\s${YEAR})?(?![\w])`, 'g') },
  { type: 'DATE', note: 'bare unambiguous month or weekday', re: new RegExp(String.raw`\b(?:${EN_MONTH_SAFE}|${WEEKDAY})\b`, 'g') },
  // Letter ranges instead of \p{L} (see letters.ts for how they differ): with the u flag this pattern took 12 ms to
  // compile, cold, in every new worker.
  { type: 'DATE', note: 'other languages: 10 juin 2010, 10. Juni, 10 de junio de 2010', re: new RegExp(String.raw`\b${DAY}\.?\s(?:de\s)?(?:${OTHER_MONTH})(?:\s(?:de\s)?${YEAR})?(?![${LOWER_LETTERS}])`, 'gi') },
  { type: 'DATE', note: 'year after a preposition: in 2010, since 1996', re: new RegExp(String.raw`(?<=\b(?:[Ii]n|[Ss]ince|[Bb]y|[Uu]ntil|[Tt]hrough|[Bb]efore|[Aa]fter|[Ff]rom|[Oo]f)\s)${YEAR}s?\b`, 'g') },
  { type: 'DATE', note: 'relative days', re: /\b(?:[Yy]esterday|[Tt]oday|[Tt]omorrow|(?:[Ll]ast|[Nn]ext|[Tt]his)\s(?:week|month|year|weekend|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))\b/g },
  { type: 'TIME', note: '22:03, 10:30 a.m., 9.30 pm, with an optional zone', needs: /\d[:.][0-5]/, re: /\b(?:[01]?\d|2[0-3])(?::[0-5]\d(?::[0-5]\d)?(?:\s?[ap]\.?m\.?)?|\.[0-5]\d\s?[ap]\.?m\.?)(?:\s(?:GMT|UTC|EST|EDT|CET|CEST|BST|PST|PDT|JST|IST)\b)?/gi },
  { type: 'TIME', note: '10 a.m., 3pm', needs: /\d\s?[ap]\.?m/i, re: /\b(?:1[0-2]|0?[1-9])\s?(?:[ap]\.m\.|[ap]m\b)(?:\s(?:GMT|UTC|EST|EDT|CET|CEST|BST|PST|PDT|JST|IST)\b)?/gi },
  { type: 'MONEY', note: '$5 million, £23.99, US$ 40, €3bn', needs: /[$€£¥₹]/, re: new RegExp(String.raw`(?:\b(?:US|A|C|HK|NZ|S)|\B)?[$€£¥₹]\s?(?:${NUM})${SCALE}`, 'g') },
  {
    type: 'MONEY',
    note: '5 million dollars, 300 yen: the currency word, after an amount',
    re: new RegExp(String.raw`\s${CURRENCY_WORD}\b`, 'gi'),
    before: new RegExp(String.raw`\b(?:${NUM})(?:\s?(?:hundred|thousand|million|billion|trillion))?$`, 'i'),
  },
  { type: 'MONEY', note: 'USD 5 million / 5 million EUR', needs: new RegExp(ISO_CCY), re: new RegExp(String.raw`\b${ISO_CCY}\s?(?:${NUM})${SCALE}|\b(?:${NUM})${SCALE}\s${ISO_CCY}\b`, 'g') },
  { type: 'PERCENT', note: '12%, 40 percent, 3.5 per cent, 2 percentage points', needs: /%|per\s?cent|pct/i, re: new RegExp(String.raw`[-+]?\b(?:${NUM})\s?(?:%|percent\b|per\scent\b|pct\b|percentage\spoints?\b)`, 'gi') },
];

/**
 * All rule matches in `text`, sorted by start and non-overlapping: where two overlap, the longer one wins
 * ("Thursday, June 10, 2010" over "Thursday").
 */
export function findRuleSpans(text: string): RuleSpan[] {
  const all: RuleSpan[] = [];
  for (const rule of RULES) all.push(...ruleSpans(rule, text));
  all.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: RuleSpan[] = [];
  for (const s of all) {
    const last = out[out.length - 1];
    if (last && s.start < last.end) {
      if (s.end - s.start > last.end - last.start && s.start === last.start) out[out.length - 1] = s;
      else if (s.end - s.start > last.end - last.start) { out.pop(); out.push(s); }
      continue;
    }
    out.push(s);
  }
  return out;
}

/** The spans of one rule, left to right, as `re` alone would give them for a rule without `before`. */
export function ruleSpans(rule: Rule, text: string): RuleSpan[] {
  const out: RuleSpan[] = [];
  if (rule.needs && !rule.needs.test(text)) return out;
  const { re, before, type } = rule;
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  let last = 0;
  while ((m = re.exec(text)) !== null) {
    if (m[0].length === 0) { re.lastIndex++; continue; }
    const start = before ? spanBefore(text, m.index, last, before) : m.index;
    if (start < 0) continue;
    out.push({ type, start, end: (last = m.index + m[0].length) });
  }
  return out;
}

const isNumberChar = (c: number) => (c >= 48 && c <= 57) || c === 44 || c === 46; // 0-9 , .

/**
 * Where a span ending in a match of `re` at `at` starts: the leftmost match of `before` (anchored by its `$` at
 * `at`) at or after `floor` (the end of the rule's previous span), or -1. One regexp of the two in a row gives the
 * same spans: its matches end at a match of `re`, and start at its leftmost start that reaches one. Neither
 * pattern's matches can hold the other's (an amount is digits, separators and a scale word; `re` starts with a
 * space and a currency word), so each span is found from its own end, at the same start. `before` is tried on a
 * window: 64 characters back covers a scale word with its space, extended over any run of digits and separators it
 * cuts; one more character in front keeps the `\b` at the window's start true to the text.
 */
function spanBefore(text: string, at: number, floor: number, before: RegExp): number {
  let from = Math.max(floor, at - 64);
  while (from > floor && isNumberChar(text.charCodeAt(from - 1))) from--;
  const context = from > 0 ? 1 : 0;
  const m = before.exec(text.slice(from - context, at));
  // A match cannot start on the context character: an amount starts with a digit, and that character is either
  // not a digit or separator (the loop above) or the last letter of the previous span.
  return m && m.index >= context ? from - context + m.index : -1;
}
