/**
 * The Article Extraction Benchmark metric (scrapinghub/article-extraction-benchmark, evaluate.py):
 * 4-token shingles over \w+ tokens; per-page precision/recall; corpus P and R are page means, F1 their harmonic mean.
 * The benchmark cross-checks these figures with ../shared/tools/aeb-score.mjs in the same run.
 */

const TOKEN = /[\p{L}\p{N}_]+/gu;

export function tokenize(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

function shingles(tokens: string[], n = 4): Map<string, number> {
  const m = new Map<string, number>();
  const end = Math.max(1, tokens.length - n + 1);
  for (let i = 0; i < end; i++) {
    const sh = tokens.slice(i, i + n);
    if (!sh.length) continue;
    const k = sh.join('\u0000');
    m.set(k, (m.get(k) ?? 0) + 1);
  }
  return m;
}

export interface PageScore {
  precision: number | null; // null: empty prediction (excluded from P, as in evaluate.py)
  recall: number | null; // null: empty truth
  exact: boolean;
}

/** Score one page. */
export function scorePage(truth: string, pred: string): PageScore {
  const tt = tokenize(truth), pt = tokenize(pred);
  const t = shingles(tt), p = shingles(pt);
  let tp = 0, fp = 0, fn = 0;
  for (const [k, c] of t) {
    const pc = p.get(k) ?? 0;
    tp += Math.min(c, pc);
    fn += Math.max(0, c - pc);
  }
  for (const [k, c] of p) fp += Math.max(0, c - (t.get(k) ?? 0));
  const exact = tt.length === pt.length && tt.every((x, i) => x === pt[i]);
  return {
    precision: tp + fp > 0 ? tp / (tp + fp) : null,
    recall: tp + fn > 0 ? tp / (tp + fn) : null,
    exact,
  };
}

export interface CorpusScore {
  f1: number;
  precision: number;
  recall: number;
  accuracy: number;
  pages: number;
}

/** Corpus figures from page scores (mean P over non-empty predictions, mean R over non-empty truths). */
export function scoreCorpus(pages: PageScore[]): CorpusScore {
  const ps = pages.filter((p) => p.precision !== null).map((p) => p.precision!);
  const rs = pages.filter((p) => p.recall !== null).map((p) => p.recall!);
  const P = ps.length ? ps.reduce((a, b) => a + b, 0) / ps.length : 0;
  const R = rs.length ? rs.reduce((a, b) => a + b, 0) / rs.length : 0;
  return { precision: P, recall: R, f1: P + R > 0 ? (2 * P * R) / (P + R) : 0, accuracy: pages.filter((p) => p.exact).length / Math.max(1, pages.length), pages: pages.length };
}
