/**
 * Background service worker: the message router, the toolbar badge, the entity model, and the keyboard commands
 * and context-menu items, which it forwards to the tab's content script.
 */
import browser from '../shared/browser.js';
import type { Menus, Runtime } from 'webextension-polyfill';
import type { BackgroundProtocol, ContentProtocol } from '../shared/messages.js';
import { listen, sendToTab } from '../shared/rpc.js';
import { t } from '../shared/i18n.js';
import { entitiesOf, pageEntities, warmUp } from './entity-service.js';
import { saveTab } from './save.js';

const OWN_ORIGIN = new URL(browser.runtime.getURL('/')).origin;

listen<BackgroundProtocol>(
  {
    pageStateChanged: async ({ hiddenCount, enabled }, sender) => {
      if (sender.tabId === undefined) return;
      const text = enabled && hiddenCount > 0 ? String(Math.min(hiddenCount, 999)) : '';
      await browser.action.setBadgeText({ tabId: sender.tabId, text });
      await browser.action.setBadgeBackgroundColor({ tabId: sender.tabId, color: '#3b5b7a' });
    },
    findEntities: ({ text, names }) => entitiesOf(text, names),
    pageEntities: ({ text, names }, sender) => pageEntities(sender.url, text, names),
    warmUp: (_args, sender) => warmUp(sender.url),
    saveTab: ({ tabId }) => saveTab(tabId),
  },
  // Only our own content scripts and pages talk to us (no externally_connectable, but check anyway).
  (sender) => sender.id === browser.runtime.id && (sender.tab !== undefined || (sender.url ?? '').startsWith(OWN_ORIGIN)),
);

/** What a command or menu item does in a tab. */
const ACTIONS: Record<string, (tabId: number) => Promise<unknown>> = {
  'toggle-declutter': async (tabId) => {
    const s = await sendToTab(tabId, 'getPageState', {});
    if (s.ok) await sendToTab(tabId, 'setHidingEnabled', { on: !s.value.enabled });
  },
  'toggle-highlights': async (tabId) => {
    const s = await sendToTab(tabId, 'getPageState', {});
    if (s.ok) await sendToTab(tabId, 'setHighlightsEnabled', { on: !s.value.entities.enabled });
  },
  'pick-element': (tabId) => sendToTab(tabId, 'startPicker', {} as Parameters<ContentProtocol['startPicker']>[0]),
  'show-hidden': (tabId) => sendToTab(tabId, 'setShowHidden', { on: true }),
  'save-article': async (tabId) => {
    let message: string;
    try {
      const r = await saveTab(tabId);
      message = t(r.updated ? 'savedUpdated' : 'savedNew', r.title);
    } catch (e) {
      message = t('saveFailed', e instanceof Error ? e.message : String(e));
    }
    await sendToTab(tabId, 'notify', { message });
  },
};

browser.commands?.onCommand.addListener(async (command, tab) => {
  const id = tab?.id ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
  if (id !== undefined) await ACTIONS[command]?.(id);
});

// Context menu items are created once per install/update (they persist across service-worker restarts).
browser.runtime.onInstalled.addListener(() => {
  if (!browser.contextMenus) return;
  void browser.contextMenus.removeAll().then(() => {
    const contexts: Menus.ContextType[] = ['page', 'selection', 'link', 'image'];
    browser.contextMenus.create({ id: 'save-article', title: t('menuSave'), contexts });
    browser.contextMenus.create({ id: 'pick-element', title: t('menuPick'), contexts });
    browser.contextMenus.create({ id: 'show-hidden', title: t('menuShowHidden'), contexts });
    browser.contextMenus.create({ id: 'toggle-declutter', title: t('menuToggle'), contexts });
  });
});

browser.contextMenus?.onClicked.addListener(async (info, tab) => {
  if (tab?.id !== undefined) await ACTIONS[String(info.menuItemId)]?.(tab.id);
});
