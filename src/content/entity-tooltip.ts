/**
 * "What is this?" for highlighted mentions: hovering a mention, or stepping through mentions with Alt+Shift+→/←,
 * shows its type and how often it occurs, in a tooltip inside a shadow root (page CSS cannot reach it, and
 * it cannot restyle the page; open so tests can read it). Highlights receive no events, so hovering is hit-tested from the caret position.
 */
import type { EntityType } from '../core/entities/find-entities.js';
import { ENTITY_STYLES } from '../shared/entity-palette.js';
import { t, type MessageKey } from '../shared/i18n.js';
import { liveRange, type Mention } from './paint-highlights.js';

const TOOLTIP_CSS = `
:host { all: initial; }
.tip { position: fixed; z-index: 2147483647; max-width: 280px; padding: 6px 9px; border-radius: 6px; font: 13px/1.35 system-ui, sans-serif;
  background: #1d232b; color: #f4f7fa; box-shadow: 0 2px 10px rgba(0,0,0,.3); pointer-events: none; }
.tip[hidden] { display: none; }
.type { font-weight: 600; }
.sw { display: inline-block; width: 10px; height: 10px; border-radius: 2px; margin-right: 6px; vertical-align: baseline; }
.ring { position: fixed; z-index: 2147483646; border: 2px solid #f4f7fa; outline: 2px solid #1d232b; border-radius: 3px; pointer-events: none; }
.ring[hidden] { display: none; }
`;

export interface TooltipController {
  /** Stop listening and remove the tooltip host. */
  destroy(): void;
}

/** How long after a keyboard step the page's scrolling is taken for that step's (a smooth scroll lasts ~0.5 s). */
const STEP_SCROLL_MS = 1000;

/** Normalised mention text, so "Okada" and "OKADA" count together. */
const keyOf = (type: EntityType, text: string) => `${type}\u0000${text.toLowerCase().replace(/\s+/g, ' ')}`;

/** Attach hover and keyboard tooltips for the painted mentions. `visible` says which types are switched on. */
export function attachTooltips(doc: Document, mentions: readonly Mention[], visible: () => ReadonlySet<EntityType>): TooltipController {
  // Mentions per name, counted when a first tooltip shows (not while the page paints: ~2 ms for 800 mentions).
  let counts: Map<string, number> | null = null;
  const countOf = (m: Mention): number => {
    if (!counts) {
      counts = new Map();
      for (const { span } of mentions) {
        const k = keyOf(span.type, span.text);
        counts.set(k, (counts.get(k) ?? 0) + 1);
      }
    }
    return counts.get(keyOf(m.span.type, m.span.text)) ?? 1;
  };
  // Node -> mentions starting in it, to hit-test a caret position in O(mentions in that node).
  const byNode = new Map<Node, Mention[]>();
  for (const m of mentions) {
    const list = byNode.get(m.range.startContainer) ?? [];
    list.push(m);
    byNode.set(m.range.startContainer, list);
  }

  const host = doc.createElement('nl-tooltip');
  const shadow = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = TOOLTIP_CSS;
  const tip = doc.createElement('div');
  tip.className = 'tip';
  tip.setAttribute('role', 'tooltip');
  tip.hidden = true;
  const ring = doc.createElement('div');
  ring.className = 'ring';
  ring.hidden = true;
  shadow.append(style, ring, tip);
  doc.documentElement.appendChild(host);

  const show = (m: Mention, withRing: boolean) => {
    const rect = liveRange(doc, m.range).getBoundingClientRect();
    const s = ENTITY_STYLES[m.span.type];
    const n = countOf(m);
    const sw = doc.createElement('span');
    sw.className = 'sw';
    sw.style.background = s.hue;
    const type = doc.createElement('span');
    type.className = 'type';
    type.textContent = t(`oneEnt${m.span.type}` as MessageKey);
    tip.replaceChildren(sw, type, doc.createTextNode(` · “${m.span.text}” · ${n === 1 ? t('tooltipOnce') : t('tooltipTimes', n)}`));
    tip.hidden = false;
    const top = rect.bottom + 6 + 60 > (doc.defaultView?.innerHeight ?? 800) ? rect.top - 6 - tip.offsetHeight : rect.bottom + 6;
    tip.style.left = `${Math.max(4, rect.left)}px`;
    tip.style.top = `${Math.max(4, top)}px`;
    ring.hidden = !withRing;
    if (withRing) Object.assign(ring.style, { left: `${rect.left - 3}px`, top: `${rect.top - 3}px`, width: `${rect.width + 6}px`, height: `${rect.height + 6}px` });
  };
  const hide = () => {
    tip.hidden = true;
    ring.hidden = true;
  };
  // The mention stepped to with the keyboard, while the page scrolls it into view: that scroll (over several frames
  // where the page scrolls smoothly) must move the tooltip, not hide it, or a step to the next paragraph showed
  // nothing (14 of 40 steps on a long article).
  let stepped: Mention | null = null;
  let steppedAt = 0;
  let follow = 0;
  const onScroll = () => {
    if (stepped && performance.now() - steppedAt < STEP_SCROLL_MS) {
      const m = stepped;
      if (!follow) follow = requestAnimationFrame(() => {
        follow = 0;
        show(m, true);
      });
      return;
    }
    stepped = null;
    hide();
  };

  const caretAt = (x: number, y: number): { node: Node; offset: number } | null => {
    const d = doc as Document & { caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null; caretRangeFromPoint?: (x: number, y: number) => Range | null };
    const p = d.caretPositionFromPoint?.(x, y);
    if (p) return { node: p.offsetNode, offset: p.offset };
    const r = d.caretRangeFromPoint?.(x, y);
    return r ? { node: r.startContainer, offset: r.startOffset } : null;
  };

  let frame = 0;
  let lastX = 0, lastY = 0;
  const onMove = (e: MouseEvent) => {
    lastX = e.clientX;
    lastY = e.clientY;
    if (frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      const c = caretAt(lastX, lastY);
      const hit = c && byNode.get(c.node)?.find((m) => visible().has(m.span.type) && liveRange(doc, m.range).comparePoint(c.node, c.offset) === 0);
      if (hit) show(hit, false);
      else hide();
    });
  };

  let cursor = -1;
  const onKey = (e: KeyboardEvent) => {
    // Escape dismisses a shown tooltip (WCAG 1.4.13). The key still reaches the page, which may close its own UI;
    // the cursor stays, so the next Alt+Shift+→ goes on from here.
    if (e.key === 'Escape') {
      stepped = null;
      if (!tip.hidden || !ring.hidden) hide();
      return;
    }
    if (!e.altKey || !e.shiftKey || (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft')) return;
    const shown = mentions.filter((m) => visible().has(m.span.type));
    if (!shown.length) return;
    e.preventDefault();
    cursor = (cursor + (e.key === 'ArrowRight' ? 1 : -1) + shown.length) % shown.length;
    const m = shown[cursor];
    stepped = m;
    steppedAt = performance.now();
    m.range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
    show(m, true);
  };

  doc.addEventListener('mousemove', onMove, { passive: true });
  doc.addEventListener('keydown', onKey);
  doc.addEventListener('scroll', onScroll, { passive: true });
  return {
    destroy() {
      doc.removeEventListener('mousemove', onMove);
      doc.removeEventListener('keydown', onKey);
      doc.removeEventListener('scroll', onScroll);
      if (frame) cancelAnimationFrame(frame);
      if (follow) cancelAnimationFrame(follow);
      host.remove();
    },
  };
}
