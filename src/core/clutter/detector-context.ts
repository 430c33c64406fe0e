/**
 * What a detector may look at: the page measurements, the article root, and cheap derived facts about an element
 * (its label, its links). Everything is computed lazily and cached for one analysis.
 */
import { PageStats } from './page-stats.js';

const HEADING = /^H[1-6]$/;
const LABEL_HINT = /(?:^|[\s_-])(?:title|heading|header|hd|label|caption|tit)(?:$|[\s_-])/i;

export class DetectorContext {
  private labels = new Map<Element, string>();
  private texts = new Map<Element, string>();
  // boundedText(el) of elements read so far, and the length of their text nodes alone (boundedText's bound).
  private raws = new Map<Element, string>();
  private rawLens = new Map<Element, number>();

  constructor(
    readonly stats: PageStats,
    readonly root: Element | null,
    readonly title: Element | null,
  ) {}

  /** True when el is the root, inside it, or holds it. */
  relation(el: Element): 'inside' | 'outside' | 'ancestor' {
    const root = this.root;
    if (!root) return 'outside';
    if (el === root) return 'ancestor';
    if (this.stats.contains(root, el)) return 'inside';
    return this.stats.contains(el, root) ? 'ancestor' : 'outside';
  }

  /**
   * Where el lies relative to the article root in document order: 'before' or 'after' it (outside it), else
   * null. From pre-order indexes: compareDocumentPosition is slow on big documents in some DOMs (happy-dom).
   */
  side(el: Element): 'before' | 'after' | null {
    const root = this.root;
    if (!root) return null;
    const i = this.stats.indexOf(el), r = this.stats.indexOf(root);
    if (i < 0 || r < 0) {
      const pos = el.compareDocumentPosition(root);
      return pos & 4 && !(pos & 16) ? 'before' : pos & 2 && !(pos & 8) ? 'after' : null;
    }
    if (i < r) return this.stats.subtreeEnd(el) < r ? 'before' : null;
    return i > this.stats.subtreeEnd(root) ? 'after' : null;
  }

  /**
   * The words a reader takes as the block's name: an aria-label, its first heading (or a child whose class says
   * "title"), or, for a short block, its whole text. Lower-cased, whitespace-collapsed.
   */
  label(el: Element): string {
    let l = this.labels.get(el);
    if (l !== undefined) return l;
    l = el.getAttribute('aria-label') ?? '';
    if (!l) {
      const head = firstLabelChild(el, (e) => this.stats.textChars(e), (e, max) => this.boundedText(e, max));
      if (head) l = this.boundedText(head, 200) ?? '';
      else if (this.stats.textChars(el) <= 60) l = this.boundedText(el, 400) ?? '';
    }
    l = l.replace(/\s+/g, ' ').trim().toLowerCase();
    this.labels.set(el, l);
    return l;
  }

  /**
   * Whole (short) visible text of an element, collapsed; '' when longer than max characters. Cached: several
   * detectors read the same small element's text, and walking it again was a sixth of the engine's time.
   */
  shortText(el: Element, max = 200): string {
    if (this.stats.textChars(el) > max) return '';
    let t = this.texts.get(el);
    if (t === undefined) {
      t = this.rawText(el).replace(/\s+/g, ' ').trim();
      this.texts.set(el, t);
    }
    return t;
  }

  /** boundedText(el, max), from the cache of element texts when the element was measured. */
  boundedText(el: Element, max: number): string | null {
    // Measured characters count non-whitespace once (CJK twice), so more than 2*max of them is over the bound.
    if (!this.stats.has(el)) return boundedText(el, max);
    if (this.stats.textChars(el) > 2 * max) return null;
    const raw = this.rawText(el);
    return this.rawLens.get(el)! > max ? null : raw;
  }

  /**
   * boundedText(el) without a bound, built from the cached texts of its child elements: detectors read the text of
   * a small element and then of its parent, grandparent..., and walking each subtree again for every ancestor
   * was a large share of the engine's DOM reads. Iterative post-order (pages nest thousands of levels deep).
   */
  private rawText(el: Element): string {
    const hit = this.raws.get(el);
    if (hit !== undefined) return hit;
    type Frame = { el: Element; kids: NodeListOf<ChildNode>; k: number; parts: string[]; len: number };
    const open = (e: Element): Frame => ({ el: e, kids: e.childNodes, k: 0, parts: [' '], len: 0 });
    const stack: Frame[] = [open(el)];
    for (;;) {
      const f = stack[stack.length - 1]!;
      if (f.k < f.kids.length) {
        const n = f.kids[f.k++]!;
        if (n.nodeType === 3) {
          const t = n.nodeValue ?? '';
          f.parts.push(t);
          f.len += t.length;
        } else if (n.nodeType === 1 && !NOT_TEXT.has((n as Element).tagName)) {
          const c = n as Element;
          const cached = this.raws.get(c);
          if (cached !== undefined) {
            f.parts.push(cached);
            f.len += this.rawLens.get(c)!;
          } else stack.push(open(c));
        }
        continue;
      }
      const text = f.parts.join('');
      this.raws.set(f.el, text);
      this.rawLens.set(f.el, f.len);
      stack.pop();
      if (!stack.length) return text;
      const parent = stack[stack.length - 1]!;
      parent.parts.push(text);
      parent.len += f.len;
    }
  }
}

const NOT_TEXT = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE']);

/**
 * textContent without script/style text (inline scripts would otherwise match text cues), stopping once longer
 * than `max` characters. Iterative: pages nest thousands of levels deep, and recursion would overflow the stack.
 */
export function boundedText(el: Element, max = Infinity): string | null {
  const parts: string[] = [];
  let length = 0;
  const stack: Node[] = [el];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.nodeType === 3) {
      const t = n.nodeValue ?? '';
      parts.push(t);
      length += t.length;
      if (length > max) return null;
    } else if (n.nodeType === 1 && (n === el || !NOT_TEXT.has((n as Element).tagName))) {
      const kids = n.childNodes;
      parts.push(' ');
      for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]);
    }
  }
  return parts.join('');
}

/**
 * The element that names a block: its first child when that child is a heading or a short header, looking
 * through single-child wrappers. A heading inside the first of several boxes names that box, not the column
 * holding them all.
 */
function firstLabelChild(el: Element, chars: (e: Element) => number, textOf: (e: Element, max: number) => string | null): Element | null {
  let cur: Element = el;
  for (let depth = 0; depth < 4; depth++) {
    let first = cur.firstElementChild;
    // Skip leading empty elements (<a name="comments"></a>, spacer divs): they name nothing.
    while (first && !first.firstChild && first.tagName !== 'IMG') first = first.nextElementSibling;
    if (!first) return null;
    if (HEADING.test(first.tagName) || first.tagName === 'LEGEND' || first.tagName === 'CAPTION') return first;
    // Measured text first (non-whitespace characters, no DOM walk); read the text only for short candidates.
    const n = chars(first);
    if (n > 0 && n < 80) {
      const text = textOf(first, 200) ?? ' '.repeat(201);
      const headerLike = first.tagName === 'HEADER' || LABEL_HINT.test(first.getAttribute('class') ?? '') || first.tagName === 'STRONG' || first.tagName === 'B';
      if (headerLike && text.length < 80 && !first.querySelector('li, p')) return first;
      // A box title without markup that says so (a table row, a plain div): short, no links, followed by more.
      if (cur.childElementCount > 1 && text.trim().length > 0 && text.length < 60 && !first.querySelector('a, li, p, img')) return first;
    }
    if (cur.childElementCount !== 1) return null;
    cur = first;
  }
  return null;
}
