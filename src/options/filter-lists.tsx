/**
 * Imported filter lists: read a file the user picked (no download by NewsLens), keep its cosmetic rules, show
 * what was kept and skipped, remove a list.
 */
import { useState } from 'preact/hooks';
import { parseCosmeticRules } from '../core/rules/parse.js';
import type { FilterList } from '../shared/settings.js';
import { t } from '../shared/i18n.js';
import { isValidSelector } from './rules-editor.js';

/** Largest list file accepted (real annoyance lists are a few MB). */
const MAX_LIST_BYTES = 20 * 1024 * 1024;

export function FilterLists(props: { lists: FilterList[]; onChange: (lists: FilterList[]) => Promise<void> }) {
  const [status, setStatus] = useState('');
  const importFile = async (file: File) => {
    try {
      if (file.size > MAX_LIST_BYTES) throw new Error(`${Math.round(file.size / 1e6)} MB is more than the 20 MB limit`);
      const text = await file.text();
      const parsed = parseCosmeticRules(text, { source: file.name, isValidSelector, quietNetwork: true });
      const list: FilterList = { name: file.name, importedAt: new Date().toISOString(), rules: parsed.rules, skipped: parsed.skipped + parsed.problems.length, problems: parsed.problems.length };
      await props.onChange([...props.lists.filter((l) => l.name !== file.name), list]);
      setStatus(t('optListImported', file.name, parsed.rules.length, list.skipped));
    } catch (e) {
      setStatus(t('optListError', file.name, e instanceof Error ? e.message : String(e)));
    }
  };
  return (
    <div class="lists">
      <p class="help">{t('optListsHelp')}</p>
      {props.lists.length === 0 && <p class="muted">{t('optListEmpty')}</p>}
      <ul>
        {props.lists.map((l) => (
          <li key={l.name}>
            <strong>{l.name}</strong> <span class="muted">{t('optListSummary', l.rules.length, new Date(l.importedAt).toLocaleDateString())}</span>{' '}
            <button type="button" onClick={() => void props.onChange(props.lists.filter((x) => x !== l))}>
              {t('optListRemove')}
            </button>
          </li>
        ))}
      </ul>
      <label class="file">
        <span>{t('optListImport')}</span>
        <input
          type="file"
          id="import-list"
          accept=".txt,text/plain"
          onChange={(e) => {
            const f = (e.target as HTMLInputElement).files?.[0];
            if (f) void importFile(f);
            (e.target as HTMLInputElement).value = '';
          }}
        />
      </label>
      <p role="status" id="list-status">
        {status}
      </p>
    </div>
  );
}
