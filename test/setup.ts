// Global in-memory fake of the WebExtension API for unit tests, as the `browser` global that src/shared/browser.ts
// takes when a browser has one (so the polyfill, which throws outside an extension, is never loaded here).
import { vi, beforeEach } from 'vitest';

export const fakeStore: Record<string, unknown> = {};
type StorageListener = (changes: Record<string, unknown>, area: string) => void;
/** storage.onChanged listeners; set() calls them as the browser does, with area 'local'. */
export const storageListeners = new Set<StorageListener>();

(globalThis as { browser?: unknown }).browser = {
  runtime: {
    id: 'test-extension',
    getURL: (p: string) => `chrome-extension://test-extension${p.startsWith('/') ? p : '/' + p}`,
    sendMessage: vi.fn(async () => undefined),
    onMessage: { addListener: vi.fn(), removeListener: vi.fn() },
  },
  tabs: { query: vi.fn(async () => [{ id: 1, active: true }]), sendMessage: vi.fn(async () => undefined) },
  action: { setBadgeText: vi.fn(async () => undefined), setBadgeBackgroundColor: vi.fn(async () => undefined) },
  storage: {
    local: {
      get: vi.fn(async (k?: string | string[] | null) => {
        if (k == null) return { ...fakeStore };
        const keys = Array.isArray(k) ? k : [k];
        return Object.fromEntries(keys.filter((x) => x in fakeStore).map((x) => [x, fakeStore[x]]));
      }),
      set: vi.fn(async (o: Record<string, unknown>) => {
        const changes = Object.fromEntries(Object.entries(o).map(([k, v]) => [k, { oldValue: fakeStore[k], newValue: v }]));
        Object.assign(fakeStore, o);
        for (const l of [...storageListeners]) l(changes, 'local');
      }),
    },
    onChanged: {
      addListener: (l: StorageListener) => storageListeners.add(l),
      removeListener: (l: StorageListener) => storageListeners.delete(l),
      hasListener: (l: StorageListener) => storageListeners.has(l),
    },
  },
};

beforeEach(() => {
  for (const k of Object.keys(fakeStore)) delete fakeStore[k];
});
