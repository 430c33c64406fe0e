import { describe, expect, test } from 'vitest';
import { readMeta, cleanTitle } from '../../../src/core/article/metadata.js';
import { parse } from '../../helpers.js';

describe('readMeta', () => {
  test('prefers JSON-LD, then meta tags, and resolves the canonical URL', () => {
    const doc = parse(`<html lang="de"><head><title>Ignored - Site</title>
      <script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"LD headline","datePublished":"2024-05-01T10:00:00Z","author":[{"@type":"Person","name":"Ana Ruiz"},{"name":"Bo Li"}],"publisher":{"name":"LD Times"}}</script>
      <link rel="canonical" href="/story/1"></head><body></body></html>`);
    const m = readMeta(doc, 'https://news.example/a?utm=1', null);
    expect(m).toEqual({ title: 'LD headline', byline: 'Ana Ruiz, Bo Li', published: '2024-05-01T10:00:00Z', siteName: 'LD Times', lang: 'de', canonicalUrl: 'https://news.example/story/1' });
  });

  test('survives broken JSON-LD and falls back to meta tags and the host name', () => {
    const doc = parse(`<head><script type="application/ld+json">{broken</script><meta name="author" content="Kim Park"><meta property="article:published_time" content="2020-01-02"></head><body></body>`);
    const m = readMeta(doc, 'https://www.paper.example/x', null);
    expect(m.byline).toBe('Kim Park');
    expect(m.published).toBe('2020-01-02');
    expect(m.siteName).toBe('paper.example');
  });

  test('cleanTitle drops the site name tail', () => {
    expect(cleanTitle('Floods close three bridges in the city - Daily Paper', 'Daily Paper')).toBe('Floods close three bridges in the city');
    expect(cleanTitle('Short', 'X')).toBe('Short');
  });
});
