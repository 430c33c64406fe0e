/**
 * The security boundary for everything NewsLens stores or shows again: DOMPurify with a strict profile.
 * Pages are hostile input; saved HTML is re-sanitised when displayed, so a bypass would need two.
 */
import createDOMPurify, { type Config, type DOMPurify } from 'dompurify';

/** What survives: text structure, links, pictures, tables. No forms, frames, styles or scripts. */
export const SANITIZE_CONFIG: Config = {
  USE_PROFILES: { html: true },
  FORBID_TAGS: ['style', 'form', 'input', 'button', 'textarea', 'select', 'iframe', 'frame', 'object', 'embed', 'base', 'meta', 'link', 'svg', 'math', 'template', 'noscript'],
  FORBID_ATTR: ['style', 'class', 'id', 'srcset', 'action', 'formaction', 'xlink:href', 'background', 'ping'],
  ALLOW_DATA_ATTR: false,
  ALLOWED_URI_REGEXP: /^(?:https?:|mailto:|#|\/|\.{1,2}\/|[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/i,
};

const instances = new WeakMap<object, DOMPurify>();

function purifier(win: Window | object): DOMPurify {
  let purify = instances.get(win);
  if (!purify) {
    purify = createDOMPurify(win as unknown as Window & typeof globalThis);
    // Links open outside the extension page and leak nothing back to it.
    purify.addHook('afterSanitizeAttributes', (node) => {
      if (node.tagName === 'A' && node.hasAttribute('href')) {
        node.setAttribute('rel', 'noopener noreferrer');
        node.setAttribute('target', '_blank');
      }
      if (node.tagName === 'IMG' && /^data:/i.test(node.getAttribute('src') ?? '') && !/^data:image\/(?:png|jpe?g|gif|webp|avif);/i.test(node.getAttribute('src') ?? '')) {
        node.removeAttribute('src');
      }
    });
    instances.set(win, purify);
  }
  return purify;
}

/** Sanitise an HTML fragment with the window it will be parsed in (a browser window, or jsdom's in Node). */
export function sanitizeHtml(html: string, win: Window | object): string {
  return purifier(win).sanitize(html, { ...SANITIZE_CONFIG, RETURN_TRUSTED_TYPE: false }) as string;
}

/** Sanitise straight into a DocumentFragment of `win`'s document: no innerHTML round trip for the caller. */
export function sanitizeToFragment(html: string, win: Window | object): DocumentFragment {
  return purifier(win).sanitize(html, { ...SANITIZE_CONFIG, RETURN_DOM_FRAGMENT: true }) as unknown as DocumentFragment;
}

/**
 * One DOMPurify pass giving both shapes a save or export needs: the HTML string and a detached element holding
 * the same sanitised nodes (turndown reads it for Markdown). A second pass cost as much as the first (~20 s on a
 * 20 MB page in Node).
 */
export function sanitizedContent(html: string, win: Window | object): { html: string; element: Element } {
  const fragment = sanitizeToFragment(html, win);
  const holder = fragment.ownerDocument.createElement('div');
  holder.append(fragment);
  return { html: holder.innerHTML, element: holder };
}
