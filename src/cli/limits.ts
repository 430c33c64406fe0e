/**
 * How much page `newslens read` takes on. Its cost grows with the page's markup, not with its scripts: a page of
 * 20 MB of prose took 212 s and 3.7 GB (--format json) where a real page takes a second. On the 116 aeb-dev pages,
 * markup without scripts, styles and comments is at most 250 KB; the default limit is 8 times that (2 MB of prose
 * took 6 s with --format json, 4 MB 9 to 10 s), and --max-size raises it for the odd archive page.
 */
import { InputError } from './errors.js';

/** Default limit on a page's markup, in megabytes (decimal, as file managers show sizes). */
export const DEFAULT_MAX_MB = 2;

const RAW_TEXT = ['script', 'style'] as const;

/**
 * Characters of a page that are not inside <script>, <style> or comments. One pass with indexOf, linear even on
 * hostile input (thousands of unclosed <script> tags): an unclosed element runs to the end, as in a browser.
 */
export function markupSize(html: string): number {
  const lower = html.toLowerCase();
  let size = 0;
  let from = 0; // start of the markup not yet counted
  for (let lt = lower.indexOf('<'); lt >= 0; ) {
    let end = -1;
    if (lower.startsWith('<!--', lt)) {
      end = lower.indexOf('-->', lt + 4);
      end = end < 0 ? lower.length : end + 3;
    } else {
      const tag = RAW_TEXT.find((t) => lower.startsWith(t, lt + 1) && !/[a-z0-9-]/.test(lower[lt + 1 + t.length] ?? ' '));
      if (tag) {
        end = lower.indexOf(`</${tag}`, lt + 1);
        if (end < 0) end = lower.length;
      }
    }
    if (end < 0) {
      lt = lower.indexOf('<', lt + 1);
      continue;
    }
    size += lt - from;
    from = end;
    lt = lower.indexOf('<', end + 1);
  }
  return size + (lower.length - from);
}

const size = (mb: number): string => (mb < 1 ? `${Math.round(mb * 1000)} KB` : `${mb.toFixed(1)} MB`);

/** Refuse a page whose markup is over `maxMb` megabytes, with a one-line error saying how to read it anyway. */
export function checkPageSize(html: string, name: string, maxMb: number): void {
  const mb = markupSize(html) / 1e6;
  if (mb <= maxMb) return;
  throw new InputError(
    `${name}: ${size(mb)} of markup (not counting scripts and styles), over the limit of ${size(maxMb)}; ` +
      `--max-size ${Math.ceil(mb)} reads it (slow: 2 s or more per MB)`,
  );
}
