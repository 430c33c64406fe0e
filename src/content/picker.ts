/**
 * "Hide an element": hover outlines the element under the pointer (or, from the keyboard, any arrow key starts at
 * the element in the middle of the view), ↑/↓ widen to the parent or narrow to a child, ←/→ step to the previous or
 * next sibling, Enter or a click saves a rule for this site, Esc cancels. The UI lives in a shadow root; the page's own click
 * handlers never see the picking clicks.
 */

import { t } from '../shared/i18n.js';
import { selectorFor } from './selector.js';

const PICKER_CSS = `
:host { all: initial; }
.box { position: fixed; z-index: 2147483646; pointer-events: none; outline: 2px solid #D55E00; background: rgba(213, 94, 0, 0.12); }
.bar { position: fixed; left: 50%; bottom: 16px; transform: translateX(-50%); z-index: 2147483647; max-width: 90vw;
  font: 13px/1.4 system-ui, sans-serif; background: #1d232b; color: #f4f7fa; padding: 8px 12px; border-radius: 8px; box-shadow: 0 2px 12px rgba(0,0,0,.35); }
.sel { font-family: ui-monospace, monospace; color: #ffd08a; word-break: break-all; }
kbd { border: 1px solid #8a96a3; border-radius: 3px; padding: 0 3px; font: inherit; }
`;

export interface PickerResult {
  element: Element;
  selector: string;
}

/** Let the user pick an element. Resolves with the pick, or null when cancelled (Esc, or another pick started). */
export function pickElement(doc: Document): Promise<PickerResult | null> {
  return new Promise((resolve) => {
    const host = doc.createElement('nl-picker');
    const shadow = host.attachShadow({ mode: 'open' });
    const style = doc.createElement('style');
    style.textContent = PICKER_CSS;
    const box = doc.createElement('div');
    box.className = 'box';
    const bar = doc.createElement('div');
    bar.className = 'bar';
    bar.setAttribute('role', 'status');
    shadow.append(style, box, bar);
    doc.documentElement.appendChild(host);

    let target: Element | null = null;
    const trail: Element[] = []; // elements we widened from, to narrow back
    const show = () => {
      if (!target) return;
      const r = target.getBoundingClientRect();
      Object.assign(box.style, { left: `${r.left}px`, top: `${r.top}px`, width: `${r.width}px`, height: `${r.height}px` });
      const sel = doc.createElement('span');
      sel.className = 'sel';
      sel.textContent = selectorFor(target);
      bar.replaceChildren(doc.createTextNode(`${t('pickerHide')} `), sel, doc.createTextNode(` — ${t('pickerHelp')}`));
    };
    const finish = (result: PickerResult | null) => {
      doc.removeEventListener('mousemove', onMove, true);
      doc.removeEventListener('click', onClick, true);
      doc.removeEventListener('keydown', onKey, true);
      host.remove();
      resolve(result);
    };
    const onMove = (e: MouseEvent) => {
      const el = doc.elementFromPoint(e.clientX, e.clientY);
      if (!el || el === host || el === doc.body || el === doc.documentElement) return;
      if (el !== target) {
        target = el;
        trail.length = 0;
        show();
      }
    };
    const onClick = (e: MouseEvent) => {
      e.preventDefault();
      e.stopImmediatePropagation();
      if (target) finish({ element: target, selector: selectorFor(target) });
    };
    const pickable = (el: Element | null): el is Element => !!el && el !== host && el !== doc.body && el !== doc.documentElement;
    // An element a reader can see: the picker never steps onto hidden ones (nothing would be outlined).
    const seen = (el: Element) => (el.checkVisibility ? el.checkVisibility() : true);
    const step = (el: Element, next: boolean): Element | null => {
      for (let s = next ? el.nextElementSibling : el.previousElementSibling; s; s = next ? s.nextElementSibling : s.previousElementSibling) {
        if (s !== host && seen(s)) return s;
      }
      return null;
    };
    const moveTo = (el: Element | null, keepTrail = false) => {
      if (!pickable(el)) return;
      if (!keepTrail) trail.length = 0;
      target = el;
      target.scrollIntoView?.({ block: 'nearest' });
      show();
    };
    const onKey = (e: KeyboardEvent) => {
      const arrow = e.key.startsWith('Arrow');
      if (e.key === 'Escape') finish(null);
      else if (e.key === 'Enter' && target) finish({ element: target, selector: selectorFor(target) });
      else if (arrow && !target) {
        // From the keyboard there is no pointer: start in the middle of what the reader sees.
        const w = doc.defaultView!;
        moveTo(doc.elementFromPoint(w.innerWidth / 2, w.innerHeight / 3));
      } else if (e.key === 'ArrowUp' && target?.parentElement && target.parentElement !== doc.body) {
        trail.push(target);
        moveTo(target.parentElement, true);
      } else if (e.key === 'ArrowDown' && target) {
        const child = trail.pop() ?? Array.from(target.children).find(seen) ?? null;
        moveTo(child, true);
      } else if ((e.key === 'ArrowLeft' || e.key === 'ArrowRight') && target) {
        moveTo(step(target, e.key === 'ArrowRight'));
      } else return;
      e.preventDefault();
      e.stopImmediatePropagation();
    };
    doc.addEventListener('mousemove', onMove, true);
    doc.addEventListener('click', onClick, true);
    doc.addEventListener('keydown', onKey, true);
    bar.textContent = t('pickerStart');
  });
}
