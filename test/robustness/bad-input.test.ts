// @vitest-environment node
/**
 * Bad input to the command: each case ends with a result or a one-line error, never a hang or a stack trace.
 * Inputs are generated here (legacy encodings with iconv-lite), not stored. Time is a budget measured by
 * `npm run bench:robustness` (10 s per case), not asserted here: tests do not time.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, test } from 'vitest';

const BIN = path.resolve('bin/newslens.mjs');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nl-bad-'));

function run(file: string): Promise<{ code: number; stdout: string; stderr: string; ms: number }> {
  const t0 = Date.now();
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, 'read', file], { timeout: 60_000, maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
      const e = err as (Error & { code?: number; killed?: boolean }) | null;
      resolve({ code: e ? (e.killed ? -1 : (e.code ?? 1)) : 0, stdout, stderr, ms: Date.now() - t0 });
    });
  });
}

const write = (name: string, data: string | Buffer) => {
  const f = path.join(dir, name);
  fs.writeFileSync(f, data);
  return f;
};

const ARTICLE = (body: string, charset: string) =>
  `<html><head><meta charset="${charset}"><title>t</title></head><body><article><h1>Title</h1>${body}</article></body></html>`;

describe('newslens read on bad input', { timeout: 90_000 }, () => {
  test.each([
    ['empty file', () => write('empty.html', ''), /empty file/],
    ['binary garbage', () => write('garbage.html', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256))), /binary data, not an HTML page/],
    ['plain text, no markup', () => write('plain.html', 'Just some words in a text file, no markup at all.\n'.repeat(20)), /no HTML markup found/],
  ])('%s: one-line error, non-zero exit', async (_name, make, message) => {
    const r = await run(make());
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  test('3,000-deep nesting: a result, no stack overflow', async () => {
    const para = '<p>Deep in the page, a paragraph with commas, names like Oslo and Chile, and enough words to read as prose.</p>';
    const r = await run(write('deep.html', `<html><body>${'<div>'.repeat(3000)}${para.repeat(8)}${'</div>'.repeat(3000)}</body></html>`));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Deep in the page');
  });

  test('100,000+ elements: a result', async () => {
    const paras = Array.from({ length: 200 }, (_, i) => `<p>Paragraph ${i} of a long page, with commas, clauses, and enough words to count as prose.</p>`).join('');
    const spans = '<span>x</span>'.repeat(100_000);
    const r = await run(write('huge.html', `<html><body><article><h1>Huge</h1>${paras}</article><div class="ticker">${spans}</div></body></html>`));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Paragraph 199 of a long page');
  });

  test.each([
    ['gbk', '新华社北京电 国务院总理今天在人民大会堂会见了来访的外国客人，双方就经贸合作交换了意见。'],
    ['shift_jis', '東京発 政府は木曜日、新しい経済対策を発表し、地方の中小企業への支援を強化すると述べた。'],
    ['windows-1251', 'Москва. Правительство в четверг объявило о новых мерах поддержки малого бизнеса в регионах страны.'],
  ])('declared charset %s is honoured', async (charset, sentence) => {
    const html = ARTICLE(`<p>${sentence}</p>`.repeat(6), charset);
    const r = await run(write(`legacy-${charset}.html`, iconv.encode(html, charset)));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(sentence);
  });
});
