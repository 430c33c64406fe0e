/**
 * Parse uBlock Origin cosmetic filters ("example.com##.share-bar", "##.promo", "example.com#@#.sidebar") with
 * @ghostery/adblocker, the maintained offline parser of that syntax, and compile them for storage. Lines it cannot
 * use come back as problems with a reason. Runs in the options page and in tests, never in the content script.
 */
import { CosmeticFilter, detectFilterType } from '@ghostery/adblocker';

// FilterType is a const enum in the library's types, which isolatedModules cannot read: its values, named.
const NETWORK = 1;
const COSMETIC = 2;
import type { CosmeticRule, RuleProblem } from './types.js';

export interface ParseResult {
  rules: CosmeticRule[];
  problems: RuleProblem[];
  /** Lines skipped without being errors: comments, blanks, and in filter lists, network filters. */
  skipped: number;
}

export interface ParseOptions {
  /** Name of the source: "user" or the filter list's name. */
  source: string;
  /** Validate a CSS selector (the options page uses document.querySelector in a try). */
  isValidSelector: (selector: string) => boolean;
  /** Filter lists are mostly network rules: skip those quietly instead of reporting each. */
  quietNetwork?: boolean;
}

const SEPARATOR = /^(.*?)(#@?#)(.+)$/;

/** Parse many lines of rules. */
export function parseCosmeticRules(text: string, options: ParseOptions): ParseResult {
  const rules: CosmeticRule[] = [];
  const problems: RuleProblem[] = [];
  let skipped = 0;
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    const n = i + 1;
    const problem = (message: string) => problems.push({ line: n, text: line, message });
    if (!line || line.startsWith('!') || line.startsWith('[')) {
      skipped++;
      return;
    }
    // The parser reads any word as a network pattern; a line with spaces and no "##" is not a filter at all.
    const type = /\s/.test(line) && !line.includes('#') ? -1 : detectFilterType(line);
    if (type === NETWORK) {
      if (options.quietNetwork) skipped++;
      else problem('This is a network filter (it blocks requests); NewsLens only hides elements. Use "site##selector".');
      return;
    }
    if (type !== COSMETIC) {
      if (options.quietNetwork) skipped++;
      else problem('Not a cosmetic filter. Write "example.com##.selector", "##.selector" or "example.com#@#.selector".');
      return;
    }
    const m0 = SEPARATOR.exec(line);
    if (m0 && !/:(?:has-text|xpath|upward|matches-css|style|remove|watch-attr|min-text-length|others)\(/.test(m0[3]) && !m0[3].startsWith('+js') && !m0[3].startsWith('^') && !options.isValidSelector(m0[3].trim())) {
      return problem(`"${m0[3].trim()}" is not a CSS selector this browser understands.`);
    }
    const filter = CosmeticFilter.parse(line);
    if (!filter) return problem('Could not be parsed as a cosmetic filter.');
    if (filter.isScriptInject()) return problem('Scriptlets (##+js) run code in the page; NewsLens never runs page code.');
    if (filter.hasCustomStyle()) return problem('Style rules (:style) are not supported; NewsLens only hides elements.');
    if (filter.isHtmlFiltering()) return problem('HTML filters (##^) are not supported; NewsLens never rewrites pages.');
    if (filter.isExtended()) return problem('Procedural selectors (:has-text, :xpath, :upward...) are not supported; use plain CSS.');
    const m = SEPARATOR.exec(line);
    if (!m) return problem('Missing "##" between the sites and the selector.');
    const selector = m[3].trim();
    if (!options.isValidSelector(selector)) return problem(`"${selector}" is not a CSS selector this browser understands.`);
    const hosts: string[] = [];
    const notHosts: string[] = [];
    for (const h of m[1].split(',').map((x) => x.trim().toLowerCase()).filter(Boolean)) {
      if (!/^~?[a-z0-9*.-]+$/.test(h)) return problem(`"${h}" is not a hostname.`);
      (h.startsWith('~') ? notHosts : hosts).push(h.replace(/^~/, ''));
    }
    rules.push({ selector, hosts, notHosts, exception: m[2] === '#@#', line: n, text: line, source: options.source });
  });
  return { rules, problems, skipped };
}
