/**
 * The `newslens` command line: the same core as the extension, on files.
 * Errors are one line on stderr and a non-zero exit; --debug adds the stack.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { InputError } from './errors.js';
import type { Format } from './read-command.js';

const USAGE = `newslens: the NewsLens core on files

Usage:
  newslens read PAGE.html [--url URL] [--format text|markdown|html|json] [--out FILE] [--max-size MB]
      Print the cleaned article of a saved page (text: the body as a reader sees it).
      PAGE.html may be - (standard input); --out writes to FILE (or into a directory) instead.
      Pages with more than 2 MB of markup (scripts and styles not counted) are refused; --max-size raises it.
  newslens read DIR --out OUTDIR [--format text|markdown|html|json]
      Read every DIR/<id>.html into OUTDIR/<id>.txt (or .md/.html/.json).
  newslens entities TEXT.txt
      Print the entities of a text (or of standard input: -), one JSON object per line.
  newslens entities --conll FILE
      Print each CoNLL line back with the predicted IOB2 tag as the last column.

Options:
  --debug     show stack traces
  -h, --help  this help
  --version   print the version`;

/** Thrown for a usage mistake: printed with a hint to --help. */
class UsageError extends Error {}

/** The options; parseArgs's own messages name its internals ("place it at the end of the command after '--'"). */
function parseOptions(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        url: { type: 'string' },
        format: { type: 'string', short: 'f' },
        out: { type: 'string', short: 'o' },
        conll: { type: 'string' },
        'max-size': { type: 'string' },
        debug: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean' },
      },
    });
  } catch (e) {
    const err = e as Error & { code?: string };
    const option = /'(-[^',]+(?:, --[\w-]+)?)/.exec(err.message)?.[1]?.split(', ').pop()?.replace(/\s.*$/, '');
    if (err.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') throw new UsageError(`unknown option ${option ?? err.message}`);
    if (err.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      // The same code for "--format" without a value and for "--debug=1" (a switch given a value).
      throw new UsageError(/does not take an argument/.test(err.message) ? `${option ?? 'a switch'} takes no value` : `${option ?? 'an option'} needs a value`);
    }
    throw new UsageError(err.message);
  }
}

/** An absolute http(s) URL, or a usage error: --url is how relative links and the site name are resolved. */
function checkUrl(url: string): string {
  let ok = false;
  try {
    ok = /^https?:$/.test(new URL(url).protocol);
  } catch {
    /* not a URL at all */
  }
  if (!ok) throw new UsageError(`--url "${url}" is not an absolute http(s) URL`);
  return url;
}

/** --max-size: a positive number of megabytes. */
function checkMaxSize(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const mb = Number(value);
  if (!(mb > 0) || !Number.isFinite(mb)) throw new UsageError(`--max-size "${value}" is not a positive number of megabytes`);
  return mb;
}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseOptions(argv);
  if (values.help) {
    process.stdout.write(USAGE + '\n');
    return 0;
  }
  if (values.version) {
    const pkg = JSON.parse(fs.readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    process.stdout.write(pkg.version + '\n');
    return 0;
  }
  const [command, ...rest] = positionals;
  if (command === 'read') {
    // Loaded per command: the DOM libraries take about two seconds to import, which --help and usage errors skip.
    const { FORMATS, extOf, readDir, renderFile, writable } = await import('./read-command.js');
    const format = (values.format ?? 'text') as Format;
    if (!FORMATS.includes(format)) throw new UsageError(`unknown format "${format}" (use ${FORMATS.join(', ')})`);
    if (rest.length !== 1) throw new UsageError('read takes one PAGE.html or DIR');
    const maxMb = checkMaxSize(values['max-size']);
    const target = rest[0];
    if (fs.existsSync(target) && fs.statSync(target).isDirectory()) {
      if (!values.out) throw new UsageError('reading a directory needs --out OUTDIR');
      const { failed } = await readDir(target, values.out, { format, maxMb });
      return failed.length ? 1 : 0;
    }
    const { output, found } = await renderFile(target, { url: values.url === undefined ? '' : checkUrl(values.url), format, maxMb });
    // Not an error (a section front, a search page): say so, so that empty output is not a mystery.
    if (!found) process.stderr.write(`newslens: no article found in ${target === '-' ? 'standard input' : target} (too little prose)\n`);
    if (!values.out) {
      process.stdout.write(output);
      return 0;
    }
    // --out with one page: that file, or <name>.<ext> inside it when it is a directory.
    const isDir = fs.existsSync(values.out) && fs.statSync(values.out).isDirectory();
    const base = target === '-' ? 'stdin' : path.basename(target).replace(/\.html?$/i, '');
    const file = isDir ? path.join(values.out, `${base}.${extOf(format)}`) : values.out;
    // Real paths, as for a directory: a symlink or another spelling of the page's path is the page too.
    const same = target !== '-' && (path.resolve(file) === path.resolve(target) || (fs.existsSync(file) && fs.realpathSync(file) === fs.realpathSync(target)));
    if (same) throw new UsageError(`--out ${file} would overwrite the page being read`);
    writable(() => fs.writeFileSync(file, output), file);
    process.stderr.write(`wrote ${file}\n`);
    return 0;
  }
  if (command === 'entities') {
    const { runEntities } = await import('./entities-command.js');
    if (values.conll) return runEntities({ conll: values.conll });
    if (rest.length !== 1) throw new UsageError('entities takes one TEXT.txt, or --conll FILE');
    return runEntities({ text: rest[0] });
  }
  throw new UsageError(command ? `unknown command "${command}"` : 'no command given');
}

/** Entry point used by bin/newslens.mjs. */
export async function run(argv: string[]): Promise<void> {
  const debug = argv.includes('--debug');
  // `newslens read page.html | head`: the reader left; stop quietly instead of dying with an EPIPE stack trace.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    throw e;
  });
  // happy-dom reports some parser-side failures (a malformed preload URL) as unhandled rejections; they do not
  // affect the parsed document, so they must not kill a run over 100 pages.
  process.on('unhandledRejection', (e) => {
    if (debug) console.error('ignored:', e);
  });
  try {
    process.exitCode = await main(argv);
  } catch (e) {
    const err = e as Error & { code?: string };
    if (debug) console.error(err);
    else if (e instanceof UsageError) console.error(`newslens: ${err.message} (see newslens --help)`);
    else if (e instanceof InputError) console.error(`newslens: ${err.message}`);
    else console.error(`newslens: internal error: ${err.message ?? String(e)} (run with --debug for details)`);
    process.exitCode = e instanceof UsageError ? 2 : 1;
  }
}
