/**
 * Every user setting, typed, with its default, read and written through browser.storage.local. The content
 * script, the popup and the options page all go through here, so a setting means the same thing everywhere.
 */
import browser from './browser.js';
import type { Category } from '../core/clutter/types.js';
import type { EntityType } from '../core/entities/find-entities.js';
import type { CosmeticRule } from '../core/rules/types.js';
import { STORAGE_KEYS } from './storage-keys.js';

/** Per-site choices, by hostname. */
export interface SiteSettings {
  /** NewsLens on (true) or off (false) on this site; absent: the global default. */
  enabled?: boolean;
  /** Detector ids switched off on this site ("show hidden" -> "keep this on this site"). */
  disabledDetectors?: string[];
}

/** An imported filter list: its text (for re-parsing) and its compiled cosmetic rules. */
export interface FilterList {
  name: string;
  importedAt: string;
  rules: CosmeticRule[];
  /** Lines skipped (network rules, comments) and lines refused, for the options page. */
  skipped: number;
  problems: number;
}

export interface Settings {
  defaultEnabled: boolean;
  sites: Record<string, SiteSettings>;
  disabledCategories: Category[];
  hideArticleCaptions: boolean;
  /** Keep pictures inside saved articles (fetched once, with the user's permission). */
  embedImages: boolean;
  highlights: boolean;
  hiddenEntityTypes: EntityType[];
  /** The user's own rules as typed, and compiled. */
  userRules: string;
  userRulesCompiled: CosmeticRule[];
  filterLists: FilterList[];
}

export const DEFAULT_SETTINGS: Settings = {
  defaultEnabled: true,
  sites: {},
  disabledCategories: [],
  hideArticleCaptions: false,
  embedImages: false,
  highlights: true,
  hiddenEntityTypes: [],
  userRules: '',
  userRulesCompiled: [],
  filterLists: [],
};

const KEY: Record<keyof Settings, string> = {
  defaultEnabled: STORAGE_KEYS.defaultEnabled,
  sites: STORAGE_KEYS.sites,
  disabledCategories: STORAGE_KEYS.disabledCategories,
  hideArticleCaptions: STORAGE_KEYS.hideArticleCaptions,
  embedImages: STORAGE_KEYS.embedImages,
  highlights: STORAGE_KEYS.highlights,
  hiddenEntityTypes: STORAGE_KEYS.hiddenEntityTypes,
  userRules: STORAGE_KEYS.userRules,
  userRulesCompiled: STORAGE_KEYS.userRulesCompiled,
  filterLists: STORAGE_KEYS.filterLists,
};

/** Keep a stored value only when it has the default's type (storage is user-editable through devtools). */
function sameType(value: unknown, fallback: unknown): boolean {
  if (Array.isArray(fallback)) return Array.isArray(value);
  if (fallback !== null && typeof fallback === 'object') return value !== null && typeof value === 'object' && !Array.isArray(value);
  return typeof value === typeof fallback;
}

/** All settings; defaults where nothing (or something malformed) is stored. Rejects when storage cannot be read. */
export async function readSettings(): Promise<Settings> {
  const out = { ...DEFAULT_SETTINGS };
  const got = await browser.storage.local.get(Object.values(KEY));
  for (const k of Object.keys(KEY) as (keyof Settings)[]) {
    const v = got[KEY[k]];
    if (v !== undefined && sameType(v, DEFAULT_SETTINGS[k])) (out as Record<string, unknown>)[k] = v;
  }
  return out;
}

/** All settings, or the defaults when storage is unavailable (extension context gone: the page stays usable). */
export function loadSettings(): Promise<Settings> {
  return readSettings().catch(() => ({ ...DEFAULT_SETTINGS }));
}

/** Write some settings. */
export async function saveSettings(patch: Partial<Settings>): Promise<void> {
  const items: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(patch)) items[KEY[k as keyof Settings]] = v;
  await browser.storage.local.set(items);
}

/** Whether NewsLens runs on a host. */
export function enabledOn(s: Settings, host: string): boolean {
  return s.sites[host]?.enabled ?? s.defaultEnabled;
}

/** Every compiled rule: the user's own, then each filter list's. */
export function allRules(s: Settings): CosmeticRule[] {
  return [...s.userRulesCompiled, ...s.filterLists.flatMap((l) => l.rules)];
}
