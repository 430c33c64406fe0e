#!/usr/bin/env node
// Runs the TypeScript CLI directly through tsx, so the command is always the checked-out source (no build step).
import { register } from 'tsx/esm/api';

register();
const { run } = await import('../src/cli/main.ts');
await run(process.argv.slice(2));
