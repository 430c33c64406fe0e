/**
 * readArticle: the one function the CLI, the benchmark and the library's "save" share. It analyses a document,
 * and returns the article as a reader sees it after hiding, with its metadata and what was hidden and why.
 * The document is read, never modified (the extension passes a clone of the live page anyway).
 */
import { analyze } from '../clutter/analyze.js';
import type { AnalyzeOptions, Analysis, Category } from '../clutter/types.js';
import { visibleText } from './visible-text.js';
import { firstByTag, readMeta, type ArticleMeta } from './metadata.js';
import { cleanArticleElement } from './clean-html.js';
import { furnitureIn } from './furniture.js';
import { boundedText } from '../clutter/detector-context.js';

/** One hidden block, as reported to users and golden files. */
export interface HiddenSummary {
  detector: string;
  category: Category;
  textPreview: string;
}

/** The article read from a page. `html` is cleaned but NOT yet sanitised: pass it through sanitize.ts before use. */
export interface ReadArticle extends ArticleMeta {
  url: string;
  /** Article body text (no headline, no byline), paragraphs separated by blank lines. */
  text: string;
  /**
   * Cleaned article body markup (a detached copy; serialise with outerHTML). Built on demand: cloning the body is
   * a third of the work, and reading text (CLI, benchmark, entities) does not need it.
   */
  contentElement(): Element | null;
  hidden: HiddenSummary[];
  wordCount: number;
  analysis: Analysis;
}

/** The first few thousand characters of a very long element's text. */
function boundedTextPrefix(el: Element): string {
  const walker = el.ownerDocument.createTreeWalker(el, 4 /* SHOW_TEXT */);
  let out = '';
  for (let n = walker.nextNode(); n && out.length < 400; n = walker.nextNode()) out += (n.nodeValue ?? '') + ' ';
  return out;
}

/** First words of an element's text, for reports. */
export function textPreview(el: Element, max = 80): string {
  // Bounded and iterative: a hidden block can be huge or nested thousands of levels deep.
  const t = (boundedText(el, 4000) ?? boundedTextPrefix(el)).replace(/\s+/g, ' ').trim();
  return t.length > max ? t.slice(0, max - 1) + '…' : t;
}

/** Words as a reader counts them (CJK characters count one each). */
export function countWords(text: string): number {
  const cjk = text.match(/[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/g)?.length ?? 0;
  const words = text.replace(/[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/g, ' ').match(/[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/gu)?.length ?? 0;
  return words + cjk;
}

/** The page's own idea of its address (canonical link, og:url), for pages read from files. */
export function declaredUrl(doc: Document): string {
  const href =
    firstByTag(doc, 'link', (el) => el.getAttribute('rel') === 'canonical')?.getAttribute('href') ||
    firstByTag(doc, 'meta', (el) => el.getAttribute('property') === 'og:url')?.getAttribute('content') ||
    '';
  try {
    return href ? new URL(href.trim()).href : '';
  } catch {
    return '';
  }
}

/** Read the article out of `doc`. `url` is the page's address ('' when unknown: the page's canonical link is used). */
export function readArticle(doc: Document, url: string, options: AnalyzeOptions = {}): ReadArticle {
  const pageUrl = url || declaredUrl(doc);
  const analysis = analyze(doc, options);
  const { root, title, findings } = analysis;
  const meta = readMeta(doc, pageUrl, title);
  const skip = new Set<Element>(findings.map((f) => f.element));
  if (title) skip.add(title);
  // Captions, bylines and the headline block stay on the page and in the saved HTML, but they are not body text:
  // the AEB truth leaves them out (1 of 128 captions on aeb-dev is in it), and so does a reader quoting the article.
  const textSkip = root ? new Set([...skip, ...furnitureIn(root, title)]) : skip;
  const text = root ? visibleText(root, { skip: textSkip }) : '';
  let content: Element | null | undefined;
  const contentElement = () => (content === undefined ? (content = root ? cleanArticleElement(root, { skip, baseUrl: pageUrl }) : null) : content);
  // Previews are read by reports (CLI json, golden files), not by text extraction: computed on first read.
  const hidden = findings.map((f): HiddenSummary => {
    let preview: string | undefined;
    return {
      detector: f.detector,
      category: f.category,
      get textPreview() {
        return (preview ??= textPreview(f.element));
      },
    };
  });
  return { ...meta, url: pageUrl, text, contentElement, hidden, wordCount: countWords(text), analysis };
}
