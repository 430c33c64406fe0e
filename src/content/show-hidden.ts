/**
 * "Show hidden": every element NewsLens hid comes back, outlined, with a label naming the detector or rule that hid
 * it and a button to stop that detector (or remove that rule) on this site. Labels live in one shadow root.
 */
import type { Finding } from '../core/clutter/types.js';
import { ATTR_REVEAL } from './hide.js';
import { t } from '../shared/i18n.js';

const CSS = `
:host { all: initial; }
.tag { position: absolute; z-index: 2147483646; display: flex; gap: 6px; align-items: center; max-width: 420px;
  font: 12px/1.3 system-ui, sans-serif; background: #D55E00; color: #fff; padding: 2px 6px; border-radius: 0 0 4px 0; }
.tag button { font: inherit; color: #1d232b; background: #fff; border: 0; border-radius: 3px; padding: 1px 6px; cursor: pointer; }
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
    why.textContent = `${f.detector} · ${f.category}`;
    why.title = f.reason;
    const btn = doc.createElement('button');
    btn.type = 'button';
    btn.textContent = f.detector === 'user-rule' ? t('revealRemoveRule') : t('revealKeep');
    btn.setAttribute('aria-label', f.detector === 'user-rule' ? `Remove the rule that hid this: ${f.reason}` : `Stop ${f.detector} on this site`);
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
    for (const { el, tag } of tags) {
      const r = el.getBoundingClientRect();
      tag.hidden = r.width === 0 && r.height === 0;
      tag.style.left = `${r.left + win.scrollX}px`;
      tag.style.top = `${r.top + win.scrollY}px`;
    }
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
