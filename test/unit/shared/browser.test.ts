import { expect, test } from 'vitest';
import browser from '../../../src/shared/browser.js';

test('the browser\'s own `browser` namespace is used as it is when it has a runtime id (the polyfill is not loaded)', () => {
  // test/setup.ts installs the fake as the global, as Firefox and Chromium 150 provide theirs.
  expect(browser).toBe((globalThis as unknown as { browser: unknown }).browser);
  expect(browser.runtime.id).toBe('test-extension');
});
