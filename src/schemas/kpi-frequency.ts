/**
 * How often a KPI is reviewed. The data file writes it as free text ("Monthly", "Daily/weekly",
 * "Per experiment/release"); this reads it once into the set of cadences it names, so a filter for
 * "weekly" finds "Daily/weekly" and "Weekly/monthly" too. The schema refuses text it cannot read.
 */

/** The cadences a frequency can name, from the most to the least frequent review. */
export const CADENCES = [
  { id: 'daily', label: 'Daily' },
  { id: 'weekly', label: 'Weekly' },
  { id: 'monthly', label: 'Monthly' },
  { id: 'quarterly', label: 'Quarterly' },
  { id: 'per-experiment', label: 'Per experiment' },
  { id: 'per-release', label: 'Per release' },
] as const;

export type Cadence = (typeof CADENCES)[number]['id'];

const BY_WORDS = new Map<string, Cadence>(CADENCES.map((cadence) => [cadence.label.toLowerCase(), cadence.id]));

export type FrequencyResult = { ok: true; cadences: Cadence[] } | { ok: false; reason: string };

/**
 * Reads a written frequency: cadences separated by "/", where a "per" in front of the first one
 * carries over to the rest ("Per experiment/release" is per experiment and per release). The
 * cadences come back in the order of CADENCES, each once.
 */
export function parseFrequency(text: string): FrequencyResult {
  const parts = text.split('/').map((part) => part.trim().toLowerCase().replace(/\s+/g, ' '));
  const carriesPer = parts[0]?.startsWith('per ') ?? false;
  const found = new Set<Cadence>();
  for (const part of parts) {
    const words = carriesPer && !part.startsWith('per ') ? `per ${part}` : part;
    const cadence = BY_WORDS.get(words);
    if (!cadence) {
      const known = CADENCES.map((c) => c.label).join(', ');
      return { ok: false, reason: `"${part}" in "${text}" is not a cadence this site knows; write one or more of ${known}, separated by "/" (for example "Daily/weekly")` };
    }
    found.add(cadence);
  }
  return { ok: true, cadences: CADENCES.map((c) => c.id).filter((id) => found.has(id)) };
}

/** Where a frequency sorts: by the most frequent cadence it names. */
export const cadenceRank = (cadences: readonly Cadence[]): number => Math.min(...cadences.map((id) => CADENCES.findIndex((c) => c.id === id)));
