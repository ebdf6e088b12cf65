// End-to-end tests in real Firefox with the built Firefox add-on (run `npm run build:firefox` first;
// `npm run test:e2e:firefox` does). Apart from the Chromium suite: another browser, another driver.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/e2e-firefox/**/*.e2e.ts'],
    // One browser at a time: the machines are small and each test file owns a profile.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    retry: process.env.CI ? 1 : 0,
  },
});
