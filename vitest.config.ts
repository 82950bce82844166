import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/global-setup.ts'],
    reporters: ['default', './tests/summary-reporter.ts'],
    // Browser journeys share two cores with builds and other suites; generous limits avoid false alarms.
    testTimeout: 60_000,
    hookTimeout: 240_000,
    // The build smoke test and browser tests share the machine's two cores with the unit tests.
    fileParallelism: true,
    maxWorkers: 2,
  },
});
