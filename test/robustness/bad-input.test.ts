// @vitest-environment node
/**
 * Bad input to the command: each case ends with a result or a one-line error, never a hang or a stack trace.
 * Inputs are generated (./inputs.ts), not stored. Time is a budget measured by `npm run bench:robustness`
 * (10 s per case), not asserted here: tests do not time.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { INPUTS, LEGACY, legacyPage, prosePage } from './inputs.js';

const BIN = path.resolve('bin/newslens.mjs');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nl-bad-'));

function run(file: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string; ms: number }> {
  const t0 = Date.now();
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, 'read', file, ...args], { timeout: 60_000, maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
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

describe('newslens read on bad input', { timeout: 90_000 }, () => {
  test.each([
    ['empty file', () => write('empty.html', INPUTS.empty()), /empty file/],
    ['binary garbage', () => write('garbage.html', INPUTS.garbage()), /binary data, not an HTML page/],
    ['plain text, no markup', () => write('plain.html', INPUTS.plain()), /no HTML markup found/],
  ])('%s: one-line error, non-zero exit', async (_name, make, message) => {
    const r = await run(make());
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  test('3,000-deep nesting: a result, no stack overflow', async () => {
    const r = await run(write('deep.html', INPUTS.deep()));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Deep in the page');
  });

  test('100,000+ elements: a result', async () => {
    const r = await run(write('huge.html', INPUTS.elements()));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Paragraph 199 of a long page');
  });

  test('200,000 unclosed <script> tags: the article before them', async () => {
    const r = await run(write('unclosed.html', INPUTS.unclosedScripts()));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('names like Oslo and Chile');
  });

  test('a page over the markup limit: a one-line error naming --max-size, which then reads it', async () => {
    const file = write('over-limit.html', prosePage(2_200_000));
    const refused = await run(file);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/: 2\.2 MB of markup \(not counting scripts and styles\), over the limit of 2\.0 MB; --max-size 3 reads it/);
    expect(refused.stderr.trim().split('\n')).toHaveLength(1);
    const read = await run(file, '--max-size', '3');
    expect(read.code).toBe(0);
    expect(read.stdout).toContain('names like Oslo and Chile');
  });

  test.each(LEGACY)('declared charset %s is honoured', async (charset, sentence) => {
    const r = await run(write(`legacy-${charset}.html`, legacyPage(charset, sentence)));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(sentence);
  });
});
