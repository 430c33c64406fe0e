/**
 * Structural signals that need more than one regexp: where links go, and whether pictures point at other stories.
 */
import type { DetectorContext } from './detector-context.js';
import { caseless } from './cues.js';

// Tested on the lower-cased href, and only on an href that holds one of the needs (cues.ts caseless).
const SHARE_HREF = caseless(
  /^(?:mailto:|sms:|whatsapp:|tg:|fb-messenger:|viber:)|(?:facebook\.com\/(?:sharer|share|dialog\/share|dialog\/feed)|twitter\.com\/(?:intent|share|home\?status)|x\.com\/intent|linkedin\.com\/(?:share|cws\/share|sharearticle)|pinterest\.[a-z.]+\/pin\/create|reddit\.com\/submit|api\.whatsapp\.com\/send|wa\.me\/|t\.me\/share|telegram\.me\/share|tumblr\.com\/(?:share|widgets\/share)|vk\.com\/share|connect\.ok\.ru|service\.weibo\.com\/share|line\.me\/r\/msg|getpocket\.com\/(?:save|edit)|flipboard\.com\/bookmarklet|news\.ycombinator\.com\/submitlink|xing\.com\/spi\/shares|addthis\.com\/bookmark|sharethis\.com|digg\.com\/submit|stumbleupon\.com\/submit|delicious\.com\/save|plus\.google\.com\/share)/i,
  ['mailto:', 'sms:', 'whatsapp', 'tg:', 'fb-messenger:', 'viber:', 'facebook.com', 'twitter.com', 'x.com', 'linkedin.com', 'pinterest.', 'reddit.com', 'wa.me', 't.me', 'telegram.me', 'tumblr.com', 'vk.com', 'ok.ru', 'weibo.com', 'line.me', 'getpocket.com', 'flipboard.com', 'ycombinator.com', 'xing.com', 'addthis.com', 'sharethis.com', 'digg.com', 'stumbleupon.com', 'delicious.com', 'plus.google.com'],
);
const COMMENT_HREF = caseless(/(?:#(?:comments?|respond|disqus_thread|reply|discuss|kommentare?|commentaires?|comentarios?|commenti|reacties)|[/?&](?:comments?|forum|forums|bbs|discussion|talk|reply)(?:[/?&#=.]|$)|^https?:\/\/(?:bbs|forum|forums|comments?)\.)/i, ['comment', 'respond', 'disqus', 'reply', 'discuss', 'komment', 'coment', 'reacties', 'forum', 'bbs', 'talk']);
const IMAGE_FILE = /\.(?:jpe?g|png|gif|webp|avif)(?:[?#].*)?$/i;

/** A link that shares the page somewhere (social network, mail, messenger). */
export function isShareHref(href: string): boolean {
  return SHARE_HREF.test(href);
}

/** A link to the page's comments or to the site's forum. */
export function isCommentHref(href: string): boolean {
  return COMMENT_HREF.test(href);
}

/**
 * Three or more pictures that each link to a different page (not to the image file itself, not to an anchor):
 * a rail of other stories, even when each picture carries a long caption ("Editor's Pick" galleries).
 */
export function unrelatedPhotoLinks(el: Element, ctx: DetectorContext): string | false {
  if (ctx.stats.mediaCount(el) < 3) return false;
  // Two or more headings: a column of boxes (a photo rail among others), not one rail; its boxes are judged alone.
  if (ctx.stats.headingCount(el) >= 2) return false;
  const imgs = el.getElementsByTagName('img');
  if (imgs.length < 3) return false;
  const targets = new Set<string>();
  for (const img of Array.from(imgs)) {
    const a = img.closest('a[href]');
    if (!a || !el.contains(a)) continue;
    const href = a.getAttribute('href')!;
    if (href.startsWith('#') || href.startsWith('javascript:') || IMAGE_FILE.test(href)) continue;
    targets.add(href);
  }
  if (targets.size < 3) return false;
  // The pictures and their captions must be the block, not a corner of a bigger column holding other boxes.
  let itemChars = 0;
  for (const a of Array.from(el.querySelectorAll('a[href]'))) if (targets.has(a.getAttribute('href')!)) itemChars += ctx.stats.textChars(a);
  if (itemChars < ctx.stats.textChars(el) * 0.6) return false;
  // Captions describe pictures in sentences; headline teasers with thumbnails are a related rail, not a gallery,
  // unless the rail says it is about pictures ("More photo galleries").
  if (itemChars / targets.size < 70 && !/photo|gallery|galleries|picture|bilder|foto|galer|imágenes/i.test(ctx.label(el))) return false;
  // Inside the article a gallery of its own pictures can link out too; ask for a rail made of links there.
  const density = ctx.stats.linkDensity(el);
  if (ctx.relation(el) === 'inside' && density < 0.5) return false;
  if (ctx.stats.proseChars(el) > 0 && density < 0.3 && ctx.relation(el) !== 'outside') return false;
  return `${targets.size} pictures linking to other pages`;
}
