import { defineConfig } from 'vitest/config';

// One browser at a time: the machine has two cores and speech-dispatcher is shared.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
