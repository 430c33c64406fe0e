/**
 * Content script: runs the declutter engine on the page at document_idle, marks what it finds, and answers the
 * popup. All page changes go through hide.ts (marks + one stylesheet) so they can be undone exactly.
 */
import browser from 'webextension-polyfill';
import { analyze } from '../core/clutter/analyze.js';
import type { Analysis, Category, Finding } from '../core/clutter/types.js';
import type { ContentProtocol, PageState } from '../shared/messages.js';
import { listen, sendToBackground } from '../shared/rpc.js';
import { STORAGE_KEYS } from '../shared/storage-keys.js';
import { ensureStylesheet, markFindings, setHidingOff, unmarkAll, unmarkElement } from './hide.js';
import { watchForClutter } from './watch.js';
import { HighlightController } from './highlights.js';
import { highlightCss } from './highlight-style.js';
import type { EntityType } from '../core/entities/find-entities.js';

const ROOT_MARK = 'data-nl';

interface State {
  analysis: Analysis;
  findings: Finding[];
  isArticle: boolean;
  enabled: boolean;
  disabled: Set<Category>;
  hideArticleCaptions: boolean;
  /** Time from script start to hiding applied (reported to the popup and the browser benchmark). */
  analyzeMs: number;
  engineMs: number;
}

interface Settings {
  disabledCategories: Set<Category>;
  hideArticleCaptions: boolean;
  highlights: boolean;
  hiddenEntityTypes: Set<EntityType>;
}

async function loadSettings(): Promise<Settings> {
  try {
    const got = await browser.storage.local.get([STORAGE_KEYS.disabledCategories, STORAGE_KEYS.highlights, STORAGE_KEYS.hiddenEntityTypes, STORAGE_KEYS.hideArticleCaptions]);
    const cats = got[STORAGE_KEYS.disabledCategories];
    const types = got[STORAGE_KEYS.hiddenEntityTypes];
    return {
      disabledCategories: new Set(Array.isArray(cats) ? (cats as Category[]) : []),
      highlights: got[STORAGE_KEYS.highlights] !== false,
      hideArticleCaptions: got[STORAGE_KEYS.hideArticleCaptions] === true,
      hiddenEntityTypes: new Set(Array.isArray(types) ? (types as EntityType[]) : []),
    };
  } catch {
    // storage unavailable (context invalidated): defaults
    return { disabledCategories: new Set(), highlights: true, hiddenEntityTypes: new Set(), hideArticleCaptions: false };
  }
}

let highlights: HighlightController | null = null;

function pageState(s: State): PageState {
  const counts: Partial<Record<Category, number>> = {};
  for (const f of s.findings) counts[f.category] = (counts[f.category] ?? 0) + 1;
  const hiddenCount = s.enabled ? s.findings.filter((f) => !s.disabled.has(f.category)).length : 0;
  return { url: location.href, host: location.hostname, enabled: s.enabled, isArticle: s.isArticle, hiddenCount, counts, disabledCategories: [...s.disabled], hideArticleCaptions: s.hideArticleCaptions, analyzeMs: s.analyzeMs, engineMs: s.engineMs, entities: highlights!.state() };
}

/** Hide or show the captions of the article's own pictures (marked with their own detector id, so undo is exact). */
function setArticleCaptions(state: State, hide: boolean): void {
  state.hideArticleCaptions = hide;
  if (hide) {
    const added = analyze(document, { keepArticleCaptions: false }).findings.filter((f) => f.detector === 'article-captions');
    state.findings.push(...markFindings(added));
  } else {
    const kept: Finding[] = [];
    for (const f of state.findings) {
      if (f.detector !== 'article-captions') kept.push(f);
      else unmarkElement(f.element);
    }
    state.findings = kept;
  }
}

async function start(): Promise<void> {
  const html = document.documentElement;
  if (!html || html.hasAttribute(ROOT_MARK)) return; // injected twice (extension reload): the first instance owns the page
  html.setAttribute(ROOT_MARK, '');
  const started = performance.now();
  const settingsRead = loadSettings(); // read settings while the page is analysed
  const analysis = analyze(document);
  const engineMs = performance.now() - started;
  const settings = await settingsRead;
  const state: State = { analysis, findings: markFindings(analysis.findings), isArticle: analysis.root !== null, enabled: true, disabled: settings.disabledCategories, hideArticleCaptions: false, analyzeMs: 0, engineMs };
  if (settings.hideArticleCaptions) setArticleCaptions(state, true);
  let highlightRules = '';
  const applyStyles = () => ensureStylesheet(document, state.disabled, highlightRules);
  applyStyles();
  state.analyzeMs = performance.now() - started;

  highlights = new HighlightController(
    {
      doc: document,
      root: () => state.analysis.root,
      findEntities: (text) => sendToBackground('findEntities', { text }),
      setCss: (on) => {
        highlightRules = on ? highlightCss() : '';
        applyStyles();
      },
    },
    settings.highlights,
    settings.hiddenEntityTypes,
  );
  // Highlights come after hiding, off the critical path: the model loads in the background on first use.
  void highlights.paint();

  const report = () => void sendToBackground('pageStateChanged', { hiddenCount: pageState(state).hiddenCount, enabled: state.enabled });
  report();

  const lifetime = new AbortController();
  watchForClutter(document, {
    analysis: () => state.analysis,
    options: () => ({}),
    onFindings: (found) => {
      state.findings.push(...markFindings(found));
      report();
    },
    onNavigate: () => {
      unmarkAll(document);
      setHidingOff(document, !state.enabled);
      state.analysis = analyze(document);
      state.findings = markFindings(state.analysis.findings);
      state.isArticle = state.analysis.root !== null;
      applyStyles();
      void highlights?.paint();
      report();
    },
    signal: lifetime.signal,
  });

  listen<ContentProtocol>({
    getPageState: () => pageState(state),
    setHidingEnabled: ({ on }) => {
      state.enabled = on;
      setHidingOff(document, !on);
      report();
      return pageState(state);
    },
    setCategoryEnabled: async ({ category, on }) => {
      if (on) state.disabled.delete(category);
      else state.disabled.add(category);
      applyStyles();
      await browser.storage.local.set({ [STORAGE_KEYS.disabledCategories]: [...state.disabled] });
      report();
      return pageState(state);
    },
    setArticleCaptionsHidden: async ({ hide }) => {
      setArticleCaptions(state, hide);
      await browser.storage.local.set({ [STORAGE_KEYS.hideArticleCaptions]: hide });
      report();
      return pageState(state);
    },
    setHighlightsEnabled: async ({ on }) => {
      await highlights!.setEnabled(on);
      await browser.storage.local.set({ [STORAGE_KEYS.highlights]: on });
      return pageState(state);
    },
    setEntityTypeVisible: async ({ type, on }) => {
      highlights!.setTypeVisible(type, on);
      await browser.storage.local.set({ [STORAGE_KEYS.hiddenEntityTypes]: highlights!.hiddenTypes() });
      return pageState(state);
    },
  });
}

void start();
