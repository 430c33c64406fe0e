// @vitest-environment node
/**
 * The same corpus through the real command: one page holding every vector, read with --format html and markdown.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from 'vitest';
import { DANGEROUS, VECTORS } from './vectors.js';

const PROSE = 'The harbour board met on Tuesday and agreed, after a long debate, that the ferry terminal would be rebuilt, that fares would stay the same, and that work would start in May.';

test.each(['html', 'markdown'])('newslens read --format %s emits nothing dangerous from a page full of hostile markup', (format) => {
  const body = VECTORS.map((v) => `<p>${PROSE}</p><div>${v.html}</div>`).join('\n');
  const page = `<!doctype html><html><head><title>Hostile - Test</title></head><body><article><h1>Hostile</h1>${`<p>${PROSE}</p>`.repeat(6)}${body}</article></body></html>`;
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'nl-sec-')), 'hostile.html');
  fs.writeFileSync(file, page);
  const out = execFileSync(process.execPath, [path.resolve('bin/newslens.mjs'), 'read', file, '--format', format], { encoding: 'utf8' });
  expect(out).toContain('The harbour board met on Tuesday');
  const found = DANGEROUS.filter(([, re]) => re.test(out)).map(([what]) => what);
  expect(found).toEqual([]);
  expect(out).not.toMatch(/__nlCanary\s*=\s*1/);
}, 30_000);
