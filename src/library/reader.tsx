/**
 * One saved article: re-sanitised before it is shown, with our entity highlights, tag editing, exports and delete.
 */
import { namesApply } from '../core/entities/language.js';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { SavedArticle } from '../core/library/record.js';
import { sanitizeHtml, sanitizeToFragment } from '../core/article/sanitize.js';
import { buildTextIndex } from '../core/entities/text-index.js';
import { paintEntities, type Painter } from '../content/paint-highlights.js';
import { highlightCss } from '../content/highlight-style.js';
import { toHtmlFile, toMarkdownFile, fileName } from '../core/library/exporters.js';
import { sendToBackground } from '../shared/rpc.js';
import { t } from '../shared/i18n.js';
import { download } from './download.js';

/** Tags typed in one go: "energy, policy" is two tags (ASCII, full-width and ideographic commas). */
export const splitTags = (input: string): string[] => input.split(/[,，、]/).map((x) => x.trim()).filter(Boolean);

export function Reader(props: { article: SavedArticle; onTags: (tags: string[]) => void; onDelete: () => void; onBack: () => void }) {
  const { article: a } = props;
  const body = useRef<HTMLDivElement>(null);
  const [tag, setTag] = useState('');
  useEffect(() => {
    const el = body.current;
    if (!el) return;
    // Stored HTML was sanitised when saved; it is sanitised again here, straight into DOM nodes.
    el.replaceChildren(sanitizeToFragment(a.html, window));
    let painter: Painter | null = null;
    let cancelled = false;
    const index = buildTextIndex(el);
    void sendToBackground('findEntities', { text: index.text, names: namesApply(index.text, a.lang) }).then((r) => {
      if (!cancelled && r.ok) painter = paintEntities(document, index, r.value.spans);
    });
    return () => {
      cancelled = true;
      painter?.clear();
    };
  }, [a.id, a.html]);
  const placeholder = t('tagAdd');
  const meta = [a.byline, a.siteName, a.published.slice(0, 10), t('readMinutes', a.readingMinutes)].filter(Boolean).join(' · ');
  return (
    <article class="reader" aria-labelledby="reader-title">
      <style>{highlightCss()}</style>
      <nav class="reader-tools">
        <button type="button" id="back" onClick={props.onBack}>
          ← {t('back')}
        </button>
        <button type="button" id="export-md" onClick={() => download(fileName(a, 'md'), toMarkdownFile(a), 'text/markdown;charset=utf-8')}>
          {t('exportMd')}
        </button>
        <button type="button" id="export-html" onClick={() => download(fileName(a, 'html'), toHtmlFile({ ...a, html: sanitizeHtml(a.html, window) }), 'text/html;charset=utf-8')}>
          {t('exportHtml')}
        </button>
        <button type="button" id="delete" class="danger" onClick={props.onDelete}>
          {t('deleteArticle')}
        </button>
      </nav>
      <h1 id="reader-title">{a.title}</h1>
      <p class="meta">
        {meta} ·{' '}
        <a href={a.canonicalUrl || a.url} target="_blank" rel="noopener noreferrer">
          {t('original')}
        </a>
      </p>
      <div class="tags" role="group" aria-label={t('tagsLabel')}>
        {a.tags.map((x) => (
          <span class="tag" key={x}>
            {x}{' '}
            <button type="button" aria-label={t('tagRemove', x)} onClick={() => props.onTags(a.tags.filter((y) => y !== x))}>
              ×
            </button>
          </span>
        ))}
        <input
          id="tag-input"
          value={tag}
          placeholder={placeholder}
          aria-label={t('tagAddLabel')}
          // Wide enough for the placeholder in any language (the default 20 characters cut it off).
          style={{ width: `${placeholder.length + 3}ch`, maxWidth: '100%' }}
          onInput={(e) => setTag((e.target as HTMLInputElement).value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && splitTags(tag).length) {
              props.onTags([...a.tags, ...splitTags(tag)]);
              setTag('');
            } else if (e.key === 'Escape' && tag) {
              e.preventDefault(); // a first Escape clears what was typed; the next one leaves the article
              setTag('');
            }
          }}
        />
      </div>
      <div class="reader-body" id="reader-body" ref={body} />
    </article>
  );
}
