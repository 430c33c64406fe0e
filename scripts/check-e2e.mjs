#!/usr/bin/env node
// Before the browser tests: one clear line instead of a stack trace when Chromium or the build is missing.
import fs from 'node:fs';

const dist = process.argv[2] ?? 'dist';
const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/lib/chromium/chromium', '/usr/bin/chromium-browser'];
if (!candidates.some((p) => p && fs.existsSync(p))) {
  console.error('e2e: Chromium not found. Install it with `sudo apt-get install -y chromium`, or set CHROMIUM_PATH to a Chromium binary.');
  process.exit(1);
}
if (!fs.existsSync(`${dist}/manifest.json`)) {
  console.error(`e2e: ${dist}/manifest.json is missing. Run \`npm run build\` first.`);
  process.exit(1);
}
