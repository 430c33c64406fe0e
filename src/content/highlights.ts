/**
 * Entity highlights on the live page: index the visible article text, ask the background for entities (the model
 * loads there, on first use), paint them and attach tooltips. Everything it adds is undone by clear().
 */
import type { EntitySpan, EntityType } from '../core/entities/find-entities.js';
import { buildTextIndex } from '../core/entities/text-index.js';
import type { EntityState, Result } from '../shared/messages.js';
import { ATTR_HIDDEN } from './hide.js';
import { paintEntities, type Painter } from './paint-highlights.js';
import { attachTooltips, type TooltipController } from './entity-tooltip.js';

export interface HighlightDeps {
  doc: Document;
  /** The article root of the current analysis (null: not an article page, nothing to highlight). */
  root: () => Element | null;
  findEntities: (text: string) => Promise<Result<EntitySpan[]>>;
  /** Called when the highlight CSS must be in (true) or out of (false) the page's stylesheet. */
  setCss: (on: boolean) => void;
}

export class HighlightController {
  private painter: Painter | null = null;
  private tooltips: TooltipController | null = null;
  private status: EntityState['status'] = 'off';
  private error: string | undefined;
  private ms: number | undefined;
  private timings: EntityState['timings'];
  private generation = 0;

  constructor(
    private readonly deps: HighlightDeps,
    public enabled: boolean,
    private hidden: Set<EntityType>,
  ) {}

  state(): EntityState {
    const counts: Partial<Record<EntityType, number>> = {};
    for (const m of this.painter?.mentions ?? []) counts[m.span.type] = (counts[m.span.type] ?? 0) + 1;
    return { enabled: this.enabled, status: this.status, error: this.error, counts, hiddenTypes: [...this.hidden], ms: this.ms, timings: this.timings };
  }

  /** Paint (again) for the current article; a newer call supersedes an older one still waiting for entities. */
  async paint(): Promise<void> {
    this.clear();
    if (!this.enabled) return;
    const root = this.deps.root();
    if (!root) {
      this.status = 'no-article';
      return;
    }
    const gen = ++this.generation;
    this.status = 'loading';
    const t0 = performance.now();
    // Only what a reader sees: hidden clutter is left out of the text, so it is never highlighted.
    const index = buildTextIndex(root, (el) => el.hasAttribute(ATTR_HIDDEN));
    const t1 = performance.now();
    const r = await this.deps.findEntities(index.text);
    const t2 = performance.now();
    if (gen !== this.generation || !this.enabled) return;
    if (!r.ok) {
      this.status = 'error';
      this.error = r.error;
      return;
    }
    this.deps.setCss(true);
    this.painter = paintEntities(this.deps.doc, index, r.value);
    this.painter.setVisibleTypes(this.visibleTypes());
    this.tooltips = attachTooltips(this.deps.doc, this.painter.mentions, () => this.visibleTypes());
    this.status = 'ready';
    this.error = undefined;
    const t3 = performance.now();
    this.ms = t3 - t0;
    this.timings = { index: t1 - t0, tag: t2 - t1, paint: t3 - t2 };
  }

  /** Remove every highlight and tooltip from the page. */
  clear(): void {
    this.generation++;
    this.tooltips?.destroy();
    this.tooltips = null;
    this.painter?.clear();
    this.painter = null;
    this.deps.setCss(false);
    this.status = this.enabled ? this.status : 'off';
  }

  async setEnabled(on: boolean): Promise<void> {
    this.enabled = on;
    if (on) await this.paint();
    else this.clear();
  }

  setTypeVisible(type: EntityType, on: boolean): void {
    if (on) this.hidden.delete(type);
    else this.hidden.add(type);
    this.painter?.setVisibleTypes(this.visibleTypes());
  }

  hiddenTypes(): EntityType[] {
    return [...this.hidden];
  }

  private visibleTypes(): Set<EntityType> {
    const all: EntityType[] = ['PER', 'LOC', 'ORG', 'MISC', 'DATE', 'TIME', 'MONEY', 'PERCENT'];
    return new Set(all.filter((t) => !this.hidden.has(t)));
  }
}
