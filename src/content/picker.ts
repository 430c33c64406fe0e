/**
 * "Hide an element": hover outlines the element under the pointer, ↑/↓ widen to the parent or narrow back,
 * Enter or a click saves a rule for this site, Esc cancels. The UI lives in a shadow root; the page's own click
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
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') finish(null);
      else if (e.key === 'Enter' && target) finish({ element: target, selector: selectorFor(target) });
      else if (e.key === 'ArrowUp' && target?.parentElement && target.parentElement !== doc.body) {
        trail.push(target);
        target = target.parentElement;
        show();
      } else if (e.key === 'ArrowDown' && trail.length) {
        target = trail.pop()!;
        show();
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
