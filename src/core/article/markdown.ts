/**
 * Markdown with YAML front matter, by turndown + GFM tables (the library and the CLI share it).
 */
import TurndownService from 'turndown';
import { gfm } from '@joplin/turndown-plugin-gfm';

/** Front-matter fields, in the order they are written. */
export interface FrontMatter {
  title: string;
  url: string;
  byline: string;
  published: string;
  site: string;
  [extra: string]: string | number | readonly string[];
}

let service: TurndownService | null = null;

function turndown(): TurndownService {
  if (!service) {
    service = new TurndownService({ headingStyle: 'atx', codeBlockStyle: 'fenced', bulletListMarker: '-', emDelimiter: '_' });
    service.use(gfm);
    service.remove(['script', 'style', 'noscript', 'iframe', 'form']);
    // turndown escapes Markdown syntax but not "<": a page whose text reads `<img src=x onerror=...>` (escaped in
    // its HTML, so sanitising keeps it as text) would become raw HTML that Markdown renderers display and run.
    // `\<` is CommonMark's escape for a literal "<"; code spans and blocks are not passed through escape().
    const escape = service.escape.bind(service);
    service.escape = (text: string) => escape(text).replace(/</g, '\\<');
  }
  return service;
}

/** A YAML scalar: JSON strings are valid YAML double-quoted scalars, which escapes every hostile character. */
function yamlValue(v: string | number | readonly string[]): string {
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v)) return `[${v.map((x) => JSON.stringify(x)).join(', ')}]`;
  return JSON.stringify(v);
}

/** `---` YAML block `---` for the given fields (empty fields are written as empty strings, never dropped). */
export function frontMatter(fm: FrontMatter): string {
  const lines = Object.entries(fm).map(([k, v]) => `${k}: ${yamlValue(v)}`);
  return `---\n${lines.join('\n')}\n---\n`;
}

/** Markdown of a (sanitised) article element or HTML string, preceded by front matter. */
export function toMarkdown(content: Element | string, fm: FrontMatter): string {
  const body = turndown().turndown(content as unknown as HTMLElement).trim();
  // The title is page text too: escaped like the body, so a title holding "<script>" stays text.
  const heading = fm.title ? `# ${turndown().escape(fm.title.replace(/\s+/g, ' ').trim())}\n\n` : '';
  return `${frontMatter(fm)}\n${heading}${body}\n`;
}
