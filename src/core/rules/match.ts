/**
 * Which cosmetic rules apply on a host (uBlock Origin semantics): "example.com" covers example.com and its
 * subdomains, "example.*" any public suffix after "example", "~host" excludes. No library here: this runs in the
 * content script, which must stay small (the parser in parse.ts uses @ghostery/adblocker, the matcher does not).
 */
import type { CosmeticRule } from './types.js';

/** Whether a rule's host pattern covers a hostname. */
export function hostMatches(pattern: string, host: string): boolean {
  const p = pattern.toLowerCase();
  const h = host.toLowerCase().replace(/^www\./, '') === p.replace(/^www\./, '') ? p : host.toLowerCase();
  if (p.endsWith('.*')) {
    // Entity: "example.*" matches example.com, news.example.co.uk...
    const name = p.slice(0, -2);
    return new RegExp(`(?:^|\\.)${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.[a-z0-9-]+(?:\\.[a-z]{2,3})?$`).test(h);
  }
  return h === p || h.endsWith(`.${p}`);
}

/** The selectors to hide and to keep visible on a host. */
export function rulesForHost(rules: readonly CosmeticRule[], host: string): { hide: CosmeticRule[]; keep: CosmeticRule[] } {
  const hide: CosmeticRule[] = [];
  const keep: CosmeticRule[] = [];
  for (const r of rules) {
    if (r.hosts.length && !r.hosts.some((p) => hostMatches(p, host))) continue;
    if (r.notHosts.some((p) => hostMatches(p, host))) continue;
    (r.exception ? keep : hide).push(r);
  }
  // An exception cancels the same selector's hiding (uBO "#@#"); it also keeps our own detectors off matches.
  const kept = new Set(keep.map((r) => r.selector));
  return { hide: hide.filter((r) => !kept.has(r.selector)), keep };
}
