/**
 * The clutter detectors, as one named table. Order matters: the first detector that matches an element names it,
 * so specific detectors (a consent platform, a share-link row) come before generic ones (anything hinting "ad").
 * Each row says why its target is clutter and which golden pages under test/pages/ prove it.
 */
import type { Category, Scope } from './types.js';
import type { DetectorContext } from './detector-context.js';
import { FOOTER_TEXT, GALLERY_COUNTER, HINT, INLINE_RELATED, PAGER_WORD, SUBSCRIBE_CALL, TEXT_CUE, TOOL_ROW_SEPARATORS, hintOf } from './cues.js';
import { isShareHref, isCommentHref, unrelatedPhotoLinks } from './structure.js';

export interface Detector {
  /** Stable kebab-case id, shown to the user as the reason an element is hidden. */
  id: string;
  category: Category;
  /** Where the detector may fire relative to the article root. */
  scope: Scope;
  /** Why what it matches is clutter. */
  note: string;
  /** Golden pages (test/pages/<slug>) that exercise the detector. */
  fixtures: readonly string[];
  match: {
    /** Candidate elements by CSS selector (checked with Element.matches). */
    selectors?: readonly string[];
    /** Candidate elements by class/id/role hint. */
    hint?: RegExp;
    /** Candidate tag names (upper-case); cheaper than selectors. */
    tags?: readonly string[];
    /** At most this many text characters (O(1) from PageStats; checked first). */
    maxChars?: number;
    /** At most this many characters of prose (sentences): clutter is not made of sentences. */
    maxProse?: number;
    /** The block's label (heading or short text) must match. */
    label?: RegExp;
    /** Structural test; returns a reason or false. Runs last. */
    test?: (el: Element, ctx: DetectorContext) => string | false;
  };
}

/** Mostly links (a rail, a menu). */
const linky = (min: number) => (el: Element, ctx: DetectorContext) => {
  const d = ctx.stats.linkDensity(el);
  return d >= min && ctx.stats.linkCount(el) >= 2 ? `link density ${d.toFixed(2)}` : false;
};

const CONTAINER_TAGS = ['DIV', 'SECTION', 'ASIDE', 'UL', 'OL', 'TABLE', 'TD', 'TR', 'DL', 'FORM', 'FIGURE', 'P', 'NAV', 'HEADER', 'FOOTER', 'LI', 'ARTICLE'];
const BLOCK_TAGS = ['DIV', 'SECTION', 'ASIDE', 'UL', 'OL', 'TABLE', 'TD', 'TR', 'DL', 'FORM', 'NAV', 'FOOTER', 'HEADER'];

export const DETECTORS = [
  {
    id: 'consent-platform',
    category: 'consent',
    scope: 'anywhere',
    note: 'Cookie/consent managers (OneTrust, Sourcepoint, Quantcast, Cookiebot, Didomi...) overlay the page.',
    fixtures: ['consent--cmp-and-ads'],
    match: {
      selectors: ['#onetrust-consent-sdk', '#onetrust-banner-sdk', '[id^="sp_message_container"]', '.qc-cmp2-container', '#CybotCookiebotDialog', '#didomi-host', '.fc-consent-root', '.cc-window', '#cookie-law-info-bar', '#cmpbox', '.truste_box_overlay'],
    },
  },
  {
    id: 'consent-banner',
    category: 'consent',
    scope: 'outside',
    note: 'A short block that names cookies/consent and asks to accept: a consent banner, whatever its vendor.',
    fixtures: ['consent--cmp-and-ads'],
    match: { hint: HINT.consent, maxChars: 1200, test: ((el, ctx) => (TEXT_CUE.consent.test(ctx.shortText(el, 2000)) || el.querySelector('button') ? 'consent wording' : false)) },
  },
  {
    id: 'share-links',
    category: 'social',
    scope: 'anywhere',
    note: 'A row of three or more share endpoints (facebook sharer, twitter intent, mailto, whatsapp...).',
    fixtures: ['social--html5-portal'],
    match: { tags: CONTAINER_TAGS, maxChars: 300, test: ((el, ctx) => { if (ctx.stats.linkCount(el) < 2) return false; const n = Array.from(el.querySelectorAll('a[href]')).filter((a) => isShareHref(a.getAttribute('href')!)).length; return n >= 2 ? `${n} share links` : false; }) },
  },
  {
    id: 'tool-row-text',
    category: 'social',
    scope: 'anywhere',
    note: 'A text row of page tools, e.g. "Email | Print | Subscribe | Comments | Forum" (2010-style portals).',
    fixtures: ['social--wire-portal-2010'],
    match: { tags: CONTAINER_TAGS, maxChars: 160, test: (el, ctx) => toolRow(el, ctx) },
  },
  {
    id: 'share-bar',
    category: 'social',
    scope: 'anywhere',
    note: 'A block named share/social/tools by its class: icon rows carry no text of their own.',
    fixtures: ['social--html5-portal'],
    match: { hint: HINT.social, maxChars: 250, maxProse: 0 },
  },
  {
    id: 'newsletter-box',
    category: 'newsletter',
    scope: 'anywhere',
    note: 'Newsletter and subscription boxes: named so, or a short block with an e-mail field.',
    fixtures: ['social--html5-portal', 'i18n--german-regional'],
    match: { hint: HINT.newsletter, maxChars: 700, maxProse: 400 },
  },
  {
    id: 'newsletter-form',
    category: 'newsletter',
    scope: 'anywhere',
    note: 'A short block with a sign-up label and an e-mail input.',
    fixtures: ['social--html5-portal', 'i18n--german-regional'],
    match: { tags: BLOCK_TAGS, maxChars: 500, label: TEXT_CUE.newsletter },
  },
  {
    id: 'subscribe-call',
    category: 'newsletter',
    scope: 'anywhere',
    note: 'A short box that asks the reader to subscribe, sign up or donate, with a button or link to do it ("Abonnez-vous pour 1 €").',
    fixtures: ['related--rails-and-inline', 'newsletter--paywall-and-appeal'],
    match: { tags: BLOCK_TAGS.concat(['P', 'ASIDE']), maxChars: 300, maxProse: 300, test: (el, ctx) => subscribeCall(el, ctx) },
  },
  {
    id: 'ad-slot',
    category: 'ad',
    scope: 'anywhere',
    note: 'Ad containers: GPT/AdSense slots and blocks named ad/sponsor; they hold no article prose.',
    fixtures: ['consent--cmp-and-ads'],
    match: {
      selectors: ['ins.adsbygoogle', '[id^="div-gpt-ad"]', '[data-ad-slot]', '[data-ad-unit]', '[data-google-query-id]', 'iframe[src*="doubleclick"]', 'amp-ad'],
    },
  },
  {
    id: 'ad-hint',
    category: 'ad',
    scope: 'anywhere',
    note: 'Blocks whose class/id says ad, advert or sponsored and that hold no prose.',
    fixtures: ['consent--cmp-and-ads'],
    match: { hint: HINT.ad, maxChars: 600, maxProse: 0 },
  },
  {
    id: 'ad-label',
    category: 'ad',
    scope: 'anywhere',
    note: 'The "Advertisement" / "Anzeige" label left behind by an ad slot.',
    fixtures: ['consent--cmp-and-ads'],
    match: { tags: CONTAINER_TAGS, maxChars: 40, label: TEXT_CUE.ad },
  },
  {
    id: 'comments-section',
    category: 'comments',
    scope: 'outside',
    note: 'Comment threads and forum boxes below or beside the article.',
    fixtures: ['comments--wordpress-thread', 'social--wire-portal-2010'],
    match: { hint: HINT.comments, test: (el, ctx) => `comments block, ${ctx.stats.textChars(el)} chars` },
  },
  {
    id: 'comments-prompt',
    category: 'comments',
    scope: 'anywhere',
    note: 'Prompts and links to comment or to the forum ("Do you have anything to say?", "Hot Forum Discussion").',
    fixtures: ['comments--wordpress-thread', 'social--wire-portal-2010'],
    match: { tags: CONTAINER_TAGS, maxChars: 1500, maxProse: 300, label: TEXT_CUE.comments },
  },
  {
    id: 'comments-links',
    category: 'comments',
    scope: 'anywhere',
    note: 'A short block whose links all go to comments or a forum.',
    fixtures: ['comments--wordpress-thread', 'social--wire-portal-2010'],
    match: { tags: CONTAINER_TAGS, maxChars: 200, test: ((el, ctx) => { if (ctx.stats.linkCount(el) < 1 || ctx.stats.linkDensity(el) < 0.5) return false; const a = Array.from(el.querySelectorAll('a[href]')); return a.length > 0 && a.every((x) => isCommentHref(x.getAttribute('href')!)) ? 'comment links' : false; }) },
  },
  {
    id: 'gallery-chrome',
    category: 'gallery',
    scope: 'anywhere',
    note: 'The controls of a slideshow ("Image 1 of 6", "Back to Gallery", next/previous): not the pictures, which may be the story\'s own.',
    fixtures: ['gallery--slideshow-and-rail'],
    match: { tags: CONTAINER_TAGS, maxChars: 120, maxProse: 0, test: (el, ctx) => (GALLERY_COUNTER.test(ctx.shortText(el, 120)) || (HINT.gallery.test(hintOf(el)) && /control|nav|count|pager|button/.test(hintOf(el))) ? 'slideshow controls' : false) },
  },
  {
    id: 'photo-rail',
    category: 'gallery',
    scope: 'anywhere',
    note: 'Pictures that link to other stories, each with its caption: a photo rail, not the article\'s own picture.',
    fixtures: ['social--wire-portal-2010', 'gallery--slideshow-and-rail'],
    match: { tags: BLOCK_TAGS, test: (el, ctx) => unrelatedPhotoLinks(el, ctx) },
  },
  {
    id: 'pagination',
    category: 'nav',
    scope: 'anywhere',
    note: 'Page numbers and next/previous links ("1 2 3 Next", "« Zurück | Weiter »"): navigation between pages.',
    fixtures: ['newsletter--paywall-and-appeal'],
    match: { tags: CONTAINER_TAGS, maxChars: 160, maxProse: 0, test: (el, ctx) => paginationLinks(el, ctx) },
  },
  {
    id: 'related-rail',
    category: 'related',
    scope: 'anywhere',
    note: 'A block headed "Related", "Most read", "Special Coverage", "Major headlines"... that is mostly links.',
    fixtures: ['social--wire-portal-2010', 'related--rails-and-inline'],
    match: { tags: CONTAINER_TAGS, label: TEXT_CUE.related, maxProse: 600, test: linky(0.3) },
  },
  {
    id: 'related-inline',
    category: 'related',
    scope: 'anywhere',
    note: 'A line that only introduces a link to another story: "Read more: ...", "Lesen Sie auch: ...", "À lire aussi : ...".',
    fixtures: ['i18n--german-regional', 'related--rails-and-inline'],
    match: { tags: ['P', 'DIV', 'LI', 'H2', 'H3', 'H4', 'H5', 'H6', 'STRONG', 'SPAN', 'ASIDE'], maxChars: 250, test: (el, ctx) => (ctx.stats.linkDensity(el) >= 0.5 && INLINE_RELATED.test(ctx.shortText(el, 250)) ? 'introduces a link to another story' : false) },
  },
  {
    id: 'related-hint',
    category: 'related',
    scope: 'anywhere',
    note: 'A block named related/recommended/most-read/outbrain by its class, made of links.',
    fixtures: ['social--html5-portal', 'related--rails-and-inline'],
    match: { hint: HINT.related, maxProse: 600, test: linky(0.25) },
  },
  {
    id: 'breadcrumbs',
    category: 'nav',
    scope: 'anywhere',
    note: 'Breadcrumb trails: navigation, not article text.',
    fixtures: ['social--html5-portal'],
    match: { selectors: ['[aria-label*="breadcrumb" i]', '[itemtype*="BreadcrumbList"]', '.breadcrumb', '.breadcrumbs', '#breadcrumb', '#breadcrumbs'], maxChars: 400 },
  },
  {
    id: 'nav-landmark',
    category: 'nav',
    scope: 'anywhere',
    note: 'Navigation landmarks and menus: <nav>, role=navigation, class "menu"/"nav" made of links.',
    fixtures: ['social--html5-portal'],
    match: { selectors: ['nav', '[role="navigation"]'], maxProse: 300 },
  },
  {
    id: 'nav-hint',
    category: 'nav',
    scope: 'outside',
    note: 'Menus named by class (nav, menu, pagination) and made of links.',
    fixtures: ['i18n--german-regional', 'related--rails-and-inline'],
    match: { hint: HINT.nav, maxProse: 200, test: linky(0.5) },
  },
  {
    id: 'footer-landmark',
    category: 'footer',
    scope: 'outside',
    note: 'The page footer: <footer>, role=contentinfo, or a block named footer.',
    fixtures: ['social--html5-portal', 'social--wire-portal-2010'],
    match: { selectors: ['footer', '[role="contentinfo"]'], hint: HINT.footer },
  },
  {
    id: 'footer-text',
    category: 'footer',
    scope: 'outside',
    note: 'A short block after the article with copyright and legal links (Impressum, privacy, terms), whatever its class name.',
    fixtures: ['i18n--german-regional'],
    match: { tags: BLOCK_TAGS.concat(['P']), maxChars: 600, maxProse: 200, test: (el, ctx) => (ctx.root && (el.compareDocumentPosition(ctx.root) & 2) !== 0 && FOOTER_TEXT.test(ctx.shortText(el, 600)) ? 'copyright/legal links after the article' : false) },
  },
] as const satisfies readonly Detector[];

/** Ids of every detector plus the two the engine applies itself. */
export type DetectorId = (typeof DETECTORS)[number]['id'] | 'off-article' | 'article-captions' | 'user-rule';

const TOOL_WORDS = TEXT_CUE.social;
const TOOL_EXTRA = /^\W*(?:comments?|forum|subscribe|rss|feedback|print|email|e-mail|share|bookmark|save|font|text size|recommend|like|tweet|[aA][+-])\W*$/i;

/** "Email | Print | Subscribe | Comments | Forum": three or more short items, nearly all of them tool words. */
function toolRow(el: Element, ctx: DetectorContext): string | false {
  // Cheap gate first: a text row needs separators, an icon/link row needs links.
  if (ctx.stats.separatorCount(el) < 2 && ctx.stats.linkCount(el) < 3) return false;
  const text = ctx.shortText(el, 160);
  if (!text) return false;
  const items = text.split(TOOL_ROW_SEPARATORS).map((s) => s.trim()).filter(Boolean);
  const hasLinksOrButtons = el.querySelector('a, button') !== null;
  const parts = items.length >= 3 ? items : hasLinksOrButtons ? Array.from(el.querySelectorAll('a, button'), (a) => (a.textContent ?? '').trim()).filter(Boolean) : [];
  if (parts.length < 3) return false;
  const tools = parts.filter((p) => TOOL_WORDS.test(p) || TOOL_EXTRA.test(p) || TEXT_CUE.comments.test(p)).length;
  return tools >= 3 && tools >= parts.length * 0.75 ? `${tools}/${parts.length} tool words` : false;
}

/**
 * A box asking to subscribe or donate: few links (not a menu with a "Subscribe" item), and inside the article a
 * real form or button, so a sentence of the story that mentions a newsletter stays.
 */
function subscribeCall(el: Element, ctx: DetectorContext): string | false {
  const links = ctx.stats.linkCount(el);
  if (links > 3) return false;
  const controls = el.getElementsByTagName('button').length + el.getElementsByTagName('input').length;
  // Inside the article: a form control, or a link that is itself the call ("Donate", "Subscribe now").
  const callLink = Array.from(el.getElementsByTagName('a')).some((a) => SUBSCRIBE_CALL.test(a.textContent ?? ''));
  if (ctx.relation(el) === 'inside' ? controls === 0 && !callLink : links + controls === 0) return false;
  return SUBSCRIBE_CALL.test(ctx.shortText(el, 300)) ? 'asks to subscribe or donate' : false;
}

/** Three or more links, nearly all page numbers or next/previous words. */
function paginationLinks(el: Element, ctx: DetectorContext): string | false {
  if (ctx.stats.linkCount(el) < 3) return false;
  const texts = Array.from(el.getElementsByTagName('a'), (a) => (a.textContent ?? '').trim()).filter(Boolean);
  const pager = texts.filter((t) => /^\d{1,3}$/.test(t) || PAGER_WORD.test(t)).length;
  return pager >= 3 && pager >= texts.length * 0.8 ? `${pager} page links` : false;
}

/** Exposed for the table test: every hint regexp used by a row. */
export function detectorHints(): RegExp[] {
  return DETECTORS.flatMap((d) => ('hint' in d.match && d.match.hint ? [d.match.hint as RegExp] : []));
}

export { hintOf };
