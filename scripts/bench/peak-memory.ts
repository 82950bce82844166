/**
 * Preloaded into each Node process of a benchmarked build (NODE_OPTIONS=--import=…): at exit it appends
 * the process's peak resident memory, in KiB, to the file MLE_BENCH_PEAK_FILE names.
 */
import { appendFileSync } from 'node:fs';

const file = process.env['MLE_BENCH_PEAK_FILE'];
if (file) process.on('exit', () => appendFileSync(file, `${process.resourceUsage().maxRSS}\n`));
