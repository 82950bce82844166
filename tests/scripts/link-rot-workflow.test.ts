import { globSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { load as parse } from 'js-yaml';
import { CONTENT } from '../../src/site/data.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const WORKFLOW = '.github/workflows/link-rot.yml';

interface Step {
  id?: string;
  name?: string;
  uses?: string;
  if?: string;
  run?: string;
  with?: Record<string, string | boolean>;
}
interface Workflow {
  on: Record<string, unknown>;
  permissions?: Record<string, string>;
  jobs: Record<string, { steps: Step[] }>;
}

// The `yaml` library reads YAML 1.2, in which `on` is a key and not the boolean true.
const workflow = parse(readFileSync(join(ROOT, WORKFLOW), 'utf8')) as Workflow;
const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);
const lychee = steps.find((step) => step.uses?.startsWith('lycheeverse/lychee-action@'));
const issueStep = steps.find((step) => step.uses?.startsWith('peter-evans/create-issue-from-file@'));
const args = String(lychee?.with?.['args'] ?? '');
/** The quoted file globs lychee is given. */
const inputs = [...args.matchAll(/'([^']*\*[^']*)'/g)].map((match) => match[1] ?? '');

describe(`the weekly link-rot workflow (${WORKFLOW})`, () => {
  it('runs weekly and by hand, never on pull requests or pushes', () => {
    expect(Object.keys(workflow.on).sort()).toEqual(['schedule', 'workflow_dispatch']);
    const schedules = workflow.on['schedule'] as { cron: string }[];
    expect(schedules).toHaveLength(1);
    const [minute, hour, dayOfMonth, month, dayOfWeek] = (schedules[0]?.cron ?? '').trim().split(/\s+/);
    expect([minute, hour].every((field) => /^\d+$/.test(field ?? ''))).toBe(true);
    expect([dayOfMonth, month]).toEqual(['*', '*']);
    // One day of the week: once a week.
    expect(dayOfWeek).toMatch(/^([0-7]|MON|TUE|WED|THU|FRI|SAT|SUN)$/i);
  });

  it('checks the external links with lychee, on the files that hold them', () => {
    expect(lychee?.uses).toMatch(/^lycheeverse\/lychee-action@v\d+/);
    expect(lychee?.id).toBeTruthy();
    expect(args).toContain('--scheme https');
    for (const dir of [CONTENT.docs.dir, CONTENT.tools.dir, CONTENT.resources.dir, CONTENT.sources.dir]) {
      expect(inputs.some((input) => input.startsWith(`${dir}/`)), `lychee reads nothing under ${dir}`).toBe(true);
    }
    for (const input of inputs) expect(globSync(input, { cwd: ROOT }).length, `${input} matches no file`).toBeGreaterThan(0);
    // Its failure must not fail the step: the steps after it report the result.
    expect(lychee?.with?.['fail']).toBe(false);
  });

  it('opens or updates an issue only when lychee found rotten links', () => {
    expect(workflow.permissions?.['issues']).toBe('write');
    expect(issueStep?.if?.replace(/\s+/g, ' ')).toBe(`steps.${lychee?.id}.outputs.exit_code != 0`);
    expect(issueStep?.with?.['content-filepath']).toBe(lychee?.with?.['output']);
    // An open issue is updated rather than duplicated.
    expect(String(issueStep?.with?.['issue-number'])).toMatch(/^\$\{\{ steps\.\w+\.outputs\.number \}\}$/);
  });

  it('fails the run when links rot, so the red run sits next to the issue', () => {
    const fail = steps.find((step) => step.run?.includes(`exit \${{ steps.${lychee?.id}.outputs.exit_code }}`));
    expect(fail?.if).toBe(`steps.${lychee?.id}.outputs.exit_code != 0`);
  });
});
