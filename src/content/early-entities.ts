/**
 * The entities a starting page asks for during its analysis (see index.ts askEntitiesEarly), and how their spans,
 * found in the article's text before anything was hidden, become spans of the text a reader sees once hiding is on.
 */
import type { EntitySpan } from '../core/entities/find-entities.js';
import type { TextIndex } from '../core/entities/text-index.js';
import type { EntityResult, Result } from '../shared/messages.js';

/**
 * Entities asked for at the page's start, as soon as the analysis found the article, over the article's whole text:
 * the background tags them on the other core while the rest of the page is analysed, so highlights can be painted
 * right after hiding instead of a round trip and a tagging later. Hiding then says which of them a reader sees
 * (outside hidden clutter).
 */
export interface EarlyEntities {
  /** The element indexed: the article root the analysis found (a highlight pass for another root asks again). */
  root: Element;
  /** Its text index, made before anything was marked. */
  index: TextIndex;
  /** Null: highlights are off for this site in the stored settings, nothing was tagged. */
  answer: Promise<Result<EntityResult | null>>;
  /** Milliseconds the index took (reported, part of the start-up). */
  indexMs: number;
  /** Whether names were looked for (decided on the text before hiding: see HighlightController.paint). */
  names: boolean;
  /** The answer has not come yet. */
  pending(): boolean;
}

/**
 * Spans of the text indexed at the start (the article before hiding, or any element holding it) moved onto the text
 * a reader sees: those with both ends in text nodes of `article` (which leaves out hidden clutter and anything
 * outside the article), with offsets into `article.text`. Both indexes hold the
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
    if (end - start !== s.text.length || !article.text.startsWith(s.text, start) || !page.text.startsWith(s.text, s.start)) continue;
    moved.push({ ...s, start, end });
  }
  return moved;
}

/** Longest article text tagged at the start (~30k words); a longer one is tagged after hiding, in two passes. */
export const EARLY_TEXT_MAX = 200_000;
/** Text in long text nodes (PROSE_NODE_CHARS or more: a sentence) a page needs before its text is tagged at the start. */
export const EARLY_PROSE_MIN = 800;
const PROSE_NODE_CHARS = 80;

/**
 * Whether the text the analysis took for an article is worth tagging during the analysis, on the other core. A root
 * of short pieces (a web app, a search or listing page) is seldom an article: it is tagged after hiding instead,
 * when highlights are on, so the start of such pages does not compete with tagging for the CPU. A very long one is
 * left to that too (two passes, the text near the reader first).
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
