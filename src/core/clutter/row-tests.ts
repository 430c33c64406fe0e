/**
 * The structural tests of detector rows that need more than one regexp: tool rows, subscription and donation
 * boxes, ad wrappers, e-mail sign-ups, comment forms, breadcrumb trails, pagers, photo rails. Each returns a short
 * reason, or false. Cheap gates (counts from PageStats) come before any DOM query.
 */
import type { DetectorContext } from './detector-context.js';
import { AD_WORDS, APPEAL, caseless, CRUMB_SEPARATOR, FOOTER_TEXT, PAGER_WORD, SUBSCRIBE_CALL, TEXT_CUE, TOOL_ROW_SEPARATORS } from './cues.js';

type Test = (el: Element, ctx: DetectorContext) => string | false;

/** Mostly links (a rail, a menu). */
export const linky = (min: number): Test => (el, ctx) => {
  const d = ctx.stats.linkDensity(el);
  return d >= min && ctx.stats.linkCount(el) >= 2 ? `link density ${d.toFixed(2)}` : false;
};

/** Where ads are served: markup of the big ad platforms, whatever the page names its wrappers. */
export const AD_SLOT = 'ins.adsbygoogle, [id^="div-gpt-ad"], [data-ad-slot], [data-ad-unit], [data-google-query-id], iframe[src*="doubleclick"], amp-ad, amp-embed, amp-sticky-ad';

const TOOL_EXTRA = caseless(/^\W*(?:comments?|forum|subscribe|rss|feedback|print|email|e-mail|share|bookmark|save|font|text size|recommend|like|tweet|a[+-])\W*$/i, ['comment', 'forum', 'subscribe', 'rss', 'feedback', 'print', 'mail', 'share', 'bookmark', 'save', 'font', 'text size', 'recommend', 'like', 'tweet', 'a+', 'a-']);
const controlsOf = (el: Element) => el.getElementsByTagName('button').length + el.getElementsByTagName('input').length + el.getElementsByTagName('amp-social-share').length;

/** "Email | Print | Subscribe | Comments | Forum": three or more short items, nearly all of them tool words. */
export const toolRow: Test = (el, ctx) => {
  // Cheap gate first: a text row needs separators, an icon/link row needs links.
  if (ctx.stats.separatorCount(el) < 2 && ctx.stats.linkCount(el) < 3) return false;
  const text = ctx.shortText(el, 160);
  if (!text) return false;
  const items = text.split(TOOL_ROW_SEPARATORS).map((s) => s.trim()).filter(Boolean);
  const hasLinksOrButtons = el.querySelector('a, button') !== null;
  const parts = items.length >= 3 ? items : hasLinksOrButtons ? Array.from(el.querySelectorAll('a, button'), (a) => (a.textContent ?? '').trim()).filter(Boolean) : [];
  if (parts.length < 3) return false;
  const tools = parts.filter((p) => TEXT_CUE.social.test(p) || TOOL_EXTRA.test(p) || TEXT_CUE.comments.test(p)).length;
  return tools >= 3 && tools >= parts.length * 0.75 ? `${tools}/${parts.length} tool words` : false;
};

const SHARE_WORD = caseless(/^\W*(?:share|teilen|partager|compartir|condividi|partilhar|delen|поделиться|分享|シェア)\b/i, ['share', 'teilen', 'partager', 'compartir', 'condividi', 'partilhar', 'delen', 'поделиться', '分享', 'シェア']);
const YOU_ARE_HERE = caseless(/^\W*(?:you are here|sie sind hier|vous êtes ici|usted está aquí|sei qui)\b/i, ['you are here', 'sie sind hier', 'vous êtes ici', 'usted está aquí', 'sei qui']);
const PREV_NEXT_LABEL = caseless(/^\W*(?:previous|next|prev|older|newer|zurück|weiter|précédent|suivant|anterior|siguiente)\b\s*(?:post|article|story|page)?\s*:/i, [':']);

/** "Share" / "Teilen" / "Compartir" followed by two or more buttons, icons or links. */
export const shareButtons: Test = (el, ctx) => {
  // Wording first: it is cached and rules out almost every element; counting controls walks the subtree.
  const first = ctx.shortText(el, 120).split(/\s+/).slice(0, 3).join(' ');
  if (!SHARE_WORD.test(first)) return false;
  return controlsOf(el) + ctx.stats.linkCount(el) >= 2 ? 'share label with buttons' : false;
};

/**
 * A box asking to subscribe or donate: few links (not a menu with a "Subscribe" item), and inside the article a
 * form control or a link that is itself the call, so a sentence of the story that mentions a newsletter stays.
 */
export const subscribeCall: Test = (el, ctx) => {
  const links = ctx.stats.linkCount(el);
  if (links > 3) return false;
  const text = ctx.shortText(el, 300);
  if (!SUBSCRIBE_CALL.test(text) || FOOTER_TEXT.test(text)) return false; // wording first: walking for controls costs more
  const controls = controlsOf(el);
  const callLink = Array.from(el.getElementsByTagName('a')).some((a) => SUBSCRIBE_CALL.test(a.textContent ?? ''));
  if (ctx.relation(el) === 'inside' ? controls === 0 && !callLink : links + controls === 0) return false;
  return 'asks to subscribe or donate';
};

/** A donation or membership appeal: named so by its heading, with a button or link to act on it. */
export const supportAppeal: Test = (el, ctx) => {
  const label = ctx.label(el);
  if (!label || !APPEAL.test(label)) return false;
  return controlsOf(el) + ctx.stats.linkCount(el) > 0 ? `appeal "${label.slice(0, 30)}"` : false;
};

/** An e-mail sign-up: an e-mail field and a button, no password (a login) and no text area (a comment form). */
export const emailSignup: Test = (el, ctx) => {
  if (ctx.stats.fieldCount(el) === 0) return false;
  const inputs = Array.from(el.getElementsByTagName('input'));
  if (!inputs.length || el.getElementsByTagName('textarea').length) return false;
  if (FOOTER_TEXT.test(ctx.shortText(el, 500))) return false; // a footer holding a sign-up: judge its parts alone
  if (inputs.some((i) => i.getAttribute('type') === 'password')) return false;
  const email = inputs.some((i) => i.getAttribute('type') === 'email' || /mail/i.test(`${i.getAttribute('name') ?? ''} ${i.getAttribute('placeholder') ?? ''} ${i.getAttribute('aria-label') ?? ''}`));
  return email ? 'e-mail sign-up form' : false;
};

/** A wrapper around an ad platform's slot, holding nothing but ad labels. */
export const adWrapper: Test = (el, ctx) => {
  if (ctx.stats.linkCount(el) > 1) return false;
  const text = ctx.shortText(el, 120);
  if (text && !AD_WORDS.test(text) && text.length > 3) return false;
  return el.querySelector(AD_SLOT) ? 'wraps an ad slot' : false;
};

/** A box that says "Advertisement" and holds nothing else with text (the slot itself is empty until it loads). */
export const labelledAdBox: Test = (el, ctx) => {
  if (el.childElementCount < 2 || ctx.stats.linkCount(el) > 0) return false;
  const text = ctx.shortText(el, 60);
  return text && AD_WORDS.test(text) ? 'an ad label and an empty slot' : false;
};

/** A rail whose label says it is paid for ("Promoted Stories", "Sponsored content"). */
export const adRail: Test = (el, ctx) => {
  const label = ctx.label(el);
  if (!label || !AD_WORDS.test(label)) return false;
  return ctx.stats.linkCount(el) >= 1 || ctx.stats.mediaCount(el) >= 1 ? `label "${label.slice(0, 30)}"` : false;
};

/** A comment form: a text area in a form that posts comments, or under a comments label. */
export const commentsForm: Test = (el, ctx) => {
  if (ctx.stats.fieldCount(el) === 0) return false;
  const areas = el.getElementsByTagName('textarea');
  if (!areas.length) return false;
  const form = areas[0].closest('form');
  const action = form?.getAttribute('action') ?? '';
  const label = ctx.label(el);
  return /comment|respond|reply|kommentar|forum|post/i.test(action) || (label && TEXT_CUE.comments.test(label)) ? 'comment form' : false;
};

/**
 * "Home › World › Asia": two or more short links joined by separators, the last crumb maybe the page's own
 * (long) title as plain text; or a line starting "You are here".
 */
export const breadcrumbTrail: Test = (el, ctx) => {
  const links = ctx.stats.linkCount(el);
  if (links < 2 || el.getElementsByTagName('img').length) return false;
  const text = ctx.shortText(el, 250);
  if (YOU_ARE_HERE.test(text)) return 'breadcrumb ("you are here")';
  if (ctx.stats.linkChars(el) / links > 30) return false; // crumbs are short
  const seps = text.replace(/^\W+/, '').split(CRUMB_SEPARATOR).length - 1;
  return seps >= links - 1 ? 'breadcrumb trail' : false;
};

/** Three or more page links ("1 2 3 Next"), or previous/next article links marked with words or arrows. */
export const paginationLinks: Test = (el, ctx) => {
  const links = ctx.stats.linkCount(el);
  if (links < 2) return false;
  const texts = Array.from(el.getElementsByTagName('a'), (a) => (a.textContent ?? '').replace(/\s+/g, ' ').trim()).filter(Boolean);
  const pager = texts.filter((t) => /^\d{1,3}$/.test(t) || PAGER_WORD.test(t)).length;
  if (pager >= 3 && pager >= texts.length * 0.8) return `${pager} page links`;
  const prevNext = texts.filter((t) => /^[‹«←<]|[›»→>]$/.test(t) || PREV_NEXT_LABEL.test(t)).length;
  return links <= 4 && prevNext >= 2 && prevNext === texts.length ? 'previous/next article links' : false;
};

/** Ad servers and IAB banner sizes: a picture link to an ad, however the page wraps it. */
const AD_URL = /(?:^|\/\/)(?:ad|ads|adserver|adclick|banners?)\.|\/(?:ads?|adserver|banners?|adclick)\/|doubleclick|[?&](?:zone|adid|bannerid)=/i;
const IAB_SIZES = new Set(['468x60', '728x90', '300x250', '160x600', '120x600', '300x600', '970x90', '970x250', '320x50', '600x90', '336x280', '234x60']);

/** A lone picture linking to an ad server, or a picture in a standard banner size. */
export const adImageLink: Test = (el, ctx) => {
  if (ctx.stats.textChars(el) > 0 || ctx.stats.mediaCount(el) !== 1 || ctx.stats.linkCount(el) > 1) return false;
  const img = el.getElementsByTagName('img')[0];
  if (!img) return false;
  const a = img.closest('a');
  const size = `${img.getAttribute('width')}x${img.getAttribute('height')}`;
  if (IAB_SIZES.has(size)) return `banner ${size}`;
  return AD_URL.test(a?.getAttribute('href') ?? '') || AD_URL.test(img.getAttribute('src') ?? '') ? 'picture link to an ad server' : false;
};

/** A menu: four or more short links and little else ("Asia-Pacific · Europe · Africa · ..."). */
export const linkMenu: Test = (el, ctx) => {
  const links = ctx.stats.linkCount(el);
  if (ctx.stats.mediaCount(el) > 0) return false; // a logo or banner beside the menu: judge the cells alone
  if (links < 4 || ctx.stats.linkDensity(el) < 0.8) return false;
  return ctx.stats.linkChars(el) / links <= 20 ? `${links} short links` : false;
};

const TAGS_LABEL = caseless(/^\W*(?:tags?|tagged(?: with)?|topics?|related topics|more about|keywords|schlagw(?:ö|o)rte|themen|mots[- ]clés|sujets|etiquetas|temas|argomenti|tag)\b\s*:?/i, ['tag', 'topic', 'more about', 'keywords', 'schlagw', 'themen', 'mots', 'sujets', 'etiquetas', 'temas', 'argomenti']);

/** "Tags: Batteries, Recycling, Nevada": a label and links to topic pages. */
export const tagList: Test = (el, ctx) => {
  if (ctx.stats.linkCount(el) < 1 || ctx.stats.linkDensity(el) < 0.5) return false;
  const label = ctx.label(el) || ctx.shortText(el, 400).slice(0, 40);
  return TAGS_LABEL.test(label) ? 'topic tags' : false;
};
