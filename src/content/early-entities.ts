/**
 * The entities a starting page asks for before its analysis (see index.ts askEntitiesEarly), and how their spans,
 * found in the whole page's text, become spans of the article's text once the analysis has said where it is.
 */
import type { EntitySpan } from '../core/entities/find-entities.js';
import type { TextIndex } from '../core/entities/text-index.js';
import type { EntityResult, Result } from '../shared/messages.js';

/**
 * Entities asked for at the page's start, before the analysis, over the text of the whole body: the background tags
 * them on the other core while the page is analysed, so highlights can be painted right after hiding instead of a
 * round trip and a tagging later. The analysis then says which of them a reader sees (inside the article root, not
 * in hidden clutter).
 */
export interface EarlyEntities {
  /** The body's text index, made before the analysis marked anything. */
  index: TextIndex;
  /** Null: highlights are off for this site in the stored settings, nothing was tagged. */
  answer: Promise<Result<EntityResult | null>>;
  /** Milliseconds the index took (reported, part of the start-up). */
  indexMs: number;
  /** Whether names were looked for (decided on the page's text: see paintEarly). */
  names: boolean;
  /** The answer has not come yet. */
  pending(): boolean;
}

/**
 * Spans of the page's text moved onto the article's text: those a reader sees as part of the article (both ends in
 * text nodes of `article`, which leaves out hidden clutter), with offsets into `article.text`. Both indexes hold the
 * same Text nodes, so a span is placed by node and offset, never by searching for its words.
 */
export function inArticle(page: TextIndex, article: TextIndex, spans: readonly EntitySpan[]): EntitySpan[] {
  const at = new Map<Text, number>();
  article.nodes.forEach((n, i) => at.set(n, article.starts[i]));
  const moved: EntitySpan[] = [];
  for (const s of spans) {
    const a = page.locate(s.start, 'start'), b = page.locate(s.end, 'end');
    const from = a && at.get(a.node), to = b && at.get(b.node);
    if (from === undefined || from === null || to === undefined || to === null) continue;
    const start = from + a!.offset, end = to + b!.offset;
    // The same characters on both sides: not so when the span ran across something hidden between its ends.
    if (article.text.slice(start, end) !== page.text.slice(s.start, s.end)) continue;
    moved.push({ ...s, start, end });
  }
  return moved;
}

/** Longest page text tagged at the start (~30k words); a longer page is tagged after the analysis, article only. */
export const EARLY_TEXT_MAX = 200_000;
/** Text in long text nodes (PROSE_NODE_CHARS or more: a sentence) a page needs before its text is tagged at the start. */
export const EARLY_PROSE_MIN = 800;
const PROSE_NODE_CHARS = 80;

/**
 * Whether a starting page's text is worth tagging before its analysis. A page of short pieces (a web app, a search
 * or listing page) is seldom an article: tagging its text would be work on every such page for nothing, and if the
 * analysis finds an article there after all, the article is tagged then. A very long page is left to that too.
 */
export function worthTaggingEarly(index: TextIndex): boolean {
  if (index.text.length > EARLY_TEXT_MAX) return false;
  // Node lengths from the offsets (no DOM read on the start path; a block separator may add one character).
  const { starts, text } = index;
  let prose = 0;
  for (let i = 0; i < starts.length; i++) {
    const length = (i + 1 < starts.length ? starts[i + 1] : text.length) - starts[i];
    if (length >= PROSE_NODE_CHARS) prose += length;
  }
  return prose >= EARLY_PROSE_MIN;
}
