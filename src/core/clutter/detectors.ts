/**
 * The clutter detectors, as one named table. Order matters: the first detector that matches an element names it,
 * so specific detectors (a consent platform, a share-link row) come before generic ones (anything hinting "ad").
 * Each row says why its target is clutter and which golden pages under test/pages/ prove it.
 */
import type { Category, Scope } from './types.js';
import type { DetectorContext } from './detector-context.js';
import { FOOTER_TEXT, GALLERY_COUNTER, GALLERY_LINK, HINT, INLINE_RELATED, TEXT_CUE, hintOf, type Cue } from './cues.js';
import { isShareHref, isCommentHref, unrelatedPhotoLinks } from './structure.js';
import * as T from './row-tests.js';

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
    hint?: Cue;
    /** Candidate tag names (upper-case); cheaper than selectors. */
    tags?: readonly string[];
    /** At most this many text characters (O(1) from PageStats; checked first). */
    maxChars?: number;
    /** At most this many characters of prose (sentences): clutter is not made of sentences. */
    maxProse?: number;
    /** The block's label (heading or short text) must match. */
    label?: Cue;
    /** Structural test; returns a reason or false. Runs last. */
    test?: (el: Element, ctx: DetectorContext) => string | false;
  };
}

const CONTAINER_TAGS = ['DIV', 'SECTION', 'ASIDE', 'UL', 'OL', 'TABLE', 'TD', 'TR', 'DL', 'FORM', 'FIGURE', 'P', 'NAV', 'HEADER', 'FOOTER', 'LI', 'ARTICLE', 'BUTTON'];
const BLOCK_TAGS = ['DIV', 'SECTION', 'ASIDE', 'UL', 'OL', 'TABLE', 'TD', 'TR', 'DL', 'FORM', 'NAV', 'FOOTER', 'HEADER'];
const has = (el: Element, tag: string) => el.getElementsByTagName(tag).length > 0;

/** A button inside `el` labelled as an answer to a consent question (TEXT_CUE.consentAction). */
function consentButton(el: Element): boolean {
  for (const b of el.querySelectorAll('button, [role="button"], input[type="button"], input[type="submit"]')) {
    const label = (b.getAttribute('aria-label') || b.getAttribute('value') || b.textContent || '').trim();
    if (label.length <= 40 && TEXT_CUE.consentAction.test(label)) return true;
  }
  return false;
}

export const DETECTORS = [
  {
    id: 'consent-platform',
    category: 'consent',
    scope: 'anywhere',
    note: 'Cookie/consent managers (OneTrust, Sourcepoint, Quantcast, Cookiebot, Didomi...) overlay the page.',
    fixtures: ['consent--cmp-and-ads'],
    match: { selectors: ['#onetrust-consent-sdk', '#onetrust-banner-sdk', '[id^="sp_message_container"]', '.qc-cmp2-container', '#CybotCookiebotDialog', '#didomi-host', '.fc-consent-root', '.cc-window', '#cookie-law-info-bar', '#cmpbox', '.truste_box_overlay'] },
  },
  {
    id: 'consent-banner',
    category: 'consent',
    scope: 'outside',
    note: 'A block named cookie/consent that says so or asks to accept: a consent banner, whatever its vendor.',
    fixtures: ['consent--cmp-and-ads'],
    match: { hint: HINT.consent, maxChars: 1200, test: (el, ctx) => (TEXT_CUE.consent.test(ctx.shortText(el, 2000)) || has(el, 'button') ? 'consent wording' : false) },
  },
  {
    id: 'consent-text',
    category: 'consent',
    scope: 'anywhere',
    note: 'A dialog with consent wording ("We and our partners store and/or access information...") and a button that answers it ("Accept all", "Manage options", "OK", "×"), however it is named. A footer linking to a cookie policy beside a search button is not one.',
    fixtures: ['consent--overlay'],
    match: { tags: BLOCK_TAGS, maxChars: 1500, maxProse: 800, test: (el, ctx) => (TEXT_CUE.consent.test(ctx.shortText(el, 1500)) && consentButton(el) ? 'consent wording and an answer button' : false) },
  },
  {
    id: 'consent-control',
    category: 'consent',
    scope: 'anywhere',
    note: 'The floating "Privacy settings" / "Cookie settings" button that reopens a consent dialog.',
    fixtures: ['consent--overlay'],
    match: { tags: ['BUTTON', 'A', 'DIV', 'SPAN'], maxChars: 40, test: (el, ctx) => (TEXT_CUE.consentControl.test(ctx.shortText(el, 40)) ? 'consent settings control' : false) },
  },
  {
    id: 'share-links',
    category: 'social',
    scope: 'anywhere',
    note: 'A row of two or more share endpoints (facebook sharer, twitter intent, mailto, whatsapp, amp-social-share...).',
    fixtures: ['social--html5-portal', 'i18n--spanish-news'],
    match: { tags: CONTAINER_TAGS, maxChars: 300, test: (el, ctx) => { if (ctx.stats.linkCount(el) < 1 && !has(el, 'amp-social-share')) return false; const n = Array.from(el.querySelectorAll('a[href]')).filter((a) => isShareHref(a.getAttribute('href')!)).length + el.getElementsByTagName('amp-social-share').length; return n >= 2 || (n === 1 && ctx.stats.linkCount(el) === 1 && ctx.stats.textChars(el) <= 40) ? `${n} share link(s)` : false; } },
  },
  {
    id: 'share-buttons',
    category: 'social',
    scope: 'anywhere',
    note: 'A "Share" / "Teilen" / "Compartir" label followed by share buttons that are not links (script or AMP buttons).',
    fixtures: ['i18n--spanish-news', 'article--modern-react'],
    match: { tags: CONTAINER_TAGS, maxChars: 120, maxProse: 0, test: T.shareButtons },
  },
  {
    id: 'tool-row-text',
    category: 'social',
    scope: 'anywhere',
    note: 'A text row of page tools, e.g. "Email | Print | Subscribe | Comments | Forum" (2010-style portals).',
    fixtures: ['social--wire-portal-2010', 'social--table-portal'],
    match: { tags: CONTAINER_TAGS, maxChars: 160, test: T.toolRow },
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
    note: 'A short block after the article with copyright and legal links (Impressum, mentions légales), whatever its class name.',
    fixtures: ['i18n--german-regional', 'related--teaser-excerpts'],
    match: { tags: BLOCK_TAGS.concat(['P']), maxChars: 600, maxProse: 300, test: (el, ctx) => (ctx.side(el) === 'after' && FOOTER_TEXT.test(ctx.shortText(el, 600)) && !has(el, 'input') ? 'copyright/legal line after the article' : false) },
  },
  {
    id: 'newsletter-box',
    category: 'newsletter',
    scope: 'anywhere',
    note: 'Newsletter and subscription boxes: named so, or a short block with an e-mail field.',
    fixtures: ['social--html5-portal', 'newsletter--paywall-and-appeal'],
    match: { hint: HINT.newsletter, maxChars: 700, maxProse: 400 },
  },
  {
    id: 'newsletter-form',
    category: 'newsletter',
    scope: 'anywhere',
    note: 'A short block with a sign-up label ("Get our newsletter", "Newsletter abonnieren").',
    fixtures: ['i18n--german-regional'],
    match: { tags: BLOCK_TAGS, maxChars: 500, label: TEXT_CUE.newsletter },
  },
  {
    id: 'email-signup',
    category: 'newsletter',
    scope: 'anywhere',
    note: 'An e-mail field with a button and little else (no password, no comment box): a sign-up, in any language.',
    fixtures: ['consent--overlay', 'newsletter--inline'],
    match: { tags: BLOCK_TAGS, maxChars: 500, maxProse: 300, test: T.emailSignup },
  },
  {
    id: 'support-appeal',
    category: 'newsletter',
    scope: 'anywhere',
    note: 'A donation or membership appeal ("Support our journalism") with a button or link to give.',
    fixtures: ['newsletter--inline'],
    match: { tags: BLOCK_TAGS, maxChars: 2000, maxProse: 1500, test: T.supportAppeal },
  },
  {
    id: 'subscribe-call',
    category: 'newsletter',
    scope: 'anywhere',
    note: 'A short box that asks the reader to subscribe, sign up or donate, with a button or link to do it ("Abonnez-vous pour 1 €").',
    fixtures: ['related--rails-and-inline', 'newsletter--paywall-and-appeal'],
    match: { tags: BLOCK_TAGS.concat(['P', 'ASIDE']), maxChars: 300, maxProse: 300, test: T.subscribeCall },
  },
  {
    id: 'ad-wrapper',
    category: 'ad',
    scope: 'anywhere',
    note: 'A wrapper around an ad platform slot (GPT, AdSense, AMP) holding nothing but ad labels and a close button.',
    fixtures: ['ad--slots'],
    match: { tags: BLOCK_TAGS.concat(['P']), maxChars: 120, maxProse: 0, test: T.adWrapper },
  },
  {
    id: 'ad-labelled-box',
    category: 'ad',
    scope: 'anywhere',
    note: 'A box that says "Advertisement" and otherwise holds an empty slot the ad script fills later.',
    fixtures: ['ad--slots'],
    match: { tags: BLOCK_TAGS, maxChars: 60, maxProse: 0, test: T.labelledAdBox },
  },
  {
    id: 'ad-slot',
    category: 'ad',
    scope: 'anywhere',
    note: 'Ad platform slots themselves: GPT, AdSense, AMP ads.',
    fixtures: ['consent--cmp-and-ads'],
    match: { selectors: T.AD_SLOT.split(', ') },
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
    id: 'ad-image-link',
    category: 'ad',
    scope: 'anywhere',
    note: 'A lone picture linking to an ad server (ad.example.com/c.php?z=...) or in a standard banner size (468x60, 728x90, 300x250...).',
    fixtures: ['social--table-portal'],
    match: { tags: CONTAINER_TAGS.concat(['A']), maxChars: 0, test: T.adImageLink },
  },
  {
    id: 'ad-rail',
    category: 'ad',
    scope: 'anywhere',
    note: 'A rail whose label says it is paid for ("Promoted Stories", "Sponsored content", "Anzeige").',
    fixtures: ['ad--slots'],
    match: { tags: CONTAINER_TAGS, maxProse: 600, test: T.adRail },
  },
  {
    id: 'comments-section',
    category: 'comments',
    scope: 'outside',
    note: 'Comment threads and forum boxes below or beside the article.',
    fixtures: ['comments--wordpress-thread', 'comments--forum-links'],
    match: { hint: HINT.comments, test: (el, ctx) => `comments block, ${ctx.stats.textChars(el)} chars` },
  },
  {
    id: 'comments-prompt',
    category: 'comments',
    scope: 'anywhere',
    note: 'Prompts and links to comment or to the forum ("Do you have anything to say?", "Hot Forum Discussion", "Read 412 comments").',
    fixtures: ['social--wire-portal-2010', 'i18n--german-regional', 'i18n--spanish-news'],
    match: { tags: CONTAINER_TAGS.concat(['A']), maxChars: 1500, maxProse: 300, label: TEXT_CUE.comments },
  },
  {
    id: 'comments-form',
    category: 'comments',
    scope: 'anywhere',
    note: 'A form to post a comment (a text area posting to a comment endpoint, or under a comments label).',
    fixtures: ['social--table-portal'],
    match: { tags: BLOCK_TAGS, maxProse: 600, test: T.commentsForm },
  },
  {
    id: 'comments-links',
    category: 'comments',
    scope: 'anywhere',
    note: 'A short block whose links all go to comments or a forum.',
    fixtures: ['social--wire-portal-2010'],
    match: { tags: CONTAINER_TAGS, maxChars: 200, test: (el, ctx) => { if (ctx.stats.linkCount(el) < 1 || ctx.stats.linkDensity(el) < 0.5) return false; const a = Array.from(el.querySelectorAll('a[href]')); return a.length > 0 && a.every((x) => isCommentHref(x.getAttribute('href')!)) ? 'comment links' : false; } },
  },
  {
    id: 'gallery-chrome',
    category: 'gallery',
    scope: 'anywhere',
    note: 'The controls of a slideshow ("Image 1 of 6", "Back to Gallery", next/previous): not the pictures, which may be the story\'s own.',
    fixtures: ['gallery--slideshow-and-rail', 'gallery--editors-pick'],
    match: { tags: CONTAINER_TAGS, maxChars: 120, maxProse: 0, test: (el, ctx) => { const t = ctx.shortText(el, 120); return GALLERY_COUNTER.test(t) || GALLERY_LINK.test(t) || (HINT.gallery.test(hintOf(el)) && /control|nav|count|pager|button/.test(hintOf(el))) ? 'slideshow controls' : false; } },
  },
  {
    id: 'pagination',
    category: 'nav',
    scope: 'anywhere',
    note: 'Page numbers and next/previous links ("1 2 3 Next", "‹ Previous: ...", "← older post"): navigation between pages.',
    fixtures: ['newsletter--paywall-and-appeal', 'nav--breadcrumbs'],
    match: { tags: CONTAINER_TAGS, maxChars: 300, maxProse: 0, test: T.paginationLinks },
  },
  {
    id: 'related-rail',
    category: 'related',
    scope: 'anywhere',
    note: 'A block headed "Related", "Most read", "Special Coverage", "Major headlines"... that is mostly links or pictured links.',
    fixtures: ['social--wire-portal-2010', 'related--rails-and-inline'],
    match: { tags: CONTAINER_TAGS, label: TEXT_CUE.related, maxProse: 600, test: (el, ctx) => T.linky(0.3)(el, ctx) || (ctx.stats.mediaCount(el) >= 2 && ctx.stats.linkCount(el) >= 2 ? 'pictured links' : false) },
  },
  {
    id: 'related-teaser',
    category: 'related',
    scope: 'outside',
    note: 'Outside the article, a block headed "Read next" / "You may also like" whose teasers carry excerpts (prose of other stories).',
    fixtures: ['related--headline-rails', 'related--teaser-excerpts'],
    match: { tags: CONTAINER_TAGS, label: TEXT_CUE.related, maxProse: 1500, test: (el, ctx) => (ctx.stats.linkCount(el) >= 1 ? 'teasers of other stories' : false) },
  },
  {
    id: 'photo-rail',
    category: 'gallery',
    scope: 'anywhere',
    note: 'Pictures that link to other stories, each with a caption-length text: a photo rail, not the article\'s own picture.',
    fixtures: ['social--wire-portal-2010', 'gallery--slideshow-and-rail', 'gallery--editors-pick'],
    match: { tags: BLOCK_TAGS, test: (el, ctx) => unrelatedPhotoLinks(el, ctx) },
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
    match: { hint: HINT.related, maxProse: 600, test: T.linky(0.25) },
  },
  {
    id: 'tag-list',
    category: 'nav',
    scope: 'anywhere',
    note: 'A "Tags:" / "Topics" / "Schlagworte" list of links: taxonomy navigation, not article text.',
    fixtures: ['nav--breadcrumbs', 'i18n--german-news'],
    match: { tags: CONTAINER_TAGS, maxChars: 400, maxProse: 0, test: T.tagList },
  },
  {
    id: 'breadcrumbs',
    category: 'nav',
    scope: 'anywhere',
    note: 'Breadcrumb trails marked as such: navigation, not article text.',
    fixtures: ['social--html5-portal'],
    match: { selectors: ['[aria-label*="breadcrumb" i]', '[itemtype*="BreadcrumbList"]', '.breadcrumb', '.breadcrumbs', '#breadcrumb', '#breadcrumbs'], maxChars: 400 },
  },
  {
    id: 'breadcrumb-trail',
    category: 'nav',
    scope: 'anywhere',
    note: 'Unmarked breadcrumbs: short links joined by › » > / ("Startseite › Lokales › Münster"), or "You are here:".',
    fixtures: ['i18n--german-news', 'i18n--french-spanish', 'social--table-portal'],
    match: { tags: CONTAINER_TAGS, maxChars: 250, maxProse: 0, test: T.breadcrumbTrail },
  },
  {
    id: 'skip-links',
    category: 'nav',
    scope: 'anywhere',
    note: 'Skip links for keyboard users ("Skip to main content"): page navigation, hidden with the rest of it.',
    fixtures: ['nav--breadcrumbs'],
    match: { tags: CONTAINER_TAGS.concat(['A']), maxChars: 120, maxProse: 0, test: (el, ctx) => (/^\W*(?:skip to|jump to|zum inhalt|direkt zum|aller au contenu|ir al contenido|vai al contenuto)\b/i.test(ctx.shortText(el, 120)) ? 'skip link' : false) },
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
    note: 'Menus named by class (nav, menu, navigation) and made of links.',
    fixtures: ['gallery--editors-pick', 'newsletter--inline'],
    match: { hint: HINT.nav, maxProse: 200, test: T.linky(0.5) },
  },
  {
    id: 'link-menu',
    category: 'nav',
    scope: 'outside',
    note: 'Outside the article, four or more short links and nothing else: a section menu, whatever its markup.',
    fixtures: ['social--table-portal'],
    match: { tags: CONTAINER_TAGS, maxProse: 0, test: T.linkMenu },
  },
] as const satisfies readonly Detector[];

/** Ids of every detector plus the ones the engine applies itself. */
export type DetectorId = (typeof DETECTORS)[number]['id'] | 'off-article' | 'article-captions' | 'user-rule';

export { hintOf };
