// WXT build configuration: one source tree, Chrome MV3 and Firefox MV3 builds.
import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { buildManifest } from './manifest.config';
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
  vite: () => ({
    // noStartedWindowMessage: the page must not hear WXT's start-up window message, which names the
    // extension (scripts/lib/wxt-started-message.ts).
    plugins: [preact(), noStartedWindowMessage()],
    build: { target: 'es2022' },
    // The signed update source (feed URL and mirrors, trusted keys) is fixed when the extension is built.
    define: { __SPECSCOUT_FEED_SOURCE__: JSON.stringify(feedSourceFromEnv(process.env)) },
  }),
});
