import { defineConfig } from 'vitest/config';

/**
 * Three projects. `unit` tests pure modules and never builds the site, so any folder of it runs alone in
 * seconds. `commands` runs the command-line scripts as processes: their options and output
 * (tests/commands) and `npm run check` on hostile input (tests/hostile), a process per case. `site` tests the built
 * output and drives Chromium; its global set-up makes every build its tests read, once
 * (tests/built/build-site.ts lists them), and runs only when one of its files is selected. Its files are
 * not isolated from each other, so that a worker keeps one Chromium for all the files it runs
 * (tests/e2e/harness.ts); each test opens its pages in browser contexts of its own.
 */
export default defineConfig({
  test: {
    reporters: ['default', './tests/summary-reporter.ts'],
    // The machine has two cores; builds and browsers share them with the unit tests.
    maxWorkers: 2,
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/{architecture,lib,site,checker,plugins,schemas,components,integrations,scripts}/**/*.test.ts'],
          // Pure modules keep no state between files, so a worker loads each module once for all of them.
          isolate: false,
          testTimeout: 30_000,
        },
      },
      {
        // The scripts run as processes, one per case: seconds of process starts that would slow the
        // unit project, and nothing to build.
        test: {
          name: 'commands',
          include: ['tests/commands/**/*.test.ts', 'tests/hostile/**/*.test.ts'],
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'site',
          include: ['tests/built/**/*.test.ts', 'tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/built/global-setup.ts'],
          isolate: false,
          // Browser journeys share two cores with builds and other suites; generous limits avoid false alarms.
          testTimeout: 60_000,
          hookTimeout: 240_000,
          // A condition a browser test waits for can take seconds on a busy machine; vitest's default is one.
          expect: { poll: { timeout: 15_000 } },
        },
      },
    ],
  },
});
