/**
 * "Show hidden": every element NewsLens hid comes back, outlined, with a label naming its category (the detector's
 * reason on hover) and a button to stop that detector (or remove that rule) on this site. Labels live in one shadow root.
 */
import type { Category, Finding } from '../core/clutter/types.js';
import { ATTR_REVEAL } from './hide.js';
import { t, type MessageKey } from '../shared/i18n.js';

/** The category's name as the popup's switches say it ("nav" -> catNav); the popup's helper would pull Preact in. */
const categoryName = (c: Category) => t(`cat${c[0].toUpperCase()}${c.slice(1)}` as MessageKey);

export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

const overlaps = (a: Box, b: Box) => a.left < b.left + b.width && b.left < a.left + a.width && a.top < b.top + b.height && b.top < a.top + a.height;

/**
 * Where a label of `size` goes for an element at `el` (page coordinates). Inside the element's top-right corner when
 * it is tall and wide enough (clutter bars start at the left; the corner is usually empty): a label above covers the
 * line above, which may be the article. Otherwise just above the element's box, or just below when the page has no
 * room above; clamped to the viewport's width. A label that would sit on one already `placed` (a row of small nav
 * blocks) moves right past it, or to the other side. (Also steering clear of the other revealed elements was tried:
 * on a crowded header it pushed labels onto the headline, which matters more than the furniture.)
 */
export function placeLabel(el: Box, size: { width: number; height: number }, viewport: { left: number; width: number }, placed: readonly Box[]): Box {
  const maxLeft = Math.max(viewport.left, viewport.left + viewport.width - size.width);
  const clampLeft = (x: number) => Math.min(Math.max(x, viewport.left), maxLeft);
  if (el.height >= size.height * 2 && el.width >= size.width + 16) {
    const inside = { left: clampLeft(el.left + el.width - size.width - 2), top: el.top + 2, ...size };
    if (!placed.some((p) => overlaps(p, inside))) return inside;
  }
  const tops = el.top - size.height >= 0 ? [el.top - size.height, el.top + el.height] : [el.top + el.height];
  for (const top of tops) {
    let box = { left: clampLeft(el.left), top, ...size };
    for (let hit = placed.find((p) => overlaps(p, box)); hit; hit = placed.find((p) => overlaps(p, box))) {
      const next = hit.left + hit.width + 4;
      if (next > maxLeft) break;
      box = { ...box, left: next };
    }
    if (!placed.some((p) => overlaps(p, box))) return box;
  }
  return { left: clampLeft(el.left), top: tops[0], ...size }; // crowded on both sides: overlap another label, not the content
}

const CSS = `
:host { all: initial; }
.tag { position: absolute; z-index: 2147483646; display: flex; gap: 6px; align-items: center; max-width: 420px; box-sizing: border-box;
  font: 11px/16px system-ui, sans-serif; background: #D55E00; color: #fff; padding: 1px 1px 1px 6px; border-radius: 4px; white-space: nowrap; }
.tag button { font: inherit; color: #1d232b; background: #fff; border: 0; border-radius: 3px; padding: 0 6px; cursor: pointer; }
.tag button:focus-visible { outline: 2px solid #1d232b; outline-offset: 1px; }
.why { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
`;

/** Outline for revealed elements, added to the page stylesheet while the mode is on. */
export const REVEAL_CSS = `html[${ATTR_REVEAL}] [data-nl-hidden] { outline: 2px dashed #D55E00 !important; outline-offset: -2px !important; }\n`;

export interface RevealOptions {
  /** Stop the detector that hid this finding on this site (or remove the user's rule). */
  onDisable: (finding: Finding) => void;
}

export interface Reveal {
  destroy(): void;
}

/** Turn "show hidden" on; destroy() turns it off. */
export function showHidden(doc: Document, findings: readonly Finding[], opts: RevealOptions): Reveal {
  doc.documentElement.setAttribute(ATTR_REVEAL, '');
  const host = doc.createElement('nl-reveal');
  const shadow = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = CSS;
  shadow.append(style);
  const win = doc.defaultView!;
  const tags: { el: Element; tag: HTMLElement }[] = [];
  for (const f of findings) {
    const tag = doc.createElement('div');
    tag.className = 'tag';
    tag.setAttribute('data-detector', f.detector);
    const why = doc.createElement('span');
    why.className = 'why';
    // Words a reader knows (the popup's category names); the detector's own reason, for the curious, on hover.
    const name = categoryName(f.category);
    why.textContent = name;
    why.title = f.reason;
    const btn = doc.createElement('button');
    btn.type = 'button';
    btn.textContent = f.detector === 'user-rule' ? t('revealRemoveRule') : t('revealKeep');
    btn.setAttribute('aria-label', f.detector === 'user-rule' ? t('revealRemoveRuleLabel', f.reason) : t('revealKeepLabel', name));
    btn.addEventListener('click', (e) => {
      e.stopPropagation();
      opts.onDisable(f);
    });
    tag.append(why, btn);
    shadow.append(tag);
    tags.push({ el: f.element, tag });
  }
  doc.documentElement.appendChild(host);
  let frame = 0;
  const place = () => {
    frame = 0;
    const placed: Box[] = [];
    const viewport = { left: win.scrollX, width: doc.documentElement.clientWidth || win.innerWidth };
    const boxes = tags.map(({ el }) => {
      const r = el.getBoundingClientRect();
      return { left: r.left + win.scrollX, top: r.top + win.scrollY, width: r.width, height: r.height };
    });
    // Show or hide every label, then read every size, then move them: a read after each move would force a layout
    // per label.
    tags.forEach(({ tag }, i) => (tag.hidden = boxes[i].width === 0 && boxes[i].height === 0));
    const sizes = tags.map(({ tag }) => ({ width: tag.offsetWidth, height: tag.offsetHeight }));
    tags.forEach(({ tag }, i) => {
      const el = boxes[i];
      if (tag.hidden) return;
      const box = placeLabel(el, sizes[i], viewport, placed);
      placed.push(box);
      tag.style.left = `${box.left}px`;
      tag.style.top = `${box.top}px`;
    });
  };
  const schedule = () => {
    if (!frame) frame = win.requestAnimationFrame(place);
  };
  place();
  win.addEventListener('resize', schedule);
  return {
    destroy() {
      win.removeEventListener('resize', schedule);
      if (frame) win.cancelAnimationFrame(frame);
      host.remove();
      doc.documentElement.removeAttribute(ATTR_REVEAL);
    },
  };
}
