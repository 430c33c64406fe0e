/**
 * The background loads the entity model when a loading page's document_start script says highlights will be
 * wanted there, and loads nothing where they will not be (highlights off, or NewsLens off on that site).
 */
import { afterEach, expect, test, vi } from 'vitest';
import { warmUp } from '../../../src/background/entity-service';
import { saveSettings } from '../../../src/shared/settings';

afterEach(() => vi.restoreAllMocks());

test('warm-up starts loading the model only where highlights are on', async () => {
  // No model in unit tests: the load fails, and a failed load is left for the next ask to retry.
  const fetch = vi.spyOn(globalThis, 'fetch').mockRejectedValue(new Error('no model here'));
  await saveSettings({ highlights: false }); // also drops the settings the background keeps
  expect(await warmUp('https://news.example/a')).toBeNull();
  expect(fetch).not.toHaveBeenCalled();

  await saveSettings({ highlights: true, sites: { 'news.example': { enabled: false } } });
  await warmUp('https://news.example/a');
  expect(fetch).not.toHaveBeenCalled();
  await warmUp('not a url');
  expect(fetch).not.toHaveBeenCalled();

  await warmUp('https://other.example/b');
  expect(fetch).toHaveBeenCalled();
  await new Promise((r) => setTimeout(r, 0)); // the failed load settles without an unhandled rejection
});
