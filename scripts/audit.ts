#!/usr/bin/env node
/**
 * npm run audit: fails on any high or critical advisory in the production dependencies. Where the
 * registry offers no advisory service (some mirrors answer 405), it says so loudly and does not fail,
 * because no advisory data is not the same as a vulnerable dependency.
 */
import { spawnSync } from 'node:child_process';

const npm = process.env['npm_execpath'];
const result = npm
  ? spawnSync(process.execPath, [npm, 'audit', '--omit=dev', '--json'], { encoding: 'utf8' })
  : spawnSync('npm', ['audit', '--omit=dev', '--json'], { encoding: 'utf8', shell: process.platform === 'win32' });
let report: { statusCode?: number; message?: string; metadata?: { vulnerabilities?: Record<string, number> } };
try {
  report = JSON.parse(result.stdout) as typeof report;
} catch {
  console.error(`npm audit printed no JSON report:\n${result.stderr}`);
  process.exit(1);
}
if (report.statusCode !== undefined && !report.metadata) {
  console.warn(`⚠ npm audit could not reach an advisory service (${report.message ?? report.statusCode}); no advisories were checked.`);
  process.exit(0);
}
const counts = report.metadata?.vulnerabilities ?? {};
const serious = (counts['high'] ?? 0) + (counts['critical'] ?? 0);
console.log(`npm audit (production dependencies): ${JSON.stringify(counts)}`);
if (serious > 0) {
  console.error(`✗ ${serious} high or critical advisories; run "npm audit --omit=dev" for details and upgrade the packages it names.`);
  process.exit(1);
}
