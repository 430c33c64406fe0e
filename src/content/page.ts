/**
 * One page's NewsLens state and everything that changes it: the analysis, user rules, marks, the stylesheet and
 * highlights. Every change goes through hide.ts (marks + one stylesheet), so turning anything off is exact.
 */
import { analyze } from '../core/clutter/analyze.js';
import type { AnalyzeOptions, Analysis, Category, Finding } from '../core/clutter/types.js';
import type { PageState } from '../shared/messages.js';
import { DEFAULT_SETTINGS, allRules, enabledOn, type Settings } from '../shared/settings.js';
import { ensureStylesheet, markFindings, setHidingOff, unmarkAll, unmarkElement } from './hide.js';
import { applyExceptions, userRuleFindings } from './user-rules.js';
import { outermostFindings } from '../core/clutter/outermost.js';
import type { HighlightController } from './highlights.js';
import { highlightCss } from './highlight-style.js';

const DEFAULT_ANALYZE_OPTIONS: AnalyzeOptions = { disabledDetectors: new Set(), keepArticleCaptions: !DEFAULT_SETTINGS.hideArticleCaptions };

/** Two option sets make the engine give the same result (every field of AnalyzeOptions but the onRoot callback). */
function sameOptions(a: AnalyzeOptions, b: AnalyzeOptions): boolean {
  const sameSet = (x?: ReadonlySet<string>, y?: ReadonlySet<string>) => (x?.size ?? 0) === (y?.size ?? 0) && [...(x ?? [])].every((v) => y?.has(v));
  return sameSet(a.disabledDetectors, b.disabledDetectors) && sameSet(a.disabledCategories, b.disabledCategories) && (a.keepArticleCaptions ?? true) === (b.keepArticleCaptions ?? true);
}

export interface EarlyAnalysis {
  analysis: Analysis;
  /** The options it was made with. */
  options: AnalyzeOptions;
  ms: number;
}

export class PageController {
  analysis: Analysis = { root: null, title: null, findings: [], vetoes: [], rootProse: 0 };
  findings: Finding[] = [];
  /** Hiding on for this tab (the popup's tab switch). */
  hiding = true;
  analyzeMs = 0;
  engineMs = 0;
  settingsEarly = false;
  highlights: HighlightController | null = null;
  private highlightRules = '';
  /** Extra CSS while "show hidden" is on. */
  private revealRules = '';

  constructor(
    readonly doc: Document,
    public settings: Settings,
  ) {
    // Highlight rules go in with the hiding rules, so painting highlights later does not change the stylesheet.
    if (settings.highlights && this.siteEnabled) this.highlightRules = highlightCss();
  }

  get host(): string {
    return this.doc.location?.hostname ?? '';
  }

  /** NewsLens runs on this site (per-site choice, else the global default). */
  get siteEnabled(): boolean {
    return enabledOn(this.settings, this.host);
  }

  get disabledCategories(): Set<Category> {
    return new Set(this.settings.disabledCategories);
  }

  /**
   * Analyse before the settings are known, with the options every site has until the user changes them, or with
   * the site's own when they are known (see run).
   */
  static analyzeEarly(doc: Document, onRoot?: AnalyzeOptions['onRoot'], options = DEFAULT_ANALYZE_OPTIONS): EarlyAnalysis {
    const t0 = performance.now();
    const analysis = analyze(doc, { ...options, onRoot });
    return { analysis, options, ms: performance.now() - t0 };
  }

  /** Options for the engine on this site. */
  analyzeOptions(): AnalyzeOptions {
    return { disabledDetectors: new Set(this.settings.sites[this.host]?.disabledDetectors ?? []), keepArticleCaptions: !this.settings.hideArticleCaptions };
  }

  /**
   * Analyse the page and apply marks, user rules and exceptions. `early` is an analysis made before the settings
   * were read; it is used when this site's options turn out to be the ones it was made with.
   */
  run(early?: EarlyAnalysis): void {
    if (!this.siteEnabled) return;
    const options = this.analyzeOptions();
    if (early && sameOptions(options, early.options)) {
      this.analysis = early.analysis;
    } else {
      const t0 = performance.now();
      this.analysis = analyze(this.doc, options);
      this.engineMs = performance.now() - t0;
    }
    this.mark(this.analysis.findings, this.doc.body);
    this.applyStyles();
  }

  /** Findings for new content (the page's own or from a MutationObserver batch): user rules added, exceptions out. */
  mark(found: Finding[], scope: ParentNode | null): Finding[] {
    const rules = allRules(this.settings);
    const withRules = scope && rules.length ? [...userRuleFindings(this.doc, scope, rules, this.host), ...found] : found;
    const marked = markFindings(applyExceptions(withRules, rules, this.host));
    this.findings.push(...marked);
    return marked;
  }

  /** Start again from the untouched page (settings or rules changed, in-place navigation). */
  rerun(): void {
    unmarkAll(this.doc);
    this.findings = [];
    setHidingOff(this.doc, !this.hiding);
    if (this.siteEnabled) {
      this.run();
      void this.highlights?.paint();
    } else {
      this.highlights?.clear();
    }
  }

  applyStyles(): void {
    if (!this.siteEnabled && !this.highlightRules) return;
    ensureStylesheet(this.doc, this.disabledCategories, this.highlightRules + this.revealRules);
  }

  setHighlightCss(on: boolean): void {
    this.highlightRules = on ? highlightCss() : '';
    this.applyStyles();
  }

  setRevealCss(css: string): void {
    this.revealRules = css;
    this.applyStyles();
  }

  setHiding(on: boolean): void {
    this.hiding = on;
    setHidingOff(this.doc, !on);
  }

  /** Show or hide the captions of the article's own pictures (their own detector id, so undo is exact). */
  setArticleCaptions(hide: boolean): void {
    this.settings = { ...this.settings, hideArticleCaptions: hide };
    if (!this.siteEnabled) return;
    if (hide) {
      const added = analyze(this.doc, { ...this.analyzeOptions(), keepArticleCaptions: false }).findings.filter((f) => f.detector === 'article-captions');
      this.findings.push(...markFindings(added));
      return;
    }
    this.findings = this.findings.filter((f) => {
      if (f.detector !== 'article-captions') return true;
      unmarkElement(f.element);
      return false;
    });
  }

  /**
   * What is hidden as a reader counts it: the outermost findings of the categories switched on. The badge's number
   * and the labels of "show what was hidden" (one per block a reader sees come back).
   */
  hiddenFindings(): Finding[] {
    const disabled = this.disabledCategories;
    return outermostFindings(this.findings.filter((f) => !disabled.has(f.category)));
  }

  state(url: string): PageState {
    const counts: Partial<Record<Category, number>> = {};
    for (const f of outermostFindings(this.findings)) counts[f.category] = (counts[f.category] ?? 0) + 1;
    const disabled = this.disabledCategories;
    const hiddenCount = this.hiding && this.siteEnabled ? this.hiddenFindings().length : 0;
    return {
      url,
      host: this.host,
      siteEnabled: this.siteEnabled,
      enabled: this.hiding,
      isArticle: this.analysis.root !== null,
      hiddenCount,
      counts,
      disabledCategories: [...disabled],
      hideArticleCaptions: this.settings.hideArticleCaptions,
      analyzeMs: this.analyzeMs,
      engineMs: this.engineMs,
      settingsEarly: this.settingsEarly,
      entities: this.highlights!.state(),
    };
  }
}
