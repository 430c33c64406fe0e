/**
 * Types shared by the declutter engine. Everything here is DOM-agnostic data:
 * the engine takes a Document and returns Findings; it never mutates the page.
 */

/** What kind of clutter a detector finds. The popup shows one switch per category. */
export type Category =
  | 'social' // share / tool bars: "Email | Print | Subscribe", icon rows
  | 'gallery' // photo-caption rails of unrelated stories ("Editor's Pick")
  | 'comments' // comment sections, forum links and prompts
  | 'related' // related / recommended / most-read / headline rails
  | 'newsletter' // newsletter and subscription boxes
  | 'ad' // ads, sponsored and promoted blocks
  | 'consent' // cookie / consent overlays
  | 'nav' // site navigation, breadcrumbs, skip links
  | 'footer' // page footers
  | 'chrome' // other page furniture outside the article (sidebars, site header)
  | 'user'; // the user's own rules and imported filter lists

/** Display order and labels for the popup and the CLI. */
export const CATEGORIES: readonly { id: Category; label: string }[] = [
  { id: 'social', label: 'Share & tool bars' },
  { id: 'gallery', label: 'Unrelated photo galleries' },
  { id: 'comments', label: 'Comments & forum prompts' },
  { id: 'related', label: 'Related & headline rails' },
  { id: 'newsletter', label: 'Newsletter & subscribe boxes' },
  { id: 'ad', label: 'Ads & sponsored' },
  { id: 'consent', label: 'Cookie & consent pop-ups' },
  { id: 'nav', label: 'Navigation & breadcrumbs' },
  { id: 'footer', label: 'Footers' },
  { id: 'chrome', label: 'Other page furniture' },
  { id: 'user', label: 'Your rules & filter lists' },
];

/** Where, relative to the detected article root, a detector may fire. */
export type Scope = 'anywhere' | 'inside' | 'outside';

/** One reason an element is hidden: which detector, what it saw. */
export interface Finding {
  detector: string;
  category: Category;
  element: Element;
  /** Short human explanation ("text cue: Related", "link density 0.92"). */
  reason: string;
}

/** A finding the safety valve refused: the element holds article text. */
export interface Veto {
  detector: string;
  element: Element;
  reason: string;
}

/** Options that change what the engine reports. */
export interface AnalyzeOptions {
  /** Keep captions/figures of the article's own pictures (default true). */
  keepArticleCaptions?: boolean;
  /** Categories to skip entirely (the user switched them off). */
  disabledCategories?: ReadonlySet<Category>;
  /** Detector ids to skip (per-site rule overrides). */
  disabledDetectors?: ReadonlySet<string>;
  /**
   * Called once with the article root (null: none, or no body) as soon as it is found, before the detector table, most
   * of an analysis: the content script sends the article's text to be tagged then, so tagging in the background
   * overlaps the rest of the analysis. Not an option of the result: sameOptions() in page.ts ignores it.
   */
  onRoot?: (root: Element | null) => void;
}

/** Result of one analysis of a document. */
export interface Analysis {
  /** The element holding the article body, or null when none was found (not an article page). */
  root: Element | null;
  /** The headline element, if one was found (kept visible, left out of `text`). */
  title: Element | null;
  findings: Finding[];
  vetoes: Veto[];
  /** Article prose of the root (the safety valve's yardstick, reused for nodes added later). */
  rootProse: number;
}
