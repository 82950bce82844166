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
 * axe-core's violations on the page as it is now, one line each. `colours` runs only the rules a theme
 * can change; axe reads the whole page on every run, so that is about half the time of a full run.
 */
export async function axeViolations(page: Page, options: { only?: 'colours' } = {}): Promise<string[]> {
  // Evaluated through the DevTools protocol, so the page's Content-Security-Policy does not block it.
  await page.evaluate(axeSource);
  const result = await page.evaluate(
    (runOnly) => (window as unknown as { axe: { run: (context: Document, options: object) => Promise<AxeResult> } }).axe.run(document, { resultTypes: ['violations'], ...(runOnly ? { runOnly } : {}) }),
    options.only === 'colours' ? COLOUR_RULES : undefined,
  );
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join('; ')})`);
}
