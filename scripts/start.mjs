#!/usr/bin/env node
// npm start: rebuild dist/ on every change (vite build --watch) and, where a display exists, open Chromium with the
// extension loaded on the demo page, served on 127.0.0.1 (content scripts run on http(s) pages only).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const dist = path.join(root, 'dist');
const port = Number(process.env.PORT ?? 5757);

const vite = spawn(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--watch'], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
const stop = () => {
  vite.kill();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

// The demo page and the golden pages, on 127.0.0.1.
http
  .createServer((req, res) => {
    const rel = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname).replace(/^\/+/, '') || 'portal-article.html';
    for (const dir of ['examples', 'test/pages']) {
      const file = path.resolve(root, dir, rel);
      if (file.startsWith(path.resolve(root, dir)) && fs.existsSync(file) && fs.statSync(file).isFile()) {
        res.writeHead(200, { 'content-type': file.endsWith('.html') ? 'text/html; charset=utf-8' : 'application/octet-stream' });
        fs.createReadStream(file).pipe(res);
        return;
      }
    }
    res.writeHead(404).end('not found');
  })
  .listen(port, '127.0.0.1');
const demo = `http://127.0.0.1:${port}/portal-article.html`;

// Wait for the first build, then open a browser if there is a screen to show it on.
const started = Date.now();
const timer = setInterval(() => {
  if (!fs.existsSync(path.join(dist, 'manifest.json')) || fs.statSync(path.join(dist, 'manifest.json')).mtimeMs < started) return;
  clearInterval(timer);
  const chromium = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find((p) => p && fs.existsSync(p));
  if (!process.env.DISPLAY && os.platform() === 'linux') {
    console.log(`\nnpm start: no display here. dist/ is rebuilt on every change; load it in your browser (chrome://extensions -> Load unpacked -> ${dist}) and open ${demo}\n`);
    return;
  }
  if (!chromium) {
    console.log(`\nnpm start: Chromium not found (apt-get install -y chromium, or set CHROMIUM_PATH). Load ${dist} by hand and open ${demo}\n`);
    return;
  }
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'newslens-dev-'));
  spawn(chromium, [`--user-data-dir=${profile}`, `--disable-extensions-except=${dist}`, `--load-extension=${dist}`, '--no-first-run', demo], { stdio: 'ignore', detached: true }).unref();
  console.log(`\nnpm start: Chromium opened on ${demo} with the extension from ${dist}. Reload the extension after a rebuild (chrome://extensions).\n`);
}, 500);
