/**
 * How the popup reaches the page. The real connector talks to the active tab's content script; tests pass a
 * fake one, so the popup renders without an extension around it.
 */
import browser from '../shared/browser.js';
import type { Category } from '../core/clutter/types.js';
import type { EntityType } from '../core/entities/find-entities.js';
import type { PageState, Result, SaveResult } from '../shared/messages.js';
import { sendToBackground, sendToTab } from '../shared/rpc.js';

export interface Connector {
  getPageState(): Promise<Result<PageState>>;
  setHidingEnabled(on: boolean): Promise<Result<PageState>>;
  setCategoryEnabled(category: Category, on: boolean): Promise<Result<PageState>>;
  setArticleCaptionsHidden(hide: boolean): Promise<Result<PageState>>;
  setHighlightsEnabled(on: boolean): Promise<Result<PageState>>;
  setSiteEnabled(on: boolean): Promise<Result<PageState>>;
  setShowHidden(on: boolean): Promise<Result<PageState>>;
  startPicker(): Promise<void>;
  saveArticle(): Promise<Result<SaveResult>>;
  openLibrary(id?: string): void;
  openOptions(): void;
  setEntityTypeVisible(type: EntityType, on: boolean): Promise<Result<PageState>>;
}

/**
 * The tab the popup acts on: the active tab of the current window, or `?tab=<id>` when the popup is opened as a
 * page of its own (end-to-end tests; a popup in a tab would otherwise find itself as the active tab).
 */
async function targetTabId(): Promise<number | undefined> {
  const fromQuery = Number(new URLSearchParams(location.search).get('tab'));
  if (Number.isInteger(fromQuery) && fromQuery > 0) return fromQuery;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

export function browserConnector(): Connector {
  const withTab = async (f: (id: number) => Promise<Result<PageState>>): Promise<Result<PageState>> => {
    const id = await targetTabId();
    return id === undefined ? { ok: false, error: 'No active tab.' } : f(id);
  };
  return {
    getPageState: () => withTab((id) => sendToTab(id, 'getPageState', {})),
    setHidingEnabled: (on) => withTab((id) => sendToTab(id, 'setHidingEnabled', { on })),
    setCategoryEnabled: (category, on) => withTab((id) => sendToTab(id, 'setCategoryEnabled', { category, on })),
    setArticleCaptionsHidden: (hide) => withTab((id) => sendToTab(id, 'setArticleCaptionsHidden', { hide })),
    setHighlightsEnabled: (on) => withTab((id) => sendToTab(id, 'setHighlightsEnabled', { on })),
    setSiteEnabled: (on) => withTab((id) => sendToTab(id, 'setSiteEnabled', { on })),
    setShowHidden: (on) => withTab((id) => sendToTab(id, 'setShowHidden', { on })),
    startPicker: async () => {
      const id = await targetTabId();
      if (id !== undefined) await sendToTab(id, 'startPicker', {});
    },
    openOptions: () => void browser.runtime.openOptionsPage(),
    saveArticle: async () => {
      const id = await targetTabId();
      return id === undefined ? { ok: false, error: 'No active tab.' } : sendToBackground('saveTab', { tabId: id });
    },
    openLibrary: (id) => void browser.tabs.create({ url: browser.runtime.getURL(`src/library/index.html${id ? `#${id}` : ''}`) }),
    setEntityTypeVisible: (type, on) => withTab((id) => sendToTab(id, 'setEntityTypeVisible', { type, on })),
  };
}
