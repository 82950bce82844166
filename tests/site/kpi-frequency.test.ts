import { describe, expect, it } from 'vitest';
import { cadenceRank, parseFrequency } from '../../src/schemas/kpi-frequency.ts';
import { KpiListSchema } from '../../src/schemas/kpi.ts';
import { parseDataFile } from '../../src/site/data.ts';

describe('KPI frequencies', () => {
  it.each([
    ['Monthly', ['monthly']],
    ['Daily/weekly', ['daily', 'weekly']],
    ['Weekly/monthly', ['weekly', 'monthly']],
    ['Monthly / weekly', ['weekly', 'monthly']],
    ['Per release', ['per-release']],
    ['Per experiment/release', ['per-experiment', 'per-release']],
    ['quarterly', ['quarterly']],
  ])('reads %j as the cadences it names', (text, cadences) => {
    expect(parseFrequency(text)).toEqual({ ok: true, cadences });
  });

  it('refuses a cadence it does not know, saying which ones it does', () => {
    expect(parseFrequency('Biweekly')).toEqual({
      ok: false,
      reason: '"biweekly" in "Biweekly" is not a cadence this site knows; write one or more of Daily, Weekly, Monthly, Quarterly, Per experiment, Per release, separated by "/" (for example "Daily/weekly")',
    });
  });

  it('sorts a frequency by its most frequent cadence', () => {
    expect(cadenceRank(['weekly', 'monthly'])).toBe(1);
    expect(cadenceRank(['per-experiment', 'per-release'])).toBeGreaterThan(cadenceRank(['quarterly']));
  });

  it('refuses an unreadable frequency in the KPI file at its line', () => {
    const file = [
      '- id: mttr',
      '  name: MTTR',
      '  category: reliability',
      '  measures: Time to restore.',
      '  whyItMatters: Outages cost.',
      '  target: "< 1 h"',
      '  frequency: Fortnightly',
      '  recipe:',
      '    formula: "Mean of (restored at − detected at) over the incidents"',
      '    dataSources: [incident-tracker]',
      '    example: "Three incidents took 20, 40 and 90 minutes to restore: the mean is 50 minutes."',
      '    pitfalls: "Closing incidents early makes the mean look better than the service was for users."',
      '',
    ].join('\n');
    const result = parseDataFile('src/content/kpis/kpis.yaml', file, KpiListSchema);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => `${p.position.line}:${p.position.column} ${p.message}`)).toEqual([expect.stringMatching(/^7:\d+ "0\.frequency": "fortnightly" in "Fortnightly" is not a cadence/)]);
  });
});
