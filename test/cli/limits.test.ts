// @vitest-environment node
/** The markup a page's size limit counts: everything but scripts, styles and comments, in one linear pass. */
import { describe, expect, test } from 'vitest';
import { markupSize } from '../../src/cli/limits.js';

describe('markupSize', () => {
  test.each([
    ['plain markup counts whole', '<p>hi</p>', 9],
    ['a script body is not counted, its tags are', '<p>a</p><script>var x = "<p>";</script><p>b</p>', 8 + 9 + 8],
    ['a comment is not counted', '<!-- long comment --><p>b</p>', 8],
    ['an unclosed script runs to the end, as in a browser', '<p>x</p><script>' + 'y'.repeat(100), 8],
    ['tag names in any case', '<SCRIPT type=x>zz</SCRIPT><Style>p{}</STYLE>', 9 + 8],
    ['an element whose name starts with "script" is markup', '<scripts>x</scripts>', 20],
    ['an unclosed comment runs to the end', '<p>a</p><!-- and then nothing', 8],
  ])('%s', (_name, html, size) => {
    expect(markupSize(html)).toBe(size);
  });

  test('thousands of unclosed script tags are one pass, not one per tag', () => {
    // Everything after the first tag is script. A scan per tag (a lazy regexp) takes minutes here and fails by the
    // test's timeout; one pass takes milliseconds.
    expect(markupSize('<p>x</p>' + '<script>'.repeat(200_000))).toBe(8);
  });
});
