import { describe, expect, test, vi } from 'vitest';
import { MAX_WAIT_MS, shortestFirst } from '../../src/background/shortest-first.js';

describe('entity requests: one per task, shortest text first', () => {
  test('texts that wait for the model are run shortest first once it is ready, each with the loaded value', async () => {
    let load!: (v: string) => void;
    const model = new Promise<string>((r) => (load = r));
    const queue = shortestFirst<string, string>(() => model);
    const ran: string[] = [];
    const asked = ['a whole page of text', 'near', 'middle text'].map((t) => queue(t, (m) => (ran.push(t), `${m}:${t}`)));
    await new Promise((r) => setTimeout(r, 5));
    expect(ran).toEqual([]); // nothing before the model
    load('m');
    expect(await Promise.all(asked)).toEqual(['m:a whole page of text', 'm:near', 'm:middle text']);
    expect(ran).toEqual(['near', 'middle text', 'a whole page of text']);
  });

  test('a failing load rejects every waiting request, and a later request tries again', async () => {
    let fail = true;
    const queue = shortestFirst<number, number>(async () => {
      if (fail) throw new Error('model missing');
      return 1;
    });
    const a = queue('x', (m) => m), b = queue('yy', (m) => m);
    await expect(a).rejects.toThrow('model missing');
    await expect(b).rejects.toThrow('model missing');
    fail = false;
    expect(await queue('z', (m) => m + 1)).toBe(2);
  });

  test('a request that throws rejects alone; the others still run', async () => {
    const queue = shortestFirst<number, number>(async () => 0);
    const bad = queue('a', () => {
      throw new Error('boom');
    });
    const good = queue('bb', () => 7);
    await expect(bad).rejects.toThrow('boom');
    expect(await good).toBe(7);
  });

  test('a request kept waiting MAX_WAIT_MS by shorter ones goes first', async () => {
    let now = 1000;
    const clock = vi.spyOn(Date, 'now').mockImplementation(() => now);
    try {
      let load!: (v: number) => void;
      const model = new Promise<number>((r) => (load = r));
      const queue = shortestFirst<number, void>(() => model);
      const ran: string[] = [];
      const long = queue('a long page of text', () => void ran.push('long'));
      now += MAX_WAIT_MS + 1;
      const short = queue('near', () => void ran.push('short'));
      load(0);
      await Promise.all([long, short]);
      expect(ran).toEqual(['long', 'short']);
    } finally {
      clock.mockRestore();
    }
  });
});
