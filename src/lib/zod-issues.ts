import type { z } from 'astro/zod';

/** A contributor-facing sentence for a schema issue: which field, and what is wrong with it. */
export function describeIssue(issue: z.core.$ZodIssue): string {
  const field = issue.path.length > 0 ? issue.path.map(String).join('.') : 'the file';
  if (issue.code === 'invalid_type' && /received undefined/.test(issue.message)) {
    return `"${field}" is required but missing`;
  }
  if (issue.code === 'unrecognized_keys') {
    return `${field === 'the file' ? 'the file has' : `"${field}" has`} unknown field(s) ${issue.keys.map((k) => `"${k}"`).join(', ')}; remove or rename them`;
  }
  if (issue.code === 'invalid_value' && 'values' in issue) {
    return `"${field}" must be one of ${issue.values.map((v) => String(v)).join(', ')}`;
  }
  return `"${field}": ${issue.message}`;
}
