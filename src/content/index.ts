/**
 * Content script: wiring. Reads the settings, runs the page controller at document_idle, watches for clutter that
 * arrives later and for settings changed elsewhere (options page, another tab), and answers the popup.
 */
import { HIDING_MARK, scriptStart } from './clock.js';
import browser from '../shared/browser.js';
import type { ContentProtocol } from '../shared/messages.js';
import { listen, sendToBackground } from '../shared/rpc.js';
import { loadSettings, saveSettings, type Settings } from '../shared/settings.js';
import { STORAGE_KEYS } from '../shared/storage-keys.js';
import { PageController, type EarlyAnalysis } from './page.js';
import { takeSettings } from './early-settings.js';
import { SAVE_MODULE } from '../shared/save-module.js';
import { HighlightController } from './highlights.js';
import { worthTaggingEarly, type EarlyEntities } from './early-entities.js';
import { buildTextIndex } from '../core/entities/text-index.js';
import { namesApply } from '../core/entities/language.js';
import { watchForClutter } from './watch.js';
import { analyzeAdded } from '../core/clutter/analyze.js';
import { pickElement } from './picker.js';
import { selectorFor } from './selector.js';
import { REVEAL_CSS, showHidden, type Reveal } from './show-hidden.js';
import { addSiteRule, removeRuleLine } from './rule-edits.js';
import { toast } from './toast.js';
import { t } from '../shared/i18n.js';

const ROOT_MARK = 'data-nl';

async function start(): Promise<void> {
  const html = document.documentElement;
  if (!html || html.hasAttribute(ROOT_MARK)) return; // injected twice (extension reload): the first instance owns the page
  html.setAttribute(ROOT_MARK, '');
  const settingsRead = takeSettings();
  // The article's text goes to the background as soon as the analysis has found the article (see askEntitiesEarly).
  // A failure there costs the early highlights (painting asks again after hiding), never the analysis.
  let entities = null as EarlyEntities | null;
  let askMs = 0;
  const onRoot = (root: Element | null) => {
    const t0 = performance.now();
    try {
      entities = askEntitiesEarly(document, root);
    } catch (e) {
      console.warn('NewsLens: could not ask for the article\'s names early', e);
    }
    askMs = performance.now() - t0;
  };
  let page: PageController;
  let early: EarlyAnalysis | null = null;
  let stale = false;
  if (settingsRead.value) {
    // Read at document_start (the usual case): the analysis runs with this site's options, not at all on a site
    // the user switched off, and the article's text is sent only when highlights are on there.
    page = new PageController(document, settingsRead.value);
    page.settingsEarly = true;
    if (page.siteEnabled) early = PageController.analyzeEarly(document, page.settings.highlights ? onRoot : undefined, page.analyzeOptions());
  } else {
    // Not there yet: the engine runs while storage answers, with the default options; PageController.run uses its
    // result when this site's options are the defaults, and analyses again when they are not.
    early = PageController.analyzeEarly(document, onRoot);
    // A page that changes its DOM meanwhile (a late script, a client-side render) makes that analysis stale. The
    // callback records it: records delivered to a callback are gone from takeRecords(), and a page task that runs
    // during the await has its records delivered at that task's microtask checkpoint.
    const meanwhile = new MutationObserver(() => (stale = true));
    // The body only: analytics and ad scripts add <script>/<link> to <head> all the time, and the engine reads the
    // body. Text changed in place (a ticking timestamp) counts too: the entities asked for early carry its offsets.
    meanwhile.observe(document.body ?? document, { childList: true, characterData: true, subtree: true });
    page = new PageController(document, await settingsRead.promise);
    if (meanwhile.takeRecords().length > 0) stale = true;
    meanwhile.disconnect();
  }
  if (early) page.engineMs = early.ms - askMs; // the engine's own time, as on a site whose options make it run again
  page.run(stale || !early ? undefined : early);
  page.analyzeMs = performance.now() - scriptStart;
  // A mark in a Chromium performance trace, and nothing else (unlike performance.mark, the page cannot read it):
  // bench:browser reads the main thread's CPU time up to here from it (bench/lib/trace.ts).
  console.timeStamp(HIDING_MARK);

  page.highlights = new HighlightController(
    { doc: document, root: () => (page.siteEnabled ? page.analysis.root : null), findEntities: (text, names) => sendToBackground('findEntities', { text, names }), lang: () => document.documentElement.lang, setCss: (on) => page.setHighlightCss(on) },
    page.settings.highlights,
    new Set(page.settings.hiddenEntityTypes),
  );
  // Highlights come after hiding, from the entities asked for at the start when the page has not changed since.
  void page.highlights.paint(true, stale ? undefined : (entities ?? undefined));

  // Declared before state(), which report() calls at once: "show hidden" is part of what the popup is told.
  let reveal: Reveal | null = null;
  let revealOn = false;
  const state = () => ({ ...page.state(location.href), revealing: revealOn });
  const report = () => void sendToBackground('pageStateChanged', { hiddenCount: state().hiddenCount, enabled: page.hiding && page.siteEnabled });
  report();

  const lifetime = new AbortController();
  watchForClutter(document, {
    analysis: () => page.analysis,
    onNodes: (nodes) => {
      if (!page.siteEnabled) return;
      let marked = 0;
      // Detectors against the first analysis, and the user's rules, within each new subtree.
      for (const n of nodes) marked += page.mark(analyzeAdded(n, page.analysis, page.analyzeOptions()), n).length;
      if (marked) report();
    },
    onNavigate: () => {
      page.rerun();
      report();
    },
    signal: lifetime.signal,
  });

  // Settings changed in the options page or another tab: apply them here too.
  const onStorage = async (changes: Record<string, unknown>, area: string) => {
    if (area !== 'local') return;
    const keys = Object.keys(changes);
    if (!keys.some((k) => k.startsWith('nl.'))) return;
    const before = page.settings;
    page.settings = await loadSettings();
    const structural: string[] = [STORAGE_KEYS.sites, STORAGE_KEYS.defaultEnabled, STORAGE_KEYS.userRulesCompiled, STORAGE_KEYS.filterLists];
    if (keys.some((k) => structural.includes(k))) {
      page.rerun();
      if (revealOn) setReveal(true); // label the new result
    } else if (before.hideArticleCaptions !== page.settings.hideArticleCaptions) page.setArticleCaptions(page.settings.hideArticleCaptions);
    page.applyStyles();
    report();
  };
  browser.storage.onChanged.addListener(onStorage);
  lifetime.signal.addEventListener('abort', () => browser.storage.onChanged.removeListener(onStorage));

  const setReveal = (on: boolean) => {
    revealOn = on;
    reveal?.destroy();
    reveal = null;
    page.setRevealCss(on ? REVEAL_CSS : '');
    if (on) {
      reveal = showHidden(document, page.hiddenFindings(), {
        onDisable: async (f) => {
          if (f.detector === 'user-rule') await removeRuleLine(page.settings, f.reason);
          else {
            // Keep this element, whichever check finds it: an exception rule the options page lists and can undo.
            // (Stopping the detector that hid it, as before, left it to the next detector that matched it.)
            const rule = await addSiteRule(page.settings, page.host, selectorFor(f.element), true);
            toast(document, t('revealKept', rule));
          }
          // storage.onChanged re-runs the page and labels the new result (see onStorage).
        },
      });
    }
  };

  const save = async (patch: Partial<Settings>) => {
    page.settings = { ...page.settings, ...patch };
    await saveSettings(patch);
  };

  listen<ContentProtocol>({
    getPageState: () => state(),
    setHidingEnabled: ({ on }) => {
      page.setHiding(on);
      report();
      return state();
    },
    setSiteEnabled: async ({ on }) => {
      await save({ sites: { ...page.settings.sites, [page.host]: { ...page.settings.sites[page.host], enabled: on } } });
      page.rerun();
      report();
      return state();
    },
    setCategoryEnabled: async ({ category, on }) => {
      const set = new Set(page.settings.disabledCategories);
      if (on) set.delete(category);
      else set.add(category);
      await save({ disabledCategories: [...set] });
      page.applyStyles();
      if (revealOn) setReveal(true); // label what is hidden now
      report();
      return state();
    },
    setArticleCaptionsHidden: async ({ hide }) => {
      page.setArticleCaptions(hide);
      await save({ hideArticleCaptions: hide });
      report();
      return state();
    },
    startPicker: () => {
      void pickElement(document).then(async (picked) => {
        if (!picked) return;
        const rule = await addSiteRule(page.settings, page.host, picked.selector);
        page.settings = await loadSettings();
        page.mark([{ detector: 'user-rule', category: 'user', element: picked.element, reason: `your rule: ${rule}` }], null);
        page.applyStyles();
        report();
      });
    },
    setShowHidden: ({ on }) => {
      setReveal(on);
      return state();
    },
    // The save path is a module of its own, imported on the first save (see SAVE_MODULE in vite.config.ts).
    extractArticle: async () => (await loadSaveModule()).extractArticle(document, location.href),
    notify: ({ message }) => toast(document, message),
    setHighlightsEnabled: async ({ on }) => {
      await page.highlights!.setEnabled(on);
      await save({ highlights: on });
      return state();
    },
    setEntityTypeVisible: async ({ type, on }) => {
      page.highlights!.setTypeVisible(type, on);
      await save({ hiddenEntityTypes: page.highlights!.hiddenTypes() });
      return state();
    },
  });
}

/**
 * Ask the background for the entities of the article's text (before anything is hidden) as soon as the analysis
 * has found the article, before its detector table: the background tags them (loading the model on first use) on
 * the other core while the rest of the page is analysed, and answers null when highlights are off for this site.
 * The article only, once it is known: asking for the whole body's text before the analysis cost 4-13 ms more from
 * start to hiding (median, interleaved A/B on the aeb-dev pages; the tagging competes with the analysis on two
 * cores). Null for no article, or one too long or without prose (the model is still loaded, for later pages).
 */
function askEntitiesEarly(doc: Document, root: Element | null): EarlyEntities | null {
  const t0 = performance.now();
  const index = root && buildTextIndex(root);
  const fits = !!index && worthTaggingEarly(index);
  const text = fits ? index.text : '';
  const names = namesApply(text, doc.documentElement.lang);
  const answer = sendToBackground('pageEntities', { text, names });
  if (!fits || !root) return null;
  let pending = true;
  const settle = () => (pending = false);
  answer.then(settle, settle);
  return { root, index, answer, names, indexMs: performance.now() - t0, pending: () => pending };
}

/**
 * The save path: DOMPurify, Turndown and the article reader, a third of this script's code, which V8 would compile on
 * every page for the few a reader saves (compiling this script took 12.9 ms with them, 8.6 without, median of 40
 * aeb-dev pages). Built as a module of its own and listed as a web-accessible resource (vite.config.ts).
 */
async function loadSaveModule(): Promise<typeof import('./extract.js')> {
  try {
    return await import(/* @vite-ignore */ browser.runtime.getURL(SAVE_MODULE));
  } catch (e) {
    throw new Error(`NewsLens could not load its save module on this page (${e instanceof Error ? e.message : String(e)}). Reload the page and try again.`);
  }
}

void start();
