import { rmSync } from 'node:fs';
import { BUILD_DIR, buildSite } from './build-site.ts';

/**
 * Builds the site at the root and under a base path for the smoke and browser tests, the root a second
 * time for the reproducibility test, and a bare Starlight site for the JavaScript budget. Unit tests
 * do not need it; `vitest run tests/references` skips nothing but still pays for the build, so the
 * build is skipped when SKIP_SITE_BUILD=1.
 */
export default function setup(): void {
  if (process.env['SKIP_SITE_BUILD'] === '1') return;
  rmSync(BUILD_DIR, { recursive: true, force: true });
  buildSite('root');
  buildSite('base');
  buildSite('bare');
  // Built here, before the browser tests load the machine: Pagefind can leave files empty under load.
  if (process.env['SKIP_REPRODUCIBILITY'] !== '1') buildSite('repeat');
}
