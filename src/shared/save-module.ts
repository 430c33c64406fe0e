/**
 * Where the content script's save path is built (vite.config.ts) and imported from (src/content/index.ts): a module
 * of its own, web-accessible, loaded on the first save instead of compiled on every page.
 */
export const SAVE_MODULE = 'src/content/extract.js';
