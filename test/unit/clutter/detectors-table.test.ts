/**
 * The detector table itself (DR config tests, RGH features.test.ts): ids unique and kebab-case, notes present,
 * selectors parse, and every detector is proven by a golden page that it names and that exists.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { DETECTORS } from '../../../src/core/clutter/detectors.js';
import { CATEGORIES } from '../../../src/core/clutter/types.js';
import { readArticle } from '../../../src/core/article/read.js';
import { parse } from '../../helpers.js';

const PAGES = path.resolve('test/pages');

describe('DETECTORS', () => {
  test('ids are unique and kebab-case; categories are known; every row explains itself', () => {
    const ids = DETECTORS.map((d) => d.id);
    expect(new Set(ids).size).toBe(ids.length);
    const cats = new Set(CATEGORIES.map((c) => c.id));
    for (const d of DETECTORS) {
      expect(d.id).toMatch(/^[a-z]+(?:-[a-z]+)*$/);
      expect(cats.has(d.category)).toBe(true);
      expect(d.note.length).toBeGreaterThan(20);
      expect(d.fixtures.length).toBeGreaterThan(0);
    }
  });

  test('every selector parses', () => {
    const doc = parse('<body><div></div></body>');
    for (const d of DETECTORS) {
      const sels = 'selectors' in d.match ? (d.match.selectors as readonly string[]) : [];
      for (const s of sels) expect(() => doc.querySelector(s), `${d.id}: ${s}`).not.toThrow();
    }
  });

  test('every detector fires on at least one of the golden pages it names', () => {
    const fired = new Map<string, Set<string>>();
    const missing: string[] = [];
    for (const d of DETECTORS) {
      for (const slug of d.fixtures) {
        const file = path.join(PAGES, slug, 'source.html');
        if (!fs.existsSync(file)) {
          missing.push(`${d.id}: test/pages/${slug}/source.html does not exist`);
          continue;
        }
        if (!fired.has(slug)) fired.set(slug, new Set(readArticle(parse(fs.readFileSync(file, 'utf8')), '').hidden.map((h) => h.detector)));
      }
    }
    const unproven = DETECTORS.filter((d) => !d.fixtures.some((slug) => fired.get(slug)?.has(d.id))).map((d) => `${d.id} (named: ${d.fixtures.join(', ')})`);
    expect(missing).toEqual([]);
    expect(unproven).toEqual([]);
  });
});
