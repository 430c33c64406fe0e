import { describe, expect, test } from 'vitest';
import { visibleText } from '../../../src/core/article/visible-text.js';
import { parse } from '../../helpers.js';

const body = (html: string) => parse(`<body>${html}</body>`).body;

describe('visibleText', () => {
  test.each([
    ['paragraphs are separated by a blank line', '<p>One  two.</p><p>Three\nfour.</p>', 'One two.\n\nThree four.'],
    ['inline elements join without breaks', '<p>The <b>bold</b> and <a href="#">linked</a> words.</p>', 'The bold and linked words.'],
    ['br breaks a line', '<div>Line one<br>Line two</div>', 'Line one\nLine two'],
    ['script, style and hidden content are skipped', '<p>Seen</p><script>var x="unseen"</script><style>p{}</style><p hidden>unseen</p><p style="display: none">unseen</p>', 'Seen'],
    ['list items go on their own lines', '<ul><li>a</li><li>b</li></ul>', 'a\nb'],
    ['pre keeps its whitespace', '<pre>a  b\n  c</pre>', 'a  b\n  c'],
  ])('%s', (_name, html, want) => {
    expect(visibleText(body(html))).toBe(want);
  });

  test('skipped elements and their subtrees are left out', () => {
    const b = body('<p>Keep</p><div id="x"><p>Drop</p></div><p>Keep too</p>');
    expect(visibleText(b, { skip: new Set([b.querySelector('#x')!]) })).toBe('Keep\n\nKeep too');
  });
});
