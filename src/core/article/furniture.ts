/**
 * Article furniture inside the article root: captions, the headline's header block, bylines and datelines.
 * It stays on the page and in saved HTML; it is left out of the body *text* (what the CLI prints, what the AEB
 * benchmark scores, what entity recognition reads), because it is not what the article says.
 */

import { boundedText } from '../clutter/detector-context.js';

const CAPTION_CLASS = /caption|photo-?credit|image-?credit|(?:^|[\s_-])credits?(?:$|[\s_-])/i;
const META_CLASS = /(?:^|[\s_-])(?:byline|bylines|author|authors|author-?name|dateline|timestamp|published|pubdate|date|datetime|time|post-?meta|entry-?meta|article-?meta|meta|posted-?on|updated)(?:$|[\s_-])/i;

/** Picture captions and credits (figcaption, or blocks whose class says caption/credit). */
export function captionsIn(root: Element): Element[] {
  const out: Element[] = Array.from(root.getElementsByTagName('figcaption'));
  // One walk with attribute reads: selector lists cost a DOM walk per part in happy-dom (the CLI's DOM).
  for (const el of Array.from(root.getElementsByTagName('*'))) {
    const cls = el.getAttribute('class');
    if (cls && CAPTION_CLASS.test(cls) && boundedText(el, 600) !== null) out.push(el);
  }
  return out;
}

/**
 * The headline's own block when the headline sits inside the root: climb from the headline while the ancestor
 * is still small (headline, standfirst, byline), stopping below the root.
 */
export function headerBlockIn(root: Element, title: Element | null): Element | null {
  if (!title || !root.contains(title) || title === root) return null;
  let block: Element = title;
  for (let p = title.parentElement; p && p !== root; p = p.parentElement) {
    if (boundedText(p, 600) === null) break;
    block = p;
  }
  return block;
}

/** "By Dana Whitfield", "Von Anna Weber", "Par Claire Fabre": a byline line, whatever its markup. */
const BYLINE_LEAD = /^\s*(?:by|von|par|por|di|door|av|af)\s+(?=\S)/i;
/** Lower-case words a name may hold ("Ursula von der Leyen", "Amy Jo and Sam Lee"). */
const NAME_LINKS = new Set(['and', 'und', 'et', 'y', 'e', 'en', 'och', 'og', 'van', 'von', 'der', 'den', 'de', 'da', 'di', 'del', 'la', 'le', 'du', 'dos', 'das', 'bin', 'al']);
/** Days and months after "By"/"Von" start a sentence ("By Tuesday, 40 people...", "Von Montag an"), not a byline. */
const NOT_A_NAME = /^(?:mon|tues|wednes|thurs|fri|satur|sun)day$|^(?:january|february|march|april|may|june|july|august|september|october|november|december)$|^(?:montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|januar|februar|märz|juni|juli|oktober|dezember)$|^(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre)$|^(?:lunes|martes|miércoles|jueves|viernes|sábado|domingo|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre)$/;

/**
 * The name part of a byline line ("By Dana Whitfield · May 2, 2026" -> "Dana Whitfield"), or null when the text is
 * not one. After the lead word, up to the first separator, comma or bracket, every word must be capitalised (or a
 * name link such as "von der"), one to five of them, the first not a day or month: "By Tuesday, 40 people were
 * evacuated" and "Di Maio ha detto" are sentences. Capitals are tested by toLowerCase, not a \p{Lu} regexp (slow to
 * compile per page).
 */
export function bylineName(text: string): string | null {
  const m = BYLINE_LEAD.exec(text);
  if (!m) return null;
  const rest = text.slice(m[0].length);
  const name = rest.split(/\s+[·•|—–]\s+/)[0]!.trim();
  const words = name.split(/\s*[,(;:]/)[0]!.split(/\s+/).filter(Boolean);
  let capitals = 0;
  for (const w of words) {
    const lower = w.toLowerCase();
    if (w !== lower) capitals++;
    else if (!NAME_LINKS.has(lower)) return null;
  }
  if (capitals === 0 || capitals > 5 || words[0] === words[0]!.toLowerCase() || NOT_A_NAME.test(words[0]!.toLowerCase())) return null;
  return name;
}

/** Short blocks named byline / author / date / meta (class, id or data-testid), or that read as a byline. */
export function metaBlocksIn(root: Element): Element[] {
  const out: Element[] = [];
  for (const el of Array.from(root.getElementsByTagName('*'))) {
    const tag = el.tagName;
    if (!(tag === 'DIV' || tag === 'P' || tag === 'TIME' || tag === 'ADDRESS' || el.hasAttribute('class') || el.hasAttribute('data-testid'))) continue;
    const raw = boundedText(el, 400);
    if (raw === null) continue;
    const text = raw.replace(/\s+/g, ' ').trim();
    if (text.length > 250) continue;
    const names = `${el.getAttribute('class') ?? ''} ${el.getAttribute('data-testid') ?? ''}`;
    const named = META_CLASS.test(names) && (el.tagName !== 'P' || text.length <= 150);
    if (el.tagName === 'TIME' || el.tagName === 'ADDRESS' || named || (text.length <= 150 && el.childElementCount <= 6 && bylineName(text) !== null)) out.push(el);
  }
  return out;
}

/** Everything inside the root that is not body text. */
export function furnitureIn(root: Element, title: Element | null): Element[] {
  const header = headerBlockIn(root, title);
  return [...captionsIn(root), ...metaBlocksIn(root), ...(header ? [header] : [])];
}
