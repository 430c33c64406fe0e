/**
 * `newslens entities`: entities of a text file (JSON lines), or CoNLL tokens tagged with IOB2.
 */
import { readTextInput as readText } from './input.js';
import { InputError } from './errors.js';
import { findEntitiesInText, tagConll } from './entities.js';

/** CoNLL lines grouped as documents > sentences > line indices (a -DOCSTART- line starts a document). */
export function groupConll(lines: string[]): number[][][] {
  const docs: number[][][] = [[]];
  let sentence: number[] = [];
  const flush = () => {
    if (sentence.length) docs[docs.length - 1].push(sentence);
    sentence = [];
  };
  lines.forEach((line, i) => {
    if (!line.trim()) return flush();
    if (line.startsWith('-DOCSTART-')) {
      flush();
      if (docs[docs.length - 1].length) docs.push([]);
      return;
    }
    sentence.push(i);
  });
  flush();
  return docs.filter((d) => d.length);
}

/** Run the entities command; returns the exit code. */
export async function runEntities(opts: { conll?: string; text?: string }): Promise<number> {
  if (opts.conll) {
    const lines = readText(opts.conll).split(/\r?\n/);
    if (lines.length && lines[lines.length - 1] === '') lines.pop();
    const groups = groupConll(lines);
    // CoNLL has one token per line and the same columns on every line (English 2003: token, POS, chunk, tag; German
    // adds a lemma). Running text has lines of every length, and would come back all "O" without a word of why.
    const tokenLines = groups.flat(2);
    const fields = new Map<number, number>();
    for (const i of tokenLines) {
      const n = lines[i]!.trim().split(/\s+/).length;
      fields.set(n, (fields.get(n) ?? 0) + 1);
    }
    const commonest = Math.max(0, ...fields.values());
    if (tokenLines.length >= 3 && commonest < tokenLines.length * 0.8) {
      throw new InputError(`${opts.conll}: not CoNLL (one token per line, columns separated by spaces); for running text use: newslens entities FILE`);
    }
    const tokens = groups.map((d) => d.map((s) => s.map((i) => lines[i].split(/\s+/)[0])));
    const tags = await tagConll(tokens);
    const tagOf = new Map<number, string>();
    groups.forEach((d, di) => d.forEach((s, si) => s.forEach((li, ti) => tagOf.set(li, tags[di][si][ti]))));
    const out = lines.map((line, i) => (tagOf.has(i) ? `${line.trimEnd()} ${tagOf.get(i)}` : line));
    process.stdout.write(out.join('\n') + '\n');
    return 0;
  }
  const text = readText(opts.text!);
  // A web page given as text would have its markup tagged as words (and the article's names lost among them), as
  // `read` refuses plain text the other way round.
  if (HTML_PAGE.test(text.slice(0, 2000))) {
    throw new InputError(`${opts.text}: an HTML page, not text (for the entities of its article, use: newslens read ${opts.text} --format json)`);
  }
  for (const e of await findEntitiesInText(text)) process.stdout.write(JSON.stringify(e) + '\n');
  return 0;
}

/** Text that starts like an HTML document (after a byte-order mark, spaces or comments). */
const HTML_PAGE = /^\uFEFF?(?:\s|<!--[\s\S]*?-->)*<(?:!doctype\s+html|html|head|body)[\s>]/i;
