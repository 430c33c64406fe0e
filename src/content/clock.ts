/**
 * When the content script began to run. Imported first by index.ts, so it is evaluated before any other module of
 * the bundle: the start-up figure (PageState.analyzeMs) then includes the bundle's own set-up, not only start().
 */
export const scriptStart = performance.now();

/** Left in a Chromium trace by index.ts once hiding is applied (console.timeStamp): bench/lib/trace.ts looks for it. */
export const HIDING_MARK = 'newslens: hiding applied';
