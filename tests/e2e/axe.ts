import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * The rules a change of theme can change the verdict of: only colours differ between the light and the
 * dark theme, so a page already checked whole in one theme is checked for these in the other.
 */
const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

interface AxeResult {
  violations: { id: string; help: string; nodes: { target: string[] }[] }[];
}

/**
 * The site's sidebar: the same list of every page on every page, only the open group and the current
 * page differ. Tests check it whole on a few kinds of page and pass `skipSidebar` on the others, since
 * it is about a third of what axe reads on a page.
 */
const SIDEBAR = '.sidebar-pane';

/**
 * axe-core's violations on the page as it is now, one line each. `colours` runs only the rules a theme
 * can change; axe reads the whole page on every run, so that is about half the time of a full run.
 */
export async function axeViolations(page: Page, options: { only?: 'colours'; skipSidebar?: boolean } = {}): Promise<string[]> {
  // Evaluated through the DevTools protocol, so the page's Content-Security-Policy does not block it.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const result = await page.evaluate(
    ([runOnly, exclude]) =>
      (window as unknown as { axe: { run: (context: unknown, options: object) => Promise<AxeResult> } }).axe.run(exclude ? { exclude: [[exclude]] } : document, {
        resultTypes: ['violations'],
        ...(runOnly ? { runOnly } : {}),
      }),
    [options.only === 'colours' ? COLOUR_RULES : undefined, options.skipSidebar ? SIDEBAR : undefined] as const,
  );
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join('; ')})`);
}
