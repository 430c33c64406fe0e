import { describe, expect, test } from 'vitest';
import { parseCosmeticRules } from '../../../src/core/rules/parse.js';
import { hostMatches, rulesForHost } from '../../../src/core/rules/match.js';

const isValidSelector = (s: string) => {
  try {
    document.createDocumentFragment().querySelector(s);
    return true;
  } catch {
    return false;
  }
};
const parse = (text: string, quietNetwork = false) => parseCosmeticRules(text, { source: 'user', isValidSelector, quietNetwork });

describe('parseCosmeticRules', () => {
  test('site rules, generic rules, exceptions and host lists', () => {
    const r = parse('example.com##.share-bar\n##.promo-box\nnews.example,~shop.news.example##div[id^="ad-"]\nexample.com#@#.sidebar\n! a comment\n\n');
    expect(r.problems).toEqual([]);
    expect(r.skipped).toBe(3);
    expect(r.rules.map(({ selector, hosts, notHosts, exception, line }) => ({ selector, hosts, notHosts, exception, line }))).toEqual([
      { selector: '.share-bar', hosts: ['example.com'], notHosts: [], exception: false, line: 1 },
      { selector: '.promo-box', hosts: [], notHosts: [], exception: false, line: 2 },
      { selector: 'div[id^="ad-"]', hosts: ['news.example'], notHosts: ['shop.news.example'], exception: false, line: 3 },
      { selector: '.sidebar', hosts: ['example.com'], notHosts: [], exception: true, line: 4 },
    ]);
  });

  test.each([
    ['||ads.example^', /network filter/],
    ['example.com##+js(nowoif)', /Scriptlets/],
    ['example.com##.x:style(color: red)', /Style rules/],
    ['example.com##.x:has-text(Sponsored)', /Procedural selectors/],
    ['example.com##div[', /not a CSS selector/],
    ['just some words', /Not a cosmetic filter/],
  ])('%s is refused with a reason', (line, message) => {
    const r = parse(line);
    expect(r.rules).toEqual([]);
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0].line).toBe(1);
    expect(r.problems[0].message).toMatch(message);
  });

  test('a filter list: network rules are skipped quietly, cosmetic rules kept', () => {
    const list = '[Adblock Plus 2.0]\n! Title: Annoyances\n||tracker.example^\n/ads/banner.js\n##.newsletter-popup\nexample.org##.cookie-wall\n';
    const r = parse(list, true);
    expect(r.problems).toEqual([]);
    expect(r.rules.map((x) => x.selector)).toEqual(['.newsletter-popup', '.cookie-wall']);
    expect(r.skipped).toBe(5); // header, title comment, two network rules, the final empty line
  });
});

describe('hostMatches and rulesForHost', () => {
  test.each([
    ['example.com', 'example.com', true],
    ['example.com', 'www.example.com', true],
    ['example.com', 'news.example.com', true],
    ['example.com', 'badexample.com', false],
    ['example.*', 'example.co.uk', true],
    ['example.*', 'news.example.de', true],
    ['example.*', 'example-news.com', false],
  ])('%s covers %s: %s', (pattern, host, want) => {
    expect(hostMatches(pattern, host)).toBe(want);
  });

  test('exceptions cancel hiding of the same selector on their sites only', () => {
    const { rules } = parse('##.promo\nexample.com#@#.promo\nexample.com##.share\n~example.com##.everywhere-else');
    const onExample = rulesForHost(rules, 'www.example.com');
    expect(onExample.hide.map((r) => r.selector)).toEqual(['.share']);
    expect(onExample.keep.map((r) => r.selector)).toEqual(['.promo']);
    const elsewhere = rulesForHost(rules, 'other.org');
    expect(elsewhere.hide.map((r) => r.selector)).toEqual(['.promo', '.everywhere-else']);
  });
});
