/**
 * Background service worker: the message router. Today it keeps the toolbar badge in step with each tab's
 * hidden count; the library (IndexedDB) will live here too.
 */
import browser from 'webextension-polyfill';
import type { BackgroundProtocol } from '../shared/messages.js';
import { listen } from '../shared/rpc.js';
import { entitiesOf } from './entity-service.js';

const OWN_ORIGIN = new URL(browser.runtime.getURL('/')).origin;

listen<BackgroundProtocol>(
  {
    pageStateChanged: async ({ hiddenCount, enabled }, sender) => {
      if (sender.tabId === undefined) return;
      const text = enabled && hiddenCount > 0 ? String(Math.min(hiddenCount, 999)) : '';
      await browser.action.setBadgeText({ tabId: sender.tabId, text });
      await browser.action.setBadgeBackgroundColor({ tabId: sender.tabId, color: '#3b5b7a' });
    },
    findEntities: ({ text }) => entitiesOf(text),
  },
  // Only our own content scripts and pages talk to us (no externally_connectable, but check anyway).
  (sender) => sender.id === browser.runtime.id && (sender.tab !== undefined || (sender.url ?? '').startsWith(OWN_ORIGIN)),
);
