/** Keys of browser.storage.local, in one place so no two features write the same key by accident. */
export const STORAGE_KEYS = {
  /** Category[]: categories whose clutter stays visible, on every site. */
  disabledCategories: 'nl.disabledCategories',
} as const;
