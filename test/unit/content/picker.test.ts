/** The picker works from the keyboard alone: arrows start it, step between siblings, widen and narrow; Enter picks. */
import { expect, test } from 'vitest';
import { pickElement } from '../../../src/content/picker.js';

const key = (k: string) => document.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true }));
const outlined = () => document.querySelector('nl-picker')!.shadowRoot!.querySelector('.sel')?.textContent;

test('an arrow key starts in the middle of the view; ←/→ step between siblings, ↑/↓ widen and narrow, Enter picks', async () => {
  document.body.innerHTML = '<div class="tools"><a class="mail">Email</a><a class="print">Print</a></div><div class="rail"><p>More</p></div>';
  const mail = document.querySelector('.mail')!;
  document.elementFromPoint = () => mail; // what is under the middle of the view (happy-dom has no layout)
  const picked = pickElement(document);
  key('ArrowRight'); // no target yet: start where the reader looks
  expect(outlined()).toBe('a.mail');
  key('ArrowRight');
  expect(outlined()).toBe('a.print');
  key('ArrowUp');
  expect(outlined()).toBe('div.tools');
  key('ArrowRight');
  expect(outlined()).toBe('div.rail');
  key('ArrowDown'); // narrow to its first child
  expect(outlined()).toBe('div.rail > p');
  key('Enter');
  const result = await picked;
  expect(result?.element).toBe(document.querySelector('.rail p'));
  expect(document.querySelector('nl-picker')).toBeNull();
});

test('Escape cancels without a pick', async () => {
  document.body.innerHTML = '<p class="x">a</p>';
  const picked = pickElement(document);
  key('Escape');
  expect(await picked).toBeNull();
});
