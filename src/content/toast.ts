/** A short notice at the bottom of the page, in a shadow root, announced to screen readers, gone after 4 s. */
export function toast(doc: Document, message: string): void {
  doc.querySelector('nl-toast')?.remove();
  const host = doc.createElement('nl-toast');
  const shadow = host.attachShadow({ mode: 'open' });
  const box = doc.createElement('div');
  box.setAttribute('role', 'status');
  box.textContent = message;
  const style = doc.createElement('style');
  style.textContent = ':host{all:initial}div{position:fixed;z-index:2147483647;left:50%;bottom:20px;transform:translateX(-50%);font:14px/1.4 system-ui,sans-serif;background:#1d232b;color:#f4f7fa;padding:8px 14px;border-radius:8px;box-shadow:0 2px 12px rgba(0,0,0,.35)}';
  shadow.append(style, box);
  doc.documentElement.appendChild(host);
  setTimeout(() => host.remove(), 4000);
}
