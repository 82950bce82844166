import { existsSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';
import { closest, distance } from 'fastest-levenshtein';
import { CONTENT } from '../../src/site/data.ts';

/**
 * The command lines of the project's scripts, read one way: a mistyped option, a missing value or an
 * argument too many prints what is wrong and the command's usage, and exits with 2, never a stack trace.
 */

/** A command: how to call it, and the options it takes. */
export interface CommandSpec<O extends ParseArgsOptionsConfig> {
  /** The usage text, printed for --help and after every argument error. */
  usage: string;
  options: O;
  /** How many positional arguments the command takes at most (default: none). */
  maxPositionals?: number;
}

/** Exit code of a command called wrongly (as POSIX tools use it). */
export const USAGE_EXIT = 2;

/** Prints `message` and the usage to standard error, and exits with 2. */
export function failUsage(message: string, usage: string): never {
  console.error(`${message}\n\n${usage}`);
  process.exit(USAGE_EXIT);
}

/** Prints `message` to standard error and exits with `code`: for input a command cannot work with. */
export function fail(message: string, code = 1): never {
  console.error(message);
  process.exit(code);
}

/** What a command line asks for: to run with these values, to show the usage, or nothing, being wrong. */
export type CommandLine<V, P = string[]> = { kind: 'run'; values: V; positionals: P } | { kind: 'help' } | { kind: 'error'; message: string };

/** Reads a command line against a command's spec, without printing or exiting. */
export function readCommandLine<const O extends ParseArgsOptionsConfig>(spec: CommandSpec<O>, args: readonly string[]) {
  const config = { args: [...args], options: spec.options, allowPositionals: true, strict: true } as const;
  type Parsed = ReturnType<typeof parseArgs<typeof config>>;
  let parsed: Parsed;
  try {
    // --help is read on its own pass, so that the caller's option types stay exactly its own.
    if (parseArgs({ args: [...args], options: { help: { type: 'boolean', short: 'h' } }, strict: false }).values.help === true) return { kind: 'help' } as const;
    parsed = parseArgs(config);
  } catch (error) {
    return { kind: 'error', message: describeArgumentError(error, Object.keys(spec.options)) } as const;
  }
  const allowed = spec.maxPositionals ?? 0;
  if (parsed.positionals.length > allowed) {
    const extra = parsed.positionals.slice(allowed);
    return { kind: 'error', message: `Unexpected argument${extra.length === 1 ? '' : 's'} ${extra.map((value) => `"${value}"`).join(', ')}.` } as const;
  }
  return { kind: 'run', values: parsed.values, positionals: parsed.positionals } as const;
}

/** The parsed command line, or an exit: with the usage on --help (0) or after an argument error (2). */
export function parseCommandLine<const O extends ParseArgsOptionsConfig>(spec: CommandSpec<O>, args: readonly string[] = process.argv.slice(2)) {
  const line = readCommandLine(spec, args);
  if (line.kind === 'help') {
    console.log(spec.usage);
    process.exit(0);
  }
  if (line.kind === 'error') failUsage(line.message, spec.usage);
  return line;
}

/** Node's parser errors, reworded for a person: which option, and what it should have been. */
function describeArgumentError(error: unknown, optionNames: readonly string[]): string {
  const { code, message } = error as { code?: string; message?: string };
  const named = /'(-{1,2}[^' ]+)/.exec(message ?? '')?.[1] ?? '';
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION': {
      const name = named.replace(/^-+/, '');
      const guess = optionNames.length > 0 ? closest(name, [...optionNames]) : undefined;
      // Only a near miss is worth a guess: "--frmat" meant --format, "-x" meant nothing in particular.
      const edits = guess === undefined ? Number.POSITIVE_INFINITY : distance(name, guess);
      const near = name.length > 1 && (edits <= 1 || (edits <= 2 && name.length >= 3));
      return `Unknown option ${named}${near ? `; did you mean --${guess}?` : '.'}`;
    }
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return /does not take an argument/.test(message ?? '') ? `Option ${named} takes no value.` : `Option ${named} needs a value.`;
    default:
      return message ?? String(error);
  }
}

/** What is wrong with the folder `--root` names, or undefined when it holds a copy of the wiki. */
export function projectRootProblem(value: string): string | undefined {
  const root = resolve(value);
  const name = "name the wiki's folder (the one that holds package.json and src/)";
  if (!existsSync(root)) return `--root ${value}: there is no folder ${root}; ${name}.`;
  if (!statSync(root).isDirectory()) return `--root ${value}: ${root} is a file; ${name}.`;
  if (!existsSync(join(root, CONTENT.docs.dir))) return `--root ${value}: ${root} has no ${CONTENT.docs.dir}/ folder, so it is not a copy of the wiki; ${name}.`;
  return undefined;
}

/** The project folder `--root` names, or an exit with a clear message (and 2) when it is not one. */
export function projectRoot(value: string): string {
  const problem = projectRootProblem(value);
  if (problem !== undefined) fail(problem, USAGE_EXIT);
  return resolve(value);
}

/**
 * Writes a report where `--output` says, or prints it. With a file, the terminal gets one line naming
 * it, so that `npm run check -- --format json --output out.json` leaves a file that is only JSON
 * (npm prints its own banner on standard output, before the command starts).
 */
export function deliver(report: string, output: string | undefined, summary: string): void {
  if (output === undefined) {
    console.log(report);
    return;
  }
  try {
    writeFileSync(output, `${report}\n`);
  } catch (error) {
    fail(`Cannot write the report to ${output}: ${(error as Error).message}`, USAGE_EXIT);
  }
  console.log(`${summary} (report written to ${output})`);
}
