/**
 * `newslens read PAGE.html|DIR`: the cleaned article of one page, or of every DIR/<id>.html into OUTDIR/<id>.txt.
 */
import fs from 'node:fs';
import path from 'node:path';
import { readArticle, type ReadArticle } from '../core/article/read.js';
import { toMarkdown } from '../core/article/markdown.js';
import { decodePage, openDocument, InputError, type ParsedPage } from './dom.js';
import { inputName, readInput } from './input.js';
import { findEntitiesInText } from './entities.js';
import { checkPageSize, DEFAULT_MAX_MB } from './limits.js';
import { outermostFindings } from '../core/clutter/outermost.js';

export type Format = 'text' | 'markdown' | 'html' | 'json';
export const FORMATS: readonly Format[] = ['text', 'markdown', 'html', 'json'];
/** File extension of each format's output. */
export const extOf = (format: Format): string => (format === 'text' ? 'txt' : format === 'markdown' ? 'md' : format);

/** How a page is read: the URL it came from ('' unknown), the output format, the markup limit in MB. */
export interface ReadOptions {
  url?: string;
  format: Format;
  maxMb?: number;
}

/** Read and parse one page file ('-': standard input), refusing one too big to read in seconds. */
function openFile(file: string, maxMb: number): ParsedPage {
  const html = decodePage(readInput(file), inputName(file));
  checkPageSize(html, inputName(file), maxMb);
  return openDocument(html);
}

/** The cleaned article of a page file in one output format; `found` false when the page holds no article. */
export async function renderFile(file: string, { url = '', format, maxMb = DEFAULT_MAX_MB }: ReadOptions): Promise<{ output: string; found: boolean }> {
  const page = openFile(file, maxMb);
  try {
    const a = readArticle(page.document, url);
    return { output: await render(a, format), found: a.analysis.root !== null };
  } finally {
    await page.close();
  }
}

/** The article's content sanitised once; its Markdown made from the same sanitised nodes, on demand. */
export async function sanitizedArticle(a: ReadArticle): Promise<{ html: string; markdown: () => string }> {
  const content = a.contentElement();
  // jsdom takes a second to import: loaded only by the formats that sanitise.
  const { sanitizedContent } = await import('./sanitize-node.js');
  const safe = content ? sanitizedContent(content.outerHTML) : null;
  return {
    html: safe?.html ?? '',
    markdown: () => toMarkdown(safe?.element ?? '', { title: a.title, url: a.url, byline: a.byline, published: a.published, site: a.siteName }),
  };
}

/**
 * What was hidden as a reader counts it (the popup's number): a block hidden inside another hidden block is not
 * listed again. A block without text (an ad frame, a picture) says so instead of showing an empty preview.
 */
function outermost(a: ReadArticle): { detector: string; category: string; textPreview: string }[] {
  const index = new Map(a.analysis.findings.map((f, i) => [f, i]));
  return outermostFindings(a.analysis.findings).map((f) => {
    const h = a.hidden[index.get(f)!]!;
    return { detector: h.detector, category: h.category, textPreview: h.textPreview || `(no text: <${f.element.tagName.toLowerCase()}>)` };
  });
}

/** The article in one output format. */
async function render(a: ReadArticle, format: Format): Promise<string> {
  if (format === 'text') return a.text + '\n';
  const safe = await sanitizedArticle(a);
  const html = safe.html;
  if (format === 'html') return html + '\n';
  const markdown = safe.markdown();
  if (format === 'markdown') return markdown;
  const entities = await findEntitiesInText(a.text, a.lang);
  const out = {
    title: a.title, byline: a.byline, published: a.published, siteName: a.siteName, url: a.url, canonicalUrl: a.canonicalUrl,
    lang: a.lang, wordCount: a.wordCount, text: a.text, markdown, html, entities, hidden: outermost(a),
  };
  return JSON.stringify(out, null, 2) + '\n';
}

/** Run a file-system write; a failure (no such directory, no permission) is one line naming the path. */
export function writable<T>(write: () => T, target: string): T {
  try {
    return write();
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    const why = err.code === 'ENOENT' ? 'no such directory' : err.code === 'EACCES' || err.code === 'EPERM' ? 'permission denied' : err.code === 'ENOTDIR' ? 'a file is in the way' : err.code === 'EISDIR' ? 'is a directory' : err.message;
    throw new InputError(`cannot write ${target}: ${why}`);
  }
}

/** Every DIR/<id>.html into OUTDIR/<id>.<ext>, going on past bad pages and naming them at the end. */
export async function readDir(dir: string, outDir: string, { format, maxMb }: ReadOptions): Promise<{ ok: number; failed: [string, string][] }> {
  const files = fs.readdirSync(dir).filter((f) => /\.html?$/i.test(f)).sort();
  if (!files.length) throw new InputError(`${dir}: no .html files`);
  // Writing into the directory being read would replace its pages (--format html) or the files beside them (a
  // benchmark's <id>.json truth): refuse, as reading one page onto itself is refused.
  if (fs.existsSync(outDir) && fs.realpathSync(outDir) === fs.realpathSync(dir)) {
    throw new InputError(`--out ${outDir} is the directory being read: its files would be overwritten (choose another directory)`);
  }
  writable(() => fs.mkdirSync(outDir, { recursive: true }), outDir);
  const ext = extOf(format);
  const failed: [string, string][] = [];
  let empty = 0;
  const tty = process.stderr.isTTY;
  const t0 = Date.now();
  for (let i = 0; i < files.length; i++) {
    const f = files[i];
    const id = f.replace(/\.html?$/i, '');
    const file = path.join(dir, f);
    try {
      const { output, found } = await renderFile(file, { format, maxMb });
      if (!found) empty++;
      const out = path.join(outDir, `${id}.${ext}`);
      writable(() => fs.writeFileSync(out, output), out);
    } catch (e) {
      // Input errors name the file already: "failed: x.html: binary data", not "failed: x.html: /dir/x.html: ...".
      const why = (e as Error).message.split('\n')[0]!;
      failed.push([f, why.startsWith(`${file}: `) ? why.slice(file.length + 2) : why]);
    }
    const line = `[${i + 1}/${files.length}] ${f}`;
    if (tty) process.stderr.write(`\r${line.slice(0, 100).padEnd(100)}`);
    else if ((i + 1) % 25 === 0 || i + 1 === files.length) process.stderr.write(line + '\n');
  }
  if (tty) process.stderr.write('\n');
  const secs = ((Date.now() - t0) / 1000).toFixed(1);
  process.stderr.write(`read ${files.length - failed.length} of ${files.length} pages into ${outDir} in ${secs} s\n`);
  if (empty) process.stderr.write(`${empty} of them hold no article (too little prose): their files have no article text\n`);
  for (const [f, why] of failed) process.stderr.write(`failed: ${f}: ${why}\n`);
  return { ok: files.length - failed.length, failed };
}
