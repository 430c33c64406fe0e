/**
 * Typed send/listen over browser.runtime / browser.tabs messaging, returning Result instead of throwing.
 */
import browser from './browser.js';
import type { Runtime } from 'webextension-polyfill';
import { t } from './i18n.js';
import { isEnvelope, type Handlers, type Result, type BackgroundProtocol, type ContentProtocol } from './messages.js';

type Args<F> = F extends (a: infer A) => unknown ? A : never;
type Ret<F> = F extends (a: never) => infer R ? Awaited<R> : never;

function describe(e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e);
  // Chrome's wording when no content script listens in the tab (chrome:// pages, the store, a tab opened before install).
  if (/Receiving end does not exist|Could not establish connection/i.test(msg)) return t('notRunning');
  return msg;
}

async function call<T>(send: () => Promise<unknown>): Promise<Result<T>> {
  try {
    const reply = (await send()) as Result<T> | undefined;
    return reply ?? { ok: false, error: 'No reply' };
  } catch (e) {
    return { ok: false, error: describe(e) };
  }
}

/** Send a message to the content script of a tab. */
export function sendToTab<K extends keyof ContentProtocol>(tabId: number, type: K, args: Args<ContentProtocol[K]>): Promise<Result<Ret<ContentProtocol[K]>>> {
  return call(() => browser.tabs.sendMessage(tabId, { nl: 1, type, args }));
}

/** Send a message to the background service worker. */
export function sendToBackground<K extends keyof BackgroundProtocol>(type: K, args: Args<BackgroundProtocol[K]>): Promise<Result<Ret<BackgroundProtocol[K]>>> {
  return call(() => browser.runtime.sendMessage({ nl: 1, type, args }));
}

/** Answer a protocol's messages; returns a function that stops listening. */
export function listen<P>(handlers: Handlers<P>, accept: (sender: Runtime.MessageSender) => boolean = () => true): () => void {
  const listener = (message: unknown, sender: Runtime.MessageSender): Promise<Result<unknown>> | undefined => {
    if (!isEnvelope(message) || !(message.type in handlers) || !accept(sender)) return undefined;
    const handler = (handlers as Record<string, (a: unknown, s: { tabId?: number; url?: string }) => unknown>)[message.type];
    return Promise.resolve()
      .then(() => handler(message.args, { tabId: sender.tab?.id, url: sender.url }))
      .then((value) => ({ ok: true as const, value }), (e: unknown) => ({ ok: false as const, error: e instanceof Error ? e.message : String(e) }));
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}
