// @vitest-environment node
import { describe, expect, test } from 'vitest';
import { embedImages } from '../../../src/core/library/embed-images.js';

type Resp = { ok: boolean; type: string; body: Uint8Array };
const fake = (files: Record<string, Resp>) => async (url: string) => {
  const f = files[url];
  if (!f) throw new Error('offline');
  return { ok: f.ok, headers: { get: (h: string) => (h === 'content-type' ? f.type : String(f.body.length)) }, arrayBuffer: async () => f.body.slice().buffer };
};
const bytes = (n: number) => new Uint8Array(n).fill(7);

describe('embedImages', () => {
  test('pictures within budget become data URLs; others keep their link', async () => {
    const html = '<p>x</p><img src="https://a.example/1.png" alt="one"><img src="https://a.example/big.jpg"><img src="https://a.example/page.html"><img src="https://a.example/missing.png"><img src="https://a.example/1.png">';
    const r = await embedImages(
      html,
      fake({
        'https://a.example/1.png': { ok: true, type: 'image/png', body: bytes(10) },
        'https://a.example/big.jpg': { ok: true, type: 'image/jpeg', body: bytes(2000) },
        'https://a.example/page.html': { ok: true, type: 'text/html', body: bytes(10) },
      }),
      { perImage: 1000, total: 5000 },
    );
    expect(r.embedded).toBe(1);
    expect(r.skipped).toBe(3);
    expect(r.bytes).toBe(10);
    expect(r.html.match(/src="data:image\/png;base64,BwcHBwcHBwcHBw=="/g)).toHaveLength(2); // the same picture twice
    expect(r.html).toContain('src="https://a.example/big.jpg"');
    expect(r.html).toContain('src="https://a.example/page.html"');
  });

  test('the total budget stops embedding once spent', async () => {
    const files = Object.fromEntries([1, 2, 3].map((i) => [`https://a.example/${i}.gif`, { ok: true, type: 'image/gif', body: bytes(400) }]));
    const html = [1, 2, 3].map((i) => `<img src="https://a.example/${i}.gif">`).join('');
    const r = await embedImages(html, fake(files), { perImage: 1000, total: 900 });
    expect(r.embedded).toBe(2);
    expect(r.skipped).toBe(1);
  });
});
