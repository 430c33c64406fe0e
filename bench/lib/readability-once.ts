/**
 * The anchor for bench:robustness: Mozilla Readability on one page file, decoded and parsed as `newslens read`
 * does (declared charset, happy-dom, no scripts), in a process of its own. Exit 0 with an article, 1 without or on
 * an error (its message on stderr).
 */
import fs from 'node:fs';
import { Readability } from '@mozilla/readability';
import { decodePage, openDocument } from '../../src/cli/dom.js';

const file = process.argv[2]!;
try {
  const page = openDocument(decodePage(fs.readFileSync(file), file));
  const article = new Readability(page.document).parse();
  process.exitCode = article?.textContent ? 0 : 1;
  if (!article?.textContent) console.error('no article');
  await page.close();
} catch (e) {
  console.error((e as Error).message.split('\n')[0]);
  process.exitCode = 1;
}
