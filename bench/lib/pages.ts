/** AEB-style page sets: <id>.html beside <id>.json ({url, articleBody}). */
import fs from 'node:fs';
import path from 'node:path';

export interface BenchPage {
  id: string;
  url: string;
  html: string;
  truth: string;
}

export function loadPages(dir: string, limit = Infinity): BenchPage[] {
  if (!fs.existsSync(dir)) throw new Error(`${dir}: no such directory (pass --data DIR)`);
  const ids = fs.readdirSync(dir).filter((f) => f.endsWith('.html')).map((f) => f.slice(0, -5)).sort();
  const pages: BenchPage[] = [];
  for (const id of ids.slice(0, limit)) {
    const meta = path.join(dir, `${id}.json`);
    if (!fs.existsSync(meta)) continue;
    const j = JSON.parse(fs.readFileSync(meta, 'utf8')) as { url?: string; articleBody?: string };
    pages.push({ id, url: j.url ?? '', truth: j.articleBody ?? '', html: fs.readFileSync(path.join(dir, `${id}.html`), 'utf8') });
  }
  return pages;
}

/** Median and 95th percentile of a list of numbers. */
export function quantiles(xs: number[]): { median: number; p95: number } {
  const s = [...xs].sort((a, b) => a - b);
  const q = (f: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(f * s.length) - 1))];
  return { median: q(0.5), p95: q(0.95) };
}
