/// <reference types="vitest/config" />
import fs from 'node:fs';
import path from 'node:path';
import { build, defineConfig, type Plugin } from 'vite';
import preact from '@preact/preset-vite';
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import baseManifest from './manifest.json' with { type: 'json' };
import { SAVE_MODULE } from './src/shared/save-module.js';

// `TARGET=firefox vite build` -> dist-firefox/ (background.scripts + gecko id); default -> dist/ (Chromium).
const target = process.env.TARGET === 'firefox' ? 'firefox' : 'chrome';

function manifestFor(browser: 'chrome' | 'firefox'): ManifestV3Export {
  // 132: Chrome 130 refused a content script's import() of a resource at a per-session URL (crbug.com/363027634),
  // which is how the save module loads (saveModule below).
  if (browser === 'chrome') return { ...baseManifest, minimum_chrome_version: '132' } as ManifestV3Export;
  const { background, ...rest } = baseManifest;
  return {
    ...rest,
    background: { scripts: [background.service_worker], type: 'module' },
    browser_specific_settings: {
      // 140: the current ESR (Debian's firefox-esr, which CI tests with) and the first with data_collection_permissions
      // on desktop; Firefox for Android has that key from 142.
      gecko: {
        id: 'newslens@newslens.invalid',
        strict_min_version: '140.0',
        data_collection_permissions: { required: ['none'] },
      },
      gecko_android: { strict_min_version: '142.0' },
    },
  } as ManifestV3Export;
}

/**
 * The save path of the content script (DOMPurify, Turndown, the article reader: a third of its code) as a module of
 * its own, which the content script imports on the first save instead of having V8 compile it on every page
 * (src/content/index.ts). One self-contained ES module, built after the rest, listed as a web-accessible resource
 * of http(s) pages (that is what lets a content script import it), at a per-session URL in Chromium.
 */
function saveModule(): Plugin {
  let outDir = '';
  let root = '';
  let minify = true;
  return {
    name: 'newslens-save-module',
    apply: 'build',
    configResolved(config) {
      root = config.root;
      outDir = path.resolve(config.root, config.build.outDir);
      minify = config.build.minify !== false; // `vite build --minify false` (profiling) keeps it readable too
    },
    // `npm start` (vite build --watch): the module's own files are not in this build's graph; a change to them must
    // rebuild it too.
    buildStart() {
      this.addWatchFile(path.join(root, 'src/content/extract.ts'));
      for (const dir of ['src/core/article', 'src/core/library'])
        for (const f of fs.readdirSync(path.join(root, dir), { recursive: true, encoding: 'utf8' })) if (f.endsWith('.ts')) this.addWatchFile(path.join(root, dir, f));
    },
    async closeBundle() {
      await build({
        configFile: false,
        root,
        logLevel: 'warn',
        build: {
          outDir,
          emptyOutDir: false,
          copyPublicDir: false,
          // Not library mode, which leaves an ES module's whitespace and names (135 KB to compile on a save). Its
          // exports kept: an app build would drop them from the entry.
          minify,
          rolldownOptions: {
            input: path.join(root, 'src/content/extract.ts'),
            preserveEntrySignatures: 'strict',
            output: { format: 'es', entryFileNames: SAVE_MODULE },
          },
        },
      });
      const file = path.join(outDir, 'manifest.json');
      const manifest = JSON.parse(fs.readFileSync(file, 'utf8'));
      const resource = { resources: [SAVE_MODULE], matches: ['http://*/*', 'https://*/*'], ...(target === 'chrome' ? { use_dynamic_url: true } : {}) };
      manifest.web_accessible_resources = [...(manifest.web_accessible_resources ?? []).filter((r: { resources: string[] }) => !r.resources.includes(SAVE_MODULE)), resource];
      fs.writeFileSync(file, JSON.stringify(manifest, null, 2));
    },
  };
}
export default defineConfig({
  plugins: [
    preact(),
    // Keep crx out of Vitest: under vitest it runs in serve mode and wipes dist/ (RECIPE.md).
    !process.env.VITEST &&
      crx({
        manifest: manifestFor(target),
        browser: target,
        // Self-contained IIFE content scripts: they run synchronously; only the save module below is web-accessible.
        contentScripts: { standaloneFiles: ['src/content/index.ts', 'src/content/prefetch.ts'] },
      }),
    !process.env.VITEST && saveModule(),
  ],
  build: {
    outDir: target === 'firefox' ? 'dist-firefox' : 'dist',
    emptyOutDir: true,
    // The library page is an extension page no manifest key names: build it as an entry of its own.
    rollupOptions: { input: { library: 'src/library/index.html' } },
    // Source maps help users audit what runs in their browser; they stay local files.
    sourcemap: false,
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'happy-dom',
          // Fixture pages hold iframes and stylesheet links: answer them locally instead of logging load errors.
          environmentOptions: { happyDOM: { settings: { handleDisabledFileLoadingAsSuccess: true, disableIframePageLoading: true, disableCSSFileLoading: true, disableJavaScriptFileLoading: true } } },
          include: ['test/**/*.test.{ts,tsx}', 'src/**/*.test.{ts,tsx}'],
          exclude: ['test/e2e/**', 'node_modules/**'],
          setupFiles: ['test/setup.ts'],
        },
      },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['test/e2e/**/*.e2e.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 90_000,
          // One Chromium at a time: 2 cores, and each test file launches its own browser.
          fileParallelism: false,
        },
      },
    ],
  },
});
