/**
 * Node side of the core: decode page bytes honouring their declared charset, and parse them with happy-dom
 * in a window that can run no script and fetch nothing (every request the parser might make is answered locally).
 */
import { Window } from 'happy-dom';
import { InputError, looksBinary } from './errors.js';

export { InputError, looksBinary };

const SNIFF_BYTES = 4096;
const CHARSET_RE = /<meta[^>]+charset\s*=\s*["']?\s*([\w:.-]+)/i;

/** The encoding a browser would use: BOM, then <meta charset> / http-equiv in the first 4 KB, else UTF-8. */
export function sniffCharset(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, SNIFF_BYTES));
  const m = CHARSET_RE.exec(head);
  if (!m) return 'utf-8';
  const label = m[1].toLowerCase();
  try {
    new TextDecoder(label);
    return label;
  } catch {
    return 'utf-8'; // an unknown label: browsers fall back too
  }
}

/** Decode page bytes to text, refusing what is not a web page. */
export function decodePage(bytes: Uint8Array, name: string): string {
  if (bytes.length === 0) throw new InputError(`${name}: empty file`);
  if (looksBinary(bytes)) throw new InputError(`${name}: binary data, not an HTML page`);
  const text = new TextDecoder(sniffCharset(bytes)).decode(bytes);
  if (!/<[a-z!]/i.test(text.slice(0, 100_000))) throw new InputError(`${name}: no HTML markup found (for plain text, use: newslens entities FILE)`);
  return text;
}

const SETTINGS = {
  disableJavaScriptEvaluation: true,
  disableJavaScriptFileLoading: true,
  disableCSSFileLoading: true,
  disableIframePageLoading: true,
  disableComputedStyleRendering: true,
  navigation: { disableMainFrameNavigation: true, disableChildFrameNavigation: true, disableChildPageNavigation: true },
  fetch: {
    interceptor: {
      // The parser may try to preload <link rel=preload as=fetch>; answer locally instead of going online.
      beforeAsyncRequest: async ({ window: w }: { window: { Response: typeof Response } }) => new w.Response('', { status: 204 }),
    },
  },
};

/** A parsed page and the window it lives in; close() frees both. */
export interface ParsedPage {
  document: Document;
  /** The page's window (DOMPurify needs one). */
  window: Window;
  close(): Promise<void>;
}

/**
 * Parse HTML in a window of its own, which runs no script and fetches nothing. One window per page: happy-dom
 * windows cache query results, so a shared window keeps every page ever parsed alive (OOM after ~100 pages).
 */
export function openDocument(html: string): ParsedPage {
  const window = new Window({ url: 'https://newslens.invalid/', settings: SETTINGS as never });
  const document = new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
  return { document, window, close: () => window.happyDOM.close() };
}

/** Parse a fragment or page for a short-lived use (tests, benchmark helpers); the window is closed by GC. */
export function parseHtml(html: string): Document {
  return openDocument(html).document;
}
