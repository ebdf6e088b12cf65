// Unit tests: `core/` in plain Node, entrypoint logic with WXT's fake browser and fake-indexeddb.
// The real-browser suite has its own config (vitest.e2e.config.ts).
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import preact from '@preact/preset-vite';

export default defineConfig({
  // WxtVitest does not apply the project's Vite plugins, so Preact's JSX transform is added by hand.
  plugins: [WxtVitest(), preact()],
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}'],
    setupFiles: ['tests/unit/setup.ts'],
    // Builds public/index/ and its compiled matcher once per run, for every detection test file.
    globalSetup: ['tests/unit/global-setup.ts'],
    testTimeout: 20_000,
  },
});
