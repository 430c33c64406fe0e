/**
 * Element -> {text, locate(offset)}: the text of an article as one string, with a map from string offsets back to
 * (text node, offset) pairs, so entity spans found in the string can become DOM Ranges. Read-only: the DOM is
 * walked, never changed (STYLE.md §1: strings in find-entities.ts, DOM mapping here).
 */

/** Where a string offset lands in the DOM. */
export interface DomPoint {
  node: Text;
  offset: number;
}

/** The text of an element and the way back from offsets to nodes. */
export interface TextIndex {
  /** Text of every visible text node, block boundaries as "\n" (so sentences of two paragraphs never merge). */
  text: string;
  /** The DOM position of a string offset, or null when it falls on an inserted separator. */
  locate(offset: number, bias?: 'start' | 'end'): DomPoint | null;
  /** A Range over [start, end) of the text, or null when either end cannot be placed. */
  range(doc: Document, start: number, end: number): Range | null;
  /** The text nodes in document order, and the offset in `text` where each begins. */
  nodes: readonly Text[];
  starts: readonly number[];
}

const SKIP_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'SELECT', 'OPTION', 'SVG', 'svg', 'MATH', 'IFRAME', 'OBJECT', 'CANVAS']);
const INLINE = new Set(['A', 'ABBR', 'B', 'BDI', 'BDO', 'CITE', 'CODE', 'DATA', 'DFN', 'EM', 'FONT', 'I', 'KBD', 'MARK', 'Q', 'S', 'SAMP', 'SMALL', 'SPAN', 'STRONG', 'SUB', 'SUP', 'TIME', 'U', 'VAR', 'INS', 'DEL', 'NL-ENTITY']);

/**
 * Index the text under `root`, leaving out subtrees for which `skip` is true (hidden clutter) and non-text tags.
 * `skip` is asked once per element.
 */
export function buildTextIndex(root: Element, skip: (el: Element) => boolean = () => false): TextIndex {
  const parts: string[] = [];
  const nodes: Text[] = [];
  const starts: number[] = [];
  let length = 0;
  let pendingBreak = false;
  const walk = (el: Element) => {
    const kids = el.childNodes; // indexed, not nextSibling (linear in happy-dom, see page-stats.ts)
    for (let k = 0; k < kids.length; k++) {
      const n = kids[k];
      if (n.nodeType === 3) {
        const t = (n as Text).data;
        if (!t) continue;
        if (pendingBreak && length > 0) {
          parts.push('\n');
          length += 1;
        }
        pendingBreak = false;
        nodes.push(n as Text);
        starts.push(length);
        parts.push(t);
        length += t.length;
      } else if (n.nodeType === 1) {
        const e = n as Element;
        if (SKIP_TAGS.has(e.tagName) || e.hasAttribute('hidden') || skip(e)) continue;
        const block = !INLINE.has(e.tagName);
        if (block) pendingBreak = true;
        walk(e);
        if (block) pendingBreak = true;
      }
    }
  };
  walk(root);
  const text = parts.join('');

  // Callers mostly ask in text order (spans sorted by start, each start then its end): the node found last, or the
  // one after it, is tried before a binary search (painting 800 mentions located each end twice by search: 4.5 ms).
  let last = 0;
  const holds = (i: number, offset: number): boolean => i < starts.length && starts[i] <= offset && (i + 1 === starts.length || starts[i + 1] > offset);
  /** Index of the text node holding `offset` (the last node starting at or before it). */
  const nodeAt = (offset: number, bias: 'start' | 'end'): number => {
    let found = holds(last, offset) ? last : holds(last + 1, offset) ? last + 1 : -1;
    if (found < 0) {
      let lo = 0, hi = starts.length - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (starts[mid] <= offset) {
          found = mid;
          lo = mid + 1;
        } else hi = mid - 1;
      }
    }
    if (found >= 0) last = found;
    // An end offset equal to a node's start belongs to the end of the previous node.
    if (bias === 'end' && found > 0 && starts[found] === offset) found--;
    return found;
  };

  const locate = (offset: number, bias: 'start' | 'end' = 'start'): DomPoint | null => {
    const i = nodeAt(offset, bias);
    if (i < 0) return null;
    const within = offset - starts[i];
    if (within < 0 || within > nodes[i].data.length) return null;
    return { node: nodes[i], offset: within };
  };

  return {
    text,
    nodes,
    starts,
    locate,
    range(doc, start, end) {
      const a = locate(start, 'start');
      const b = locate(end, 'end');
      if (!a || !b) return null;
      const r = doc.createRange();
      r.setStart(a.node, a.offset);
      r.setEnd(b.node, b.offset);
      return r;
    },
  };
}
