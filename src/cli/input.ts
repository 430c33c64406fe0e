/**
 * The CLI's input files: '-' reads standard input, and what cannot be read (missing, a directory, no permission)
 * or is not text is a one-line InputError naming the file.
 */
import fs from 'node:fs';
import { InputError, looksBinary } from './dom.js';

/** How errors name an input. */
export const inputName = (file: string): string => (file === '-' ? 'standard input' : file);

/** The bytes of a file, or of standard input for '-'. */
export function readInput(file: string): Buffer {
  try {
    return file === '-' ? fs.readFileSync(0) : fs.readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : (e as Error).message;
    throw new InputError(`${inputName(file)}: ${why}`);
  }
}

/** A text file's content (UTF-8), refusing empty and binary input. */
export function readTextInput(file: string): string {
  const bytes = readInput(file);
  if (bytes.length === 0) throw new InputError(`${inputName(file)}: empty file`);
  if (looksBinary(bytes)) throw new InputError(`${inputName(file)}: binary data, not text`);
  return new TextDecoder('utf-8').decode(bytes);
}
