/**
 * Rules saved from the page: the selector the picker and "Keep on this site" write must name the element on the
 * site's other pages too, and an exception keeps its element visible whichever check (or wrapper) would hide it.
 */
import { describe, expect, test } from 'vitest';
import { selectorFor } from '../../../src/content/selector.js';
import { applyExceptions } from '../../../src/content/user-rules.js';
import type { Finding } from '../../../src/core/clutter/types.js';
import type { CosmeticRule } from '../../../src/core/rules/types.js';

describe('selectorFor', () => {
  test.each([
    ['a unique stable id is enough', '<div id="toolbar"><a>Print</a></div>', '#toolbar', '#toolbar'],
    ['a class names the element', '<div class="share tools"><a>Email</a></div><div class="body"></div>', '.share', 'div.share.tools'],
    // Unique on this page, but on the next article "the third row" is any row: climb to something named.
    ['position alone is not a name', '<div class="scores"><table><tbody><tr><td>1</td></tr><tr><td>2</td></tr><tr><td>3</td></tr></tbody></table></div>', 'tr:nth-of-type(3)', 'div.scores > table > tbody > tr:nth-of-type(3)'],
    ['generated classes are skipped', '<section class="css-1x2y3z"><p class="tools">Print</p></section>', '.tools', 'p.tools'],
    ['a repeated id still narrows, beside its tag', '<p id="dup">a</p><div><p id="dup" class="x">b</p></div>', 'div > p.x', 'p#dup.x'],
  ])('%s', (_name, html, target, expected) => {
    document.body.innerHTML = html;
    const el = document.querySelector(target)!;
    const sel = selectorFor(el);
    expect(sel).toBe(expected);
    expect(Array.from(document.querySelectorAll(sel))).toEqual([el]);
  });

  test('an element named by nothing on the way up is anchored at <body>', () => {
    document.body.innerHTML = '<div><span>a</span></div><div><span>b</span></div>';
    const el = document.querySelectorAll('span')[1]!;
    expect(selectorFor(el)).toBe('body > div:nth-of-type(2) > span');
  });
});

describe('applyExceptions', () => {
  const rule = (selector: string, exception: boolean): CosmeticRule => ({ selector, hosts: ['news.example'], notHosts: [], exception, line: 1, text: '', source: 'user' });
  const finding = (el: Element, detector: string): Finding => ({ detector: detector as Finding['detector'], category: 'nav', element: el, reason: detector });

  test('a kept element stays visible, and so does a block around it that another check hid', () => {
    document.body.innerHTML = '<nav id="crumbs"><div id="toolbar"><a>Print</a></div></nav><aside id="rail">More</aside>';
    const [crumbs, toolbar, rail] = ['#crumbs', '#toolbar', '#rail'].map((s) => document.querySelector(s)!);
    const findings = [finding(crumbs, 'breadcrumb-trail'), finding(toolbar, 'tool-row-text'), finding(rail, 'related-rail')];
    const left = applyExceptions(findings, [rule('#toolbar', true)], 'news.example');
    expect(left.map((f) => f.detector)).toEqual(['related-rail']);
  });

  test('an exception for another site, or a hide rule, keeps nothing', () => {
    document.body.innerHTML = '<div id="toolbar"></div>';
    const findings = [finding(document.querySelector('#toolbar')!, 'tool-row-text')];
    expect(applyExceptions(findings, [rule('#toolbar', true)], 'other.example')).toHaveLength(1);
    expect(applyExceptions(findings, [rule('#toolbar', false)], 'news.example')).toHaveLength(1);
  });
});
