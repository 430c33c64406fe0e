/** Test helpers: read fixture files relative to the repository root and parse them with happy-dom. */
import fs from 'node:fs';
import path from 'node:path';

/** Text of a repository file (vitest runs from the repository root; happy-dom's URL breaks import.meta.url paths). */
export function repoFile(rel: string): string {
  return fs.readFileSync(path.resolve(process.cwd(), rel), 'utf8');
}

/** Parse an HTML string into a fresh document (happy-dom's DOMParser under the unit environment). */
export function parse(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

/** Load a page into the test window's own document, where getComputedStyle applies stylesheets. */
export function loadPage(html: string): Document {
  document.open();
  document.write(html);
  document.close();
  return document;
}
