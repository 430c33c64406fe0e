/**
 * What the CLI checks before any DOM library is loaded: kept apart from dom.ts so that `--help`, `--version`, usage
 * errors and the entities command start without importing happy-dom or jsdom (two seconds of start-up).
 */

/** A problem with the input itself, reported as one line without a stack trace. */
export class InputError extends Error {}

/** True for bytes that are not text: control characters other than whitespace in the first 2 KB (UTF-16 BOMs pass). */
export function looksBinary(bytes: Uint8Array): boolean {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return false;
  const sample = bytes.subarray(0, Math.min(bytes.length, 2048));
  let controls = 0;
  // Control bytes other than tab, newline, form feed, carriage return and escape never occur in text.
  for (const b of sample) if (b < 32 && b !== 9 && b !== 10 && b !== 12 && b !== 13 && b !== 27) controls++;
  return controls > sample.length * 0.05;
}
