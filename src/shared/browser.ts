/**
 * The WebExtension API, promise-based: the browser's own `browser` namespace where it has one (Firefox, Chromium
 * 150 here), which is what webextension-polyfill returns there too; elsewhere (older Chrome) the polyfill's wrapper
 * of `chrome`: the polyfill is bundled everywhere, but run only then. Every file imports the API from here, not
 * from the polyfill: the bundler's CommonJS interop for `import browser from 'webextension-polyfill'` copies every
 * property of the module's export, and on the native namespace reading each property's descriptor makes the
 * browser build that API's object, about 4 ms of every page's content-script start in Chromium (CPU profile, 30
 * aeb-dev pages); start to hiding applied went 86.2 -> 80.1 and 87.6 -> 84.9 ms median in two interleaved A/B
 * pairs on all 116.
 */
import type { Browser } from 'webextension-polyfill';

const native = (globalThis as unknown as { browser?: Browser }).browser;
// A function, not only an id: a page's <form id="browser"><input name="runtime" id="x"> is `browser.runtime.id`
// too, by named access, where the browser has no namespace of its own (mozilla/webextension-polyfill#720).
const isApi = typeof native?.runtime?.sendMessage === 'function';
// require(): bundled by the build (no require() is left in dist: the e2e manifest test checks it) and run only on
// this branch; an import would run the interop on every start. Typed by the node types tsconfig loads everywhere.
const browser: Browser = isApi ? native! : (require('webextension-polyfill') as Browser);
export default browser;
