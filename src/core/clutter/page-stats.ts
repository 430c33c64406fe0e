/**
 * One linear pass over the document that measures every element: how much text it holds, how much of it is
 * link text, and how text is spread over block-level "paragraphs". Every later heuristic reads these numbers
 * instead of calling textContent again (RDB recomputes getInnerText per candidate, which is what makes it slow).
 */

import { isUnlikely } from './cues.js';

/** Elements whose content is never read as text. */
const SKIP_TAGS = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'HEAD', 'SVG', 'svg', 'MATH', 'IFRAME', 'OBJECT', 'EMBED', 'CANVAS',
  'SELECT', 'OPTION', 'TEXTAREA', 'INPUT', 'VIDEO', 'AUDIO', 'PICTURE', 'MAP', 'LINK', 'META',
]);

/** Tags that render inline: their text belongs to the nearest block ancestor. */
export const INLINE_TAGS = new Set([
  'A', 'ABBR', 'B', 'BDI', 'BDO', 'BR', 'CITE', 'CODE', 'DATA', 'DFN', 'EM', 'FONT', 'I', 'IMG', 'KBD', 'LABEL',
  'MARK', 'Q', 'RP', 'RT', 'RUBY', 'S', 'SAMP', 'SMALL', 'SPAN', 'STRIKE', 'STRONG', 'SUB', 'SUP', 'TIME', 'TT', 'U',
  'VAR', 'WBR', 'INS', 'DEL', 'BIG', 'CENTER', 'NOBR',
]);

/** A block of at least this many characters with few links counts as prose (a sentence or more). */
export const PROSE_MIN_CHARS = 60;
const PROSE_MAX_LINK_DENSITY = 0.34;

const HEADINGS = new Set(['H1', 'H2', 'H3', 'H4', 'H5', 'H6']);
const HIDDEN_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)/i;

/** True when the element's content is not shown to a reader, judging only by markup. */
export function isMarkupHidden(el: Element): boolean {
  if (SKIP_TAGS.has(el.tagName)) return true;
  if (!el.hasAttributes()) return false;
  if (el.hasAttribute('hidden')) return true;
  const style = el.getAttribute('style');
  return style !== null && HIDDEN_STYLE.test(style);
}

/** Commas and separators in the text countChars() last read (out-values: no object per text node). */
let scannedCommas = 0, scannedSeparators = 0;

/**
 * Non-whitespace character count: stable across whitespace-only reformatting of a page. Chinese, Japanese and
 * Korean characters count double: a CJK sentence says in ~40 characters what takes ~90 in English, and every
 * threshold (prose, paragraph) is in Latin-text characters.
 */
export function countChars(text: string): number {
  let n = 0;
  scannedCommas = scannedSeparators = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // ASCII whitespace and controls, NBSP, and the Unicode spaces U+2000..U+200B, U+3000.
    if (c <= 32 || c === 160 || (c >= 0x2000 && c <= 0x200b) || c === 0x3000) continue;
    n += (c >= 0x3040 && c <= 0x30ff) || (c >= 0x3400 && c <= 0x9fff) || (c >= 0xac00 && c <= 0xd7af) ? 2 : 1;
    // Commas of several scripts (, ， 、 ،) and tool-row separators (| • · ∙ ⋅), counted in the same pass: two
    // regexp matches per text node allocated an array each and were a visible share of the walk's time.
    if (c === 0x2c || c === 0xff0c || c === 0x3001 || c === 0x60c) scannedCommas++;
    else if (c === 0x7c || c === 0x2022 || c === 0xb7 || c === 0x2219 || c === 0x22c5) scannedSeparators++;
  }
  return n;
}

/** Measurements of a document, indexed by element. */
export class PageStats {
  /** Elements in document (pre-)order; only those whose content is readable. */
  readonly elements: Element[] = [];
  private readonly index = new Map<Element, number>();
  private parent: Int32Array;
  /** Subtree text characters (non-whitespace). */
  private chars: Float64Array;
  /** Subtree characters inside links. */
  private linkCh: Float64Array;
  /** Characters whose nearest block ancestor is this element (its "own paragraph" text). */
  private blockChars: Float64Array;
  private blockLinkChars: Float64Array;
  private blockCommas: Float64Array;
  /** Number of <a href> in the subtree. */
  private links: Float64Array;
  /** Subtree characters in prose blocks: paragraphs long enough and not made of links. */
  private prose: Float64Array;
  /** Like prose, but not counting blocks inside comment/related/sidebar... subtrees (see isUnlikely). */
  private mainProse: Float64Array;
  /** The element or an ancestor is named like a block the article is never in, or is a story teaser. */
  private unlikely: Uint8Array;
  /** Pictures (img, picture, video) and headings in the subtree. */
  private media: Float64Array;
  private headings: Float64Array;
  /** Tool-row separators ("|", "•", "/") in the subtree's text. */
  private separators: Float64Array;
  /** Form fields (input, textarea) among the children of measured elements, in the subtree. */
  private fields: Float64Array;
  /** Pre-order index of the last element in each subtree: subtrees are contiguous ranges [i, end[i]]. */
  private end: Int32Array;

  constructor(readonly body: Element) {
    // Typed arrays sized by an upper bound (skipped subtrees leave their slots unused): no per-element allocation.
    const cap = body.getElementsByTagName('*').length + 1;
    this.parent = new Int32Array(cap);
    this.chars = new Float64Array(cap);
    this.linkCh = new Float64Array(cap);
    this.blockChars = new Float64Array(cap);
    this.blockLinkChars = new Float64Array(cap);
    this.blockCommas = new Float64Array(cap);
    this.links = new Float64Array(cap);
    this.prose = new Float64Array(cap);
    this.mainProse = new Float64Array(cap);
    this.unlikely = new Uint8Array(cap);
    this.media = new Float64Array(cap);
    this.headings = new Float64Array(cap);
    this.separators = new Float64Array(cap);
    this.fields = new Float64Array(cap);
    this.end = new Int32Array(cap);
    this.measure(body);
  }

  private measure(body: Element): void {
    const blockOf = new Int32Array(this.parent.length);
    const inLink = new Uint8Array(this.parent.length);
    const stackEl: Element[] = [body];
    const stackParent: number[] = [-1];
    const kids: Element[] = [];
    while (stackEl.length) {
      const el = stackEl.pop()!;
      const parentIdx = stackParent.pop()!;
      const i = this.elements.length;
      this.elements.push(el);
      this.index.set(el, i);
      this.parent[i] = parentIdx;
      this.end[i] = i;
      const tag = el.tagName;
      this.unlikely[i] = el !== body && isUnlikely(el) ? 1 : 0; // own name only; inherited below
      this.media[i] = tag === 'IMG' || tag === 'PICTURE' || tag === 'VIDEO' ? 1 : 0;
      this.headings[i] = HEADINGS.has(tag) ? 1 : 0;
      const isLink = tag === 'A';
      const link = isLink || (parentIdx >= 0 && inLink[parentIdx] === 1);
      inLink[i] = link ? 1 : 0;
      const b = INLINE_TAGS.has(tag) && parentIdx >= 0 ? blockOf[parentIdx] : i;
      blockOf[i] = b;
      let own = 0, commas = 0, seps = 0, fields = 0;
      kids.length = 0;
      // Index childNodes rather than walking nextSibling: happy-dom's nextSibling is a linear search in the parent
      // (a div with 100,000 children took 4 s), and in browsers both are equally fast.
      const childNodes = el.childNodes;
      for (let c = 0; c < childNodes.length; c++) {
        const n = childNodes[c];
        if (n.nodeType === 3) {
          const t = n.nodeValue ?? '';
          own += countChars(t);
          commas += scannedCommas;
          seps += scannedSeparators;
        } else if (n.nodeType === 1) {
          const tag = (n as Element).tagName;
          if (tag === 'INPUT' || tag === 'TEXTAREA') fields++; // never walked (SKIP_TAGS), counted here
          if (!isMarkupHidden(n as Element)) kids.push(n as Element);
        }
      }
      this.chars[i] = own;
      this.linkCh[i] = link ? own : 0;
      this.links[i] = isLink && el.hasAttribute('href') ? 1 : 0;
      this.separators[i] = seps;
      this.fields[i] = fields;
      this.blockChars[b] += own;
      this.blockCommas[b] += commas;
      if (link) this.blockLinkChars[b] += own;
      for (let k = kids.length - 1; k >= 0; k--) {
        stackEl.push(kids[k]);
        stackParent.push(i);
      }
    }
    // Children always have larger indices than their parent in pre-order, so one reverse sweep sums subtrees;
    // when the sweep reaches i, every inline descendant has already added to blockChars[i].
    const n = this.elements.length;
    for (let i = n - 1; i >= 0; i--) {
      const bc = this.blockChars[i];
      if (bc >= PROSE_MIN_CHARS && this.blockLinkChars[i] / bc < PROSE_MAX_LINK_DENSITY) this.prose[i] += bc - this.blockLinkChars[i];
      const p = this.parent[i];
      if (p < 0) continue;
      if (this.end[i] > this.end[p]) this.end[p] = this.end[i];
      this.chars[p] += this.chars[i];
      this.linkCh[p] += this.linkCh[i];
      this.links[p] += this.links[i];
      this.prose[p] += this.prose[i];
      this.media[p] += this.media[i];
      this.headings[p] += this.headings[i];
      this.separators[p] += this.separators[i];
      this.fields[p] += this.fields[i];
    }
    this.markTeasers();
    // Inherit "unlikely" downwards (parents precede children), then sum the prose outside unlikely subtrees.
    for (let i = 1; i < n; i++) if (this.unlikely[this.parent[i]]) this.unlikely[i] = 1;
    for (let i = n - 1; i >= 0; i--) {
      const bc = this.blockChars[i];
      if (!this.unlikely[i] && bc >= PROSE_MIN_CHARS && this.blockLinkChars[i] / bc < PROSE_MAX_LINK_DENSITY) this.mainProse[i] += bc - this.blockLinkChars[i];
      const p = this.parent[i];
      if (p >= 0) this.mainProse[p] += this.mainProse[i];
    }
  }

  /**
   * Story teasers: three or more sibling items of the same shape (tag + first class), each a small block with a
   * linked headline and a picture or heading. Their excerpts are prose, but of other stories: they must not vote
   * for the article root (a "You may like" list of six excerpts outvotes a one-paragraph article otherwise).
   */
  private markTeasers(): void {
    const groups = new Map<string, number[]>();
    for (let i = 1; i < this.elements.length; i++) {
      const el = this.elements[i];
      if (INLINE_TAGS.has(el.tagName) || el.tagName === 'P' || HEADINGS.has(el.tagName)) continue;
      const c = this.chars[i];
      if (c === 0 || c > 700 || this.linkCh[i] < 15 || (this.media[i] === 0 && this.headings[i] === 0)) continue;
      const cls = (el.getAttribute('class') ?? '').trim().split(/\s+/)[0];
      const key = `${this.parent[i]}|${el.tagName}|${cls}`;
      const g = groups.get(key);
      if (g) g.push(i);
      else groups.set(key, [i]);
    }
    for (const g of groups.values()) if (g.length >= 3) for (const i of g) this.unlikely[i] = 1;
  }

  /** Prose outside comment/related/sidebar subtrees: what an article root is chosen by. */
  mainProseChars(el: Element): number {
    const i = this.at(el);
    return i < 0 ? 0 : this.mainProse[i];
  }

  /** The element or an ancestor is named like comments, a related rail, a sidebar... */
  isUnlikely(el: Element): boolean {
    const i = this.at(el);
    return i >= 0 && this.unlikely[i] === 1;
  }

  /** Characters of prose (paragraph text that is not link text) in the subtree. */
  proseChars(el: Element): number {
    const i = this.at(el);
    return i < 0 ? 0 : this.prose[i];
  }

  /** Pre-order index of a measured element (-1 otherwise). */
  indexOf(el: Element): number {
    return this.at(el);
  }

  /** Index of the last element of el's subtree (elements[indexOf(el)..subtreeEnd(el)] is the subtree). */
  subtreeEnd(el: Element): number {
    const i = this.at(el);
    return i < 0 ? -1 : this.end[i];
  }

  /** a contains b (or is b), in O(1) for measured elements; falls back to the DOM otherwise. */
  contains(a: Element, b: Element): boolean {
    const i = this.at(a), j = this.at(b);
    if (i < 0 || j < 0) return a === b || a.contains(b);
    return i <= j && j <= this.end[i];
  }

  /** Tool-row separators in the subtree's text. */
  separatorCount(el: Element): number {
    const i = this.at(el);
    return i < 0 ? 0 : this.separators[i];
  }

  /** Headings (h1-h6) in the subtree. */
  headingCount(el: Element): number {
    const i = this.at(el);
    return i < 0 ? 0 : this.headings[i];
  }

  /**
   * Form fields (input, textarea) in the subtree, outside hidden parts: a gate before getElementsByTagName, which
   * builds a live collection per call (the sign-up and comment-form rows asked it of every small block).
   */
  fieldCount(el: Element): number {
    const i = this.at(el);
    return i < 0 ? 0 : this.fields[i];
  }

  /** Pictures (img, picture, video) in the subtree. */
  mediaCount(el: Element): number {
    const i = this.at(el);
    return i < 0 ? 0 : this.media[i];
  }

  /** Whether the element was measured (false for script/style/hidden subtrees and foreign nodes). */
  has(el: Element): boolean {
    return this.index.has(el);
  }

  private at(el: Element): number {
    return this.index.get(el) ?? -1;
  }

  textChars(el: Element): number {
    const i = this.at(el);
    return i < 0 ? 0 : this.chars[i];
  }

  linkChars(el: Element): number {
    const i = this.at(el);
    return i < 0 ? 0 : this.linkCh[i];
  }

  linkCount(el: Element): number {
    const i = this.at(el);
    return i < 0 ? 0 : this.links[i];
  }

  /** Share of the element's text that sits inside links (0 when it has no text). */
  linkDensity(el: Element): number {
    const i = this.at(el);
    return i < 0 || this.chars[i] === 0 ? 0 : this.linkCh[i] / this.chars[i];
  }

  /** Blocks ("paragraphs") with their own text, in document order. */
  *blocks(): Generator<{ el: Element; chars: number; linkChars: number; commas: number; unlikely: boolean }> {
    for (let i = 0; i < this.elements.length; i++) {
      if (this.blockChars[i] > 0) {
        yield { el: this.elements[i], chars: this.blockChars[i], linkChars: this.blockLinkChars[i], commas: this.blockCommas[i], unlikely: this.unlikely[i] === 1 };
      }
    }
  }

  /** The element's own paragraph text (text not inside a nested block). */
  ownBlockChars(el: Element): number {
    const i = this.at(el);
    return i < 0 ? 0 : this.blockChars[i];
  }
}
