/**
 * Clutter that arrives after load (lazy share bars, infinite "more stories" feeds, consent pop-ups): added nodes
 * are collected by a MutationObserver and analysed in batches, off the mutation callback, so a page that mutates
 * constantly costs one pass per batch. Only markup is read (no layout), and marks are written once per batch.
 */
import { needsFullAnalysis } from '../core/clutter/analyze.js';
import type { Analysis } from '../core/clutter/types.js';
import { ATTR_HIDDEN } from './hide.js';

/** Batch window: mutations within it are analysed together. */
const BATCH_MS = 150;
/** When batches keep coming (a ticker, an endless feed), wait longer between them. */
const BUSY_BATCH_MS = 1000;
const BUSY_AFTER_BATCHES = 20;
/** At most this many new subtrees per batch; the rest waits for the next one. */
const MAX_NODES_PER_BATCH = 300;

export interface WatchOptions {
  /** The current analysis (a detached article root means the page must be analysed again). */
  analysis: () => Analysis;
  /** A batch of added subtrees (outermost only, none inside hidden elements) to analyse. */
  onNodes: (nodes: Element[]) => void;
  /** The page navigated in place (history.pushState) or replaced its article: analyse it again from scratch. */
  onNavigate: () => void;
  signal: AbortSignal;
}

/** Watch `doc.body` for added elements until the signal aborts. */
export function watchForClutter(doc: Document, opts: WatchOptions): void {
  const body = doc.body;
  if (!body) return;
  const pending = new Set<Element>();
  let timer: ReturnType<typeof setTimeout> | null = null;
  let batches = 0;
  let href = doc.location?.href ?? '';
  const windowStart = Date.now();

  const flush = () => {
    timer = null;
    if (opts.signal.aborted) return;
    batches++;
    if ((doc.location && doc.location.href !== href) || needsFullAnalysis(opts.analysis())) {
      href = doc.location?.href ?? '';
      pending.clear();
      opts.onNavigate();
      return;
    }
    const nodes = [...pending].filter((n) => n.isConnected && !n.closest(`[${ATTR_HIDDEN}]`));
    pending.clear();
    // Keep only the outermost of nested additions: analysing the outer one covers the inner ones.
    const outer = nodes.filter((n) => !nodes.some((m) => m !== n && m.contains(n)));
    const batch = outer.slice(0, MAX_NODES_PER_BATCH);
    for (const n of outer.slice(MAX_NODES_PER_BATCH)) pending.add(n);
    if (batch.length) opts.onNodes(batch);
    if (pending.size) schedule();
  };

  const schedule = () => {
    if (timer !== null) return;
    const busy = batches > BUSY_AFTER_BATCHES && Date.now() - windowStart < 60_000;
    timer = setTimeout(flush, busy ? BUSY_BATCH_MS : BATCH_MS);
  };

  const observer = new MutationObserver((records) => {
    for (const r of records) {
      for (const n of Array.from(r.addedNodes)) {
        // Our own UI (custom elements named nl-*) is not page content.
        if (n.nodeType === 1 && !(n as Element).tagName.startsWith('NL-')) pending.add(n as Element);
      }
    }
    if (pending.size) schedule();
    else if (doc.location && doc.location.href !== href) schedule();
  });
  observer.observe(body, { childList: true, subtree: true });
  opts.signal.addEventListener('abort', () => {
    observer.disconnect();
    if (timer !== null) clearTimeout(timer);
  });
}
