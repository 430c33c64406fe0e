/**
 * `npm run bench:robustness`: how long `newslens read` takes on each bad input of test/robustness (the test checks
 * what each gives; this times it against issue 7's budget: a result or a one-line error within 10 s), beside
 * Mozilla Readability given the same page in the same run (parsed the same way, in a process of its own, so both
 * figures include start-up). `--huge` adds a 20 MB page of prose read with --max-size (minutes, not seconds).
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { INPUTS, LEGACY, legacyPage, prosePage } from '../test/robustness/inputs.js';

const BUDGET_MS = 10_000;
const TIMEOUT_MS = 300_000;
const BIN = path.resolve('bin/newslens.mjs');
const ANCHOR = path.resolve('bench/lib/readability-once.ts');
const TSX = path.resolve('node_modules/tsx/dist/cli.mjs');

const { values } = parseArgs({ options: { huge: { type: 'boolean' } } });
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nl-robust-'));

interface Case {
  name: string;
  data: () => string | Buffer;
  args?: string[];
}

const CASES: Case[] = [
  { name: 'empty file', data: INPUTS.empty },
  { name: 'binary garbage', data: INPUTS.garbage },
  { name: 'plain text', data: INPUTS.plain },
  { name: '3,000-deep nesting', data: INPUTS.deep },
  { name: '100,000 elements', data: INPUTS.elements },
  { name: '100,000 elements, json', data: INPUTS.elements, args: ['--format', 'json'] },
  { name: '200,000 unclosed scripts', data: INPUTS.unclosedScripts },
  ...LEGACY.map(([charset, sentence]) => ({ name: charset, data: () => legacyPage(charset, sentence) })),
  ...(['text', 'html', 'markdown', 'json'] as const).map((f) => ({ name: `2 MB of prose (the limit), ${f}`, data: () => prosePage(1_990_000), args: ['--format', f] })),
  { name: '20 MB of prose, refused', data: () => prosePage(20_000_000), args: ['--format', 'json'] },
  ...(values.huge ? [{ name: '20 MB of prose, --max-size 21, json', data: () => prosePage(20_000_000), args: ['--format', 'json', '--max-size', '21'] }] : []),
];

interface Run {
  ms: number;
  code: number | 'timeout';
  line: string;
}

function timed(args: string[]): Promise<Run> {
  const t0 = performance.now();
  return new Promise((resolve) => {
    execFile(process.execPath, args, { timeout: TIMEOUT_MS, maxBuffer: 1 << 30 }, (err, _stdout, stderr) => {
      const e = err as (Error & { code?: number; killed?: boolean }) | null;
      const code = e ? (e.killed ? 'timeout' : (e.code ?? 1)) : 0;
      resolve({ ms: performance.now() - t0, code, line: stderr.trim().split('\n')[0] ?? '' });
    });
  });
}

const secs = (ms: number) => (ms / 1000).toFixed(2).padStart(6) + ' s';
let over = 0;
console.log(`newslens read on bad input: wall time per case (budget ${BUDGET_MS / 1000} s), Readability on the same page in the same run\n`);
console.log(`${'case'.padEnd(40)} ${'NewsLens'.padStart(8)}  exit  ${'Readability'.padStart(11)}    ratio  what was said (first line of stderr)`);
for (const c of CASES) {
  const file = path.join(dir, c.name.replace(/\W+/g, '-') + '.html');
  fs.writeFileSync(file, c.data());
  const ours = await timed([BIN, 'read', file, ...(c.args ?? [])]);
  const theirs = await timed([TSX, ANCHOR, file]);
  if (ours.code === 'timeout' || ours.ms > BUDGET_MS) over++;
  const ratio = theirs.code === 0 ? `${(ours.ms / theirs.ms).toFixed(2)}x` : theirs.code === 'timeout' ? 'timeout' : 'error';
  const why = [ours.line.replace(`${file}: `, ''), theirs.code === 0 ? '' : `Readability: ${theirs.line}`].filter(Boolean).join('; ');
  const row = `${c.name.padEnd(40)} ${secs(ours.ms)}  ${String(ours.code).padStart(4)}  ${secs(theirs.ms).padStart(11)}  ${ratio.padStart(7)}  ${why.slice(0, 110)}`;
  console.log(row);
  fs.rmSync(file);
}
fs.rmSync(dir, { recursive: true, force: true });
console.log(`\n${CASES.length - over} of ${CASES.length} cases within ${BUDGET_MS / 1000} s. Readability "error": it threw or found no article;`);
console.log('both figures include starting Node and importing the DOM (about 1.5 s for NewsLens).');
process.exitCode = over ? 1 : 0;
