// @vitest-environment node
/**
 * The `newslens` command as a user runs it: exit codes, one-line errors, and the interface benchmarks rely on.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';

const BIN = path.resolve('bin/newslens.mjs');

function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { timeout: 30_000 }, (err, stdout, stderr) => {
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'nl-cli-'));
const plainText = path.join(tmp, 'plain.txt');
fs.writeFileSync(plainText, 'The ferry will run on Saturdays again from March 14, the board said.\n');

describe.concurrent('newslens read', { timeout: 30_000 }, () => {
  test('prints the article text of the demo page without headline, share bar or rails', async () => {
    const r = await run(['read', 'examples/portal-article.html']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Norwegian Fisheries Minister Ingrid Solberg/);
    expect(r.stdout).toContain('Statistics Norway in March.');
    for (const clutter of ['Email | Print', "Editor's Pick", 'Do you have anything to say', 'Major headlines', 'Norway and Chile agree']) {
      expect(r.stdout).not.toContain(clutter);
    }
  });

  test('--format json has the documented fields, markdown starts with front matter', async () => {
    const r = await run(['read', 'examples/portal-article.html', '--format', 'json', '--url', 'https://news.example/a']);
    const j = JSON.parse(r.stdout);
    for (const k of ['title', 'byline', 'published', 'siteName', 'url', 'lang', 'text', 'markdown', 'html', 'entities', 'hidden']) expect(j).toHaveProperty(k);
    expect(j.url).toBe('https://news.example/a');
    expect(j.title).toBe('Norway and Chile agree to widen fisheries cooperation: minister');
    expect(j.markdown).toMatch(/^---\ntitle: "Norway and Chile/);
    expect(j.hidden.map((h: { detector: string }) => h.detector)).toContain('tool-row-text');
    // As the popup counts: the demo page's six hidden blocks, none listed twice or with an empty preview.
    expect(j.hidden).toHaveLength(6);
    for (const h of j.hidden) expect(h.textPreview).not.toBe('');
    expect(j.html).not.toMatch(/<script|onerror|<style/i);
  });

  test('a directory is read into OUTDIR/<id>.txt, going past a bad page and naming it', async () => {
    const dir = path.join(tmp, 'in');
    fs.mkdirSync(dir, { recursive: true });
    fs.copyFileSync('examples/portal-article.html', path.join(dir, 'good.html'));
    fs.writeFileSync(path.join(dir, 'bad.html'), Buffer.from([0, 1, 2, 3, 0, 0, 0, 0]));
    const r = await run(['read', dir, '--out', path.join(tmp, 'out')]);
    expect(r.code).toBe(1);
    expect(fs.readFileSync(path.join(tmp, 'out', 'good.txt'), 'utf8')).toContain('Ingrid Solberg');
    // The reason once, without the page's path again ("failed: bad.html: /tmp/.../bad.html: binary data").
    expect(r.stderr).toMatch(/^failed: bad\.html: binary data, not an HTML page$/m);
    expect(r.stderr).toContain('read 1 of 2 pages');
  });

  test('a directory is never read into itself: its pages and the files beside them stay as they were', { timeout: 90_000 }, async () => {
    const dir = path.join(tmp, 'self');
    fs.mkdirSync(dir, { recursive: true });
    fs.copyFileSync('examples/portal-article.html', path.join(dir, 'page.html'));
    fs.writeFileSync(path.join(dir, 'page.json'), '{"truth":"keep me"}');
    for (const format of ['html', 'json']) {
      const r = await run(['read', dir, '--out', dir + '/', '--format', format]);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/^newslens: --out .* is the directory being read: its files would be overwritten/);
    }
    expect(fs.readFileSync(path.join(dir, 'page.html'), 'utf8')).toBe(fs.readFileSync('examples/portal-article.html', 'utf8'));
    expect(fs.readFileSync(path.join(dir, 'page.json'), 'utf8')).toBe('{"truth":"keep me"}');
  });

  test.each([
    [['read', 'does-not-exist.html'], /^newslens: does-not-exist\.html: no such file\n$/, 1],
    [['read', 'examples/portal-article.html', '--format', 'pdf'], /^newslens: unknown format "pdf"/, 2],
    [['frobnicate'], /^newslens: unknown command "frobnicate"/, 2],
    [['read', '--nope'], /^newslens: unknown option --nope \(see newslens --help\)\n$/, 2],
    [['read', 'examples/portal-article.html', '--format'], /^newslens: --format needs a value/, 2],
    [['entities', '--conll'], /^newslens: --conll needs a value/, 2],
    [['read', 'examples/portal-article.html', '--url', 'javascript:alert(1)'], /^newslens: --url "javascript:alert\(1\)" is not an absolute http\(s\) URL/, 2],
    [['entities', 'examples'], /^newslens: examples: is a directory\n$/, 1],
    [['read', 'examples/portal-article.html', '--debug=1'], /^newslens: --debug takes no value/, 2],
    [['read', 'examples/portal-article.html', '--format', 'html', '--out', 'examples/portal-article.html'], /^newslens: --out examples\/portal-article.html would overwrite the page being read/, 2],
    [['read', plainText], /no HTML markup found \(for plain text, use: newslens entities FILE\)\n$/, 1],
    [['entities', '--conll', 'README.md'], /^newslens: README\.md: not CoNLL \(one token per line/, 1],
    [['entities', 'examples/portal-article.html'], /^newslens: examples\/portal-article\.html: an HTML page, not text \(for the entities of its article, use: newslens read examples\/portal-article\.html --format json\)\n$/, 1],
    [['read', 'examples/portal-article.html', '--max-size', '0.005'], /^newslens: examples\/portal-article\.html: 8 KB of markup \(not counting scripts and styles\), over the limit of 5 KB; --max-size 1 reads it/, 1],
    [['read', 'examples/portal-article.html', '--max-size', 'lots'], /^newslens: --max-size "lots" is not a positive number of megabytes/, 2],
    [['read', 'examples/portal-article.html', '--out', '/nonexistent-dir/x.txt'], /^newslens: cannot write \/nonexistent-dir\/x\.txt: no such directory\n$/, 1],
  ])('%j fails with one line and no stack', async (args, message, code) => {
    const r = await run(args as string[]);
    expect(r.code).toBe(code);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  // Three runs of the command in one test: a budget of three, with the other CLI tests starting at the same time.
  test('- reads the page from standard input; --out writes one page to a file or into a directory', { timeout: 90_000 }, async () => {
    const piped = await new Promise<string>((resolve, reject) => {
      const child = execFile(process.execPath, [BIN, 'read', '-'], { timeout: 30_000 }, (err, stdout) => (err ? reject(err) : resolve(stdout)));
      fs.createReadStream('examples/portal-article.html').pipe(child.stdin!);
    });
    expect(piped).toMatch(/^Norwegian Fisheries Minister Ingrid Solberg/);
    const file = path.join(tmp, 'one.txt');
    const r = await run(['read', 'examples/portal-article.html', '--out', file]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(fs.readFileSync(file, 'utf8')).toBe(piped);
    const dir = fs.mkdtempSync(path.join(tmp, 'out-'));
    expect((await run(['read', 'examples/portal-article.html', '--format', 'markdown', '--out', dir])).code).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'portal-article.md'), 'utf8')).toMatch(/^---\ntitle: "Norway and Chile/);
  });

  test('a page without an article prints nothing and says why on stderr, exit 0', async () => {
    const file = path.join(tmp, 'hello.html');
    fs.writeFileSync(file, '<p>Hello');
    const r = await run(['read', file]);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe('');
    expect(r.stderr).toBe(`newslens: no article found in ${file} (too little prose)\n`);
  });

  test('--conll takes five-column CoNLL (German: token, lemma, POS, chunk, tag) and our own output', { timeout: 60_000 }, async () => {
    const de = path.join(tmp, 'de.conll');
    fs.writeFileSync(de, 'EU der ART I-NC I-ORG\nlehnt ablehnen VVFIN I-VC O\nab ab PTKVZ O O\n');
    const r = await run(['entities', '--conll', de]);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toMatch(/^EU der ART I-NC I-ORG [BI]-\w+|^EU der ART I-NC I-ORG O$/);
  });

  test('--out through a symlink to the page is the page too', async () => {
    const page = path.join(tmp, 'linked.html');
    fs.copyFileSync('examples/portal-article.html', page);
    const alias = path.join(tmp, 'alias.html');
    fs.symlinkSync(page, alias);
    const r = await run(['read', page, '--format', 'html', '--out', alias]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/would overwrite the page being read/);
    expect(fs.readFileSync(page, 'utf8')).toBe(fs.readFileSync('examples/portal-article.html', 'utf8'));
  });

  test('an empty file is a clear error', async () => {
    const f = path.join(tmp, 'empty.html');
    fs.writeFileSync(f, '');
    const r = await run(['read', f]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`newslens: ${f}: empty file\n`);
  });
});

describe('newslens entities', { timeout: 30_000 }, () => {
  test('binary input is refused in one line instead of being tagged', async () => {
    const f = path.join(tmp, 'noise.bin');
    fs.writeFileSync(f, Buffer.from(Array.from({ length: 3000 }, (_, i) => (i * 7919) % 256)));
    const r = await run(['entities', f]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`newslens: ${f}: binary data, not text\n`);
  });

  test('--conll appends one tag per token line and keeps blank and -DOCSTART- lines', async () => {
    const f = path.join(tmp, 'x.conll');
    fs.writeFileSync(f, '-DOCSTART- -X- -X- O\n\nPeter NNP B-NP B-PER\nwalks VBZ B-VP O\n\nOslo NNP B-NP B-LOC\n');
    const r = await run(['entities', '--conll', f]);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('-DOCSTART- -X- -X- O');
    expect(lines[1]).toBe('');
    expect(lines[2]).toMatch(/^Peter NNP B-NP B-PER [BIO](-[A-Z]+)?$/);
    expect(lines[4]).toBe('');
    expect(lines.filter((l) => l.trim()).length).toBe(4);
  });
});
