import { expect, test, vi } from 'vitest';
import browser from '../../../src/shared/browser.js';
import { DEFAULT_SETTINGS, loadSettings, readSettings, saveSettings } from '../../../src/shared/settings.js';

test('stored settings are read back; a value of the wrong type falls back to the default', async () => {
  await saveSettings({ highlights: false });
  await browser.storage.local.set({ 'nl.hiddenEntityTypes': 'PER' }); // not an array: edited by hand in devtools
  const s = await readSettings();
  expect(s.highlights).toBe(false);
  expect(s.hiddenEntityTypes).toEqual(DEFAULT_SETTINGS.hiddenEntityTypes);
});

test('storage that cannot be read: readSettings says so (the background then keeps nothing), loadSettings gives the defaults', async () => {
  await saveSettings({ highlights: false });
  const get = vi.mocked(browser.storage.local.get);
  get.mockRejectedValueOnce(new Error('Extension context invalidated.'));
  await expect(readSettings()).rejects.toThrow('Extension context invalidated.');
  get.mockRejectedValueOnce(new Error('Extension context invalidated.'));
  expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
  expect((await loadSettings()).highlights).toBe(false); // read again once storage answers
});
