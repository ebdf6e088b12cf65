// WXT build configuration: one source tree, Chrome MV3 and Firefox MV3 builds.
import { resolve } from 'node:path';
import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { buildManifest } from './manifest.config';
import { reportBaseFromEnv } from './core/report';
import { noStartedWindowMessage } from './scripts/lib/wxt-started-message';
import { feedSourceFromEnv } from './core/feed-keys';

export default defineConfig({
  // Explicit imports only: `core/` must stay free of generated globals, and every file says what it uses.
  imports: false,
  // Keeps the design's `webextension-polyfill` on every browser; `browser` is imported only from `wxt/browser`.
  modules: ['@wxt-dev/webextension-polyfill'],
  manifestVersion: 3,
  // A second build beside the usual one (the signed-feed end-to-end test builds against its own test feed).
  ...(process.env.SPECSCOUT_OUT_DIR ? { outDir: process.env.SPECSCOUT_OUT_DIR } : {}),
  manifest: ({ browser }) => buildManifest(browser),
  hooks: {
    // The privacy policy ships inside the extension, so the options page links to it without a web address
    // (as text: a browser shows .txt and would download .md).
    'build:publicAssets': (wxt, files) => {
      files.push({ absoluteSrc: resolve(wxt.config.root, 'PRIVACY.md'), relativeDest: 'PRIVACY.txt' });
    },
  },
  vite: () => ({
    // noStartedWindowMessage: the page must not hear WXT's start-up window message, which names the
    // extension (scripts/lib/wxt-started-message.ts).
    plugins: [preact(), noStartedWindowMessage()],
    build: { target: 'es2022' },
    // The signed update source (feed URL and mirrors, trusted keys) and where "Report wrong data" opens a
    // prefilled issue (core/report.ts) are fixed when the extension is built.
    define: {
      __SPECSCOUT_FEED_SOURCE__: JSON.stringify(feedSourceFromEnv(process.env)),
      __SPECSCOUT_REPORT_URL__: JSON.stringify(reportBaseFromEnv(process.env) ?? ''),
    },
  }),
});
