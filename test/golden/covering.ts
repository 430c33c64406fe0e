/** How the golden tests decide that a reader no longer sees an annotated element. */
import type { Finding } from '../../src/core/clutter/types.js';

const textLength = (el: Element) => (el.textContent ?? '').replace(/\s+/g, '').length;

/**
 * The finding that hides `el` for a reader: one that contains it, or, when it is hidden piece by piece (a menu cell
 * and a date cell of one table), the biggest of the findings inside it, provided they cover all its text.
 */
export function covering(findings: Finding[], el: Element): Finding | undefined {
  const outer = findings.find((f) => f.element === el || f.element.contains(el));
  if (outer) return outer;
  const inner = findings.filter((f) => el.contains(f.element));
  const total = textLength(el);
  if (!inner.length || total === 0) return undefined;
  const covered = inner.reduce((n, f) => n + textLength(f.element), 0);
  if (covered < total) return undefined;
  return inner.reduce((a, b) => (textLength(b.element) > textLength(a.element) ? b : a));
}

