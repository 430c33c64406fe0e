#!/usr/bin/env node
/**
 * npm run build:wasm [-- --out FILE]
 *
 * Compiles the tagger's WebAssembly half (src/core/entities/wasm/decode.as.ts, AssemblyScript) to
 * src/core/entities/model/decode.wasm, which the project commits like ner.bin: the extension, the CLI and the tests
 * load the committed file, so neither a build nor the compiler is needed to run them. The compiler is deterministic;
 * test/unit/entities/wasm-tagger.test.ts compiles the source again and checks the committed file is its output.
 */
import asc from 'assemblyscript/asc';
import { parseArgs } from 'node:util';

export const WASM_SOURCE = 'src/core/entities/wasm/decode.as.ts';
export const WASM_FILE = 'src/core/entities/model/decode.wasm';
/** Raw memory access only, no garbage collector or runtime; no assertions (the JavaScript side checks bounds). */
export const ASC_FLAGS = ['-O3', '--runtime', 'stub', '--noAssert'];

/** Compile to `out`; returns the compiler's error text, or '' when it succeeded. */
export async function buildWasm(out = WASM_FILE) {
  let errors = '';
  const { error } = await asc.main([WASM_SOURCE, ...ASC_FLAGS, '--outFile', out], { stderr: { write: (s) => { errors += s; return true; } } });
  return error ? `${error.message}\n${errors}` : '';
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { out: { type: 'string', default: WASM_FILE } } });
  const err = await buildWasm(values.out);
  if (err) {
    process.stderr.write(`build:wasm: ${err}\n`);
    process.exit(1);
  }
  process.stderr.write(`build:wasm: wrote ${values.out}\n`);
}
