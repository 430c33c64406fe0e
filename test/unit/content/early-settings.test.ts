/**
 * The settings asked for at document_start reach the main content script, and a write to storage in between makes
 * it read them again rather than use what went stale.
 */
import { afterEach, describe, expect, test, vi } from 'vitest';
import browser from '../../../src/shared/browser';
import { prefetchSettings, takeSettings } from '../../../src/content/early-settings';
import { saveSettings, DEFAULT_SETTINGS } from '../../../src/shared/settings';
import { fakeStore, storageListeners } from '../../setup';
import { STORAGE_KEYS } from '../../../src/shared/storage-keys';

const SLOT = '__newslensEarlySettings';
afterEach(() => {
  delete (globalThis as Record<string, unknown>)[SLOT];
  storageListeners.clear();
});

describe('settings read at document_start', () => {
  test('arrive in the main script as a value, read once', async () => {
    fakeStore[STORAGE_KEYS.highlights] = false;
    const get = vi.mocked(browser.storage.local.get);
    const before = get.mock.calls.length;
    prefetchSettings();
    prefetchSettings(); // injected twice (extension reload): still one read
    expect(get.mock.calls.length - before).toBe(1);
    await takeSettings().promise;
    const taken = takeSettings();
    expect(taken.value?.highlights).toBe(false);
    expect(taken.value?.defaultEnabled).toBe(true);
  });

  test('a write to storage before the main script takes them makes it read again', async () => {
    prefetchSettings();
    await takeSettings().promise;
    expect(takeSettings().value?.highlights).toBe(true);
    await saveSettings({ highlights: false });
    const taken = takeSettings();
    expect(taken.value).toBeUndefined();
    expect((await taken.promise).highlights).toBe(false);
    // The document_start script's listener went with its settings.
    expect(storageListeners.size).toBe(0);
  });

  test('a write while the first read is under way: that read is not used', async () => {
    prefetchSettings();
    const first = takeSettings().promise;
    await saveSettings({ hideArticleCaptions: true });
    await first;
    const taken = takeSettings();
    expect(taken.value).toBeUndefined();
    expect((await taken.promise).hideArticleCaptions).toBe(true);
  });

  test('a write after the main script took the pending read, before it listens itself: it gets the new settings', async () => {
    prefetchSettings();
    const taken = takeSettings(); // the read has not answered yet: the main script waits on it
    expect(taken.value).toBeUndefined();
    await saveSettings({ highlights: false });
    expect((await taken.promise).highlights).toBe(false);
  });

  test('without the document_start script (injected later, or another browser): a fresh read', async () => {
    const taken = takeSettings();
    expect(taken.value).toBeUndefined();
    expect(await taken.promise).toEqual(DEFAULT_SETTINGS);
  });

  test('storage that cannot be read gives the defaults, not a failed start', async () => {
    vi.mocked(browser.storage.local.get).mockRejectedValueOnce(new Error('Extension context invalidated.'));
    prefetchSettings();
    expect(await takeSettings().promise).toEqual(DEFAULT_SETTINGS);
  });
});
