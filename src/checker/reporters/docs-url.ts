import { readFileSync } from 'node:fs';
import { rulePageId } from '../../site/generated-pages.ts';
import { normaliseBase, pagePath } from '../../site/routes.ts';
import type { RuleId } from '../../rules/table.ts';

/** The file that explains every rule when no site is configured to link to: the rule table. */
export const RULES_FILE = 'src/rules/table.ts';

/**
 * Where messages link rule pages from, for a command run with this environment: the deployed site's
 * address with its base path (`SITE_URL` and `BASE_PATH`, as the deploy workflow sets them), so every
 * link opens the rule's page; or '' when no site is configured, and then each message names the rule's
 * row in the rule table (`src/rules/table.ts:123`), which terminals and editors open at the line.
 */
export function docsBaseOf(env: Record<string, string | undefined>): string {
  const site = env['SITE_URL']?.trim();
  if (!site) return '';
  return `${site.replace(/\/+$/, '')}${normaliseBase(env['BASE_PATH']).replace(/\/$/, '')}`;
}

/** The address of a rule's page under `docsBase` (see `docsBaseOf`), or the rule's row in the table when it is ''. */
export function docsUrl(docsBase: string, rule: RuleId): string {
  if (docsBase === '') {
    const line = ruleRowLines().get(rule);
    return line === undefined ? RULES_FILE : `${RULES_FILE}:${line}`;
  }
  return `${docsBase.replace(/\/$/, '')}${pagePath(rulePageId(rule))}`;
}

let rowLines: Map<string, number> | undefined;

/** The line of each rule's `id:` in the table, read once from the source beside this module. */
function ruleRowLines(): Map<string, number> {
  if (rowLines) return rowLines;
  rowLines = new Map();
  try {
    const text = readFileSync(new URL('../../rules/table.ts', import.meta.url), 'utf8');
    text.split('\n').forEach((line, at) => {
      const id = /^\s*id: '([a-z-]+)',/.exec(line)?.[1];
      if (id !== undefined && !rowLines!.has(id)) rowLines!.set(id, at + 1);
    });
  } catch {
    // Bundled or moved: the file name alone still says where to look.
  }
  return rowLines;
}
