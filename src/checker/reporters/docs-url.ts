import { rulePageId } from '../../site/generated-pages.ts';
import { pagePath } from '../../site/routes.ts';
import type { RuleId } from '../../rules/table.ts';

/** The address of a rule's page on the site, under `docsBase` (the site URL, or '' for a site path). */
export function docsUrl(docsBase: string, rule: RuleId): string {
  return `${docsBase.replace(/\/$/, '')}${pagePath(rulePageId(rule))}`;
}
