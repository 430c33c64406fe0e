import { describe, expect, test } from 'vitest';
import { analyze, analyzeAdded } from '../../../src/core/clutter/analyze.js';
import { loadPage, repoFile } from '../../helpers.js';

describe('analyzeAdded', () => {
  test('names clutter added after the first analysis, against the first analysis\'s article', () => {
    const doc = loadPage(repoFile('test/e2e/fixtures/dynamic.html').replace(/<script>[\s\S]*<\/script>/, ''));
    const first = analyze(doc);
    expect(first.root?.contains(doc.getElementById('p1'))).toBe(true);

    const bar = doc.createElement('div');
    bar.className = 'share-tools';
    bar.innerHTML = '<a href="https://www.facebook.com/sharer/sharer.php?u=x">Facebook</a> <a href="https://twitter.com/intent/tweet?url=x">Twitter</a> <a href="mailto:?subject=x">Email</a>';
    doc.getElementById('share-slot')!.appendChild(bar);
    expect(analyzeAdded(bar, first).map((f) => [f.detector, f.element === bar])).toEqual([['share-links', true]]);

    const feed = doc.createElement('section');
    feed.innerHTML = '<h2>More stories</h2><ul><li><a href="/a">Council delays decision on bridge tolls</a></li><li><a href="/b">New cycle lanes open on the seafront</a></li></ul>';
    doc.getElementById('feed')!.appendChild(feed);
    expect(analyzeAdded(feed, first).map((f) => f.detector)).toEqual(['related-rail']);
  });

  test('a paragraph added to the article is not hidden', () => {
    const doc = loadPage(repoFile('test/e2e/fixtures/dynamic.html').replace(/<script>[\s\S]*<\/script>/, ''));
    const first = analyze(doc);
    const p = doc.createElement('p');
    p.textContent = 'Update: the authority said on Wednesday that the tender for the access road would open in May, with a budget of 6 million euros.';
    doc.querySelector('.story-text')!.appendChild(p);
    expect(analyzeAdded(p, first)).toEqual([]);
  });
});

describe('needsFullAnalysis', () => {
  test('is true once the article root has been replaced by a client-side re-render', async () => {
    const { needsFullAnalysis } = await import('../../../src/core/clutter/analyze.js');
    const doc = loadPage(repoFile('test/e2e/fixtures/dynamic.html').replace(/<script>[\s\S]*<\/script>/, ''));
    const first = analyze(doc);
    expect(needsFullAnalysis(first)).toBe(false);
    const story = doc.getElementById('story')!;
    story.replaceWith(story.cloneNode(true));
    expect(needsFullAnalysis(first)).toBe(true);
    const p = doc.createElement('p');
    p.textContent = 'A new paragraph of the re-rendered article, long enough to be prose in anyone\'s reading of it.';
    doc.querySelector('.story-text')!.appendChild(p);
    expect(analyzeAdded(p, first)).toEqual([]);
  });
});
