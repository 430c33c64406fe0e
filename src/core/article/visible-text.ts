/**
 * The text a reader sees in an element once clutter is hidden: block elements break lines, paragraphs are
 * separated by a blank line, hidden subtrees and non-content tags are skipped. Works without layout (Node, clones),
 * so the CLI and the library produce the same text from the same markup.
 */
import { INLINE_TAGS, isMarkupHidden } from '../clutter/page-stats.js';

const PARAGRAPH_TAGS = new Set(['P', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'BLOCKQUOTE', 'PRE', 'UL', 'OL', 'TABLE', 'FIGURE', 'DL', 'HR', 'SECTION', 'ARTICLE', 'HEADER', 'FOOTER', 'ASIDE']);

/** Options for visibleText. */
export interface VisibleTextOptions {
  /** Elements (and their subtrees) to leave out: hidden clutter, the headline. */
  skip?: ReadonlySet<Element>;
}

/** Plain text of `el` as rendered: inline runs joined, blocks on their own lines, paragraphs separated by blank lines. */
export function visibleText(el: Element, options: VisibleTextOptions = {}): string {
  const skip = options.skip;
  const out: string[] = [];
  // Pending break before the next text: 0 none, 1 line, 2 paragraph.
  let brk = 0;
  let started = false;
  const emit = (t: string) => {
    if (!t) return;
    if (started && brk) out.push(brk === 2 ? '\n\n' : '\n');
    brk = 0;
    started = true;
    out.push(t);
  };
  const stack: (Node | number)[] = [el];
  while (stack.length) {
    const n = stack.pop()!;
    if (typeof n === 'number') {
      brk = Math.max(brk, n);
      continue;
    }
    if (n.nodeType === 3) {
      const raw = n.nodeValue ?? '';
      const pre = isInPre(n);
      if (pre) emit(raw);
      else {
        let t = raw.replace(/\s+/g, ' ');
        const last = out.length ? out[out.length - 1] : '';
        if (brk || !started || last.endsWith(' ') || last.endsWith('\n')) t = t.trimStart();
        if (t) emit(t);
      }
      continue;
    }
    if (n.nodeType !== 1) continue;
    const e = n as Element;
    if (e !== el && (skip?.has(e) || isMarkupHidden(e))) continue;
    const tag = e.tagName;
    if (tag === 'BR') {
      brk = Math.max(brk, 1);
      if (out.length) out[out.length - 1] = out[out.length - 1].trimEnd();
      continue;
    }
    const inline = INLINE_TAGS.has(tag);
    const level = inline ? 0 : PARAGRAPH_TAGS.has(tag) ? 2 : 1;
    if (level) {
      if (out.length) out[out.length - 1] = out[out.length - 1].trimEnd();
      brk = Math.max(brk, level);
      stack.push(level);
    }
    if (tag === 'IMG') continue;
    const kids = e.childNodes; // indexed, not previousSibling (linear in happy-dom, see page-stats.ts)
    for (let c = kids.length - 1; c >= 0; c--) stack.push(kids[c]);
  }
  return out.join('').replace(/[ \t]+\n/g, '\n').trim();
}

function isInPre(n: Node): boolean {
  for (let p = n.parentElement; p; p = p.parentElement) {
    if (p.tagName === 'PRE') return true;
    if (!INLINE_TAGS.has(p.tagName) && p.tagName !== 'CODE') return false;
  }
  return false;
}
