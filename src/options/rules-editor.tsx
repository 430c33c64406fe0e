/**
 * The user's rules as text, validated line by line as they type (uBlock Origin cosmetic syntax, parsed by
 * @ghostery/adblocker); saving compiles them for the content script. Nothing is saved while a line is wrong.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { parseCosmeticRules } from '../core/rules/parse.js';
import type { CosmeticRule } from '../core/rules/types.js';
import { t } from '../shared/i18n.js';

/** Whether this browser accepts a CSS selector. */
export function isValidSelector(selector: string): boolean {
  try {
    document.createDocumentFragment().querySelector(selector);
    return true;
  } catch {
    return false;
  }
}

export function RulesEditor(props: { text: string; onSave: (text: string, compiled: CosmeticRule[]) => Promise<void> }) {
  const [text, setText] = useState(props.text);
  const [status, setStatus] = useState('');
  useEffect(() => setText(props.text), [props.text]);
  const parsed = useMemo(() => parseCosmeticRules(text, { source: 'user', isValidSelector }), [text]);
  const save = async () => {
    if (parsed.problems.length) return;
    await props.onSave(text, parsed.rules);
    setStatus(t('optRulesSaved', parsed.rules.length));
  };
  return (
    <div class="rules">
      <p class="help" id="rules-help">
        {t('optRulesHelp')}
      </p>
      <textarea
        id="user-rules"
        aria-describedby="rules-help rules-problems"
        aria-invalid={parsed.problems.length > 0}
        spellcheck={false}
        rows={10}
        value={text}
        onInput={(e) => {
          setText((e.target as HTMLTextAreaElement).value);
          setStatus('');
        }}
      />
      <div id="rules-problems" aria-live="polite">
        {parsed.problems.length > 0 && (
          <>
            <p class="error">{t('optRulesProblems')}</p>
            <ul class="problems">
              {parsed.problems.map((p) => (
                <li key={p.line} data-line={p.line}>
                  {t('optRuleLine', p.line, p.message)}
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
      <div class="row">
        <button type="button" id="save-rules" disabled={parsed.problems.length > 0} onClick={() => void save()}>
          {t('optRulesSave')}
        </button>
        <span role="status" id="rules-status">
          {status}
        </span>
      </div>
    </div>
  );
}
