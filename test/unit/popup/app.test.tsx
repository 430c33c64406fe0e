import { describe, expect, test, vi } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { App } from '../../../src/popup/app.js';
import type { Connector } from '../../../src/popup/connector.js';
import type { PageState } from '../../../src/shared/messages.js';
import type { Category } from '../../../src/core/clutter/types.js';
import type { EntityType } from '../../../src/core/entities/find-entities.js';

type Fake = Connector & { state: PageState };

function fakeConnector(initial: PageState): Fake {
  const c: Fake = {
    state: initial,
    getPageState: vi.fn(async () => ({ ok: true as const, value: c.state })),
    setHidingEnabled: vi.fn(async (on: boolean) => {
      c.state = { ...c.state, enabled: on, hiddenCount: on ? 5 : 0 };
      return { ok: true as const, value: c.state };
    }),
    setCategoryEnabled: vi.fn(async (cat: Category, on: boolean) => {
      const d = new Set(c.state.disabledCategories);
      if (on) d.delete(cat);
      else d.add(cat);
      c.state = { ...c.state, disabledCategories: [...d] };
      return { ok: true as const, value: c.state };
    }),
    setSiteEnabled: vi.fn(async (on: boolean) => {
      c.state = { ...c.state, siteEnabled: on };
      return { ok: true as const, value: c.state };
    }),
    setShowHidden: vi.fn(async (on: boolean) => {
      c.state = { ...c.state, revealing: on };
      return { ok: true as const, value: c.state };
    }),
    startPicker: vi.fn(async () => undefined),
    saveArticle: vi.fn(async () => ({ ok: true as const, value: { id: 'abc', title: 'A story', updated: false } })),
    openLibrary: vi.fn(),
    openOptions: vi.fn(),
    setArticleCaptionsHidden: vi.fn(async (hide: boolean) => {
      c.state = { ...c.state, hideArticleCaptions: hide };
      return { ok: true as const, value: c.state };
    }),
    setHighlightsEnabled: vi.fn(async (on: boolean) => {
      c.state = { ...c.state, entities: { ...c.state.entities, enabled: on, status: on ? 'ready' : 'off' } };
      return { ok: true as const, value: c.state };
    }),
    setEntityTypeVisible: vi.fn(async (type: EntityType, on: boolean) => {
      const h = c.state.entities.hiddenTypes.filter((t) => t !== type);
      c.state = { ...c.state, entities: { ...c.state.entities, hiddenTypes: on ? h : [...h, type] } };
      return { ok: true as const, value: c.state };
    }),
  };
  return c;
}

const STATE: PageState = { url: 'https://news.example/a', host: 'news.example', siteEnabled: true, enabled: true, isArticle: true, hiddenCount: 5, counts: { social: 2, related: 3 }, disabledCategories: [], hideArticleCaptions: false, analyzeMs: 3, engineMs: 2, entities: { enabled: true, status: 'ready', counts: { PER: 4, LOC: 2 }, hiddenTypes: [] } };

async function mount(connector: Connector) {
  const root = document.createElement('div');
  document.body.replaceChildren(root);
  await act(async () => render(<App connector={connector} />, root));
  return root;
}

describe('popup', () => {
  test('shows the hidden count and per-category counts', async () => {
    const root = await mount(fakeConnector(STATE));
    await vi.waitFor(() => expect(root.querySelector('#summary')?.textContent).toBe('5 elements hidden'));
    const social = root.querySelector('input[data-category="social"]')!.closest('label')!;
    expect(social.querySelector('.count')!.textContent).toBe('2');
  });

  test('the tab switch turns hiding off and on', async () => {
    const c = fakeConnector(STATE);
    const root = await mount(c);
    await vi.waitFor(() => expect(root.querySelector('#toggle-hiding')).not.toBeNull());
    const sw = root.querySelector<HTMLButtonElement>('#toggle-hiding')!;
    expect(sw.getAttribute('aria-checked')).toBe('true');
    await act(async () => sw.click());
    await vi.waitFor(() => expect(root.querySelector('#summary')!.textContent).toContain('off'));
    expect(c.setHidingEnabled).toHaveBeenCalledWith(false);
    expect(root.querySelector('#toggle-hiding')!.getAttribute('aria-checked')).toBe('false');
  });

  test('while its change is applied the switch keeps keyboard focus and ignores another press', async () => {
    const c = fakeConnector(STATE);
    let finish!: () => void;
    const set = vi.mocked(c.setHidingEnabled);
    const applied = set.getMockImplementation()!;
    set.mockImplementationOnce((on: boolean) => new Promise((resolve) => (finish = () => resolve(applied(on)))));
    const root = await mount(c);
    await vi.waitFor(() => expect(root.querySelector('#toggle-hiding')).not.toBeNull());
    const sw = root.querySelector<HTMLButtonElement>('#toggle-hiding')!;
    sw.focus();
    await act(async () => sw.click());
    // A disabled button drops focus to <body>: the switch is only marked busy.
    expect(sw.hasAttribute('disabled')).toBe(false);
    expect(sw.getAttribute('aria-disabled')).toBe('true');
    expect(document.activeElement).toBe(sw);
    await act(async () => sw.click());
    expect(c.setHidingEnabled).toHaveBeenCalledTimes(1);
    await act(async () => finish());
    await vi.waitFor(() => expect(sw.getAttribute('aria-disabled')).toBeNull());
    expect(document.activeElement).toBe(sw);
    await act(async () => sw.click());
    expect(c.setHidingEnabled).toHaveBeenCalledTimes(2);
  });

  test('categories with nothing found fold into one line; one switched off stays listed; a switch in the fold stays there', async () => {
    const c = fakeConnector({ ...STATE, disabledCategories: ['ad'] });
    const root = await mount(c);
    await vi.waitFor(() => expect(root.querySelector('input[data-category="social"]')).not.toBeNull());
    const listed = () => Array.from(root.querySelectorAll('.categories > ul input'), (i) => i.getAttribute('data-category'));
    expect(listed()).toEqual(['social', 'related', 'ad']); // found here, or off (so it can be switched on again)
    const fold = root.querySelector('details.quiet')!;
    expect(fold.querySelector('summary')!.textContent).toBe('8 more, nothing of the kind here');
    const nav = fold.querySelector<HTMLInputElement>('input[data-category="nav"]')!;
    await act(async () => nav.click());
    expect(c.setCategoryEnabled).toHaveBeenCalledWith('nav', false);
    expect(fold.querySelector('input[data-category="nav"]')).toBe(nav); // not moved out from under the reader
    expect(listed()).toEqual(['social', 'related', 'ad']);
  });

  test('a category checkbox calls the content script with that category', async () => {
    const c = fakeConnector(STATE);
    const root = await mount(c);
    await vi.waitFor(() => expect(root.querySelector('input[data-category="related"]')).not.toBeNull());
    await act(async () => root.querySelector<HTMLInputElement>('input[data-category="related"]')!.click());
    expect(c.setCategoryEnabled).toHaveBeenCalledWith('related', false);
  });

  test('the entity legend shows counts per type and switches a type off', async () => {
    const c = fakeConnector(STATE);
    const root = await mount(c);
    await vi.waitFor(() => expect(root.querySelector('[data-entity-count="PER"]')?.textContent).toBe('4'));
    expect(root.querySelector('[data-entity-count="LOC"]')!.textContent).toBe('2');
    await act(async () => root.querySelector<HTMLInputElement>('input[data-entity-type="PER"]')!.click());
    expect(c.setEntityTypeVisible).toHaveBeenCalledWith('PER', false);
    await act(async () => root.querySelector<HTMLButtonElement>('#toggle-highlights')!.click());
    expect(c.setHighlightsEnabled).toHaveBeenCalledWith(false);
    await vi.waitFor(() => expect(root.querySelector('#entities-status')?.textContent).toContain('off'));
  });

  test('the site switch turns NewsLens off on this site and says so', async () => {
    const c = fakeConnector(STATE);
    const root = await mount(c);
    await vi.waitFor(() => expect(root.querySelector('#toggle-site')).not.toBeNull());
    await act(async () => root.querySelector<HTMLButtonElement>('#toggle-site')!.click());
    expect(c.setSiteEnabled).toHaveBeenCalledWith(false);
    await vi.waitFor(() => expect(root.querySelector('#summary')!.textContent).toBe('NewsLens is off on this site.'));
    expect(root.querySelector('#toggle-hiding')).toBeNull();
  });

  test('Save stores the article and offers the library', async () => {
    const c = fakeConnector(STATE);
    const root = await mount(c);
    await vi.waitFor(() => expect(root.querySelector('#save')).not.toBeNull());
    await act(async () => root.querySelector<HTMLButtonElement>('#save')!.click());
    await vi.waitFor(() => expect(root.querySelector('#save-result')?.textContent).toContain('Saved to your NewsLens library: A story'));
    await act(async () => root.querySelector<HTMLButtonElement>('#open-saved')!.click());
    expect(c.openLibrary).toHaveBeenCalledWith('abc');
  });

  test('a reopened popup shows "Show what was hidden" pressed while the page reveals, and its click turns it off', async () => {
    const c = fakeConnector({ ...STATE, revealing: true });
    const root = await mount(c);
    await vi.waitFor(() => expect(root.querySelector('#show-hidden')).not.toBeNull());
    expect(root.querySelector('#show-hidden')!.getAttribute('aria-pressed')).toBe('true');
    await act(async () => root.querySelector<HTMLButtonElement>('#show-hidden')!.click());
    expect(c.setShowHidden).toHaveBeenCalledWith(false);
    await vi.waitFor(() => expect(root.querySelector('#show-hidden')!.getAttribute('aria-pressed')).toBe('false'));
  });

  // A page NewsLens does not run on is said as a status (nothing failed: about:blank, the browser's own pages); a
  // failure as an alert.
  test.each([
    ['NewsLens is not running on this page.', 'status', 'muted'],
    ['The page did not answer.', 'alert', 'error'],
  ])('"%s" is said with role %s', async (message, role, cls) => {
    const c = fakeConnector(STATE);
    c.getPageState = vi.fn(async () => ({ ok: false as const, error: message }));
    const root = await mount(c);
    await vi.waitFor(() => expect(root.querySelector('#error')?.textContent).toBe(message));
    expect(root.querySelector('#error')!.getAttribute('role')).toBe(role);
    expect(root.querySelector('#error')!.className).toBe(cls);
  });
});
