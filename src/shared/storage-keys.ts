/** Keys of browser.storage.local, in one place so no two features write the same key by accident. */
export const STORAGE_KEYS = {
  /** Category[]: categories whose clutter stays visible, on every site. */
  disabledCategories: 'nl.disabledCategories',
  /** boolean: hide captions of the article's own pictures too (default false: keep them). */
  hideArticleCaptions: 'nl.hideArticleCaptions',
  /** boolean: entity highlights on (default true). */
  highlights: 'nl.highlights',
  /** EntityType[]: entity types whose highlights are switched off. */
  hiddenEntityTypes: 'nl.hiddenEntityTypes',
} as const;
