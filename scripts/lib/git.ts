import { execFileSync } from 'node:child_process';

/** Git, read-only, for `npm run review`: what changed since a commit, and files as they were there. */

export class GitError extends Error {}

function git(root: string, args: readonly string[]): string {
  try {
    return execFileSync('git', ['-C', root, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 256 * 1024 * 1024 });
  } catch (error) {
    const { stderr, code } = error as { stderr?: string; code?: string };
    if (code === 'ENOENT') throw new GitError('git is not installed; npm run review compares with a commit and needs it.');
    throw new GitError((stderr ?? String(error)).trim().split('\n')[0] ?? 'git failed');
  }
}

const lines = (text: string): string[] => text.split('\n').filter((line) => line !== '');

/**
 * The commit to compare with: the point where the branch left `ref` (as a pull request's diff is taken),
 * or `ref` itself when they share no history. Throws a GitError saying what is wrong.
 */
export function baseCommit(root: string, ref: string): string {
  try {
    git(root, ['rev-parse', '--is-inside-work-tree']);
  } catch {
    throw new GitError(`${root} is not a git checkout, so there is nothing to compare with.`);
  }
  let commit: string;
  try {
    commit = git(root, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`]).trim();
  } catch {
    throw new GitError(`There is no commit "${ref}" in this repository. Name a branch, tag or commit, such as --base main or --base origin/main (run "git fetch origin main" first in a fresh clone).`);
  }
  try {
    return git(root, ['merge-base', commit, 'HEAD']).trim() || commit;
  } catch {
    return commit;
  }
}

/** Files under `paths` that differ between `commit` and the working tree, or that git does not track yet. */
export function changedFiles(root: string, commit: string, paths: readonly string[]): string[] {
  // Paths relative to the project folder, which may sit below the repository's top.
  const tracked = lines(git(root, ['diff', '--name-only', '--no-renames', '--relative', commit, '--', ...paths]));
  const untracked = lines(git(root, ['ls-files', '--others', '--exclude-standard', '--', ...paths]));
  return [...new Set([...tracked, ...untracked])].sort();
}

/** A file's text at `commit`, or undefined when it did not exist there. */
export function fileAt(root: string, commit: string, file: string): string | undefined {
  try {
    return git(root, ['show', `${commit}:./${file}`]);
  } catch {
    return undefined;
  }
}

/** The short name of a commit, for headings. */
export function shortCommit(root: string, commit: string): string {
  try {
    return git(root, ['rev-parse', '--short', commit]).trim();
  } catch {
    return commit.slice(0, 7);
  }
}
