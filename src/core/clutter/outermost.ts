/**
 * What a reader counts as hidden: a block inside another hidden block is not one more. The popup's counts, the
 * labels of "show what was hidden" and the CLI's `hidden` list all use this, so they agree.
 */
import type { Finding } from './types.js';

/** The findings not inside another finding's element, in their order. */
export function outermostFindings<F extends Pick<Finding, 'element'>>(findings: readonly F[]): F[] {
  const marked = new Set(findings.map((f) => f.element));
  return findings.filter((f) => {
    for (let p = f.element.parentElement; p; p = p.parentElement) if (marked.has(p)) return false;
    return true;
  });
}
