/**
 * The CLI's input files: '-' reads standard input, and what cannot be read (missing, a directory, no permission)
 * or is not text is a one-line InputError naming the file.
 */
import fs from 'node:fs';
import { InputError, looksBinary } from './errors.js';

/** How errors name an input. */
export const inputName = (file: string): string => (file === '-' ? 'standard input' : file);

/** The bytes of a file, or of standard input for '-'. */
export function readInput(file: string): Buffer {
  // Waiting silently for a terminal to reach end of file looks like a hang.
  if (file === '-' && process.stdin.isTTY) throw new InputError('standard input is a terminal: pipe a file in (newslens read - < page.html)');
  try {
    return file === '-' ? fs.readFileSync(0) : fs.readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === 'EAGAIN' ? 'not ready (a non-blocking stream): pass a file name instead' :
      code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : (e as Error).message;
    throw new InputError(`${inputName(file)}: ${why}`);
  }
}

/**
 * A text file's content, refusing empty and binary input. UTF-16 by its byte-order mark, else UTF-8; a BOM stays in
 * the text (ignoreBOM), so entity offsets count every character of the file, as they always have.
 */
export function readTextInput(file: string): string {
  const bytes = readInput(file);
  if (bytes.length === 0) throw new InputError(`${inputName(file)}: empty file`);
  if (looksBinary(bytes)) throw new InputError(`${inputName(file)}: binary data, not text`);
  const encoding = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : 'utf-8';
  return new TextDecoder(encoding, { ignoreBOM: encoding === 'utf-8' }).decode(bytes);
}
