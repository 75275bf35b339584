import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // expect.poll's own default (1 s) is shorter than a WebSocket's connect on CI under load:
    // sick.browser.test.ts once saw "Ansluter…" after 1 s. A poll that never holds still fails.
    expect: { poll: { timeout: 10_000 } },
  },
});
