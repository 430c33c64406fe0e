/**
 * Rule edits made from the page (the picker, "show hidden"): they go into the same rule text the options page
 * edits, compiled the same way, so the options page shows them and can undo them.
 */
import type { CosmeticRule } from '../core/rules/types.js';
import { saveSettings, type Settings } from '../shared/settings.js';

function compiled(selector: string, host: string, exception: boolean, line: number, text: string): CosmeticRule {
  return { selector, hosts: [host], notHosts: [], exception, line, text, source: 'user' };
}

/** Append "host##selector" (or "host#@#selector") to the user's rules; returns the rule's text. */
export async function addSiteRule(s: Settings, host: string, selector: string, exception = false): Promise<string> {
  const text = `${host}${exception ? '#@#' : '##'}${selector}`;
  const lines = s.userRules ? s.userRules.replace(/\n+$/, '').split('\n') : [];
  lines.push(text);
  await saveSettings({ userRules: lines.join('\n') + '\n', userRulesCompiled: [...s.userRulesCompiled, compiled(selector, host, exception, lines.length, text)] });
  return text;
}

/**
 * Undo the rule behind a "user-rule" finding: the user's own line is removed; a filter list's rule is answered
 * with an exception for this site (the list itself stays as imported).
 */
export async function removeRuleLine(s: Settings, reason: string, host = location.hostname): Promise<void> {
  const own = /^your rule(?: on line (\d+))?: (.*)$/.exec(reason);
  if (own) {
    const text = own[2];
    const lines = s.userRules.split('\n');
    const at = lines.findIndex((l) => l.trim() === text.trim());
    if (at < 0) return;
    lines.splice(at, 1);
    const kept = s.userRulesCompiled.filter((r) => r.text !== text).map((r) => (r.line > at + 1 ? { ...r, line: r.line - 1 } : r));
    await saveSettings({ userRules: lines.join('\n'), userRulesCompiled: kept });
    return;
  }
  const listed = /^filter list ".*", line \d+: (.*)$/.exec(reason);
  const selector = listed ? listed[1].replace(/^.*?#@?#/, '') : null;
  if (selector) await addSiteRule(s, host, selector, true);
}
