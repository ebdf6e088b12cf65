// End-to-end tests: real Chromium with the built extension (run `npm run build` first; `npm run test:e2e` does).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    // One browser at a time: the machines are small and each test owns a profile.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    retry: process.env.CI ? 1 : 0,
  },
});
