/** Keys of browser.storage.local, in one place so no two features write the same key by accident. */
export const STORAGE_KEYS = {
  /** boolean: NewsLens on for sites without their own choice (default true). */
  defaultEnabled: 'nl.defaultEnabled',
  /** Record<host, SiteSettings>: per-site on/off and detectors switched off. */
  sites: 'nl.sites',
  /** Category[]: categories whose clutter stays visible, on every site. */
  disabledCategories: 'nl.disabledCategories',
  /** boolean: hide captions of the article's own pictures too (default false: keep them). */
  hideArticleCaptions: 'nl.hideArticleCaptions',
  /** boolean: keep pictures inside saved articles (default false; needs the optional host permission). */
  embedImages: 'nl.embedImages',
  /** boolean: entity highlights on (default true). */
  highlights: 'nl.highlights',
  /** EntityType[]: entity types whose highlights are switched off. */
  hiddenEntityTypes: 'nl.hiddenEntityTypes',
  /** string: the user's rules in uBlock Origin cosmetic syntax, as typed. */
  userRules: 'nl.userRules',
  /** CosmeticRule[]: the same, compiled by the options page or the picker. */
  userRulesCompiled: 'nl.userRulesCompiled',
  /** FilterList[]: imported filter lists (cosmetic rules only). */
  filterLists: 'nl.filterLists',
} as const;
