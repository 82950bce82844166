import type { Reporter } from './reporter.ts';
import { formatGithub } from './github.ts';
import { formatJson } from './json.ts';
import { formatText } from './text.ts';

/** Every output format of the checker, by the name `--format` takes. */
export const REPORTERS = { text: formatText, json: formatJson, github: formatGithub } as const satisfies Record<string, Reporter>;

export type ReporterName = keyof typeof REPORTERS;

/** The reporter named by `--format`, or a message that lists the names there are. */
export function reporterNamed(name: string): { ok: true; reporter: Reporter } | { ok: false; message: string } {
  if (Object.hasOwn(REPORTERS, name)) return { ok: true, reporter: REPORTERS[name as ReporterName] };
  return { ok: false, message: `Unknown --format "${name}"; use one of: ${Object.keys(REPORTERS).join(', ')}` };
}
