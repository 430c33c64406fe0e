/**
 * UI strings through the browser's i18n (public/_locales/<lang>/messages.json), typed by the English file.
 * Outside an extension (unit tests, a page without the API) the English text is used, with placeholders filled.
 */
import browser from './browser.js';
import en from '../../public/_locales/en/messages.json';

export type MessageKey = keyof typeof en;

type Entry = { message: string; placeholders?: Record<string, { content: string }> };

function fallback(key: MessageKey, subs: string[]): string {
  const e = en[key] as Entry;
  return e.message.replace(/\$([A-Z_]+)\$/g, (_, name: string) => {
    const content = e.placeholders?.[name.toLowerCase()]?.content ?? '';
    const n = /^\$(\d)$/.exec(content);
    return n ? (subs[Number(n[1]) - 1] ?? '') : content;
  });
}

/** The message for `key` in the browser's language, with $1, $2... filled from `subs`. */
export function t(key: MessageKey, ...subs: (string | number)[]): string {
  const s = subs.map(String);
  try {
    const m = browser.i18n?.getMessage(key, s);
    if (m) return m;
  } catch {
    /* no i18n API here: English */
  }
  return fallback(key, s);
}
