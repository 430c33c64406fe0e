/**
 * The user's cosmetic rules (and imported filter lists) on the live page: elements matching a site's hide rules
 * become findings of the 'user-rule' detector; exceptions ("#@#") keep elements visible whatever hid them.
 */
import type { Finding } from '../core/clutter/types.js';
import { rulesForHost } from '../core/rules/match.js';
import type { CosmeticRule } from '../core/rules/types.js';

/** Where a rule comes from, in words. */
export function ruleOrigin(r: CosmeticRule): string {
  return r.source === 'user' ? `your rule on line ${r.line}: ${r.text}` : `filter list "${r.source}", line ${r.line}: ${r.text}`;
}

function matching(root: ParentNode, selector: string): Element[] {
  try {
    return Array.from(root.querySelectorAll(selector));
  } catch {
    return []; // a selector this browser rejects: the options page reports it, the page is not affected
  }
}

/** Findings for the host's hide rules under `root` (the body, or a node added later). */
export function userRuleFindings(doc: Document, root: ParentNode, rules: readonly CosmeticRule[], host: string): Finding[] {
  const { hide } = rulesForHost(rules, host);
  const out: Finding[] = [];
  for (const r of hide) {
    for (const el of matching(root, r.selector)) {
      if (el === doc.body || el === doc.documentElement) continue; // never the whole page
      out.push({ detector: 'user-rule', category: 'user', element: el, reason: ruleOrigin(r) });
    }
  }
  return out;
}

/**
 * Drop findings that would hide what an exception rule keeps visible: the kept element itself, and any block around
 * it (hiding a wrapper hides what is inside; "keep this" from show-hidden must hold whichever check found it).
 */
export function applyExceptions(findings: Finding[], rules: readonly CosmeticRule[], host: string): Finding[] {
  const { keep } = rulesForHost(rules, host);
  if (!keep.length || !findings.length) return findings;
  const doc = findings[0]!.element.ownerDocument;
  const covering = new Set<Element>();
  for (const r of keep) {
    for (const el of matching(doc, r.selector)) {
      for (let e: Element | null = el; e && !covering.has(e); e = e.parentElement) covering.add(e);
    }
  }
  return findings.filter((f) => !covering.has(f.element));
}
