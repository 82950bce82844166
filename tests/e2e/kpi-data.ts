import { KPI_CATEGORIES } from '../../src/schemas/kpi.ts';
import { CADENCES, parseFrequency, type Cadence } from '../../src/schemas/kpi-frequency.ts';
import { siteData } from '../../src/site/site.ts';

/** The KPIs the site is built from, and facts about them the browser tests compare pages with. */
export const { kpis } = siteData().data;

/** The explorer's unsorted order: grouped by category, in the file's order within each. */
export const groupedNames = KPI_CATEGORIES.flatMap((category) => kpis.filter((kpi) => kpi.category === category).map((kpi) => kpi.name));

export const cadencesOf = (frequency: string): Cadence[] => {
  const parsed = parseFrequency(frequency);
  return parsed.ok ? parsed.cadences : [];
};

/** A category and a cadence that no KPI has together, found in the data rather than assumed. */
export function emptyCombination(): { category: string; frequency: Cadence } {
  for (const { category } of kpis) {
    const cadence = CADENCES.find(({ id }) => !kpis.some((other) => other.category === category && cadencesOf(other.frequency).includes(id)));
    if (cadence) return { category, frequency: cadence.id };
  }
  throw new Error('every category has a KPI of every cadence; the empty-view tests need another way to find no match');
}
