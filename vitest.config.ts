import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // CLI tests spawn the real binary; on a 2-core CI machine a cold spawn can take a second.
    testTimeout: 30_000,
  },
});
