import { describe, expect, test } from 'vitest';
import { DETECTORS } from '../../../src/core/clutter/detectors.js';
import { hintOf } from '../../../src/core/clutter/cues.js';
import { selectorPrefilter } from '../../../src/core/clutter/selector-prefilter.js';
import { parse } from '../../helpers.js';

// Matches and near misses for the table's selectors (prefix vs substring, case, tag-qualified parts).
const PAGE = `<html><body>
  <nav></nav><footer class="x"></footer><div role="contentinfo"></div><div role="contentinfo main"></div>
  <ins class="adsbygoogle foo"></ins><ins class="adsbygoogle-x"></ins><div class="adsbygoogle"></div>
  <div id="div-gpt-ad-123"></div><div id="x-div-gpt-ad"></div><div data-ad-slot=""></div><div data-ad-unit="a"></div>
  <div data-google-query-id="q"></div><iframe data-src="doubleclick"></iframe><amp-ad></amp-ad><amp-embed type="x"></amp-embed>
  <amp-sticky-ad></amp-sticky-ad><ol aria-label="Breadcrumb trail"></ol><ol aria-label="crumbs"></ol>
  <ul itemtype="https://schema.org/BreadcrumbList"></ul><ul itemtype="https://schema.org/breadcrumblist"></ul>
  <div class="breadcrumbs nav"></div><div class="my-breadcrumb"></div><div id="breadcrumb"></div>
  <div id="onetrust-consent-sdk"></div><div id="sp_message_container_12"></div><div class="qc-cmp2-container"></div>
  <div id="CybotCookiebotDialog"></div><div id="cybotcookiebotdialog"></div><p class="cc-window big"></p>
  <span class="fc-consent-root"></span><p class="story">Text</p><div id="plain"></div><a href="/x">link</a>
</body></html>`;

const selectors = (DETECTORS as readonly { match: { selectors?: readonly string[] } }[]).flatMap((d) => (d.match.selectors ? [d.match.selectors.join(',')] : []));

describe('selector prefilter', () => {
  test('reads every selector of the detector table (so it is switched on)', () => {
    expect(selectorPrefilter(selectors)).not.toBeNull();
  });

  test('never rules out an element a selector matches, and rules out plain ones', () => {
    const doc = parse(PAGE);
    const pre = selectorPrefilter(selectors)!;
    const all = selectors.join(',');
    let matched = 0;
    for (const el of Array.from(doc.body.getElementsByTagName('*'))) {
      if (el.matches(all)) {
        matched++;
        expect([el.outerHTML, pre(el, hintOf(el))]).toEqual([el.outerHTML, true]);
      }
    }
    expect(matched).toBeGreaterThan(20);
    for (const sel of ['p.story', '#plain', 'a[href="/x"]']) expect(pre(doc.querySelector(sel)!, hintOf(doc.querySelector(sel)!))).toBe(false);
  });

  test('switches itself off for selectors beyond the simple subset', () => {
    for (const s of ['div > p', 'a:hover', 'nav p', '[a~="b"]', '*']) expect(selectorPrefilter([s])).toBeNull();
  });
});
