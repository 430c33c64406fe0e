/**
 * A cheap test that rules out elements no selector of the detector table can match, so Element.matches (slow in
 * happy-dom: the selector rows were a sixth of the CLI's analysis time) runs only on the few that might. It must
 * never rule out a match: each selector part contributes what an element needs to match it (its tag, a word in
 * its class/id/role hint, or an attribute), and a part it cannot read switches the prefilter off.
 */

/** Tests an element, given its lower-cased class/id/role hint (cues.ts hintOf). */
export type Prefilter = (el: Element, hint: string) => boolean;

// One compound selector: optional tag, then #id / .class / [attr op "value" flag] parts (no combinators).
const COMPOUND = /^([a-zA-Z][\w-]*)?((?:#[\w-]+|\.[\w-]+|\[[\w-]+(?:[\^*$]?=(?:"[^"\\]*"|[\w-]+)(?:\s+[iI])?)?\])*)$/;
const FIRST_PART = /^(?:#([\w-]+)|\.([\w-]+)|\[([\w-]+)(?:[\^*$]?=(?:"([^"\\]*)"|([\w-]+))(?:\s+[iI])?)?\])/;
// Attributes whose values hintOf carries (lower-cased).
const IN_HINT = new Set(['class', 'id', 'role']);

/** The prefilter for a list of selectors, or null when any part is beyond the simple subset. */
export function selectorPrefilter(selectors: readonly string[]): Prefilter | null {
  const tags = new Set<string>();
  const words = new Set<string>();
  const attrs = new Set<string>();
  for (const part of selectors.flatMap((s) => s.split(','))) {
    const m = COMPOUND.exec(part.trim());
    if (!m || (!m[1] && !m[2])) return null;
    if (m[1]) {
      tags.add(m[1].toUpperCase()); // a tag-qualified part needs that tag, whatever else it asks
      continue;
    }
    const p = FIRST_PART.exec(m[2]!)!;
    if (p[1] !== undefined || p[2] !== undefined) words.add((p[1] ?? p[2]!).toLowerCase());
    else {
      const name = p[3]!.toLowerCase(), value = p[4] ?? p[5];
      if (IN_HINT.has(name) && value) words.add(value.toLowerCase());
      else attrs.add(name);
    }
  }
  const escaped = [...words].map((w) => w.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&'));
  const wordRe = escaped.length ? new RegExp(escaped.join('|')) : null;
  const attrList = [...attrs];
  return (el, hint) => {
    if (tags.has(el.tagName)) return true;
    if (!el.hasAttributes()) return false;
    if (wordRe && hint && wordRe.test(hint)) return true;
    for (const a of attrList) if (el.hasAttribute(a)) return true;
    return false;
  };
}
